#include "html/dom.h"

#include <algorithm>
#include <utility>

namespace sitrep::html {
namespace {

bool EqualsLowered(std::string_view written, std::string_view lower) {
  if (written.size() != lower.size()) return false;
  for (size_t i = 0; i < written.size(); ++i) {
    char c = written[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != lower[i]) return false;
  }
  return true;
}

}  // namespace

const std::string_view* Dom::FindAttr(const DomNode& n, std::string_view name) const {
  for (uint32_t k = 0; k < n.attribute_count; ++k) {
    const DomAttribute& a = attributes[n.first_attribute + k];
    if (EqualsLowered(a.name, name)) return &a.value;
  }
  return nullptr;
}

Dom DomFromGumbo(const GumboOutput* output, std::string_view html) {
  Dom dom;
  std::vector<std::pair<const GumboNode*, uint32_t>> stack;
  stack.push_back({output->root, kNoNode});
  while (!stack.empty()) {
    auto [g, parent] = stack.back();
    stack.pop_back();
    uint32_t index = static_cast<uint32_t>(dom.nodes.size());
    DomNode node;
    node.parent = parent;
    if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
      const GumboElement& e = g->v.element;
      node.tag = e.tag;
      node.first_attribute = static_cast<uint32_t>(dom.attributes.size());
      node.attribute_count = e.attributes.length;
      for (unsigned k = 0; k < e.attributes.length; ++k) {
        const GumboAttribute* a = static_cast<const GumboAttribute*>(e.attributes.data[k]);
        dom.attributes.push_back({a->name, a->value});
      }
      dom.nodes.push_back(node);
      const GumboVector& children = e.children;
      for (unsigned k = children.length; k > 0; --k) {
        const GumboNode* child = static_cast<const GumboNode*>(children.data[k - 1]);
        if (child->type == GUMBO_NODE_COMMENT || child->type == GUMBO_NODE_DOCUMENT) continue;
        stack.push_back({child, index});
      }
    } else {
      node.is_text = true;
      node.text = g->v.text.text;
      std::string_view orig(g->v.text.original_text.data, g->v.text.original_text.length);
      node.source_offset = g->v.text.start_pos.offset;
      // gumbo's original_text points into the parsed buffer, except for text it synthesized.
      if (orig.data() >= html.data() && orig.data() <= html.data() + html.size()) {
        node.source_offset = static_cast<uint64_t>(orig.data() - html.data());
        node.source = orig;
      }
      dom.nodes.push_back(node);
    }
  }
  std::vector<DomNode>& nodes = dom.nodes;
  for (uint32_t i = 0; i < nodes.size(); ++i) nodes[i].end = i + 1;
  for (uint32_t i = static_cast<uint32_t>(nodes.size()); i-- > 1;) {
    DomNode& p = nodes[nodes[i].parent];
    p.end = std::max(p.end, nodes[i].end);
  }
  return dom;
}

}  // namespace sitrep::html
