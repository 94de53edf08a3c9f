// EventMerger: cross-report merging (the rule is documented in include/sitrep/merge.h).
//
// Speed: each input is reduced to a compact Key (interned country, admin1, location, event type
// and actors; day numbers; coordinates). Keys are sorted by (country, start day) and a sweep
// compares each key only with the keys that start before its end + slack, so the work is
// O(n log n + n · reports per country per window). Comparisons never touch the Event strings.
//
// Determinism: inputs are put in a canonical order (event_id, reported date, JSON text) before
// anything else; the compatibility test is symmetric and the clusters are connected components
// (plus a rule for region-level events that depends only on those components), so the output is
// a function of the set of inputs, not of the order they were added in.
#include "sitrep/merge.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <numeric>
#include <string>
#include <thread>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "sitrep/events.h"

namespace sitrep {
namespace {

constexpr int32_t kNone = -1;

// Days since 1970-01-01 of "YYYY-MM-DD" (anything after the tenth byte is ignored); false when
// the text is not a date.
bool ParseDay(std::string_view s, int32_t* day) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  auto num = [&](size_t at, size_t len, int* out) {
    int v = 0;
    for (size_t i = at; i < at + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  int y, m, d;
  if (!num(0, 4, &y) || !num(5, 2, &m) || !num(8, 2, &d) || m < 1 || m > 12 || d < 1 || d > 31) {
    return false;
  }
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  *day = era * 146097 + static_cast<int32_t>(doe) - 719468;
  return true;
}

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

enum Family : uint8_t { kUnknown, kBattles, kExplosions, kCivilians, kProtests, kRiots, kOther };

Family FamilyOfType(std::string_view type) {
  if (type.empty()) return kUnknown;
  if (type == "Battles") return kBattles;
  if (type == "Explosions/Remote violence") return kExplosions;
  if (type == "Violence against civilians") return kCivilians;
  if (type == "Protests") return kProtests;
  if (type == "Riots") return kRiots;
  return kOther;
}

// Reports of one incident often disagree on its kind: a clash with shelling is "Battles" in one
// and "Explosions" in another; a protest that turns violent is a riot.
bool FamiliesMix(Family a, Family b) {
  auto violent = [](Family f) { return f == kBattles || f == kExplosions || f == kCivilians; };
  auto street = [](Family f) { return f == kProtests || f == kRiots; };
  return (violent(a) && violent(b)) || (street(a) && street(b));
}

// Actor names that say nothing about who it was: they never keep two reports apart.
bool IsVagueActor(std::string_view name) {
  return name.empty() || name.starts_with("Unidentified") || name.starts_with("Civilians");
}

bool HasCount(const Event& e) {
  if (e.fatalities > 0 || e.deaths_high > 0) return true;
  static const FieldName kFatalities("fatalities");  // interned: compared as a pointer
  return std::any_of(e.evidence.begin(), e.evidence.end(),
                     [](const Evidence& ev) { return ev.field == kFatalities; });
}

class Interner {
 public:
  int32_t Id(std::string_view text) {
    if (text.empty()) return kNone;
    // Lowered into a reused buffer and looked up without a temporary string; only a new name
    // is copied into the table.
    lower_.assign(text);
    for (char& c : lower_) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (auto it = ids_.find(std::string_view(lower_)); it != ids_.end()) return it->second;
    const auto id = static_cast<int32_t>(ids_.size());
    ids_.emplace(lower_, id);
    return id;
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, int32_t, Hash, std::equal_to<>> ids_;
  std::string lower_;
};

struct Key {
  int32_t iso = kNone;
  int32_t start = 0, end = 0;  // days
  int32_t admin1 = kNone, location = kNone, type = kNone;
  int32_t doc = kNone;  // the one reporting document (kNone for an already merged event)
  uint32_t actors_begin = 0, actors_end = 0;  // range in Features::actors (sorted ids)
  double lat = 0, lon = 0;
  int32_t count = -1;  // killed (high) when the report gives a count
  Family family = kUnknown;
  bool mergeable = false;
  bool coords = false;
  bool town = false;  // located by a town (or near one): the place is precise
};

struct Features {
  std::vector<Key> keys;
  std::vector<int32_t> actors;
};

Features Describe(const std::vector<const Event*>& events) {
  Features f;
  f.keys.resize(events.size());
  Interner countries, admins, locations, types, actors, docs;
  for (size_t i = 0; i < events.size(); ++i) {
    const Event& e = *events[i];
    Key& k = f.keys[i];
    k.iso = countries.Id(e.iso3);
    k.admin1 = admins.Id(e.admin1.value_or(""));
    k.location = locations.Id(e.location);
    k.type = types.Id(e.event_type);
    if (e.doc_ids.size() == 1) k.doc = docs.Id(e.doc_ids[0]);
    k.family = FamilyOfType(e.event_type);
    k.coords = e.latitude.has_value() && e.longitude.has_value();
    if (k.coords) {
      k.lat = *e.latitude;
      k.lon = *e.longitude;
    }
    k.town = k.coords && (e.geo_precision == 1 || e.geo_precision == 2) && !e.location.empty();
    if (HasCount(e)) k.count = std::max(e.fatalities, e.deaths_high);
    k.actors_begin = static_cast<uint32_t>(f.actors.size());
    // A joint actor ("JNIM ... and/or Islamic State (Greater Sahara)": one of the two did it)
    // shares an actor with a report that names either group.
    auto add_actor = [&](const std::optional<std::string>& name) {
      if (!name || IsVagueActor(*name)) return;
      std::string_view rest = *name;
      for (size_t at; (at = rest.find(" and/or ")) != std::string_view::npos;) {
        f.actors.push_back(actors.Id(rest.substr(0, at)));
        rest.remove_prefix(at + 8);
      }
      f.actors.push_back(actors.Id(rest));
    };
    add_actor(e.actor1);
    add_actor(e.actor2);
    for (const auto& a : e.assoc_actor_1) add_actor(a);
    for (const auto& a : e.assoc_actor_2) add_actor(a);
    std::sort(f.actors.begin() + k.actors_begin, f.actors.end());
    k.actors_end = static_cast<uint32_t>(f.actors.size());
    int32_t start = 0, end = 0;
    const bool dated = e.date_start && ParseDay(*e.date_start, &start);
    if (!e.date_end || !ParseDay(*e.date_end, &end) || end < start) end = start;
    k.start = start;
    k.end = end;
    k.mergeable = dated && k.iso != kNone;
  }
  return f;
}

double DistanceKm(const Key& a, const Key& b) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double x = (b.lon - a.lon) * kRad * std::cos((a.lat + b.lat) * 0.5 * kRad);
  const double y = (b.lat - a.lat) * kRad;
  return 6371.0 * std::sqrt(x * x + y * y);
}

bool ShareActor(const Features& f, const Key& a, const Key& b) {
  uint32_t i = a.actors_begin, j = b.actors_begin;
  if (i == a.actors_end || j == b.actors_end) return true;  // one side names no one
  while (i < a.actors_end && j < b.actors_end) {
    if (f.actors[i] == f.actors[j]) return true;
    if (f.actors[i] < f.actors[j]) ++i; else ++j;
  }
  return false;
}

// Whether two mergeable reports of the same country can be the same incident. Symmetric.
bool Compatible(const Features& f, const Key& a, const Key& b, const MergeOptions& o) {
  const int32_t gap = std::max(0, std::max(a.start, b.start) - std::min(a.end, b.end));
  if (gap > o.slack_days) return false;
  // The events stage already kept the incidents of one document apart.
  if (a.doc != kNone && a.doc == b.doc) return false;
  // Place.
  bool close = true;
  const bool same_location = a.location != kNone && a.location == b.location;
  if (a.town && b.town) {
    const double km = DistanceKm(a, b);
    const bool admin_ok = a.admin1 == kNone || b.admin1 == kNone || a.admin1 == b.admin1;
    if (km > o.max_km && !(same_location && admin_ok)) return false;
    close = km <= o.close_km || (same_location && admin_ok);
  } else if (a.admin1 != kNone && b.admin1 != kNone && a.admin1 != b.admin1) {
    return false;  // a region-level report of another province
  }
  // Type.
  const bool same_type = a.type == b.type || a.type == kNone || b.type == kNone;
  if (!same_type && !(FamiliesMix(a.family, b.family) && gap <= 1 && close)) return false;
  if (gap >= 2 && !(a.type == b.type && close)) return false;
  // Actors and counts.
  if (!ShareActor(f, a, b)) return false;
  if (a.count >= 0 && b.count >= 0) {
    const int64_t lo = std::min(a.count, b.count), hi = std::max(a.count, b.count);
    if (hi > int64_t{o.count_factor} * lo + o.count_margin) return false;
  }
  return true;
}

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<uint32_t> parent_;
};

// Cluster label (a member index) of every input, inputs in canonical order.
// `same_as_prev[i]`: input i has the event_id of input i - 1 (the same event, e.g. a stored
// merged record and a fresh extraction of its smallest member): always one cluster.
std::vector<uint32_t> Cluster(const Features& f, const std::vector<bool>& same_as_prev,
                              const MergeOptions& o) {
  const size_t n = f.keys.size();
  std::vector<uint32_t> order;
  order.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    const Key& k = f.keys[i];
    if (k.mergeable && k.end - k.start <= o.max_span_days) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    const Key& a = f.keys[x];
    const Key& b = f.keys[y];
    if (a.iso != b.iso) return a.iso < b.iso;
    if (a.start != b.start) return a.start < b.start;
    return x < y;
  });
  UnionFind uf(n);
  for (uint32_t i = 1; i < n; ++i) {
    if (same_as_prev[i]) uf.Union(i - 1, i);
  }
  std::vector<std::pair<uint32_t, uint32_t>> region_town;    // (region-level, town-level)
  std::vector<std::pair<uint32_t, uint32_t>> region_region;
  for (size_t p = 0; p < order.size(); ++p) {
    const Key& a = f.keys[order[p]];
    for (size_t q = p + 1; q < order.size(); ++q) {
      const Key& b = f.keys[order[q]];
      if (b.iso != a.iso || b.start > a.end + o.slack_days) break;
      if (!Compatible(f, a, b, o)) continue;
      const uint32_t x = order[p], y = order[q];
      if (a.town && b.town) {
        uf.Union(x, y);
      } else if (a.town) {
        region_town.emplace_back(y, x);
      } else if (b.town) {
        region_town.emplace_back(x, y);
      } else {
        region_region.emplace_back(x, y);
      }
    }
  }
  // A region-level report joins the one town cluster it fits; fitting several, it joins none
  // (it cannot say which), and such leftovers only merge with each other.
  for (auto& [region, town] : region_town) town = uf.Find(town);
  std::sort(region_town.begin(), region_town.end());
  region_town.erase(std::unique(region_town.begin(), region_town.end()), region_town.end());
  std::vector<bool> attached(n, false);
  for (size_t i = 0; i < region_town.size();) {
    size_t j = i;
    while (j < region_town.size() && region_town[j].first == region_town[i].first) ++j;
    if (j - i == 1) attached[region_town[i].first] = true;
    i = j;
  }
  for (const auto& [region, town] : region_town) {
    if (attached[region]) uf.Union(region, town);
  }
  for (const auto& [x, y] : region_region) {
    if (!attached[x] && !attached[y]) uf.Union(x, y);
  }
  std::vector<uint32_t> label(n);
  for (uint32_t i = 0; i < n; ++i) label[i] = uf.Find(i);
  return label;
}

template <typename T, typename Less>
const T* MinBy(const std::vector<const T*>& items, Less less) {
  const T* best = items.front();
  for (const T* item : items) {
    if (less(*item, *best)) best = item;
  }
  return best;
}

int Rank(int precision) { return precision <= 0 ? 99 : precision; }

struct Member {
  const Event* event;
  std::string_view reported;
  uint32_t pos;  // canonical position: breaks every tie
};

Event Combine(const std::vector<const Member*>& members) {
  Event out;
  // Place: the most precise member.
  const Member* place = MinBy(members, [](const Member& a, const Member& b) {
    auto key = [](const Member& m) {
      const Event& e = *m.event;
      return std::make_tuple(e.iso3.empty(), !(e.latitude && e.longitude), Rank(e.geo_precision),
                             Rank(e.where_prec), -e.confidence, m.pos);
    };
    return key(a) < key(b);
  });
  // Date: the most precise; the earliest of equally precise ones (a late report that fell back
  // on its publication date is later, not earlier).
  const Member* date = MinBy(members, [](const Member& a, const Member& b) {
    auto key = [](const Member& m) {
      const Event& e = *m.event;
      return std::make_tuple(!e.date_start.has_value(), Rank(e.date_prec),
                             e.date_start.value_or(""), m.pos);
    };
    return key(a) < key(b);
  });
  // Actors: the member that names most of them.
  const Member* actors = MinBy(members, [](const Member& a, const Member& b) {
    auto key = [](const Member& m) {
      const Event& e = *m.event;
      const int named = (e.actor1 && !IsVagueActor(*e.actor1)) * 2 + e.actor2.has_value() +
                        e.actor1.has_value();
      return std::make_tuple(-named, -static_cast<int>(e.assoc_actor_1.size() +
                                                       e.assoc_actor_2.size()),
                             -e.confidence, m.pos);
    };
    return key(a) < key(b);
  });
  // Type: confidence-weighted vote over sub-event types; ties → the smaller name.
  std::vector<std::pair<std::string_view, double>> votes;
  for (const Member* m : members) {
    const std::string_view sub = m->event->sub_event_type;
    auto it = std::find_if(votes.begin(), votes.end(), [&](const auto& v) { return v.first == sub; });
    if (it == votes.end()) {
      votes.emplace_back(sub, 0.0);
      it = votes.end() - 1;
    }
    it->second += m->event->event_type.empty() ? 0.0 : 0.001 + m->event->confidence;
  }
  std::sort(votes.begin(), votes.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  for (const Member* m : members) {
    if (m->event->sub_event_type == votes.front().first) {
      out.event_type = m->event->event_type;
      out.sub_event_type = m->event->sub_event_type;
      break;
    }
  }

  const Event& p = *place->event;
  out.country = p.country;
  out.iso3 = p.iso3;
  out.admin1 = p.admin1;
  out.admin2 = p.admin2;
  out.location = p.location;
  out.latitude = p.latitude;
  out.longitude = p.longitude;
  out.geonameid = p.geonameid;
  out.geo_precision = p.geo_precision;
  out.where_prec = p.where_prec;
  const Event& d = *date->event;
  out.date_start = d.date_start;
  out.date_end = d.date_end;
  out.event_date = d.event_date;
  out.time_precision = d.time_precision;
  out.date_prec = d.date_prec;
  const Event& a = *actors->event;
  out.actor1 = a.actor1;
  out.actor2 = a.actor2;
  out.assoc_actor_1 = a.assoc_actor_1;
  out.assoc_actor_2 = a.assoc_actor_2;
  out.inter1 = a.inter1;
  out.inter2 = a.inter2;
  out.interaction = a.interaction;
  out.side_a = a.side_a;
  out.side_b = a.side_b;

  // Casualties: widen the range over every report that gives a count. The figure is the latest
  // report's (the smallest of equally recent ones), unless an earlier report already gave more:
  // tolls rise as the wounded die and bodies are found, so a later, lower count is most often a
  // partial mention ("a woman died of her wounds") rather than a revision. The side split comes
  // from the report whose figure is taken; the figure is clamped into the range.
  std::vector<const Member*> counting;
  for (const Member* m : members) {
    if (HasCount(*m->event)) counting.push_back(m);
  }
  auto latest = [](const std::vector<const Member*>& from, auto value) {
    return MinBy(from, [&](const Member& x, const Member& y) {
      if (x.reported != y.reported) return x.reported > y.reported;
      if (value(x) != value(y)) return value(x) < value(y);
      return x.pos < y.pos;
    });
  };
  if (!counting.empty()) {
    int low = INT32_MAX, high = 0;
    for (const Member* m : counting) {
      low = std::min({low, m->event->deaths_low, m->event->fatalities});
      high = std::max({high, m->event->deaths_high, m->event->fatalities});
    }
    // Reports by date: the running figure is the highest of each date's conservative figure.
    std::vector<const Member*> by_date = counting;
    std::stable_sort(by_date.begin(), by_date.end(), [](const Member* x, const Member* y) {
      return x->reported < y->reported;
    });
    const Event* chosen = nullptr;
    for (size_t i = 0; i < by_date.size();) {
      size_t j = i;
      std::vector<const Member*> same;
      while (j < by_date.size() && by_date[j]->reported == by_date[i]->reported) {
        same.push_back(by_date[j++]);
      }
      const Event* day = latest(same, [](const Member& m) { return m.event->fatalities; })->event;
      if (chosen == nullptr || day->fatalities >= chosen->fatalities) chosen = day;
      i = j;
    }
    const Event& l = *chosen;
    out.deaths_low = low;
    out.deaths_high = high;
    out.fatalities = std::clamp(l.fatalities, low, high);
    out.deaths_best = std::clamp(std::max(l.deaths_best, out.fatalities), low, high);
    out.deaths_side_a = l.deaths_side_a;
    out.deaths_side_b = l.deaths_side_b;
    out.deaths_civilians = l.deaths_civilians;
    out.deaths_unknown = std::max(0, out.deaths_best - l.deaths_side_a - l.deaths_side_b -
                                         l.deaths_civilians);
  }
  std::vector<const Member*> injured;
  for (const Member* m : members) {
    if (m->event->injured) injured.push_back(m);
  }
  if (!injured.empty()) {
    out.injured = latest(injured, [](const Member& m) { return *m.event->injured; })->event->injured;
  }

  out.historical = true;
  // Evidence: sorted and deduplicated by pointer, so only the kept spans are copied.
  std::vector<const Evidence*> evidence;
  for (const Member* m : members) {
    const Event& e = *m->event;
    out.doc_ids.insert(out.doc_ids.end(), e.doc_ids.begin(), e.doc_ids.end());
    for (const Evidence& ev : e.evidence) evidence.push_back(&ev);
    for (const NamedPerson& person : e.named_persons) {
      const std::string name = LowerAscii(person.name);
      if (std::none_of(out.named_persons.begin(), out.named_persons.end(),
                       [&](const NamedPerson& q) { return LowerAscii(q.name) == name; })) {
        out.named_persons.push_back(person);
      }
    }
    out.historical = out.historical && e.historical;
    out.confidence = std::max(out.confidence, e.confidence);
  }
  std::sort(out.doc_ids.begin(), out.doc_ids.end());
  out.doc_ids.erase(std::unique(out.doc_ids.begin(), out.doc_ids.end()), out.doc_ids.end());
  auto ev_key = [](const Evidence& e) {
    return std::make_tuple(e.doc_id(), e.field, e.start, e.end, e.text());
  };
  std::sort(evidence.begin(), evidence.end(),
            [&](const Evidence* x, const Evidence* y) { return ev_key(*x) < ev_key(*y); });
  evidence.erase(
      std::unique(evidence.begin(), evidence.end(),
                  [&](const Evidence* x, const Evidence* y) { return ev_key(*x) == ev_key(*y); }),
      evidence.end());
  out.evidence.reserve(evidence.size());
  for (const Evidence* ev : evidence) out.evidence.push_back(*ev);
  out.notes = FormatNotes(out);
  return out;
}

}  // namespace

EventMerger::EventMerger(MergeOptions options) : options_(options) {}

void EventMerger::Add(const Event& event, std::string_view reported) {
  inputs_.push_back(std::make_unique<Input>(Input{event, std::string(reported)}));
}

void EventMerger::Add(Event&& event, std::string_view reported) {
  inputs_.push_back(std::make_unique<Input>(Input{std::move(event), std::string(reported)}));
}

std::vector<MergedEvent> EventMerger::FinishWithMembers() const {
  std::vector<MergedEvent> out;
  MergeInputs(*this, SIZE_MAX, [&](std::vector<MergedEvent>& block) {
    out = std::move(block);
    return true;
  });
  return out;
}

// Self is `const EventMerger` (inputs kept) or `EventMerger` (inputs consumed: a record moves
// out of its single input, or a combined one's inputs are freed once combined, so the inputs
// and the records are not all alive at once). The records are built `block_size` at a time, in
// event_id order, each block handed to `on_block` before the next is built.
template <class Self>
bool EventMerger::MergeInputs(Self& self, size_t block_size,
                              const std::function<bool(std::vector<MergedEvent>&)>& on_block) {
  constexpr bool kConsume = !std::is_const_v<Self>;
  auto& inputs = self.inputs_;
  const MergeOptions& options = self.options_;
  // Canonical order: by id, then reported date, then (for true ties only) the whole record.
  std::vector<uint32_t> canon(inputs.size());
  std::iota(canon.begin(), canon.end(), 0u);
  auto same_key = [&](uint32_t x, uint32_t y) {
    return inputs[x]->event.event_id == inputs[y]->event.event_id &&
           inputs[x]->reported == inputs[y]->reported;
  };
  std::sort(canon.begin(), canon.end(), [&](uint32_t x, uint32_t y) {
    const Input& a = *inputs[x];
    const Input& b = *inputs[y];
    if (a.event.event_id != b.event.event_id) return a.event.event_id < b.event.event_id;
    return a.reported < b.reported;
  });
  // Ties (the same article read twice) are ordered by the whole record, each written once
  // rather than at every comparison.
  std::vector<std::pair<std::string, uint32_t>> tied;
  for (size_t i = 0; i < canon.size();) {
    size_t j = i + 1;
    while (j < canon.size() && same_key(canon[i], canon[j])) ++j;
    if (j - i > 1) {
      tied.clear();
      for (size_t k = i; k < j; ++k) {
        std::string json;
        AppendEventJson(inputs[canon[k]]->event, &json);
        tied.emplace_back(std::move(json), canon[k]);
      }
      std::sort(tied.begin(), tied.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      for (size_t k = i; k < j; ++k) canon[k] = tied[k - i].second;
    }
    i = j;
  }
  std::vector<const Event*> events;
  events.reserve(canon.size());
  std::vector<bool> same_as_prev(canon.size(), false);
  for (uint32_t i : canon) {
    if (!events.empty() && events.back()->event_id == inputs[i]->event.event_id) {
      same_as_prev[events.size()] = true;
    }
    events.push_back(&inputs[i]->event);
  }
  const std::vector<uint32_t> label = Cluster(Describe(events), same_as_prev, options);

  std::vector<Member> members(canon.size());
  for (uint32_t pos = 0; pos < canon.size(); ++pos) {
    members[pos] = {events[pos], inputs[canon[pos]]->reported, pos};
  }
  // Members of each cluster, in canonical order (labels are the smallest member position).
  std::vector<uint32_t> by_label(canon.size());
  std::iota(by_label.begin(), by_label.end(), 0u);
  std::stable_sort(by_label.begin(), by_label.end(),
                   [&](uint32_t x, uint32_t y) { return label[x] < label[y]; });
  std::vector<size_t> group_begin;  // clusters as ranges of by_label
  for (size_t i = 0; i < by_label.size(); ++i) {
    if (i == 0 || label[by_label[i]] != label[by_label[i - 1]]) group_begin.push_back(i);
  }
  group_begin.push_back(by_label.size());
  // Clusters in label order are in event_id order: a record's id is its first member's (the
  // smallest position), positions are sorted by id, and equal ids are one cluster.
  const size_t clusters = group_begin.size() - 1;
  // Each cluster's record depends only on its members: clusters are combined in parallel, in
  // fixed-size chunks handed out in turn, each written to its own slot.
  std::vector<MergedEvent> block;
  size_t block_first = 0;
  auto combine_range = [&](size_t first, size_t last) {
    std::vector<const Member*> group;
    for (size_t g = first; g < last; ++g) {
      group.clear();
      for (size_t j = group_begin[g]; j < group_begin[g + 1]; ++j) {
        group.push_back(&members[by_label[j]]);
      }
      MergedEvent& merged = block[g - block_first];
      for (const Member* m : group) merged.member_ids.push_back(m->event->event_id);
      merged.member_ids.erase(std::unique(merged.member_ids.begin(), merged.member_ids.end()),
                              merged.member_ids.end());
      if (group.size() == 1) {
        if constexpr (kConsume) {
          std::unique_ptr<Input>& input = inputs[canon[group.front()->pos]];
          merged.event = std::move(input->event);
          input.reset();
        } else {
          merged.event = *group.front()->event;
        }
      } else {
        merged.event = Combine(group);
        merged.event.event_id = merged.member_ids.front();
        // Each input belongs to one cluster only, so threads free disjoint inputs.
        if constexpr (kConsume) {
          for (const Member* m : group) inputs[canon[m->pos]].reset();
        }
      }
    }
  };
  constexpr size_t kChunk = 64;
  block_size = std::max<size_t>(block_size, 1);
  for (; block_first < clusters; block_first += std::min(block_size, clusters - block_first)) {
    const size_t block_end = block_first + std::min(block_size, clusters - block_first);
    block.clear();
    block.resize(block_end - block_first);
    const size_t chunks = (block.size() + kChunk - 1) / kChunk;
    const size_t threads = std::min<size_t>(std::max(options.threads, 1), chunks);
    std::atomic<size_t> next_chunk{0};
    auto work = [&] {
      for (size_t c; (c = next_chunk.fetch_add(1)) < chunks;) {
        combine_range(block_first + c * kChunk,
                      std::min(block_end, block_first + (c + 1) * kChunk));
      }
    };
    std::vector<std::thread> helpers;
    for (size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
    work();
    for (std::thread& t : helpers) t.join();
    if (!on_block(block)) return false;
  }
  return true;
}

std::vector<Event> EventMerger::Finish() const {
  std::vector<Event> out;
  MergeInputs(*this, SIZE_MAX, [&](std::vector<MergedEvent>& block) {
    out.reserve(block.size());
    for (MergedEvent& m : block) out.push_back(std::move(m.event));
    return true;
  });
  return out;
}

std::vector<Event> EventMerger::TakeMerged() {
  std::vector<Event> out;
  TakeMergedInBlocks(SIZE_MAX, [&](std::vector<Event>& block) {
    out = std::move(block);
    return true;
  });
  return out;
}

bool EventMerger::TakeMergedInBlocks(size_t block_size,
                                     const std::function<bool(std::vector<Event>&)>& on_block) {
  std::vector<Event> events;
  const bool finished = MergeInputs(*this, block_size, [&](std::vector<MergedEvent>& block) {
    events.clear();
    events.reserve(block.size());
    for (MergedEvent& m : block) events.push_back(std::move(m.event));
    block.clear();
    return on_block(events);
  });
  inputs_.clear();
  inputs_.shrink_to_fit();
  return finished;
}

std::vector<Event> MergeEvents(std::vector<Event> events, const MergeOptions& options) {
  EventMerger merger(options);
  for (Event& e : events) merger.Add(std::move(e));
  return merger.Finish();
}

}  // namespace sitrep
