// Feeds arbitrary bytes to the gazetteer blob loader. Half the inputs get a correct checksum
// patched into their header, so the fuzzer gets past the checksum into the structural checks
// (section bounds, string refs, hierarchy links, postings, key indexes); any blob that opens is
// then queried.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "geo/gazetteer_format.h"
#include "sitrep/gazetteer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace gf = sitrep::gazetteer_format;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (size > sizeof(gf::Header) && (data[size - 1] & 1)) {
    gf::Header h;
    std::memcpy(&h, bytes.data(), sizeof h);
    std::memcpy(h.magic, gf::kMagic, 4);
    h.format_version = gf::kFormatVersion;
    h.header_size = sizeof h;
    h.fold_version = sitrep::kFoldVersion;
    h.key_hash_check = gf::KeyHash(gf::kKeyHashProbe);
    h.blob_size = size;
    h.checksum = gf::Checksum(reinterpret_cast<const uint8_t*>(bytes.data()) + sizeof h, size - sizeof h);
    std::memcpy(bytes.data(), &h, sizeof h);
  }
  auto g = sitrep::Gazetteer::OpenBuffer(bytes);
  if (!g.ok()) {
    if (g.status().message().empty()) __builtin_trap();
    return 0;
  }
  const sitrep::Gazetteer& gaz = **g;
  size_t total = 0;
  for (sitrep::GeoId id = 0; id < gaz.size() && id < 64; ++id) {
    sitrep::GeoEntry e = gaz.Entry(id);
    total += e.name().size() + e.ascii_name().size() + e.code().size() + e.feature_code().size() +
             e.country_iso2().size() + e.country_iso3().size() + e.country_name().size() +
             e.admin1_code().size() + e.admin1_name().size() + e.admin2_name().size();
    (void)gaz.Admin1Of(e);
    (void)gaz.Admin2Of(e);
  }
  // The batched prefetch reads the index, key records and strings of any blob Open accepted.
  gaz.PrefetchFolded(std::vector<std::string>{"a", "gao", "iraq", "", "deir zor", "gao"});
  std::vector<std::string> loose(3);
  gaz.PrefetchFolded(std::vector<std::string>{"bosaso", "gao", "zzq"}, loose);
  for (const std::string& l : loose) total += l.size() + gaz.FindLoose(l).size();
  total += gaz.HasFoldedWordPrefix("deir") + gaz.FindDemonymFolded("iraqi").size();
  for (const char* q : {"a", "gao", "iraq", ""}) total += gaz.Lookup(q).size() + gaz.LookupLoose(q).size();
  (void)gaz.CountryByIso2("IQ");
  (void)gaz.CountryByIso3("IRQ");
  (void)gaz.CountryByDemonym("iraqi");
  (void)gaz.Admin1ByCode("IQ.01");
  (void)gaz.HasFoldedPrefix("g");
  if (total > (size_t{1} << 40)) __builtin_trap();
  return 0;
}
