// Event exports: ACLED-style CSV, UCDP GED-style CSV, JSON Lines, GeoJSON. Streaming: Begin, then
// Add per event, then End, each appending to a string the caller flushes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/event.h"
#include "sitrep/result.h"

namespace sitrep {

enum class ExportFormat { kAcledCsv, kUcdpCsv, kJsonl, kGeoJson };

Result<ExportFormat> ParseExportFormat(std::string_view name);
// Column names of the CSV formats, in order.
const std::vector<std::string_view>& AcledColumns();
const std::vector<std::string_view>& UcdpColumns();

class EventExporter {
 public:
  explicit EventExporter(ExportFormat format) : format_(format) {}
  void Begin(std::string* out);
  void Add(const Event& event, std::string* out);
  void End(std::string* out);

 private:
  ExportFormat format_;
  bool first_ = true;
};

// Appends `field` as one RFC 4180 CSV field (quoted when it holds , " CR or LF).
void AppendCsvField(std::string_view field, std::string* out);

}  // namespace sitrep
