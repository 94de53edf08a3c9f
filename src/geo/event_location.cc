// Event location: the most specific place an event's sentence supports.
//
// Within a sentence, a town beats an admin2, an admin2 an admin1, an admin1 (or a part of one,
// "western Anbar") a relative region of a country ("eastern Syria"), and that the country; the
// first mention wins ties. Demonyms and metonymic mentions ("Washington said") do not count.
// Without a place in the sentence, the nearest preceding sentence of the same paragraph that
// has one is used, then the document's dominant place (the most mentioned admin1-or-finer
// entry, else the most mentioned country, demonyms included as a last resort).
//
// The admin1 is spelled as the text spells it when a mention (or a word the gazetteer knows
// only loosely: "al-Hasakeh", "Lower Shabelle") names it; coders of the sources compared with
// do the same.
//
// Precision (ACLED geo_precision / UCDP where_prec):
//   town 1/1; "near X"/"outside X" 2/2; admin2 2/3; admin1 or part of one 3/4;
//   part of a country 3/5; country 3/6.
#include <algorithm>
#include <map>

#include "sitrep/pipeline.h"
#include "sitrep/places.h"

namespace sitrep {
namespace {

// Higher is more specific; 0 = not usable for an event.
int Rank(const PlaceMention& m) {
  if (m.demonym || m.metonymic || m.geo_id == kNoGeoId) return 0;
  switch (m.kind) {
    case PlaceKind::kPlace: return 6;
    case PlaceKind::kAdmin2: return 5;
    case PlaceKind::kAdmin1: return 4;
    case PlaceKind::kCountry: return 1;
    case PlaceKind::kRegion: break;
  }
  // A relative region: of an admin2 / admin1 / country.
  if (m.feature_code.starts_with("ADM2")) return 5;
  if (m.feature_code.starts_with("ADM1")) return 3;
  return 2;
}

bool Inside(Span inner, Span outer) { return inner.begin >= outer.begin && inner.end <= outer.end; }

// Index of the most specific mention in `span`, or -1.
int BestIn(const Document& doc, Span span) {
  int best = -1, best_rank = 0;
  for (size_t k = 0; k < doc.places.size(); ++k) {
    const PlaceMention& m = doc.places[k];
    if (!Inside(m.span, span)) continue;
    int r = Rank(m);
    if (r > best_rank) {
      best_rank = r;
      best = static_cast<int>(k);
    }
  }
  return best;
}

int Dominant(const Document& doc) {
  std::map<uint32_t, std::pair<int, int>> counts;  // geo_id → (count, first mention)
  auto tally = [&](bool fine, bool allow_demonym) -> int {
    counts.clear();
    for (size_t k = 0; k < doc.places.size(); ++k) {
      const PlaceMention& m = doc.places[k];
      int r = Rank(m);
      if (m.demonym && allow_demonym && m.geo_id != kNoGeoId) r = 1;
      if (r == 0 || (fine ? r < 3 : r >= 3)) continue;
      auto [it, fresh] = counts.emplace(m.geo_id, std::make_pair(0, static_cast<int>(k)));
      ++it->second.first;
    }
    int best = -1, best_count = 0;
    for (const auto& [id, c] : counts) {
      if (c.first > best_count || (c.first == best_count && c.second < best)) {
        best_count = c.first;
        best = c.second;
      }
    }
    return best;
  };
  int k = tally(true, false);
  if (k < 0) k = tally(false, false);
  if (k < 0) k = tally(false, true);
  return k;
}

// The admin1 as the text writes it ("Idleb" where GeoNames says "Idlib"), when a mention
// resolves to it: coders of the sources sitrep is compared with spell it that way too.
std::string Admin1AsWritten(const Document& doc, GeoId admin1, const Gazetteer& gaz) {
  if (admin1 == kNoGeoId) return {};
  for (const PlaceMention& m : doc.places) {
    if (m.demonym) continue;
    std::string_view t = doc.Slice(m.span);
    if (m.relative_region) {
      size_t space = t.find(' ');
      if (space != std::string_view::npos) t.remove_prefix(space + 1);
    }
    for (std::string_view level : {" province", " Province", " governorate", " Governorate",
                                   " state", " State", " region", " Region"}) {
      if (t.size() > level.size() && t.ends_with(level)) t.remove_suffix(level.size());
    }
    if (t.empty() || t.find(' ') != std::string_view::npos) continue;
    if (m.geo_id == admin1) return std::string(t);
    // "Kafr Nobol (Idleb)" where "Idleb" resolved to the town Idlib: the text still names the
    // province that way when the word is one of the province's own names.
    if (m.kind != PlaceKind::kPlace || m.geo_id == kNoGeoId) continue;
    std::span<const GeoId> ids = gaz.FindFolded(FoldName(t));
    if (std::find(ids.begin(), ids.end(), admin1) != ids.end()) return std::string(t);
  }
  // A spelling the gazetteer holds only loosely ("in al-Hasakeh", "(Wadajir, Banadir)",
  // "Lower Shabelle"): one or two capitalized words of the text whose loose key names it.
  auto names_it = [&](std::string_view t) {
    std::string folded = FoldName(t);
    if (folded.empty()) return false;
    std::span<const GeoId> ids = gaz.FindFolded(folded);
    if (std::find(ids.begin(), ids.end(), admin1) != ids.end()) return true;
    ids = gaz.FindLoose(LooseKey(folded));
    return std::find(ids.begin(), ids.end(), admin1) != ids.end();
  };
  const size_t n = std::min<size_t>(doc.tokens.size(), 4000);
  for (size_t i = 0; i < n; ++i) {
    const Token& tok = doc.tokens[i];
    if (tok.kind != TokenKind::kWord) continue;
    std::string_view w = doc.Slice(tok.span);
    if (w.size() < 4) continue;
    size_t dash = w.find('-');
    std::string_view body = dash != std::string_view::npos && dash <= 3 ? w.substr(dash + 1) : w;
    if (body.empty() || body[0] < 'A' || body[0] > 'Z') continue;
    if (i + 1 < n && doc.tokens[i + 1].kind == TokenKind::kWord &&
        doc.tokens[i + 1].span.begin == tok.span.end + 1 &&
        doc.text[doc.tokens[i + 1].span.begin] >= 'A' &&
        doc.text[doc.tokens[i + 1].span.begin] <= 'Z') {
      std::string_view two(doc.text.data() + tok.span.begin,
                           doc.tokens[i + 1].span.end - tok.span.begin);
      if (names_it(two)) return std::string(two);
    }
    if (names_it(w)) return std::string(w);
  }
  return {};
}

EventLocation FromMention(const Document& doc, const PlaceMention& m, const Gazetteer& gaz) {
  EventLocation loc;
  if (m.geo_id >= gaz.size()) return loc;
  GeoEntry e = gaz.Entry(m.geo_id);
  loc.country = std::string(e.country_name());
  loc.iso3 = std::string(e.country_iso3());
  loc.admin1 = std::string(e.admin1_name());
  if (std::string written = Admin1AsWritten(doc, e.admin1_id(), gaz); !written.empty()) {
    loc.admin1 = std::move(written);
  }
  loc.admin2 = std::string(e.admin2_name());
  loc.location = std::string(e.name());
  loc.has_coordinates = e.has_coordinates();
  if (loc.has_coordinates) {
    loc.lat = e.lat();
    loc.lon = e.lon();
  }
  loc.geonameid = e.geonameid();
  loc.evidence = m.span;
  switch (Rank(m) == 0 ? 1 : Rank(m)) {
    case 6:
      loc.geo_precision = m.near ? 2 : 1;
      loc.where_prec = m.near ? 2 : 1;
      break;
    case 5:
      loc.geo_precision = 2;
      loc.where_prec = 3;
      break;
    case 4:
    case 3:
      loc.geo_precision = 3;
      loc.where_prec = 4;
      break;
    case 2:
      loc.geo_precision = 3;
      loc.where_prec = 5;
      loc.admin1.clear();
      loc.admin2.clear();
      break;
    default:
      loc.geo_precision = 3;
      loc.where_prec = 6;
      loc.admin1.clear();
      loc.admin2.clear();
      break;
  }
  return loc;
}

}  // namespace

EventLocation LocateEvent(const Document& doc, size_t sentence, const Gazetteer& gaz) {
  if (sentence < doc.sentences.size()) {
    const Span s = doc.sentences[sentence].span;
    int k = BestIn(doc, s);
    if (k >= 0) return FromMention(doc, doc.places[k], gaz);
    // Earlier sentences of the same paragraph, nearest first.
    Span para{0, 0};
    for (const Span& p : doc.paragraphs) {
      if (Inside(s, p)) para = p;
    }
    for (size_t j = sentence; j-- > 0;) {
      const Span sj = doc.sentences[j].span;
      if (para.empty() || !Inside(sj, para)) break;
      k = BestIn(doc, sj);
      if (k >= 0) return FromMention(doc, doc.places[k], gaz);
    }
  }
  int k = Dominant(doc);
  if (k >= 0) return FromMention(doc, doc.places[k], gaz);
  return EventLocation{};
}

}  // namespace sitrep
