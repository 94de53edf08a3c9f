// Article text from HTML (contract §4) and removal of scraped site junk from plain text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/record.h"
#include "sitrep/result.h"

namespace sitrep {

struct CleanedArticle {
  std::string title;
  std::string published;  // "YYYY-MM-DD" or ISO date-time from meta tags / JSON-LD / <time>
  std::string text;       // main body, paragraphs separated by '\n'
  OffsetMap to_source;    // text byte -> HTML byte
};

// Extracts the main article from an HTML page. Thread-safe. Errors only on input it cannot
// parse at all; deep nesting, broken markup and huge pages are handled.
Result<CleanedArticle> CleanHtml(std::string_view html);

// Removes site boilerplate lines from plain text ("Share.", "Exit mobile version",
// "Advertisement", "Click here to subscribe" ...) and normalizes whitespace; keeps offsets.
struct StrippedText {
  std::string text;
  OffsetMap to_source;
};
StrippedText StripSiteJunk(std::string_view text);

// Record → Document: repairs UTF-8, cleans HTML or strips junk from text, fills metadata
// (published from the record, else from the HTML). Warnings go to Document::warnings.
Result<Document> MakeDocument(const RawRecord& record);

}  // namespace sitrep
