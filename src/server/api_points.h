// GET /api/points: the matching events as columns for the dashboard's map, timeline and table
// (docs/dashboard.md). One array per field instead of one array per event, the text fields as a
// dictionary of values and a code per event, dates as day numbers, coordinates as integers: about
// a third of the bytes of /api/events?format=compact, and the browser parses it faster.
#pragma once

#include <cstdint>
#include <string_view>

#include "api.h"
#include "store_pool.h"

namespace sitrep::server {

class PointsRoute {
 public:
  PointsRoute(StorePool* stores, int64_t max_page_size) : stores_(stores), max_page_size_(max_page_size) {}
  // Takes the filters, limit, offset and sort of GET /api/events (no format). Thread-safe.
  ApiResponse Get(const Params& params) const;

 private:
  StorePool* stores_;
  int64_t max_page_size_;
};

// Days since 1970-01-01 of a "YYYY-MM-DD" date; false when `date` is not one.
bool DayNumber(std::string_view date, int64_t* day);

}  // namespace sitrep::server
