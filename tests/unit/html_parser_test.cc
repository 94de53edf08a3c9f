// The fast HTML parser (src/html/fast_parser.h): table-driven tree cases, tree invariants, and
// agreement with the gumbo reference on whole pages (team-written samples, and clean-dev when
// ../shared is present).
#include <gtest/gtest.h>
#include <simdjson.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "html/clean_internal.h"
#include "html/dom.h"
#include "html/fast_parser.h"

namespace sitrep::html {
namespace {

// A compact dump of the subtree under `root`'s children: tag[attr=value,...](children) and
// "text". Iterative, like everything else walking these trees.
std::string DumpChildren(const Dom& dom, uint32_t root) {
  std::string out;
  std::vector<uint32_t> ends;
  for (uint32_t i = root + 1; i < dom.nodes[root].end; ++i) {
    while (!ends.empty() && ends.back() <= i) {
      out += ')';
      ends.pop_back();
    }
    if (!out.empty() && out.back() != '(') out += ' ';
    const DomNode& n = dom.nodes[i];
    if (n.is_text) {
      out += '"';
      out += n.text;
      out += '"';
      continue;
    }
    const char* name = gumbo_normalized_tagname(n.tag);
    out += n.tag == GUMBO_TAG_UNKNOWN ? "?" : name;
    if (n.attribute_count) {
      out += '[';
      for (uint32_t k = 0; k < n.attribute_count; ++k) {
        const DomAttribute& a = dom.attributes[n.first_attribute + k];
        if (k) out += ',';
        out += a.name;
        out += '=';
        out += a.value;
      }
      out += ']';
    }
    if (n.end > i + 1) {
      out += '(';
      ends.push_back(n.end);
    }
  }
  for (; !ends.empty(); ends.pop_back()) out += ')';
  return out;
}

uint32_t Body(const Dom& dom) {
  for (uint32_t i = 0; i < dom.nodes.size(); ++i) {
    if (!dom.nodes[i].is_text && dom.nodes[i].tag == GUMBO_TAG_BODY) return i;
  }
  return 0;
}

// Structural invariants every parse must satisfy, and text nodes that point back at their bytes.
void ExpectWellFormed(const Dom& dom, std::string_view html) {
  ASSERT_FALSE(dom.nodes.empty());
  EXPECT_EQ(dom.nodes[0].parent, kNoNode);
  EXPECT_EQ(dom.nodes[0].end, dom.nodes.size());
  for (uint32_t i = 1; i < dom.nodes.size(); ++i) {
    const DomNode& n = dom.nodes[i];
    ASSERT_LT(n.parent, i);
    ASSERT_GT(n.end, i);
    ASSERT_LE(n.end, dom.nodes[n.parent].end);
    ASSERT_FALSE(dom.nodes[n.parent].is_text);
    if (n.is_text) {
      ASSERT_EQ(n.end, i + 1);
      ASSERT_LE(n.source_offset + n.source.size(), html.size());
      ASSERT_EQ(n.source.data(), html.data() + n.source_offset);
    } else {
      ASSERT_LE(n.first_attribute + n.attribute_count, dom.attributes.size());
    }
  }
}

struct TreeCase {
  const char* name;
  std::string html;
  const char* body;  // DumpChildren of <body>
};

TEST(FastParser, Trees) {
  const TreeCase cases[] = {
      {"void elements", "<p>a<br>b<img src=x>c<hr/>d<wbr>e</p>", R"(p("a" br "b" img[src=x] "c") hr "d" wbr "e")"},
      {"void elements in p",
       "<p>a<br>b<img src=x>c<input type=text>d<source src=s>e</p>",
       R"(p("a" br "b" img[src=x] "c" input[type=text] "d" source[src=s] "e"))"},
      {"p closed by block", "<p>one<p>two<div>three</div>", R"(p("one") p("two") div("three"))"},
      {"p closed by list and heading", "<p>a<ul><li>b</ul><p>c<h2>d</h2>",
       R"(p("a") ul(li("b")) p("c") h2("d"))"},
      {"li siblings", "<ul><li>a<li>b<li>c</ul>", R"(ul(li("a") li("b") li("c")))"},
      {"li through div", "<ul><li><div>a<li>b</ul>", R"(ul(li(div("a")) li("b")))"},
      {"nested lists", "<ul><li>a<ul><li>b</ul><li>c</ul>", R"(ul(li("a" ul(li("b"))) li("c")))"},
      {"dt dd", "<dl><dt>t<dd>d<dt>u</dl>", R"(dl(dt("t") dd("d") dt("u")))"},
      {"options", "<select><option>a<option>b</select>", R"(select(option("a") option("b")))"},
      {"table implied", "<table><tr><td>a<td>b<tr><th>c</table>x",
       R"(table(tbody(tr(td("a") td("b")) tr(th("c")))) "x")"},
      {"table sections", "<table><thead><tr><td>h<tbody><tr><td>b</table>",
       R"(table(thead(tr(td("h"))) tbody(tr(td("b")))))"},
      {"cell outside table", "<div><td>x</td></div>", R"(div("x"))"},
      {"stray end tag", "<div>a</span>b</div>c", R"(div("a" "b") "c")"},
      {"end closes inline", "<div><b>x</div>y", R"(div(b("x")) "y")"},
      {"formatting end across block ignored", "<b><p>x</b>y</p>", R"(b(p("x" "y")))"},
      {"stray p end ignored", "a</p>b", R"("a" "b")"},
      {"br end tag", "<p>a</br>b</p>", R"(p("a" br "b"))"},
      {"headings", "<h2>a<h3>b</h2>c", R"(h2("a") h3("b") "c")"},
      {"links do not nest", "<a href=1>x<a href=2>y</a>", R"(a[href=1]("x") a[href=2]("y"))"},
      {"unclosed", "<div><span>x<em>y", R"(div(span("x" em("y"))))"},
      {"custom elements", "<my-el>a<my-el>b</my-el>c</MY-EL>d", R"(?("a" ?("b") "c") "d")"},
      {"uppercase", "<DIV CLASS=x>a</div>", R"(div[CLASS=x]("a"))"},
      {"attributes",
       "<a href=\"x y\" class='c' data-x=1 checked id = z title=\"a&amp;b &lt;\" href=dup>t</a>",
       R"(a[href=x y,class=c,data-x=1,checked=,id=z,title=a&b <]("t"))"},
      {"attribute odd syntax", "<p a=\"1\"b='2'/ c>x</p>", R"(p[a=1,b=2,c=]("x"))"},
      {"entities",
       "<p>AT&amp;T &lt;x&gt; &#8217;&#x2019;&#X2014; caf&eacute; &nbsp;&mdash;&hellip;</p>",
       "p(\"AT&T <x> \xE2\x80\x99\xE2\x80\x99\xE2\x80\x94 caf\xC3\xA9 \xC2\xA0\xE2\x80\x94\xE2\x80\xA6\")"},
      {"entity edge cases", "<p>&bogus; &amp &ampx &#150; &#0; &#; &#x110000; &copy2024 &</p>",
       "p(\"&bogus; & &ampx \xE2\x80\x93 \xEF\xBF\xBD &#; \xEF\xBF\xBD &copy2024 &\")"},
      {"raw text", "<p>x</p><script>if (a<b) {}</script><style>p>a{}</STYLE><textarea>&lt;b&gt;</textarea>",
       R"(p("x") script("if (a<b) {}") style("p>a{}") textarea("<b>"))"},
      {"raw text unclosed", "<p>x<script>a<b>c", R"(p("x" script("a<b>c")))"},
      {"comments and doctype", "<!DOCTYPE html><!-- c --><p>x<!-- y -->z<!--->w<?php ?>v</p>",
       R"(p("x" "z" "w" "v"))"},
      {"literal less-than", "<p>a < b <3 </ x>y</p>", R"(p("a < b <3 " "y"))"},
      {"tag cut by EOF", "<p>x<a href='y", R"(p("x"))"},
      {"newlines", "<p>a\r\nb\rc</p>", "p(\"a\nb\nc\")"},
      {"content after body", "<body><p>a</p></body></html><p>b", R"(p("a") p("b"))"},
  };
  for (const TreeCase& c : cases) {
    Dom dom = FastParse(c.html);
    ExpectWellFormed(dom, c.html);
    EXPECT_EQ(DumpChildren(dom, Body(dom)), c.body) << c.name;
  }
}

TEST(FastParser, HeadAndBody) {
  const std::pair<std::string, const char*> cases[] = {
      {"<html><head><title>T &amp; U</title><meta charset=utf-8></head><body class=b>x</body></html>",
       R"(head(title("T & U") meta[charset=utf-8]) body[class=b]("x"))"},
      {"<title>t</title>hello", R"(head(title("t")) body("hello"))"},
      {"<meta name=a content=b>\n<p>x", R"(head(meta[name=a,content=b]) body(p("x")))"},
      {"<p>x", R"(body(p("x")))"},
      {"", ""},
      {"<body><body><html>x", R"(body("x"))"},
  };
  for (const auto& [html, want] : cases) {
    Dom dom = FastParse(html);
    ExpectWellFormed(dom, html);
    EXPECT_EQ(DumpChildren(dom, 0), want) << html;
  }
}

TEST(FastParser, SourceOffsets) {
  std::string html = "<p class=x>ab &amp; c\r\nd</p><p>plain</p>";
  Dom dom = FastParse(html);
  ExpectWellFormed(dom, html);
  std::vector<const DomNode*> texts;
  for (const DomNode& n : dom.nodes) {
    if (n.is_text) texts.push_back(&n);
  }
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0]->text, "ab & c\nd");
  EXPECT_EQ(texts[0]->source, "ab &amp; c\r\nd");
  EXPECT_EQ(texts[0]->source_offset, html.find("ab"));
  // Verbatim text is not copied.
  EXPECT_EQ(texts[1]->text.data(), html.data() + html.find("plain"));
  // Through the cleaner: the decoded '&' maps to its entity.
  std::string page = "<article><p>Soldiers &amp; police said on Monday, in a long enough sentence, "
                     "that the&nbsp;town was calm.</p></article>";
  Result<CleanedArticle> r = CleanHtmlWith(page, Parser::kFast);
  ASSERT_TRUE(r.ok());
  size_t amp = r->text.find('&');
  ASSERT_NE(amp, std::string::npos);
  EXPECT_EQ(page.substr(r->to_source.ToSource(static_cast<uint32_t>(amp)), 5), "&amp;");
  size_t town = r->text.find("town");
  EXPECT_EQ(page.substr(r->to_source.ToSource(static_cast<uint32_t>(town)), 4), "town");
}

TEST(FastParser, DeepAndHostileInput) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div><span>";
  deep += "bottom";
  Dom dom = FastParse(deep);
  ExpectWellFormed(dom, deep);
  EXPECT_LE(dom.nodes.size(), kMaxOpenElements + 2);
  EXPECT_TRUE(dom.nodes.back().is_text);
  EXPECT_NE(dom.nodes.back().text.find("bottom"), std::string_view::npos);

  std::string binary;
  for (int i = 0; i < 20000; ++i) binary.push_back(static_cast<char>((i * 7919 + i / 13) & 0xFF));
  for (const std::string& s : {binary, std::string(50000, '<'), std::string("<p a='"),
                               std::string("<table><td><table><tr><caption><col><td>x"),
                               std::string("</</a</p></>&#x;&#99999999999999;")}) {
    Dom d = FastParse(s);
    ExpectWellFormed(d, s);
  }
}

// ---- whole pages: fast vs gumbo ----

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

// 4-token shingles; tokens are word-character runs (non-ASCII bytes count as word characters,
// close enough to \w for comparing two outputs of the same page).
std::map<std::string, int> Shingles(std::string_view text) {
  std::vector<std::string_view> tokens;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && !IsWordByte(text[i])) ++i;
    size_t b = i;
    while (i < text.size() && IsWordByte(text[i])) ++i;
    if (i > b) tokens.push_back(text.substr(b, i - b));
  }
  std::map<std::string, int> out;
  for (size_t i = 0; i + 4 <= tokens.size(); ++i) {
    std::string key;
    for (size_t k = 0; k < 4; ++k) (key += tokens[i + k]) += '\x1f';
    ++out[key];
  }
  return out;
}

// Precision and recall of `out` against `ref`; -1 when undefined.
std::pair<double, double> PrecisionRecall(std::string_view ref, std::string_view out) {
  auto r = Shingles(ref), o = Shingles(out);
  long tp = 0, r_total = 0, o_total = 0;
  for (auto& [k, c] : r) {
    r_total += c;
    auto it = o.find(k);
    if (it != o.end()) tp += std::min(c, it->second);
  }
  for (auto& [k, c] : o) o_total += c;
  return {o_total ? static_cast<double>(tp) / o_total : -1, r_total ? static_cast<double>(tp) / r_total : -1};
}

double F1(std::string_view ref, std::string_view out) {
  auto [p, r] = PrecisionRecall(ref, out);
  if (p < 0 && r < 0) return 1;  // both empty
  if (p <= 0 || r <= 0) return 0;
  return 2 * p * r / (p + r);
}

std::string Text(std::string_view html, Parser parser) {
  Result<CleanedArticle> r = CleanHtmlWith(html, parser);
  return r.ok() ? r->text : "";
}

TEST(FastParser, AgreesWithGumboOnTeamSamples) {
  int pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(SITREP_SOURCE_DIR "/examples/articles")) {
    if (entry.path().extension() != ".html") continue;
    std::ifstream f(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    std::string html = ss.str();
    std::string gumbo = Text(html, Parser::kGumbo), fast = Text(html, Parser::kFast);
    EXPECT_GE(F1(gumbo, fast), 0.98) << entry.path() << "\n--- gumbo:\n" << gumbo << "\n--- fast:\n" << fast;
    Result<CleanedArticle> g = CleanHtmlWith(html, Parser::kGumbo), q = CleanHtmlWith(html, Parser::kFast);
    EXPECT_EQ(g->title, q->title) << entry.path();
    EXPECT_EQ(g->published, q->published) << entry.path();
    ++pages;
  }
  EXPECT_GT(pages, 0);
}

TEST(FastParser, AgreesWithGumboOnCleanDev) {
  const char* path = SITREP_SHARED_DIR "/eval/clean-dev.jsonl.gz";
  gzFile gz = gzopen(path, "rb");
  if (!gz) GTEST_SKIP() << path << " not present";
  std::string data;
  char buf[1 << 16];
  int n;
  while ((n = gzread(gz, buf, sizeof buf)) > 0) data.append(buf, n);
  gzclose(gz);
  simdjson::dom::parser parser;
  double agree_sum = 0, seconds[2] = {0, 0};
  double p_sum[2] = {0, 0}, r_sum[2] = {0, 0};
  int p_n[2] = {0, 0}, r_n[2] = {0, 0}, pages = 0, titles_equal = 0, dates_equal = 0;
  int texts_equal = 0, offsets_equal = 0;
  std::vector<std::pair<double, std::string>> worst;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) nl = data.size();
    std::string line = data.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty()) continue;
    simdjson::dom::element row;
    ASSERT_EQ(parser.parse(line).get(row), simdjson::SUCCESS);
    std::string_view html, gold, id;
    ASSERT_EQ(row["html"].get(html), simdjson::SUCCESS);
    ASSERT_EQ(row["text"].get(gold), simdjson::SUCCESS);
    if (row["id"].get(id) != simdjson::SUCCESS) id = "?";
    CleanedArticle out[2];
    for (int k = 0; k < 2; ++k) {
      auto start = std::chrono::steady_clock::now();
      Result<CleanedArticle> r = CleanHtmlWith(html, k == 0 ? Parser::kGumbo : Parser::kFast);
      seconds[k] += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (r.ok()) out[k] = std::move(*r);
      auto [p, rc] = PrecisionRecall(gold, out[k].text);
      if (p >= 0) p_sum[k] += p, ++p_n[k];
      if (rc >= 0) r_sum[k] += rc, ++r_n[k];
    }
    double agree = F1(out[0].text, out[1].text);
    agree_sum += agree;
    worst.push_back({agree, std::string(id)});
    if (out[0].text == out[1].text) {
      ++texts_equal;
      bool same_offsets = true;
      for (uint32_t k = 0; k < out[0].text.size() && same_offsets; ++k) {
        same_offsets = out[0].to_source.ToSource(k) == out[1].to_source.ToSource(k);
      }
      offsets_equal += same_offsets;
    }
    titles_equal += out[0].title == out[1].title;
    dates_equal += out[0].published == out[1].published;
    ++pages;
  }
  ASSERT_GT(pages, 100);
  std::sort(worst.begin(), worst.end());
  double f1[2];
  for (int k = 0; k < 2; ++k) {
    double p = p_sum[k] / p_n[k], r = r_sum[k] / r_n[k];
    f1[k] = 2 * p * r / (p + r);
    std::printf("clean-dev %-5s: P=%.4f R=%.4f F1=%.4f  %.1f pages/s (in process)\n",
                k == 0 ? "gumbo" : "fast", p, r, f1[k], pages / seconds[k]);
  }
  double mean_agree = agree_sum / pages;
  std::printf("fast vs gumbo: mean shingle F1 %.4f; texts identical %d/%d (same offsets %d); "
              "titles equal %d, dates equal %d\n",
              mean_agree, texts_equal, pages, offsets_equal, titles_equal, dates_equal);
  for (size_t k = 0; k < 5 && k < worst.size(); ++k) {
    std::printf("  least agreement: %.3f %s\n", worst[k].first, worst[k].second.c_str());
  }
  EXPECT_GE(mean_agree, 0.98);
  EXPECT_GE(f1[1], 0.97);
}

}  // namespace
}  // namespace sitrep::html
