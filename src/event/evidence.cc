// The compact parts of an evidence row: its counted block of strings (one per document for the
// rows the event assembler makes) and FieldName (interned field names).
#include <algorithm>
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <iterator>
#include <mutex>
#include <new>
#include <ostream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sitrep/event.h"

namespace sitrep {

Evidence::Evidence(FieldName field, std::string_view doc_id, uint32_t start, uint32_t end,
                   std::string_view text)
    : field(field), start(start), end(end) {
  if (doc_id.empty() && text.empty()) return;
  if (doc_id.size() + text.size() > UINT32_MAX) {
    throw std::length_error("Evidence: strings over 4 GB");
  }
  void* memory = ::operator new(sizeof(Block) + doc_id.size() + text.size());
  block_ = new (memory) Block{{1}, static_cast<uint32_t>(doc_id.size())};
  char* const bytes = static_cast<char*>(memory) + sizeof(Block);
  if (!doc_id.empty()) std::memcpy(bytes, doc_id.data(), doc_id.size());
  if (!text.empty()) std::memcpy(bytes + doc_id.size(), text.data(), text.size());
  text_at_ = static_cast<uint32_t>(doc_id.size());
  text_size_ = static_cast<uint32_t>(text.size());
}

Evidence& Evidence::operator=(const Evidence& other) noexcept {
  // The copy counts the block up before this row lets its own go: `other` may be this row.
  Evidence copy(other);
  return *this = std::move(copy);
}

Evidence& Evidence::operator=(Evidence&& other) noexcept {
  if (this != &other) {
    if (block_) Unref(block_);
    field = other.field;
    start = other.start;
    end = other.end;
    block_ = other.block_;
    text_at_ = other.text_at_;
    text_size_ = other.text_size_;
    other.block_ = nullptr;
    other.text_at_ = other.text_size_ = 0;
  }
  return *this;
}

void Evidence::Free(Block* block) noexcept {
  block->~Block();
  ::operator delete(block);
}

void ShareEvidenceStrings(std::string_view doc_id, std::string_view text, std::span<Event> events) {
  // One pass over the rows lays out each distinct span once, in the order first met, and
  // writes each row's place in the block; a second gives the rows the block. Rows of one span
  // mostly come together (a place is the evidence of ten fields), and a document has a few
  // dozen distinct spans: the last span is remembered, the others searched one by one (a sort
  // of the spans cost more than the rest together).
  thread_local std::vector<uint64_t> spans;    // distinct spans, as start << 32 | end
  thread_local std::vector<uint32_t> span_at;  // each one's text, from the start of the bytes
  spans.clear();
  span_at.clear();
  size_t bytes = doc_id.size();
  uint64_t last_key = 0;  // the span met last (0: none, as no span given strings is empty)
  uint32_t last_at = 0;   // and where its text is
  for (Event& e : events) {
    for (Evidence& row : e.evidence) {
      // A row without strings has text_size_ 0: the ones given a place below have more.
      if (row.block_ != nullptr || row.start >= row.end || row.end > text.size()) continue;
      const uint64_t key = uint64_t{row.start} << 32 | row.end;
      if (key != last_key) {
        last_key = key;
        // (Among the last 64 only: a long document's spans are not searched for every new one;
        // a span met again after that many others has its bytes twice, the text the same.)
        const auto from = spans.end() - static_cast<ptrdiff_t>(std::min<size_t>(spans.size(), 64));
        const auto known = std::find(from, spans.end(), key);
        if (known != spans.end()) {
          last_at = span_at[static_cast<size_t>(known - spans.begin())];
        } else {
          if (bytes > UINT32_MAX) throw std::length_error("Evidence: strings over 4 GB");
          last_at = static_cast<uint32_t>(bytes);
          spans.push_back(key);
          span_at.push_back(last_at);
          bytes += row.end - row.start;
        }
      }
      row.text_at_ = last_at;
      row.text_size_ = row.end - row.start;
    }
  }
  if (spans.empty()) return;
  if (bytes > UINT32_MAX) throw std::length_error("Evidence: strings over 4 GB");
  void* memory = ::operator new(sizeof(Evidence::Block) + bytes);
  char* const out = static_cast<char*>(memory) + sizeof(Evidence::Block);
  if (!doc_id.empty()) std::memcpy(out, doc_id.data(), doc_id.size());
  for (size_t k = 0; k < spans.size(); ++k) {
    const auto start = static_cast<uint32_t>(spans[k] >> 32), end = static_cast<uint32_t>(spans[k]);
    std::memcpy(out + span_at[k], text.data() + start, end - start);
  }
  // The rows take the block, counted once for all of them (nothing else sees it yet).
  auto* const block = new (memory) Evidence::Block{{0}, static_cast<uint32_t>(doc_id.size())};
  uint32_t rows = 0;
  for (Event& e : events) {
    for (Evidence& row : e.evidence) {
      if (row.block_ == nullptr && row.text_size_ != 0) {
        row.block_ = block;
        ++rows;
      }
    }
  }
  block->refs.store(rows, std::memory_order_relaxed);
}

std::ostream& operator<<(std::ostream& out, FieldName name) { return out << name.view(); }

namespace {

// Every field name of the event contract (docs/event-schema.md §2), in its order; "" first.
// clang-format off
constexpr std::string_view kFieldNames[] = {
    "", "event_id", "doc_ids", "event_type", "sub_event_type", "date_start", "date_end",
    "event_date", "time_precision", "date_prec", "actor1", "actor2", "assoc_actor_1",
    "assoc_actor_2", "inter1", "inter2", "interaction", "side_a", "side_b", "country", "iso3",
    "admin1", "admin2", "location", "latitude", "longitude", "geonameid", "geo_precision",
    "where_prec", "fatalities", "deaths_best", "deaths_low", "deaths_high", "deaths_side_a",
    "deaths_side_b", "deaths_civilians", "deaths_unknown", "injured", "named_persons",
    "historical", "confidence", "notes", "evidence"};
// clang-format on

// Names outside the contract, each stored once and never freed (a handful at most: they come
// only from stored events written by other versions).
class OtherNames {
 public:
  const std::string_view* Intern(std::string_view name) {
    std::lock_guard lock(mu_);
    if (auto it = index_.find(name); it != index_.end()) return it->second;
    const std::string& kept = text_.emplace_back(name);
    const std::string_view* view = &views_.emplace_back(kept);
    index_.emplace(*view, view);
    return view;
  }

 private:
  std::mutex mu_;
  std::deque<std::string> text_;  // deques: elements never move
  std::deque<std::string_view> views_;
  std::unordered_map<std::string_view, const std::string_view*> index_;
};

}  // namespace

FieldName::FieldName() noexcept : name_(&kFieldNames[0]) {}

// kFieldNames' indices grouped by name length, in table order within a length: a lookup
// compares only the names as long as the one asked (at most eight), not all 43.
constexpr size_t kLongestFieldName = 16;
struct FieldsByLength {
  std::array<uint8_t, kLongestFieldName + 2> begin{};  // of each length's run in `index`
  std::array<uint8_t, std::size(kFieldNames)> index{};
};
constexpr FieldsByLength kFieldsByLength = [] {
  FieldsByLength t;
  size_t at = 0;
  for (size_t length = 0; length <= kLongestFieldName; ++length) {
    t.begin[length] = static_cast<uint8_t>(at);
    for (size_t i = 0; i < std::size(kFieldNames); ++i) {
      if (kFieldNames[i].size() == length) t.index[at++] = static_cast<uint8_t>(i);
    }
  }
  t.begin[kLongestFieldName + 1] = static_cast<uint8_t>(at);
  return t;
}();
static_assert(kFieldsByLength.begin[kLongestFieldName + 1] == std::size(kFieldNames),
              "a field name is longer than kLongestFieldName");

FieldName::FieldName(std::string_view name) {
  if (name.size() <= kLongestFieldName) {
    for (size_t k = kFieldsByLength.begin[name.size()]; k < kFieldsByLength.begin[name.size() + 1];
         ++k) {
      const std::string_view& known = kFieldNames[kFieldsByLength.index[k]];
      // The end bytes first: they tell most names of one length apart without a memcmp call.
      if (!name.empty() && (known.front() != name.front() || known.back() != name.back())) {
        continue;
      }
      if (known == name) {
        name_ = &known;
        return;
      }
    }
  }
  static OtherNames* const others = new OtherNames;  // never destroyed: names outlive statics
  name_ = others->Intern(name);
}

}  // namespace sitrep
