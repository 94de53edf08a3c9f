// CleanHtml, StripSiteJunk and MakeDocument: team-written pages, offsets back to the HTML,
// pathological input, and (when ../shared is present) the clean-dev benchmark.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <zlib.h>

#include <chrono>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "html/depth_guard.h"
#include "html/page_meta.h"
#include "html/site_junk.h"
#include "sitrep/clean.h"

namespace sitrep {
namespace {

std::string Para(const std::string& text) {
  return "<p>" + text + "</p>\n";
}

// A long article paragraph so that the scorer has something to find.
std::string Body() {
  return Para("Fighting resumed on Tuesday near the northern town of Kidal, officials said, "
              "after a two-week lull in which both sides had regrouped and resupplied.") +
         Para("At least twelve soldiers were killed and dozens wounded in the clashes, according "
              "to a military spokesman, who said reinforcements had been sent from Gao.") +
         Para("Residents described heavy gunfire through the night, with many families fleeing "
              "toward the river, where aid groups have set up temporary shelters.");
}

std::string Page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
}

std::string Clean(const std::string& html) {
  Result<CleanedArticle> r = CleanHtml(html);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r->text : "";
}

struct JunkCase {
  const char* name;
  std::string junk_html;
  const char* junk_text;  // must not appear in the output
};

TEST(CleanHtml, DropsBoilerplateAroundTheArticle) {
  const JunkCase cases[] = {
      {"nav", "<nav><a href='/'>Home</a> <a href='/world'>World news section</a></nav>", "World news section"},
      {"share bar",
       "<div class='share-bar'><a>Share on Facebook</a><a>Tweet this story</a></div>", "Tweet this story"},
      {"related",
       "<div class='related-articles'><h3>Related coverage</h3><ul><li><a href='/a'>Ceasefire "
       "talks collapse in the capital</a></li><li><a href='/b'>Army retakes airport after "
       "siege</a></li></ul></div>", "Ceasefire talks collapse"},
      {"comments",
       "<section id='comments'><p>Great article, thanks for writing it, I learned a lot "
       "about the conflict today.</p></section>", "Great article"},
      {"cookie banner",
       "<div class='cookie-consent'>We use cookies to improve your experience on our site. "
       "<button>Accept</button></div>", "We use cookies"},
      {"newsletter",
       "<div class='newsletter-signup'><h4>Get our daily briefing</h4><form><input "
       "type=email><button>Sign up</button></form></div>", "daily briefing"},
      {"aside", "<aside><p>Most read: the ten best beaches of the year, ranked by readers.</p></aside>", "ten best beaches"},
      {"footer", "<footer>© 2024 Example News. All rights reserved. Contact us.</footer>", "Contact us"},
      {"hidden", "<div style='display: none'>Secret hidden paragraph of text here.</div>", "Secret hidden"},
      {"script", "<script>var shareCount = 'invisible script text';</script>", "invisible script"},
      {"advert", "<div class='ad-slot'>Advertisement: buy the new phone now</div>", "buy the new phone"},
      {"caption", "<figure><img src=x.jpg><figcaption>Soldiers patrol. Photo: Reuters</figcaption></figure>", "Soldiers patrol"},
  };
  for (const JunkCase& c : cases) {
    std::string html = Page("<title>Clashes resume | Example News</title>",
                            "<div class='page'>" + c.junk_html + "<article class='story'>" +
                                Body() + "</article>" + c.junk_html + "</div>");
    std::string text = Clean(html);
    EXPECT_NE(text.find("Fighting resumed on Tuesday"), std::string::npos) << c.name << ": " << text;
    EXPECT_NE(text.find("toward the river"), std::string::npos) << c.name;
    EXPECT_EQ(text.find(c.junk_text), std::string::npos) << c.name << ": " << text;
  }
}

TEST(CleanHtml, ParagraphsAndWhitespace) {
  std::string html = Page("", "<article><p>First   para\n with <b>bold</b> and <i>it</i>alic,"
                              " long enough to count as text, with commas, yes.</p>"
                              "<p>Second<br>line after a break, also long enough, I think so.</p>"
                              "<ul><li>One item of a list in the article body</li><li>Two</li></ul>"
                              "</article>");
  std::string text = Clean(html);
  EXPECT_EQ(text,
            "First para with bold and italic, long enough to count as text, with commas, yes.\n"
            "Second\nline after a break, also long enough, I think so.\n"
            "One item of a list in the article body\nTwo");
}

TEST(CleanHtml, DecodesEntities) {
  std::string html = Page("", "<article><p>AT&amp;T and &quot;Smith&quot; &mdash; caf&eacute; "
                              "costs &#8364;5&nbsp;today, said the long paragraph, &lt;ok&gt;.</p></article>");
  std::string text = Clean(html);
  EXPECT_EQ(text, "AT&T and \"Smith\" \xE2\x80\x94 caf\xC3\xA9 costs \xE2\x82\xAC" "5 today, said the long paragraph, <ok>.");
}

TEST(CleanHtml, TitleAndDates) {
  struct Case {
    std::string head;
    std::string body_extra;
    const char* title;
    const char* published;
  };
  const Case cases[] = {
      {"<meta property='og:title' content='OG title'><title>T | Site</title>", "", "OG title", ""},
      {"<title>Rebels seize key town near border | Example News</title>", "",
       "Rebels seize key town near border", ""},
      {"<meta property='article:published_time' content='2019-11-19T05:00:00-0500'>", "", "",
       "2019-11-19T05:00:00-05:00"},
      {"<meta name='parsely-pub-date' content='2019-11-18T10:01:02Z'>", "", "", "2019-11-18T10:01:02Z"},
      {"<meta name='sailthru.date' content='2019-11-17 08:30:00'>", "", "", "2019-11-17T08:30:00"},
      {"<meta name='dc.date' content='2019/11/16'>", "", "", "2019-11-16"},
      {"<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\" : "
       "\"2019-11-15T12:00:00+01:00\",\"dateModified\":\"2019-11-20\"}</script>", "", "",
       "2019-11-15T12:00:00+01:00"},
      {"", "<time datetime='2019-11-14'>Nov 14</time>", "", "2019-11-14"},
      {"", "<span itemprop='datePublished' content='Thu, 13 Nov 2019 09:15:00 GMT'></span>", "",
       "2019-11-13T09:15:00Z"},
      {"<meta property='article:published_time' content='2019-11-12'>"
       "<script type='application/ld+json'>{\"datePublished\":\"2001-01-01\"}</script>",
       "<time datetime='1999-01-01'>x</time>", "", "2019-11-12"},
      {"<meta name='date' content='not a date'>", "<time datetime='2019-11-11'>x</time>", "", "2019-11-11"},
  };
  for (const Case& c : cases) {
    Result<CleanedArticle> r = CleanHtml(Page(c.head, c.body_extra + "<article>" + Body() + "</article>"));
    ASSERT_TRUE(r.ok());
    if (*c.title) {
      EXPECT_EQ(r->title, c.title) << c.head;
    }
    EXPECT_EQ(r->published, c.published) << c.head << c.body_extra;
  }
  Result<CleanedArticle> r = CleanHtml(Page("", "<h1>Headline from h1</h1><article>" + Body() + "</article>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->title, "Headline from h1");
  EXPECT_EQ(r->text.find("Headline from h1"), std::string::npos);  // the title is not body text
}

TEST(NormalizeDate, Formats) {
  const std::pair<const char*, const char*> cases[] = {
      {"2019-11-19", "2019-11-19"},
      {"2019-11-19T05:00", "2019-11-19T05:00"},
      {"2019-11-19T05:00:00.000Z", "2019-11-19T05:00:00Z"},
      {"20191119", "2019-11-19"},
      {"November 19, 2019", "2019-11-19"},
      {"19 Nov 2019", "2019-11-19"},
      {"Tue, 19 Nov 2019 10:00:00 +0000", "2019-11-19T10:00:00+00:00"},
      {"2019-13-40", ""},
      {"yesterday", ""},
      {"", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(html::NormalizeDate(in), want) << in;
}

// Every \w+ word of the clean text maps back to HTML bytes spelling that word.
void ExpectWordsMapBack(const std::string& html, const CleanedArticle& a) {
  static const std::regex kWord("[A-Za-z0-9]+");
  int checked = 0;
  for (auto it = std::sregex_iterator(a.text.begin(), a.text.end(), kWord); it != std::sregex_iterator(); ++it) {
    uint32_t begin = static_cast<uint32_t>(it->position());
    uint32_t end = begin + static_cast<uint32_t>(it->length());
    uint64_t src_begin = a.to_source.ToSource(begin);
    uint64_t src_end = a.to_source.ToSource(end - 1) + 1;
    ASSERT_LE(src_end, html.size());
    ASSERT_LT(src_begin, src_end);
    EXPECT_EQ(html.substr(src_begin, src_end - src_begin), it->str()) << "word at " << begin;
    ++checked;
  }
  EXPECT_GT(checked, 10);
}

TEST(CleanHtml, OffsetsMapWordsBackToTheHtml) {
  std::string html = Page("<title>x</title>", "<div class='share'>Share</div><article>" + Body() +
                                                  "<p>Caf&eacute; &amp; bar\r\nopened, "
                                                  "the&nbsp;owner said on Monday, with some relief.</p></article>");
  Result<CleanedArticle> r = CleanHtml(html);
  ASSERT_TRUE(r.ok());
  ExpectWordsMapBack(html, *r);
  // An entity maps to its '&'.
  size_t amp = r->text.find('&');
  ASSERT_NE(amp, std::string::npos);
  EXPECT_EQ(html.substr(r->to_source.ToSource(static_cast<uint32_t>(amp)), 5), "&amp;");
}

TEST(CleanHtml, NestedOneHundredThousandDeep) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>Deep text at the bottom of the page, long enough to be a paragraph, really.</p>";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "</body></html>";
  auto start = std::chrono::steady_clock::now();
  Result<CleanedArticle> r = CleanHtml(html);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("Deep text at the bottom"), std::string::npos);
  EXPECT_LT(seconds, 10.0);
  ExpectWordsMapBack(html, *r);

  // Unclosed, mixed inline/block nesting, and self-closing lookalikes.
  for (std::string unit : {"<span>", "<b><i>", "<div/>", "<table><tr><td>", "<ul><li>", "<a>"}) {
    std::string deep = "<body>";
    for (int i = 0; i < 100000 / static_cast<int>(unit.size()) * 4; ++i) deep += unit;
    deep += "tail words here";
    Result<CleanedArticle> d = CleanHtml(deep);
    EXPECT_TRUE(d.ok()) << unit;
  }
}

TEST(DepthGuard, BlanksOnlyBeyondTheCap) {
  EXPECT_FALSE(html::CapNesting("<div><p>x</p></div>", 4).has_value());
  std::optional<std::string> out = html::CapNesting("<div><div><div>x</div></div></div>", 2);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(*out, "<div><div>     x      </div></div>");
  // Comments, raw text and void elements do not count.
  EXPECT_FALSE(html::CapNesting("<!-- <div><div><div> --><script><div><div><div></script>"
                                "<br><br><br><img><div>x</div>", 2).has_value());
}

TEST(CleanHtml, BrokenAndHostileInput) {
  std::string full = Page("<title>t</title>", "<article>" + Body() + "</article>");
  for (size_t cut : {size_t{0}, size_t{10}, full.size() / 3, full.size() / 2, full.size() - 7}) {
    Result<CleanedArticle> r = CleanHtml(full.substr(0, cut));
    EXPECT_TRUE(r.ok()) << cut;
  }
  std::string binary;
  for (int i = 0; i < 20000; ++i) binary.push_back(static_cast<char>((i * 7919 + i / 13) & 0xFF));
  EXPECT_TRUE(CleanHtml(binary).ok());
  EXPECT_TRUE(CleanHtml(std::string(50000, '<')).ok());
  EXPECT_TRUE(CleanHtml("<p>unterminated <a href=\"x").ok());
  EXPECT_TRUE(CleanHtml(std::string("<p>nul\0byte</p>", 15)).ok());
}

TEST(StripSiteJunk, Table) {
  const std::pair<const char*, const char*> cases[] = {
      {"Share.\nFighting resumed on Tuesday.", "Fighting resumed on Tuesday."},
      {"Fighting resumed.\nExit mobile version", "Fighting resumed."},
      {"Advertisement\nA.\n  Advertisement  \nB.", "A.\nB."},
      {"Share this:\nClick to share on Twitter (Opens in new window)\nText.", "Text."},
      {"Text.\nSubscribe to our newsletter for daily updates", "Text."},
      {"Text.\nRead more: Rebels take the airport", "Text."},
      {"Related: Army says it will hold the line\nText.", "Text."},
      {"Text.\nWe use cookies to give you the best experience on our website.", "Text."},
      {"Text.\n© 2024 Example Media. All rights reserved.", "Text."},
      {"Sign up for our morning briefing\nText.", "Text."},
      // Never inside sentences.
      {"Villagers said they would share the water with refugees from the north.",
       "Villagers said they would share the water with refugees from the north."},
      {"The advertisement campaign by the ministry was criticised by opposition groups on Monday.",
       "The advertisement campaign by the ministry was criticised by opposition groups on Monday."},
      // Everything else is kept byte for byte (offsets stay those of the input); only trailing
      // whitespace goes.
      {"  a \t b  \n\n\n  c  ", "  a \t b  \n\n\n  c"},
      {"Fighting resumed.\n\nShare.\nExit mobile version\n", "Fighting resumed."},
      {"", ""},
  };
  for (const auto& [in, want] : cases) {
    StrippedText s = StripSiteJunk(in);
    EXPECT_EQ(s.text, want) << in;
    std::string input = in;
    for (uint32_t i = 0; i < s.text.size(); ++i) {
      EXPECT_EQ(input[s.to_source.ToSource(i)], s.text[i]) << in << " @" << i;
    }
  }
}

// Trailing junk only: the clean text is a prefix of the input, so offsets are the input's.
TEST(StripSiteJunk, TrailingJunkKeepsInputOffsets) {
  for (std::string in : {"Gunmen attacked  a convoy.\n\nShare.\nExit mobile version\n",
                         "One.\r\nTwo,  three.\r\nAdvertisement\r\n", "No junk at all.\n"}) {
    StrippedText s = StripSiteJunk(in);
    EXPECT_EQ(in.substr(0, s.text.size()), s.text) << in;
    EXPECT_FALSE(s.text.empty());
  }
}

TEST(SiteJunk, EmbeddedLexiconMatchesDataFile) {
  std::ifstream f(SITREP_SOURCE_DIR "/data/site_junk.tsv", std::ios::binary);
  ASSERT_TRUE(f) << "data/site_junk.tsv missing";
  std::stringstream ss;
  ss << f.rdbuf();
  std::string_view embedded = html::SiteJunkLexiconTsv();
  if (!embedded.empty() && embedded.front() == '\n') embedded.remove_prefix(1);
  EXPECT_EQ(embedded, ss.str()) << "regenerate src/html/site_junk_tsv.inc (see src/html/site_junk.cc)";
}

TEST(MakeDocument, HtmlRecord) {
  RawRecord rec;
  rec.id = "7";
  rec.is_html = true;
  rec.payload = Page("<meta property='article:published_time' content='2019-11-19'>"
                     "<title>Clashes resume in the north | Example</title>",
                     "<article>" + Body() + "</article>");
  Result<Document> doc = MakeDocument(rec);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->published, "2019-11-19");
  EXPECT_EQ(doc->title, "Clashes resume in the north");
  EXPECT_TRUE(doc->warnings.empty());
  size_t at = doc->text.find("Kidal");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(rec.payload.substr(doc->to_source.ToSource(static_cast<uint32_t>(at)), 5), "Kidal");

  rec.published = "2020-01-02";  // the record wins over the page
  EXPECT_EQ(MakeDocument(rec)->published, "2020-01-02");
}

TEST(MakeDocument, RepairsBytesAndComposesOffsets) {
  RawRecord rec;
  static constexpr char kPayload[] = "Share.\nBad \xFF byte and a NUL\0 here, near Kidal.\nAdvertisement";
  rec.payload = std::string(kPayload, sizeof kPayload - 1);
  Result<Document> doc = MakeDocument(rec);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->text, "Bad \xEF\xBF\xBD byte and a NUL here, near Kidal.");
  ASSERT_EQ(doc->warnings.size(), 2u);
  EXPECT_EQ(doc->warnings[0], "repaired 1 invalid UTF-8 sequences");
  EXPECT_EQ(doc->warnings[1], "removed 1 NUL bytes");
  size_t at = doc->text.find("Kidal");
  EXPECT_EQ(rec.payload.substr(doc->to_source.ToSource(static_cast<uint32_t>(at)), 5), "Kidal");
}

TEST(MakeDocument, NoTextIsAnError) {
  RawRecord rec;
  rec.is_html = true;
  rec.payload = "<html><body><nav><a href=/>Home</a></nav></body></html>";
  Result<Document> doc = MakeDocument(rec);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().message(), "no article text found");
  rec.is_html = false;
  rec.payload = "Advertisement\n";
  EXPECT_FALSE(MakeDocument(rec).ok());
}

// ---- clean-dev benchmark (evaluation-only data, read in place) ----

// Python's Unicode \w, closely enough: ASCII letters, digits, '_', and every non-ASCII code point
// outside the common punctuation and symbol blocks.
bool IsWordCodePoint(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  if (c <= 0xBF || c == 0xD7 || c == 0xF7) return c == 0xAA || c == 0xB5 || c == 0xBA || c == 0xB2 || c == 0xB3 || c == 0xB9;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (c >= 0x3000 && c <= 0x303F) return c >= 0x3005 && c <= 0x3007;
  if (c >= 0xFE30 && c <= 0xFE4F) return false;
  if (c >= 0xFF00 && c <= 0xFF0F) return false;
  if (c >= 0xFF1A && c <= 0xFF20) return false;
  if (c >= 0x1F000) return false;  // emoji
  return c != 0xFFFD;
}

std::map<std::vector<std::string>, int> Shingles(const std::string& text) {
  std::vector<std::string> tokens;
  std::string cur;
  for (size_t i = 0; i < text.size();) {
    unsigned char b = text[i];
    int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (i + len > text.size()) len = 1;
    char32_t cp = b;
    if (len == 2) cp = ((b & 0x1F) << 6) | (text[i + 1] & 0x3F);
    if (len == 3) cp = ((b & 0x0F) << 12) | ((text[i + 1] & 0x3F) << 6) | (text[i + 2] & 0x3F);
    if (len == 4) cp = ((b & 0x07) << 18) | ((text[i + 1] & 0x3F) << 12) | ((text[i + 2] & 0x3F) << 6) | (text[i + 3] & 0x3F);
    if (IsWordCodePoint(cp)) {
      cur.append(text, i, len);
    } else if (!cur.empty()) {
      tokens.push_back(std::move(cur));
      cur.clear();
    }
    i += len;
  }
  if (!cur.empty()) tokens.push_back(std::move(cur));
  std::map<std::vector<std::string>, int> out;
  for (size_t i = 0; i + 4 <= tokens.size(); ++i) ++out[{tokens.begin() + i, tokens.begin() + i + 4}];
  return out;
}

TEST(CleanDev, F1AtLeast097) {
  const char* path = SITREP_SHARED_DIR "/eval/clean-dev.jsonl.gz";
  gzFile gz = gzopen(path, "rb");
  if (!gz) GTEST_SKIP() << path << " not present";
  std::string data;
  char buf[1 << 16];
  int n;
  while ((n = gzread(gz, buf, sizeof buf)) > 0) data.append(buf, n);
  gzclose(gz);
  simdjson::dom::parser parser;
  double p_sum = 0, r_sum = 0;
  int p_n = 0, r_n = 0, pages = 0;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) nl = data.size();
    std::string line = data.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty()) continue;
    simdjson::dom::element row;
    ASSERT_EQ(parser.parse(line).get(row), simdjson::SUCCESS);
    std::string_view html, gold;
    ASSERT_EQ(row["html"].get(html), simdjson::SUCCESS);
    ASSERT_EQ(row["text"].get(gold), simdjson::SUCCESS);
    Result<CleanedArticle> r = CleanHtml(html);
    auto g = Shingles(std::string(gold));
    auto o = Shingles(r.ok() ? r->text : "");
    long tp = 0, g_total = 0, o_total = 0;
    for (auto& [k, c] : g) {
      g_total += c;
      auto it = o.find(k);
      if (it != o.end()) tp += std::min(c, it->second);
    }
    for (auto& [k, c] : o) o_total += c;
    if (o_total) p_sum += static_cast<double>(tp) / o_total, ++p_n;
    if (g_total) r_sum += static_cast<double>(tp) / g_total, ++r_n;
    ++pages;
  }
  ASSERT_GT(pages, 100);
  double p = p_sum / p_n, r = r_sum / r_n, f1 = 2 * p * r / (p + r);
  std::printf("clean-dev: %d pages P=%.4f R=%.4f F1=%.4f\n", pages, p, r, f1);
  EXPECT_GE(f1, 0.97);
}

}  // namespace
}  // namespace sitrep
