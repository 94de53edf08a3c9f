// Loads and queries the gazetteer blob (layout in geo/gazetteer_format.h).
//
// Open() validates everything a later query could dereference — section bounds, every string
// reference, every hierarchy link, every posting and every key index slot — so queries themselves need no checks and a
// damaged blob is refused up front instead of crashing later. The checksum covers the payload, so
// a flipped byte is caught even where bounds would still hold.
#include "sitrep/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>

#include "geo/gazetteer_format.h"
#include "util/hash_bytes.h"

namespace sitrep {

namespace gf = gazetteer_format;

struct Gazetteer::Storage {
  // Either an mmapped file or an owned, 8-byte aligned copy.
  void* map = nullptr;
  size_t map_size = 0;
  std::unique_ptr<uint64_t[]> owned;
  const uint8_t* data = nullptr;
  uint64_t size = 0;
  ~Storage() {
    if (map != nullptr) munmap(map, map_size);
  }
};

namespace {

Status Corrupt(const std::string& what) {
  return Status(ErrorCode::kCorrupt, "gazetteer blob: " + what);
}

std::atomic<uint64_t> g_next_serial{1};  // Gazetteer::serial_ of the next blob opened

}  // namespace

const char* GeoKindName(GeoKind kind) {
  switch (kind) {
    case GeoKind::kCountry: return "country";
    case GeoKind::kAdmin1: return "admin1";
    case GeoKind::kAdmin2: return "admin2";
    case GeoKind::kPlace: return "place";
  }
  return "unknown";
}

Gazetteer::~Gazetteer() = default;

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status(errno == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIo,
                  "gazetteer: cannot open " + path + ": " + std::strerror(errno));
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status(ErrorCode::kIo, "gazetteer: " + path + " is not a regular file");
  }
  auto storage = std::make_unique<Storage>();
  storage->size = static_cast<uint64_t>(st.st_size);
  if (storage->size < sizeof(gf::Header)) {
    ::close(fd);
    return Corrupt(path + " is truncated (" + std::to_string(storage->size) + " bytes)");
  }
  void* map = mmap(nullptr, storage->size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) {
    return Status(ErrorCode::kIo, "gazetteer: cannot mmap " + path + ": " + std::strerror(errno));
  }
  // A hint that the kernel may back the mapping with huge pages over time (where it can for
  // files); reading it into huge anonymous pages instead cost more at open than it saved.
  madvise(map, storage->size, MADV_HUGEPAGE);
  storage->map = map;
  storage->map_size = storage->size;
  storage->data = static_cast<const uint8_t*>(map);
  auto result = Validate(std::move(storage));
  if (!result.ok()) return Status(result.status().code(), result.status().message() + " (" + path + ")");
  return result;
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::OpenBuffer(std::string_view bytes) {
  auto storage = std::make_unique<Storage>();
  storage->owned = std::make_unique<uint64_t[]>(bytes.size() / 8 + 1);
  if (!bytes.empty()) std::memcpy(storage->owned.get(), bytes.data(), bytes.size());
  storage->data = reinterpret_cast<const uint8_t*>(storage->owned.get());
  storage->size = bytes.size();
  return Validate(std::move(storage));
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Validate(std::unique_ptr<Storage> storage) {
  const uint8_t* base = storage->data;
  const uint64_t size = storage->size;
  if (size < sizeof(gf::Header)) {
    return Corrupt("truncated: " + std::to_string(size) + " bytes is smaller than the header");
  }
  gf::Header h;
  std::memcpy(&h, base, sizeof h);
  if (std::memcmp(h.magic, gf::kMagic, 4) != 0) {
    return Corrupt("bad magic (not a sitrep gazetteer; expected \"SRGZ\")");
  }
  if (h.format_version != gf::kFormatVersion) {
    return Status(ErrorCode::kUnsupported,
                  "gazetteer blob: format version " + std::to_string(h.format_version) +
                      ", this build reads version " + std::to_string(gf::kFormatVersion) +
                      "; rebuild it with sitrep-compile-gazetteer");
  }
  if (h.fold_version != kFoldVersion) {
    return Status(ErrorCode::kUnsupported,
                  "gazetteer blob: name-folding version " + std::to_string(h.fold_version) +
                      ", this build folds with version " + std::to_string(kFoldVersion) +
                      "; rebuild it with sitrep-compile-gazetteer");
  }
  if (h.key_hash_check != gf::KeyHash(gf::kKeyHashProbe)) {
    return Status(ErrorCode::kUnsupported,
                  "gazetteer blob: its key indexes hash keys differently from this build; "
                  "rebuild it with sitrep-compile-gazetteer");
  }
  if (h.header_size != sizeof(gf::Header)) return Corrupt("bad header size");
  if (h.blob_size != size) {
    return Corrupt("size mismatch: header says " + std::to_string(h.blob_size) +
                   " bytes, file has " + std::to_string(size) + " (truncated?)");
  }
  if (gf::Checksum(base + h.header_size, size - h.header_size) != h.checksum) {
    return Corrupt("checksum mismatch (damaged file)");
  }

  static constexpr uint64_t kRecordSize[gf::kNumSections] = {
      1, sizeof(gf::EntryRec), sizeof(gf::CountryRec), sizeof(gf::KeyRec), 4,
      sizeof(gf::KeyRec), 4, sizeof(gf::KeyRec), 4, 1, sizeof(gf::KeyRec), 8, 8, 8, 8, 4};
  static constexpr const char* kSectionName[gf::kNumSections] = {
      "strings", "entries", "countries", "keys", "postings",
      "loose keys", "loose postings", "demonym keys", "demonym postings", "posting flags",
      "prefix keys", "key index", "prefix key index", "loose key index", "demonym key index",
      "key prefix starts"};
  uint64_t count[gf::kNumSections];
  for (uint32_t s = 0; s < gf::kNumSections; ++s) {
    const gf::SectionDesc& d = h.sections[s];
    if (d.offset < h.header_size || d.offset % 8 != 0 || d.offset > size ||
        d.size > size - d.offset || d.size % kRecordSize[s] != 0) {
      return Corrupt(std::string("section '") + kSectionName[s] + "' out of bounds");
    }
    count[s] = d.size / kRecordSize[s];
    if (count[s] >= kNoGeoId) return Corrupt(std::string("section '") + kSectionName[s] + "' too large");
  }

  std::shared_ptr<Gazetteer> g(new Gazetteer());
  g->base_ = base;
  g->header_ = reinterpret_cast<const gf::Header*>(base);
  g->strings_ = reinterpret_cast<const char*>(base + h.sections[gf::kStrings].offset);
  g->strings_size_ = h.sections[gf::kStrings].size;
  g->entries_ = reinterpret_cast<const gf::EntryRec*>(base + h.sections[gf::kEntries].offset);
  g->countries_ = reinterpret_cast<const gf::CountryRec*>(base + h.sections[gf::kCountries].offset);
  g->keys_ = reinterpret_cast<const gf::KeyRec*>(base + h.sections[gf::kKeys].offset);
  g->postings_ = reinterpret_cast<const GeoId*>(base + h.sections[gf::kPostings].offset);
  g->loose_keys_ = reinterpret_cast<const gf::KeyRec*>(base + h.sections[gf::kLooseKeys].offset);
  g->loose_postings_ = reinterpret_cast<const GeoId*>(base + h.sections[gf::kLoosePostings].offset);
  g->demonym_keys_ = reinterpret_cast<const gf::KeyRec*>(base + h.sections[gf::kDemonymKeys].offset);
  g->demonym_postings_ = reinterpret_cast<const GeoId*>(base + h.sections[gf::kDemonymPostings].offset);
  g->num_entries_ = static_cast<uint32_t>(count[gf::kEntries]);
  g->num_countries_ = h.num_countries;
  g->num_admin1_ = h.num_admin1;
  g->num_admin2_ = h.num_admin2;
  g->admin2_begin_ = h.num_countries + h.num_admin1;
  g->places_begin_ = h.num_countries + h.num_admin1 + h.num_admin2;
  g->num_keys_ = static_cast<uint32_t>(count[gf::kKeys]);
  g->num_loose_keys_ = static_cast<uint32_t>(count[gf::kLooseKeys]);
  g->num_demonym_keys_ = static_cast<uint32_t>(count[gf::kDemonymKeys]);
  g->num_postings_ = static_cast<uint32_t>(count[gf::kPostings]);
  g->prefix_keys_ = reinterpret_cast<const gf::KeyRec*>(base + h.sections[gf::kPrefixKeys].offset);
  g->num_prefix_keys_ = static_cast<uint32_t>(count[gf::kPrefixKeys]);
  g->posting_flags_ = base + h.sections[gf::kPostingFlags].offset;
  if (count[gf::kPostingFlags] != count[gf::kPostings]) {
    return Corrupt("posting flags disagree with the postings");
  }
  uint8_t flag_bits = 0;  // flags are 0 or 1
  for (uint64_t p = 0; p < count[gf::kPostingFlags]; ++p) flag_bits |= g->posting_flags_[p];
  if (flag_bits > 1) return Corrupt("bad posting flag");

  const uint64_t kinds_total = uint64_t{h.num_countries} + h.num_admin1 + h.num_admin2 + h.num_places;
  if (kinds_total != count[gf::kEntries] || count[gf::kCountries] != h.num_countries) {
    return Corrupt("entry counts disagree with the header");
  }
  auto str_ok = [&](const gf::StrRef& r) {
    return r.off <= g->strings_size_ && r.len <= g->strings_size_ - r.off;
  };
  const uint32_t a1_begin = h.num_countries, a2_begin = a1_begin + h.num_admin1,
                 pl_begin = a2_begin + h.num_admin2;
  auto in = [](uint32_t id, uint32_t b, uint32_t e) { return id == kNoGeoId || (id >= b && id < e); };
  for (uint32_t i = 0; i < g->num_entries_; ++i) {
    const gf::EntryRec& e = g->entries_[i];
    const auto expected = i < a1_begin ? GeoKind::kCountry
                          : i < a2_begin ? GeoKind::kAdmin1
                          : i < pl_begin ? GeoKind::kAdmin2 : GeoKind::kPlace;
    if (e.kind != static_cast<uint8_t>(expected) || !str_ok(e.name) || !str_ok(e.ascii_name) ||
        !str_ok(e.code) || !in(e.country, 0, a1_begin) || !in(e.admin1, a1_begin, a2_begin) ||
        !in(e.admin2, a2_begin, pl_begin)) {
      return Corrupt("entry " + std::to_string(i) + " is inconsistent");
    }
  }
  for (uint32_t i = 0; i < h.num_countries; ++i) {
    if (g->countries_[i].entry != i || !str_ok(g->countries_[i].capital)) {
      return Corrupt("country " + std::to_string(i) + " is inconsistent");
    }
  }
  // The scans below fold their checks into one flag with non-short-circuit operators, so the
  // compiler vectorizes them; only a damaged blob pays a second scan to name the culprit.
  auto check_index = [&](const gf::KeyRec* keys, uint64_t nkeys, const GeoId* postings,
                         uint64_t npostings, uint32_t id_limit, const char* what) -> Status {
    // 32-bit arithmetic throughout (section sizes are below kNoGeoId), one lane per key field.
    const uint32_t strings_size = static_cast<uint32_t>(g->strings_size_), np = static_cast<uint32_t>(npostings);
    auto key_ok = [strings_size, np](const gf::KeyRec& r) {
      return (r.key.off <= strings_size) & (r.key.len <= strings_size - r.key.off) &
             (r.postings_begin <= np) & (r.postings_count <= np - r.postings_begin);
    };
    bool keys_ok = true;
    for (uint64_t k = 0; k < nkeys; ++k) keys_ok &= key_ok(keys[k]);
    if (!keys_ok) {
      const uint64_t k = std::find_if_not(keys, keys + nkeys, key_ok) - keys;
      return Corrupt(std::string(what) + " key " + std::to_string(k) + " out of bounds");
    }
    GeoId max_id = 0;
    for (uint64_t p = 0; p < npostings; ++p) max_id = std::max(max_id, postings[p]);
    if (npostings > 0 && max_id >= id_limit) return Corrupt(std::string(what) + " posting out of range");
    return Status::Ok();
  };
  SITREP_RETURN_IF_ERROR(check_index(g->keys_, count[gf::kKeys], g->postings_,
                                     count[gf::kPostings], g->num_entries_, "name"));
  SITREP_RETURN_IF_ERROR(check_index(g->loose_keys_, count[gf::kLooseKeys], g->loose_postings_,
                                     count[gf::kLoosePostings], g->num_entries_, "loose"));
  SITREP_RETURN_IF_ERROR(check_index(g->demonym_keys_, count[gf::kDemonymKeys],
                                     g->demonym_postings_, count[gf::kDemonymPostings],
                                     h.num_countries, "demonym"));
  SITREP_RETURN_IF_ERROR(check_index(g->prefix_keys_, count[gf::kPrefixKeys], g->postings_, 0,
                                     g->num_entries_, "prefix"));
  // A stored index is safe to probe when its size is a power of two (the probe masks), some slot
  // is empty (every probe ends) and every full slot names a key of its section.
  auto check_key_index = [&](gf::SectionId s, uint64_t nkeys, KeyIndex& out) -> Status {
    const auto* slots = reinterpret_cast<const uint64_t*>(base + h.sections[s].offset);
    const uint64_t n = count[s];
    if (n == 0 || (n & (n - 1)) != 0) {
      return Corrupt(std::string(kSectionName[s]) + " size is not a power of two");
    }
    const uint32_t max_key = static_cast<uint32_t>(nkeys);
    uint32_t bad = 0, empty = 0;
    for (uint64_t i = 0; i < n; ++i) {
      const uint32_t key = static_cast<uint32_t>(slots[i]), tag = static_cast<uint32_t>(slots[i] >> 32);
      bad |= (key > max_key) | ((key == 0) & (tag != 0));
      empty |= (key | tag) == 0;
    }
    if (bad != 0) return Corrupt(std::string(kSectionName[s]) + " points outside its keys");
    if (empty == 0) return Corrupt(std::string(kSectionName[s]) + " has no empty slot");
    out = KeyIndex(slots, n);
    return Status::Ok();
  };
  SITREP_RETURN_IF_ERROR(check_key_index(gf::kKeyIndex, count[gf::kKeys], g->key_index_));
  SITREP_RETURN_IF_ERROR(check_key_index(gf::kPrefixKeyIndex, count[gf::kPrefixKeys], g->prefix_key_index_));
  SITREP_RETURN_IF_ERROR(check_key_index(gf::kLooseKeyIndex, count[gf::kLooseKeys], g->loose_key_index_));
  SITREP_RETURN_IF_ERROR(check_key_index(gf::kDemonymKeyIndex, count[gf::kDemonymKeys], g->demonym_key_index_));
  // Bucket bounds: from 0 to the key count without going back, so each bucket is a key range.
  if (count[gf::kKeyPrefixStarts] != gf::kNumPrefixStarts) return Corrupt("key prefix starts truncated");
  g->key_prefix_start_ = reinterpret_cast<const uint32_t*>(base + h.sections[gf::kKeyPrefixStarts].offset);
  uint32_t descents = 0;
  for (size_t b = 1; b < gf::kNumPrefixStarts; ++b) {
    descents += g->key_prefix_start_[b] < g->key_prefix_start_[b - 1];
  }
  if (g->key_prefix_start_[0] != 0 || g->key_prefix_start_[gf::kNumPrefixStarts - 1] != g->num_keys_ ||
      descents != 0) {
    return Corrupt("key prefix starts out of order");
  }
  g->BuildIsoIndexes();
  g->storage_ = std::move(storage);
  g->serial_ = g_next_serial.fetch_add(1, std::memory_order_relaxed);
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

uint32_t Gazetteer::size() const { return num_entries_; }

void Gazetteer::PrefetchEntries(std::span<const GeoId> ids) const {
  for (GeoId id : ids) {
    if (id < num_entries_) __builtin_prefetch(entries_ + id);
  }
}

std::vector<uint64_t> gf::BuildKeyIndex(const KeyRec* keys, uint32_t num_keys, const char* strings) {
  int bits = 4;
  while ((size_t{1} << bits) < uint64_t{num_keys} + num_keys / 2) ++bits;
  const size_t size = size_t{1} << bits, mask = size - 1;
  std::vector<uint64_t> index(size, 0);
  // Inserting in home-slot order writes the table front to back (a random-order build of a
  // million keys is dominated by cache misses): (home << 32 | key) pairs, radix-sorted on home.
  std::vector<uint64_t> slot_of(num_keys, 0);
  std::vector<uint64_t> order;
  order.reserve(num_keys);
  std::string_view prev;
  for (uint32_t k = 0; k < num_keys; ++k) {
    const std::string_view key(strings + keys[k].key.off, keys[k].key.len);
    // The keys are sorted: a repeated key keeps its first occurrence, as the binary search did.
    if (k > 0 && key == prev) continue;
    prev = key;
    const uint64_t h = KeyHash(key);
    slot_of[k] = (h >> 32) << 32 | (uint64_t{k} + 1);
    order.push_back((h & mask) << 32 | k);
  }
  std::vector<uint64_t> tmp(order.size());
  const int digit = (bits + 1) / 2;
  for (int shift = 0; shift < bits; shift += digit) {
    std::vector<size_t> start((size_t{1} << digit) + 1, 0);
    const uint64_t dmask = (uint64_t{1} << digit) - 1;
    for (uint64_t v : order) ++start[((v >> 32 >> shift) & dmask) + 1];
    for (size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
    for (uint64_t v : order) tmp[start[(v >> 32 >> shift) & dmask]++] = v;
    order.swap(tmp);
  }
  size_t next = 0;  // first slot not yet filled by the front-to-back pass
  std::vector<uint32_t> wrapped;
  for (uint64_t v : order) {
    const size_t home = v >> 32;
    const uint32_t k = static_cast<uint32_t>(v);
    const size_t pos = std::max(home, next);
    if (pos >= size) {
      wrapped.push_back(k);
      continue;
    }
    index[pos] = slot_of[k];
    next = pos + 1;
  }
  for (uint32_t k : wrapped) {  // probe sequences that run past the end continue at slot 0
    size_t i = 0;
    while (index[i] != 0) i = (i + 1) & mask;
    index[i] = slot_of[k];
  }
  return index;
}

namespace {

// A per-thread memo of recent exact lookups. The hash indexes span tens of megabytes, so a probe
// costs a cache miss on the slot, one on the key record and one on its string; the names of a
// news stream repeat ("Baghdad", "Monday", "Police"), and a repeat answered here costs none.
// Direct-mapped by the key's hash; a slot holds the whole key (longer keys are not memoized),
// so an answer is exactly the probe's. Tagged with the gazetteer's serial and the section, so
// gazetteers opened one after another at the same address never see each other's answers.
struct LookupMemo {
  static constexpr size_t kSlots = 2048;
  static constexpr size_t kMaxKey = 38;
  struct Slot {
    uint64_t tag;  // serial << 8 | section; 0 when empty
    uint64_t hash;
    const gf::KeyRec* rec;  // the probe's answer, nullptr when the key is absent
    uint8_t len;
    char key[kMaxKey + 1];
  };
  static_assert(sizeof(Slot) == 64);
  Slot slots[kSlots];
};
thread_local LookupMemo t_memo;

}  // namespace

namespace {

LookupMemo::Slot& MemoSlot(uint64_t section, uint64_t h) {
  return t_memo.slots[(h ^ (h >> 29) ^ section * 0x9e37) & (LookupMemo::kSlots - 1)];
}

bool MemoHolds(const LookupMemo::Slot& slot, uint64_t tag, uint64_t h, std::string_view key) {
  return slot.tag == tag && slot.hash == h && slot.len == key.size() &&
         SameBytes(slot.key, key.data(), key.size());
}

}  // namespace

const gf::KeyRec* Gazetteer::FindRec(const gf::KeyRec* keys, const KeyIndex& index,
                                     std::string_view key) const {
  return FindRecHashed(keys, index, key, gf::KeyHash(key));
}

const gf::KeyRec* Gazetteer::FindRecHashed(const gf::KeyRec* keys, const KeyIndex& index,
                                           std::string_view key, uint64_t h) const {
  if (key.size() > LookupMemo::kMaxKey) return ProbeRec(keys, index, key, h);
  // The sections' key arrays are distinct, so the array's position names the section.
  const uint64_t section = SectionOf(keys);
  const uint64_t tag = serial_ << 8 | section;
  LookupMemo::Slot& slot = MemoSlot(section, h);
  if (MemoHolds(slot, tag, h, key)) return slot.rec;
  const gf::KeyRec* rec = ProbeRec(keys, index, key, h);
  slot.tag = tag;
  slot.hash = h;
  slot.rec = rec;
  slot.len = static_cast<uint8_t>(key.size());
  std::memcpy(slot.key, key.data(), key.size());
  return rec;
}

const gf::KeyRec* Gazetteer::ProbeRec(const gf::KeyRec* keys, const KeyIndex& index,
                                      std::string_view key, uint64_t h) const {
  const size_t mask = index.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const uint64_t slot = index[i];
    if (slot == 0) return nullptr;
    if ((slot >> 32) != (h >> 32)) continue;
    const gf::KeyRec& r = keys[(slot & 0xffffffffu) - 1];
    if (r.key.len == key.size() && SameBytes(strings_ + r.key.off, key.data(), key.size())) return &r;
  }
}

void Gazetteer::PrefetchFolded(std::span<const std::string> keys, std::span<std::string> loose_out,
                               std::span<FoldedAnswer> answers) const {
  const bool want_loose = !loose_out.empty() && loose_out.size() == keys.size();
  const bool want_answers = !answers.empty() && answers.size() == keys.size();
  if (want_loose) {
    for (std::string& lk : loose_out) lk.clear();
  }
  // One probe per (key, section); three rounds over the batch: fetch the index slots, then the
  // key records the slots point to, then their strings. A hint alone leaves out the probes the
  // lookup memo answers. With answers wanted every key is probed and answered by the probe
  // itself, not through the memo: the caller keeps the answers (the recognizer's word memo),
  // and the keys it asks are those it has not seen lately, which the smaller lookup memo holds
  // no more than it does.
  struct Probe {
    const gf::KeyRec* keys;
    const KeyIndex* index;
    uint64_t h;
    const gf::KeyRec* rec;  // round 2: the record whose hash matches, if any
    uint32_t key;           // index into `keys`
    bool main;              // a keys_ probe: a miss there asks for the loose key
    uint8_t section;        // kMain, kPrefix, kDemonym or kLoose (the answers' slot)
  };
  enum : uint8_t { kMain, kPrefix, kDemonym, kLoose };
  constexpr size_t kBatch = 32;
  Probe probes[3 * kBatch];
  // The loose forms of a batch: loose_out's own strings when wanted, else these (kept per
  // thread, so their buffers are not made again for each batch).
  static thread_local std::string t_loose[kBatch];
  auto add = [&](size_t& n, const gf::KeyRec* section_keys, const KeyIndex& index,
                 std::string_view key, uint64_t h, uint32_t at, uint8_t kind) {
    const bool main = kind == kMain;
    if (index.empty()) return;
    const uint64_t section = SectionOf(section_keys);
    if (!want_answers && key.size() <= LookupMemo::kMaxKey &&
        MemoHolds(MemoSlot(section, h), serial_ << 8 | section, h, key)) {
      return;
    }
    __builtin_prefetch(index.data() + (h & (index.size() - 1)));
    probes[n++] = {section_keys, &index, h, nullptr, at, main, kind};
  };
  auto records = [&](size_t n) {
    for (size_t p = 0; p < n; ++p) {
      Probe& pr = probes[p];
      const size_t mask = pr.index->size() - 1;
      for (size_t i = pr.h & mask;; i = (i + 1) & mask) {
        const uint64_t slot = (*pr.index)[i];
        if (slot == 0) break;
        if ((slot >> 32) != (pr.h >> 32)) continue;
        pr.rec = pr.keys + ((slot & 0xffffffffu) - 1);
        __builtin_prefetch(pr.rec);
        break;
      }
    }
    for (size_t p = 0; p < n; ++p) {
      if (probes[p].rec != nullptr) __builtin_prefetch(strings_ + probes[p].rec->key.off);
    }
  };
  // The first record with the key's hash that round 2 found, per key of the batch and section
  // (nullptr when none, or when the section's index is empty).
  const gf::KeyRec* first[kBatch][4];
  auto keep_first = [&](size_t n) {
    for (size_t p = 0; p < n; ++p) first[probes[p].key][probes[p].section] = probes[p].rec;
  };
  // The probe's answer (no memo): the key's record in a section, or nullptr. ProbeRec walks the
  // slots as round 2 did and returns the first record with the hash and the key: the first
  // record with the hash when it holds the key, none when there is no such record, else (two
  // keys of one hash) the walk goes on.
  auto probe = [&](const gf::KeyRec* found, const gf::KeyRec* section_keys, const KeyIndex& index,
                   std::string_view key, uint64_t h) -> const gf::KeyRec* {
    if (found == nullptr) return nullptr;
    if (found->key.len == key.size() &&
        SameBytes(strings_ + found->key.off, key.data(), key.size())) {
      return found;
    }
    return ProbeRec(section_keys, index, key, h);
  };
  for (size_t at = 0; at < keys.size(); at += kBatch) {
    const size_t count = std::min(kBatch, keys.size() - at);
    size_t n = 0;
    uint64_t hashes[kBatch];
    for (size_t i = 0; i < count; ++i) {
      const std::string& key = keys[at + i];
      if (key.empty()) continue;
      const uint64_t h = gf::KeyHash(key);
      hashes[i] = h;
      std::fill(std::begin(first[i]), std::end(first[i]), nullptr);
      add(n, keys_, key_index_, key, h, static_cast<uint32_t>(i), kMain);
      add(n, prefix_keys_, prefix_key_index_, key, h, static_cast<uint32_t>(i), kPrefix);
      if (want_answers) {
        add(n, demonym_keys_, demonym_key_index_, key, h, static_cast<uint32_t>(i), kDemonym);
      }
    }
    records(n);
    if (want_answers) keep_first(n);
    // Keys absent from the name index: the recognizer tries their loose form next.
    size_t m = 0;
    Probe mains[kBatch];
    std::string* loose[kBatch];
    size_t num_mains = 0;
    for (size_t p = 0; p < n; ++p) {
      if (probes[p].main && probes[p].rec == nullptr) mains[num_mains++] = probes[p];
    }
    uint64_t loose_hashes[kBatch];
    for (size_t p = 0; p < num_mains; ++p) {
      std::string& lk = want_loose ? loose_out[at + mains[p].key] : t_loose[p];
      loose[p] = &lk;
      lk = LooseKey(keys[at + mains[p].key]);
      if (lk.empty()) continue;
      loose_hashes[p] = gf::KeyHash(lk);
      add(m, loose_keys_, loose_key_index_, lk, loose_hashes[p], mains[p].key, kLoose);
    }
    records(m);
    if (!want_answers) continue;
    keep_first(m);
    // The lookups themselves, now that their lines are on their way, with the hashes computed
    // above.
    auto postings = [](const gf::KeyRec* r, const GeoId* base) {
      return r == nullptr ? std::span<const GeoId>()
                          : std::span<const GeoId>(base + r->postings_begin, r->postings_count);
    };
    for (size_t i = 0; i < count; ++i) {
      FoldedAnswer& a = answers[at + i];
      a = FoldedAnswer{};
      const std::string& key = keys[at + i];
      if (key.empty()) continue;
      a.ids = postings(probe(first[i][kMain], keys_, key_index_, key, hashes[i]), postings_);
      a.word_prefix =
          probe(first[i][kPrefix], prefix_keys_, prefix_key_index_, key, hashes[i]) != nullptr;
      a.demonyms =
          postings(probe(first[i][kDemonym], demonym_keys_, demonym_key_index_, key, hashes[i]),
                   demonym_postings_);
    }
    if (!want_loose) continue;
    for (size_t p = 0; p < num_mains; ++p) {
      if (loose[p]->empty()) continue;
      answers[at + mains[p].key].loose =
          postings(probe(first[mains[p].key][kLoose], loose_keys_, loose_key_index_, *loose[p],
                         loose_hashes[p]),
                   loose_postings_);
    }
  }
}

std::span<const GeoId> Gazetteer::FindIn(const gf::KeyRec* keys, uint32_t num_keys,
                                         const GeoId* postings, const KeyIndex& index,
                                         std::string_view key) const {
  (void)num_keys;
  const gf::KeyRec* r = FindRec(keys, index, key);
  if (r == nullptr) return {};
  return std::span<const GeoId>(postings + r->postings_begin, r->postings_count);
}

std::span<const GeoId> Gazetteer::FindFolded(std::string_view key) const {
  return FindIn(keys_, num_keys_, postings_, key_index_, key);
}

std::span<const uint8_t> Gazetteer::OwnNameFlags(std::span<const GeoId> ids) const {
  const auto b = reinterpret_cast<uintptr_t>(ids.data());
  const auto lo = reinterpret_cast<uintptr_t>(postings_);
  const auto hi = reinterpret_cast<uintptr_t>(postings_ + num_postings_);
  if (ids.empty() || b < lo || b + ids.size() * sizeof(GeoId) > hi) return {};
  return std::span<const uint8_t>(posting_flags_ + (ids.data() - postings_), ids.size());
}

std::span<const GeoId> Gazetteer::FindLoose(std::string_view loose_key) const {
  return FindIn(loose_keys_, num_loose_keys_, loose_postings_, loose_key_index_, loose_key);
}

bool Gazetteer::HasFoldedPrefix(std::string_view prefix) const {
  // "deir ": some key starts with "deir " exactly when "deir" is a word prefix of a key.
  if (!prefix.empty() && prefix.back() == ' ') {
    return FindRec(prefix_keys_, prefix_key_index_, prefix.substr(0, prefix.size() - 1)) != nullptr;
  }
  return HasFoldedPrefixBySearch(prefix);
}

bool Gazetteer::HasFoldedWordPrefix(std::string_view folded) const {
  return FindRec(prefix_keys_, prefix_key_index_, folded) != nullptr;
}

std::span<const GeoId> Gazetteer::FindDemonymFolded(std::string_view key) const {
  return FindIn(demonym_keys_, num_demonym_keys_, demonym_postings_, demonym_key_index_, key);
}

bool Gazetteer::HasFoldedPrefixBySearch(std::string_view prefix) const {
  const gf::KeyRec* begin = keys_;
  const gf::KeyRec* end = keys_ + num_keys_;
  if (prefix.size() >= 2) {  // every key starting with `prefix` is in its two-byte bucket
    const size_t b = gf::PrefixBucket(prefix);
    begin = keys_ + key_prefix_start_[b];
    end = keys_ + key_prefix_start_[b + 1];
  }
  const gf::KeyRec* it = std::lower_bound(begin, end, prefix, [&](const gf::KeyRec& r, std::string_view k) {
    return Str(r.key.off, r.key.len) < k;
  });
  return it != end && Str(it->key.off, it->key.len).starts_with(prefix);
}

std::vector<GeoEntry> Gazetteer::Lookup(std::string_view name) const {
  std::vector<GeoEntry> out;
  for (GeoId id : FindFolded(FoldName(name))) out.push_back(Entry(id));
  return out;
}

std::vector<GeoEntry> Gazetteer::LookupLoose(std::string_view name) const {
  std::vector<GeoEntry> out;
  for (GeoId id : FindLoose(LooseKey(FoldName(name)))) out.push_back(Entry(id));
  return out;
}

namespace {

// The letters of an ISO code as a number (base 26), or -1 when one is no letter A-Z.
int IsoNumber(const char* code, int n) {
  int v = 0;
  for (int i = 0; i < n; ++i) {
    const unsigned d = static_cast<unsigned char>(code[i]) - 'A';
    if (d >= 26) return -1;
    v = v * 26 + static_cast<int>(d);
  }
  return v;
}

}  // namespace

void Gazetteer::BuildIsoIndexes() {
  // The first country (lowest id) holding a code wins, as the scan and the binary search find
  // it; the ISO2 table only when the records are sorted by ISO2, as the search assumes.
  const bool sorted = std::is_sorted(
      countries_, countries_ + num_countries_,
      [](const gf::CountryRec& a, const gf::CountryRec& b) { return std::memcmp(a.iso2, b.iso2, 2) < 0; });
  iso2_index_.assign(sorted && num_countries_ < 0xFFFF ? 26 * 26 : 0, 0);
  iso3_index_.assign(num_countries_ < 0xFFFF ? 26 * 26 * 26 : 0, 0);
  for (uint32_t i = 0; i < num_countries_; ++i) {
    const int c2 = IsoNumber(countries_[i].iso2, 2), c3 = IsoNumber(countries_[i].iso3, 3);
    if (!iso2_index_.empty() && c2 >= 0 && iso2_index_[c2] == 0) iso2_index_[c2] = static_cast<uint16_t>(i + 1);
    if (!iso3_index_.empty() && c3 >= 0 && iso3_index_[c3] == 0) iso3_index_[c3] = static_cast<uint16_t>(i + 1);
  }
}

std::optional<GeoEntry> Gazetteer::CountryByIso2(std::string_view iso2) const {
  if (iso2.size() != 2) return std::nullopt;
  const char want[2] = {static_cast<char>(std::toupper(static_cast<unsigned char>(iso2[0]))),
                        static_cast<char>(std::toupper(static_cast<unsigned char>(iso2[1])))};
  if (const int c = IsoNumber(want, 2); c >= 0 && !iso2_index_.empty()) {
    if (iso2_index_[c] == 0) return std::nullopt;
    return Entry(iso2_index_[c] - 1u);
  }
  const gf::CountryRec* end = countries_ + num_countries_;
  const gf::CountryRec* it = std::lower_bound(countries_, end, want, [](const gf::CountryRec& c, const char* w) {
    return std::memcmp(c.iso2, w, 2) < 0;
  });
  if (it == end || std::memcmp(it->iso2, want, 2) != 0) return std::nullopt;
  return Entry(it->entry);
}

std::optional<GeoEntry> Gazetteer::CountryByIso3(std::string_view iso3) const {
  if (iso3.size() != 3) return std::nullopt;
  char want[3];
  for (int i = 0; i < 3; ++i) want[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(iso3[i])));
  if (const int c = IsoNumber(want, 3); c >= 0 && !iso3_index_.empty()) {
    if (iso3_index_[c] == 0) return std::nullopt;
    return Entry(iso3_index_[c] - 1u);
  }
  for (uint32_t i = 0; i < num_countries_; ++i) {
    if (std::memcmp(countries_[i].iso3, want, 3) == 0) return Entry(i);
  }
  return std::nullopt;
}

std::vector<GeoEntry> Gazetteer::CountriesByDemonym(std::string_view demonym) const {
  std::vector<GeoEntry> out;
  for (GeoId id : FindIn(demonym_keys_, num_demonym_keys_, demonym_postings_, demonym_key_index_, FoldName(demonym))) {
    out.push_back(Entry(id));
  }
  return out;
}

std::optional<GeoEntry> Gazetteer::CountryByDemonym(std::string_view demonym) const {
  auto ids = FindIn(demonym_keys_, num_demonym_keys_, demonym_postings_, demonym_key_index_, FoldName(demonym));
  if (ids.empty()) return std::nullopt;
  return Entry(ids[0]);
}

std::optional<GeoEntry> Gazetteer::ByCode(uint32_t begin, uint32_t end, std::string_view code) const {
  const gf::EntryRec* b = entries_ + begin;
  const gf::EntryRec* e = entries_ + end;
  const gf::EntryRec* it = std::lower_bound(b, e, code, [&](const gf::EntryRec& r, std::string_view c) {
    return Str(r.code.off, r.code.len) < c;
  });
  if (it == e || Str(it->code.off, it->code.len) != code) return std::nullopt;
  return Entry(static_cast<GeoId>(it - entries_));
}

std::optional<GeoEntry> Gazetteer::Admin1ByCode(std::string_view code) const {
  return ByCode(num_countries_, num_countries_ + num_admin1_, code);
}

std::optional<GeoEntry> Gazetteer::Admin2ByCode(std::string_view code) const {
  return ByCode(num_countries_ + num_admin1_, num_countries_ + num_admin1_ + num_admin2_, code);
}

std::optional<GeoEntry> Gazetteer::CountryOf(const GeoEntry& entry) const {
  const GeoId id = entry.country_id();
  return id == kNoGeoId ? std::nullopt : std::optional<GeoEntry>(Entry(id));
}
std::optional<GeoEntry> Gazetteer::Admin1Of(const GeoEntry& entry) const {
  const GeoId id = entry.admin1_id();
  return id == kNoGeoId ? std::nullopt : std::optional<GeoEntry>(Entry(id));
}
std::optional<GeoEntry> Gazetteer::Admin2Of(const GeoEntry& entry) const {
  const GeoId id = entry.admin2_id();
  return id == kNoGeoId ? std::nullopt : std::optional<GeoEntry>(Entry(id));
}

Gazetteer::Stats Gazetteer::stats() const {
  Stats s;
  s.format_version = header_->format_version;
  s.blob_bytes = header_->blob_size;
  s.countries = header_->num_countries;
  s.admin1 = header_->num_admin1;
  s.admin2 = header_->num_admin2;
  s.places = header_->num_places;
  s.keys = num_keys_;
  s.loose_keys = num_loose_keys_;
  s.demonyms = num_demonym_keys_;
  return s;
}

// --- GeoEntry --------------------------------------------------------------------------------------

std::string_view GeoEntry::country_iso2() const {
  const GeoId c = country_id();
  return c == kNoGeoId ? std::string_view() : std::string_view(gaz_->countries_[c].iso2, 2);
}
std::string_view GeoEntry::country_iso3() const {
  const GeoId c = country_id();
  return c == kNoGeoId ? std::string_view() : std::string_view(gaz_->countries_[c].iso3, 3);
}
std::string_view GeoEntry::country_name() const {
  const GeoId c = country_id();
  return c == kNoGeoId ? std::string_view() : GeoEntry(gaz_, c).name();
}
std::string_view GeoEntry::admin1_code() const {
  const GeoId a = admin1_id();
  return a == kNoGeoId ? std::string_view() : GeoEntry(gaz_, a).code();
}
std::string_view GeoEntry::admin1_name() const {
  const GeoId a = admin1_id();
  return a == kNoGeoId ? std::string_view() : GeoEntry(gaz_, a).name();
}
std::string_view GeoEntry::admin2_name() const {
  const GeoId a = admin2_id();
  return a == kNoGeoId ? std::string_view() : GeoEntry(gaz_, a).name();
}

}  // namespace sitrep
