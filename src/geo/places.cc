// The places layer's entry points: FindPlaces / AnnotatePlaces, the "places" stage and where the
// gazetteer blob is looked for.
#include "sitrep/pipeline.h"
#include "sitrep/places.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <span>
#include <system_error>

#include "geo/places_internal.h"
#include "sitrep/document.h"
#include "sitrep/text.h"
#include "sitrep/timex.h"

namespace sitrep {

const char* PlaceKindName(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCountry: return "country";
    case PlaceKind::kAdmin1: return "admin1";
    case PlaceKind::kAdmin2: return "admin2";
    case PlaceKind::kPlace: return "place";
    case PlaceKind::kRegion: return "region";
  }
  return "place";
}

namespace {

// Street-type words that end a street name ("Orchard St.", "North Lumpkin Street"). Words that
// also end institution names ("Court", "Way", "Place") are left out.
constexpr std::array<std::string_view, 22> kStreetWords = {
    "Street", "St.", "Road", "Rd.", "Avenue", "Ave.", "Boulevard", "Blvd.", "Drive", "Lane",
    "Parkway", "Pkwy.", "Highway", "Freeway", "Expressway", "Pike", "Trail", "Terrace", "Circle",
    "Square", "Alley", "Turnpike"};
static_assert(std::all_of(kStreetWords.begin(), kStreetWords.end(),
                          [](std::string_view w) { return w[0] >= 'A' && w[0] <= 'Z'; }),
              "AddStreets skips tokens that do not start with a capital");
// Per capital letter A-Z, bit L set when a street word of L bytes starts with it.
constexpr std::array<uint16_t, 26> kStreetShapes = [] {
  std::array<uint16_t, 26> shapes{};
  for (std::string_view w : kStreetWords) shapes[w[0] - 'A'] |= static_cast<uint16_t>(1u << w.size());
  return shapes;
}();
static_assert(std::all_of(kStreetWords.begin(), kStreetWords.end(),
                          [](std::string_view w) { return w.size() < 16; }),
              "kStreetShapes holds lengths below 16");
// The street words' abbreviations that the tokenizer may split from their period ("St" + ".").
constexpr std::array<std::string_view, 4> kStreetStems = {"St", "Ave", "Rd", "Blvd"};
// kStreetShapes with the stems' shapes: a token of any other shape ends no street name.
constexpr std::array<uint16_t, 26> kStreetOrStemShapes = [] {
  std::array<uint16_t, 26> shapes = kStreetShapes;
  for (std::string_view w : kStreetStems) {
    shapes[w[0] - 'A'] |= static_cast<uint16_t>(1u << w.size());
  }
  return shapes;
}();
// False when token t can end no street name (StreetEndingAt's first tests, and the shape of a
// street word or stem): most capitalized words, asked without a call.
inline bool MayEndStreet(const Document& doc, const Token& t) {
  const uint32_t n = t.span.end - t.span.begin;
  const unsigned c0 = static_cast<unsigned char>(doc.text[t.span.begin]) - 'A';
  return t.kind == TokenKind::kWord && n > 0 && n < 16 && c0 < 26 &&
         (kStreetOrStemShapes[c0] >> n & 1) != 0;
}

// Capitalized words that start a sentence or a title rather than a street name.
constexpr std::array<std::string_view, 16> kNotStreetNames = {
    "The", "A", "An", "In", "On", "At", "Of", "And", "To", "From", "By", "For", "Near", "Off",
    "Along", "Main-"};

bool IsStreetNameWord(const Document& doc, const Token& t) {
  std::string_view w = doc.Slice(t.span);
  if (w.empty()) return false;
  if (t.kind == TokenKind::kAlnum) {  // "35th", "1st"
    return w.size() >= 3 && std::isdigit(static_cast<unsigned char>(w[0])) &&
           std::isalpha(static_cast<unsigned char>(w.back()));
  }
  if (t.kind != TokenKind::kWord || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
  if (w.size() == 2 && w[1] == '.') return std::string_view("NSEW").find(w[0]) != w.npos;
  // A word with lower-case letters ("Orchard"), not an acronym or an abbreviation like "Mr.".
  if (w.back() == '.') return false;
  return std::any_of(w.begin(), w.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

// The street name ending at token i of `sent` ("Orchard St.", "North Lumpkin Street"), if any.
// Every street word is capitalized: callers may skip tokens that do not start with a capital.
std::optional<PlaceMention> StreetEndingAt(const Document& doc, const Sentence& sent, uint32_t i) {
  const Token& t = doc.tokens[i];
  if (t.kind != TokenKind::kWord) return std::nullopt;
  // Most tokens end here, on their first byte (token spans lie inside the text).
  if (t.span.end <= t.span.begin) return std::nullopt;
  const char c0 = doc.text[t.span.begin];
  if (c0 < 'A' || c0 > 'Z') return std::nullopt;
  std::string_view w = doc.Slice(t.span);
  Span end = t.span;
  // "St" + "." when the tokenizer splits the abbreviation's period off.
  if (std::find(kStreetStems.begin(), kStreetStems.end(), w) != kStreetStems.end() &&
      i + 1 < sent.token_end &&
      doc.Slice(doc.tokens[i + 1].span) == "." && doc.tokens[i + 1].span.begin == t.span.end) {
    end.end = doc.tokens[i + 1].span.end;
    w = doc.Slice(end);
  }
  // Most capitalized words have a first letter and length no street word has.
  if (w.size() >= 16 || (kStreetShapes[w[0] - 'A'] >> w.size() & 1) == 0) return std::nullopt;
  if (std::find(kStreetWords.begin(), kStreetWords.end(), w) == kStreetWords.end()) {
    return std::nullopt;
  }
  uint32_t b = i;
  while (b > sent.token_begin && i - b < 3 && IsStreetNameWord(doc, doc.tokens[b - 1]) &&
         doc.tokens[b].span.begin - doc.tokens[b - 1].span.end == 1) {
    --b;
  }
  while (b < i && std::find(kNotStreetNames.begin(), kNotStreetNames.end(),
                            doc.Slice(doc.tokens[b].span)) != kNotStreetNames.end()) {
    ++b;
  }
  if (b == i) return std::nullopt;
  PlaceMention m;
  m.span = {doc.tokens[b].span.begin, end.end};
  m.name = std::string(doc.Slice(m.span));
  m.feature_code = "ST";
  m.kind = PlaceKind::kPlace;
  return m;
}

// Street names are toponyms that the gazetteer does not hold. Each is placed at the document's
// nearest preceding populated place (else the first one), the town it is in for local news; a
// gazetteer mention inside the street name ("Dublin" of "Dublin Road") gives way to the street.
// `marked_words` (Recognize's) holds every token that starts with a capital: only those of a
// street word's shape (MayEndStreet) are asked, and the reference checks compare the streets
// with those of every token.
void AddStreets(const Document& doc, std::span<const uint32_t> marked_words,
                std::vector<PlaceMention>& mentions) {
  std::vector<PlaceMention> streets;
  size_t k = 0;
  for (const Sentence& sent : doc.sentences) {
    for (; k < marked_words.size() && marked_words[k] < sent.token_end; ++k) {
      if (marked_words[k] <= sent.token_begin ||
          !MayEndStreet(doc, doc.tokens[marked_words[k]])) {
        continue;
      }
      if (auto street = StreetEndingAt(doc, sent, marked_words[k])) {
        streets.push_back(std::move(*street));
      }
    }
  }
  if (places_internal::ReferenceChecksOn()) {
    std::vector<Span> every;
    for (const Sentence& sent : doc.sentences) {
      for (uint32_t i = sent.token_begin + 1; i < sent.token_end; ++i) {
        if (auto street = StreetEndingAt(doc, sent, i)) every.push_back(street->span);
      }
    }
    places_internal::CountReferenceCheck(every.size() == streets.size());
    for (size_t j = 0; j < std::min(every.size(), streets.size()); ++j) {
      places_internal::CountReferenceCheck(every[j] == streets[j].span);
    }
  }
  if (streets.empty()) return;
  auto is_town = [](const PlaceMention& m) {
    return m.kind == PlaceKind::kPlace && m.has_coordinates && !m.demonym && !m.metonymic &&
           m.geo_id != kNoGeoId;
  };
  for (PlaceMention& st : streets) {
    const PlaceMention* town = nullptr;
    for (const PlaceMention& m : mentions) {
      if (!is_town(m)) continue;
      if (m.span.end <= st.span.begin || town == nullptr) town = &m;
      if (m.span.begin >= st.span.begin) break;
    }
    if (town != nullptr) {
      st.lat = town->lat;
      st.lon = town->lon;
      st.has_coordinates = true;
      st.country = town->country;
      st.admin1 = town->admin1;
    }
  }
  std::vector<PlaceMention> merged;
  merged.reserve(mentions.size() + streets.size());
  for (PlaceMention& m : mentions) {
    bool inside = std::any_of(streets.begin(), streets.end(), [&](const PlaceMention& st) {
      return m.span.begin < st.span.end && st.span.begin < m.span.end;
    });
    if (!inside) merged.push_back(std::move(m));
  }
  for (PlaceMention& st : streets) merged.push_back(std::move(st));
  std::sort(merged.begin(), merged.end(),
            [](const PlaceMention& a, const PlaceMention& b) { return a.span.begin < b.span.begin; });
  mentions = std::move(merged);
}

// "Islamic State of Iraq and the Levant", "Revolutionary Armed Forces of Colombia": a place
// inside the name of an armed group or mission names the group, not where an event happened;
// it is kept (and still votes for its country) but reads like a metonymic mention.
void MarkNamesOfGroups(const Document& doc, std::vector<PlaceMention>& mentions) {
  for (const ActorMention& a : doc.actors) {
    if (a.generic || (a.inter != 2 && a.inter != 3 && a.inter != 8)) continue;
    for (PlaceMention& m : mentions) {
      if (m.span.begin >= a.span.begin && m.span.end <= a.span.end &&
          m.span.end - m.span.begin < a.span.end - a.span.begin) {
        m.metonymic = true;
      }
    }
  }
}

// Names that are not places: a name inside a date ("Mar.28", "on May 9": the month; "Mar" folds
// to a Burkinabe village's alternate name), using the timex layer when it ran (sorted by
// start); a name before "cocktail(s)" (the Molotov cocktail: Molotov is an old name of Perm,
// whose vote would pull the document's other names towards Russia).
void DropNonPlaceNames(const Document& doc, std::vector<places_internal::Candidate>& candidates) {
  // The first token from a candidate's end is mostly the one after its tokens (tok_end): that
  // one when it begins at or after the end and the one before it does not (the tokens are in
  // order), else searched.
  auto first_token_from_end = [&doc](const places_internal::Candidate& c) {
    const std::vector<Token>& t = doc.tokens;
    if (c.tok_end < t.size() && t[c.tok_end].span.begin >= c.span.end &&
        (c.tok_end == 0 || t[c.tok_end - 1].span.begin < c.span.end)) {
      return t.begin() + c.tok_end;
    }
    return doc.FirstTokenFrom(c.span.end);
  };
  auto is_no_place = [&doc, &first_token_from_end](const places_internal::Candidate& c) {
    if (auto next = first_token_from_end(c);
        next != doc.tokens.end() && next->span.begin == c.span.end + 1) {
      const std::string_view w = doc.Slice(next->span);
      if (w == "cocktail" || w == "cocktails" || w == "Cocktail" || w == "Cocktails") return true;
    }
    if (doc.timex.empty()) return false;
    auto later = std::upper_bound(doc.timex.begin(), doc.timex.end(), c.span.begin,
                                  [](uint32_t at, const Timex& t) { return at < t.span.begin; });
    return later != doc.timex.begin() && std::prev(later)->span.end >= c.span.end;
  };
  if (std::none_of(candidates.begin(), candidates.end(), is_no_place)) return;
  // Candidates name their container by index ("X, Y"): renumber them, and a container dropped
  // contains nothing.
  std::vector<int> renumbered(candidates.size(), -1);
  size_t kept = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (is_no_place(candidates[i])) continue;
    renumbered[i] = static_cast<int>(kept);
    if (kept != i) candidates[kept] = std::move(candidates[i]);
    ++kept;
  }
  candidates.resize(kept);
  for (places_internal::Candidate& c : candidates) {
    if (c.container >= 0) c.container = renumbered[static_cast<size_t>(c.container)];
  }
}

}  // namespace

std::vector<PlaceMention> FindPlaces(const Document& doc, const Gazetteer& gaz) {
  // The candidates' array is kept per thread: a short document then allocates none for it.
  // So are the recognizer's marked words.
  static thread_local std::vector<places_internal::Candidate> t_candidates;
  static thread_local std::vector<uint32_t> t_marked_words;
  static thread_local bool t_in_use = false;
  std::vector<places_internal::Candidate> own;
  std::vector<uint32_t> own_marked_words;
  std::vector<places_internal::Candidate>& candidates = t_in_use ? own : t_candidates;
  std::vector<uint32_t>& marked_words = t_in_use ? own_marked_words : t_marked_words;
  const bool leased = &candidates == &t_candidates;
  if (leased) t_in_use = true;
  places_internal::Recognize(doc, gaz, candidates, marked_words);
  DropNonPlaceNames(doc, candidates);
  std::vector<PlaceMention> mentions = places_internal::Resolve(doc, gaz, candidates);
  candidates.clear();
  MarkNamesOfGroups(doc, mentions);
  AddStreets(doc, marked_words, mentions);
  if (leased) t_in_use = false;
  return mentions;
}

void AnnotatePlaces(Document& doc, const Gazetteer& gaz) {
  if (doc.tokens.empty()) Segment(doc);
  doc.places = FindPlaces(doc, gaz);
}

namespace {

class PlacesStage final : public Stage {
 public:
  explicit PlacesStage(std::shared_ptr<const Gazetteer> gaz) : gaz_(std::move(gaz)) {}
  std::string_view name() const override { return "places"; }
  Status Run(Document& doc) const override {
    AnnotatePlaces(doc, *gaz_);
    return Status::Ok();
  }

 private:
  std::shared_ptr<const Gazetteer> gaz_;
};

}  // namespace

std::unique_ptr<Stage> MakePlacesStage(std::shared_ptr<const Gazetteer> gaz) {
  return std::make_unique<PlacesStage>(std::move(gaz));
}

std::vector<std::string> GazetteerSearchPath() {
  namespace fs = std::filesystem;
  std::vector<std::string> paths;
  if (const char* env = std::getenv("SITREP_GAZETTEER"); env != nullptr && *env != '\0') {
    paths.emplace_back(env);
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path dir = exe.parent_path();
    for (int up = 0; up < 3 && !dir.empty(); ++up) {
      paths.push_back((dir / "data" / "gazetteer.bin").string());
      dir = dir.parent_path();
    }
  }
  paths.emplace_back("build/data/gazetteer.bin");
  return paths;
}

Result<std::shared_ptr<const Gazetteer>> OpenDefaultGazetteer() {
  std::vector<std::string> paths = GazetteerSearchPath();
  std::string tried;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) return Gazetteer::Open(p);
    tried += (tried.empty() ? "" : ", ") + p;
  }
  return Status(ErrorCode::kNotFound,
                "no gazetteer blob (build target gazetteer_blob, or set SITREP_GAZETTEER); tried " +
                    tried);
}

}  // namespace sitrep
