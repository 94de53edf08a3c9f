#include "html/depth_guard.h"

#include <algorithm>
#include <cstring>

namespace sitrep::html {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsNameChar(char c) {
  return IsAlpha(c) || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
}

bool In(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (n == name) return true;
  }
  return false;
}

// Elements that never hold children.
bool IsVoid(std::string_view n) {
  return In(n, {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link",
                "meta", "param", "source", "track", "wbr", "image", "basefont", "bgsound",
                "frame", "menuitem"});
}
// Elements a sibling of the same kind closes implicitly; counting them would make a list of
// unclosed <li>s look deep. Nesting through them always passes a counted element (ul, table).
bool IsSelfClosingSibling(std::string_view n) {
  return In(n, {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
                "tfoot", "rb", "rt", "rtc", "rp", "colgroup", "caption"});
}
// Elements whose content is raw text up to their end tag.
bool IsRawText(std::string_view n) {
  return In(n, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
                "plaintext"});
}

// Position after the first '>' at or after `pos`, or size. Quotes are ignored on purpose: ending
// a tag early only makes the counter see more tags than gumbo does, never fewer.
size_t TagEnd(std::string_view s, size_t pos) {
  if (pos >= s.size()) return s.size();
  const void* hit = memchr(s.data() + pos, '>', s.size() - pos);
  return hit ? static_cast<const char*>(hit) - s.data() + 1 : s.size();
}

// Finds `pattern` at or after `from`, remembering the last hit so that a page of many comments
// and no terminator costs one scan, not one per comment.
class CachedFind {
 public:
  CachedFind(std::string_view s, std::string_view pattern) : s_(s), pattern_(pattern) {}
  size_t From(size_t from) {
    if (!valid_ || (hit_ != std::string_view::npos && hit_ < from)) {
      hit_ = s_.find(pattern_, from);
      valid_ = true;
    }
    return hit_;
  }

 private:
  std::string_view s_, pattern_;
  size_t hit_ = 0;
  bool valid_ = false;
};

// Position after the comment opened by "<!--" at `lt`, ended as the HTML tokenizer ends it.
size_t CommentEnd(std::string_view s, size_t lt, CachedFind& dash, CachedFind& bang) {
  size_t body = lt + 4;
  if (s.substr(body, 1) == ">") return body + 1;   // "<!-->"
  if (s.substr(body, 2) == "->") return body + 2;  // "<!--->"
  size_t a = dash.From(body);
  size_t b = bang.From(body);
  if (a == std::string_view::npos && b == std::string_view::npos) return s.size();
  return a < b ? a + 3 : b + 4;
}

// Position of "</name" (case-insensitive) at or after `pos`, or size.
size_t FindEndTag(std::string_view s, size_t pos, std::string_view name) {
  while (pos < s.size()) {
    const void* hit = memchr(s.data() + pos, '<', s.size() - pos);
    if (!hit) return s.size();
    size_t i = static_cast<const char*>(hit) - s.data();
    // The name and the byte after it must both lie inside `s`: an end tag cut off by the end of
    // the input ("...</svg") is no end tag (the tokenizer drops a tag open at end of file).
    if (i + 2 + name.size() < s.size() && s[i + 1] == '/') {
      bool match = true;
      for (size_t k = 0; k < name.size() && match; ++k) match = Lower(s[i + 2 + k]) == name[k];
      if (match && !IsNameChar(s[i + 2 + name.size()])) return i;
    }
    pos = i + 1;
  }
  return s.size();
}

}  // namespace

namespace {

// One pass over the markup. `blank(begin, end)` is called for tags to neutralize, `cut(begin,
// end)` (when `strip`) for ranges to drop; both in increasing order.
template <typename Blank, typename Cut>
void Scan(std::string_view html, int max_depth, bool strip, Blank blank, Cut cut) {
  int depth = 0;
  std::string name;
  CachedFind dash(html, "-->"), bang(html, "--!>");
  size_t pos = 0;
  while (pos < html.size()) {
    const void* hit = memchr(html.data() + pos, '<', html.size() - pos);
    if (!hit) break;
    size_t lt = static_cast<const char*>(hit) - html.data();
    if (lt + 1 >= html.size()) break;
    char next = html[lt + 1];
    if (next == '!') {
      if (html.substr(lt, 4) == "<!--") {
        pos = CommentEnd(html, lt, dash, bang);
        if (strip) cut(lt, pos);
      } else {
        pos = TagEnd(html, lt + 2);
      }
      continue;
    }
    if (next == '?') {
      pos = TagEnd(html, lt + 2);
      continue;
    }
    bool is_end = next == '/';
    size_t name_begin = lt + (is_end ? 2 : 1);
    if (name_begin >= html.size() || !IsAlpha(html[name_begin])) {
      pos = lt + 1;
      continue;
    }
    size_t name_end = name_begin;
    name.clear();
    while (name_end < html.size() && IsNameChar(html[name_end])) {
      if (name.size() < 16) name.push_back(Lower(html[name_end]));
      ++name_end;
    }
    size_t tag_end = TagEnd(html, name_end);
    pos = tag_end;
    if (IsVoid(name) || IsSelfClosingSibling(name)) continue;
    if (is_end) {
      if (depth > max_depth) blank(lt, tag_end);
      if (depth > 0) --depth;
      continue;
    }
    ++depth;
    if (depth > max_depth) blank(lt, tag_end);
    bool raw = IsRawText(name);
    bool drop_body = name == "style" || name == "svg" || name == "noscript" ||
                     (name == "script" &&
                      html.substr(lt, tag_end - lt).find("ld+json") == std::string_view::npos);
    if (raw || (strip && drop_body)) {
      // The matching end tag closes it; it is counted there.
      pos = FindEndTag(html, tag_end, name);
      if (strip && drop_body && pos > tag_end) cut(tag_end, pos);
    }
  }
}

}  // namespace

std::optional<std::string> CapNesting(std::string_view html, int max_depth) {
  std::optional<std::string> out;
  Scan(
      html, max_depth, false,
      [&](size_t begin, size_t end) {
        if (!out) out.emplace(html);
        std::memset(out->data() + begin, ' ', end - begin);
      },
      [](size_t, size_t) {});
  return out;
}

Prefiltered Prefilter(std::string_view html, int max_depth) {
  Prefiltered out;
  out.html.reserve(html.size() / 2);
  size_t copied = 0;  // original bytes before this are in out.html (or cut)
  Scan(
      html, max_depth, true,
      [&](size_t begin, size_t end) {
        if (begin < copied) return;
        out.html.append(html.data() + copied, begin - copied);
        out.html.append(end - begin, ' ');
        copied = end;
      },
      [&](size_t begin, size_t end) {
        if (begin < copied) return;
        out.html.append(html.data() + copied, begin - copied);
        copied = end;
        out.jumps.push_back({out.html.size(), end});
      });
  out.html.append(html.data() + copied, html.size() - copied);
  return out;
}

uint64_t Prefiltered::ToOriginal(uint64_t pos) const {
  auto it = std::upper_bound(jumps.begin(), jumps.end(), pos,
                             [](uint64_t p, const std::pair<uint64_t, uint64_t>& j) { return p < j.first; });
  if (it == jumps.begin()) return pos;
  --it;
  return it->second + (pos - it->first);
}

}  // namespace sitrep::html
