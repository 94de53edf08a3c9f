// Regression: a raw-text element (<svg>, <script>, <style>) whose end tag is cut off by the end
// of the input ("<svg>...</svg") made the prefilter's end-tag search read the byte after the
// input (heap-buffer-overflow, found by html_parser_fuzzer). The inputs are exactly sized heap
// buffers so the dev (ASan) build catches a relapse.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "html/depth_guard.h"

namespace sitrep::html {
namespace {

TEST(Regression, EndTagCutOffAtInputEnd) {
  const std::string cases[] = {"<svg>x</svg",  "<p>a<svg>\n</svg", "<script>1</script",
                               "<style></style", "<svg></sv",     "<noscript>-</noscript"};
  for (const std::string& text : cases) {
    auto exact = std::make_unique<char[]>(text.size());
    text.copy(exact.get(), text.size());
    const std::string_view html(exact.get(), text.size());
    const Prefiltered out = Prefilter(html);
    EXPECT_LE(out.html.size(), text.size()) << text;
    for (const auto& [at, original] : out.jumps) EXPECT_LE(original, text.size()) << text;
    EXPECT_FALSE(CapNesting(html).has_value()) << text;
  }
}

}  // namespace
}  // namespace sitrep::html
