// An extracted conflict event (contract §2). Field names follow the contract exactly.
#pragma once

#include <atomic>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
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
std::ostream& operator<<(std::ostream& out, FieldName name);

struct Event;

// The byte span behind one field of an event, in one document's clean text, with the
// document's id and the span's text. 32 bytes: an event has about 25 rows, and merging across
// documents holds every report's rows until the end.
// The two strings live in a counted block the row shares: the event assembler makes one block
// per document, for every row of its events (ShareEvidenceStrings), where a string per row
// made two allocations, freed one by one from cold memory; a row made from strings has a block
// of its own. Copies share the block (a thread-safe count).
class Evidence {
 public:
  FieldName field;
  uint32_t start = 0;
  uint32_t end = 0;

  Evidence() noexcept = default;
  // A row holding its own copy of `doc_id` and `text` (one allocation).
  Evidence(FieldName field, std::string_view doc_id, uint32_t start, uint32_t end,
           std::string_view text);
  // A row without strings yet (both empty): ShareEvidenceStrings gives them.
  Evidence(FieldName field, uint32_t start, uint32_t end) noexcept
      : field(field), start(start), end(end) {}
  Evidence(const Evidence& other) noexcept
      : field(other.field),
        start(other.start),
        end(other.end),
        block_(other.block_),
        text_at_(other.text_at_),
        text_size_(other.text_size_) {
    if (block_) block_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  Evidence(Evidence&& other) noexcept
      : field(other.field),
        start(other.start),
        end(other.end),
        block_(other.block_),
        text_at_(other.text_at_),
        text_size_(other.text_size_) {
    other.block_ = nullptr;
    other.text_at_ = other.text_size_ = 0;
  }
  Evidence& operator=(const Evidence& other) noexcept;
  Evidence& operator=(Evidence&& other) noexcept;
  ~Evidence() {
    if (block_) Unref(block_);
  }

  std::string_view doc_id() const noexcept {
    return block_ ? std::string_view(Bytes(block_), block_->id_size) : std::string_view();
  }
  std::string_view text() const noexcept {
    return block_ ? std::string_view(Bytes(block_) + text_at_, text_size_) : std::string_view();
  }
  // Whether the row has its strings (a row made without them has none until
  // ShareEvidenceStrings).
  bool has_strings() const noexcept { return block_ != nullptr; }

 private:
  friend void ShareEvidenceStrings(std::string_view doc_id, std::string_view text,
                                   std::span<Event> events);
  struct Block {  // followed by the bytes: the id, then the texts
    std::atomic<uint32_t> refs;
    uint32_t id_size;
  };
  static const char* Bytes(const Block* block) noexcept {
    return reinterpret_cast<const char*>(block + 1);
  }
  // Inline: a count goes down for every row dropped; the block is freed out of line.
  static void Unref(Block* block) noexcept {
    if (block->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) Free(block);
  }
  static void Free(Block* block) noexcept;

  Block* block_ = nullptr;
  uint32_t text_at_ = 0;  // the text: text_size_ bytes from text_at_ in the bytes of block_
  uint32_t text_size_ = 0;
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

// Gives every row of `events` that has no strings yet (Evidence(field, start, end)) the id
// `doc_id` and its span of `text`, the document's clean text: one block for all of them, which
// holds each distinct span's text once. Rows whose span is empty or outside `text`, and
// rows that have their strings, are left as they are.
void ShareEvidenceStrings(std::string_view doc_id, std::string_view text, std::span<Event> events);

}  // namespace sitrep
