// The timex scanner's full path, kept as the reference its fast path is checked against.
#pragma once

#include <string_view>
#include <vector>

#include "sitrep/timex.h"

namespace sitrep::timex {

// FindTimex the slow way: the byte-at-a-time lexer (LexTimexReference), every matcher tried at
// every candidate token, word readings (month, weekday, unit) by string. FindTimex must give
// the same spans, types and values (timex_dispatch_test, the timex fuzzer).
std::vector<Timex> FindTimexReference(std::string_view text, std::string_view anchor);

}  // namespace sitrep::timex
