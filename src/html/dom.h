// The parser-neutral document the cleaner reads: a preorder array of element and text nodes,
// built either from gumbo's tree (DomFromGumbo, the reference) or directly by the fast parser
// (fast_parser.h). Every pass over it is a loop; a subtree is the index range [i, end).
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::html {

inline constexpr uint32_t kNoNode = UINT32_MAX;

struct DomAttribute {
  std::string_view name;   // lower case (gumbo) or as written (fast parser): compare with Dom::Attr
  std::string_view value;  // entity-decoded
};

struct DomNode {
  uint32_t parent = kNoNode;
  uint32_t end = 0;  // one past the last node of the subtree
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool is_text = false;
  // Elements: attributes [first_attribute, first_attribute + attribute_count) of Dom::attributes.
  uint32_t first_attribute = 0;
  uint32_t attribute_count = 0;
  // Text: the decoded text, and the parsed bytes it came from (`source`, a view into the parsed
  // HTML starting at `source_offset`; empty when the parser cannot say). The cleaner aligns the
  // two: verbatim bytes map exactly, a decoded entity maps to its '&'.
  std::string_view text;
  std::string_view source;
  uint64_t source_offset = 0;
};

struct Dom {
  std::vector<DomNode> nodes;  // nodes[0] is the root (<html>)
  std::vector<DomAttribute> attributes;
  // Decoded strings the views above point into when they are not views of the input; a deque so
  // that growing it never moves what is already stored.
  std::deque<std::string> strings;

  // The value of attribute `name` (lower case) of element `n`, or nullptr when absent.
  const std::string_view* FindAttr(const DomNode& n, std::string_view name) const;
  std::string_view Attr(const DomNode& n, std::string_view name) const {
    const std::string_view* v = FindAttr(n, name);
    return v ? *v : std::string_view();
  }
  bool HasAttr(const DomNode& n, std::string_view name) const { return FindAttr(n, name) != nullptr; }
};

// Flattens gumbo's tree (comments and document nodes skipped). The Dom points into `output`,
// which must outlive it; `html` is the buffer gumbo parsed.
Dom DomFromGumbo(const GumboOutput* output, std::string_view html);

}  // namespace sitrep::html
