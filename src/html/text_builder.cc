#include "html/text_builder.h"

namespace sitrep::html {

void TextBuilder::Emit(char c, uint64_t source, bool copied) {
  uint32_t at = static_cast<uint32_t>(current_.text.size());
  current_.text.push_back(c);
  if (!current_.runs.empty()) {
    Run& last = current_.runs.back();
    if (last.begin + last.length == at && last.copied == copied &&
        (copied ? last.source + last.length == source : last.source == source)) {
      ++last.length;
      return;
    }
  }
  current_.runs.push_back({at, 1, source, copied});
}

void TextBuilder::Put(char c, uint64_t source, bool copied) {
  if (pending_space_) {
    if (!current_.text.empty()) Emit(' ', space_source_, space_plain_);
    pending_space_ = false;
  }
  Emit(c, source, copied);
}

void TextBuilder::Space(uint64_t source, bool is_plain_space) {
  if (pending_space_) return;
  pending_space_ = true;
  space_source_ = source;
  space_plain_ = is_plain_space;
}

void TextBuilder::Break() {
  pending_space_ = false;
  if (current_.text.empty()) return;
  paragraphs_.push_back(std::move(current_));
  current_ = Paragraph();
}

}  // namespace sitrep::html
