// See fast_parser.h for the rules implemented and why. Layout: entity decoding, tag properties,
// then the Builder (tokenizer and tree construction interleaved: each token goes straight into
// the preorder node array, an element's `end` is set when it is popped).
#include "html/fast_parser.h"
#include "sitrep/utf8.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>
#include <vector>

namespace sitrep::html {
namespace {

// ---- character references ----

struct Entity {
  std::string_view name;
  char32_t cp;
};

// Latin-1 names in code point order, U+00A0..U+00FF.
constexpr std::string_view kLatin1Names[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",
    "uml",    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",
    "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",  "para",   "middot",
    "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil",
    "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",
    "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",
    "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",
    "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
};

constexpr Entity kOtherEntities[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"AMP", '&'},
    {"LT", '<'}, {"GT", '>'}, {"QUOT", '"'}, {"COPY", 0xA9}, {"REG", 0xAE},
    {"Tab", 9}, {"NewLine", 10}, {"excl", '!'}, {"num", '#'}, {"dollar", '$'},
    {"percnt", '%'}, {"lpar", '('}, {"rpar", ')'}, {"ast", '*'}, {"plus", '+'},
    {"comma", ','}, {"period", '.'}, {"sol", '/'}, {"colon", ':'}, {"semi", ';'},
    {"equals", '='}, {"quest", '?'}, {"commat", '@'}, {"lsqb", '['}, {"bsol", '\\'},
    {"rsqb", ']'}, {"Hat", '^'}, {"lowbar", '_'}, {"grave", '`'}, {"lcub", '{'},
    {"verbar", '|'}, {"rcub", '}'},
    {"OElig", 0x152}, {"oelig", 0x153}, {"Scaron", 0x160}, {"scaron", 0x161},
    {"Yuml", 0x178}, {"fnof", 0x192}, {"circ", 0x2C6}, {"tilde", 0x2DC},
    {"Alpha", 0x391}, {"Beta", 0x392}, {"Gamma", 0x393}, {"Delta", 0x394}, {"Omega", 0x3A9},
    {"alpha", 0x3B1}, {"beta", 0x3B2}, {"gamma", 0x3B3}, {"delta", 0x3B4}, {"mu", 0x3BC},
    {"pi", 0x3C0}, {"sigma", 0x3C3}, {"omega", 0x3C9},
    {"ensp", 0x2002}, {"emsp", 0x2003}, {"thinsp", 0x2009}, {"zwnj", 0x200C},
    {"zwj", 0x200D}, {"lrm", 0x200E}, {"rlm", 0x200F}, {"hyphen", 0x2010}, {"dash", 0x2010},
    {"ndash", 0x2013}, {"mdash", 0x2014}, {"horbar", 0x2015}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"rsquor", 0x2019}, {"sbquo", 0x201A}, {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"rdquor", 0x201D}, {"bdquo", 0x201E}, {"dagger", 0x2020},
    {"Dagger", 0x2021}, {"bull", 0x2022}, {"bullet", 0x2022}, {"hellip", 0x2026},
    {"mldr", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032}, {"Prime", 0x2033},
    {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"oline", 0x203E}, {"frasl", 0x2044},
    {"euro", 0x20AC}, {"trade", 0x2122}, {"TRADE", 0x2122}, {"larr", 0x2190},
    {"uarr", 0x2191}, {"rarr", 0x2192}, {"darr", 0x2193}, {"harr", 0x2194},
    {"minus", 0x2212}, {"infin", 0x221E}, {"asymp", 0x2248}, {"ne", 0x2260},
    {"le", 0x2264}, {"ge", 0x2265}, {"loz", 0x25CA}, {"hearts", 0x2665},
    {"nbsp", 0xA0},  // listed with the Latin-1 block too; harmless duplicate
};

// Entities a page may write without ';' that we still decode (HTML5's legacy list, the part
// news markup actually uses).
constexpr std::string_view kLegacyNoSemicolon[] = {"amp", "lt", "gt", "quot", "nbsp", "copy",
                                                   "reg", "AMP", "LT", "GT", "QUOT"};

class EntityTable {
 public:
  EntityTable() {
    for (int k = 0; k < 96; ++k) entries_.push_back({kLatin1Names[k], static_cast<char32_t>(0xA0 + k)});
    for (const Entity& e : kOtherEntities) entries_.push_back(e);
    std::sort(entries_.begin(), entries_.end(),
              [](const Entity& a, const Entity& b) { return a.name < b.name; });
  }
  // Code point for `name`, or 0.
  char32_t Find(std::string_view name) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), name,
                               [](const Entity& e, std::string_view n) { return e.name < n; });
    return it != entries_.end() && it->name == name ? it->cp : 0;
  }

 private:
  std::vector<Entity> entries_;
};

const EntityTable& Entities() {
  static const EntityTable* table = new EntityTable();
  return *table;
}

// Windows-1252 meanings of &#128;..&#159;, as browsers (and gumbo) decode them.
constexpr char16_t kWindows1252[32] = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178,
};

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Decodes the character reference at s[i] == '&'. Returns the bytes consumed (0: not a
// reference, the '&' is literal) and appends the text to `out`.
size_t DecodeReference(std::string_view s, size_t i, std::string* out) {
  size_t k = i + 1;
  if (k < s.size() && s[k] == '#') {
    ++k;
    bool hex = k < s.size() && (s[k] == 'x' || s[k] == 'X');
    if (hex) ++k;
    size_t digits_begin = k;
    uint32_t value = 0;
    bool overflow = false;
    while (k < s.size() && (hex ? IsHex(s[k]) : IsDigit(s[k]))) {
      uint32_t d = IsDigit(s[k]) ? s[k] - '0' : (s[k] | 0x20) - 'a' + 10;
      if (value > 0x10FFFF) {
        overflow = true;
      } else {
        value = value * (hex ? 16 : 10) + d;
      }
      ++k;
    }
    if (k == digits_begin) return 0;
    if (k < s.size() && s[k] == ';') ++k;
    char32_t cp = value;
    if (overflow || value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
      cp = 0xFFFD;
    } else if (value >= 0x80 && value <= 0x9F) {
      cp = kWindows1252[value - 0x80];
    }
    AppendUtf8(cp, out);
    return k - i;
  }
  while (k < s.size() && k - i <= 32 && IsAlnum(s[k])) ++k;
  std::string_view name = s.substr(i + 1, k - i - 1);
  if (name.empty()) return 0;
  if (k < s.size() && s[k] == ';') {
    char32_t cp = Entities().Find(name);
    if (cp == 0) return 0;
    AppendUtf8(cp, out);
    return k + 1 - i;
  }
  for (std::string_view legacy : kLegacyNoSemicolon) {
    if (name == legacy) {
      AppendUtf8(Entities().Find(name), out);
      return k - i;
    }
  }
  return 0;
}

// ---- tag properties ----

enum TagFlag : uint16_t {
  kVoid = 1 << 0,
  kSpecial = 1 << 1,       // HTML5 "special" category: formatting end tags stop at these
  kClosesP = 1 << 2,       // start tag closes an open <p> (in button scope)
  kRawText = 1 << 3,       // content is text up to the end tag
  kRcdata = 1 << 4,        // raw text with entities decoded
  kHeadContent = 1 << 5,   // may stay in <head>
  kScopeBarrier = 1 << 6,  // "has an element in scope" stops here
  kBlockEnd = 1 << 7,      // end tag closes the element when in scope (else ignored)
  kHeading = 1 << 8,
  kTablePart = 1 << 9,     // tbody thead tfoot tr td th caption colgroup col
};

using TagFlags = std::array<uint16_t, GUMBO_TAG_LAST + 1>;

TagFlags MakeTagFlags() {
  TagFlags f{};
  auto set = [&](std::initializer_list<GumboTag> tags, uint16_t flag) {
    for (GumboTag t : tags) f[t] |= flag;
  };
  set({GUMBO_TAG_AREA, GUMBO_TAG_BASE, GUMBO_TAG_BR, GUMBO_TAG_COL, GUMBO_TAG_EMBED,
       GUMBO_TAG_HR, GUMBO_TAG_IMG, GUMBO_TAG_INPUT, GUMBO_TAG_KEYGEN, GUMBO_TAG_LINK,
       GUMBO_TAG_META, GUMBO_TAG_PARAM, GUMBO_TAG_SOURCE, GUMBO_TAG_TRACK, GUMBO_TAG_WBR,
       GUMBO_TAG_IMAGE, GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND, GUMBO_TAG_FRAME,
       GUMBO_TAG_MENUITEM},
      kVoid);
  set({GUMBO_TAG_ADDRESS, GUMBO_TAG_APPLET, GUMBO_TAG_AREA, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE,
       GUMBO_TAG_BASE, GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND, GUMBO_TAG_BLOCKQUOTE,
       GUMBO_TAG_BODY, GUMBO_TAG_BR, GUMBO_TAG_BUTTON, GUMBO_TAG_CAPTION, GUMBO_TAG_CENTER,
       GUMBO_TAG_COL, GUMBO_TAG_COLGROUP, GUMBO_TAG_DD, GUMBO_TAG_DETAILS, GUMBO_TAG_DIR,
       GUMBO_TAG_DIV, GUMBO_TAG_DL, GUMBO_TAG_DT, GUMBO_TAG_EMBED, GUMBO_TAG_FIELDSET,
       GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE, GUMBO_TAG_FOOTER, GUMBO_TAG_FORM, GUMBO_TAG_FRAME,
       GUMBO_TAG_FRAMESET, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5,
       GUMBO_TAG_H6, GUMBO_TAG_HEAD, GUMBO_TAG_HEADER, GUMBO_TAG_HGROUP, GUMBO_TAG_HR,
       GUMBO_TAG_HTML, GUMBO_TAG_IFRAME, GUMBO_TAG_IMG, GUMBO_TAG_INPUT, GUMBO_TAG_KEYGEN,
       GUMBO_TAG_LI, GUMBO_TAG_LINK, GUMBO_TAG_LISTING, GUMBO_TAG_MAIN, GUMBO_TAG_MARQUEE,
       GUMBO_TAG_MENU, GUMBO_TAG_META, GUMBO_TAG_NAV, GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES,
       GUMBO_TAG_NOSCRIPT, GUMBO_TAG_OBJECT, GUMBO_TAG_OL, GUMBO_TAG_P, GUMBO_TAG_PARAM,
       GUMBO_TAG_PLAINTEXT, GUMBO_TAG_PRE, GUMBO_TAG_SCRIPT, GUMBO_TAG_SECTION, GUMBO_TAG_SELECT,
       GUMBO_TAG_SOURCE, GUMBO_TAG_STYLE, GUMBO_TAG_SUMMARY, GUMBO_TAG_TABLE, GUMBO_TAG_TBODY,
       GUMBO_TAG_TD, GUMBO_TAG_TEMPLATE, GUMBO_TAG_TEXTAREA, GUMBO_TAG_TFOOT, GUMBO_TAG_TH,
       GUMBO_TAG_THEAD, GUMBO_TAG_TITLE, GUMBO_TAG_TR, GUMBO_TAG_TRACK, GUMBO_TAG_UL,
       GUMBO_TAG_WBR, GUMBO_TAG_XMP},
      kSpecial);
  set({GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE, GUMBO_TAG_BLOCKQUOTE,
       GUMBO_TAG_CENTER, GUMBO_TAG_DETAILS, GUMBO_TAG_DIR, GUMBO_TAG_DIV,
       GUMBO_TAG_DL, GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,
       GUMBO_TAG_FOOTER, GUMBO_TAG_HEADER, GUMBO_TAG_HGROUP, GUMBO_TAG_MAIN, GUMBO_TAG_MENU,
       GUMBO_TAG_NAV, GUMBO_TAG_OL, GUMBO_TAG_P, GUMBO_TAG_SECTION, GUMBO_TAG_SUMMARY,
       GUMBO_TAG_UL, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5,
       GUMBO_TAG_H6, GUMBO_TAG_PRE, GUMBO_TAG_LISTING, GUMBO_TAG_FORM, GUMBO_TAG_LI,
       GUMBO_TAG_DD, GUMBO_TAG_DT, GUMBO_TAG_PLAINTEXT, GUMBO_TAG_TABLE, GUMBO_TAG_HR,
       GUMBO_TAG_XMP},
      kClosesP);
  set({GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_XMP, GUMBO_TAG_IFRAME, GUMBO_TAG_NOEMBED,
       GUMBO_TAG_NOFRAMES, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TITLE, GUMBO_TAG_TEXTAREA},
      kRawText);
  set({GUMBO_TAG_TITLE, GUMBO_TAG_TEXTAREA}, kRcdata);
  set({GUMBO_TAG_META, GUMBO_TAG_LINK, GUMBO_TAG_TITLE, GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE,
       GUMBO_TAG_BASE, GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND, GUMBO_TAG_NOSCRIPT,
       GUMBO_TAG_NOFRAMES, GUMBO_TAG_TEMPLATE},
      kHeadContent);
  set({GUMBO_TAG_APPLET, GUMBO_TAG_CAPTION, GUMBO_TAG_HTML, GUMBO_TAG_TABLE, GUMBO_TAG_TD,
       GUMBO_TAG_TH, GUMBO_TAG_MARQUEE, GUMBO_TAG_OBJECT, GUMBO_TAG_TEMPLATE},
      kScopeBarrier);
  set({GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE, GUMBO_TAG_BLOCKQUOTE,
       GUMBO_TAG_BUTTON, GUMBO_TAG_CENTER, GUMBO_TAG_DETAILS, GUMBO_TAG_DIR,
       GUMBO_TAG_DIV, GUMBO_TAG_DL, GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,
       GUMBO_TAG_FOOTER, GUMBO_TAG_HEADER, GUMBO_TAG_HGROUP, GUMBO_TAG_LISTING, GUMBO_TAG_MAIN,
       GUMBO_TAG_MENU, GUMBO_TAG_NAV, GUMBO_TAG_OL, GUMBO_TAG_PRE, GUMBO_TAG_SECTION,
       GUMBO_TAG_SUMMARY, GUMBO_TAG_UL, GUMBO_TAG_FORM, GUMBO_TAG_APPLET, GUMBO_TAG_MARQUEE,
       GUMBO_TAG_OBJECT, GUMBO_TAG_P, GUMBO_TAG_LI, GUMBO_TAG_DD, GUMBO_TAG_DT,
       GUMBO_TAG_SELECT},
      kBlockEnd);
  set({GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6},
      kHeading);
  set({GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT, GUMBO_TAG_TR, GUMBO_TAG_TD,
       GUMBO_TAG_TH, GUMBO_TAG_CAPTION, GUMBO_TAG_COLGROUP, GUMBO_TAG_COL},
      kTablePart);
  return f;
}

const TagFlags kFlags = MakeTagFlags();

bool Has(GumboTag t, uint16_t flag) { return (kFlags[t] & flag) != 0; }
bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

bool IsTableSection(GumboTag t) {
  return t == GUMBO_TAG_TBODY || t == GUMBO_TAG_THEAD || t == GUMBO_TAG_TFOOT;
}

// Position of "</name" (case-insensitive, followed by a tag-name end) at or after `pos`.
size_t FindEndTag(std::string_view s, size_t pos, std::string_view name) {
  while (pos < s.size()) {
    const void* hit = memchr(s.data() + pos, '<', s.size() - pos);
    if (!hit) return s.size();
    size_t i = static_cast<const char*>(hit) - s.data();
    if (i + 2 + name.size() <= s.size() && s[i + 1] == '/') {
      bool match = true;
      for (size_t k = 0; k < name.size() && match; ++k) {
        char c = s[i + 2 + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        match = c == name[k];
      }
      size_t after = i + 2 + name.size();
      if (match && (after == s.size() || IsSpace(s[after]) || s[after] == '/' || s[after] == '>')) {
        return i;
      }
    }
    pos = i + 1;
  }
  return s.size();
}

size_t AfterGreater(std::string_view s, size_t pos) {
  if (pos >= s.size()) return s.size();
  const void* hit = memchr(s.data() + pos, '>', s.size() - pos);
  return hit ? static_cast<const char*>(hit) - s.data() + 1 : s.size();
}

class Builder {
 public:
  explicit Builder(std::string_view html) : s_(html) {}
  Dom Run();

 private:
  struct Tag {
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    std::string_view name;
    bool end = false;
    uint32_t first_attribute = 0;
    uint32_t attribute_count = 0;
  };

  static Tag Synthetic(GumboTag t) {  // an element the tree rules imply
    Tag tag;
    tag.tag = t;
    return tag;
  }

  // Tokenizer. Each returns the position after the construct.
  size_t ParseTag(size_t lt, bool is_end, Tag* tag, bool* complete);
  void Text(size_t begin, size_t end, bool decode);

  // Tree construction.
  GumboTag Top() const { return dom_.nodes[open_.back()].tag; }
  uint32_t Add(const Tag& t, bool push);
  void Pop() {
    dom_.nodes[open_.back()].end = static_cast<uint32_t>(dom_.nodes.size());
    open_.pop_back();
    open_names_.pop_back();
  }
  void PopTo(size_t stack_index) {  // pops open_[stack_index] and everything above it
    while (open_.size() > stack_index && open_.size() > 1) Pop();
  }
  // Stack index of the nearest open element with `tag` before a scope barrier (plus `extra`
  // barriers), or 0 (the root is never a match).
  size_t InScope(GumboTag tag, uint16_t barrier_flags, std::initializer_list<GumboTag> extra = {}) const;
  void EnsureBody();
  void StartTag(const Tag& t);
  void EndTag(const Tag& t);
  bool InTable() const;

  std::string_view s_;
  Dom dom_;
  std::vector<uint32_t> open_;  // node indices; open_[0] is the root
  std::vector<std::string_view> open_names_;  // their names as written (for custom elements)
  uint32_t head_ = kNoNode;
  uint32_t body_ = kNoNode;
};

Dom Builder::Run() {
  dom_.nodes.reserve(s_.size() / 24 + 16);
  DomNode root;
  root.tag = GUMBO_TAG_HTML;
  dom_.nodes.push_back(root);
  open_.push_back(0);
  open_names_.push_back("html");
  size_t text_begin = 0;
  size_t pos = 0;
  const size_t n = s_.size();
  while (pos < n) {
    const void* hit = memchr(s_.data() + pos, '<', n - pos);
    if (!hit) break;
    size_t lt = static_cast<const char*>(hit) - s_.data();
    if (lt + 1 >= n) break;
    char c = s_[lt + 1];
    size_t next;
    if (IsAlpha(c) || (c == '/' && lt + 2 < n && IsAlpha(s_[lt + 2]))) {
      Text(text_begin, lt, true);
      Tag tag;
      bool complete = false;
      next = ParseTag(lt, c == '/', &tag, &complete);
      if (complete) {
        if (tag.end) {
          EndTag(tag);
        } else {
          StartTag(tag);
          if (Has(tag.tag, kRawText) && Top() == tag.tag) {
            // The element's content runs to its end tag, which closes it.
            std::string_view name = tag.name;
            std::string lowered(name);
            for (char& ch : lowered) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
            size_t close = FindEndTag(s_, next, lowered);
            Text(next, close, Has(tag.tag, kRcdata));
            Pop();
            next = close < n ? AfterGreater(s_, close + 2) : n;
          } else if (tag.tag == GUMBO_TAG_PLAINTEXT && Top() == tag.tag) {
            Text(next, n, false);
            next = n;
          }
        }
      } else {
        dom_.attributes.resize(tag.first_attribute);  // a tag cut off by EOF is dropped
      }
    } else if (c == '!') {
      Text(text_begin, lt, true);
      if (s_.compare(lt, 4, "<!--") == 0) {
        size_t body = lt + 4;
        if (s_.compare(body, 1, ">") == 0) {
          next = body + 1;
        } else if (s_.compare(body, 2, "->") == 0) {
          next = body + 2;
        } else {
          size_t e = s_.find("-->", body);
          next = e == std::string_view::npos ? n : e + 3;
        }
      } else {
        next = AfterGreater(s_, lt + 2);  // doctype, CDATA, bogus comment
      }
    } else if (c == '?' || (c == '/' && lt + 2 < n)) {
      Text(text_begin, lt, true);
      next = AfterGreater(s_, lt + 2);  // bogus comment; "</>" included
    } else {
      pos = lt + 1;  // a literal '<'
      continue;
    }
    pos = text_begin = next;
  }
  Text(text_begin, n, true);
  while (open_.size() > 1) Pop();
  dom_.nodes[0].end = static_cast<uint32_t>(dom_.nodes.size());
  return std::move(dom_);
}

size_t Builder::ParseTag(size_t lt, bool is_end, Tag* tag, bool* complete) {
  const size_t n = s_.size();
  size_t i = lt + (is_end ? 2 : 1);
  size_t name_begin = i;
  while (i < n && !IsSpace(s_[i]) && s_[i] != '/' && s_[i] != '>') ++i;
  tag->name = s_.substr(name_begin, i - name_begin);
  tag->end = is_end;
  tag->tag = gumbo_tagn_enum(tag->name.data(), static_cast<unsigned>(tag->name.size()));
  tag->first_attribute = static_cast<uint32_t>(dom_.attributes.size());
  *complete = false;
  while (true) {
    while (i < n && (IsSpace(s_[i]) || s_[i] == '/')) ++i;
    if (i >= n) return n;
    if (s_[i] == '>') {
      *complete = true;
      return i + 1;
    }
    size_t attr_begin = i++;  // the first character may be anything, even '='
    while (i < n && !IsSpace(s_[i]) && s_[i] != '/' && s_[i] != '>' && s_[i] != '=') ++i;
    std::string_view name = s_.substr(attr_begin, i - attr_begin);
    std::string_view value;
    size_t j = i;
    while (j < n && IsSpace(s_[j])) ++j;
    if (j < n && s_[j] == '=') {
      ++j;
      while (j < n && IsSpace(s_[j])) ++j;
      if (j >= n) return n;
      if (s_[j] == '"' || s_[j] == '\'') {
        const void* q = memchr(s_.data() + j + 1, s_[j], n - j - 1);
        if (!q) return n;
        size_t close = static_cast<const char*>(q) - s_.data();
        value = s_.substr(j + 1, close - j - 1);
        i = close + 1;
      } else {
        size_t v = j;
        while (j < n && !IsSpace(s_[j]) && s_[j] != '>') ++j;
        value = s_.substr(v, j - v);
        i = j;
      }
    }
    // End tags carry no attributes; a repeated attribute keeps its first value; a hostile tag
    // with thousands of attributes keeps the first 256 (the duplicate check is quadratic).
    if (is_end || tag->attribute_count >= 256) continue;
    bool duplicate = false;
    for (uint32_t k = 0; k < tag->attribute_count && !duplicate; ++k) {
      std::string_view other = dom_.attributes[tag->first_attribute + k].name;
      duplicate = EqualsIgnoreCase(other, name);
    }
    if (duplicate) continue;
    if (!value.empty() &&
        (memchr(value.data(), '&', value.size()) || memchr(value.data(), '\r', value.size()))) {
      std::string& decoded = dom_.strings.emplace_back();
      DecodeHtmlText(value, &decoded);
      value = decoded;
    }
    dom_.attributes.push_back({name, value});
    ++tag->attribute_count;
  }
}

void Builder::Text(size_t begin, size_t end, bool decode) {
  if (begin >= end) return;
  std::string_view raw = s_.substr(begin, end - begin);
  if (body_ == kNoNode && Top() != GUMBO_TAG_TITLE && Top() != GUMBO_TAG_SCRIPT &&
      Top() != GUMBO_TAG_STYLE && Top() != GUMBO_TAG_NOSCRIPT && Top() != GUMBO_TAG_TEXTAREA &&
      Top() != GUMBO_TAG_NOFRAMES && Top() != GUMBO_TAG_TEMPLATE) {
    if (std::all_of(raw.begin(), raw.end(), IsSpace)) return;  // between head elements
    EnsureBody();
  }
  DomNode node;
  node.is_text = true;
  node.parent = open_.back();
  node.source = raw;
  node.source_offset = begin;
  node.text = raw;
  bool has_amp = decode && memchr(raw.data(), '&', raw.size());
  if (has_amp || memchr(raw.data(), '\r', raw.size())) {
    std::string& decoded = dom_.strings.emplace_back();
    if (decode) {
      DecodeHtmlText(raw, &decoded);
    } else {
      // Raw text: only newlines are normalized.
      decoded.reserve(raw.size());
      for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\r') {
          decoded.push_back(raw[i]);
        } else if (i + 1 >= raw.size() || raw[i + 1] != '\n') {
          decoded.push_back('\n');
        }
      }
    }
    node.text = decoded;
  }
  node.end = static_cast<uint32_t>(dom_.nodes.size()) + 1;
  dom_.nodes.push_back(node);
}

uint32_t Builder::Add(const Tag& t, bool push) {
  uint32_t index = static_cast<uint32_t>(dom_.nodes.size());
  DomNode node;
  node.tag = t.tag;
  node.parent = open_.back();
  node.first_attribute = t.first_attribute;
  node.attribute_count = t.attribute_count;
  node.end = index + 1;
  dom_.nodes.push_back(node);
  if (push) {
    open_.push_back(index);
    open_names_.push_back(t.name);
  }
  return index;
}

size_t Builder::InScope(GumboTag tag, uint16_t barrier_flags, std::initializer_list<GumboTag> extra) const {
  for (size_t k = open_.size(); k-- > 1;) {
    GumboTag t = dom_.nodes[open_[k]].tag;
    if (t == tag) return k;
    if (Has(t, barrier_flags)) return 0;
    for (GumboTag e : extra) {
      if (t == e) return 0;
    }
  }
  return 0;
}

bool Builder::InTable() const {
  for (size_t k = open_.size(); k-- > 1;) {
    GumboTag t = dom_.nodes[open_[k]].tag;
    if (t == GUMBO_TAG_TABLE) return true;
    if (t == GUMBO_TAG_TEMPLATE) return false;
  }
  return false;
}

void Builder::EnsureBody() {
  if (body_ != kNoNode) return;
  PopTo(1);
  Tag body;
  body.tag = GUMBO_TAG_BODY;
  body_ = Add(body, true);
}

void Builder::StartTag(const Tag& t) {
  const GumboTag tag = t.tag;
  if (tag == GUMBO_TAG_HTML) return;
  if (tag == GUMBO_TAG_BODY) {
    if (body_ == kNoNode) {
      PopTo(1);
      body_ = Add(t, true);
    }
    return;
  }
  if (tag == GUMBO_TAG_HEAD) {
    if (body_ == kNoNode && head_ == kNoNode) head_ = Add(t, true);
    return;
  }
  if (body_ == kNoNode) {
    if (Has(tag, kHeadContent)) {
      if (head_ == kNoNode) head_ = Add(Synthetic(GUMBO_TAG_HEAD), true);
    } else {
      EnsureBody();
    }
  }
  if (open_.size() >= kMaxOpenElements && !Has(tag, kVoid)) return;  // nesting cap

  if (Has(tag, kClosesP)) {
    size_t p = InScope(GUMBO_TAG_P, kScopeBarrier, {GUMBO_TAG_BUTTON});
    if (p) PopTo(p);
  }
  if (Has(tag, kHeading) && Has(Top(), kHeading)) Pop();
  switch (tag) {
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
      // A new item closes the open one, unless a block other than div/address/p is between.
      for (size_t k = open_.size(); k-- > 1;) {
        GumboTag o = dom_.nodes[open_[k]].tag;
        bool same = tag == GUMBO_TAG_LI ? o == GUMBO_TAG_LI : (o == GUMBO_TAG_DD || o == GUMBO_TAG_DT);
        if (same) {
          PopTo(k);
          break;
        }
        if (Has(o, kSpecial) && o != GUMBO_TAG_ADDRESS && o != GUMBO_TAG_DIV && o != GUMBO_TAG_P) break;
      }
      break;
    case GUMBO_TAG_OPTION:
      if (Top() == GUMBO_TAG_OPTION) Pop();
      break;
    case GUMBO_TAG_OPTGROUP:
      if (Top() == GUMBO_TAG_OPTION) Pop();
      if (Top() == GUMBO_TAG_OPTGROUP) Pop();
      break;
    case GUMBO_TAG_A:
      // Links do not nest: a new <a> closes the open one (when no block is in between).
      for (size_t k = open_.size(); k-- > 1;) {
        GumboTag o = dom_.nodes[open_[k]].tag;
        if (o == GUMBO_TAG_A) {
          PopTo(k);
          break;
        }
        if (Has(o, kSpecial)) break;
      }
      break;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_COL: {
      if (!InTable()) return;  // gumbo ignores table parts outside a table
      const bool cell = tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
      // Close what the new part ends: a cell closes a cell; a row closes a row (and its cell);
      // a section or caption closes everything up to the table.
      for (size_t k = open_.size(); k-- > 1;) {
        GumboTag o = dom_.nodes[open_[k]].tag;
        if (o == GUMBO_TAG_TABLE) {
          PopTo(k + 1);
          break;
        }
        if (o == GUMBO_TAG_TD || o == GUMBO_TAG_TH) {
          PopTo(k);
          if (cell) break;
          continue;
        }
        if (o == GUMBO_TAG_TR && !cell) {
          PopTo(k);
          if (tag == GUMBO_TAG_TR) break;
          continue;
        }
        if (o == GUMBO_TAG_TR && cell) break;
        if (IsTableSection(o) && (cell || tag == GUMBO_TAG_TR)) break;
        if (IsTableSection(o) || o == GUMBO_TAG_CAPTION || o == GUMBO_TAG_COLGROUP) {
          PopTo(k);
          continue;
        }
        if (Has(o, kScopeBarrier)) break;
      }
      if (cell || tag == GUMBO_TAG_TR) {
        if (Top() == GUMBO_TAG_TABLE) Add(Synthetic(GUMBO_TAG_TBODY), true);
        if (cell && IsTableSection(Top())) Add(Synthetic(GUMBO_TAG_TR), true);
      }
      if (tag == GUMBO_TAG_COL && Top() == GUMBO_TAG_TABLE) Add(Synthetic(GUMBO_TAG_COLGROUP), true);
      break;
    }
    default:
      break;
  }
  Add(t, !Has(tag, kVoid));
}

void Builder::EndTag(const Tag& t) {
  const GumboTag tag = t.tag;
  switch (tag) {
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
      return;  // content after </body> still goes to <body>, as in gumbo
    case GUMBO_TAG_HEAD:
      if (head_ != kNoNode && body_ == kNoNode) PopTo(1);
      return;
    case GUMBO_TAG_BR: {
      Tag br = t;
      br.end = false;
      br.attribute_count = 0;
      StartTag(br);
      return;
    }
    default:
      break;
  }
  if (tag == GUMBO_TAG_UNKNOWN) {
    // Custom elements: match by name.
    for (size_t k = open_.size(); k-- > 1;) {
      const DomNode& o = dom_.nodes[open_[k]];
      if (o.tag == GUMBO_TAG_UNKNOWN && EqualsIgnoreCase(open_names_[k], t.name)) {
        PopTo(k);
        return;
      }
      if (Has(o.tag, kSpecial)) return;
    }
    return;
  }
  if (Has(tag, kHeading)) {
    for (size_t k = open_.size(); k-- > 1;) {
      GumboTag o = dom_.nodes[open_[k]].tag;
      if (Has(o, kHeading)) {
        PopTo(k);
        return;
      }
      if (Has(o, kScopeBarrier)) return;
    }
    return;
  }
  if (Has(tag, kBlockEnd)) {
    size_t k = 0;
    if (tag == GUMBO_TAG_P) {
      k = InScope(tag, kScopeBarrier, {GUMBO_TAG_BUTTON});
    } else if (tag == GUMBO_TAG_LI) {
      k = InScope(tag, kScopeBarrier, {GUMBO_TAG_OL, GUMBO_TAG_UL});
    } else {
      k = InScope(tag, kScopeBarrier);
    }
    if (k) PopTo(k);
    return;
  }
  if (tag == GUMBO_TAG_TABLE || Has(tag, kTablePart)) {
    for (size_t k = open_.size(); k-- > 1;) {
      GumboTag o = dom_.nodes[open_[k]].tag;
      if (o == tag) {
        PopTo(k);
        return;
      }
      if (o == GUMBO_TAG_TABLE || o == GUMBO_TAG_TEMPLATE) return;
    }
    return;
  }
  // Anything else (formatting and phrasing elements): the nearest match, unless a special
  // element is in between.
  for (size_t k = open_.size(); k-- > 1;) {
    GumboTag o = dom_.nodes[open_[k]].tag;
    if (o == tag) {
      PopTo(k);
      return;
    }
    if (Has(o, kSpecial)) return;
  }
}

}  // namespace

void DecodeHtmlText(std::string_view s, std::string* out) {
  out->reserve(out->size() + s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && s[j] != '&' && s[j] != '\r') ++j;
    out->append(s.data() + i, j - i);
    if (j >= s.size()) break;
    if (s[j] == '\r') {
      if (j + 1 >= s.size() || s[j + 1] != '\n') out->push_back('\n');
      i = j + 1;
      continue;
    }
    size_t used = DecodeReference(s, j, out);
    if (used == 0) {
      out->push_back('&');
      used = 1;
    }
    i = j + used;
  }
}

Dom FastParse(std::string_view html) { return Builder(html).Run(); }

}  // namespace sitrep::html
