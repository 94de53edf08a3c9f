// A fast, forgiving HTML parser that builds the cleaner's Dom (dom.h) directly, in one pass.
//
// Why: gumbo's full HTML5 tree construction was ~85% of `sitrep clean`. Article extraction needs
// far less: the element tree of ordinary news markup, text with entities decoded, attributes.
// This parser implements the HTML5 rules that shape such trees and nothing else:
//  - void elements (br, img, meta, link, input, hr, wbr, source, ...) never hold children;
//  - raw-text elements (script, style, xmp, iframe, noembed, noframes, noscript) and RCDATA
//    (title, textarea, entities decoded) run to their end tag; plaintext to the end;
//  - implied end tags: a block start closes an open <p>; li, dt/dd, option, tr, td/th, tbody...
//    are closed by their siblings; a heading start closes an open heading;
//  - an end tag closes up to the nearest matching open element; it is ignored when none is in
//    scope or (non-block tags) when a block element stands in between — a rough stand-in for the
//    adoption agency algorithm that keeps the text where gumbo keeps it;
//  - head/body: head content before any body content goes to <head>; anything else opens <body>;
//    tables get their implied <tbody>/<tr>; cell and row tags outside a table are ignored;
//  - named (a compact table of the common ones) and numeric entities, Windows-1252 remapping of
//    &#128;-&#159;; CR LF and CR become LF;
//  - unclosed elements are closed at EOF; a tag cut off by EOF is dropped.
// Not implemented: foster parenting, formatting-element reconstruction, foreign content
// (svg/math bodies are cut by the prefilter anyway), quirks mode.
// Nesting is capped at kMaxOpenElements (deeper start tags are ignored, their text kept); the
// whole parse is iterative and linear in the input except for scope walks bounded by the cap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "html/dom.h"

namespace sitrep::html {

inline constexpr size_t kMaxOpenElements = 1024;

// Parses `html`. Views in the result point into `html` (which must outlive it) or into
// Dom::strings. Never fails: any bytes give a tree rooted at an <html> node.
Dom FastParse(std::string_view html);

// Appends the decoding of character references in `s` to `out` (and CR LF / CR → LF). Exposed
// for tests.
void DecodeHtmlText(std::string_view s, std::string* out);

}  // namespace sitrep::html
