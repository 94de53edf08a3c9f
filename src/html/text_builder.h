// Builds clean text one byte at a time while recording where each byte came from, then filters
// whole paragraphs and joins them with '\n' into text + OffsetMap.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"

namespace sitrep::html {

class TextBuilder {
 public:
  // Appends a visible (non-space) byte copied verbatim from `source`, or produced from the
  // source bytes at `source` when `copied` is false (a decoded entity, a normalized newline).
  void Put(char c, uint64_t source, bool copied);
  // A whitespace byte at `source`: collapses with neighbours into at most one ' '.
  void Space(uint64_t source, bool is_plain_space);
  // Ends the current paragraph (no-op when it is empty).
  void Break();

  // Joins the paragraphs for which `keep(paragraph_text)` holds.
  template <typename Keep>
  void Finish(Keep keep, std::string* text, OffsetMap* map);

 private:
  struct Run {
    uint32_t begin;   // in paragraph_
    uint32_t length;
    uint64_t source;
    bool copied;
  };
  void Emit(char c, uint64_t source, bool copied);
  void Flush(std::string* text, OffsetMap* map);

  struct Paragraph {
    std::string text;
    std::vector<Run> runs;
  };
  std::vector<Paragraph> paragraphs_;
  Paragraph current_;
  bool pending_space_ = false;
  uint64_t space_source_ = 0;
  bool space_plain_ = true;
};

template <typename Keep>
void TextBuilder::Finish(Keep keep, std::string* text, OffsetMap* map) {
  Break();
  for (const Paragraph& p : paragraphs_) {
    if (!keep(std::string_view(p.text))) continue;
    if (!text->empty()) {
      // The separator stands for the start of the paragraph it introduces.
      map->AddReplacement(static_cast<uint32_t>(text->size()), 1, p.runs.front().source);
      text->push_back('\n');
    }
    uint32_t base = static_cast<uint32_t>(text->size());
    for (const Run& r : p.runs) {
      if (r.copied) {
        map->AddCopy(base + r.begin, r.source, r.length);
      } else {
        map->AddReplacement(base + r.begin, r.length, r.source);
      }
    }
    text->append(p.text);
  }
  paragraphs_.clear();
}

}  // namespace sitrep::html
