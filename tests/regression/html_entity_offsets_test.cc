// Regression: a numeric character reference without ';' ("&#1L") swallowed the letters after it,
// so the rest of the text node mapped to one byte past the page (found by html_parser_fuzzer).
#include <gtest/gtest.h>

#include <string>

#include "sitrep/clean.h"

namespace sitrep {
namespace {

TEST(Regression, NumericEntityWithoutSemicolonKeepsOffsets) {
  const std::string cases[] = {"\n&#&#1L", "<p>Gunmen attacked &#65Lokoja on Monday.</p>",
                               "<p>Troops &#x41Zone and &ampL were seen.</p>"};
  for (const std::string& html : cases) {
    Result<CleanedArticle> r = CleanHtml(html);
    ASSERT_TRUE(r.ok()) << html;
    for (uint32_t i = 0; i < r->text.size(); ++i) {
      uint64_t src = r->to_source.ToSource(i);
      ASSERT_LT(src, html.size()) << html << " @" << i;
      // ASCII letters after a reference are copied, so they map to themselves.
      char c = r->text[i];
      if (c == 'L' || c == 'Z') EXPECT_EQ(html[src], c) << html << " @" << i;
    }
  }
}

}  // namespace
}  // namespace sitrep
