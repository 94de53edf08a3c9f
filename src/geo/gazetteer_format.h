// On-disk layout of the gazetteer blob (data/gazetteer.bin), shared by the compiler
// (tools/gazetteer/compile_gazetteer.cc) and the loader (gazetteer.cc). Little-endian, every
// section 8-byte aligned (the compiler puts entries on a 64-byte boundary: one cache line per
// record; readers need only 8), all offsets from the start of the blob.
//
//   Header | strings | entries | countries | keys | postings | loose keys | loose postings |
//          demonym keys | demonym postings | posting flags | prefix keys | key index |
//          prefix key index | loose key index | demonym key index | key prefix starts
//
// Entries are ordered: countries (by ISO2), admin1 (by code), admin2 (by code), places (by
// geonameid), so a kind is an index range and codes binary-search. A key section is sorted by
// key bytes; each key owns a run of GeoIds in its postings section. Posting flags: one byte per
// name posting, 1 when the entry's own name or ASCII name folds to the key (0: only an alternate
// name does), so the resolver need not fold entry names at run time. Prefix keys: every distinct
// string p such that some name key begins with p + " " (KeyRecs without postings whose strings
// are prefixes of the keys' own strings), so HasFoldedPrefix("deir ") is one hash lookup instead
// of a binary search. Key indexes: one open-addressing hash table per key section (keys, prefix
// keys, loose keys, demonym keys; BuildKeyIndex), built by the compiler so that open only checks
// them. Key prefix starts: 65537 uint32 counts, keys [start[b], start[b + 1]) begin with the two
// bytes b (PrefixBucket). Bump kFormatVersion on any change here.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

#include <string_view>
#include <vector>

#include "sitrep/gazetteer.h"
#include "util/hash_bytes.h"

namespace sitrep::gazetteer_format {

inline constexpr char kMagic[4] = {'S', 'R', 'G', 'Z'};
// 2: posting flags, prefix keys; 3: key indexes and key prefix starts
inline constexpr uint32_t kFormatVersion = 3;

enum SectionId : uint32_t {
  kStrings = 0,
  kEntries,
  kCountries,
  kKeys,
  kPostings,
  kLooseKeys,
  kLoosePostings,
  kDemonymKeys,
  kDemonymPostings,
  kPostingFlags,
  kPrefixKeys,
  kKeyIndex,
  kPrefixKeyIndex,
  kLooseKeyIndex,
  kDemonymKeyIndex,
  kKeyPrefixStarts,
  kNumSections,
};

struct SectionDesc {
  uint64_t offset;
  uint64_t size;
};

struct Header {
  char magic[4];
  uint32_t format_version;
  uint32_t header_size;   // sizeof(Header)
  uint32_t fold_version;  // sitrep::kFoldVersion at compile time
  uint64_t blob_size;     // whole file
  uint64_t checksum;      // Checksum() of bytes [header_size, blob_size)
  uint32_t num_countries, num_admin1, num_admin2, num_places;
  uint64_t key_hash_check;  // KeyHash(kKeyHashProbe): the stored indexes hash keys as we do
  SectionDesc sections[kNumSections];
};

// StrRef and EntryRec (the entry records) are declared in sitrep/gazetteer.h, so that
// GeoEntry's accessors inline.

struct CountryRec {
  uint32_t entry;  // == its index
  char iso2[2];
  char iso3[3];
  char continent[2];
  char reserved;
  StrRef capital;
};
static_assert(sizeof(CountryRec) == 20);

struct KeyRec {
  StrRef key;
  uint32_t postings_begin;
  uint32_t postings_count;
};
static_assert(sizeof(KeyRec) == 16);

// 64-bit hash of a key: the bytes' hash, mixed once more, as a key index takes its slot from the
// low bits and its check tag from the high ones.
inline uint64_t KeyHash(std::string_view key) {
  uint64_t h = HashBytes(key) * 0x9e3779b97f4a7c15ull;
  return h ^ (h >> 32);
}
inline constexpr std::string_view kKeyHashProbe = "sitrep key hash";

// The first two bytes of a key as one number (0 for a missing byte): keys sorted bytewise are
// sorted by this too.
inline size_t PrefixBucket(std::string_view key) {
  const size_t b0 = key.empty() ? 0 : static_cast<unsigned char>(key[0]);
  const size_t b1 = key.size() < 2 ? 0 : static_cast<unsigned char>(key[1]);
  return b0 << 8 | b1;
}
inline constexpr size_t kNumPrefixStarts = 65537;

// The open-addressing hash index over a sorted key section: a power-of-two number of slots (at
// least one left empty, so every probe ends), each (KeyHash >> 32) << 32 | (key index + 1), 0
// when empty, probed linearly from KeyHash & (size - 1). A repeated key keeps its first
// occurrence. Defined in gazetteer.cc; the compiler writes its result into the blob.
std::vector<uint64_t> BuildKeyIndex(const KeyRec* keys, uint32_t num_keys, const char* strings);

// Four-lane FNV-1a-style hash over little-endian 64-bit words, each step a bijection of the lane
// (xor, odd multiply, rotate: a change confined to one word always changes the sum, and the
// rotation carries high bits down so two changes rarely cancel); three instructions per word,
// as open verifies the whole ~80 MB. The tail is hashed byte by byte.
inline uint64_t Checksum(const uint8_t* data, uint64_t size) {
  constexpr uint64_t kBasis = 0xcbf29ce484222325ull, kPrime = 0x100000001b3ull;
  uint64_t h[4] = {kBasis, kBasis ^ 1, kBasis ^ 2, kBasis ^ 3};
  uint64_t i = 0;
  for (; i + 32 <= size; i += 32) {
    for (int lane = 0; lane < 4; ++lane) {
      uint64_t w;
      std::memcpy(&w, data + i + 8 * lane, 8);
      h[lane] = std::rotl((h[lane] ^ w) * kPrime, 29);
    }
  }
  uint64_t r = kBasis;
  for (; i < size; ++i) r = (r ^ data[i]) * kPrime;
  for (uint64_t lane : h) r = std::rotl((r ^ lane) * kPrime, 29);
  return r ^ size;
}

}  // namespace sitrep::gazetteer_format
