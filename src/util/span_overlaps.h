// A fixed set of spans asked whether any of them overlaps a given span, in one binary search:
// rules that ask this for every candidate name of a document scanned all its mentions each time,
// which grows with the square of the document's length.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "sitrep/span.h"

namespace sitrep::util {

class SpanOverlaps {
 public:
  // Empties the set, keeping its memory.
  void Clear() {
    spans_.clear();
    max_end_.clear();
  }
  void Add(Span s) { spans_.push_back(s); }
  // Call after the last Add and before AnyOverlaps.
  void Seal() {
    std::sort(spans_.begin(), spans_.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    max_end_.resize(spans_.size());
    uint32_t max_end = 0;
    for (size_t i = 0; i < spans_.size(); ++i) {
      max_end = std::max(max_end, spans_[i].end);
      max_end_[i] = max_end;
    }
  }
  // Whether some span s of the set has s.begin < q.end && q.begin < s.end. The spans starting
  // before q.end are a prefix of the sorted set; one of them ends after q.begin exactly when
  // the largest end of that prefix does.
  bool AnyOverlaps(Span q) const {
    const auto it = std::lower_bound(spans_.begin(), spans_.end(), q.end,
                                     [](const Span& s, uint32_t pos) { return s.begin < pos; });
    const size_t n = static_cast<size_t>(it - spans_.begin());
    return n > 0 && max_end_[n - 1] > q.begin;
  }

 private:
  std::vector<Span> spans_;
  std::vector<uint32_t> max_end_;  // max_end_[i]: the largest end of spans_[0..i]
};

}  // namespace sitrep::util
