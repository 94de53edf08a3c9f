// Temporal expressions (the `timex` layer): spans of `Document::text` with a TIMEX3 type and
// value, resolved against `Document::published`.
//
//   sitrep::Document doc;
//   doc.text = "Troops withdrew last month.";
//   doc.published = "2024-09-14";
//   sitrep::AnnotateTimex(doc);
//   // doc.timex[0]: span of "last month", type kDate, value "2024-08"
//
// Include mechanics: Document holds a `timex` column, so document.h includes this header inside
// its namespace, right after `Span`. That inclusion defines only the `Timex` struct (first part
// below); an inclusion at file scope (always after document.h is complete) declares the
// functions. Either include order works.
#include "sitrep/document.h"

#ifndef SITREP_TIMEX_STRUCT_
#define SITREP_TIMEX_STRUCT_
// Inside `namespace sitrep` of document.h, which has included <cstdint>, <string> and <vector>.

enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };

struct Timex {
  Span span;  // byte range into Document::text
  TimexType type = TimexType::kDate;
  // TIMEX3 value: "2024-08-29", "2024-08", "2024-W35", "2024", "199" (the 1990s), "P3D", "PT24H",
  // "PRESENT_REF", "XXXX-08", "2024-08-29T05:00", "XXXX-WXX-5" (every Friday). Parts that need
  // an unknown publication date stay X ("XXXX-XX-XX" for "yesterday"), never today's date.
  std::string value;
  bool operator==(const Timex&) const = default;
};

#elif !defined(SITREP_TIMEX_FUNCTIONS_)
#define SITREP_TIMEX_FUNCTIONS_

#include <memory>
#include <string_view>
#include <vector>

#include "sitrep/pipeline.h"

namespace sitrep {

// Returns "DATE", "TIME", "DURATION" or "SET".
const char* TimexTypeName(TimexType type);

// Returns the temporal expressions of `text` in text order, non-overlapping. `anchor` is the
// publication date ("YYYY-MM-DD" or an ISO date-time; empty when unknown). "the next day" and
// "a week later" resolve against the last full date mentioned before them. Thread-safe; linear.
std::vector<Timex> FindTimex(std::string_view text, std::string_view anchor);

// Replaces doc.timex with FindTimex(doc.text, doc.published). Does not need doc.tokens.
void AnnotateTimex(Document& doc);

// The "timex" pipeline stage: runs AnnotateTimex.
std::unique_ptr<Stage> MakeTimexStage();

}  // namespace sitrep

#endif
