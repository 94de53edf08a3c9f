// The compact parts of an evidence row: SharedString (one allocation per distinct text, shared
// by count) and FieldName (interned field names).
#include <array>
#include <atomic>
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

#include "sitrep/event.h"

namespace sitrep {

SharedString::SharedString(std::string_view text) {
  if (text.empty()) return;
  if (text.size() > UINT32_MAX) throw std::length_error("SharedString: text over 4 GB");
  void* memory = ::operator new(sizeof(Rep) + text.size());
  rep_ = new (memory) Rep{{1}, static_cast<uint32_t>(text.size())};
  std::memcpy(static_cast<char*>(memory) + sizeof(Rep), text.data(), text.size());
}

SharedString& SharedString::operator=(const SharedString& other) noexcept {
  Rep* const rep = other.rep_;  // read first: `other` may be this string
  other.Ref();
  Unref();
  rep_ = rep;
  return *this;
}

SharedString& SharedString::operator=(SharedString&& other) noexcept {
  if (this != &other) {
    Unref();
    rep_ = other.rep_;
    other.rep_ = nullptr;
  }
  return *this;
}

void SharedString::Free(Rep* rep) noexcept {
  rep->~Rep();
  ::operator delete(rep);
}

std::ostream& operator<<(std::ostream& out, const SharedString& text) { return out << text.view(); }

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
