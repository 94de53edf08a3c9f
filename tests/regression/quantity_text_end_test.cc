// Regression: a count followed by a comma and a qualifier word at the very end of a text
// ("94, approx") made the casualty-frame reader look one token past the last one
// (heap-buffer-overflow, found by number_parser_fuzzer). The dev (ASan) build catches a relapse.
#include <gtest/gtest.h>

#include <string>

#include "sitrep/pipeline.h"
#include "sitrep/quantity.h"

namespace sitrep {
namespace {

TEST(Regression, QualifierAtTextEndAfterCountList) {
  const std::string cases[] = {"94,\x01" "approx", "94, approx", "12 soldiers, about",
                               "Five people and nearly", "3 civilians , and approximately"};
  for (const std::string& text : cases) {
    Document doc;
    doc.text = text;
    AnnotateQuantities(doc);
    for (const CasualtyFrame& f : doc.casualties) {
      EXPECT_LE(f.span.end, text.size()) << text;
    }
    for (const Quantity& q : doc.quantities) EXPECT_LE(q.span.end, text.size()) << text;
  }
}

}  // namespace
}  // namespace sitrep
