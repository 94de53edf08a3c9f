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
    if (last.derived_begin + last.length == derived_begin &&
        last.source_begin + last.length == source_begin) {
      last.length += length;
      return;
    }
  }
  pieces_.push_back({derived_begin, source_begin, length});
}

void OffsetMap::AddReplacement(uint32_t derived_begin, uint32_t derived_length,
                               uint64_t source_begin) {
  // Each derived byte of the replacement points at the same source byte: a piece per byte would
  // be wasteful, so store a zero-stride marker as consecutive one-byte pieces only at its start.
  if (derived_length == 0) return;
  pieces_.push_back({derived_begin, source_begin, 0});
  (void)derived_length;
}

uint64_t OffsetMap::ToSource(uint32_t pos) const {
  if (pieces_.empty()) return pos;
  // Last piece whose derived_begin <= pos.
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), pos,
                             [](uint32_t p, const Piece& piece) { return p < piece.derived_begin; });
  if (it == pieces_.begin()) return pieces_.front().source_begin;
  const Piece& piece = *(it - 1);
  if (pos < piece.derived_begin + piece.length) return piece.source_begin + (pos - piece.derived_begin);
  if (piece.length == 0) return piece.source_begin;  // inside a replacement
  // In a gap (an inserted separator) or at the end: the end of this piece.
  return piece.source_begin + piece.length;
}

OffsetMap OffsetMap::Then(const OffsetMap& inner) const {
  OffsetMap out;
  for (const Piece& piece : pieces_) {
    if (piece.length == 0) {
      out.pieces_.push_back({piece.derived_begin, inner.ToSource(static_cast<uint32_t>(piece.source_begin)), 0});
      continue;
    }
    // Split the copied run wherever the inner map changes pieces.
    uint32_t done = 0;
    while (done < piece.length) {
      uint32_t mid = static_cast<uint32_t>(piece.source_begin) + done;
      auto it = std::upper_bound(inner.pieces_.begin(), inner.pieces_.end(), mid,
                                 [](uint32_t p, const Piece& q) { return p < q.derived_begin; });
      uint32_t run = piece.length - done;
      if (it != inner.pieces_.end()) run = std::min(run, it->derived_begin - mid);
      if (it != inner.pieces_.begin()) {
        const Piece& q = *(it - 1);
        if (q.length > 0 && mid < q.derived_begin + q.length) {
          run = std::min(run, q.derived_begin + q.length - mid);
          out.AddCopy(piece.derived_begin + done, q.source_begin + (mid - q.derived_begin), run);
        } else {
          out.pieces_.push_back({piece.derived_begin + done, inner.ToSource(mid), 0});
        }
      } else {
        out.pieces_.push_back({piece.derived_begin + done, inner.ToSource(mid), 0});
      }
      done += run;
    }
  }
  return out;
}

}  // namespace sitrep
