// CleanHtml: the main article text of a news page.
//
// 1. Prefilter (depth_guard.h) cuts script/style/svg/comment bodies and blanks tags nested
//    deeper than 512, then a parser builds the preorder node array of dom.h (subtree = [i, end)),
//    so every later pass is a loop, never recursion: gumbo (DomFromGumbo, the HTML5 reference)
//    or the fast parser (fast_parser.h, ~the HTML5 rules that shape news markup, much faster).
// 3. Boilerplate subtrees are marked: tags that never hold article text (nav, aside, form
//    controls, scripts...), hidden elements, and class/id/role hints (share, related, comment,
//    newsletter, cookie, promo, ad ...) unless the same element also looks like article content.
// 4. Readability-style scoring: each text block ("paragraph") of 25+ characters gives
//    1 + commas + min(chars/100, 3) to its ancestors (full, 1/2, 1/6, 1/9, 1/12); candidates get
//    class/tag bonuses and are discounted by link density. The best candidate then grows to an
//    ancestor while that adds substantial well-formed paragraph text.
// 5. The chosen subtree is written out: block elements break paragraphs, inline whitespace
//    collapses, link-dense lists and site-junk lines (data/site_junk.tsv) are dropped.
//
// Offsets: every output byte maps to an HTML byte. Text the parser copied verbatim maps exactly;
// the bytes of a decoded entity ("&amp;" → "&") all map to the entity's '&'; CR LF → LF maps
// to the CR; a collapsed whitespace run maps to its first byte; the '\n' between paragraphs maps
// to the first byte of the next paragraph. If a text node cannot be aligned with its source
// (the parser rewrote it some other way), its remaining bytes map to the node's start.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <cstring>
#include <string>
#include <vector>

#include "html/clean_internal.h"
#include "html/depth_guard.h"
#include "html/dom.h"
#include "html/fast_parser.h"
#include "html/page_meta.h"
#include "html/site_junk.h"
#include "html/text_builder.h"
#include "sitrep/clean.h"

namespace sitrep {
namespace html {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

// Per-node analysis, index-aligned with Dom::nodes.
struct Node {
  uint32_t parent = kNone;
  uint32_t end = 0;            // one past the last node of the subtree
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool is_text = false;
  bool junk = false;           // dropped with its subtree
  bool in_link = false;
  int8_t hint = 0;             // class/id: +1 content-like, -1 boilerplate-like, +2 articleBody
  uint32_t block = kNone;      // nearest block ancestor (self for blocks)
  uint32_t chars = 0;          // visible characters in the subtree (junk excluded)
  uint32_t link_chars = 0;     // of which inside <a>
  uint32_t own_chars = 0;      // blocks: characters whose nearest block is this one
  uint32_t own_link_chars = 0;
  uint32_t own_commas = 0;
  uint32_t good_chars = 0;     // subtree: characters in well-formed paragraphs
  float score = 0;
  bool candidate = false;
};

bool IsBlock(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_TR: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_HR: case GUMBO_TAG_BR: case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML: case GUMBO_TAG_HGROUP: case GUMBO_TAG_LISTING: case GUMBO_TAG_DIR:
    case GUMBO_TAG_MENU: case GUMBO_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

// Tags whose content is never article text.
bool IsDropTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_OPTION: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_MAP: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_MENU:
     case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_LABEL:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_APPLET: case GUMBO_TAG_DATALIST: case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_METER: case GUMBO_TAG_PROGRESS: case GUMBO_TAG_H1:
      return true;
    default:
      return false;
  }
}

bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

// The element an attribute lookup reads: the Dom and one of its element nodes.
struct Element {
  const Dom& dom;
  const DomNode& node;
};

std::string_view Attr(const Element& e, std::string_view name) { return e.dom.Attr(e.node, name); }

std::string Lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// Boilerplate words in class/id/role values. Substrings: long enough not to hide inside
// ordinary words.
constexpr std::string_view kNegativeParts[] = {
    "comment", "share", "sharing", "social", "related", "newsletter", "subscri", "signup",
    "sign-up", "cookie", "consent", "gdpr", "advert", "sponsor", "sidebar", "widget",
    "breadcrumb", "popup", "modal", "outbrain", "taboola", "disqus", "recirc", "trending",
    "popular", "footer", "navbar", "navigation", "menu", "masthead", "pagination", "paywall",
    "byline", "caption", "credit", "author", "toolbar", "promo", "recommend", "readmore",
    "read-more", "more-stories", "most-read", "also-read", "banner", "hidden", "login",
    "jump", "print", "dateline", "timestamp", "teaser", "ticker", "rating", "follow",
    "donate", "feedback", "overlay", "partner", "affiliate", "newsletter", "tooltip",
    "subnav", "skip-link", "visually-hidden", "sr-only", "screen-reader", "offscreen",
    "dropdown", "carousel", "slideshow", "gallery", "headline", "kicker", "tagline",
    "topics", "keywords", "post-meta", "entry-meta", "article-meta", "meta-data",
};
// Boilerplate words that must be a whole class/id token ("ad" but not "head").
constexpr std::string_view kNegativeTokens[] = {
    "ad", "ads", "nav", "tags", "tag", "date", "time", "aside", "rail", "more", "hide",
    "share", "meta", "byline", "author", "title", "header", "masthead", "hero", "adslot",
    "ad-slot", "ad-container", "ad-wrapper", "advertisement", "sponsored", "source",
};
// Content words (separators removed before matching).
constexpr std::string_view kPositiveParts[] = {
    "article", "content", "story", "post", "entry", "text", "body", "main", "blog", "prose",
};
// Names that only article bodies carry; they override boilerplate words.
constexpr std::string_view kStrongPositiveParts[] = {
    "articlebody", "storybody", "entrycontent", "postcontent", "postbody", "articlecontent",
    "articletext", "storytext", "bodytext", "contentbody", "storycontent", "richtext",
    "postentry", "articlecopy", "storycopy", "bodycopy", "entrybody", "textbody",
    "articlemain", "posttext", "newsbody", "newstext", "newscontent", "mainarticle",
};

// +2 strong content, +1 content, 0 nothing, -1 boilerplate, -2 boilerplate only.
int ClassHint(const Element& e, bool* strong_positive) {
  *strong_positive = false;
  std::string_view itemprop = Attr(e, "itemprop");
  if (itemprop == "articleBody" || itemprop == "articlebody") {
    *strong_positive = true;
    return 2;
  }
  std::string_view cls = Attr(e, "class");
  std::string_view id = Attr(e, "id");
  std::string_view role = Attr(e, "role");
  if (cls.empty() && id.empty() && role.empty()) return 0;
  std::string all = Lowered(cls);
  all.push_back(' ');
  all += Lowered(id);
  if (cls.size() + id.size() > 400) all.resize(400);  // generated class soups
  std::string compact;
  compact.reserve(all.size());
  for (char c : all) {
    if (c != '-' && c != '_') compact.push_back(c);
  }
  bool negative = false;
  for (std::string_view part : kNegativeParts) {
    if (Contains(all, part)) {
      negative = true;
      break;
    }
  }
  if (!negative) {
    size_t pos = 0;
    while (pos < all.size() && !negative) {
      while (pos < all.size() && all[pos] == ' ') ++pos;
      size_t end = all.find(' ', pos);
      if (end == std::string::npos) end = all.size();
      std::string_view token(all.data() + pos, end - pos);
      // Also the pieces of "article-ad" / "ad_box".
      size_t piece_begin = 0;
      for (size_t k = 0; k <= token.size() && !negative; ++k) {
        if (k == token.size() || token[k] == '-' || token[k] == '_') {
          std::string_view piece = token.substr(piece_begin, k - piece_begin);
          for (std::string_view t : kNegativeTokens) {
            if (piece == t || token == t) {
              negative = true;
              break;
            }
          }
          piece_begin = k + 1;
        }
      }
      pos = end;
    }
  }
  if (role == "navigation" || role == "complementary" || role == "contentinfo" ||
      role == "banner" || role == "dialog" || role == "alert" || role == "menu" ||
      role == "menubar" || role == "toolbar" || role == "search") {
    negative = true;
  }
  for (std::string_view part : kStrongPositiveParts) {
    if (Contains(compact, part)) {
      *strong_positive = true;
      return 2;
    }
  }
  bool positive = false;
  for (std::string_view part : kPositiveParts) {
    if (Contains(compact, part)) {
      positive = true;
      break;
    }
  }
  if (negative) return positive ? -1 : -2;
  return positive ? 1 : 0;
}

bool IsHidden(const Element& e) {
  if (e.dom.HasAttr(e.node, "hidden")) return true;
  if (Attr(e, "aria-hidden") == "true") return true;
  std::string_view style = Attr(e, "style");
  if (!style.empty()) {
    std::string s;
    for (char c : style) {
      if (c != ' ') s.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    }
    if (Contains(s, "display:none") || Contains(s, "visibility:hidden")) return true;
  }
  return false;
}

bool IsSpaceByte(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Visible characters (code points that are not whitespace) and commas of a decoded text.
void CountText(std::string_view s, uint32_t* chars, uint32_t* commas) {
  uint32_t n = 0, k = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if ((c & 0xC0) == 0x80 || IsSpaceByte(c)) continue;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) continue;
    ++n;
    if (c == ',') {
      ++k;
    } else if (c == 0xEF && s.substr(i, 3) == "\xEF\xBC\x8C") {  // ，
      ++k;
    } else if (c == 0xE3 && (s.substr(i, 3) == "\xE3\x80\x81" || s.substr(i, 3) == "\xE3\x80\x82")) {
      ++k;  // 、。
    }
  }
  *chars = n;
  *commas = k;
}

class Cleaner {
 public:
  Cleaner(const Prefiltered& pre, const Dom& dom) : pre_(pre), dom_(dom) {}

  void Run(CleanedArticle* article) {
    Flatten();
    MarkJunk();
    Measure();
    if (MarkClassJunk()) Measure();
    uint32_t root = ChooseRoot();
    Emit(root, article);
    article->title = ChooseTitle(meta_);
    article->published = ChoosePublished(meta_);
  }

 private:
  void Flatten();
  void Collect(uint32_t index);
  void MarkJunk();
  bool MarkClassJunk();
  void Measure();
  uint32_t ChooseRoot();
  void Emit(uint32_t root, CleanedArticle* article);
  void EmitText(const DomNode& d, TextBuilder* builder);
  std::string_view TextOf(uint32_t index) const { return dom_.nodes[index].text; }
  std::string SubtreeText(uint32_t index) const;

  const Prefiltered& pre_;
  const Dom& dom_;
  std::vector<Node> nodes_;
  PageMeta meta_;
  uint32_t first_h1_ = kNone;
};

void Cleaner::Flatten() {
  nodes_.resize(dom_.nodes.size());
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    const DomNode& d = dom_.nodes[i];
    Node& n = nodes_[i];
    n.parent = d.parent;
    n.end = d.end;
    n.tag = d.tag;
    n.is_text = d.is_text;
    if (!d.is_text) Collect(i);
  }
}

// Metadata from one element: title, dates.
void Cleaner::Collect(uint32_t index) {
  const DomNode& d = dom_.nodes[index];
  const Element e{dom_, d};
  auto first_text = [&]() -> std::string_view {
    for (uint32_t k = index + 1; k < d.end; k = dom_.nodes[k].end) {
      if (dom_.nodes[k].is_text) return dom_.nodes[k].text;
    }
    return {};
  };
  std::string_view itemprop = Attr(e, "itemprop");
  if (itemprop == "datePublished") {
    std::string_view v = Attr(e, "content");
    if (v.empty()) v = Attr(e, "datetime");
    if (!v.empty()) meta_.dates.push_back({DateSource::kArticleMeta, std::string(v)});
  }
  switch (d.tag) {
    case GUMBO_TAG_META: {
      std::string_view key = Attr(e, "property");
      if (key.empty()) key = Attr(e, "name");
      if (key.empty()) key = Attr(e, "itemprop");
      std::string_view content = Attr(e, "content");
      if (key.empty() || content.empty()) break;
      std::string k = Lowered(key);
      if (k == "og:title") {
        if (meta_.og_title.empty()) meta_.og_title = std::string(content);
      } else if (k == "og:site_name") {
        meta_.site_name = std::string(content);
      } else if (k == "article:published_time" || k == "datepublished") {
        meta_.dates.push_back({DateSource::kArticleMeta, std::string(content)});
      } else if (k == "og:published_time" || k == "parsely-pub-date" || k == "sailthru.date" ||
                 k == "dc.date" || k == "dc.date.issued" || k == "dcterms.date" ||
                 k == "dcterms.created" || k == "date" || k == "pubdate" || k == "publishdate" ||
                 k == "publish-date" || k == "publish_date" || k == "article.published" ||
                 k == "article_date_original" || k == "citation_publication_date" ||
                 k == "og:article:published_time" || k == "cxenseparse:recs:publishtime" ||
                 k == "originalpublicationdate" || k == "pub_date" || k == "date.release") {
        meta_.dates.push_back({DateSource::kOtherMeta, std::string(content)});
      }
      break;
    }
    case GUMBO_TAG_TITLE:
      if (meta_.html_title.empty()) meta_.html_title = std::string(first_text());
      break;
    case GUMBO_TAG_H1:
      if (first_h1_ == kNone) first_h1_ = index;
      break;
    case GUMBO_TAG_SCRIPT: {
      std::string_view type = Attr(e, "type");
      if (type.find("ld+json") != std::string_view::npos) {
        std::vector<std::string> found;
        ScanJsonLdDates(first_text(), &found);
        for (std::string& d : found) meta_.dates.push_back({DateSource::kJsonLd, std::move(d)});
      }
      break;
    }
    case GUMBO_TAG_TIME: {
      std::string_view dt = Attr(e, "datetime");
      if (dt.empty()) break;
      bool pub = dom_.HasAttr(d, "pubdate") ||
                 Contains(Lowered(Attr(e, "class")), "publish");
      meta_.dates.push_back({pub ? DateSource::kTimePubdate : DateSource::kTime, std::string(dt)});
      break;
    }
    default:
      break;
  }
}

void Cleaner::MarkJunk() {
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    Node& n = nodes_[i];
    const Node* parent = n.parent == kNone ? nullptr : &nodes_[n.parent];
    if (parent) {
      n.junk = parent->junk;
      n.in_link = parent->in_link;
    }
    if (n.is_text) {
      n.block = parent ? parent->block : kNone;
      continue;
    }
    n.block = IsBlock(n.tag) || !parent ? i : parent->block;
    if (n.tag == GUMBO_TAG_A) n.in_link = true;
    if (n.junk) continue;
    const Element e{dom_, dom_.nodes[i]};
    bool strong = false;
    int hint = ClassHint(e, &strong);
    n.hint = static_cast<int8_t>(hint);
    if (n.tag == GUMBO_TAG_BODY || n.tag == GUMBO_TAG_HTML) continue;
    if (strong) continue;
    if (IsDropTag(n.tag) || IsHidden(e)) n.junk = true;
  }
}

// Class/id hints name boilerplate, but templates also put words like "sidebar" on the wrapper of
// the whole page ("container penci_sidebar"): an element holding most of the page's paragraph
// text is never dropped for its name.
bool Cleaner::MarkClassJunk() {
  uint32_t total = nodes_.empty() ? 0 : nodes_[0].good_chars;
  bool any = false;
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    Node& n = nodes_[i];
    if (n.is_text || n.junk || n.hint != -2 || n.tag == GUMBO_TAG_MAIN) continue;
    if (n.tag == GUMBO_TAG_BODY || n.tag == GUMBO_TAG_HTML) continue;
    if (n.good_chars * 2 > total && n.good_chars > 200) continue;
    for (uint32_t k = i; k < n.end; ++k) nodes_[k].junk = true;
    any = true;
    i = n.end - 1;
  }
  return any;
}

void Cleaner::Measure() {
  for (Node& n : nodes_) {
    n.chars = n.link_chars = n.own_chars = n.own_link_chars = n.own_commas = n.good_chars = 0;
    n.score = 0;
    n.candidate = false;
  }
  // Text characters go to their node, their block and, in reverse preorder, up the tree.
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    Node& n = nodes_[i];
    if (!n.is_text || n.junk) continue;
    uint32_t chars, commas;
    CountText(TextOf(i), &chars, &commas);
    n.chars = chars;
    if (n.in_link) n.link_chars = chars;
    if (n.block != kNone) {
      Node& b = nodes_[n.block];
      b.own_chars += chars;
      b.own_commas += commas;
      if (n.in_link) b.own_link_chars += chars;
    }
  }
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    Node& n = nodes_[i];
    if (n.is_text || n.junk || n.own_chars < 25) continue;
    if (n.own_link_chars * 2 > n.own_chars) continue;
    if (n.tag >= GUMBO_TAG_H1 && n.tag <= GUMBO_TAG_H6) continue;
    n.good_chars = n.own_chars - n.own_link_chars;
    // Readability-style paragraph score, spread over the ancestors.
    float contribution = 1.0f + static_cast<float>(n.own_commas) +
                         std::min(static_cast<float>(n.own_chars) / 100.0f, 3.0f);
    static constexpr float kDivider[] = {1, 2, 6, 9, 12};
    uint32_t a = n.parent;
    if (n.tag == GUMBO_TAG_DIV || n.tag == GUMBO_TAG_TD || n.tag == GUMBO_TAG_SECTION ||
        n.tag == GUMBO_TAG_ARTICLE || n.tag == GUMBO_TAG_MAIN) {
      n.score += contribution;
      n.candidate = true;
    }
    for (int level = 0; level < 5 && a != kNone; ++level, a = nodes_[a].parent) {
      nodes_[a].score += contribution / kDivider[level];
      nodes_[a].candidate = true;
    }
  }
  for (uint32_t i = static_cast<uint32_t>(nodes_.size()); i-- > 1;) {
    const Node& n = nodes_[i];
    if (n.junk) continue;
    Node& parent = nodes_[n.parent];
    parent.chars += n.chars;
    parent.link_chars += n.link_chars;
    parent.good_chars += n.good_chars;
  }
}

uint32_t Cleaner::ChooseRoot() {
  uint32_t best = kNone;
  float best_score = 0;
  uint32_t body = 0;
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    Node& n = nodes_[i];
    if (n.tag == GUMBO_TAG_BODY && !n.is_text) body = i;
    if (!n.candidate || n.junk || n.is_text) continue;
    float bonus = 0;
    switch (n.tag) {
      case GUMBO_TAG_DIV: bonus = 5; break;
      case GUMBO_TAG_ARTICLE: bonus = 10; break;
      case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: bonus = 3; break;
      case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
      case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: bonus = -3; break;
      case GUMBO_TAG_TH: bonus = -5; break;
      default: break;
    }
    bonus += 25.0f * static_cast<float>(std::clamp<int>(n.hint, -1, 1));
    if (n.hint == 2) bonus += 25;
    float link_density = n.chars ? static_cast<float>(n.link_chars) / n.chars : 0;
    float score = (n.score + bonus) * (1.0f - link_density);
    n.score = score;
    if (best == kNone || score > best_score) {
      best = i;
      best_score = score;
    }
  }
  if (best == kNone) return body;
  // Grow to an ancestor when that adds substantial paragraph text that reads like the article
  // (an article split into several sibling containers) rather than teasers (link-heavy).
  uint32_t root = best;
  for (bool grew = true; grew;) {
    grew = false;
    uint32_t a = nodes_[root].parent;
    for (int level = 0; level < 4 && a != kNone; ++level, a = nodes_[a].parent) {
      const Node& up = nodes_[a];
      if (up.tag == GUMBO_TAG_BODY || up.tag == GUMBO_TAG_HTML) break;
      const Node& cur = nodes_[root];
      double added_good = static_cast<double>(up.good_chars) - cur.good_chars;
      double added_chars = static_cast<double>(up.chars) - cur.chars;
      double added_links = static_cast<double>(up.link_chars) - cur.link_chars;
      if (added_good < 0.3 * cur.good_chars + 100) continue;
      if (added_links > 0.2 * added_chars) continue;
      if (added_chars - added_good > added_good) continue;
      root = a;
      grew = true;
      break;
    }
  }
  return root;
}

std::string Cleaner::SubtreeText(uint32_t index) const {
  std::string out;
  for (uint32_t i = index; i < nodes_[index].end && out.size() < 1000; ++i) {
    if (nodes_[i].is_text) out += TextOf(i);
  }
  return out;
}

// Writes the decoded text of one text node, aligned with its source bytes.
void Cleaner::EmitText(const DomNode& d, TextBuilder* b) {
  std::string_view dec = d.text;
  std::string_view orig = d.source;
  uint64_t base = d.source_offset;
  size_t i = 0, j = 0;
  const bool shifted = !pre_.jumps.empty();
  auto put = [&](size_t at, uint64_t src, bool copied) {
    if (shifted) src = pre_.ToOriginal(src);
    unsigned char c = dec[at];
    if (IsSpaceByte(c)) {
      b->Space(src, copied && c == ' ');
    } else {
      b->Put(static_cast<char>(c), src, copied);
    }
  };
  while (j < dec.size()) {
    unsigned char d = dec[j];
    // U+00A0 collapses like a space.
    bool nbsp = d == 0xC2 && j + 1 < dec.size() && static_cast<unsigned char>(dec[j + 1]) == 0xA0;
    if (i < orig.size() && orig[i] == static_cast<char>(d) &&
        (d != '&' || i + 1 >= orig.size() || j + 1 >= dec.size() || orig[i + 1] == dec[j + 1])) {
      if (nbsp && i + 1 < orig.size() && orig[i + 1] == dec[j + 1]) {
        b->Space(shifted ? pre_.ToOriginal(base + i) : base + i, false);
        i += 2;
        j += 2;
        continue;
      }
      put(j, base + i, true);
      ++i;
      ++j;
      continue;
    }
    if (i < orig.size() && orig[i] == '&') {
      // The entity's extent: "&#" digits, "&#x" hex digits, or a name; the ';' is optional, so
      // a numeric entity must not swallow the letters after it ("&#1L").
      size_t e = i + 1;
      if (e < orig.size() && orig[e] == '#') {
        ++e;
        const bool hex = e < orig.size() && (orig[e] == 'x' || orig[e] == 'X');
        if (hex) ++e;
        while (e < orig.size() && e - i < 40 &&
               (hex ? std::isxdigit(static_cast<unsigned char>(orig[e]))
                    : std::isdigit(static_cast<unsigned char>(orig[e])))) {
          ++e;
        }
      } else {
        while (e < orig.size() && e - i < 40 && std::isalnum(static_cast<unsigned char>(orig[e]))) ++e;
      }
      if (e < orig.size() && orig[e] == ';') ++e;
      // One decoded code point (two for the few entities that expand to a pair).
      size_t len = 1;
      while (j + len < dec.size() && (static_cast<unsigned char>(dec[j + len]) & 0xC0) == 0x80) ++len;
      if (e < orig.size() && j + len < dec.size() && dec[j + len] != orig[e] &&
          static_cast<unsigned char>(dec[j + len]) >= 0x80) {
        size_t extra = 1;
        while (j + len + extra < dec.size() && (static_cast<unsigned char>(dec[j + len + extra]) & 0xC0) == 0x80) ++extra;
        len += extra;
      }
      if (nbsp && len == 2) {
        b->Space(shifted ? pre_.ToOriginal(base + i) : base + i, false);
      } else {
        for (size_t k = 0; k < len; ++k) put(j + k, base + i, false);
      }
      i = e;
      j += len;
      continue;
    }
    if (i < orig.size() && orig[i] == '\r') {
      if (i + 1 < orig.size() && orig[i + 1] == '\n') {
        ++i;
        continue;
      }
      put(j, base + i, false);  // lone CR became LF
      ++i;
      ++j;
      continue;
    }
    // Unaligned: the rest maps to where we are (a byte of this node, never past it).
    uint64_t src = base + std::min(i, orig.empty() ? size_t{0} : orig.size() - 1);
    for (; j < dec.size(); ++j) put(j, src, false);
  }
}

void Cleaner::Emit(uint32_t root, CleanedArticle* article) {
  TextBuilder builder;
  std::vector<uint32_t> open_blocks;  // ends of the block subtrees we are in
  for (uint32_t i = root; i < nodes_[root].end;) {
    while (!open_blocks.empty() && open_blocks.back() <= i) {
      open_blocks.pop_back();
      builder.Break();
    }
    const Node& n = nodes_[i];
    if (n.junk) {
      i = n.end;
      continue;
    }
    if (n.is_text) {
      EmitText(dom_.nodes[i], &builder);
      ++i;
      continue;
    }
    if (i != root && !n.is_text) {
      bool listy = n.tag == GUMBO_TAG_UL || n.tag == GUMBO_TAG_OL || n.tag == GUMBO_TAG_DL ||
                   n.tag == GUMBO_TAG_DIV || n.tag == GUMBO_TAG_SECTION || n.tag == GUMBO_TAG_TABLE ||
                   n.tag == GUMBO_TAG_P || n.tag == GUMBO_TAG_LI;
      // Link lists and link-only paragraphs ("Read more: ...") inside the article.
      if (listy && n.chars > 0 && n.link_chars * 10 > n.chars * 6 && n.chars < 2000) {
        i = n.end;
        continue;
      }
    }
    if (n.tag == GUMBO_TAG_BR || n.tag == GUMBO_TAG_HR) {
      builder.Break();
    } else if (IsBlock(n.tag)) {
      builder.Break();
      open_blocks.push_back(n.end);
    }
    ++i;
  }
  builder.Finish([](std::string_view paragraph) { return !IsJunkLine(paragraph); },
                 &article->text, &article->to_source);
  if (first_h1_ != kNone) meta_.h1 = SubtreeText(first_h1_);
}

}  // namespace
}  // namespace html

namespace html {

Result<CleanedArticle> CleanHtmlWith(std::string_view html, Parser parser) {
  if (html.size() > UINT32_MAX) return Status(ErrorCode::kTooLarge, "HTML page over 4 GiB");
  Prefiltered pre = Prefilter(html);
  CleanedArticle article;
  if (parser == Parser::kFast) {
    Dom dom = FastParse(pre.html);
    Cleaner(pre, dom).Run(&article);
    return article;
  }
  GumboOutput* output =
      gumbo_parse_with_options(&kGumboDefaultOptions, pre.html.data(), pre.html.size());
  if (output == nullptr || output->root == nullptr) {
    return Status(ErrorCode::kParse, "HTML could not be parsed");
  }
  {
    Dom dom = DomFromGumbo(output, pre.html);  // points into `output`
    Cleaner(pre, dom).Run(&article);
  }
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return article;
}

}  // namespace html

Result<CleanedArticle> CleanHtml(std::string_view html) {
  return html::CleanHtmlWith(html, html::kDefaultParser);
}

}  // namespace sitrep
