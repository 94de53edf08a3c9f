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
  std::string title;      // og:title, else <title> minus its " | Site" suffix, else the first h1
  std::string published;  // "YYYY-MM-DD" or ISO date-time from meta tags / JSON-LD / <time>
  std::string text;       // main body, paragraphs separated by '\n'; may be empty
  // text byte -> HTML byte. Exact for text copied verbatim; all bytes of a decoded entity map
  // to its '&'; a collapsed whitespace run maps to its first byte; the '\n' between paragraphs
  // maps to the first byte of the next paragraph.
  OffsetMap to_source;
};

// Extracts the main article from an HTML page (any bytes; invalid UTF-8 is tolerated but should
// be repaired first, as MakeDocument does). Thread-safe. Errors only on input it cannot take at
// all (over 4 GiB); deep nesting (capped at 512 levels before parsing, deeper tags flattened),
// broken markup and huge pages are handled.
Result<CleanedArticle> CleanHtml(std::string_view html);

// Removes site boilerplate lines from plain text ("Share.", "Exit mobile version",
// "Advertisement", "Click here to subscribe" ...) and trailing whitespace; every other byte is
// kept as given, so offsets into the result equal offsets into the input up to the first removed
// line (`to_source` maps the rest).
struct StrippedText {
  std::string text;
  OffsetMap to_source;
};
StrippedText StripSiteJunk(std::string_view text);

// Record → Document: repairs UTF-8, cleans HTML or strips junk from text, fills metadata
// (title and published from the record, else from the HTML). Warnings go to
// Document::warnings; to_source points into record.payload. A record with no article text is
// an error ("no article text found").
Result<Document> MakeDocument(const RawRecord& record);

}  // namespace sitrep
