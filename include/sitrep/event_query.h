// What a caller may ask the event store for: a plain struct of filters shared by the CLI
// (`sitrep query`, `sitrep export`) and the HTTP server. Validate() before running it; the stores
// also validate and refuse a bad query with kInvalidArgument.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sitrep/result.h"

namespace sitrep {

// WGS84 degrees; min <= max on both axes (a box crossing the antimeridian is refused: split it).
struct BoundingBox {
  double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
};

enum class EventSort {
  kDateAsc,         // event_date, then event_id (events without a date first)
  kDateDesc,        // newest first
  kFatalitiesDesc,  // most deaths first, then date
  kId,              // event_id
};

struct EventQuery {
  // Each set filter narrows the result (AND). Text matches are case-insensitive.
  std::optional<std::string> country;         // country name or ISO3 code
  std::optional<std::string> admin1;
  std::optional<std::string> event_type;      // ACLED spelling
  std::optional<std::string> sub_event_type;
  std::optional<std::string> actor;           // substring of actor1 or actor2
  std::optional<std::string> text;            // full-text words, all required, over notes + article text
  std::optional<std::string> from, to;        // "YYYY-MM-DD", inclusive, on event_date
  std::optional<BoundingBox> bbox;
  std::optional<int64_t> min_fatalities;
  std::optional<bool> historical;             // unset: both
  int64_t limit = 0;                          // 0 = no limit
  int64_t offset = 0;
  EventSort sort = EventSort::kDateAsc;

  // kInvalidArgument with a message naming the bad filter, or OK.
  Status Validate() const;
  // True when no filter is set (limit/offset/sort aside).
  bool NoFilters() const;
};

inline constexpr int64_t kMaxQueryLimit = 1'000'000;

// "minlon,minlat,maxlon,maxlat".
Result<BoundingBox> ParseBoundingBox(std::string_view text);
// "date", "-date", "fatalities", "id" (also "date_desc", "fatalities_desc").
Result<EventSort> ParseEventSort(std::string_view text);
const char* EventSortName(EventSort sort);
// A real calendar date written YYYY-MM-DD.
bool IsIsoDate(std::string_view text);

}  // namespace sitrep
