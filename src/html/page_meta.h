// Title and publication date of a page, from the metadata CleanHtml collects during its walk.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitrep::html {

// Where a publication date candidate came from; lower is more trusted.
enum class DateSource {
  kArticleMeta = 0,  // <meta property="article:published_time">, itemprop="datePublished"
  kJsonLd = 1,       // "datePublished" in <script type="application/ld+json">
  kOtherMeta = 2,    // og/parsely/sailthru/dc.date/pubdate... metas
  kTimePubdate = 3,  // <time pubdate> / <time class="...published...">
  kTime = 4,         // the first <time datetime>
};

struct PageMeta {
  std::string og_title;
  std::string html_title;  // <title>
  std::string h1;          // first <h1>
  std::string site_name;   // og:site_name
  struct DateCandidate {
    DateSource source;
    std::string raw;
  };
  std::vector<DateCandidate> dates;
};

// og:title, else <title> without its " | Site" / " - Site" suffix, else the first h1.
std::string ChooseTitle(const PageMeta& meta);
// The most trusted candidate that parses as a date, normalized; "" when none does.
std::string ChoosePublished(const PageMeta& meta);

// "2019-11-19T05:00:00-0500" → "2019-11-19T05:00:00-05:00"; "2019/11/19" → "2019-11-19";
// "Tue, 19 Nov 2019 10:00:00 GMT" → "2019-11-19T10:00:00Z"; "November 19, 2019" → "2019-11-19".
// Returns "" when `raw` is not a date this understands.
std::string NormalizeDate(std::string_view raw);

// Finds the values of "datePublished" keys in JSON-LD text without parsing the JSON.
void ScanJsonLdDates(std::string_view script, std::vector<std::string>* out);

}  // namespace sitrep::html
