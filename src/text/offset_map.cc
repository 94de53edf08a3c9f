// OffsetMap representation: pieces sorted by derived_begin, never overlapping.
//   length > 0: a copy, derived [b, b+length) -> source [s, s+length).
//   length == 0: a marker for exactly ONE derived byte b -> s. A replacement of n derived bytes
//                is n markers. Markers cost a little memory (replacements are rare) but make a
//                gap after a replacement distinguishable from the replacement itself.
// Derived bytes covered by no piece (inserted separators) map to the start of the next piece;
// positions at or past the end map to the end of the last piece.
#include <algorithm>

#include "sitrep/document.h"

namespace sitrep {

OffsetMap OffsetMap::Identity(uint32_t length) {
  OffsetMap map;
  if (length > 0) map.AddCopy(0, 0, length);
  return map;
}

void OffsetMap::AddCopy(uint32_t derived_begin, uint64_t source_begin, uint32_t length) {
  if (length == 0) return;
  if (!pieces_.empty()) {
    Piece& last = pieces_.back();
    if (last.length > 0 && last.derived_begin + last.length == derived_begin &&
        last.source_begin + last.length == source_begin) {
      last.length += length;
      return;
    }
  }
  pieces_.push_back({derived_begin, source_begin, length});
}

void OffsetMap::AddReplacement(uint32_t derived_begin, uint32_t derived_length,
                               uint64_t source_begin) {
  for (uint32_t k = 0; k < derived_length; ++k) {
    pieces_.push_back({derived_begin + k, source_begin, 0});
  }
}

uint64_t OffsetMap::ToSource(uint32_t pos) const {
  if (pieces_.empty()) return pos;
  // First piece that starts after pos; the one before it is the only one that can cover pos.
  auto next =
      std::upper_bound(pieces_.begin(), pieces_.end(), pos,
                       [](uint32_t p, const Piece& piece) { return p < piece.derived_begin; });
  if (next != pieces_.begin()) {
    const Piece& piece = *(next - 1);
    if (piece.length == 0 && pos == piece.derived_begin) return piece.source_begin;
    if (pos - piece.derived_begin < piece.length) {
      return piece.source_begin + (pos - piece.derived_begin);
    }
  }
  if (next != pieces_.end()) return next->source_begin;  // in a gap: start of the next piece
  const Piece& last = pieces_.back();
  // Past the end of a trailing replacement we do not know how many source bytes it consumed.
  return last.source_begin + last.length;
}

OffsetMap OffsetMap::Then(const OffsetMap& inner) const {
  // An empty map behaves as the identity in ToSource, so it must compose as one.
  if (inner.empty()) return *this;
  if (empty()) return inner;
  OffsetMap out;
  for (const Piece& piece : pieces_) {
    if (piece.length == 0) {
      out.pieces_.push_back(
          {piece.derived_begin, inner.ToSource(static_cast<uint32_t>(piece.source_begin)), 0});
      continue;
    }
    // Walk the copied run through the inner map: runs inside an inner copy stay copies; every
    // other byte (inner replacement or inner gap) becomes a one-byte marker.
    uint32_t done = 0;
    while (done < piece.length) {
      const uint32_t mid = static_cast<uint32_t>(piece.source_begin) + done;
      auto next = std::upper_bound(inner.pieces_.begin(), inner.pieces_.end(), mid,
                                   [](uint32_t p, const Piece& q) { return p < q.derived_begin; });
      if (next != inner.pieces_.begin()) {
        const Piece& q = *(next - 1);
        if (q.length > 0 && mid - q.derived_begin < q.length) {
          const uint32_t run = std::min(piece.length - done, q.derived_begin + q.length - mid);
          out.AddCopy(piece.derived_begin + done, q.source_begin + (mid - q.derived_begin), run);
          done += run;
          continue;
        }
      }
      out.pieces_.push_back({piece.derived_begin + done, inner.ToSource(mid), 0});
      ++done;
    }
  }
  return out;
}

}  // namespace sitrep
