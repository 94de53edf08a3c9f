// libFuzzer target: the fast HTML parser on arbitrary bytes. Checks the tree invariants the
// cleaner relies on (preorder, parent before child, subtrees nested, text views inside the
// input) and that the cleaner on top of it keeps every offset inside the page.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "html/clean_internal.h"
#include "html/fast_parser.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  std::string_view html(reinterpret_cast<const char*>(data), size);
  sitrep::html::Dom dom = sitrep::html::FastParse(html);
  const auto& nodes = dom.nodes;
  Check(!nodes.empty() && nodes[0].end == nodes.size() && nodes[0].parent == sitrep::html::kNoNode);
  for (uint32_t i = 1; i < nodes.size(); ++i) {
    const auto& n = nodes[i];
    Check(n.parent < i && n.end > i && n.end <= nodes[n.parent].end);
    Check(!nodes[n.parent].is_text);
    if (n.is_text) {
      Check(n.end == i + 1);
      Check(n.source_offset + n.source.size() <= size);
      Check(n.source.data() == html.data() + n.source_offset);
      Check(n.text.size() <= n.source.size());  // decoding never grows text
    } else {
      Check(n.first_attribute + n.attribute_count <= dom.attributes.size());
    }
  }
  sitrep::Result<sitrep::CleanedArticle> r = sitrep::html::CleanHtmlWith(html, sitrep::html::Parser::kFast);
  if (r.ok()) {
    for (uint32_t i = 0; i < r->text.size(); i += 3) Check(r->to_source.ToSource(i) < size);
  }
  return 0;
}
