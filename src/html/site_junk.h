// The site-junk lexicon (data/site_junk.tsv): boilerplate lines scrapers and page templates leave
// around article text ("Share.", "Advertisement", "Read more:", cookie notices).
#pragma once

#include <string_view>

namespace sitrep::html {

// True when `line` (one paragraph, any whitespace) is site boilerplate by the lexicon. Only whole
// short lines match: each rule carries a word limit, so an article sentence that merely
// contains "share" or "all rights reserved" is kept. Thread-safe.
bool IsJunkLine(std::string_view line);

// The compiled-in copy of data/site_junk.tsv.
std::string_view SiteJunkLexiconTsv();

// Number of words (whitespace-separated runs) in `text`, stopping early past `limit`.
int CountWords(std::string_view text, int limit);

}  // namespace sitrep::html
