// Toponym resolution: one gazetteer entry per candidate, or none (the candidate is dropped).
//
// Each entry of a candidate gets a score:
//   prior      level (country 8.5, admin1 6, admin2 2; a place 0.8·log10(population+1) plus 2.5
//              for a capital or an admin1 seat, 0.5 for an admin2 seat); +1 when the entry's own
//              name (not an alternate) folds to the key, +3 for a country; -3 without
//              coordinates; -1 for a LooseKey match; +4 for an admin/country after a direction
//              word ("southern Kaduna" is the state, not the city);
//   level word "Anbar province" → admin1 +5, "Dawlat Abad district" → admin2 +5, "town of" →
//              place +3, and the other levels lose;
//   context    the document's country votes: +5·share(country) + 1 when the country has any
//              vote; +4 when another mention puts the entry's admin1 in play (hierarchy); an
//              admin1 gets +3 per mention resolved inside it (up to 2: "Atlanta" → Georgia the
//              state);
//   container  "X, Y" / "X (Y)" (also chains "X, Y, Z") where Y contains X or lies within
//              40 km of it: +8;
//   proximity  (last pass) +2 within 150 km, +1 within 400 km of another resolved mention.
// Country votes: a country mention 2 (1 when metonymic), an admin1 1.5, an admin2 1, a demonym 1,
// a place 0.5 (none when only its loose key read it); a name with plausible entries in two or
// three countries gives each 0.5 (a document naming "Athens", "Georgia" and "Clarke County" is
// about the country holding all three; a name held by more countries tells nothing).
// Passes: context-free, then with context, then with context and proximity.
//
// Acceptance (the recognizer only proposed): a capitalized word before the name or a name used
// for a person elsewhere in the document rejects it (unless a cue says place); countries and
// admin1 are kept otherwise; a place needs population in proportion to the missing evidence
// (none with a container or its admin1 mentioned; 0 with a cue in a context country; 1k with a
// strong cue, 5k with a cue; 20k in a context country; 100k bare; 50k sentence-initial), and a
// capitalized word right after it ("Tal Baydar" when only "Tal" is a key) rejects it. One sense
// per discourse: the mentions of one name share the best-scored entry.
//
// Added rules:
//  - a name never vouches for itself: country shares used for an entry leave out the votes of
//    mentions with the same key (a lone "Inata" does not make Japan the context);
//  - a country's own name resolves to the country unless a container or level word places a
//    town of that name;
//  - named actors of one country (the actors stage's country) vote 1 each, unless written with a
//    place or demonym that votes already; a group of several countries ("JNIM": Mali, Burkina
//    Faso, Niger) shares one vote among them, and a mission of one country ("UNIFIL", the OSCE
//    "SMM") votes 1 for it;
//  - a reading rejected by acceptance gives way to the best-scored reading of the same name in a
//    country with at least 0.3 of the votes that acceptance passes ("JNIM ... in Bangao": the
//    Burkinabe village, not the larger Philippine one);
//  - American local news: "Sheriff", "X County"/"X Parish", "Township", "Interstate", and AP house
//    style ("5 p.m.", "Feb. 9"), councilmen, "third-graders", state troopers vote for the US
//    (0.75 each kind, up to 4 kinds); the style kinds give Canada 0.25 each, and sums in pounds
//    sterling ("£5") give Britain 0.75;
//  - state context: a place/admin2 gets +3 × the share of the document's other non-country
//    mentions lying in its admin1 ("Decatur" among Georgia places);
//  - acceptance: a name followed by a word for a people ("members of the Fulani community",
//    "the Mossi and Foulse communities", "tribesmen") is not a place;
//  - acceptance: a small place (< 100k, not a capital) before a speech verb is a person; an
//    alternate-name-only match of a place under 50k needs a cue; a cue with a name that only
//    one country holds accepts any population when no other country is in context (villages of
//    the full country dumps); in a document about other countries a town needs 50k with a weak
//    cue, 5k with a strong one;
//  - "X, Y" with Y an admin1 (or a city named like its admin1: "Vesele, Donetsk") and X's entry
//    (a town, or a district read without its level word: "Castilla, Piura") not inside it: X is
//    a place the gazetteer lacks — dropped, and Y read as the admin1; with X and Y read as two
//    towns far apart and no reading of X inside one of Y's, Y is the admin1 bearing its name
//    ("Hermosillo (Valparaiso)": Chile's region), unless Y is an item of a list;
//  - "X (Y)" with Y read as the very town X: Y is that town's division when it bears the name
//    ("Buenos Aires (Ciudad Autonoma de Buenos Aires)");
//  - a name in a bracket right after another name ("Ramos Mejia (Buenos Aires)") gives its
//    admin1 reading +3: coders write where a place lies that way;
//  - acceptance: a spelling only the loose key finds, after "in" / "at", of a division or a city
//    of 50k or more that one country holds, in a document naming no other country, is that
//    place ("in Ouagadaougou").
//  - coverage: an entry (by its own name) in an admin1 where other names of the document have
//    entries close to their best prior gets +1.5 per such name (up to 3), and +3 when another
//    name is its admin2 or a place inside it: local news names towns of one state, never the
//    state ("Columbus", "Norfolk", "Platte County" → Nebraska);
//  - a name used for a person elsewhere takes only a firm cue ("in", "at", a level word), not
//    "to Turner's"; a state's name before a capitalized word is kept in a document about its
//    country ("the Georgia Bureau of Investigation").
//  - hierarchy links: a county one name reads as and a place of another name inside it get +8
//    each, found from the entry lists before the first pass ("Walker County" ... "Huntsville":
//    the Texas pair); such a town named after a country wins when a mention of it is firmly a
//    place ("Lebanon Police" with "Boone County");
//  - a state's own name means the state, not a town under 100k elsewhere in the same country
//    that the context pulls in ("Florida" among New York towns), unless a capital shares the
//    name;
//  - an alternate name of a place yields to a larger capital or city of 100k or more that bears
//    the name as its own ("Washington", once Watervliet's; "Manchester", a part of Richmond); a
//    national capital even over a container ("Washington, New York and Boston" is a list), and
//    such a capital is never dropped as a place the gazetteer lacks;
//  - acceptance: a division read only by an alternate name, in a country without votes while
//    the other names cast 2 or more elsewhere, is not meant ("Gulf" in a Middle East story);
//  - acceptance: a district written as the container of the name before it ("Sitio Bato, Nueva
//    Vizcaya", after "," or "(") is kept when only one country holds the name and no other
//    country has votes, or with its level word ("Kologo village, Sanmatenga province");
//  - a dateline ("NEW YORK (AP) —") is a strong cue for a city: places +3, divisions -6, and its
//    reading is what the other mentions of the name mean.
#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

#include "geo/places_internal.h"
#include "util/hash_bytes.h"

namespace sitrep::places_internal {
namespace {

std::atomic<bool> g_reference_checks{false};
std::atomic<uint64_t> g_reference_compared{0}, g_reference_mismatched{0};

// Counts one fast-path answer checked against its reference definition. Cold and out of line:
// the compiler moves the paths that reach it (the checks, off outside tests) out of the hot
// code, which then takes fewer instruction-cache lines.
template <typename T>
[[gnu::cold, gnu::noinline]] T Checked(T fast, T reference) {
  g_reference_compared.fetch_add(1, std::memory_order_relaxed);
  if (!(fast == reference)) g_reference_mismatched.fetch_add(1, std::memory_order_relaxed);
  return fast;
}

// A name's reading rejected by Accept gives way to one in a country holding at least this share
// of the document's votes ("JNIM" gives Burkina Faso a third).
constexpr double kFallbackShare = 0.3;
// Per other name of the document with an entry in the same admin1 (up to 3), and for a place
// inside an admin2 that another name is (or an admin2 holding another name's place).
constexpr double kCoverWeight = 1.5;
constexpr double kAdmin2LinkWeight = 3;
// An admin2 and a place inside it both named (FindLinks): nearly as strong as "X, Y".
constexpr double kLinkWeight = 8;
// A place smaller than this yields to a state of the same own name (see Pass).
constexpr uint64_t kStateOverTown = 100000;
// A town named like a country, near the document's other places, needs their country to hold at
// least this share of the votes (see Pass).
constexpr double kLocalTownShare = 0.5;
// The votes of other names (all elsewhere) that reject a division read by an alternate name
// only (see Accept).
constexpr double kForeignAliasVotes = 2;
// A name with plausible entries in at most this many countries votes for each of them.
constexpr size_t kMaxSharedCountries = 3;
constexpr size_t kMaxEntries = 64;  // candidates per name considered (lists are sorted by level, population)

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kR = 6371.0088, kRad = M_PI / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kR * std::asin(std::sqrt(std::min(1.0, a)));
}

// HaversineKm(...) < km, without the trigonometry for points whose latitudes alone lie farther
// apart: a great circle is never shorter than the meridian arc between the two latitudes. The
// 0.1 km margin is far above the formula's rounding, so the answer is the formula's.
bool WithinKm(double lat1, double lon1, double lat2, double lon2, double km) {
  constexpr double kR = 6371.0088, kRad = M_PI / 180.0;
  if (std::abs(lat1 - lat2) * kRad * kR > km + 0.1) return false;
  return HaversineKm(lat1, lon1, lat2, lon2) < km;
}

struct Vec3 {
  double x, y, z;
};
Vec3 UnitVectorUncached(double lat, double lon) {
  constexpr double kRad = M_PI / 180.0;
  double cl = std::cos(lat * kRad);
  return {cl * std::cos(lon * kRad), cl * std::sin(lon * kRad), std::sin(lat * kRad)};
}
// UnitVectorUncached through a per-thread direct-mapped cache keyed by the coordinates
// themselves (the same places come back document after document); the same value either way.
// 8192 slots: at 1024, a third of the lookups over the plain-text eval documents computed again
// a vector a collision had evicted (22.0k sincos pairs, 15.2k at 8192).
Vec3 UnitVector(double lat, double lon) {
  struct Slot {
    double lat = std::numeric_limits<double>::quiet_NaN(), lon = 0;
    Vec3 v{};
  };
  static thread_local Slot t_cache[8192];  // 320 KB per thread
  uint64_t a, b;
  std::memcpy(&a, &lat, 8);
  std::memcpy(&b, &lon, 8);
  uint64_t h = (a ^ (b * 0x9e3779b97f4a7c15ull)) * 0xff51afd7ed558ccdull;
  Slot& slot = t_cache[(h >> 40) & 8191];
  // Compared by bits: NaN never matches (an empty slot), -0.0 and 0.0 stay apart.
  uint64_t sa, sb;
  std::memcpy(&sa, &slot.lat, 8);
  std::memcpy(&sb, &slot.lon, 8);
  if (sa == a && sb == b && !std::isnan(lat)) return slot.v;
  const Vec3 v = UnitVectorUncached(lat, lon);
  slot.lat = lat;
  slot.lon = lon;
  slot.v = v;
  return v;
}

// 0.8·log10(population + 1), the population part of a place's prior, through a per-thread
// direct-mapped cache (a pure function of the population: the same value either way). 8192
// slots: 35.2k logarithms over the plain-text eval documents at 1024, 21.6k at 8192.
double PopulationPrior(uint64_t population) {
  struct Slot {
    uint64_t pop = ~uint64_t{0};
    double prior = 0;
  };
  static thread_local Slot t_cache[8192];  // 128 KB per thread
  Slot& slot = t_cache[(population * 0x9e3779b97f4a7c15ull) >> 51];
  if (slot.pop == population) return slot.prior;
  const double prior = 0.8 * std::log10(static_cast<double>(population) + 1);
  slot.pop = population;
  slot.prior = prior;
  return prior;
}
// A per-thread memo of PriorBase over entry lists (BasesOf): the lists of the names news repeats
// from document to document ("Kabul", "Borno") keep their bases. Direct-mapped by the list's
// address in the blob, tagged with the gazetteer's serial (+1, so 0 is empty) as the
// recognizer's word memo is.
struct BasesMemo {
  static constexpr size_t kSlots = 1024;  // 536 KB per thread
  struct Slot {
    uint64_t tag = 0;
    const GeoId* ids = nullptr;
    uint32_t n = 0;
    double bases[kMaxEntries];
  };
  static Slot& SlotOf(const GeoId* ids) {
    static thread_local BasesMemo t_memo;
    const uint64_t a = reinterpret_cast<uintptr_t>(ids);
    return t_memo.slots[((a >> 2) * 0x9e3779b97f4a7c15ull) >> 54];
  }
  Slot slots[kSlots];
};

// cos(d / R) for great-circle distances d of 150 and 400 km.
const double kCos150Km = std::cos(150.0 / 6371.0088);
const double kCos400Km = std::cos(400.0 / 6371.0088);

// Country and admin1 ids of one gazetteer are small dense numbers (entries are ordered by kind):
// a per-thread table from id to the Context's row for it replaces hash maps built twice per
// document. Only the rows a document touched are reset afterwards.
class IdSlots {
 public:
  explicit IdSlots(size_t size) {
    owned_ = t_in_use_;  // a second Context alive on this thread gets a table of its own
    if (owned_) {
      own_.assign(size, -1);
      table_ = &own_;
    } else {
      t_in_use_ = true;
      table_ = &t_table_;
      if (t_table_.size() < size) t_table_.resize(size, -1);
    }
    Seen();
  }
  ~IdSlots() {
    Clear();
    if (!owned_) t_in_use_ = false;
  }
  IdSlots(const IdSlots&) = delete;
  IdSlots& operator=(const IdSlots&) = delete;
  void Reserve(size_t size) {
    if (table_->size() < size) table_->resize(size, -1);
    Seen();
  }
  // The row of `id`, or -1. (Asked per entry scored: the table's bounds are kept at hand.)
  int32_t Get(GeoId id) const { return id < size_ ? rows_[id] : -1; }
  void Set(GeoId id, int32_t row) {
    if (id >= size_) {
      table_->resize(size_t{id} + 1, -1);
      Seen();
    }
    rows_[id] = row;
    touched_.push_back(id);
  }
  void Clear() {
    for (GeoId id : touched_) rows_[id] = -1;
    touched_.clear();
  }

 private:
  // Takes the table's data and size after it was made or grown.
  void Seen() {
    rows_ = table_->data();
    size_ = table_->size();
  }
  static thread_local std::vector<int32_t> t_table_;
  static thread_local bool t_in_use_;
  std::vector<int32_t>* table_;
  int32_t* rows_ = nullptr;  // table_->data()
  size_t size_ = 0;          // table_->size()
  std::vector<int32_t> own_;
  std::vector<GeoId> touched_;
  bool owned_ = false;
};
thread_local std::vector<int32_t> IdSlots::t_table_;
thread_local bool IdSlots::t_in_use_ = false;

// Coverage rows (see Context): per id, the names (by key number) covering it with their
// weights, in the order they were added. Flat rows chained per id behind a small open-addressing
// table that is reset slot by slot: a hash map of vectors cost a node and a vector per id, and
// clearing it swept its whole bucket array twice per document.
class CoverRows {
 public:
  bool Empty() const { return ids_.empty(); }
  void Clear() {
    for (uint32_t s : used_) slots_[s] = -1;
    used_.clear();
    ids_.clear();
    rows_.clear();
    log_.clear();
  }
  // Adds `key`'s weight `w` for `id`; a name's consecutive adds to one id keep the largest.
  void Add(GeoId id, uint32_t key, double w) {
    if (id == kNoGeoId) return;  // no division: nothing to cover
    log_.push_back({id, key, w});
    if (2 * (ids_.size() + 1) > slots_.size()) Grow();
    size_t s = Home(id);
    while (slots_[s] >= 0 && ids_[slots_[s]].id != id) s = (s + 1) & (slots_.size() - 1);
    if (slots_[s] < 0) {
      slots_[s] = static_cast<int32_t>(ids_.size());
      used_.push_back(static_cast<uint32_t>(s));
      ids_.push_back({id, -1, -1});
    }
    IdRow& r = ids_[slots_[s]];
    if (r.tail >= 0 && rows_[r.tail].key == key) {
      rows_[r.tail].w = std::max(rows_[r.tail].w, w);
      return;
    }
    rows_.push_back({key, w, -1});
    const int32_t row = static_cast<int32_t>(rows_.size() - 1);
    if (r.tail >= 0) rows_[r.tail].next = row;
    else r.head = row;
    r.tail = row;
  }
  // The same adds in the same order (what the reference checks compare a kept table with).
  bool SameAdds(const CoverRows& other) const {
    return log_.size() == other.log_.size() &&
           std::equal(log_.begin(), log_.end(), other.log_.begin(),
                      [](const LogRow& a, const LogRow& b) {
                        return a.id == b.id && a.key == b.key && a.w == b.w;
                      });
  }
  // The weight of the names other than `key` covering `id`.
  double Others(GeoId id, uint32_t key, bool check) const {
    if (!check) return OthersFast(id, key);
    return Checked(OthersFast(id, key), OthersReference(id, key));
  }
  double OthersFast(GeoId id, uint32_t key) const {
    if (id == kNoGeoId || ids_.empty()) return 0;
    size_t s = Home(id);
    while (slots_[s] >= 0 && ids_[slots_[s]].id != id) s = (s + 1) & (slots_.size() - 1);
    if (slots_[s] < 0) return 0;
    double w = 0;
    for (int32_t r = ids_[slots_[s]].head; r >= 0; r = rows_[r].next) {
      if (rows_[r].key != key) w += rows_[r].w;
    }
    return w;
  }
  // The definition, over the log of adds: the id's names in order, a name's consecutive adds
  // merged by their largest weight.
  double OthersReference(GeoId id, uint32_t key) const {
    if (id == kNoGeoId) return 0;
    std::vector<std::pair<uint32_t, double>> names;
    for (const LogRow& a : log_) {
      if (a.id != id) continue;
      if (!names.empty() && names.back().first == a.key) {
        names.back().second = std::max(names.back().second, a.w);
      } else {
        names.push_back({a.key, a.w});
      }
    }
    double w = 0;
    for (const auto& [k, v] : names) {
      if (k != key) w += v;
    }
    return w;
  }

 private:
  struct Row {
    uint32_t key;
    double w;
    int32_t next;  // next row of the same id, -1 at the end
  };
  struct LogRow {
    GeoId id;
    uint32_t key;
    double w;
  };
  struct IdRow {
    GeoId id;
    int32_t head, tail;
  };
  size_t Home(GeoId id) const {
    return static_cast<size_t>((uint64_t{id} * 0x9e3779b97f4a7c15ull) >> 40) & (slots_.size() - 1);
  }
  void Grow() {
    const size_t size = std::max<size_t>(64, 2 * slots_.size());
    slots_.assign(size, -1);
    used_.clear();
    for (size_t i = 0; i < ids_.size(); ++i) {
      size_t s = Home(ids_[i].id);
      while (slots_[s] >= 0) s = (s + 1) & (size - 1);
      slots_[s] = static_cast<int32_t>(i);
      used_.push_back(static_cast<uint32_t>(s));
    }
  }

  std::vector<int32_t> slots_;  // index into ids_, -1 when empty
  std::vector<uint32_t> used_;  // the slots in use
  std::vector<IdRow> ids_;
  std::vector<Row> rows_;
  std::vector<LogRow> log_;  // every Add, for the reference
};

// The document context of one pass. Mentions are named by their key's number (the Resolver
// numbers keys once per document); `empty_key` is the number of the empty key (demonyms,
// US state abbreviations), whose votes are nobody's own.
class Context {
 public:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;

  explicit Context(size_t id_limit) : slots_(id_limit) {}
  // Before the first Finish the context is empty: no key has votes of its own.
  void SetKeys(uint32_t num_keys, uint32_t empty_key) {
    num_keys_ = num_keys;
    empty_key_ = empty_key;
    by_key_.assign(num_keys_, KeyVotes{});
  }

  double total = 0;
  GeoId top_country = kNoGeoId;
  // Coverage: for every admin1 (and admin2), the names of the document that have a plausible
  // entry in it, whichever entry they resolved to. Local news names several towns of its state
  // and never the state: "Columbus", "Norfolk" and "Platte County" are all in Nebraska. A name
  // counts by how close that entry's prior comes to the name's best one (1 at par, 0 at 5 or
  // more behind), so "London" does not put Ohio in play. Cleared by Reset.
  CoverRows admin1_cover;
  CoverRows admin2_cover;  // admin2 entries named
  CoverRows admin2_inner;  // places inside it

  bool check = false;  // also run the reference forms and count disagreements (tests)

  void Reserve(size_t id_limit) { slots_.Reserve(id_limit); }
  // Empties the context; `keep_cover` keeps the coverage rows (the same names accepted).
  void Reset(bool keep_cover = false) {
    if (!keep_cover) {
      admin1_cover.Clear();
      admin2_cover.Clear();
      admin2_inner.Clear();
    }
    slots_.Clear();
    countries_.clear();
    admin1s_.clear();
    votes_.clear();
    admin1_log_.clear();
    total = 0;
    top_country = kNoGeoId;
  }

  // A vote of `w` for `country` by the mentions of `voter` (kNone: nobody's own).
  void Vote(GeoId country, double w, uint32_t voter) {
    CountryRow(country).votes += w;
    total += w;
    if (voter != kNone && voter != empty_key_) votes_.push_back({country, w, voter});
  }
  // A mention of `key` resolved inside admin1 `a1`: `vote` puts a1 in play (HasAdmin1), `w` is
  // its weight in Admin1Share, `child` counts it among a1's places.
  void InAdmin1(GeoId a1, uint32_t key, bool vote, double w, bool child) {
    Admin1Row& row = Admin1RowOf(a1);
    if (child) ++row.children;
    if (vote) {
      if (row.first_key == kNone) row.first_key = key;
      else if (row.first_key != key) row.several = true;
    }
    admin1_log_.push_back({a1, key, w, vote});
  }
  // True when every query below answers 0 / false whatever it is asked (before the first
  // BuildContext, and for a document whose names gave no context).
  bool Empty() const {
    return total <= 0 && admin1s_.empty() && admin1_log_.empty() && admin1_cover.Empty() &&
           admin2_cover.Empty() && admin2_inner.Empty();
  }
  // False when no mention resolved inside admin1 `a1`: Admin1Share answers 0 and HasAdmin1
  // false for it then, whoever asks (each of their log rows made its admin1 a row).
  bool Admin1InPlay(GeoId a1) const { return a1 != kNoGeoId && Admin1Index(a1) >= 0; }
  size_t Children(GeoId a1) const {
    const int32_t r = Admin1Index(a1);
    return r < 0 ? 0 : admin1s_[r].children;
  }

  // The queries below run per candidate entry; Finish() precomputes their document-wide parts
  // once so that each costs a few array reads. The *Reference forms are the definitions.
  void Finish() {
    double top = 0;
    for (const CountryVotes& c : countries_) {
      if (c.votes > top || (c.votes == top && c.id < top_country)) {
        top = c.votes;
        top_country = c.id;
      }
    }
    // Per key: the total and each of its countries' votes minus its own votes, subtracted in
    // the order they were cast (bit-identical to the reference).
    by_key_.assign(num_keys_, KeyVotes{});
    except_.clear();
    for (const OwnVote& v : votes_) {
      int32_t& head = by_key_[v.key].except_head;
      if (head == -1) {
        by_key_[v.key].except_all = total;
        head = -3;  // seen, no country rows yet
      }
      by_key_[v.key].except_all -= v.w;
      int32_t row = head >= 0 ? head : -1;
      while (row >= 0 && except_[row].country != v.country) row = except_[row].next;
      if (row < 0) {
        except_.push_back({v.country, CountryVotesOf(v.country), head >= 0 ? head : -1});
        row = static_cast<int32_t>(except_.size() - 1);
        head = row;
      }
      except_[row].mine -= v.w;
    }
    // Admin1Share by totals minus the key's own part. Sums of multiples of 1/4 are exact in a
    // double, so any order gives the reference's value; other weights use the reference.
    share_exact_ = true;
    share_total_ = 0;
    share_pairs_.clear();
    for (Admin1Row& row : admin1s_) {
      row.share = 0;
      row.pairs = -1;
    }
    for (const Admin1Entry& a : admin1_log_) {
      const double w = a.w;
      if (w * 4 != std::floor(w * 4) || std::abs(w) > 1e6) share_exact_ = false;
      share_total_ += w;
      by_key_[a.key].share += w;
      Admin1Row& row = admin1s_[Admin1Index(a.a1)];
      row.share += w;
      int32_t p = row.pairs;
      while (p >= 0 && share_pairs_[p].key != a.key) p = share_pairs_[p].next;
      if (p < 0) {
        share_pairs_.push_back({a.key, 0, row.pairs});
        p = static_cast<int32_t>(share_pairs_.size() - 1);
        row.pairs = p;
      }
      share_pairs_[p].w += w;
    }
  }

  double Admin1Share(GeoId a1, uint32_t key) const {
    if (!check) return Admin1ShareFast(a1, key);
    return Checked(Admin1ShareFast(a1, key), Admin1ShareReference(a1, key));
  }
  double Admin1ShareFast(GeoId a1, uint32_t key) const {
    if (a1 == kNoGeoId || admin1_log_.empty()) return 0;
    if (!share_exact_) return Admin1ShareReference(a1, key);
    const double total = share_total_ - by_key_[key].share;
    double mine = 0;
    if (const int32_t r = Admin1Index(a1); r >= 0) {
      mine = admin1s_[r].share;
      for (int32_t p = admin1s_[r].pairs; p >= 0; p = share_pairs_[p].next) {
        if (share_pairs_[p].key == key) mine -= share_pairs_[p].w;
      }
    }
    return total > 0 ? mine / total : 0;
  }
  double Admin1ShareReference(GeoId a1, uint32_t key) const {
    if (a1 == kNoGeoId || admin1_log_.empty()) return 0;
    double mine = 0, total = 0;
    for (const Admin1Entry& a : admin1_log_) {
      if (a.key == key) continue;
      total += a.w;
      if (a.a1 == a1) mine += a.w;
    }
    return total > 0 ? mine / total : 0;
  }

  // The votes cast by mentions not named `key`.
  double TotalExcept(uint32_t key) const {
    if (!check) return TotalExceptFast(key);
    return Checked(TotalExceptFast(key), TotalExceptReference(key));
  }
  double TotalExceptFast(uint32_t key) const {
    double all = total;
    if (key != empty_key_ && by_key_[key].except_head != -1) all = by_key_[key].except_all;
    return all > 1e-9 ? all : 0;
  }
  double TotalExceptReference(uint32_t key) const {
    double all = total;
    if (key != empty_key_) {
      for (const OwnVote& v : votes_) {
        if (v.key == key) all -= v.w;
      }
    }
    return all > 1e-9 ? all : 0;
  }
  // The share of `country` among the votes of the mentions not named `key`: a name does not
  // vouch for itself ("Inata" alone must not make its Japanese namesake the context).
  double ShareExcept(GeoId country, uint32_t key) const {
    if (!check) return ShareExceptFast(country, key);
    return Checked(ShareExceptFast(country, key), ShareExceptReference(country, key));
  }
  // Whether `country` has a share, without key's votes, and no other country a larger one.
  bool LeadsExcept(GeoId country, uint32_t key) const {
    const double mine = ShareExcept(country, key);
    if (mine <= 0) return false;
    for (const CountryVotes& other : countries_) {
      if (ShareExcept(other.id, key) > mine + 1e-9) return false;
    }
    return true;
  }
  double ShareExceptFast(GeoId country, uint32_t key) const {
    if (total <= 0 || country == kNoGeoId) return 0;
    const int32_t r = CountryIndex(country);
    if (r < 0) return 0;
    double mine = countries_[r].votes, all = total;
    if (key != empty_key_ && by_key_[key].except_head != -1) {
      all = by_key_[key].except_all;
      for (int32_t p = by_key_[key].except_head; p >= 0; p = except_[p].next) {
        if (except_[p].country == country) mine = except_[p].mine;
      }
    }
    return all > 1e-9 && mine > 1e-9 ? mine / all : 0;
  }
  double ShareExceptReference(GeoId country, uint32_t key) const {
    if (total <= 0 || country == kNoGeoId) return 0;
    const int32_t r = CountryIndex(country);
    if (r < 0) return 0;
    double mine = countries_[r].votes, all = total;
    if (key != empty_key_) {
      for (const OwnVote& v : votes_) {
        if (v.key != key) continue;
        all -= v.w;
        if (v.country == country) mine -= v.w;
      }
    }
    return all > 1e-9 && mine > 1e-9 ? mine / all : 0;
  }
  // True when a mention other than one named `key` puts an admin1 in play.
  bool HasAdmin1(GeoId a1, uint32_t key) const {
    if (!check) return HasAdmin1Fast(a1, key);
    return Checked(HasAdmin1Fast(a1, key), HasAdmin1Reference(a1, key));
  }
  bool HasAdmin1Fast(GeoId a1, uint32_t key) const {
    if (a1 == kNoGeoId) return false;
    const int32_t r = Admin1Index(a1);
    if (r < 0 || admin1s_[r].first_key == kNone) return false;
    return admin1s_[r].several || admin1s_[r].first_key != key;
  }
  bool HasAdmin1Reference(GeoId a1, uint32_t key) const {
    if (a1 == kNoGeoId) return false;
    for (const Admin1Entry& a : admin1_log_) {
      if (a.vote && a.a1 == a1 && a.key != key) return true;
    }
    return false;
  }

 private:
  struct CountryVotes {
    GeoId id;
    double votes;
  };
  struct Admin1Row {
    GeoId id;
    size_t children = 0;
    uint32_t first_key = kNone;  // the first key that put it in play
    bool several = false;        // keys other than first_key did too
    double share = 0;            // Finish: its weight in Admin1Share
    int32_t pairs = -1;          // Finish: head of its (key, weight) chain in share_pairs_
  };
  struct OwnVote {
    GeoId country;
    double w;
    uint32_t key;
  };
  struct Admin1Entry {
    GeoId a1;
    uint32_t key;
    double w;
    bool vote;
  };
  struct ExceptRow {
    GeoId country;
    double mine;  // the country's votes minus the key's own
    int32_t next;
  };
  struct SharePair {
    uint32_t key;
    double w;
    int32_t next;
  };

  // Country rows are even slots, admin1 rows odd: one table serves both id ranges.
  int32_t CountryIndex(GeoId id) const {
    const int32_t s = slots_.Get(id);
    return s >= 0 && (s & 1) == 0 ? s >> 1 : -1;
  }
  int32_t Admin1Index(GeoId id) const {
    const int32_t s = slots_.Get(id);
    return s >= 0 && (s & 1) == 1 ? s >> 1 : -1;
  }
  CountryVotes& CountryRow(GeoId id) {
    int32_t r = CountryIndex(id);
    if (r < 0) {
      r = static_cast<int32_t>(countries_.size());
      countries_.push_back({id, 0});
      slots_.Set(id, r << 1);
    }
    return countries_[r];
  }
  double CountryVotesOf(GeoId id) const {
    const int32_t r = CountryIndex(id);
    return r < 0 ? 0.0 : countries_[r].votes;
  }
  Admin1Row& Admin1RowOf(GeoId id) {
    int32_t r = Admin1Index(id);
    if (r < 0) {
      r = static_cast<int32_t>(admin1s_.size());
      admin1s_.push_back({id});
      slots_.Set(id, r << 1 | 1);
    }
    return admin1s_[r];
  }

  IdSlots slots_;
  uint32_t num_keys_ = 0, empty_key_ = kNone;
  std::vector<CountryVotes> countries_;
  std::vector<Admin1Row> admin1s_;
  std::vector<OwnVote> votes_;
  std::vector<Admin1Entry> admin1_log_;
  // Per key: the votes of the others (except_all: the total minus its own, set when it has
  // own votes), its own country rows (except_head: -1 no own votes, -3 votes but no rows, else
  // a row of except_), and its own weight in Admin1Share (share). Reset in one assignment.
  struct KeyVotes {
    double except_all = 0;
    int32_t except_head = -1;
    double share = 0;
  };
  std::vector<KeyVotes> by_key_;
  std::vector<ExceptRow> except_;
  bool share_exact_ = true;
  double share_total_ = 0;
  std::vector<SharePair> share_pairs_;
};

struct Choice {
  GeoId id = kNoGeoId;
  double score = -1e9;
  bool accepted = false;
  bool support_admin1 = false;
  bool support_container = false;
  bool support_link = false;  // an admin2 of the document holds it, or holds a place of it
  bool exact = false;  // the entry's own name, not an alternate
};
bool SameChoice(const Choice& a, const Choice& b) {
  return a.id == b.id && a.score == b.score && a.accepted == b.accepted &&
         a.support_admin1 == b.support_admin1 && a.support_container == b.support_container &&
         a.support_link == b.support_link && a.exact == b.exact;
}

// A per-thread memo of names read without context (see Resolver::ContextFreeSlot): what the
// choice reads (the entry list, the candidate's own evidence, its entries' own-name and link
// flags, its container chain) → the choice Pass makes before acceptance. News names the same
// places document after document, and the first pass reads each one so. Direct-mapped by a hash
// of the key, tagged with the gazetteer's serial (+1, so 0 is empty) as the bases memo is.
struct ContextFreeMemo {
  static constexpr size_t kSlots = 8192;  // 832 KB per thread
  struct Key {
    const GeoId* ids = nullptr;
    uint32_t n = 0;
    uint32_t evidence = 0;
    uint64_t exact = 0;   // bit i: entry i named by its own name
    uint64_t linked = 0;  // bit i: entry i by its own name in a hierarchy link
    // The container chain (up to 3 links): each one's entry list, or its forced reading (an
    // odd number: the id shifted up by one, plus one); 0 past the chain's end.
    uint64_t containers[3] = {0, 0, 0};
    uint32_t container_n[3] = {0, 0, 0};
    bool operator==(const Key&) const = default;
  };
  struct Slot {
    uint64_t tag = 0;
    Key key;
    Choice best;  // not accepted: acceptance reads more of the candidate
  };
  static Slot& SlotOf(const Key& key) {
    static thread_local ContextFreeMemo t_memo;
    uint64_t h = reinterpret_cast<uintptr_t>(key.ids) >> 2 ^ uint64_t{key.evidence} << 40;
    h = (h ^ key.exact) * 0x9e3779b97f4a7c15ull;
    h = (h ^ key.linked ^ key.containers[0] ^ key.containers[1] << 7) * 0x9e3779b97f4a7c15ull;
    return t_memo.slots[h >> 51];
  }
  Slot slots[kSlots];
};
static_assert(ContextFreeMemo::kSlots == size_t{1} << (64 - 51));

// Words of American local news that name no place themselves: a sheriff, a "X County"/"X Parish"
// (Irish counties put "County" first), a township, an interstate; and the house style of its
// papers: a time written "5 p.m.", a date written "Feb. 9" (AP style), a councilman or
// alderman, an elementary/middle school or a "third-grader", state troopers or a state
// patrol. Counted once per kind. The house style (times and dates) is also the Canadian Press's:
// `style` counts those kinds apart.
// The same scan counts the cues of British and Canadian local news, whose towns share their names
// with American ones (London, Richmond, Lancaster): British, a time written "4am" or "10.30pm",
// a Crown or magistrates' court, a constabulary, the NHS, GCSEs, "mum", a county of England
// ("Yorkshire"); Canadian, the RCMP or OPP, a Mountie, a constable written "Const. Smith".
// (Not "MPP", also a Burkinabe party; nor Commonwealth spelling, "centre", "defence":
// international conflict news is written that way too.)
struct UsCues {
  int kinds = 0;  // all kinds, style included
  int style = 0;  // "5 p.m.", "Feb. 9"
  int british = 0;   // kinds of British cues
  int canadian = 0;  // kinds of Canadian cues
};
// The counties of England named "-shire" that no American state or county shares (not
// Cheshire, Hampshire, Berkshire): named anywhere, even in a longer name ("Yorkshire Law
// Society"), they place the text in England.
constexpr std::string_view kEnglishShires[] = {
    "Bedfordshire",   "Buckinghamshire", "Cambridgeshire",   "Derbyshire",
    "Gloucestershire", "Herefordshire",  "Hertfordshire",    "Lancashire",
    "Leicestershire", "Lincolnshire",    "Northamptonshire", "Nottinghamshire",
    "Oxfordshire",    "Shropshire",      "Staffordshire",    "Warwickshire",
    "Wiltshire",      "Worcestershire",  "Yorkshire"};
bool EnglishShire(std::string_view w) {
  for (std::string_view c : kEnglishShires) {
    if (c == w) return true;
  }
  return false;
}
// Also collects, in text order, the ISO2 codes of the missions of one country the text names
// (MissionCountry): the same scan over the words, so the resolver need not make a second one.
// kFilter a template parameter: the scan of every word (false) is the reference checks' alone,
// and the filtered one is compiled without a test of it per word.
template <bool kFilter = true>
UsCues CountUsCues(const Document& doc, std::vector<std::string_view>* missions) {
  bool sheriff = false, county = false, township = false, interstate = false, parish = false;
  bool clock = false, ap_date = false, council = false, school = false, troopers = false;
  bool uk_clock = false, uk_court = false, constabulary = false, nhs = false, mum = false;
  bool rcmp = false, constable = false, shire = false;
  // Local views of the tokens and the text: the compiler would load them again after every
  // store of the scan (the missions' push_back may alias them).
  const std::span<const Token> tokens(doc.tokens);
  const char* const text = doc.text.data();
  // Token spans lie inside the text (Segment makes them so): views without substr's check.
  auto word = [&](size_t i) {
    const Span& sp = tokens[i].span;
    return std::string_view(text + sp.begin, sp.end - sp.begin);
  };
  // The word before token i ("" at the start).
  auto before = [&](size_t i) { return i == 0 ? std::string_view() : word(i - 1); };
  // A day number at token i ("9" of "Feb. 9").
  auto day_at = [&](size_t i) {
    return i < tokens.size() && tokens[i].kind == TokenKind::kNumber &&
           tokens[i].span.size() <= 2;
  };
  // A month cut short ("Feb", "Sept") at token i, then its period and the day. (Not "Mar",
  // "Apr", "Jun", "Jul": AP style writes those months out.)
  auto ap_month = [&](size_t i, std::string_view w) {
    const bool dot = w.back() == '.';
    const std::string_view m = dot ? w.substr(0, w.size() - 1) : w;
    if (!(Eq(m, "Jan") || Eq(m, "Feb") || Eq(m, "Aug") || Eq(m, "Sept") || Eq(m, "Oct") ||
          Eq(m, "Nov") || Eq(m, "Dec"))) {
      return false;
    }
    size_t next = i + 1;
    if (!dot) {
      if (next >= tokens.size() || !Eq(word(next), ".")) return false;
      ++next;
    }
    return day_at(next);
  };
  // Per first byte, bit n set when a word of n bytes starting with it may be a cue below: every
  // word of 9 to 16 bytes, every capital of 3 to 7 bytes (missions), the switch's words of 8
  // ("Alderman", "Counties", "Mounties", "Sheriffs", "Township"), and its short lower-case words.
  // Most words of a text are none (checked against the unfiltered scan under the reference
  // checks).
  static constexpr std::array<uint32_t, 256> kCueLengths = [] {
    std::array<uint32_t, 256> lengths{};
    constexpr uint32_t k9To16 = 0xFF00u << 1;
    for (uint32_t& l : lengths) l = k9To16;
    constexpr uint32_t k3To7 = 0b11111000;
    for (char c = 'A'; c <= 'Z'; ++c) lengths[static_cast<unsigned char>(c)] |= k3To7;
    for (char c : std::string_view("ACMST")) lengths[static_cast<unsigned char>(c)] |= 1u << 8;
    for (char c : std::string_view("apm")) lengths[static_cast<unsigned char>(c)] |= 0b11000;
    lengths['s'] |= 0b111100000;  // "state", "school", "sheriff", "sheriffs"
    lengths['t'] |= 1u << 8;      // "township"
    return lengths;
  }();
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::kWord) {
      if (tokens[i].kind != TokenKind::kAlnum) continue;
      // "4am", "10.30pm": British papers write times without periods.
      std::string_view w = word(i);
      if (!uk_clock && w.size() >= 3 && w.size() <= 7 && w[0] >= '0' && w[0] <= '9' &&
          (w.ends_with("am") || w.ends_with("pm"))) {
        const std::string_view digits = w.substr(0, w.size() - 2);
        uk_clock = digits.find_first_not_of("0123456789.:") == std::string_view::npos;
      }
      continue;
    }
    std::string_view w = word(i);
    const size_t n = w.size();
    if constexpr (kFilter) {
      // (The text's byte at a token's begin is there even for an empty token: a std::string's
      // byte at size() is its terminator.)
      const auto first = static_cast<unsigned char>(text[tokens[i].span.begin]);
      if (n > 16 || (kCueLengths[first] >> n & 1) == 0) continue;
    } else if (n < 3 || n > 16) {
      continue;
    }
    // MissionCountry's own first test, here to spare a call per word.
    if (n <= 7 && w[0] >= 'A' && w[0] <= 'Z') {
      if (const std::string_view iso2 = MissionCountry(w); !iso2.empty()) missions->push_back(iso2);
    }
    if (!shire && n >= 9 && w[0] >= 'A' && w[0] <= 'Z' && EndsWithLit(w, "shire")) {
      shire = EnglishShire(w);
    }
    switch (w[0]) {
      case 'a':
      case 'p':
        // "5 p.m.", "10:30 a.m.": a number right before.
        if (n <= 4 && w[1] == '.' && w[2] == 'm' && i > 0 &&
            tokens[i - 1].kind == TokenKind::kNumber) {
          clock = true;
        }
        break;
      case 'A':
        if (n <= 4) ap_date = ap_date || ap_month(i, w);
        else if (Eq(w, "Alderman") || Eq(w, "Aldermen"))
          council = true;
        break;
      case 'D':
      case 'F':
      case 'J':
        if (n <= 4) ap_date = ap_date || ap_month(i, w);
        break;
      case 'S':
      case 's':
        if (n <= 5) {
          if (w[0] == 'S' && w[1] == 'e') ap_date = ap_date || ap_month(i, w);
          // "State Police", "state troopers", "State Patrol" (a Highway Patrol below).
          if ((Eq(w, "State") || Eq(w, "state")) && i + 1 < tokens.size()) {
            std::string_view next = word(i + 1);
            if (Eq(next, "troopers") || Eq(next, "trooper") || Eq(next, "Troopers") ||
                Eq(next, "Trooper") || Eq(next, "Patrol") || Eq(next, "Police")) {
              troopers = true;
            }
          }
        } else if (n == 6) {
          if (Eq(w, "school") || Eq(w, "School")) {
            std::string_view p = before(i);
            if (Eq(p, "elementary") || Eq(p, "Elementary") || Eq(p, "middle") || Eq(p, "Middle")) {
              school = true;
            }
          }
        } else {
          // (n >= 7 here: the first seven bytes, compared inline.)
          const std::string_view head(w.data(), 7);
          if (Eq(head, "Sheriff") || Eq(head, "sheriff")) sheriff = true;
          if (Eq(w, "Selectmen") || Eq(w, "selectmen") || Eq(w, "Selectman")) council = true;
        }
        break;
      case 'C':
        if (Eq(w, "Constabulary")) constabulary = true;
        // "Crown Court"; "Const. Jane Smith" (the tokenizer splits the period off).
        if (Eq(w, "Crown") && i + 1 < tokens.size() && Eq(word(i + 1), "Court"))
          uk_court = true;
        if (Eq(w, "Const") && i + 2 < tokens.size() && Eq(word(i + 1), ".") &&
            tokens[i + 2].kind == TokenKind::kWord && word(i + 2)[0] >= 'A' &&
            word(i + 2)[0] <= 'Z') {
          constable = true;
        }
        if (Eq(w, "County") || Eq(w, "Counties")) {
          std::string_view p = before(i);
          if (!p.empty() && p[0] >= 'A' && p[0] <= 'Z') county = true;
        } else if (n >= 10 && w.starts_with("Council") &&
                   (Eq(w, "Councilman") || Eq(w, "Councilwoman") || Eq(w, "Councilmember") ||
                    Eq(w, "Councilmen"))) {
          council = true;
        }
        break;
      case 'M':
        if (Eq(w, "Magistrates"))
          uk_court = true;
        else if (Eq(w, "Mountie") || Eq(w, "Mounties"))
          rcmp = true;
        else if (Eq(w, "Mum"))
          mum = true;
        break;
      case 'm':
        if (Eq(w, "magistrates"))
          uk_court = true;
        else if (Eq(w, "mum") || Eq(w, "mums"))
          mum = true;
        break;
      case 'c':
        if (Eq(w, "constabulary")) constabulary = true;
        break;
      case 'N':
        if (Eq(w, "NHS"))
          nhs = true;
        else if (n <= 4) ap_date = ap_date || ap_month(i, w);
        break;
      case 'G':
        if (Eq(w, "GCSE") || Eq(w, "GCSEs")) nhs = true;  // the same kind: British public services
        break;
      case 'R':
        if (Eq(w, "RCMP")) rcmp = true;
        break;
      case 'O':
        if (Eq(w, "OPP"))
          rcmp = true;  // the Ontario Provincial Police
        else if (n <= 4) ap_date = ap_date || ap_month(i, w);
        break;
      case 'P':
        if (Eq(w, "Parish")) parish = true;
        if (Eq(w, "Patrol") && Eq(before(i), "Highway")) troopers = true;
        break;
      case 'T':
      case 't':
        if (Eq(w, "Township") || Eq(w, "township")) township = true;
        break;
      case 'I':
        if (Eq(w, "Interstate")) interstate = true;
        break;
      default: break;
    }
    // "third-grader", "fifth-graders": one word with its hyphen.
    if (n >= 9 && (w.back() == 'r' || w.back() == 's') &&
        (EndsWithLit(w, "-grader") || EndsWithLit(w, "-graders"))) {
      school = true;
    }
  }
  UsCues cues;
  cues.british = uk_clock + uk_court + constabulary + nhs + mum + shire;
  cues.canadian = rcmp + constable;
  cues.style = clock + ap_date;
  cues.kinds =
      sheriff + county + township + interstate + parish + council + school + troopers + cues.style;
  return cues;
}

// "£5", "£ 20,000": sums in pounds sterling, British local news.
bool CountsPounds(const Document& doc) {
  const std::string_view text = doc.text;
  for (size_t at = text.find("\xC2\xA3"); at != std::string_view::npos;
       at = text.find("\xC2\xA3", at + 2)) {
    size_t d = at + 2;
    if (d < text.size() && text[d] == ' ') ++d;
    if (d < text.size() && text[d] >= '0' && text[d] <= '9') return true;
  }
  return false;
}

class Resolver {
 public:
  Resolver(const Document& doc, const Gazetteer& gaz, std::vector<Candidate>& cands)
      : doc_(doc), gaz_(gaz), cands_(cands) {
    choices_.assign(cands_.size(), Choice{});
    ctx_.Reset();
    ctx_.Reserve(ContextIdLimit(gaz_));
    std::vector<std::string_view>& missions = scratch_.missions;  // ISO2 codes, text order
    us_cues_ = CountUsCues(doc_, &missions);
    if (check_) {  // the short-word filter against the scan of every word
      std::vector<std::string_view> every_missions;
      const UsCues every = CountUsCues</*kFilter=*/false>(doc_, &every_missions);
      Checked(every.kinds == us_cues_.kinds && every.style == us_cues_.style &&
                  every.british == us_cues_.british && every.canadian == us_cues_.canadian &&
                  every_missions == missions,
              true);
    }
    if (us_cues_.kinds > 0) {  // looked up only for a document whose cues vote for it
      if (auto us = gaz_.CountryByIso2("US")) us_ = us->id();
    }
    // Sums in pounds sterling are one more kind of British cue.
    if (CountsPounds(doc_)) ++us_cues_.british;
    if (us_cues_.british > 0) {
      if (auto gb = gaz_.CountryByIso2("GB")) britain_ = gb->id();
    }
    if (us_cues_.style > 0 || us_cues_.canadian > 0) {
      if (auto ca = gaz_.CountryByIso2("CA")) canada_ = ca->id();
    }
    // "Canada ... Canadian winters": the demonym of a country the text names, not the small
    // town spelled the same ("Canadian", Texas), unless the text places it ("in Canadian").
    // (Without the country named, "English" is mostly the language.)
    std::vector<std::pair<size_t, GeoId>> demonyms;  // (candidate, country): rare, so unpooled
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Candidate& c = cands_[k];
      if (c.ids.empty() || c.demonym_country != kNoGeoId || c.forced != kNoGeoId ||
          c.region != nullptr || c.tok_end != c.tok_begin + 1 || c.type != TypeHint::kNone ||
          c.firm_prep || c.cue >= 2 || c.container >= 0 || c.all_caps) {
        continue;
      }
      std::span<const GeoId> countries;
      if (c.key_demonyms.has_value()) {
        countries = *c.key_demonyms;
        if (check_) {
          const std::span<const GeoId> looked_up = gaz_.FindDemonymFolded(c.key);
          Checked(countries.data() == looked_up.data() && countries.size() == looked_up.size(),
                  true);
        }
      } else {
        countries = gaz_.FindDemonymFolded(c.key);
      }
      if (!countries.empty()) demonyms.push_back({k, countries[0]});
    }
    if (!demonyms.empty()) {
      // The countries the text names (entry lists put a country first) or has a demonym of.
      std::vector<GeoId>& named = countries_scratch_;
      named.clear();
      for (const Candidate& c : cands_) {
        if (c.demonym_country != kNoGeoId) named.push_back(c.demonym_country);
        if (!c.ids.empty() && gaz_.Entry(c.ids[0]).kind() == GeoKind::kCountry) {
          named.push_back(c.ids[0]);
        }
      }
      for (const auto& [k, country] : demonyms) {
        if (std::find(named.begin(), named.end(), country) == named.end()) continue;
        cands_[k].demonym_country = country;
        cands_[k].ids = {};
      }
    }
    for (const ActorMention& a : doc_.actors) {
      if (a.generic) continue;
      if (!a.country_iso3.empty()) {
        if (auto c = gaz_.CountryByIso3(a.country_iso3)) {
          actor_countries_.push_back({a.span, c->id(), 1.0});
        }
        continue;
      }
      // A group of several countries ("JNIM"): each of them, sharing one vote.
      std::string_view area = GroupArea(a.actor);
      if (area.empty()) continue;
      const double n = static_cast<double>(std::count(area.begin(), area.end(), '|') + 1);
      for (size_t pos = 0; pos < area.size();) {
        size_t bar = std::min(area.find('|', pos), area.size());
        if (auto c = gaz_.CountryByIso2(area.substr(pos, bar - pos))) {
          actor_countries_.push_back({a.span, c->id(), 1.0 / n});
        }
        pos = bar + 1;
      }
    }
    // Missions of one country ("the OSCE SMM", "UNIFIL"): once each.
    for (const std::string_view iso2 : missions) {
      if (auto c = gaz_.CountryByIso2(iso2);
          c && std::find(mission_countries_.begin(), mission_countries_.end(), c->id()) ==
                   mission_countries_.end()) {
        mission_countries_.push_back(c->id());
      }
    }
    // One dense number per distinct key: the per-name caches below are then flat arrays, not
    // hash maps allocating a node (and a vector) per name and pass.
    // Numbered in order of first mention through an open-addressing table (linear time: a
    // long document has thousands of candidates).
    size_t cap = 16;
    while (cap < 2 * cands_.size()) cap <<= 1;
    std::vector<int32_t>& slots = scratch_.key_slots;  // key number, -1 when empty
    slots.assign(cap, -1);
    std::vector<std::string_view>& key_of = scratch_.key_of;  // key number → key
    cand_.assign(cands_.size(), CandRow{});
    for (size_t k = 0; k < cands_.size(); ++k) {
      const std::string_view key = cands_[k].key;
      size_t h = HashBytes(key) & (cap - 1);
      while (slots[h] >= 0 && key_of[slots[h]] != key) h = (h + 1) & (cap - 1);
      if (slots[h] < 0) {
        slots[h] = static_cast<int32_t>(key_of.size());
        key_of.push_back(key);
      }
      cand_[k].key = static_cast<uint32_t>(slots[h]);
    }
    num_keys_ = static_cast<uint32_t>(key_of.size());
    uint32_t empty_key = Context::kNone;
    for (uint32_t id = 0; id < num_keys_; ++id) {
      if (key_of[id].empty()) empty_key = id;
    }
    ctx_.SetKeys(num_keys_, empty_key);
    // Per key: whether all its mentions with entries share one list of one entry (see
    // OnlyChoice), and none is a forced reading.
    keys_.assign(num_keys_, KeyRow{});
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Candidate& c = cands_[k];
      const uint32_t key = cand_[k].key;
      if (c.forced != kNoGeoId) keys_[key].one_entry = false;
      if (c.ids.empty()) continue;
      if (c.ids.size() != 1 ||
          (keys_[key].one_entry_ids != nullptr && keys_[key].one_entry_ids != c.ids.data())) {
        keys_[key].one_entry = false;
      }
      keys_[key].one_entry_ids = c.ids.data();
    }
    // "Dublin City Council" beside "Dublin": the longer name votes as the town's own, so that a
    // namesake it reads as elsewhere does not vouch for the town's namesake there.
    for (CandRow& row : cand_) row.voter = row.key;
    for (size_t k = 0; k < cands_.size(); ++k) {
      std::string_view base = cands_[k].key;
      if (base.ends_with(" city")) base.remove_suffix(5);
      else if (base.starts_with("city of ")) base.remove_prefix(8);
      else continue;
      if (const uint32_t key = FindKey(base); key != Context::kNone) cand_[k].voter = key;
    }
  }

  static size_t ContextIdLimit(const Gazetteer& gaz) {
    const Gazetteer::Stats st = gaz.stats();
    return size_t{st.countries} + st.admin1;
  }
  // The number of candidate c's key (c is one of cands_).
  uint32_t KeyOf(const Candidate& c) const { return cand_[static_cast<size_t>(&c - cands_.data())].key; }

  std::vector<PlaceMention> Run() {
    // The entry records are read in scattered order below; in a short document fetch them all
    // up front so their cache misses overlap (a long one's would not stay in cache).
    {
      size_t total = 0;
      for (const Candidate& c : cands_) total += std::min(c.ids.size(), kMaxEntries);
      entries_fetched_ = total <= 1024;
      if (entries_fetched_) {
        // The recognizer fetched the first 16 of each name's (and its own-name flags) already.
        for (const Candidate& c : cands_) {
          const size_t n = std::min(c.ids.size(), kMaxEntries);
          gaz_.PrefetchEntries(c.ids.subspan(std::min<size_t>(n, 16), n - std::min<size_t>(n, 16)));
        }
      }
    }
    // Sentences naming a province/state explicitly ("Idlib province", "Borno state"), and
    // sentences naming a country as the container of the name before it ("Aleppo, Syria");
    // the divisions written as a container, set off by a comma or a bracket (SetOffAdmin1).
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Candidate& c = cands_[k];
      const bool container = k > 0 && cands_[k - 1].tok_end + 1 == c.tok_begin &&
                             doc_.Slice(doc_.tokens[c.tok_begin - 1].span) == ",";
      if (c.type == TypeHint::kNone && !c.all_caps && SetOff(c) && !ListContinues(c.tok_end)) {
        NoteSetOffAdmin1(k);  // (not an acronym: "(Islamabad, FCT)" is not Nigeria's FCT)
      }
      if (c.type != TypeHint::kAdmin1 && !container) continue;
      const uint8_t flag = c.type == TypeHint::kAdmin1 ? kNamesAdmin1 : kNamesCountry;
      const GeoKind wanted = flag == kNamesAdmin1 ? GeoKind::kAdmin1 : GeoKind::kCountry;
      const size_t n = std::min(c.ids.size(), kMaxEntries);
      for (size_t i = 0; i < n; ++i) {
        if (gaz_.Entry(c.ids[i]).kind() == wanted) {
          if (sentence_flags_.size() <= c.sentence) sentence_flags_.resize(c.sentence + 1, 0);
          sentence_flags_[c.sentence] |= flag;
          break;
        }
      }
    }
    FindLinks();
    Pass(/*proximity=*/false);
    BuildContext();
    Pass(false);
    // BuildContext reads of the choices only their acceptance and the accepted ones' entries:
    // when the second pass accepted as the first, with the same entries (whatever the rejected
    // readings changed to), the context is the one built already, and the third pass's terms are
    // the second's but for proximity (TermsOf adds it to the kept terms). Most short documents.
    // (Rebuilt anyway under the reference checks, which compare the kept terms with it.)
    keep_terms_ = SameChoicesAsContext(/*entries=*/true);
    if (!keep_terms_ || check_) BuildContext();
    Pass(true);
    keep_terms_ = false;
    DropUncontained();
    ContainerNamesItsDivision();
    OneSensePerDiscourse();
    CityOfTown();
    return Emit();
  }

 private:
  // The level/population part of Prior: the entry's alone, so Pass computes it once per name.
  static double PriorBase(const GeoEntry& e) {
    double s = 0;
    switch (e.kind()) {
      case GeoKind::kCountry: s = 8.5; break;
      case GeoKind::kAdmin1: s = 6; break;
      case GeoKind::kAdmin2: s = 2; break;
      case GeoKind::kPlace: {
        s = PopulationPrior(e.population());
        std::string_view fc = e.feature_code();
        // PPLG: the seat of government where it is not the capital ("La Paz").
        if (Eq(fc, "PPLC") || Eq(fc, "PPLG"))
          s += 2.5;
        else if (Eq(fc, "PPLA"))
          s += 2.5;  // "Odessa", "Idlib": the seat over its province
        else if (Eq(fc, "PPLA2"))
          s += 0.5;
        break;
      }
    }
    return s;
  }

  double PriorFrom(double base, GeoKind kind, bool has_coordinates, const Candidate& c,
                   bool exact) const {
    double s = base;
    switch (c.type) {
      case TypeHint::kAdmin1:
        s += kind == GeoKind::kAdmin1 ? 5 : kind == GeoKind::kCountry ? -3 : -2;
        break;
      case TypeHint::kAdmin2:
        s += kind == GeoKind::kAdmin2 ? 5 : kind == GeoKind::kAdmin1 ? 1 : -2;
        break;
      case TypeHint::kPlace:
        s += kind == GeoKind::kPlace ? 3 : -3;
        break;
      default: break;
    }
    // A dateline names a city, not the state or county of the same name ("NEW YORK (AP)"), as
    // "the town of" does (but the rules for a bare name still apply: "WASHINGTON" the capital).
    // Firmer against divisions: the places of the story lie inside the state and vote for it.
    if (c.dateline && c.type == TypeHint::kNone) {
      if (kind == GeoKind::kPlace) {
        s += 3;
      } else if (kind == GeoKind::kAdmin1 || kind == GeoKind::kAdmin2) {
        s -= 6;
      }
    }
    if (!has_coordinates) s -= 3;
    if (c.loose) s -= 1;
    // "Ramos Mejia (Buenos Aires)": the province the suburb lies in, not the capital.
    if (c.bracket_after_name && kind == GeoKind::kAdmin1) s += 3;
    // "southern Kaduna": a part of a state, not of its capital.
    if (c.relative && kind != GeoKind::kPlace) s += 4;
    if (exact) {
      // The name itself, not an alternate; a country's own name is what people mean by it.
      s += kind == GeoKind::kCountry ? 3 : 1;
    }
    return s;
  }

  // InContainer(e, cands_[y]) for entry i of candidate k and the container `hop` links up its
  // chain (y), remembered: it holds for the document, and each pass asks again. Flat per
  // candidate: 3 hops × its entries, -1 until asked.
  bool InContainerOf(size_t k, int hop, size_t i, const GeoEntry& e, int y) {
    int32_t& at = cand_[k].in_container_at;
    const size_t n = std::min(cands_[k].ids.size(), kMaxEntries);
    if (at < 0) {
      at = static_cast<int32_t>(in_container_.size());
      in_container_.resize(in_container_.size() + 3 * n, -1);
    }
    int8_t& v = in_container_[static_cast<size_t>(at) + static_cast<size_t>(hop) * n + i];
    if (v < 0) v = InContainer(e, cands_[y]) ? 1 : 0;
    return v != 0;
  }

  // Whether the name right after c, with no word between ("Helmand Afghanistan"), holds e.
  bool NextNameHolds(const Candidate& c, const GeoEntry& e) const {
    const size_t next = static_cast<size_t>(&c - cands_.data()) + 1;
    return next < cands_.size() && cands_[next].sentence == c.sentence &&
           cands_[next].tok_begin == c.tok_end && InContainer(e, cands_[next]);
  }

  // Whether the name right after c, with no word between, reads as a first- or second-level
  // division holding e (NextNameHolds without the country and the nearby town).
  bool NextDivisionHolds(const Candidate& c, const GeoEntry& e) const {
    const size_t next = static_cast<size_t>(&c - cands_.data()) + 1;
    if (next >= cands_.size()) return false;
    const Candidate& d = cands_[next];
    // (The division's name must end there: "George Washington High School" is a school.)
    if (d.sentence != c.sentence || d.tok_begin != c.tok_end || d.forced != kNoGeoId ||
        d.name_neighbour) {
      return false;
    }
    const size_t n = std::min(d.ids.size(), kMaxEntries);
    for (size_t k = 0; k < n; ++k) {
      const GeoId y = d.ids[k];
      if (y != e.id() && (e.admin1_id() == y || e.admin2_id() == y)) return true;
    }
    return false;
  }

  // Out of line: inlined into Pass (as GCC chose once CountUsCues got smaller), its calls cost
  // more instructions than they save.
  [[gnu::noinline]] bool InContainer(const GeoEntry& e, const Candidate& container) const {
    // "Charleston, W.Va.": the container was read as a US state already.
    if (container.forced != kNoGeoId) {
      return e.id() != container.forced &&
             (e.country_id() == container.forced || e.admin1_id() == container.forced);
    }
    size_t n = std::min(container.ids.size(), kMaxEntries);
    for (size_t k = 0; k < n; ++k) {
      GeoId y = container.ids[k];
      if (y == e.id()) continue;
      if (e.country_id() == y || e.admin1_id() == y || e.admin2_id() == y) return true;
      // "Jalalpur, Shamli": the container is a town (or a district known by its seat) nearby.
      GeoEntry ye = gaz_.Entry(y);
      if (k < 16 && ye.kind() != GeoKind::kCountry && ye.kind() != GeoKind::kAdmin1 &&
          e.has_coordinates() && ye.has_coordinates()) {
        const bool near = WithinKm(e.lat(), e.lon(), ye.lat(), ye.lon(), 40);
        if (check_) Checked(near, HaversineKm(e.lat(), e.lon(), ye.lat(), ye.lon()) < 40);
        if (near) return true;
      }
    }
    return false;
  }

  bool Accept(const Candidate& c, const GeoEntry& e, const Choice& ch) const {
    GeoKind kind = e.kind();
    double share = ctx_.ShareExcept(e.country_id(), KeyOf(c));
    bool strong_cue = c.cue >= 2;
    // One letter ("K" of "J&K") is an abbreviation, not a name.
    if (c.key.size() < 2) return false;
    if (c.all_caps && kind != GeoKind::kCountry && !ch.support_container) return false;
    if (c.prev_name) return false;
    // "the Ministry of Justice": a small town's name after an office's "of" is the office's
    // field (Justice, Illinois; Water, for Whittier), not where anything happened.
    // (The level word of "Department of Huila" names a division, never a town.)
    if (c.institution_field && kind == GeoKind::kPlace && e.population() < 100000) {
      return false;
    }
    // A person's name elsewhere: only a firm cue makes this mention a place ("to Bell" is not).
    if (c.person && c.cue < 2 && !c.firm_prep && c.type == TypeHint::kNone &&
        !ch.support_container) {
      return false;
    }
    // A spelling variant after "in" / "at" ("in Ouagadaougou", "in Wassit province") of a
    // division or a city of 50k or more that one country holds, in a document naming no other
    // country, is that place (a small namesake of a shop's name is not: "at Kingsmills store").
    if (c.loose && !(share > 0 && (c.cue >= 1 || ch.support_container)) &&
        !(c.firm_prep && ctx_.TotalExcept(KeyOf(c)) <= 0 && MajorOnlyIn(c, e.country_id()) &&
          (kind != GeoKind::kPlace || e.population() >= 50000))) {
      return false;
    }
    // "Georgia Bureau of Investigation" in a document about the US names the state; elsewhere a
    // capitalized word after a state's name makes a person ("Virginia Woolf") as likely.
    // "at the Bar Elias intersection", "the La Campanera urbanization": after a plain
    // preposition too, a division's name that a capitalized word continues is the first word of
    // a longer local name when nothing else votes for the division's country.
    // ("Helmand Afghanistan" is not one name: the word after holds the division.)
    if (kind == GeoKind::kAdmin1 && c.name_neighbour && c.cue < 2 && share <= 0 &&
        !ch.support_container && !NextNameHolds(c, e)) {
      return false;
    }
    // Only an alternate name of a division ("Gulf", Papua New Guinea's Gulf Province, in "the Gulf
    // states"), in a country that the document's other names give no vote while they vote
    // elsewhere: not that division.
    if (kind == GeoKind::kAdmin1 && !ch.exact && share <= 0 && c.type == TypeHint::kNone &&
        ctx_.TotalExcept(KeyOf(c)) >= kForeignAliasVotes) {
      return false;
    }
    if (kind == GeoKind::kCountry || kind == GeoKind::kAdmin1) return true;
    // "the village of Ariel" in a report on Burkina Faso: only an alternate name of a town in a
    // country the document's other names give no vote while they vote elsewhere (Jerusalem's
    // "Ariel", Lhasa's "Lassa"), for a place the text calls a village, is a village the
    // gazetteer lacks.
    if (c.village && !ch.exact && share <= 0 && ctx_.TotalExcept(KeyOf(c)) > 0 &&
        !ch.support_container && !ch.support_admin1 && !ch.support_link) {
      return false;
    }
    // "the Mossi and Foulse communities", "Fulani tribesmen": a people, not a namesake village.
    if (NamesAPeople(c)) return false;
    // "Tal Baydar" when only "Tal" is a key: a longer name the gazetteer lacks. Unless the name
    // right after is a division holding this entry by its own name: "in Culiacan Sinaloa" is a
    // town and its state ("George Washington", "Ashley Sutton" are not).
    if (c.name_neighbour && !ch.support_container && !(ch.exact && NextDivisionHolds(c, e))) {
      return false;
    }
    if (ch.support_container || ch.support_admin1 || ch.support_link) return true;
    // "near al-Burayj ... Idlib province": the sentence names a province and the document names
    // nothing else in this entry's country, so a same-named town abroad is not what is meant,
    // however large.
    if (ctx_.total > 0 && share <= 0 && InAdmin1Sentence(c.sentence)) return false;
    // "in Kalakan village (Tora area of Dara) in Dawlatabad district, Samangan": a division
    // written after the name as its container, with no division of that name in the entry's
    // country, and nothing else in the document votes for that country: Dara is a local place
    // the gazetteer lacks, not the Syrian city.
    // (A typed name, "Zhari district", is left to the event's location, which reads divisions
    // within the container.)
    if (ctx_.total > 0 && share <= 0 && c.type == TypeHint::kNone &&
        SetOffAdmin1Elsewhere(c, e.country_id())) {
      return false;
    }
    uint64_t pop = e.population();
    // "Kristina said": a small place before a speech verb is a person (metonymy is for capitals).
    if (c.metonymic && c.cue == 0 && kind == GeoKind::kPlace && !Eq(e.feature_code(), "PPLC") &&
        pop < 100000) {
      return false;
    }
    // Only an alternate name of a small place, and nothing says place: a person or a word.
    if (!ch.exact && c.cue == 0 && kind == GeoKind::kPlace && pop < 50000 && !c.modifier) {
      return false;
    }
    if (kind == GeoKind::kAdmin2) {
      return c.type == TypeHint::kAdmin2 || (c.cue >= 1 && share > 0) ||
             UniqueContainerDivision(c, share);
    }
    if ((Eq(e.feature_code(), "PPLC") || Eq(e.feature_code(), "PPLG")) && !c.name_neighbour) {
      return true;
    }
    // Only another language's name of a town abroad ("Bostan", one of Boston's; "Jang", as
    // Anyang's "An'jang" folds) in a sentence that places its names in a country ("in
    // Al-Bostan, a district of Aleppo, Syria"): a local place the gazetteer lacks.
    if (!ch.exact && share <= 0 && InCountrySentence(c.sentence)) return false;
    uint64_t need;
    // "the village of Dambatao": a strong cue and a name only one country holds (villages of
    // the full country dumps have no population).
    // Only in a document that names no other country.
    if ((c.cue >= 2 || (c.cue >= 1 && ch.exact)) && SingleCountry(c) &&
        (share > 0 || ctx_.TotalExcept(KeyOf(c)) <= 0)) {
      return true;
    }
    // "militants attacked Koutougou", "near the Mentao refugee camp": a name only one country
    // holds, in a document that names no other country or that one foremost.
    if (c.weak_cue && ch.exact && SingleCountry(c) &&
        (ctx_.TotalExcept(KeyOf(c)) <= 0 || ctx_.LeadsExcept(e.country_id(), KeyOf(c)))) {
      return true;
    }
    if (c.cue >= 1 && share > 0) need = 0;
    else if (c.cue >= 1 && ctx_.TotalExcept(KeyOf(c)) > 0) {
      // The document is about other countries: a foreign town needs to be a known one.
      need = strong_cue ? 5000 : 50000;
    } else if (c.cue >= 1) need = strong_cue ? 1000 : 5000;
    else if (share > 0) need = 20000;
    else need = 100000;
    if (c.sentence_initial && c.cue == 0) need = std::max<uint64_t>(need, 50000);
    // "attacked the district center, Pul-e Khumri.": a province's seat set off at the end of the
    // sentence or of a bracket, where coders put the province, is where it happened.
    if (c.cue == 0 && Eq(e.feature_code(), "PPLA") && ClosingContainer(c)) {
      need = std::min<uint64_t>(need, 20000);
    }
    return pop >= need;
  }

  // Whether c is set off by a comma or a bracket and closes its sentence or the bracket: the
  // place coders write last, as the container of the ones before.
  bool ClosingContainer(const Candidate& c) const {
    if (!SetOff(c) || c.tok_end >= doc_.tokens.size()) return false;
    const std::string_view after = doc_.Slice(doc_.tokens[c.tok_end].span);
    return Eq(after, ".") || Eq(after, ")");
  }

  // Whether a comma or an opening bracket comes right before c: where a container is written.
  bool SetOff(const Candidate& c) const {
    if (c.tok_begin == 0) return false;
    const std::string_view before = doc_.Slice(doc_.tokens[c.tok_begin - 1].span);
    return Eq(before, ",") || Eq(before, "(");
  }

  // "Barangay Tipo, Tandubas, Tawi-Tawi", "(Khargone, Madhya Pradesh)": a district written as
  // the container of the name before it, the way coders name it, whose name only one country's
  // entries hold, in a document naming no other country.
  bool UniqueContainerDivision(const Candidate& c, double share) const {
    if (!SetOff(c) || !SingleCountry(c)) return false;
    // "Kologo village, Sanmatenga province": with its level word, a division's name only one
    // country holds is that division, whatever country a name before it was read in.
    if (c.type == TypeHint::kAdmin1 || c.type == TypeHint::kAdmin2) return true;
    return share > 0 || ctx_.TotalExcept(KeyOf(c)) <= 0;
  }

  // LocalUse of some mention of the key numbered `key` (rarely asked: no cache).
  bool LocalKey(uint32_t key) const {
    for (size_t k = 0; k < cands_.size(); ++k) {
      if (cand_[k].key == key && (cands_[k].modifier || LocalUse(cands_[k]))) return true;
    }
    return false;
  }

  // True when the text uses the name the way local news uses a town's: before a word for a
  // resident or a local institution ("the Jordan resident", "Jordan elementary"), after a street
  // address ("508 Cumberland St., Lebanon"), or as a dateline ("LEBANON (AP) —").
  bool LocalUse(const Candidate& c) const {
    auto word = [&](size_t i) { return doc_.Slice(doc_.tokens[i].span); };
    const size_t count = doc_.tokens.size();
    if (c.tok_end < count) {
      static constexpr std::string_view kLocal[] = {
          "resident", "residents", "man", "woman", "men", "women", "native", "natives",
          "couple", "family", "teen", "teenager", "boy", "girl", "motorist", "motorcyclist",
          "driver", "elementary", "school", "schools", "police", "firefighters", "council",
          "mayor", "city", "township", "village", "businessman", "homeowners"};
      const std::string_view next = word(c.tok_end);
      for (std::string_view w : kLocal) {
        if (next == w) return true;
      }
      // "Jordan Elementary School", "Jordan Middle School".
      if ((Eq(next, "Elementary") || Eq(next, "Middle")) && c.tok_end + 1 < count &&
          Eq(word(c.tok_end + 1), "School")) {
        return true;
      }
    }
    if (c.tok_begin >= 2 && Eq(word(c.tok_begin - 1), ",")) {
      static constexpr std::string_view kStreet[] = {"St.", "Ave.", "Rd.", "Blvd.", "Street",
                                                     "Avenue", "Road", "Drive", "Lane", "Pike"};
      const std::string_view prev = word(c.tok_begin - 2);
      for (std::string_view w : kStreet) {
        if (prev == w) return true;
      }
      // "St" "." split by the tokenizer.
      if (Eq(prev, ".") && c.tok_begin >= 3) {
        const std::string_view abbr = word(c.tok_begin - 3);
        if (Eq(abbr, "St") || Eq(abbr, "Ave") || Eq(abbr, "Rd") || Eq(abbr, "Blvd")) return true;
      }
    }
    // A dateline: the name in capitals opening a paragraph, then "(AP)" or a dash.
    if (c.all_caps && c.tok_end < count) {
      const bool opens =
          c.tok_begin == 0 ||
          doc_.Slice({doc_.tokens[c.tok_begin - 1].span.end, doc_.tokens[c.tok_begin].span.begin})
                  .find('\n') != std::string_view::npos ||
          Eq(word(c.tok_begin - 1), ".");
      const std::string_view next = word(c.tok_end);
      if (opens && (Eq(next, "(") || Eq(next, "\u2014") || Eq(next, "\u2013") || Eq(next, "-") ||
                    Eq(next, "--"))) {
        return true;
      }
    }
    return false;
  }

  // True when the name is followed by a word for a people ("communities", "tribe", "clan"),
  // possibly after "and" and another capitalized name: "the Mossi and Foulse communities".
  bool NamesAPeople(const Candidate& c) const {
    // "members of the Fulani community" (a lone "community" is a village in Latin American news:
    // "near the La Florida community").
    auto word = [&](size_t i) { return doc_.Slice(doc_.tokens[i].span); };
    // "civilians of the Fulani community", "homes belonging to the Fulani community", "men
    // from the Mossi community": one word after "of the" / "to the" / "from the" is a people
    // too; a village is named for where, not whose.
    const bool of_the = c.tok_begin >= 2 && Eq(word(c.tok_begin - 1), "the") &&
                        (Eq(word(c.tok_begin - 2), "of") || Eq(word(c.tok_begin - 2), "to") ||
                         Eq(word(c.tok_begin - 2), "from"));
    const bool members =
        of_the && ((c.tok_begin >= 3 && (Eq(word(c.tok_begin - 3), "members") ||
                                         Eq(word(c.tok_begin - 3), "member"))) ||
                   c.tok_end == c.tok_begin + 1);
    size_t t = c.tok_end;
    const size_t end = std::min(doc_.tokens.size(), static_cast<size_t>(c.tok_end) + 4);
    for (; t < end; ++t) {
      std::string_view w = doc_.Slice(doc_.tokens[t].span);
      if ((members && Eq(w, "community")) || Eq(w, "communities") || Eq(w, "tribe") ||
          Eq(w, "tribes") || Eq(w, "tribesmen") || Eq(w, "clan") || Eq(w, "clans") ||
          Eq(w, "ethnic")) {
        return true;
      }
      // Only "and" and capitalized words may stand between.
      if (!Eq(w, "and") && (w.empty() || w[0] < 'A' || w[0] > 'Z')) return false;
    }
    return false;
  }

  // True when all entries of the candidate (up to kMaxEntries) lie in one country.
  bool SingleCountry(const Candidate& c) const {
    size_t n = std::min(c.ids.size(), kMaxEntries);
    GeoId country = kNoGeoId;
    for (size_t i = 0; i < n; ++i) {
      GeoEntry e = gaz_.Entry(c.ids[i]);
      GeoId ci = e.kind() == GeoKind::kCountry ? e.id() : e.country_id();
      if (i == 0) country = ci;
      else if (ci != country) return false;
    }
    return n > 0 && country != kNoGeoId;
  }

  // Whether every division and every town of 50k or more among c.ids lies in `country` ("in
  // Quamishli city": Qamishli, not the Russian hamlet Kamyshla that folds alike).
  bool MajorOnlyIn(const Candidate& c, GeoId country) const {
    const size_t n = std::min(c.ids.size(), kMaxEntries);
    for (size_t i = 0; i < n; ++i) {
      GeoEntry e = gaz_.Entry(c.ids[i]);
      if (e.kind() == GeoKind::kPlace && e.population() < 50000) continue;
      if ((e.kind() == GeoKind::kCountry ? e.id() : e.country_id()) != country) return false;
    }
    return country != kNoGeoId;
  }

  // Whether each of c.ids (up to kMaxEntries) is named c.key by its own name rather than an
  // alternate one; folding entry names is the costly part of scoring, so it is done once per key.
  std::span<const uint8_t> ExactNames(const Candidate& c) {
    // Cached per key: the first candidate of a name computes it for all (as ever).
    const uint32_t key = cand_[static_cast<size_t>(&c - cands_.data())].key;
    if (keys_[key].exact_own != nullptr) {
      return std::span<const uint8_t>(keys_[key].exact_own, keys_[key].exact_len);
    }
    if (keys_[key].exact_at < 0) return FirstExactNames(c, key);
    return std::span<const uint8_t>(exact_pool_.data() + keys_[key].exact_at, keys_[key].exact_len);
  }
  // ExactNames for the first candidate of its key (asked once per name: kept out of line).
  [[gnu::noinline]] std::span<const uint8_t> FirstExactNames(const Candidate& c, uint32_t key) {
    size_t n = std::min(c.ids.size(), kMaxEntries);
    // The blob records it per posting of a folded key: those flags are the answer (copied and
    // checked under the reference checks). For other lists (loose matches): every entry is
    // indexed under its folded own names, so an entry is named c.key by its own name exactly
    // when it is among FindFolded(c.key) with the own-name flag.
    std::span<const uint8_t> own = gaz_.OwnNameFlags(c.ids);
    keys_[key].exact_len = static_cast<uint32_t>(n);
    if (!own.empty() && !check_) {
      keys_[key].exact_own = own.data();
      return own.first(n);
    }
    const size_t at = exact_pool_.size();
    keys_[key].exact_at = static_cast<int32_t>(at);
    exact_pool_.resize(at + n);
    uint8_t* flags = exact_pool_.data() + at;
    std::vector<GeoId> own_named;  // for lists from elsewhere, sorted
    const bool by_key = own.empty() && !c.key.empty();
    if (by_key) {
      std::span<const GeoId> named = gaz_.FindFolded(c.key);
      std::span<const uint8_t> named_own = gaz_.OwnNameFlags(named);
      for (size_t j = 0; j < named_own.size(); ++j) {
        if (named_own[j]) own_named.push_back(named[j]);
      }
      std::sort(own_named.begin(), own_named.end());
    }
    for (size_t i = 0; i < n; ++i) {
      uint8_t fast = 0;
      if (!own.empty()) {
        fast = own[i];
      } else if (by_key) {
        fast = std::binary_search(own_named.begin(), own_named.end(), c.ids[i]);
      } else {
        GeoEntry e = gaz_.Entry(c.ids[i]);
        flags[i] = FoldName(e.name()) == c.key || FoldName(e.ascii_name()) == c.key;
        continue;
      }
      if (!check_) {
        flags[i] = fast;
        continue;
      }
      GeoEntry e = gaz_.Entry(c.ids[i]);
      flags[i] =
          Checked(fast, uint8_t{FoldName(e.name()) == c.key || FoldName(e.ascii_name()) == c.key});
    }
    return std::span<const uint8_t>(exact_pool_.data() + keys_[key].exact_at, keys_[key].exact_len);
  }

  // Hierarchy links: an admin2 one name reads as (by its own name) and a place another name
  // reads as lying inside it. "Walker County" and "Huntsville" are the Texas pair, whatever
  // Alabama's larger Huntsville and its own Walker County say; found from the entry lists before
  // any pass, so that the first choices do not lock in the wrong state.
  void FindLinks() {
    links_.clear();
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Candidate& c = cands_[k];
      if (c.firm_prep || c.modifier || c.cue >= 2) keys_[cand_[k].key].firm = true;
    }
    std::vector<std::pair<GeoId, uint32_t>>& admin2 = link_admin2_;  // (admin2 entry, key)
    admin2.clear();
    ForEachExactEntry([&](size_t k, GeoEntry e) {
      if (e.kind() == GeoKind::kAdmin2) admin2.push_back({e.id(), cand_[k].key});
    });
    if (admin2.empty()) return;
    std::sort(admin2.begin(), admin2.end());
    ForEachExactEntry([&](size_t k, GeoEntry e) {
      if (e.kind() != GeoKind::kPlace || e.admin2_id() == kNoGeoId) return;
      auto it = std::lower_bound(admin2.begin(), admin2.end(),
                                 std::pair<GeoId, uint32_t>{e.admin2_id(), 0});
      for (; it != admin2.end() && it->first == e.admin2_id(); ++it) {
        if (it->second == cand_[k].key || SameCity(it->second, cand_[k].key)) continue;
        links_.push_back(e.id());
        links_.push_back(it->first);
        break;
      }
    });
    std::sort(links_.begin(), links_.end());
    links_.erase(std::unique(links_.begin(), links_.end()), links_.end());
  }
  // "City of Richmond" and "Richmond", "Carson City" and "Carson": an independent city's
  // division and the city are one place, not a county and a town inside it.
  bool SameCity(uint32_t admin2_key, uint32_t place_key) const {
    std::string_view a = scratch_.key_of[admin2_key];
    if (a.starts_with("city of ")) a.remove_prefix(8);
    else if (a.ends_with(" city")) a.remove_suffix(5);
    else return false;
    return a == scratch_.key_of[place_key];
  }
  // Calls fn(k, entry) for each entry that candidate k names by its own name (demonyms and
  // forced readings left out).
  template <typename Fn>
  void ForEachExactEntry(Fn&& fn) {
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Candidate& c = cands_[k];
      if (c.demonym_country != kNoGeoId || c.forced != kNoGeoId || c.ids.empty()) continue;
      const size_t n = std::min(c.ids.size(), kMaxEntries);
      const std::span<const uint8_t> exact = ExactNames(c);
      for (size_t i = 0; i < n; ++i) {
        if (exact[i] != 0) fn(k, gaz_.Entry(c.ids[i]));
      }
    }
  }
  bool Linked(GeoId id) const {
    return !links_.empty() && std::binary_search(links_.begin(), links_.end(), id);
  }

  // The resolved non-country mentions with coordinates, one per entry, for the proximity term.
  void CollectAnchors() {
    anchors_.clear();
    std::vector<GeoId>& seen = countries_scratch_;  // the anchors' entries (at most 128)
    seen.clear();
    for (size_t o = 0; o < cands_.size() && anchors_.size() < 128; ++o) {
      if (!choices_[o].accepted || choices_[o].id == kNoGeoId) continue;
      GeoEntry other = gaz_.Entry(choices_[o].id);
      if (other.kind() == GeoKind::kCountry || !other.has_coordinates()) continue;
      if (std::find(seen.begin(), seen.end(), other.id()) != seen.end()) continue;
      seen.push_back(other.id());
      anchors_.push_back({cand_[o].key, UnitVector(other.lat(), other.lon()), other.lat()});
    }
  }

  // What the scoring of one entry takes from the entry and the document context, not from the
  // candidate's own evidence: the same for every mention of a name within a pass, so computed
  // once per name and pass (a long document names the same places again and again).
  // The terms after `lazy` (LazyTerms) are computed only for the entries whose score is
  // wanted: Pass leaves out those whose score cannot beat the name's best.
  struct Terms {
    double base = 0;          // PriorBase
    double share = 0;         // ShareExcept of the entry's country
    size_t children = 0;      // admin1: mentions resolved inside it
    GeoKind kind = GeoKind::kPlace;
    bool has_coordinates = false;
    bool admin1_in_play = false;  // Admin1InPlay of its admin1 (not for countries and admin1)
    uint8_t proximity = 0;    // 2 within 150 km of an anchor, 1 within 400 km
    bool lazy = false;        // the terms below are computed
    double admin1_share = 0;  // Admin1Share (not for countries and admin1)
    bool has_admin1 = false;  // HasAdmin1 (not for countries and admin1)
    double cover = 0;          // other names with an entry in its admin1 (itself for admin1)
    bool admin2_link = false;  // another name is its admin2, or a place inside it (admin2)
  };
  // PriorBase of each of c.ids (up to kMaxEntries), computed once per document for each name
  // and entry list rather than once per pass, and taken from the bases memo when a document
  // before computed them.
  std::span<const double> BasesOf(const Candidate& c) {
    const uint32_t key = cand_[static_cast<size_t>(&c - cands_.data())].key;
    for (int32_t r = keys_[key].bases_head; r >= 0; r = bases_refs_[r].next) {
      const TermsRef& ref = bases_refs_[r];
      if (ref.ids == c.ids.data()) return {bases_pool_.data() + ref.at, ref.n};
    }
    const size_t n = std::min(c.ids.size(), kMaxEntries);
    const size_t at = bases_pool_.size();
    bases_refs_.push_back({c.ids.data(), static_cast<uint32_t>(at), static_cast<uint32_t>(n),
                           keys_[key].bases_head});
    keys_[key].bases_head = static_cast<int32_t>(bases_refs_.size() - 1);
    bases_pool_.resize(at + n);
    double* bases = bases_pool_.data() + at;
    const uint64_t tag = gaz_.serial() + 1;
    BasesMemo::Slot& slot = BasesMemo::SlotOf(c.ids.data());
    if (slot.tag == tag && slot.ids == c.ids.data() && slot.n == n) {
      std::memcpy(bases, slot.bases, n * sizeof(double));
      if (check_) {
        for (size_t i = 0; i < n; ++i) Checked(bases[i], PriorBase(gaz_.Entry(c.ids[i])));
      }
      return {bases, n};
    }
    for (size_t i = 0; i < n; ++i) bases[i] = PriorBase(gaz_.Entry(c.ids[i]));
    slot.tag = tag;
    slot.ids = c.ids.data();
    slot.n = static_cast<uint32_t>(n);
    std::memcpy(slot.bases, bases, n * sizeof(double));
    return {bases, n};
  }

  std::span<Terms> TermsOf(const Candidate& c, bool proximity) {
    const uint32_t key = cand_[static_cast<size_t>(&c - cands_.data())].key;
    for (int32_t r = keys_[key].terms_head; r >= 0; r = terms_refs_[r].next) {
      TermsRef& ref = terms_refs_[r];
      if (ref.ids != c.ids.data()) continue;
      Terms* out = terms_pool_.data() + ref.at;
      if (proximity && !ref.proximity) {
        // The previous pass's terms, kept because the context is the same (see Run): only the
        // proximity to this pass's anchors is new.
        ref.proximity = true;
        if (check_) {  // kept terms against the queries' answers on the context of this pass
          thread_local std::vector<Terms> fresh;
          fresh.assign(ref.n, Terms{});
          ContextTerms(c, key, fresh.data(), ref.n);
          for (size_t i = 0; i < ref.n; ++i) {
            Checked(out[i].base, fresh[i].base);
            Checked(out[i].share, fresh[i].share);
            Checked(out[i].children, fresh[i].children);
            Checked(out[i].admin1_in_play, fresh[i].admin1_in_play);
            if (!out[i].lazy) continue;
            LazyTerms(gaz_.Entry(c.ids[i]), key, fresh[i]);
            Checked(out[i].admin1_share, fresh[i].admin1_share);
            Checked(out[i].has_admin1, fresh[i].has_admin1);
            Checked(out[i].cover, fresh[i].cover);
            Checked(out[i].admin2_link, fresh[i].admin2_link);
          }
        }
        Proximity(c, key, out, ref.n);
      }
      return {out, ref.n};
    }
    size_t n = std::min(c.ids.size(), kMaxEntries);
    if (!entries_fetched_) gaz_.PrefetchEntries(c.ids.first(n));
    const size_t at = terms_pool_.size();
    terms_refs_.push_back({c.ids.data(), static_cast<uint32_t>(at), static_cast<uint32_t>(n),
                           keys_[key].terms_head, proximity});
    keys_[key].terms_head = static_cast<int32_t>(terms_refs_.size() - 1);
    terms_pool_.resize(at + n);
    Terms* out = terms_pool_.data() + at;
    ContextTerms(c, key, out, n);
    if (proximity) Proximity(c, key, out, n);
    return {out, n};
  }

  // The terms of c.ids[0, n) that the entry and the document context give (all but proximity
  // and the lazy ones), into out[0, n) (value-initialized).
  void ContextTerms(const Candidate& c, uint32_t key, Terms* out, size_t n) {
    const std::span<const double> bases = BasesOf(c);
    // An empty context (the first pass, and documents whose names gave none) answers every
    // query with 0: the entry's own fields are all that is read then, and the lazy terms are 0.
    const bool no_context = ctx_.Empty();
    for (size_t i = 0; i < n; ++i) {
      GeoEntry e = gaz_.Entry(c.ids[i]);
      Terms& t = out[i];
      t.kind = e.kind();
      t.has_coordinates = e.has_coordinates();
      t.base = bases[i];
      t.lazy = no_context;
      if (!no_context) {
        ContextQueries(e, key, t);
      } else if (check_) {  // the fast path's zeros against the queries' answers, in a copy
        Terms q = t;
        ContextQueries(e, key, q);
        LazyTerms(e, key, q);
        Checked(0.0, q.share);
        Checked(size_t{0}, q.children);
        Checked(false, q.admin1_in_play);
        Checked(0.0, q.admin1_share);
        Checked(false, q.has_admin1);
        Checked(false, q.admin2_link);
        Checked(0.0, q.cover);
      }
    }
  }
  // The terms of entry e (kind set in t) that ContextTerms asks the context for.
  void ContextQueries(const GeoEntry& e, uint32_t key, Terms& t) const {
    t.share = ctx_.ShareExcept(t.kind == GeoKind::kCountry ? e.id() : e.country_id(), key);
    if (t.kind == GeoKind::kAdmin1) t.children = ctx_.Children(e.id());
    if (t.kind != GeoKind::kCountry && t.kind != GeoKind::kAdmin1) {
      t.admin1_in_play = ctx_.Admin1InPlay(e.admin1_id());
    }
  }

  // The lazy terms of entry e (ContextTerms's terms in t): the admin1 and coverage queries.
  void LazyTerms(const GeoEntry& e, uint32_t key, Terms& t) const {
    t.lazy = true;
    if (t.kind != GeoKind::kCountry && t.kind != GeoKind::kAdmin1) {
      // Outside the admin1s in play both answer 0 / false (under the checks, asked and compared).
      if (t.admin1_in_play) {
        t.admin1_share = ctx_.Admin1Share(e.admin1_id(), key);
        t.has_admin1 = ctx_.HasAdmin1(e.admin1_id(), key);
      } else if (check_) {
        Checked(0.0, ctx_.Admin1Share(e.admin1_id(), key));
        Checked(false, ctx_.HasAdmin1(e.admin1_id(), key));
      }
      t.admin2_link = t.kind == GeoKind::kAdmin2
                          ? ctx_.admin2_inner.Others(e.id(), key, ctx_.check) >= 0.5
                          : ctx_.admin2_cover.Others(e.admin2_id(), key, ctx_.check) >= 0.5;
    }
    if (t.kind != GeoKind::kCountry) {
      const GeoId a1 = t.kind == GeoKind::kAdmin1 ? e.id() : e.admin1_id();
      t.cover = std::min(3.0, ctx_.admin1_cover.Others(a1, key, ctx_.check));
    }
  }

  // The most that the lazy terms and a container can add to the score of an entry of c, by
  // kind (enum order, from 1) and own name, besides 7 for an entry whose admin1 is in play
  // (Admin1Share <= 1, a part over its whole, and HasAdmin1): Pass's additions, with the
  // document-wide coverage tables' emptiness in place of the queries.
  struct LazyBounds {
    double by_kind[4][2];  // [kind][exact]
  };
  LazyBounds LazyBoundsOf(const Candidate& c) const {
    const double container = c.container >= 0 ? 8 : 0;
    const double cover = ctx_.admin1_cover.Empty() ? 0 : kCoverWeight * 3;  // cover <= 3
    const double inner = ctx_.admin2_inner.Empty() ? 0 : kAdmin2LinkWeight;
    const double outer = ctx_.admin2_cover.Empty() ? 0 : kAdmin2LinkWeight;
    static_assert(static_cast<int>(GeoKind::kCountry) == 1 &&
                  static_cast<int>(GeoKind::kAdmin1) == 2 &&
                  static_cast<int>(GeoKind::kAdmin2) == 3 &&
                  static_cast<int>(GeoKind::kPlace) == 4);
    return {{{container, container},
             {container, container + cover},
             {container, container + cover + inner},
             {container, container + cover + outer}}};
  }

  // Sets the proximity term of out[0, n) (the terms of c.ids) from the anchors of other names.
  void Proximity(const Candidate& c, uint32_t key, Terms* out, size_t n) {
    // The anchors of other names, compared once per name rather than once per entry.
    // Their latitudes' range: an entry farther in latitude than 401 km from all of them is
    // farther than 400 km from each (a great circle is never shorter than the meridian arc
    // between two latitudes), so its proximity is 0 without its unit vector. The 1 km margin is
    // far above the rounding of the dot products.
    near_.clear();
    double near_lat_lo = std::numeric_limits<double>::infinity(), near_lat_hi = -near_lat_lo;
    for (const Anchor& a : anchors_) {
      if (a.key == key) continue;
      near_.push_back(a.v);
      near_lat_lo = std::min(near_lat_lo, a.lat);
      near_lat_hi = std::max(near_lat_hi, a.lat);
    }
    // No anchor of another name: best_dot stays -1, proximity 0, without the unit vector.
    if (near_.empty()) return;
    constexpr double kFarLatDeg = 401.0 / 6371.0088 * 180.0 / M_PI;
    for (size_t i = 0; i < n; ++i) {
      Terms& t = out[i];
      if (!t.has_coordinates || t.kind == GeoKind::kCountry) continue;
      GeoEntry e = gaz_.Entry(c.ids[i]);
      const double lat = e.lat();
      const bool far = lat < near_lat_lo - kFarLatDeg || lat > near_lat_hi + kFarLatDeg;
      if (far && !check_) continue;
      // Compare on the unit sphere: a dot product per anchor, no trigonometry.
      const Vec3 v = UnitVector(lat, e.lon());
      double best_dot = -1;
      for (const Vec3& a : near_) {
        best_dot = std::max(best_dot, v.x * a.x + v.y * a.y + v.z * a.z);
      }
      const int proximity_of = best_dot > kCos150Km ? 2 : best_dot > kCos400Km ? 1 : 0;
      if (far) Checked(0, proximity_of);  // the filter's 0 against the dot products
      else t.proximity = static_cast<uint8_t>(proximity_of);
    }
  }

  // The choice of candidate k when all mentions of its name have the same one entry: that
  // entry, its support and acceptance as Pass finds them. A choice's score ranks the entries of
  // a name, and the mentions of a name (OneSensePerDiscourse, which gives the others the best
  // one's entry: the same one here), so this one's is not computed (left at -1e9), nor its
  // terms; the rules after Pass's loop pick among other entries of the name, which it has none
  // of.
  Choice OnlyChoice(size_t k, bool exact) {
    const Candidate& c = cands_[k];
    const GeoEntry e = gaz_.Entry(c.ids[0]);
    const GeoKind kind = e.kind();
    Choice ch;
    ch.id = e.id();
    ch.exact = exact;
    ch.support_admin1 = kind != GeoKind::kCountry && kind != GeoKind::kAdmin1 &&
                        ctx_.HasAdmin1(e.admin1_id(), cand_[k].key);
    for (int y = c.container, hops = 0; y >= 0 && hops < 3; y = cands_[y].container, ++hops) {
      if (InContainerOf(k, hops, 0, e, y)) {
        ch.support_container = true;
        break;
      }
    }
    ch.support_link = exact && Linked(ch.id);
    ch.accepted = Accept(c, e, ch);
    return ch;
  }

  // The memo slot of candidate k's context-free choice (ContextFreeMemo), claimed for it, or
  // nullptr when the pass reads more than the memo's key. A pass without proximity on an empty
  // context (the first; a second after a first that gave no context) scores each entry by its
  // prior, which the name's level word, dateline, spelling and direction word adjust and its own
  // name raises, plus a container that holds it and a hierarchy link; no entry is in a context
  // country (no fallback reading), and the rules after the scoring read the level word, the
  // institution use, whether a mention of the name is firmly a place, and whether the text has
  // American local-news cues.
  ContextFreeMemo::Slot* ContextFreeSlot(size_t k, std::span<const uint8_t> exact,
                                         bool proximity) {
    if (proximity || !ctx_.Empty()) return nullptr;
    const Candidate& c = cands_[k];
    ContextFreeMemo::Key key;
    key.ids = c.ids.data();
    key.n = static_cast<uint32_t>(c.ids.size());
    static_assert(static_cast<int>(TypeHint::kCountry) < 8);
    key.evidence = static_cast<uint32_t>(c.type) | uint32_t{c.dateline} << 3 |
                   uint32_t{c.loose} << 4 | uint32_t{c.relative} << 5 |
                   uint32_t{c.modifier} << 6 | uint32_t{us_cues_.kinds == 0} << 7 |
                   uint32_t{keys_[cand_[k].key].firm} << 8 | uint32_t{c.bracket_after_name} << 9;
    static_assert(kMaxEntries <= 64);
    for (size_t i = 0; i < exact.size(); ++i) {
      if (exact[i] == 0) continue;
      key.exact |= uint64_t{1} << i;
      if (Linked(c.ids[i])) key.linked |= uint64_t{1} << i;
    }
    for (int y = c.container, hops = 0; y >= 0 && hops < 3; y = cands_[y].container, ++hops) {
      const Candidate& container = cands_[y];
      if (container.forced != kNoGeoId) {
        key.containers[hops] = uint64_t{container.forced} << 1 | 1;
      } else {
        key.containers[hops] = reinterpret_cast<uintptr_t>(container.ids.data());
        key.container_n[hops] = static_cast<uint32_t>(container.ids.size());
      }
    }
    const uint64_t tag = gaz_.serial() + 1;
    ContextFreeMemo::Slot& slot = ContextFreeMemo::SlotOf(key);
    if (slot.tag == tag && slot.key == key) return &slot;
    slot.tag = tag;
    slot.key = key;
    slot.best = Choice{};  // filled by Pass
    return &slot;
  }

  void Pass(bool proximity) {
    if (!keep_terms_) {
      terms_pool_.clear();
      terms_refs_.clear();
      for (KeyRow& row : keys_) row.terms_head = -1;
    }
    if (proximity) CollectAnchors();
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Candidate& c = cands_[k];
      if (c.forced != kNoGeoId) {
        Choice forced;
        forced.id = c.forced;
        forced.score = 100;
        forced.accepted = true;
        choices_[k] = forced;
        continue;
      }
      if (c.demonym_country != kNoGeoId || c.ids.empty()) {
        choices_[k] = Choice{};
        continue;
      }
      // One entry for all mentions of the name: see OnlyChoice (under the reference checks,
      // compared with the full scoring below). It reads no proximity: on the kept context (see
      // Run) the third pass's is the second's, which stands (compared under the checks).
      const bool one_entry = keys_[cand_[k].key].one_entry;
      if (one_entry && proximity && keep_terms_ && !check_) continue;
      size_t n = std::min(c.ids.size(), kMaxEntries);
      const std::span<const uint8_t> exact = ExactNames(c);
      std::optional<Choice> only;
      if (one_entry) {
        only = OnlyChoice(k, exact[0] != 0);
        if (proximity && keep_terms_) {  // (the checks store the full scoring's score)
          Choice before = choices_[k];
          before.score = only->score;
          Checked(SameChoice(*only, before), true);
        }
        if (!check_) {
          choices_[k] = *only;
          continue;
        }
      }
      // Without context, a name read so in a document before is read the same (the checks
      // score it again and compare).
      ContextFreeMemo::Slot* memo = ContextFreeSlot(k, exact.first(n), proximity);
      if (memo != nullptr && memo->best.id != kNoGeoId && !check_) {
        Choice best = memo->best;
        best.accepted = Accept(c, gaz_.Entry(best.id), best);
        choices_[k] = best;
        continue;
      }
      const std::span<Terms> terms = TermsOf(c, proximity);
      // On the kept context (see Run) the third pass differs from the second by proximity
      // alone: a name with no entry near another name's anchor scores as before, and its choice
      // stands (under the reference checks it is scored again and compared).
      const bool as_before =
          proximity && keep_terms_ &&
          std::all_of(terms.begin(), terms.end(), [](const Terms& t) { return t.proximity == 0; });
      if (as_before && !check_) continue;
      // The best-scored entry, and the best of those with coordinates named by their own name;
      // the entries in a country with kFallbackShare of the votes go to in_context_. First with
      // entries left out (not scored, their lazy terms not computed) whose score cannot beat the
      // best so far: their cheap terms plus the bound of the rest (LazyBoundsOf, and 7 for an
      // admin1 in play), with a margin far above the rounding of the sums, stay below the best
      // score, and only a higher score replaces the best; the entries for in_context_ are always
      // scored. The best is then the same, but a left-out entry may have been `placed`: when it
      // is wanted below, the entries are scored again without leaving out (and always under the
      // reference checks, which compare the two).
      Choice best, placed;
      size_t best_i = 0, placed_i = 0;
      {
        constexpr double kMargin = 1e-6;
        const LazyBounds bounds = LazyBoundsOf(c);
        Choice pruned_best, pruned_placed;
        size_t pruned_best_i = 0, pruned_placed_i = 0;
        for (bool prune = true;; prune = false) {
          in_context_.clear();
          best = placed = Choice{};
          best_i = placed_i = 0;
          bool pruned_placeable = false;
          for (size_t i = 0; i < n; ++i) {
            Terms& t = terms[i];
            const GeoKind kind = t.kind;
            // The same additions in the same order as ever: scores stay bit-identical.
            double s = PriorFrom(t.base, kind, t.has_coordinates, c, exact[i] != 0);
            double share = t.share;
            if (share > 0) s += 5 * share + 1;
            if (kind == GeoKind::kAdmin1) {
              // Places of the document inside it: "Atlanta", "Savannah" → Georgia the state.
              if (t.children > 0) s += 3 * std::min<size_t>(2, t.children);
            }
            const bool linked = exact[i] != 0 && Linked(c.ids[i]);
            if (prune && share < kFallbackShare &&
                s + bounds.by_kind[static_cast<int>(kind) - 1][exact[i]] +
                        (t.admin1_in_play ? 7 : 0) + t.proximity + (linked ? kLinkWeight : 0) +
                        kMargin <
                    best.score) {
              pruned_placeable = pruned_placeable || (t.has_coordinates && exact[i] != 0);
              continue;
            }
            GeoEntry e = gaz_.Entry(c.ids[i]);
            if (!t.lazy) LazyTerms(e, cand_[k].key, t);
            Choice ch;
            ch.id = c.ids[i];
            ch.exact = exact[i] != 0;
            if (kind != GeoKind::kCountry && kind != GeoKind::kAdmin1) {
              // The state/province most of the document's other places lie in ("Decatur" with
              // "DeKalb County" and "Avondale Estates" → Georgia).
              s += 3 * t.admin1_share;
            }
            if (exact[i] != 0) {  // an alternate name gets no support from its neighbours
              s += kCoverWeight * t.cover;
              if (t.admin2_link) s += kAdmin2LinkWeight;
            }
            if (kind != GeoKind::kCountry && kind != GeoKind::kAdmin1 && t.has_admin1) {
              s += 4;
              ch.support_admin1 = true;
            }
            // "San Juan, Lagunillas, Merida state": any link of the chain may contain it.
            for (int y = c.container, hops = 0; y >= 0 && hops < 3;
                 y = cands_[y].container, ++hops) {
              if (InContainerOf(k, hops, i, e, y)) {
                s += 8;
                ch.support_container = true;
                break;
              }
            }
            if (t.proximity == 2) s += 2;
            else if (t.proximity == 1) s += 1;
            if (linked) {
              s += kLinkWeight;
              ch.support_link = true;
            }
            ch.score = s;
            if (s > best.score) {
              best = ch;
              best_i = i;
            }
            if (t.has_coordinates && ch.exact && s > placed.score) {
              placed = ch;
              placed_i = i;
            }
            if (share >= kFallbackShare) in_context_.push_back(ch);
          }
          if (!prune) {
            if (check_) {
              Checked(SameChoice(pruned_best, best) && pruned_best_i == best_i &&
                          pruned_context_.size() == in_context_.size() &&
                          std::equal(in_context_.begin(), in_context_.end(),
                                     pruned_context_.begin(), SameChoice) &&
                          (pruned_placed.id == kNoGeoId ||
                           (SameChoice(pruned_placed, placed) && pruned_placed_i == placed_i)),
                      true);
            }
            break;
          }
          const bool wants_placed = !terms[best_i].has_coordinates && !best.support_container &&
                                    !best.support_link && !c.modifier;
          if (!check_ && !(wants_placed && pruned_placeable)) break;
          pruned_best = best;
          pruned_best_i = best_i;
          // Compared only when no entry that may have been `placed` was left out.
          pruned_placed = pruned_placeable ? Choice{} : placed;
          pruned_placed_i = placed_i;
          pruned_context_.assign(in_context_.begin(), in_context_.end());
        }
      }
      // An entry without coordinates (a district known only by name, its centre unknown)
      // cannot be placed on a map: a namesake of the same name with coordinates is meant
      // instead, unless the text's container or a link supports the unplaced entry, or the
      // name only names a local institution ("Dublin City Council" votes for no capital).
      if (best.id != kNoGeoId && !terms[best_i].has_coordinates && placed.id != kNoGeoId &&
          !best.support_container && !best.support_link && !c.modifier) {
        best = placed;
        best_i = placed_i;
      }
      // A country's own name ("China", "Lebanon") means the country, not a town named after
      // it, unless the text places the town ("Lebanon, Tenn.", "the town of China").
      // A town linked to a county of the document is meant when some mention of the name
      // is firmly a place ("Lebanon Police", "in Lebanon" with "Boone County").
      // A town near the document's other places, in the country they are in, is meant where
      // nothing else in the document votes for the country and the text uses the name as a
      // town's ("the Jordan resident ... Shakopee"; a country's people take its demonym).
      const bool local_town = best.id != kNoGeoId && terms[best_i].proximity == 2 &&
                              terms[best_i].share >= kLocalTownShare;
      if (best.id != kNoGeoId && !best.support_container &&
          !(best.support_link && keys_[cand_[k].key].firm) && c.type == TypeHint::kNone &&
          gaz_.Entry(best.id).kind() != GeoKind::kCountry &&
          gaz_.Entry(best.id).kind() != GeoKind::kAdmin1) {
        for (size_t i = 0; i < n; ++i) {
          GeoEntry e = gaz_.Entry(c.ids[i]);
          if (e.kind() == GeoKind::kCountry && exact[i] != 0) {
            if (local_town && terms[i].share <= 0 && LocalKey(cand_[k].key)) break;
            best.id = e.id();
            best.exact = true;
            best.support_admin1 = false;
            break;
          }
        }
      }
      // An alternate name of a place ("Washington", once Watervliet's) yields to a larger
      // capital or city that bears the name as its own, also with "city" after it ("Islamabad
      // city", once Anantnag's name). A national capital's own name wins even over a container:
      // "Washington, New York and Boston" is a list, not Watervliet, N.Y.
      if (best.id != kNoGeoId && !best.exact && !best.support_link &&
          (c.type == TypeHint::kNone || c.type == TypeHint::kPlace)) {
        GeoEntry b = gaz_.Entry(best.id);
        if (b.kind() == GeoKind::kPlace) {
          for (size_t i = 0; i < n; ++i) {
            if (exact[i] == 0) continue;
            GeoEntry e = gaz_.Entry(c.ids[i]);
            const bool capital = Eq(e.feature_code(), "PPLC") || Eq(e.feature_code(), "PPLG");
            if (best.support_container && !capital) continue;
            if (e.kind() == GeoKind::kPlace && e.population() > b.population() &&
                (capital || e.population() >= kStateOverTown)) {
              best.id = e.id();
              best.exact = true;
              best.support_admin1 = false;
              best.support_container = false;
              break;
            }
          }
        }
      }
      // Likewise a state's own name ("Florida", "Nevada") means the state, not a small town of
      // that name that its neighbours' state pulls in, unless the text places the town. And a
      // national capital's own name ("Washington") means the capital, not a small town of that
      // name in the same country, unless the text also names a local institution after it
      // ("Washington Township"). In a document without American local-news cues, a town under
      // 15k likewise yields to a city of 500k (or a state capital of 100k) of the same name in
      // its country ("Louisville" beside "Columbus, Ohio" in a wire story).
      if (best.id != kNoGeoId && !best.support_container && !best.support_link &&
          c.type == TypeHint::kNone) {
        GeoEntry b = gaz_.Entry(best.id);
        if ((b.kind() == GeoKind::kPlace && b.population() < kStateOverTown &&
             !Eq(b.feature_code(), "PPLC") && !Eq(b.feature_code(), "PPLG")) ||
            b.kind() == GeoKind::kAdmin2) {
          // Not where a capital shares the name ("Washington"): the capital is meant as often.
          GeoId state = kNoGeoId, city = kNoGeoId;
          const bool small = b.kind() == GeoKind::kPlace && b.population() < 15000 &&
                             us_cues_.kinds == 0 && !c.modifier;
          for (size_t i = 0; i < n; ++i) {
            if (exact[i] == 0) continue;
            GeoEntry e = gaz_.Entry(c.ids[i]);
            if (small && city == kNoGeoId && e.kind() == GeoKind::kPlace &&
                e.country_id() == b.country_id() &&
                (e.population() >= 500000 ||
                 (Eq(e.feature_code(), "PPLA") && e.population() >= 100000))) {
              city = e.id();
            }
            if (Eq(e.feature_code(), "PPLC") || Eq(e.feature_code(), "PPLG")) {
              state = kNoGeoId;
              if (Eq(e.feature_code(), "PPLC") && e.kind() == GeoKind::kPlace &&
                  e.country_id() == b.country_id() && !c.modifier) {
                state = e.id();  // the capital
              }
              break;
            }
            // A town inside the state it is named like is its seat ("Kherson"), not a namesake.
            if (e.kind() == GeoKind::kAdmin1 && e.country_id() == b.country_id() &&
                b.admin1_id() != e.id() && terms[i].share > 0 && state == kNoGeoId) {
              state = e.id();
            }
          }
          if (state == kNoGeoId) state = city;
          if (state != kNoGeoId) {
            best.id = state;
            best.exact = true;
            best.support_admin1 = false;
          }
        }
      }
      if (memo != nullptr) {
        if (memo->best.id != kNoGeoId) Checked(SameChoice(memo->best, best), true);
        memo->best = best;
      }
      best.accepted = best.id != kNoGeoId && Accept(c, gaz_.Entry(best.id), best);
      if (!best.accepted && best.id != kNoGeoId &&
          gaz_.Entry(best.id).kind() != GeoKind::kCountry) {
        // "JNIM militants ... in Bangao": the larger Bangao abroad fails acceptance, and the
        // village of a country the document is about is what is meant. The best-scored entry
        // in a country with a fair share of the context that passes acceptance, if any.
        std::sort(in_context_.begin(), in_context_.end(),
                  [](const Choice& a, const Choice& b) { return a.score > b.score; });
        for (Choice& alt : in_context_) {
          if (alt.id == best.id || !Accept(c, gaz_.Entry(alt.id), alt)) continue;
          alt.accepted = true;
          best = alt;
          break;
        }
      }
      if (as_before) Checked(SameChoice(best, choices_[k]), true);
      if (only) {
        Choice scored = *only;
        scored.score = best.score;
        Checked(SameChoice(scored, best), true);
      }
      choices_[k] = best;
    }
  }

  // The countries of actor_countries_ whose spans overlap no candidate, in actor order. Found
  // once (the spans do not change) by a sweep: an actor span overlaps a candidate exactly when a
  // candidate beginning before its end ends after its begin.
  const std::vector<std::pair<GeoId, double>>& PlacelessActorCountries() {
    if (placeless_actors_done_) return placeless_actors_;
    placeless_actors_done_ = true;
    if (actor_countries_.empty()) return placeless_actors_;  // (cleared with the scratch)
    std::vector<std::pair<uint32_t, uint32_t>>& spans = scratch_.spans;  // (begin, end) of every candidate
    spans.clear();
    for (const Candidate& c : cands_) spans.emplace_back(c.span.begin, c.span.end);
    std::sort(spans.begin(), spans.end());
    std::vector<uint32_t>& max_end = scratch_.max_end;
    max_end.resize(spans.size());
    for (size_t i = 0; i < spans.size(); ++i) {
      max_end[i] = i == 0 ? spans[i].second : std::max(max_end[i - 1], spans[i].second);
    }
    for (const auto& [span, country, weight] : actor_countries_) {
      const size_t before = static_cast<size_t>(
          std::lower_bound(spans.begin(), spans.end(), span.end,
                           [](const auto& p, uint32_t end) { return p.first < end; }) -
          spans.begin());
      const bool has_place = before > 0 && max_end[before - 1] > span.begin;
      if (check_) {
        bool reference = false;
        for (const Candidate& c : cands_) {
          if (c.span.begin < span.end && span.begin < c.span.end) reference = true;
        }
        Checked(has_place, reference);
      }
      if (!has_place) placeless_actors_.push_back({country, weight});
    }
    return placeless_actors_;
  }

  void BuildContext() {
    Context& ctx = ctx_;
    // The coverage rows read of the choices only which are accepted: with the same accepted as
    // at the last build (the third pass's rebuild, often), the rows built then stand.
    const bool keep_cover = SameChoicesAsContext(/*entries=*/false);
    ctx.Reset(keep_cover);
    uint32_t voter = Context::kNone;  // the key of the mention voting
    auto vote = [&](GeoId country, double w) {
      if (country == kNoGeoId) return;
      ctx.Vote(country, w, voter);
    };
    // Names with entries in several countries vote for each plausible one: a document naming
    // "Athens", "Georgia" and "Clarke County" is about the one country holding all three.
    for (KeyRow& row : keys_) row.voted = row.covered = false;
    std::vector<GeoId>& countries = countries_scratch_;
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Candidate& c = cands_[k];
      if (!choices_[k].accepted || c.ids.size() < 2 || keys_[cand_[k].key].voted) continue;
      keys_[cand_[k].key].voted = true;
      countries.clear();
      size_t n = std::min(c.ids.size(), kMaxEntries);
      for (size_t i = 0; i < n; ++i) {
        GeoEntry e = gaz_.Entry(c.ids[i]);
        if (e.kind() == GeoKind::kPlace && e.population() < 1000) continue;
        GeoId country = e.kind() == GeoKind::kCountry ? e.id() : e.country_id();
        if (std::find(countries.begin(), countries.end(), country) == countries.end()) {
          countries.push_back(country);
        }
      }
      // A name held by many countries ("Santa Clara", a surname read as a town) says nothing of
      // which one the document is about: its votes were only noise against the named places.
      if (countries.size() < 2 || countries.size() > kMaxSharedCountries) continue;
      voter = cand_[k].voter;
      for (GeoId country : countries) vote(country, 0.5);
      voter = Context::kNone;
    }
    if (us_cues_.kinds > 0 && us_ != kNoGeoId) vote(us_, 0.75 * std::min(us_cues_.kinds, 4));
    {
      const double gb = 0.75 * std::min(us_cues_.british, 4);
      // AP style is North American: Canada's papers write it too, more rarely.
      const double ca = 0.25 * us_cues_.style + 0.75 * std::min(us_cues_.canadian, 4);
      if (gb > 0) vote(britain_, gb);
      if (ca > 0) vote(canada_, ca);
    }
    // Coverage of admin1/admin2 by the names accepted so far, each name once (under the
    // reference checks, kept rows are compared with rows built again).
    if (!keep_cover) AddCoverage(ctx.admin1_cover, ctx.admin2_cover, ctx.admin2_inner);
    else if (check_) CheckKeptCoverage();
    // Named armed groups of one country ("Houthi forces", "Koglweogo militiamen") vote like a
    // demonym; an actor written with a place or demonym ("Iraqi forces") is counted there.
    for (const auto& [country, weight] : PlacelessActorCountries()) vote(country, weight);
    for (GeoId country : mission_countries_) vote(country, 1);
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Candidate& c = cands_[k];
      if (c.demonym_country != kNoGeoId) {
        vote(c.demonym_country, 1);
        continue;
      }
      if (!choices_[k].accepted) continue;
      GeoEntry e = gaz_.Entry(choices_[k].id);
      const uint32_t key = cand_[k].voter;
      voter = key;
      switch (e.kind()) {
        case GeoKind::kCountry: vote(e.id(), c.metonymic ? 1 : 2); break;
        case GeoKind::kAdmin1:
          vote(e.country_id(), 1.5);
          ctx.InAdmin1(e.id(), key, /*vote=*/true, 2, /*child=*/false);
          break;
        case GeoKind::kAdmin2:
          vote(e.country_id(), 1);
          if (e.admin1_id() != kNoGeoId) {
            ctx.InAdmin1(e.admin1_id(), key, /*vote=*/true, 1, /*child=*/false);
          }
          break;
        case GeoKind::kPlace:
          // A town read only by a spelling variant ("Pinlaung" as China's Panlong) puts no
          // country in play: two such readings would vouch for each other.
          if (!c.loose) vote(e.country_id(), 0.5);
          if (e.admin1_id() != kNoGeoId) {
            ctx.InAdmin1(e.admin1_id(), key, /*vote=*/false, 1, /*child=*/true);
          }
          break;
      }
      voter = Context::kNone;
    }
    ctx.check = g_reference_checks.load(std::memory_order_relaxed);
    ctx.Finish();
    // What the context was built from (see SameChoicesAsContext).
    context_choices_.resize(choices_.size());
    for (size_t k = 0; k < choices_.size(); ++k) {
      context_choices_[k] = {choices_[k].id, choices_[k].accepted};
    }
  }

  // Adds the coverage rows of the accepted names (see Context) to admin1 (admin1 entries and
  // the admin1 of the others), admin2 (admin2 entries) and inner (the admin2 of places).
  void AddCoverage(CoverRows& admin1, CoverRows& admin2, CoverRows& inner) {
    std::vector<double>& prior = prior_scratch_;
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Candidate& c = cands_[k];
      if (!choices_[k].accepted || c.key.empty() || c.demonym_country != kNoGeoId) continue;
      if (keys_[cand_[k].key].covered) continue;
      keys_[cand_[k].key].covered = true;
      const size_t n = std::min(c.ids.size(), kMaxEntries);
      const std::span<const uint8_t> exact = ExactNames(c);
      double top = -1e9;
      // A name's only entry is its best: weight 1 (its prior minus itself), no prior needed
      // (under the reference checks, computed and compared).
      if (n > 1 || check_) {
        prior.resize(n);  // each set below
        const std::span<const double> bases = BasesOf(c);
        for (size_t i = 0; i < n; ++i) {
          GeoEntry e = gaz_.Entry(c.ids[i]);
          prior[i] = PriorFrom(bases[i], e.kind(), e.has_coordinates(), c, exact[i] != 0);
          top = std::max(top, prior[i]);
        }
      }
      for (size_t i = 0; i < n; ++i) {
        double w = 1;
        if (n > 1) w = 1 - (top - prior[i]) / 5;
        else if (check_) Checked(w, 1 - (top - prior[i]) / 5);
        if (w <= 0 || exact[i] == 0) continue;  // an alternate name: Watervliet's "Washington"
        GeoEntry e = gaz_.Entry(c.ids[i]);
        const uint32_t key = cand_[k].voter;
        switch (e.kind()) {
          case GeoKind::kCountry: break;
          case GeoKind::kAdmin1: admin1.Add(e.id(), key, w); break;
          case GeoKind::kAdmin2:
            admin1.Add(e.admin1_id(), key, w);
            admin2.Add(e.id(), key, w);
            break;
          case GeoKind::kPlace:
            admin1.Add(e.admin1_id(), key, w);
            inner.Add(e.admin2_id(), key, w);
            break;
        }
      }
    }
  }
  // The reference checks of the coverage rows BuildContext kept: built again, the same.
  [[gnu::noinline]] void CheckKeptCoverage() {
    thread_local std::array<CoverRows, 3> fresh;
    for (CoverRows& rows : fresh) rows.Clear();
    AddCoverage(fresh[0], fresh[1], fresh[2]);
    Checked(fresh[0].SameAdds(ctx_.admin1_cover) && fresh[1].SameAdds(ctx_.admin2_cover) &&
                fresh[2].SameAdds(ctx_.admin2_inner),
            true);
  }
  // True when every choice has the acceptance that the last BuildContext read and, with
  // `entries`, an accepted one its entry too (BuildContext reads no other choice's entry).
  bool SameChoicesAsContext(bool entries) const {
    if (context_choices_.size() != choices_.size()) return false;
    for (size_t k = 0; k < choices_.size(); ++k) {
      if (context_choices_[k].second != choices_[k].accepted ||
          (entries && choices_[k].accepted && context_choices_[k].first != choices_[k].id)) {
        return false;
      }
    }
    return true;
  }

  // "near Vesele, Donetsk" when the gazetteer's Vesele lies elsewhere: the writer says where the
  // place is, and it is not the entry found — a village the gazetteer lacks. Leave it out so the
  // division named locates the event.
  void DropUncontained() {
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Candidate& c = cands_[k];
      if (c.container < 0 || !choices_[k].accepted || choices_[k].support_container) continue;
      if (c.forced != kNoGeoId || c.type == TypeHint::kAdmin1) continue;
      Choice& y = choices_[c.container];
      if (!y.accepted || y.id == kNoGeoId) continue;
      GeoEntry ye = gaz_.Entry(y.id);
      GeoId seat_of = kNoGeoId;  // "Vesele, Donetsk": the province named like its seat
      if (ye.kind() == GeoKind::kPlace && ye.admin1_id() != kNoGeoId) {
        const Candidate& yc = cands_[c.container];
        size_t n = std::min(yc.ids.size(), kMaxEntries);
        for (size_t i = 0; i < n && seat_of == kNoGeoId; ++i) {
          if (yc.ids[i] == ye.admin1_id()) seat_of = ye.admin1_id();
        }
      }
      GeoEntry e = gaz_.Entry(choices_[k].id);
      // "Castilla, Piura" with Castilla read as a district of another province: a town the
      // gazetteer lacks, as a town read elsewhere is (not with a level word, "X district, Y",
      // nor in capitals, "CAMP MURRAY, Wash.", a dateline's town).
      const std::string_view written = doc_.Slice(c.span);
      const bool bare_district =
          e.kind() == GeoKind::kAdmin2 && c.type == TypeHint::kNone &&
          std::any_of(written.begin(), written.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
      if (e.kind() != GeoKind::kPlace && !bare_district) continue;
      if (ye.kind() != GeoKind::kAdmin1 && seat_of == kNoGeoId) {
        if (bare_district) continue;
        // "Nogales (Valparaiso)" read as two towns that do not hold each other (Mexico's):
        // the writer named the town's province, and the town is one the gazetteer lacks.
        const GeoId division = UncontainingDivision(k, ye);
        if (division == kNoGeoId) continue;
        y.id = division;
        choices_[k].accepted = false;
        continue;
      }
      // A national capital by its own name is no place the gazetteer lacks: "Washington, New
      // York and Boston" lists cities.
      if (choices_[k].exact && (Eq(e.feature_code(), "PPLC") || Eq(e.feature_code(), "PPLG"))) {
        continue;
      }
      if (seat_of != kNoGeoId) {
        // "X, Donetsk" with X elsewhere: the province is meant, not the city.
        if (InContainer(e, cands_[c.container])) continue;  // within 40 km of the city
        y.id = seat_of;
      }
      choices_[k].accepted = false;
    }
  }

  // "Buenos Aires (Ciudad Autonoma de Buenos Aires)": a container read as the very place it
  // follows names that place's division, when the division bears the name too.
  void ContainerNamesItsDivision() {
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Candidate& c = cands_[k];
      if (c.container < 0 || !choices_[k].accepted || choices_[k].id == kNoGeoId) continue;
      Choice& y = choices_[c.container];
      if (!y.accepted || y.id != choices_[k].id) continue;
      const GeoEntry e = gaz_.Entry(y.id);
      if (e.kind() != GeoKind::kPlace) continue;
      const Candidate& yc = cands_[c.container];
      const size_t n = std::min(yc.ids.size(), kMaxEntries);
      for (size_t i = 0; i < n; ++i) {
        if (yc.ids[i] == e.admin1_id() || yc.ids[i] == e.admin2_id()) {
          y.id = yc.ids[i];
          break;
        }
      }
    }
  }

  // "Hermosillo, Valparaiso and Fresnillo", "Hermosillo, Valparaiso, Fresnillo": a name after a
  // comma that "and", "or" or a comma and a capitalized word follow may be an item of a list
  // rather than the container of the name before it ("X, Y, on Monday" is not).
  bool InList(const Candidate& y) const {
    const size_t count = doc_.tokens.size();
    if (y.tok_begin == 0 || !Eq(doc_.Slice(doc_.tokens[y.tok_begin - 1].span), ",")) return false;
    if (y.tok_end >= count) return false;
    const std::string_view next = doc_.Slice(doc_.tokens[y.tok_end].span);
    if (Eq(next, "and") || Eq(next, "or")) return true;
    if (!Eq(next, ",") || y.tok_end + 1 >= count) return false;
    const std::string_view after = doc_.Slice(doc_.tokens[y.tok_end + 1].span);
    return !after.empty() && after[0] >= 'A' && after[0] <= 'Z';
  }

  // For DropUncontained: the first-level division the container of candidate k names, when k
  // and its container `ye` (a town) were read as two places neither holding the other and no
  // reading of k lies in any reading of the container: the container's first admin1 entry by
  // its own name, or kNoGeoId.
  GeoId UncontainingDivision(size_t k, const GeoEntry& ye) {
    const Candidate& c = cands_[k];
    if (ye.kind() != GeoKind::kPlace) return kNoGeoId;
    const GeoEntry e = gaz_.Entry(choices_[k].id);
    if (e.has_coordinates() && ye.has_coordinates() &&
        WithinKm(e.lat(), e.lon(), ye.lat(), ye.lon(), 40)) {
      return kNoGeoId;
    }
    const Candidate& yc = cands_[c.container];
    if (InList(yc)) return kNoGeoId;
    const size_t n = std::min(c.ids.size(), kMaxEntries);
    for (size_t i = 0; i < n; ++i) {
      if (InContainer(gaz_.Entry(c.ids[i]), yc)) return kNoGeoId;
    }
    const std::span<const uint8_t> exact = ExactNames(yc);
    const size_t m = std::min(yc.ids.size(), kMaxEntries);
    for (size_t i = 0; i < m; ++i) {
      if (exact[i] != 0 && gaz_.Entry(yc.ids[i]).kind() == GeoKind::kAdmin1) return yc.ids[i];
    }
    return kNoGeoId;
  }

  // The number of `key` among the document's keys, or Context::kNone.
  uint32_t FindKey(std::string_view key) const {
    const std::vector<int32_t>& slots = scratch_.key_slots;
    const size_t cap = slots.size();
    if (cap == 0) return Context::kNone;
    size_t h = HashBytes(key) & (cap - 1);
    while (slots[h] >= 0) {
      if (scratch_.key_of[slots[h]] == key) return static_cast<uint32_t>(slots[h]);
      h = (h + 1) & (cap - 1);
    }
    return Context::kNone;
  }

  // "Springfield City Area Transit", "the City of Dublin" beside "Springfield", "Dublin": the
  // town the document names, not a namesake city elsewhere read from the longer name. Only where
  // the shorter name resolved to a town (not "Kansas" for "Kansas City") lying more than 40 km
  // from the longer name's reading.
  void CityOfTown() {
    bool any = false;
    for (const Candidate& c : cands_) {
      if (c.key.ends_with(" city") || c.key.starts_with("city of ")) {
        any = true;
        break;
      }
    }
    if (!any) return;
    std::vector<int32_t>& town_of_key = scratch_.best_of_key;  // per key: an accepted town's candidate
    town_of_key.assign(num_keys_, -1);
    for (size_t k = 0; k < cands_.size(); ++k) {
      if (!choices_[k].accepted || choices_[k].id == kNoGeoId || town_of_key[cand_[k].key] >= 0) {
        continue;
      }
      if (gaz_.Entry(choices_[k].id).kind() == GeoKind::kPlace) {
        town_of_key[cand_[k].key] = static_cast<int32_t>(k);
      }
    }
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Candidate& c = cands_[k];
      if (!choices_[k].accepted || choices_[k].id == kNoGeoId ||
          (c.type != TypeHint::kNone && c.type != TypeHint::kPlace) || c.forced != kNoGeoId ||
          choices_[k].support_container) {
        continue;
      }
      std::string_view base = c.key;
      if (base.ends_with(" city")) base.remove_suffix(5);
      else if (base.starts_with("city of ")) base.remove_prefix(8);
      else continue;
      const uint32_t key = FindKey(base);
      if (key == Context::kNone || town_of_key[key] < 0) continue;
      const GeoEntry town = gaz_.Entry(choices_[town_of_key[key]].id);
      const GeoEntry mine = gaz_.Entry(choices_[k].id);
      if (town.id() == mine.id() || !town.has_coordinates()) continue;
      if (mine.has_coordinates() && WithinKm(town.lat(), town.lon(), mine.lat(), mine.lon(), 40)) {
        continue;
      }
      choices_[k].id = town.id();
    }
  }

  void OneSensePerDiscourse() {
    std::vector<int32_t>& best_of_key = scratch_.best_of_key;  // per key number: its best candidate
    best_of_key.assign(num_keys_, -1);
    for (size_t k = 0; k < cands_.size(); ++k) {
      if (!choices_[k].accepted || cands_[k].key.empty()) continue;
      int32_t& best = best_of_key[cand_[k].key];
      // A dateline's reading ("NEW YORK (AP)", the city) is what the story's other mentions of
      // the name mean too, whatever their own scores.
      if (best < 0 || (cands_[k].dateline && !cands_[best].dateline)) {
        best = static_cast<int32_t>(k);
      } else if (choices_[k].score > choices_[best].score &&
                 cands_[k].dateline == cands_[best].dateline) {
        best = static_cast<int32_t>(k);
      }
    }
    for (size_t k = 0; k < cands_.size(); ++k) {
      const int32_t best = best_of_key[cand_[k].key];
      if (best < 0) continue;
      const Candidate& c = cands_[k];
      // A name that is a place elsewhere in the document stays one inside a longer name
      // ("the Dublin Veterans Project"), but not where it is a person's name.
      if (!choices_[k].accepted && (c.all_caps || c.prev_name || c.person)) {
        continue;
      }
      // A name that is mentioned as a place elsewhere: keep it here too, with the same entry.
      // Keep a level word's own choice ("Anbar" vs "Anbar province" share the key anyway).
      if (c.type == TypeHint::kNone || !choices_[k].accepted) choices_[k].id = choices_[best].id;
      choices_[k].accepted = true;
    }
    // "the X District Chamber of Commerce" beside "X": a name with a level word read as a
    // division without coordinates (a namesake district known only by name, the only entry of
    // "X district") is the document's placed reading of the bare name in the same country,
    // unless a container or link supports the division.
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Candidate& c = cands_[k];
      Choice& ch = choices_[k];
      if (c.type == TypeHint::kNone || !ch.accepted || ch.id == kNoGeoId ||
          ch.support_container || ch.support_link) {
        continue;
      }
      const GeoEntry e = gaz_.Entry(ch.id);
      if (e.has_coordinates()) continue;
      const size_t space = c.key.rfind(' ');
      if (space == std::string::npos) continue;
      const uint32_t base = FindKey(std::string_view(c.key).substr(0, space));
      if (base == Context::kNone || best_of_key[base] < 0) continue;
      const Choice& bare = choices_[best_of_key[base]];
      if (!bare.accepted || bare.id == kNoGeoId) continue;
      const GeoEntry b = gaz_.Entry(bare.id);
      if (b.has_coordinates() && b.kind() != GeoKind::kCountry && b.country_id() == e.country_id()) {
        ch.id = bare.id;
      }
    }
  }

  // Fills `m` (fresh) with the mention of entry e by c. In place: the output vector's element
  // itself, not a copy moved into it.
  void FillMention(const Candidate& c, const GeoEntry& e, PlaceMention& m) const {
    m.span = c.span;
    m.geonameid = e.geonameid();
    m.geo_id = e.id();
    // The strings are empty: appending skips assign's handling of a source inside the string.
    m.name.append(e.name());
    m.feature_code.append(e.feature_code());
    m.country.append(e.country_iso2());
    m.admin1.append(e.admin1_name());
    m.has_coordinates = e.has_coordinates();
    if (m.has_coordinates) {
      m.lat = e.lat();
      m.lon = e.lon();
    }
    // A country is meant as a whole: its centre, not its capital.
    if (e.kind() == GeoKind::kCountry && CountryCentre(e.country_iso2(), &m.lat, &m.lon)) {
      m.has_coordinates = true;
    }
    switch (e.kind()) {
      case GeoKind::kCountry: m.kind = PlaceKind::kCountry; break;
      case GeoKind::kAdmin1: m.kind = PlaceKind::kAdmin1; break;
      case GeoKind::kAdmin2: m.kind = PlaceKind::kAdmin2; break;
      case GeoKind::kPlace: m.kind = PlaceKind::kPlace; break;
    }
    m.metonymic = c.metonymic;
    m.near = c.near;
    if (c.relative) {
      if (e.kind() == GeoKind::kPlace) {
        // "eastern Mosul": a part of a town is still that town; drop the direction word.
        m.span.begin = doc_.tokens[c.tok_begin].span.begin;
      } else {
        m.relative_region = true;
        m.kind = PlaceKind::kRegion;
      }
    }
  }

  // "central Nairobi", "central Van": the centre of the division's seat of the same name, so
  // the seat itself (a town of its own); `chosen` otherwise. The seat must lie in the chosen
  // division ("central Washington" is the state's middle, not the capital of another one).
  GeoId CentreSeat(const Candidate& c, GeoId chosen) const {
    if (!c.relative) return chosen;
    const GeoEntry division = gaz_.Entry(chosen);
    if (division.kind() != GeoKind::kAdmin1 && division.kind() != GeoKind::kAdmin2) return chosen;
    constexpr std::string_view kCentral = "central";
    const std::string_view w = doc_.Slice(c.span);
    if (w.size() < kCentral.size()) return chosen;
    for (size_t i = 0; i < kCentral.size(); ++i) {
      if (static_cast<char>(w[i] | 0x20) != kCentral[i]) return chosen;
    }
    for (const GeoId id : c.ids) {
      const GeoEntry e = gaz_.Entry(id);
      if (e.kind() != GeoKind::kPlace) continue;
      const std::string_view fc = e.feature_code();
      const bool seat = Eq(fc, "PPLC") || Eq(fc, "PPLA") || (division.kind() == GeoKind::kAdmin2 && Eq(fc, "PPLA2"));
      const GeoId holder = division.kind() == GeoKind::kAdmin1 ? e.admin1_id() : e.admin2_id();
      if (seat && holder == chosen) return id;
    }
    return chosen;
  }

  // "an attack on a Kaduna village", "Kandahar villages": a city is no village, so a seat named
  // before "village(s)" stands for the division it is the seat of and bears its name (Kaduna
  // State), where the village lies; `chosen` otherwise.
  GeoId VillageOfSeat(const Candidate& c, GeoId chosen) const {
    if (c.tok_end >= doc_.tokens.size()) return chosen;
    const std::string_view next = doc_.Slice(doc_.tokens[c.tok_end].span);
    if (!Eq(next, "village") && !Eq(next, "villages")) return chosen;
    const GeoEntry town = gaz_.Entry(chosen);
    if (town.kind() != GeoKind::kPlace) return chosen;
    const std::string_view fc = town.feature_code();
    if (!Eq(fc, "PPLC") && !Eq(fc, "PPLA")) return chosen;
    for (const GeoId id : c.ids) {
      if (id == town.admin1_id() && gaz_.Entry(id).kind() == GeoKind::kAdmin1) return id;
    }
    return chosen;
  }

  std::vector<PlaceMention> Emit() const {
    std::vector<PlaceMention> out;
    out.reserve(cands_.size());
    for (size_t k = 0; k < cands_.size(); ++k) {
      const Candidate& c = cands_[k];
      if (c.demonym_country != kNoGeoId) {
        PlaceMention& m = out.emplace_back();
        FillMention(c, gaz_.Entry(c.demonym_country), m);
        m.demonym = true;
        continue;
      }
      if (c.region != nullptr) {
        PlaceMention& m = out.emplace_back();
        m.span = c.span;
        m.geonameid = c.region->geonameid;
        m.name.assign(doc_.Slice(c.span));
        m.lat = c.region->lat;
        m.lon = c.region->lon;
        m.has_coordinates = true;
        m.kind = PlaceKind::kRegion;
        continue;
      }
      if (c.country_ref) {
        if (ctx_.top_country == kNoGeoId) continue;
        PlaceMention& m = out.emplace_back();
        FillMention(c, gaz_.Entry(ctx_.top_country), m);
        m.relative_region = true;
        m.kind = PlaceKind::kRegion;
        continue;
      }
      if (!choices_[k].accepted) continue;
      FillMention(c, gaz_.Entry(VillageOfSeat(c, CentreSeat(c, choices_[k].id))), out.emplace_back());
    }
    return out;
  }

  struct Anchor {
    uint32_t key;  // its key's number
    Vec3 v;
    double lat;  // degrees
  };
  // Per pass: name → (its entry list, the Terms of each entry), as chains of TermsRef from
  // keys_[key].terms_head into terms_pool_.
  struct TermsRef {
    const GeoId* ids;
    uint32_t at, n;
    int32_t next;  // the key's next entry list, -1 at the end
    bool proximity = false;  // terms: the proximity term is set
  };
  // What the resolver keeps per candidate (one array, set up with one assignment per document).
  struct CandRow {
    uint32_t key = 0;    // its key's number, 0..num_keys_-1
    uint32_t voter = 0;  // the key it votes as (see the constructor)
    int32_t in_container_at = -1;  // its InContainerOf answers in in_container_, -1 none yet
  };
  // What the resolver keeps per key number (one array, set up with one assignment per document).
  struct KeyRow {
    // ExactNames: exact_len flags at exact_own (the blob's own-name flags) when set, else at
    // exact_pool_[exact_at] (-1 until computed).
    const uint8_t* exact_own = nullptr;
    int32_t exact_at = -1;
    uint32_t exact_len = 0;
    int32_t terms_head = -1;  // TermsOf: the key's first TermsRef in terms_refs_, -1 none
    int32_t bases_head = -1;  // BasesOf: the key's first TermsRef in bases_refs_, -1 none
    bool one_entry = true;    // all its mentions share one list of one entry (see OnlyChoice)
    bool firm = false;        // FindLinks: a mention firmly a place (a strong cue, "in", ...)
    bool voted = false, covered = false;  // BuildContext scratch: the name voted, covered
    const GeoId* one_entry_ids = nullptr;  // ctor scratch: that list
  };
  struct ActorCountry {
    Span span;
    GeoId country;
    double weight;  // 1, or a share of it for a group of several countries
  };
  // A division reading of a name written as a container, set off by a comma or a bracket.
  struct SetOffAdmin1Row {
    uint32_t sentence;
    uint32_t tok_begin;  // the name's first token
    uint32_t key;
    GeoId country;
  };
  // The per-document arrays, kept per thread between documents so that resolving a short
  // document does not allocate them again (each is cleared or reassigned before use).
  struct Scratch {
    std::vector<uint8_t> sentence_flags;
    std::vector<SetOffAdmin1Row> set_off_admin1;
    std::vector<Choice> choices, in_context, pruned_context;
    Context ctx{0};
    std::vector<GeoId> countries;
    std::vector<Anchor> anchors;
    std::vector<Vec3> near;
    std::vector<CandRow> cand;
    std::vector<uint8_t> exact_pool;
    std::vector<KeyRow> keys;
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    std::vector<uint32_t> max_end;
    std::vector<int32_t> best_of_key;
    std::vector<int8_t> in_container;
    std::vector<double> prior;
    std::vector<Terms> terms_pool;
    std::vector<TermsRef> terms_refs;
    std::vector<std::pair<GeoId, bool>> context_choices;
    std::vector<double> bases_pool;
    std::vector<TermsRef> bases_refs;
    std::vector<ActorCountry> actor_countries;
    std::vector<std::pair<GeoId, double>> placeless_actors;
    std::vector<GeoId> mission_countries;
    std::vector<std::string_view> missions;
    std::vector<GeoId> links;
    std::vector<std::pair<GeoId, uint32_t>> link_admin2;
    std::vector<int32_t> key_slots;
    std::vector<std::string_view> key_of;
    bool in_use = false;
    void Clear() {
      sentence_flags.clear();
      set_off_admin1.clear();
      choices.clear();
      in_context.clear();
      pruned_context.clear();
      countries.clear();
      anchors.clear();
      near.clear();
      cand.clear();
      exact_pool.clear();
      keys.clear();
      in_container.clear();
      prior.clear();
      terms_pool.clear();
      terms_refs.clear();
      context_choices.clear();
      bases_pool.clear();
      bases_refs.clear();
      actor_countries.clear();
      placeless_actors.clear();
      mission_countries.clear();
      missions.clear();
      links.clear();
      link_admin2.clear();
      key_slots.clear();
      key_of.clear();
    }
  };
  // This thread's Scratch, or a fresh one when it is in use (a Resolver inside a Resolver).
  class ScratchLease {
   public:
    ScratchLease() {
      static thread_local Scratch t_scratch;
      if (t_scratch.in_use) {
        own_ = std::make_unique<Scratch>();
        s_ = own_.get();
      } else {
        s_ = &t_scratch;
      }
      s_->in_use = true;
      s_->Clear();
    }
    ~ScratchLease() { s_->in_use = false; }
    ScratchLease(const ScratchLease&) = delete;
    ScratchLease& operator=(const ScratchLease&) = delete;
    Scratch& get() { return *s_; }

   private:
    Scratch* s_;
    std::unique_ptr<Scratch> own_;
  };

  const Document& doc_;
  const Gazetteer& gaz_;
  std::vector<Candidate>& cands_;
  ScratchLease lease_;
  Scratch& scratch_ = lease_.get();
  // Per sentence: kNamesAdmin1 when it has a typed admin1 mention, kNamesCountry when it names a
  // country as the container of the name before it ("Karachi, Pakistan").
  static constexpr uint8_t kNamesAdmin1 = 1, kNamesCountry = 2;
  std::vector<uint8_t>& sentence_flags_ = scratch_.sentence_flags;
  bool InAdmin1Sentence(uint32_t s) const {
    return s < sentence_flags_.size() && (sentence_flags_[s] & kNamesAdmin1) != 0;
  }
  bool InCountrySentence(uint32_t s) const {
    return s < sentence_flags_.size() && (sentence_flags_[s] & kNamesCountry) != 0;
  }
  // The division readings of the names written as a container (NoteSetOffAdmin1), in
  // candidate order.
  std::vector<SetOffAdmin1Row>& set_off_admin1_ = scratch_.set_off_admin1;
  void NoteSetOffAdmin1(size_t k) {
    const Candidate& c = cands_[k];
    const size_t n = std::min(c.ids.size(), kMaxEntries);
    for (size_t i = 0; i < n; ++i) {
      const GeoEntry& e = gaz_.Entry(c.ids[i]);
      if (e.kind() == GeoKind::kAdmin1) {
        set_off_admin1_.push_back({c.sentence, c.tok_begin, cand_[k].key, e.country_id()});
      }
    }
  }
  // True when a list goes on after token `end` (one past a name): "and", "or", or a comma
  // before a capitalized word ("Moscow, Kiev, Minsk and Riga", "Copenhagen, Hamburg, Brasov"):
  // its names are items, not the container of the one before.
  bool ListContinues(size_t end) const {
    const auto& tokens = doc_.tokens;
    if (end >= tokens.size()) return false;
    const std::string_view next = doc_.Slice(tokens[end].span);
    if (next == "and" || next == "or" || next == "&") return true;
    if (next != "," || end + 1 >= tokens.size()) return false;
    const std::string_view after = doc_.Slice(tokens[end + 1].span);
    return !after.empty() && after[0] >= 'A' && after[0] <= 'Z';
  }
  // True when c's sentence sets off, after c, a division of another name as a container, and
  // none of those divisions lies in `country`.
  bool SetOffAdmin1Elsewhere(const Candidate& c, GeoId country) const {
    const uint32_t key = KeyOf(c);
    bool other = false;
    for (const SetOffAdmin1Row& d : set_off_admin1_) {
      if (d.sentence != c.sentence || d.key == key || d.tok_begin <= c.tok_begin) continue;
      if (d.country == country) return false;
      other = true;
    }
    return other;
  }
  std::vector<Choice>& choices_ = scratch_.choices;
  std::vector<Choice>& in_context_ = scratch_.in_context;  // Pass scratch: the entries of a name in context countries
  std::vector<Choice>& pruned_context_ = scratch_.pruned_context;  // Pass scratch: in_context_ of the pruned scoring
  Context& ctx_ = scratch_.ctx;
  std::vector<GeoId>& countries_scratch_ = scratch_.countries;    // BuildContext scratch
  std::vector<Anchor>& anchors_ = scratch_.anchors;
  std::vector<Vec3>& near_ = scratch_.near;  // TermsOf scratch: anchors_ of names other than the one scored
  std::vector<CandRow>& cand_ = scratch_.cand;  // per candidate (as cands_)
  uint32_t num_keys_ = 0;
  std::vector<KeyRow>& keys_ = scratch_.keys;  // per key number
  std::vector<uint8_t>& exact_pool_ = scratch_.exact_pool;
  std::vector<int8_t>& in_container_ = scratch_.in_container;
  std::vector<double>& prior_scratch_ = scratch_.prior;  // BuildContext scratch
  std::vector<Terms>& terms_pool_ = scratch_.terms_pool;
  std::vector<TermsRef>& terms_refs_ = scratch_.terms_refs;
  // Per candidate: the (entry, accepted) of its choice when the context was last built.
  std::vector<std::pair<GeoId, bool>>& context_choices_ = scratch_.context_choices;
  bool keep_terms_ = false;  // Pass keeps the previous pass's terms (see Run)
  bool entries_fetched_ = false;  // Run prefetched every entry record: TermsOf need not
  // PriorBase per name and entry list, for the whole document (it depends on the entry alone):
  // chains of TermsRef from keys_[key].bases_head into bases_pool_.
  std::vector<double>& bases_pool_ = scratch_.bases_pool;
  std::vector<TermsRef>& bases_refs_ = scratch_.bases_refs;
  GeoId us_ = kNoGeoId;
  GeoId canada_ = kNoGeoId;
  GeoId britain_ = kNoGeoId;  // set when the text has British cues (pounds included)
  UsCues us_cues_;  // American local-news cues: "Sheriff", "X County", "Township"...
  std::vector<ActorCountry>& actor_countries_ = scratch_.actor_countries;  // named actors of known countries
  std::vector<std::pair<GeoId, double>>& placeless_actors_ = scratch_.placeless_actors;  // see PlacelessActorCountries
  std::vector<GeoId>& mission_countries_ = scratch_.mission_countries;  // countries of the missions the text names
  std::vector<GeoId>& links_ = scratch_.links;  // FindLinks: entries in a hierarchy link, sorted
  std::vector<std::pair<GeoId, uint32_t>>& link_admin2_ = scratch_.link_admin2;  // FindLinks scratch
  bool placeless_actors_done_ = false;
  bool check_ = g_reference_checks.load(std::memory_order_relaxed);  // see SetReferenceChecks
};

}  // namespace

void SetReferenceChecks(bool on) { g_reference_checks.store(on); }
uint64_t ReferenceChecksCompared() { return g_reference_compared.load(); }
uint64_t ReferenceChecksMismatched() { return g_reference_mismatched.load(); }
bool ReferenceChecksOn() { return g_reference_checks.load(std::memory_order_relaxed); }
void CountReferenceCheck(bool same) { Checked(same, true); }

std::vector<PlaceMention> Resolve(const Document& doc, const Gazetteer& gaz,
                                  std::vector<Candidate>& candidates) {
  // No candidate, no mention: skip the per-document set-up (actors, missions, US cues).
  if (candidates.empty()) return {};
  return Resolver(doc, gaz, candidates).Run();
}

}  // namespace sitrep::places_internal
