// MakeDocument: RawRecord → Document (UTF-8 repair, HTML cleaning or junk stripping, metadata).
#include <string>

#include "sitrep/clean.h"
#include "sitrep/utf8.h"

namespace sitrep {

Result<Document> MakeDocument(const RawRecord& record) {
  Document doc;
  doc.id = record.id;
  doc.id_is_number = record.id_is_number;
  doc.url = record.url;
  doc.title = record.title;
  doc.published = record.published;
  doc.warnings = record.warnings;  // what the reader repaired on the way in

  if (record.payload.size() >= UINT32_MAX) {
    return Status(ErrorCode::kTooLarge, "payload over 4 GiB");
  }
  // Offsets are composed as clean text → repaired payload → original payload. When the payload
  // is already valid the repair map is the identity and is skipped.
  Utf8Repair repaired;
  bool changed = !IsValidUtf8(record.payload) ||
                 record.payload.find('\0') != std::string::npos;
  if (changed) {
    repaired = RepairUtf8(record.payload);
    if (repaired.invalid_sequences > 0) {
      doc.warnings.push_back("repaired " + std::to_string(repaired.invalid_sequences) +
                             " invalid UTF-8 sequences");
    }
    if (repaired.nul_bytes > 0) {
      doc.warnings.push_back("removed " + std::to_string(repaired.nul_bytes) + " NUL bytes");
    }
  }
  std::string_view payload = changed ? std::string_view(repaired.text) : std::string_view(record.payload);

  OffsetMap to_payload;
  if (record.is_html) {
    Result<CleanedArticle> cleaned = CleanHtml(payload);
    if (!cleaned.ok()) return cleaned.status();
    doc.text = std::move(cleaned->text);
    to_payload = std::move(cleaned->to_source);
    if (doc.title.empty()) doc.title = std::move(cleaned->title);
    if (doc.published.empty()) doc.published = std::move(cleaned->published);
  } else {
    StrippedText stripped = StripSiteJunk(payload);
    doc.text = std::move(stripped.text);
    to_payload = std::move(stripped.to_source);
  }
  if (doc.text.empty()) return Status(ErrorCode::kParse, "no article text found");
  doc.to_source = changed ? to_payload.Then(repaired.to_source) : std::move(to_payload);
  return doc;
}

}  // namespace sitrep
