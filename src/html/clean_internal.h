// CleanHtml with a choice of HTML parser, for tests and benchmarks that compare the two.
#pragma once

#include <string_view>

#include "sitrep/clean.h"

namespace sitrep::html {

enum class Parser {
  kGumbo,  // libgumbo's full HTML5 tree construction: the reference
  kFast,   // fast_parser.h: the HTML5 rules that shape news markup, several times faster
};

// The parser CleanHtml uses. The fast one: on clean-dev its output is identical to gumbo's (all
// 142 pages, offsets included; html_parser_test checks agreement) at ~4x the speed.
inline constexpr Parser kDefaultParser = Parser::kFast;

Result<CleanedArticle> CleanHtmlWith(std::string_view html, Parser parser);

}  // namespace sitrep::html
