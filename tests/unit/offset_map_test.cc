// OffsetMap: identity, coalescing copies, replacements, gaps, and composition checked against
// applying the two maps one after the other.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "sitrep/document.h"

namespace sitrep {
namespace {

using Piece = OffsetMap::Piece;

TEST(OffsetMapTest, Identity) {
  OffsetMap map = OffsetMap::Identity(5);
  EXPECT_EQ(map.pieces(), (std::vector<Piece>{{0, 0, 5}}));
  for (uint32_t pos = 0; pos <= 5; ++pos) EXPECT_EQ(map.ToSource(pos), pos);
  EXPECT_TRUE(OffsetMap::Identity(0).empty());
  EXPECT_EQ(OffsetMap().ToSource(7), 7u);  // an empty map is the identity
}

TEST(OffsetMapTest, AddCopyCoalescesContiguousRuns) {
  OffsetMap map;
  map.AddCopy(0, 10, 3);
  map.AddCopy(3, 13, 2);  // contiguous on both sides: merged
  map.AddCopy(5, 20, 2);  // source jumps: new piece
  map.AddCopy(8, 22, 1);  // derived gap: new piece
  map.AddCopy(9, 23, 0);  // empty: ignored
  EXPECT_EQ(map.pieces(), (std::vector<Piece>{{0, 10, 5}, {5, 20, 2}, {8, 22, 1}}));
}

struct PosCase {
  uint32_t pos;
  uint64_t source;
};

void ExpectMap(const OffsetMap& map, const std::vector<PosCase>& cases) {
  for (const PosCase& c : cases) EXPECT_EQ(map.ToSource(c.pos), c.source) << "pos " << c.pos;
}

TEST(OffsetMapTest, Replacement) {
  // Source "ab&amp;cd" -> derived "ab&cd".
  OffsetMap map;
  map.AddCopy(0, 0, 2);
  map.AddReplacement(2, 1, 2);
  map.AddCopy(3, 7, 2);
  ExpectMap(map, {{0, 0}, {1, 1}, {2, 2}, {3, 7}, {4, 8}, {5, 9}});
  // A copy right after a replacement with a "contiguous" source is not merged into it.
  OffsetMap m2;
  m2.AddReplacement(0, 1, 0);
  m2.AddCopy(1, 0, 2);
  ExpectMap(m2, {{0, 0}, {1, 0}, {2, 1}});
}

TEST(OffsetMapTest, MultiByteReplacement) {
  // Source "x\xFFy" -> derived "x" U+FFFD "y": all three bytes of U+FFFD map to source 1.
  OffsetMap map;
  map.AddCopy(0, 0, 1);
  map.AddReplacement(1, 3, 1);
  map.AddCopy(4, 2, 1);
  ExpectMap(map, {{0, 0}, {1, 1}, {2, 1}, {3, 1}, {4, 2}, {5, 3}});
}

TEST(OffsetMapTest, GapsMapToTheStartOfTheNextPiece) {
  // Source "<p>abc</p><p>def</p>" -> derived "abc\ndef".
  OffsetMap map;
  map.AddCopy(0, 3, 3);
  map.AddCopy(4, 13, 3);
  ExpectMap(map, {{2, 5}, {3, 13}, {4, 13}, {6, 15}, {7, 16}});
  // Before the first piece.
  OffsetMap late;
  late.AddCopy(2, 5, 3);
  ExpectMap(late, {{0, 5}, {1, 5}, {2, 5}, {4, 7}, {5, 8}});
  // A gap right after a replacement still goes to the next piece, not to the replacement.
  OffsetMap after;
  after.AddReplacement(0, 3, 0);
  after.AddCopy(4, 7, 2);
  ExpectMap(after, {{2, 0}, {3, 7}, {4, 7}, {6, 9}});
}

// Builds a random map; returns its derived and source lengths. Never ends in a gap.
OffsetMap RandomMap(std::mt19937& rng, uint32_t min_derived, uint32_t* derived, uint64_t* source) {
  std::uniform_int_distribution<int> op(0, 4), small(1, 4);
  OffsetMap map;
  uint32_t d = 0;
  uint64_t s = 0;
  bool last_gap = false;  // positions past the last piece have no next piece to map to
  while (d < min_derived || last_gap) {
    switch (op(rng)) {
      case 0:
      case 1: {
        const int len = small(rng);
        map.AddCopy(d, s, len);
        d += len;
        s += len;
        last_gap = false;
        break;
      }
      case 2: {
        const int len = small(rng) % 3 + 1;
        map.AddReplacement(d, len, s);
        d += len;
        s += small(rng);
        last_gap = false;
        break;
      }
      case 3:
        d += 1;
        last_gap = true;
        break;  // inserted separator
      default:
        s += small(rng);
        break;  // deleted source bytes
    }
  }
  *derived = d;
  *source = s;
  return map;
}

TEST(OffsetMapTest, ThenMatchesApplyingBothMaps) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<uint32_t> size(0, 40);
  for (int iter = 0; iter < 3000; ++iter) {
    uint32_t outer_len, inner_len;
    uint64_t outer_src, inner_src;
    OffsetMap outer = RandomMap(rng, size(rng), &outer_len, &outer_src);
    OffsetMap inner = RandomMap(rng, static_cast<uint32_t>(outer_src) + 1, &inner_len, &inner_src);
    OffsetMap both = outer.Then(inner);
    for (uint32_t pos = 0; pos < outer_len; ++pos) {
      ASSERT_EQ(both.ToSource(pos), inner.ToSource(static_cast<uint32_t>(outer.ToSource(pos))))
          << "iter " << iter << " pos " << pos;
    }
  }
}

TEST(OffsetMapTest, ThenWithIdentityAndEmpty) {
  OffsetMap map;
  map.AddCopy(0, 4, 3);
  map.AddReplacement(3, 2, 9);
  map.AddCopy(6, 12, 2);
  EXPECT_EQ(map.Then(OffsetMap::Identity(20)).pieces(), map.pieces());
  EXPECT_EQ(map.Then(OffsetMap()).pieces(), map.pieces());
  // The gap at derived 5 becomes a marker for the same source position.
  const OffsetMap via_identity = OffsetMap::Identity(8).Then(map);
  for (uint32_t pos = 0; pos < 8; ++pos) EXPECT_EQ(via_identity.ToSource(pos), map.ToSource(pos));
  EXPECT_EQ(OffsetMap().Then(map).pieces(), map.pieces());
}

TEST(OffsetMapTest, ThenThroughAReplacement) {
  // clean <- repaired <- raw: "a" U+FFFD "b" in the middle text came from raw "a\xFF\xFEb".
  OffsetMap repaired;
  repaired.AddCopy(0, 0, 1);
  repaired.AddReplacement(1, 3, 1);
  repaired.AddCopy(4, 3, 1);
  OffsetMap clean = OffsetMap::Identity(5).Then(repaired);
  ExpectMap(clean, {{0, 0}, {1, 1}, {3, 1}, {4, 3}});
}

}  // namespace
}  // namespace sitrep
