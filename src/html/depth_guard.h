// Caps element nesting before gumbo sees the page.
//
// gumbo 0.10.1 checks "has an element in scope" by walking the stack of open elements, so
// parsing is O(tags × depth) (10,000 nested <div>s: 3 s; 20,000: 11 s), and
// gumbo_destroy_output() frees the tree recursively (20,000 levels overflow a 512 KiB stack, the
// default for some thread pools). Real pages stay under ~100 levels. CapNesting pre-scans the
// markup with a cheap tag counter and blanks (overwrites with spaces, so every byte offset stays
// valid) the start and end tags that would open elements deeper than `max_depth`: their text is
// kept, flattened into the element at the cap.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitrep::html {

inline constexpr int kMaxNestingDepth = 512;

// Returns the page with over-deep tags blanked, or nullopt when no tag had to be blanked (the
// common case: no copy is made). The counter over-estimates gumbo's depth (it ignores implied
// end tags except for p/li/td-like elements that never nest directly), so the cap is safe.
std::optional<std::string> CapNesting(std::string_view html, int max_depth = kMaxNestingDepth);

// The page as CleanHtml hands it to gumbo: nesting capped as above and, because gumbo's
// tokenizer costs ~40 ns a byte and 60% of a news page is script, style, SVG and comments, the
// bodies of <script> (except JSON-LD), <style>, <svg>, <noscript> and whole comments cut out.
// The tags themselves stay, so the tree has the same shape.
struct Prefiltered {
  std::string html;
  // (position in `html`, position in the original) at the end of each cut, increasing.
  std::vector<std::pair<uint64_t, uint64_t>> jumps;
  // Maps a byte offset in `html` back to the original page.
  uint64_t ToOriginal(uint64_t pos) const;
};
Prefiltered Prefilter(std::string_view html, int max_depth = kMaxNestingDepth);

}  // namespace sitrep::html
