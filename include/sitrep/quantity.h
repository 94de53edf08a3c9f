// Quantities and casualty frames (the `quantities` layer): number expressions of the text with
// their value, qualifier and kind, and the counts among them bound to a fate (killed, injured,
// detained, abducted, missing) and to the victims they count.
//
//   sitrep::Document doc;
//   doc.text = "At least 15 people were killed and seven American troops were injured.";
//   sitrep::AnnotateQuantities(doc);
//   // doc.quantities[0]: "At least 15", value 15, qualifier kAtLeast, kind kCount
//   // doc.casualties[0]: count 15, fate kKilled, victims "people"
//   // doc.casualties[1]: count 7, fate kInjured, victims "American troops", group "American",
//   //                    category kStateForces
//
// Frames are mentions, not totals: repeated mentions stay separate frames and the event stage
// aggregates them (updates supersede, subtotals are not added, negated frames say 0).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/span.h"

namespace sitrep {

struct Document;
class Stage;

enum class QuantityKind : uint8_t {
  kCount,          // "14", "at least 15", "dozens", "a couple"
  kOrdinal,        // "15th", "third"
  kYear,           // "2014"
  kAge,            // "19-year-old", "aged 19", "19 years old"
  kMoney,          // "$5 million", "200 dollars"
  kPercent,        // "40%", "40 percent"
  kTime,           // "10:30", "5am", "12:40 a.m."
  kDatePart,       // "10/06/1971", "9 May", "May 9"
  kDuration,       // "two weeks", "three days"
  kMeasure,        // "5 km", "10 kilograms"
  kTroopStrength,  // "approximately 2,500 U.S. troops" (forces with no fate)
};

enum class Qualifier : uint8_t {
  kExact,
  kAtLeast,   // "at least", "no fewer than"
  kMoreThan,  // "more than", "over", "upwards of"
  kAtMost,    // "up to", "as many as", "at most", "fewer than"
  kAbout,     // "about", "approximately", "around", "some", "an estimated"
  kNearly,    // "nearly", "almost"
  kVague,     // "several", "a number of", "many"
};

// One number expression. `span` covers the qualifier, the number words and a range.
struct Quantity {
  Span span;
  int64_t value = 0;  // low end of a range; ACLED value for vague words ("dozens" = 12)
  int64_t high = 0;   // == value unless a range ("10 to 12": 10, 12)
  Qualifier qualifier = Qualifier::kExact;
  bool vague = false;  // "several", "dozens", "a number of": value is a convention, not a count
  QuantityKind kind = QuantityKind::kCount;
  bool operator==(const Quantity&) const = default;
};

enum class Fate : uint8_t {
  kKilled,
  kInjured,
  kDetained,
  kAbducted,
  kMissing,
  kCasualties,  // "casualties": killed or injured, not said which ("no casualties" → both 0)
};

enum class VictimCategory : uint8_t { kUnknown, kCivilians, kStateForces, kNonState };

// A count bound to a fate and to the victims it counts, all within one sentence.
struct CasualtyFrame {
  Span span;        // the whole evidence: count, victims and fate words
  Span count_span;  // the number expression ("at least 15"); empty for "no one"/"no casualties"
  Span fate_span;   // the fate word(s): "killed", "death toll", "lost their lives"
  Span victims;     // "ISIS operatives", "American troops"; empty when not stated
  Span group;       // nationality or group word inside the victims: "American", "ISIS"
  int64_t value = 0;  // the count as stated (low end of a range); 0 when negated
  int64_t low = 0;
  int64_t high = 0;
  Qualifier qualifier = Qualifier::kExact;
  bool vague = false;
  Fate fate = Fate::kKilled;
  VictimCategory category = VictimCategory::kUnknown;
  bool negated = false;      // "no casualties", "no one was hurt": value 0
  bool is_update = false;    // "the toll rose to 20": supersedes earlier counts of this fate
  bool is_subtotal = false;  // "including 2 commanders", "five of them soldiers": part of another
  bool self_inflicted = false;  // "killed himself", "blew himself up": the attacker (value 1)
  uint32_t sentence = 0;     // index into Document::sentences
  int32_t quantity = -1;     // index into Document::quantities; -1 for "no one"/"a soldier"
  bool operator==(const CasualtyFrame&) const = default;
};


// Lower-case names for JSON: "count", "at_least", "killed", "state_forces" ...
const char* QuantityKindName(QuantityKind kind);
const char* QualifierName(Qualifier qualifier);
const char* FateName(Fate fate);
const char* VictimCategoryName(VictimCategory category);

// The value of one number expression written alone: "2,500", "2.5 million", "twenty-five",
// "one hundred and twenty", "a dozen", "dozens", "10-12" (value 10, high 12). Returns nullopt
// when `text` is not entirely a number expression. Thread-safe; linear; never overflows.
struct NumberValue {
  int64_t value = 0;
  int64_t high = 0;
  bool vague = false;
};
std::optional<NumberValue> ParseNumber(std::string_view text);

// Replaces doc.quantities and doc.casualties. Segments the document first when doc.sentences is
// empty. Thread-safe (the lexicon is built once and shared read-only).
void AnnotateQuantities(Document& doc);

// The "quantities" pipeline stage: runs AnnotateQuantities.
std::unique_ptr<Stage> MakeQuantitiesStage();

}  // namespace sitrep
