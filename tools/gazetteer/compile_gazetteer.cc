// sitrep-compile-gazetteer: data/gazetteer/*.tsv → one versioned, checksummed blob that
// sitrep::Gazetteer::Open mmaps (layout in src/geo/gazetteer_format.h).
//
//   sitrep-compile-gazetteer --input data/gazetteer --output build/data/gazetteer.bin
//
// Reads countries, admin1, admin2, places (each NAME.tsv or NAME.tsv.gz; zlib reads both),
// demonyms.tsv, country_aliases.tsv, admin1_names.tsv and division_aliases.tsv. Every name and
// alternate name is folded with sitrep::FoldName — the same code queries use — into the key
// index, and LooseKey into the loose index. Writes to a temporary file and renames, so a reader
// never sees half a blob.
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "geo/gazetteer_format.h"
#include "sitrep/gazetteer.h"

namespace gf = sitrep::gazetteer_format;
using sitrep::GeoKind;
using sitrep::kNoGeoId;

namespace {

[[noreturn]] void Die(const std::string& msg) {
  std::fprintf(stderr, "sitrep-compile-gazetteer: %s\n", msg.c_str());
  std::exit(1);
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    const size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

// Reads DIR/NAME.tsv or DIR/NAME.tsv.gz; calls fn(columns) per data row ('#' lines skipped).
template <typename Fn>
size_t ReadTsv(const std::string& dir, const std::string& name, size_t min_columns, bool required, Fn fn) {
  std::string path = dir + "/" + name + ".tsv";
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    std::fclose(f);
  } else {
    path += ".gz";
  }
  gzFile gz = gzopen(path.c_str(), "rb");
  if (gz == nullptr) {
    if (required) Die("cannot open " + dir + "/" + name + ".tsv[.gz]");
    return 0;
  }
  gzbuffer(gz, 1 << 20);
  std::string content;
  char buf[1 << 16];
  int n;
  while ((n = gzread(gz, buf, sizeof buf)) > 0) content.append(buf, n);
  int err = 0;
  const char* msg = gzerror(gz, &err);
  if (n < 0 || err != Z_OK) Die(path + ": " + msg);
  gzclose(gz);
  size_t rows = 0, line_no = 0;
  for (std::string_view line : Split(content, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto cols = Split(line, '\t');
    if (cols.size() < min_columns) {
      Die(path + ":" + std::to_string(line_no) + ": expected " + std::to_string(min_columns) +
          " columns, got " + std::to_string(cols.size()));
    }
    fn(cols);
    ++rows;
  }
  return rows;
}

float ParseCoord(std::string_view s) {
  if (s.empty()) return NAN;
  return std::strtof(std::string(s).c_str(), nullptr);
}

uint32_t ParseU32(std::string_view s) {
  const unsigned long long v = std::strtoull(std::string(s).c_str(), nullptr, 10);
  return v > 0xFFFFFFFFull ? 0xFFFFFFFFu : static_cast<uint32_t>(v);
}

struct Entry {
  GeoKind kind = GeoKind::kPlace;
  std::string name, ascii, code;
  uint32_t geonameid = 0, population = 0;
  float lat = NAN, lon = NAN;
  std::string country_iso2, admin1_code, admin2_code;  // resolved to ids later
  char fclass = 'A';
  std::string fcode;
  std::vector<std::string> aliases;
};

struct CountryExtra {
  std::string iso3, continent, capital;
};

class Blob {
 public:
  gf::StrRef Intern(std::string_view s) {
    auto it = interned_.find(std::string(s));
    if (it != interned_.end()) return it->second;
    gf::StrRef r{static_cast<uint32_t>(strings_.size()), static_cast<uint32_t>(s.size())};
    if (strings_.size() + s.size() > 0xFFFFFFFFull) Die("string pool exceeds 4 GiB");
    strings_.append(s);
    interned_.emplace(std::string(s), r);
    return r;
  }
  std::string& strings() { return strings_; }

 private:
  std::string strings_;
  std::unordered_map<std::string, gf::StrRef> interned_;
};

// key → sorted, deduplicated ids; written as KeyRec + postings.
using Index = std::map<std::string, std::vector<uint32_t>>;

// With `own_name`: per posting, whether the entry's own name or ASCII name folds to the key.
void AppendIndex(Index& index, Blob& blob, const std::vector<Entry>& entries,
                 const std::vector<gf::EntryRec>& recs, std::vector<gf::KeyRec>& keys,
                 std::vector<uint32_t>& postings, std::vector<uint8_t>* own_name = nullptr) {
  for (auto& [key, ids] : index) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    // Countries, admin1, admin2, places (the id order), then the most populous first; between
    // namesakes of equal population, the one filed down to its district first (GeoNames' old
    // imports of small villages carry only the province, newer surveyed entries the whole
    // hierarchy), so that ties go to it.
    std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
      const Entry& x = entries[a];
      const Entry& y = entries[b];
      if (x.kind != y.kind) return x.kind < y.kind;
      if (x.population != y.population) return x.population > y.population;
      return recs[a].admin2 != kNoGeoId && recs[b].admin2 == kNoGeoId;
    });
    keys.push_back({blob.Intern(key), static_cast<uint32_t>(postings.size()),
                    static_cast<uint32_t>(ids.size())});
    postings.insert(postings.end(), ids.begin(), ids.end());
    if (own_name != nullptr) {
      for (uint32_t id : ids) {
        own_name->push_back(sitrep::FoldName(entries[id].name) == key ||
                            sitrep::FoldName(entries[id].ascii) == key);
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string input = "data/gazetteer", output = "data/gazetteer.bin";
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--input" && i + 1 < argc) input = argv[++i];
    else if (a == "--output" && i + 1 < argc) output = argv[++i];
    else {
      std::fprintf(stderr, "usage: sitrep-compile-gazetteer --input DIR --output FILE\n");
      return 2;
    }
  }

  std::vector<Entry> countries, admin1, admin2, places;
  std::map<std::string, CountryExtra> extra;
  auto aliases_of = [](std::string_view col) {
    std::vector<std::string> out;
    if (col.empty()) return out;
    for (auto a : Split(col, '|')) if (!a.empty()) out.emplace_back(a);
    return out;
  };
  ReadTsv(input, "countries", 10, true, [&](const std::vector<std::string_view>& c) {
    Entry e;
    e.kind = GeoKind::kCountry;
    e.geonameid = ParseU32(c[0]);
    e.code = std::string(c[1]);
    e.country_iso2 = e.code;
    e.name = e.ascii = std::string(c[3]);
    e.population = ParseU32(c[5]);
    e.lat = ParseCoord(c[7]);
    e.lon = ParseCoord(c[8]);
    e.fcode = "PCLI";
    e.aliases = aliases_of(c[9]);
    if (e.code.size() != 2 || c[2].size() != 3) Die("bad ISO code for country " + e.name);
    extra[e.code] = CountryExtra{std::string(c[2]), std::string(c[6]), std::string(c[4])};
    countries.push_back(std::move(e));
  });
  auto read_admin = [&](const char* file, GeoKind kind, std::vector<Entry>& out) {
    ReadTsv(input, file, 7, true, [&](const std::vector<std::string_view>& c) {
      Entry e;
      e.kind = kind;
      e.code = std::string(c[0]);
      auto parts = Split(e.code, '.');
      e.country_iso2 = std::string(parts[0]);
      if (parts.size() >= 2) e.admin1_code = e.country_iso2 + "." + std::string(parts[1]);
      e.name = std::string(c[1]);
      e.ascii = std::string(c[2]);
      e.geonameid = ParseU32(c[3]);
      e.lat = ParseCoord(c[4]);
      e.lon = ParseCoord(c[5]);
      e.fcode = kind == GeoKind::kAdmin1 ? "ADM1" : "ADM2";
      e.aliases = aliases_of(c[6]);
      out.push_back(std::move(e));
    });
  };
  read_admin("admin1", GeoKind::kAdmin1, admin1);
  // admin1_names.tsv (by hand): current official English names replace GeoNames' outdated,
  // informal or French ones; GeoNames' names stay as alternate names.
  ReadTsv(input, "admin1_names", 3, false, [&](const std::vector<std::string_view>& c) {
    auto it = std::find_if(admin1.begin(), admin1.end(), [&](const Entry& e) { return e.code == c[0]; });
    if (it == admin1.end()) Die("admin1_names.tsv: unknown division " + std::string(c[0]));
    for (const std::string* old : {&it->name, &it->ascii}) {
      if (std::find(it->aliases.begin(), it->aliases.end(), *old) == it->aliases.end()) {
        it->aliases.push_back(*old);
      }
    }
    it->name = std::string(c[1]);
    it->ascii = std::string(c[2]);
  });
  read_admin("admin2", GeoKind::kAdmin2, admin2);
  ReadTsv(input, "places", 12, true, [&](const std::vector<std::string_view>& c) {
    Entry e;
    e.kind = GeoKind::kPlace;
    e.geonameid = ParseU32(c[0]);
    e.name = std::string(c[1]);
    e.ascii = std::string(c[2]);
    e.lat = ParseCoord(c[3]);
    e.lon = ParseCoord(c[4]);
    e.fclass = c[5].empty() ? 'P' : c[5][0];
    e.fcode = std::string(c[6].substr(0, 6));
    e.country_iso2 = std::string(c[7]);
    if (!c[8].empty()) e.admin1_code = e.country_iso2 + "." + std::string(c[8]);
    if (!c[8].empty() && !c[9].empty()) e.admin2_code = e.admin1_code + "." + std::string(c[9]);
    e.population = ParseU32(c[10]);
    e.aliases = aliases_of(c[11]);
    places.push_back(std::move(e));
  });
  auto by_code = [](const Entry& a, const Entry& b) { return a.code < b.code; };
  std::sort(countries.begin(), countries.end(), by_code);
  std::sort(admin1.begin(), admin1.end(), by_code);
  std::sort(admin2.begin(), admin2.end(), by_code);
  std::sort(places.begin(), places.end(), [](const Entry& a, const Entry& b) { return a.geonameid < b.geonameid; });

  std::vector<Entry> entries;
  entries.reserve(countries.size() + admin1.size() + admin2.size() + places.size());
  for (auto* v : {&countries, &admin1, &admin2, &places}) {
    for (auto& e : *v) entries.push_back(std::move(e));
  }
  std::unordered_map<std::string, uint32_t> country_id, admin1_id, admin2_id;
  for (uint32_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    if (e.kind == GeoKind::kCountry) country_id.emplace(e.code, i);
    if (e.kind == GeoKind::kAdmin1) admin1_id.emplace(e.code, i);
    if (e.kind == GeoKind::kAdmin2) admin2_id.emplace(e.code, i);
  }
  ReadTsv(input, "country_aliases", 2, false, [&](const std::vector<std::string_view>& c) {
    auto it = country_id.find(std::string(c[0]));
    if (it == country_id.end()) Die("country_aliases.tsv: unknown country " + std::string(c[0]));
    for (auto& a : aliases_of(c[1])) entries[it->second].aliases.push_back(a);
  });
  // division_aliases.tsv (by hand): names of divisions in common use that the sources lack
  // ("Maguindanao" before its split, "Rural Damascus").
  ReadTsv(input, "division_aliases", 2, false, [&](const std::vector<std::string_view>& c) {
    const std::string code(c[0]);
    auto it = admin1_id.find(code);
    if (it == admin1_id.end()) it = admin2_id.find(code);
    if (it == admin2_id.end()) Die("division_aliases.tsv: unknown division " + code);
    for (auto& a : aliases_of(c[1])) entries[it->second].aliases.push_back(a);
  });
  Index demonyms;
  ReadTsv(input, "demonyms", 2, true, [&](const std::vector<std::string_view>& c) {
    auto it = country_id.find(std::string(c[0]));
    if (it == country_id.end()) Die("demonyms.tsv: unknown country " + std::string(c[0]));
    for (auto& a : aliases_of(c[1])) {
      const std::string key = sitrep::FoldName(a);
      if (!key.empty()) demonyms[key].push_back(it->second);
    }
  });

  Blob blob;
  blob.Intern("");
  std::vector<gf::EntryRec> recs(entries.size());
  Index names, loose;
  size_t unresolved_admin = 0;
  for (uint32_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    gf::EntryRec& r = recs[i];
    std::memset(&r, 0, sizeof r);
    r.name = blob.Intern(e.name);
    r.ascii_name = blob.Intern(e.ascii);
    r.code = blob.Intern(e.kind == GeoKind::kPlace ? std::string() : e.code);
    r.geonameid = e.geonameid;
    r.population = e.population;
    r.lat = e.lat;
    r.lon = e.lon;
    auto find = [](const std::unordered_map<std::string, uint32_t>& m, const std::string& k) {
      auto it = m.find(k);
      return it == m.end() ? kNoGeoId : it->second;
    };
    r.country = e.kind == GeoKind::kCountry ? kNoGeoId : find(country_id, e.country_iso2);
    r.admin1 = (e.kind == GeoKind::kPlace || e.kind == GeoKind::kAdmin2) ? find(admin1_id, e.admin1_code) : kNoGeoId;
    r.admin2 = e.kind == GeoKind::kPlace ? find(admin2_id, e.admin2_code) : kNoGeoId;
    if (e.kind == GeoKind::kPlace && !e.admin1_code.empty() && r.admin1 == kNoGeoId) ++unresolved_admin;
    r.kind = static_cast<uint8_t>(e.kind);
    r.feature_class = e.fclass;
    std::memcpy(r.feature_code, e.fcode.data(), std::min<size_t>(e.fcode.size(), 6));
    auto add = [&](const std::string& n) {
      const std::string key = sitrep::FoldName(n);
      if (key.empty()) return;
      names[key].push_back(i);
      const std::string lk = sitrep::LooseKey(key);
      if (!lk.empty()) loose[lk].push_back(i);
    };
    add(e.name);
    add(e.ascii);
    for (const auto& a : e.aliases) add(a);
  }
  std::vector<gf::CountryRec> crecs;
  for (uint32_t i = 0; i < countries.size(); ++i) {
    const Entry& e = entries[i];
    const CountryExtra& x = extra[e.code];
    gf::CountryRec c;
    std::memset(&c, 0, sizeof c);
    c.entry = i;
    std::memcpy(c.iso2, e.code.data(), 2);
    std::memcpy(c.iso3, x.iso3.data(), 3);
    std::memcpy(c.continent, x.continent.data(), std::min<size_t>(x.continent.size(), 2));
    c.capital = blob.Intern(x.capital);
    crecs.push_back(c);
  }
  std::vector<gf::KeyRec> keys, loose_keys, demonym_keys;
  std::vector<uint32_t> postings, loose_postings, demonym_postings;
  std::vector<uint8_t> posting_flags;
  AppendIndex(names, blob, entries, recs, keys, postings, &posting_flags);
  // Word prefixes of the name keys ("deir" of "deir zor"), pointing into the keys' strings.
  std::vector<gf::KeyRec> prefix_keys;
  {
    std::map<std::string_view, gf::StrRef> prefixes;
    for (const gf::KeyRec& k : keys) {
      const std::string_view key(blob.strings().data() + k.key.off, k.key.len);
      for (size_t s = 0; s < key.size(); ++s) {
        if (key[s] == ' ') prefixes.try_emplace(key.substr(0, s), gf::StrRef{k.key.off, static_cast<uint32_t>(s)});
      }
    }
    for (const auto& [p, ref] : prefixes) prefix_keys.push_back({ref, 0, 0});
  }
  AppendIndex(loose, blob, entries, recs, loose_keys, loose_postings);
  AppendIndex(demonyms, blob, entries, recs, demonym_keys, demonym_postings);
  // The hash indexes and the two-byte buckets of the keys, so that open only checks them.
  const char* strings = blob.strings().data();
  auto index_of = [&](const std::vector<gf::KeyRec>& section) {
    return gf::BuildKeyIndex(section.data(), static_cast<uint32_t>(section.size()), strings);
  };
  const std::vector<uint64_t> key_index = index_of(keys), prefix_key_index = index_of(prefix_keys),
                              loose_key_index = index_of(loose_keys),
                              demonym_key_index = index_of(demonym_keys);
  std::vector<uint32_t> key_prefix_starts(gf::kNumPrefixStarts, 0);
  for (const gf::KeyRec& k : keys) {
    ++key_prefix_starts[gf::PrefixBucket(std::string_view(strings + k.key.off, k.key.len)) + 1];
  }
  for (size_t b = 1; b < key_prefix_starts.size(); ++b) key_prefix_starts[b] += key_prefix_starts[b - 1];

  // Lay out the sections.
  std::string out(sizeof(gf::Header), '\0');
  gf::Header h;
  std::memset(&h, 0, sizeof h);
  auto add_section = [&](gf::SectionId id, const void* data, size_t bytes) {
    // Entries start on a cache line (the mapping is page-aligned), so reading one 64-byte
    // record touches one line, not two.
    const size_t align = id == gf::kEntries ? 64 : 8;
    while (out.size() % align != 0) out.push_back('\0');
    h.sections[id] = {out.size(), bytes};
    out.append(static_cast<const char*>(data), bytes);
  };
  add_section(gf::kStrings, blob.strings().data(), blob.strings().size());
  add_section(gf::kEntries, recs.data(), recs.size() * sizeof(gf::EntryRec));
  add_section(gf::kCountries, crecs.data(), crecs.size() * sizeof(gf::CountryRec));
  add_section(gf::kKeys, keys.data(), keys.size() * sizeof(gf::KeyRec));
  add_section(gf::kPostings, postings.data(), postings.size() * 4);
  add_section(gf::kLooseKeys, loose_keys.data(), loose_keys.size() * sizeof(gf::KeyRec));
  add_section(gf::kLoosePostings, loose_postings.data(), loose_postings.size() * 4);
  add_section(gf::kDemonymKeys, demonym_keys.data(), demonym_keys.size() * sizeof(gf::KeyRec));
  add_section(gf::kDemonymPostings, demonym_postings.data(), demonym_postings.size() * 4);
  add_section(gf::kPostingFlags, posting_flags.data(), posting_flags.size());
  add_section(gf::kPrefixKeys, prefix_keys.data(), prefix_keys.size() * sizeof(gf::KeyRec));
  add_section(gf::kKeyIndex, key_index.data(), key_index.size() * 8);
  add_section(gf::kPrefixKeyIndex, prefix_key_index.data(), prefix_key_index.size() * 8);
  add_section(gf::kLooseKeyIndex, loose_key_index.data(), loose_key_index.size() * 8);
  add_section(gf::kDemonymKeyIndex, demonym_key_index.data(), demonym_key_index.size() * 8);
  add_section(gf::kKeyPrefixStarts, key_prefix_starts.data(), key_prefix_starts.size() * 4);
  while (out.size() % 8 != 0) out.push_back('\0');
  std::memcpy(h.magic, gf::kMagic, 4);
  h.format_version = gf::kFormatVersion;
  h.header_size = sizeof(gf::Header);
  h.fold_version = sitrep::kFoldVersion;
  h.key_hash_check = gf::KeyHash(gf::kKeyHashProbe);
  h.blob_size = out.size();
  h.num_countries = static_cast<uint32_t>(countries.size());
  h.num_admin1 = static_cast<uint32_t>(admin1.size());
  h.num_admin2 = static_cast<uint32_t>(admin2.size());
  h.num_places = static_cast<uint32_t>(places.size());
  h.checksum = gf::Checksum(reinterpret_cast<const uint8_t*>(out.data()) + sizeof h, out.size() - sizeof h);
  std::memcpy(out.data(), &h, sizeof h);

  const std::string tmp = output + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) Die("cannot write " + tmp);
  if (std::fwrite(out.data(), 1, out.size(), f) != out.size() || std::fclose(f) != 0) Die("write failed: " + tmp);
  if (std::rename(tmp.c_str(), output.c_str()) != 0) Die("cannot rename " + tmp + " to " + output);
  std::fprintf(stderr,
               "sitrep-compile-gazetteer: %s: %zu bytes; %zu countries, %zu admin1, %zu admin2, "
               "%zu places; %zu keys (%zu word prefixes), %zu loose keys, %zu demonyms; %zu places with "
               "unknown admin1\n",
               output.c_str(), out.size(), countries.size(), admin1.size(), admin2.size(),
               places.size(), keys.size(), prefix_keys.size(), loose_keys.size(), demonym_keys.size(),
               unresolved_admin);
  return 0;
}
