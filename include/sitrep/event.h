// An extracted conflict event (contract §2). Field names follow the contract exactly.
#pragma once

#include <atomic>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

class JsonWriter;

struct NamedPerson {
  std::string name;
  std::string role;  // "deputy commander", may be empty
  std::string fate;  // "killed", "injured", "arrested", "wanted", ...
};

// An immutable string shared by reference: copies are a pointer copy (thread-safe count), so
// the evidence rows of one span share one text and the rows of one document one id. Converts
// from and compares with strings; read it as a std::string_view.
class SharedString {
 public:
  SharedString() noexcept = default;
  SharedString(std::string_view text);  // NOLINT(google-explicit-constructor): a string value
  SharedString(const std::string& text) : SharedString(std::string_view(text)) {}  // NOLINT
  SharedString(const char* text) : SharedString(std::string_view(text)) {}         // NOLINT
  SharedString(const SharedString& other) noexcept : rep_(other.rep_) { Ref(); }
  SharedString(SharedString&& other) noexcept : rep_(other.rep_) { other.rep_ = nullptr; }
  SharedString& operator=(const SharedString& other) noexcept;
  SharedString& operator=(SharedString&& other) noexcept;
  ~SharedString() {
    if (rep_) Unref();  // moved-from and empty strings, the common case, skip the call
  }

  std::string_view view() const noexcept {
    return rep_ ? std::string_view(reinterpret_cast<const char*>(rep_ + 1), rep_->size)
                : std::string_view();
  }
  operator std::string_view() const noexcept { return view(); }  // NOLINT
  size_t size() const noexcept { return rep_ ? rep_->size : 0; }
  bool empty() const noexcept { return size() == 0; }

  friend bool operator==(const SharedString& a, const SharedString& b) noexcept {
    return a.rep_ == b.rep_ || a.view() == b.view();
  }
  friend bool operator==(const SharedString& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const SharedString& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const SharedString& a, const char* b) { return a.view() == b; }
  friend auto operator<=>(const SharedString& a, const SharedString& b) {
    return a.view() <=> b.view();
  }
  friend auto operator<=>(const SharedString& a, std::string_view b) { return a.view() <=> b; }
  friend auto operator<=>(const SharedString& a, const std::string& b) {
    return a.view() <=> std::string_view(b);
  }
  friend auto operator<=>(const SharedString& a, const char* b) {
    return a.view() <=> std::string_view(b);
  }

 private:
  struct Rep {  // followed by the bytes
    std::atomic<uint32_t> refs;
    uint32_t size;
  };
  // Inline: a count goes up or down for every evidence row copied or dropped.
  void Ref() const noexcept {
    if (rep_) rep_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  void Unref() noexcept {
    if (rep_ && rep_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) Free(rep_);
    rep_ = nullptr;
  }
  static void Free(Rep* rep) noexcept;
  Rep* rep_ = nullptr;
};

// The name of an event field an evidence row stands for ("fatalities"): interned, so a row
// holds one pointer and equal names are the same pointer. The contract's field names are
// built in; any other name (read from a store) is interned once for the life of the process.
class FieldName {
 public:
  // The empty name.
  FieldName() noexcept;
  FieldName(std::string_view name);                                          // NOLINT
  FieldName(const std::string& name) : FieldName(std::string_view(name)) {}  // NOLINT
  FieldName(const char* name) : FieldName(std::string_view(name)) {}         // NOLINT

  std::string_view view() const noexcept { return *name_; }
  operator std::string_view() const noexcept { return *name_; }  // NOLINT
  size_t size() const noexcept { return name_->size(); }
  bool empty() const noexcept { return name_->empty(); }

  friend bool operator==(FieldName a, FieldName b) noexcept { return a.name_ == b.name_; }
  friend bool operator==(FieldName a, std::string_view b) { return a.view() == b; }
  friend bool operator==(FieldName a, const std::string& b) { return a.view() == b; }
  friend bool operator==(FieldName a, const char* b) { return a.view() == b; }
  friend auto operator<=>(FieldName a, FieldName b) { return a.view() <=> b.view(); }
  friend auto operator<=>(FieldName a, std::string_view b) { return a.view() <=> b; }
  friend auto operator<=>(FieldName a, const std::string& b) {
    return a.view() <=> std::string_view(b);
  }
  friend auto operator<=>(FieldName a, const char* b) { return a.view() <=> std::string_view(b); }

 private:
  const std::string_view* name_;  // in the built-in table or the process-wide intern table
};

// Print as the string (test messages).
std::ostream& operator<<(std::ostream& out, const SharedString& text);
std::ostream& operator<<(std::ostream& out, FieldName name);

// The byte span behind one field of an event, in one document's clean text. 32 bytes: an event
// has about 25 rows, and merging across documents holds every report's rows until the end.
struct Evidence {
  FieldName field;
  SharedString doc_id;
  uint32_t start = 0;
  uint32_t end = 0;
  SharedString text;
};

struct Event {
  std::string event_id;
  std::vector<std::string> doc_ids;
  std::string event_type;
  std::string sub_event_type;
  std::optional<std::string> date_start, date_end, event_date;  // "YYYY-MM-DD"
  int time_precision = 3;
  int date_prec = 5;
  std::optional<std::string> actor1, actor2;
  std::vector<std::string> assoc_actor_1, assoc_actor_2;
  int inter1 = 0, inter2 = 0;
  int interaction = 0;
  std::optional<std::string> side_a, side_b;
  std::string country, iso3;
  std::optional<std::string> admin1, admin2;
  std::string location;
  std::optional<double> latitude, longitude;
  std::optional<int64_t> geonameid;
  int geo_precision = 3;
  int where_prec = 6;
  int fatalities = 0;
  int deaths_best = 0, deaths_low = 0, deaths_high = 0;
  int deaths_side_a = 0, deaths_side_b = 0, deaths_civilians = 0, deaths_unknown = 0;
  std::optional<int> injured;
  std::vector<NamedPerson> named_persons;
  bool historical = false;
  double confidence = 0;
  std::string notes;
  std::vector<Evidence> evidence;
};

// Appends the event as one JSON object (contract §2 field names) to `out`.
void AppendEventJson(const Event& event, std::string* out);

// The `named_persons` and `evidence` arrays as AppendEventJson writes them (the value only; the
// caller writes the key), shared with stores that keep these fields as JSON.
void WriteNamedPersons(JsonWriter& w, const std::vector<NamedPerson>& persons);
void WriteEvidence(JsonWriter& w, const std::vector<Evidence>& evidence);

}  // namespace sitrep
