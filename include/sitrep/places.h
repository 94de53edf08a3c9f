// Place mentions (the `places` layer) and event locations: toponyms in `Document::text`, each
// resolved to one gazetteer entry, and the most specific place an event's sentence supports.
//
//   auto gaz = sitrep::OpenDefaultGazetteer();          // $SITREP_GAZETTEER, next to the binary...
//   sitrep::Document doc;
//   doc.text = "Iraqi forces clashed with militants near Falluja in Iraq's western Anbar province.";
//   sitrep::AnnotatePlaces(doc, **gaz);                  // segments first when doc.tokens is empty
//   // doc.places: "Iraqi" (demonym → IQ), "Falluja" (PPL, Anbar), "Iraq" (country),
//   //             "western Anbar province" (relative region of the admin1 Anbar)
//   sitrep::EventLocation loc = sitrep::LocateEvent(doc, 0);
//   // loc.location "Al Fallūjah", geo_precision 2 / where_prec 2 ("near"), admin1 "Anbar"
//
// Policy, in brief (details at the top of src/geo/recognize.cc and src/geo/resolve.cc):
//  - A toponym is a capitalized token sequence found in the gazetteer. Bare small places need a
//    cue ("in", "near", "village of"...) or support from the document's country/admin1 context;
//    titles, person-name neighbours, months, weekdays and common sentence-initial words are
//    rejected.
//  - Demonyms ("Iraqi forces", "the Russian army") are place mentions with `demonym = true`,
//    resolved to their country: an adjectival reference to a country is a toponym in the places
//    layer (LGL annotates them; GeoWebNews types them Demonym, which the metric ignores), and
//    `sitrep annotate` writes them with "demonym": true. They name an actor's country, not where
//    something happened, so they set the document's country context but never locate an event
//    except as a last resort for the country.
//  - Street names ("Orchard St.", "North Lumpkin Street") are toponyms with feature_code "ST",
//    no gazetteer entry, and the coordinates of the nearest preceding town of the document.
//  - A capital before a speech verb ("Washington said") stays a toponym (GeoWebNews counts
//    metonymy) but has `metonymic = true` and never locates an event.
//  - Relative regions ("eastern Syria", "the north of the country") span the whole phrase and
//    resolve to the country/admin1 they qualify; events there get where_prec 5.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/gazetteer.h"
#include "sitrep/result.h"
#include "sitrep/span.h"

namespace sitrep {

struct Document;
class Stage;

enum class PlaceKind : uint8_t { kCountry, kAdmin1, kAdmin2, kPlace, kRegion };

struct PlaceMention {
  Span span;                 // byte range into Document::text
  int64_t geonameid = 0;     // 0 = unresolved (or an entry without a GeoNames id)
  uint32_t geo_id = 0xFFFFFFFFu;  // GeoId of the entry in the gazetteer used; kNoGeoId = none
  std::string name;          // gazetteer name: "Al Fallūjah"
  std::string feature_code;  // "PPL", "ADM1", "PCLI"...
  std::string country;       // ISO2 "IQ"
  std::string admin1;        // admin1 name "Anbar"
  double lat = 0, lon = 0;   // meaningful when has_coordinates
  bool has_coordinates = false;
  PlaceKind kind = PlaceKind::kPlace;  // kRegion: a relative region of the resolved entry
  bool relative_region = false;  // "eastern Syria": the span covers the whole phrase
  bool demonym = false;      // "Iraqi": names its country; an actor's, not an event's place
  bool metonymic = false;    // "Washington said": a government, not where something happened
  bool near = false;         // preceded by "near"/"outside"/"around"...: the area around it
  bool operator==(const PlaceMention&) const = default;
};


// Returns "country", "admin1", "admin2", "place" or "region".
const char* PlaceKindName(PlaceKind kind);

// Returns the place mentions of `doc` in text order, non-overlapping, resolved. Needs doc.tokens
// and doc.sentences (call Segment first). Thread-safe.
std::vector<PlaceMention> FindPlaces(const Document& doc, const Gazetteer& gaz);

// Replaces doc.places with FindPlaces(doc, gaz); segments the document first if it has no tokens.
void AnnotatePlaces(Document& doc, const Gazetteer& gaz);

// The "places" pipeline stage: runs AnnotatePlaces with `gaz`.
std::unique_ptr<Stage> MakePlacesStage(std::shared_ptr<const Gazetteer> gaz);

// Where the gazetteer blob is looked for, in order: $SITREP_GAZETTEER; data/gazetteer.bin next
// to the running binary and one and two folders up; build/data/gazetteer.bin under the working
// directory.
std::vector<std::string> GazetteerSearchPath();
// Opens the first existing file of GazetteerSearchPath(); kNotFound naming the places tried
// when there is none, or the Open error of the file found.
Result<std::shared_ptr<const Gazetteer>> OpenDefaultGazetteer();

// The location of an event, in both ACLED and UCDP terms.
struct EventLocation {
  std::string country;   // "Iraq"; empty when nothing locates the event
  std::string iso3;      // "IRQ"
  std::string admin1;    // "Anbar"; as the text spells it when a mention names it ("Idleb")
  std::string admin2;
  std::string location;  // the named place (or the admin/country when nothing finer)
  double lat = 0, lon = 0;
  bool has_coordinates = false;
  int64_t geonameid = 0;
  int geo_precision = 0;  // ACLED 1 town, 2 near a town / part of a region, 3 region; 0 unknown
  int where_prec = 0;     // UCDP 1 exact ... 4 ADM1, 5 part of country, 6 country; 0 unknown
  Span evidence;          // the mention used
  bool found() const { return !country.empty(); }
};

// Returns the most specific place that sentence `sentence` (an index into doc.sentences)
// supports; else the nearest preceding sentence of its paragraph that names one; else the
// document's dominant place. Needs doc.places (AnnotatePlaces) and the gazetteer they were
// resolved with. Demonyms and metonymic mentions never locate an event except as a last resort
// for the country. Thread-safe.
EventLocation LocateEvent(const Document& doc, size_t sentence, const Gazetteer& gaz);

}  // namespace sitrep
