// Places layer: recognition traps, resolution with context, relative regions, event location.
// Invented sentences only. Needs the compiled gazetteer blob (SITREP_GAZETTEER_BLOB, or
// $SITREP_GAZETTEER).
#include "sitrep/places.h"
#include "sitrep/timex.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "geo/gazetteer_format.h"
#include "geo/place_lexicon.h"
#include "geo/places_internal.h"
#include "sitrep/actors.h"
#include "sitrep/pipeline.h"
#include "sitrep/text.h"
#include "test_gazetteer.h"

namespace sitrep {
namespace {

// A row of the resolution tables: `surface` in `text` resolves in `country` to a feature
// code that begins with `feature_prefix`.
struct Context {
  const char* text;
  const char* surface;
  const char* country;
  const char* feature_prefix;  // "ADM1", "PCL", "PPL", "ADM2"
};

// A recognition trap: `not_a_place` in `text` is no place mention.
struct Trap {
  const char* text;
  const char* not_a_place;
};

class PlacesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Gaz()) GTEST_SKIP() << "no gazetteer blob at " << SITREP_GAZETTEER_BLOB;
  }
  static Document Annotate(const std::string& text) {
    Document doc;
    doc.text = text;
    AnnotatePlaces(doc, *Gaz());
    return doc;
  }
  // As Annotate, after sentences and actors: named groups vote for a country.
  static Document AnnotateWithActors(const std::string& text) {
    Document doc;
    doc.text = text;
    Segment(doc);
    AnnotateActors(doc);
    AnnotatePlaces(doc, *Gaz());
    return doc;
  }
  // The mention whose text is `surface`, or nullptr.
  static const PlaceMention* Find(const Document& doc, std::string_view surface) {
    for (const PlaceMention& m : doc.places) {
      if (doc.Slice(m.span) == surface) return &m;
    }
    return nullptr;
  }
  static void ExpectNoPlaces(std::initializer_list<Trap> traps) {
    for (const Trap& c : traps) {
      Document doc = Annotate(c.text);
      EXPECT_EQ(Find(doc, c.not_a_place), nullptr) << c.text;
    }
  }
  static void ExpectContexts(std::span<const Context> cases) {
    for (const Context& c : cases) {
      Document doc = Annotate(c.text);
      const PlaceMention* m = Find(doc, c.surface);
      ASSERT_NE(m, nullptr) << c.text;
      EXPECT_EQ(m->country, c.country) << c.text << " → " << m->name;
      EXPECT_TRUE(m->feature_code.starts_with(c.feature_prefix))
          << c.text << " → " << m->feature_code << " " << m->name;
    }
  }
  // A row of the admin1 tables: `surface` in `text` resolves inside `admin1`.
  struct Admin1Row {
    const char* text;
    const char* surface;
    const char* admin1;
  };
  // Checks each row; with `kind` / `country`, every mention must also be of that kind / country.
  static void ExpectAdmin1Rows(std::initializer_list<Admin1Row> rows,
                               std::optional<PlaceKind> kind = std::nullopt,
                               const char* country = nullptr) {
    for (const Admin1Row& r : rows) {
      SCOPED_TRACE(std::string(r.text) + " / " + r.surface);
      Document doc = Annotate(r.text);
      const PlaceMention* m = Find(doc, r.surface);
      if (m == nullptr) {
        ADD_FAILURE() << "no place mention";
        continue;
      }
      EXPECT_EQ(m->admin1, r.admin1) << m->name;
      if (kind) EXPECT_EQ(m->kind, *kind) << m->name;
      if (country != nullptr) EXPECT_EQ(m->country, country) << m->name;
    }
  }
};

struct Recognition {
  const char* text;
  const char* surface;  // expected toponym text
  const char* country;  // expected ISO2, "" for none
};

TEST_F(PlacesTest, RecognizesToponyms) {
  const Recognition cases[] = {
      {"Militants attacked a checkpoint in Kabul on Monday.", "Kabul", "AF"},
      {"Fighting resumed near Falluja after dawn.", "Falluja", "IQ"},
      {"Clashes were reported in Deir ez-Zor and Raqqa.", "Deir ez-Zor", "SY"},
      {"Gunmen stormed a school in Maiduguri, Borno state.", "Maiduguri", "NG"},
      {"Troops deployed to Iraq's western Anbar province.", "Iraq", "IQ"},
      {"Protesters gathered in Bamako, the capital of Mali.", "Bamako", "ML"},
  };
  for (const Recognition& c : cases) {
    Document doc = Annotate(c.text);
    const PlaceMention* m = Find(doc, c.surface);
    ASSERT_NE(m, nullptr) << c.text;
    EXPECT_EQ(m->country, c.country) << c.text;
    EXPECT_NE(m->geonameid, 0) << c.text;
  }
}

// Spanish plural articles, the preposition "a", the Persian ezafe "e" and the Arabic "wa" join a
// name like "de" and "la" do ("San Nicolas de los Garza", "Gracias a Dios", "Shahr e Kord");
// where the longer name is no key, the name stops before the connector (no "Culiacan de los
// Valles", no "Kabul a", no "Porto e Lisboa").
TEST_F(PlacesTest, RecognizesNamesThroughPluralArticles) {
  const Recognition cases[] = {
      {"Soldiers destroyed an airstrip near Puerto Lempira, Gracias a Dios.", "Gracias a Dios",
       "HN"},
      {"The envoy gave Kabul a warning on Monday.", "Kabul", "AF"},
      {"Workers protested in Shahr e Kord on Monday.", "Shahr e Kord", "IR"},
      {"Trains ran between Porto e Lisboa on Monday.", "Porto", "PT"},
      // Every article FoldName drops vanishes inside a name ("es"), and Arabic "wa" ("and")
      // joins one; "at" after a name is no part of it.
      {"Police arrested protesters in Dar es Salaam on Monday.", "Dar es Salaam", "TZ"},
      {"Fighters clashed in Khabb wa ash Shaaf, Al Jawf, on Monday.", "Khabb wa ash Shaaf",
       "YE"},
      {"Militants attacked a post in Kabul at night.", "Kabul", "AF"},
      {"Gunmen shot a driver in San Nicolas de los Garza on Monday.", "San Nicolas de los Garza",
       "MX"},
      {"Teachers marched in San Cristobal de las Casas, Chiapas.", "San Cristobal de las Casas",
       "MX"},
      {"Farmers blocked a road near San Juan de los Morros.", "San Juan de los Morros", "VE"},
      {"Two men were killed in Culiacan de los Valles, Sinaloa.", "Culiacan", "MX"},
  };
  for (const Recognition& c : cases) {
    Document doc = Annotate(c.text);
    const PlaceMention* m = Find(doc, c.surface);
    ASSERT_NE(m, nullptr) << c.text;
    EXPECT_EQ(m->country, c.country) << c.text;
  }
}

// An article inside a name is read the same capitalized or not ("Deir Ez Zor"); the name still
// ends where no key goes on (the negative row reads no "Mosul Al Sharif").
TEST_F(PlacesTest, RecognizesNamesThroughCapitalizedArticles) {
  const Recognition cases[] = {
      {"Gunmen attacked a farm near Shahhat (Al Jabal Al Akhdar).", "Al Jabal Al Akhdar", "LY"},
      {"Shells fell on Deir Ez Zor on Monday.", "Deir Ez Zor", "SY"},
      {"Police in Amanat Al Asimah arrested two men.", "Amanat Al Asimah", "YE"},
  };
  for (const Recognition& c : cases) {
    Document doc = Annotate(c.text);
    const PlaceMention* m = Find(doc, c.surface);
    ASSERT_NE(m, nullptr) << c.text;
    EXPECT_EQ(m->country, c.country) << c.text;
  }
  Document doc = Annotate("A reporter in Mosul Al Sharif said the road was closed.");
  EXPECT_EQ(Find(doc, "Mosul Al Sharif"), nullptr);
}

// "Kabul's Shar-e Naw area": after a possessive, capitalized words closed by a level word are a
// part of the place, which stays read; without the level word ("Chicago's Navy Pier") they may
// be a longer name, and the place is not read.
TEST_F(PlacesTest, PossessiveBeforeAPartOfThePlace) {
  const Recognition cases[] = {
      {"Gunmen shot a shopkeeper in Kabul's Shar-e Naw area.", "Kabul", "AF"},
      {"Protesters marched through Beirut's Achrafieh district.", "Beirut", "LB"},
  };
  for (const Recognition& c : cases) {
    Document doc = Annotate(c.text);
    const PlaceMention* m = Find(doc, c.surface);
    ASSERT_NE(m, nullptr) << c.text;
    EXPECT_EQ(m->country, c.country) << c.text;
  }
  Document doc = Annotate("Visitors crowded Chicago's Navy Pier on Sunday.");
  EXPECT_EQ(Find(doc, "Chicago"), nullptr);
}


// A district written as the container of the name before it ("Sitio Bato, Nueva Vizcaya", the
// village unknown) is read when only one country has districts of that name and the document
// names no other country, or when its level word is written ("Kologo village, Sanmatenga
// province", though "Kologo" is an alternate name of Korhogo in Ivory Coast); not in a list among
// other countries' towns, nor as a bare modifier.
TEST_F(PlacesTest, ReadsAUniqueDistrictWrittenAsContainer) {
  const Context cases[] = {
      {"Gunmen killed three civilians in Kologo village, Sanmatenga province.",
       "Sanmatenga province", "BF", "ADM2"},
      {"Armed bandits robbed a credit union in Kologo, Sissili Province.", "Sissili Province",
       "BF", "ADM2"},
      {"Gunmen shot a farmer in Sitio Bato, Nueva Vizcaya.", "Nueva Vizcaya", "PH", "ADM2"},
      {"Gunmen shot a farmer in Sitio Bato, Misamis Occidental.", "Misamis Occidental", "PH",
       "ADM2"},
      {"Soldiers clashed with rebels in Sitio Bato (Lagawe, Ifugao) on Sunday.", "Ifugao", "PH",
       "ADM2"},
  };
  ExpectContexts(cases);
  const Trap negatives[] = {
      {"Ministers of Kenya and Ghana met traders from Accra, Nueva Vizcaya and Lagos.",
       "Nueva Vizcaya"},
      {"Nueva Vizcaya farmers protested on Sunday.", "Nueva Vizcaya"},
  };
  for (const Trap& c : negatives) {
    Document doc = Annotate(c.text);
    EXPECT_EQ(Find(doc, c.not_a_place), nullptr) << c.text;
  }
}

// Towns read only by their spelling variants put no country in play: "Pinlaung" and "Saung
// Pyaung" (Myanmar villages the gazetteer lacks) fold loosely like Panlong and Sangping in
// China, and would vouch for each other against the Myanmar the text names.
TEST_F(PlacesTest, LooseReadingsDoNotVouchForEachOther) {
  Document doc = Annotate(
      "Karenni resistance fighters ambushed a convoy of junta reinforcements in Pinlaung, Shan "
      "State in southeastern Myanmar. Members of the KNDF attacked a convoy near Saung Pyaung "
      "Village in Pinlaung.");
  for (const PlaceMention& m : doc.places) {
    EXPECT_EQ(m.country, "MM") << m.name << " for " << doc.Slice(m.span);
  }
  ASSERT_NE(Find(doc, "Shan State"), nullptr);
}

// A misspelt name after "in" / "at" ("Ouagadaougou") that only the loose key finds, of a city of
// 50k or more in one country, with no other country named: that city, even where small places
// abroad fold alike ("Quamishli": Qamishli, not the hamlets Kamyshla and Kamyshly). Negative
// rows: a small namesake ("Kingsmills" for Kings Mills, Ohio), and a document naming another
// country.
TEST_F(PlacesTest, ReadsAMisspeltCityAfterAFirmCue) {
  Document doc = Annotate("Teachers marched in Ouagadaougou on Monday.");
  const PlaceMention* m = Find(doc, "Ouagadaougou");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "BF");
  Document quamishli = Annotate("Gunmen threw a grenade at a house in Quamishli city on Friday.");
  m = Find(quamishli, "Quamishli");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "SY");
  for (const Trap& c : {Trap{"Shoppers queued at Kingsmills department store on Monday.",
                             "Kingsmills"},
                        Trap{"Teachers marched in Ouagadaougou and Paris on Monday.",
                             "Ouagadaougou"}}) {
    Document other = Annotate(c.text);
    EXPECT_EQ(Find(other, c.not_a_place), nullptr) << c.text;
  }
}

// A name inside a date the timex layer found ("Mar.28") is the month, not a place.
TEST_F(PlacesTest, NoPlaceInsideADate) {
  const std::string text =
      "Police in Ouagadougou arrested 40 suspects between Mar.28 and Apr.7, officials said.";
  Document doc;
  doc.text = text;
  doc.published = "2020-04-10";
  Segment(doc);
  AnnotateTimex(doc);
  ASSERT_FALSE(doc.timex.empty());
  AnnotatePlaces(doc, *Gaz());
  EXPECT_EQ(Find(doc, "Mar"), nullptr);
  EXPECT_EQ(Find(doc, "Apr"), nullptr);
  const PlaceMention* city = Find(doc, "Ouagadougou");
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->country, "BF");
}

// Only another language's name of a town abroad ("Bostan" is one of Boston's; "An'jang" folds
// to "jang" for Anyang), in a sentence that places its names in a country ("Aleppo, Syria"), is
// a local place the gazetteer lacks. Alternate names stay read in their own country's context,
// capitals by any name, and a local spelling in a sentence that names only actors' countries.
TEST_F(PlacesTest, DropsAForeignTownsOtherLanguageNameInACountrysSentence) {
  ExpectNoPlaces(
      {Trap{"Shells hit Al-Bostan, a quarter of Aleppo, Syria, on Monday.", "Al-Bostan"},
       Trap{"Reporters of the Jang newspaper were threatened in Karachi, Pakistan.", "Jang"}});
  const Context kept[] = {
      {"Gunmen killed two men in Falluja, Iraq, on Sunday.", "Falluja", "IQ", "PPL"},
      {"Delegates flew from Aleppo, Syria, to Kiev on Sunday.", "Kiev", "UA", "PPLC"},
      {"Turkish forces shelled two villages in al-Hasakeh on Sunday.", "al-Hasakeh", "SY", "PPL"},
  };
  ExpectContexts(kept);
}

// A two-word name with its level word, spelled another way than the gazetteer's ("Khas
// Urozgan district" for Khas Uruzgan), is read whole even when its first word is a name itself.
TEST_F(PlacesTest, ReadsATwoWordDivisionSpelledAnotherWay) {
  const Context cases[] = {
      {"Taliban militants killed an Afghan soldier in Khas Urozgan district on Monday.",
       "Khas Urozgan district", "AF", "ADM2"},
  };
  ExpectContexts(cases);
}

// A route written "X-Y" ("on the axis Tougan-Toueni", "the Banh-Ouahigouya road") names the
// towns it runs between, near which what happened on it happened, even when the gazetteer lacks
// one of them; not where the text then says where on the route ("... highway in Karimpur"),
// nor a short or people's part ("the Pan-American highway").
TEST_F(PlacesTest, ARouteNamesItsTowns) {
  const Context cases[] = {
      {"Gendarmes dismantled an IED on the axis Tougan-Toueni on Monday.", "Tougan", "BF", "PPL"},
      {"Militants ambushed a police patrol on the Banh-Ouahigouya road.", "Ouahigouya", "BF",
       "PPL"},
  };
  ExpectContexts(cases);
  {
    Document doc = Annotate("Gendarmes dismantled an IED on the axis Tougan-Toueni on Monday.");
    const PlaceMention* m = Find(doc, "Tougan");
    ASSERT_NE(m, nullptr);
    EXPECT_TRUE(m->near);
  }
  ExpectNoPlaces(
      {Trap{"A bomb hit a bus on the Joypurhat-Bogra highway in Karimpur, Bangladesh.", "Bogra"},
       Trap{"Protesters blocked the North Pan-American highway on Monday.", "Pan"}});
}

// An Arabic article glued to a first-level division's name ("Aljfara" for Al Jfara, "Almargeb"
// for Al Murgub) is read without it, with a cue and the division's country in the document; a
// word that only looks so ("Alliance", "Alsace") is not.
TEST_F(PlacesTest, ReadsADivisionWithAGluedArticle) {
  const Context cases[] = {
      {"Libyan forces clashed in Wadi al-Rabi (Aljfara) on Monday.", "Aljfara", "LY",
       "ADM1"},
      {"Shells fired by Libyan forces fell in Garabulli (Almargeb) on Monday.", "Almargeb", "LY",
       "ADM1"},
  };
  ExpectContexts(cases);
  ExpectNoPlaces(
      {Trap{"Members of the Alliance for Change met in Tripoli on Monday.", "Alliance"},
       Trap{"A mosque burned in Toulouse, Alsace province, France, on Sunday.", "Alsace"}});
}

// Weaker cues for a village only one country holds, in a document naming no other country:
// "near the X camp", the object of "attacked" / "fled", and "the village X" (a lower-case level
// word: "the City Hall" is no place "Hall").
TEST_F(PlacesTest, WeakCuesReadAVillageOfOneCountry) {
  const Context cases[] = {
      {"An IED exploded near the Mentao refugee camp on Monday.", "Mentao", "BF", "PPL"},
      {"Gunmen attacked Koutougou on Monday, killing two civilians.", "Koutougou", "BF", ""},
      {"Threats caused many to flee Tongomayel on Monday.", "Tongomayel", "BF", "PPL"},
      {"Gunmen entered the mosque of the village Namoungou on Friday.", "Namoungou", "BF", "PPL"},
  };
  ExpectContexts(cases);
  ExpectNoPlaces({Trap{"Delegates met at the City Hall on Monday.", "Hall"},
                  Trap{"Gunmen attacked Koutougou and Gao in Mali on Monday.", "Koutougou"}});
}

// Namesake villages of one country, alike in population and context: the one GeoNames files
// under its district (a surveyed record) wins over the old province-only import.
TEST_F(PlacesTest, NamesakeVillagesGoToTheFullerRecord) {
  ExpectAdmin1Rows({{"Gunmen attacked the village of Zoungou on Monday.", "Zoungou", "Centre-Sud"},
                    {"Gunmen attacked the village of Zetegomde on Monday.", "Zetegomde",
                     "Centre"}},
                   PlaceKind::kPlace, "BF");
}

// "Suburb (Buenos Aires)": the bracket after a name holds where that place lies, the way coders
// write a division; the capital of the same name is meant only without such a name before it.
TEST_F(PlacesTest, ABracketAfterANameHoldsItsDivision) {
  const Context cases[] = {
      {"Residents banged pots in Ramos Mejia (Buenos Aires) on Monday.", "Buenos Aires", "AR",
       "ADM1"},
      {"Residents banged pots around Vicente Lopez (Buenos Aires) on Monday.", "Buenos Aires",
       "AR", "ADM1"},
      {"Residents banged pots in Buenos Aires on Monday.", "Buenos Aires", "AR", "PPLC"},
      {"Residents banged pots in the capital (Buenos Aires) on Monday.", "Buenos Aires", "AR",
       "PPLC"},
  };
  ExpectContexts(cases);
}

// Where GeoNames' first level is a statistical region, the divisions that govern are the first
// level: Uganda's districts (the seat town stays the town), the City of Belgrade beside the rest
// of Serbia.
TEST_F(PlacesTest, GoverningDistrictsAreTheFirstLevel) {
  ExpectAdmin1Rows({{"Police dispersed protesters in Arua, Uganda.", "Arua", "Arua District"},
                    {"Police dispersed protesters in Zemun, Serbia.", "Zemun", "Belgrade"},
                    {"Police dispersed protesters in Novi Sad, Serbia.", "Novi Sad", "Vojvodina"},
                    {"Police dispersed protesters in Kraljevo, Serbia.", "Kraljevo",
                     "Central Serbia"}},
                   PlaceKind::kPlace);
}

// A portfolio or an ideal ("Ministry of Economy", "Palace of Justice", "Congress for Democracy
// and Progress") is not the small town of that name; after "in" or before a comma it is.
TEST_F(PlacesTest, APortfolioIsNoTown) {
  ExpectNoPlaces(
      {Trap{"Clerks held a sit-in at the Ministry of Economy and Finance on Monday.", "Economy"},
       Trap{"Traders protested in front of the Palace of Justice on Monday.", "Justice"},
       Trap{"Members of the Congress for Democracy and Progress clashed with rivals.",
            "Progress"}});
  const Context kept[] = {
      {"A fire destroyed a barn in Justice, Ill., on Monday.", "Justice", "US", "PPL"},
      {"Firefighters in Economy said the blaze was out by noon.", "Economy", "US", "PPL"},
  };
  ExpectContexts(kept);
}

// A separate lower-case article and a capitalized word continue a name after a level word too
// ("the town of Ain er Roummaneh" is not Al Ain); "at", "as", "an" stay English words.
TEST_F(PlacesTest, AnArticleContinuesAName) {
  ExpectNoPlaces(
      {Trap{"A sit-in took place in the Aley town of Ain er Roummaneh on Monday.", "Ain"},
       Trap{"Shells fell on the village of Tell es Sultan on Monday.", "Tell"}});
  const Context kept[] = {
      {"A sit-in took place in the Aley town of Ain er Roummaneh on Monday.", "Aley", "LB", "PPL"},
      {"Gunmen attacked a bus in Kirkuk at Dawn Road junction.", "Kirkuk", "IQ", "PPL"},
  };
  ExpectContexts(kept);
}

// A division's name that a capitalized word continues is the first word of a longer local name
// after a plain preposition too ("the Bar Elias intersection", "the La Campanera
// neighbourhood"), unless the document votes for the division's country or the name after holds
// it ("Helmand Afghanistan").
TEST_F(PlacesTest, DropsADivisionsNameThatBeginsALongerName) {
  ExpectNoPlaces(
      {Trap{"Rioters blocked the road at the Bar Elias intersection on Friday.", "Bar"},
       Trap{"Police patrolled in the La Campanera neighbourhood when gunmen fired.", "La"}});
  const Context kept[] = {
      {"A bomb hit a checkpoint in Nad Ali, Helmand Afghanistan, on Monday.", "Helmand", "AF",
       "ADM1"},
      {"Crews in Atlanta said outages in Georgia Power areas would last a day.", "Georgia", "US",
       "ADM1"},
      {"Protesters marched in Bar, Montenegro, on Sunday.", "Bar", "ME", "ADM1"},
  };
  ExpectContexts(kept);
}

// Natural Earth's "Región Metropolitana" and "Donetskaya Oblast'" give their divisions the one
// word left without the level word; a short word ("Masai District", Nairobi's former name) or
// one that other divisions share ("Southern", "Central") does not name a division alone.
TEST_F(PlacesTest, ReadsAOneWordAlternateNameOfADivision) {
  const Context cases[] = {
      {"Bus drivers protested in Puente Alto, Metropolitana, on Monday.", "Metropolitana", "CL",
       "ADM1"},
      {"Residents of Metropolitana blocked a road.", "Metropolitana", "CL", "ADM1"},
      {"Teachers marched in Horlivka (Donetskaya) on Friday.", "Donetskaya", "UA", "ADM1"},
  };
  ExpectContexts(cases);
  for (const char* text : {"Masai herders moved their cattle toward the hills.",
                           "Herders crossed from Kajiado into Masai country."}) {
    Document doc = Annotate(text);
    const PlaceMention* m = Find(doc, "Masai");
    EXPECT_FALSE(m != nullptr && m->kind == PlaceKind::kAdmin1) << text << " → " << m->name;
  }
}

TEST_F(PlacesTest, AvoidsCapitalizedNonPlaces) {
  const Trap cases[] = {
      {"Michael Jordan scored 30 points last night.", "Jordan"},
      {"President Lincoln signed the order.", "Lincoln"},
      {"Mr. Kelly said the talks had failed.", "Kelly"},
      {"In March the rebels regrouped.", "March"},
      {"Rioters threw Molotov cocktails at a police station in Kazan, Russia.", "Molotov"},
      {"The Washington Post reported the raid.", "Washington"},
      {"Police said the suspects fled.", "Police"},
      {"Ms. Paris Smith, a lawyer, declined to comment.", "Paris"},
      // A month of the year, as "March" is (an alternate name of Turabah, Saudi Arabia).
      {"Families queued for Ramadan food parcels on Monday.", "Ramadan"},
      {"Shops closed early during Ramadan in Hebron.", "Ramadan"},
  };
  for (const Trap& c : cases) {
    Document doc = Annotate(c.text);
    EXPECT_EQ(Find(doc, c.not_a_place), nullptr) << c.text;
  }
}

TEST_F(PlacesTest, SurnameOnceUsedForAPersonStaysAPerson) {
  Document doc = Annotate("Officer Mark Henry led the search. Henry said it took hours.");
  for (const PlaceMention& m : doc.places) EXPECT_NE(doc.Slice(m.span), "Henry");
}

struct StreetCase {
  const char* text;
  const char* street;      // expected street mention, "" for none
  const char* not_street;  // text that must not be a street mention, "" for none
};

TEST_F(PlacesTest, StreetNamesAreToponymsPlacedInTheirTown) {
  const StreetCase cases[] = {
      {"A fire broke out on Orchard St. in Alexandria, Louisiana.", "Orchard St.", ""},
      {"Police closed North Lumpkin Street in Athens, Georgia.", "North Lumpkin Street", ""},
      {"The shop on 35th Street in Omaha, Nebraska was robbed.", "35th Street", ""},
      {"Crews repaired Dublin Road in Columbus, Ohio.", "Dublin Road", "Dublin"},
      {"The Supreme Court heard the case in Atlanta, Georgia.", "", "Supreme Court"},
      {"The United Way gave money to a shelter in Macon, Georgia.", "", "United Way"},
      {"Street vendors gathered in Macon, Georgia.", "", "Street"},
  };
  for (const StreetCase& c : cases) {
    Document doc = Annotate(c.text);
    if (*c.street != '\0') {
      const PlaceMention* m = Find(doc, c.street);
      ASSERT_NE(m, nullptr) << c.text;
      EXPECT_EQ(m->feature_code, "ST") << c.text;
      EXPECT_TRUE(m->has_coordinates) << c.text;  // the town's point
      EXPECT_EQ(m->country, "US") << c.text;
    }
    if (*c.not_street != '\0') EXPECT_EQ(Find(doc, c.not_street), nullptr) << c.text;
  }
}

TEST_F(PlacesTest, DemonymsAreCountryMentionsFlaggedAsDemonyms) {
  Document doc = Annotate("Iraqi forces retook the town after heavy fighting.");
  ASSERT_FALSE(doc.places.empty());
  EXPECT_TRUE(doc.places[0].demonym);
  EXPECT_EQ(doc.places[0].country, "IQ");
  EXPECT_EQ(doc.Slice(doc.places[0].span), "Iraqi");
}

TEST_F(PlacesTest, MetonymicCapital) {
  Document doc = Annotate("Washington said it would send more aid to Kyiv.");
  const PlaceMention* m = Find(doc, "Washington");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->metonymic);
}

TEST_F(PlacesTest, ResolvesWithDocumentContext) {
  const Context cases[] = {
      // Georgia: the country by default, the US state among US places.
      {"Russian troops crossed into Georgia near Tskhinvali.", "Georgia", "GE", "PCL"},
      {"Storms hit Atlanta and Savannah, and Georgia declared an emergency.", "Georgia", "US",
       "ADM1"},
      // A level word picks the province over its seat.
      {"Airstrikes hit Kandahar province overnight.", "Kandahar province", "AF", "ADM1"},
      // Admin co-mention: the district inside Balkh.
      {"Taliban fighters attacked a post in Dawlat Abad district, Balkh.",
       "Dawlat Abad district", "AF", "ADM2"},
      // Alexandria in Louisiana when the state is named.
      {"A fire destroyed a home in Alexandria. Louisiana officials opened an inquiry.",
       "Alexandria", "US", "PPL"},
  };
  ExpectContexts(cases);
}

struct Relative {
  const char* text;
  const char* surface;  // the whole phrase
  const char* country;
};

TEST_F(PlacesTest, RelativeRegions) {
  const Relative cases[] = {
      {"Airstrikes killed 12 people in eastern Syria on Tuesday.", "eastern Syria", "SY"},
      {"Militants attacked a village in northern Iraq.", "northern Iraq", "IQ"},
      {"Bandits killed farmers in southern Kaduna.", "southern Kaduna", "NG"},
      {"Troops deployed to Iraq's western Anbar province.", "western Anbar province", "IQ"},
  };
  for (const Relative& c : cases) {
    Document doc = Annotate(c.text);
    const PlaceMention* m = Find(doc, c.surface);
    ASSERT_NE(m, nullptr) << c.text;
    EXPECT_TRUE(m->relative_region) << c.text;
    EXPECT_EQ(m->kind, PlaceKind::kRegion) << c.text;
    EXPECT_EQ(m->country, c.country) << c.text;
  }
  Document doc = Annotate("Fighting in Mali spread. Rebels hold the north of the country.");
  const PlaceMention* m = Find(doc, "the north of the country");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "ML");
  EXPECT_TRUE(m->relative_region);
}

// "central X" where X names both a division and its seat is the seat's centre: the town. A
// division whose namesake town is not its seat keeps the regional reading.
TEST_F(PlacesTest, CentreOfASeatIsTheTown) {
  struct Row {
    const char* text;
    const char* surface;
    const char* name;
    const char* country;
  };
  const Row towns[] = {
      {"Police fired tear gas at protesters in central Nairobi on Tuesday.", "Nairobi", "Nairobi",
       "KE"},
      {"A blast hit a market in central Van, officials said.", "Van", "Van", "TR"},
  };
  for (const Row& r : towns) {
    Document doc = Annotate(r.text);
    const PlaceMention* m = Find(doc, r.surface);
    ASSERT_NE(m, nullptr) << r.text;
    EXPECT_EQ(m->kind, PlaceKind::kPlace) << r.text;
    EXPECT_FALSE(m->relative_region) << r.text;
    EXPECT_EQ(m->name, r.name) << r.text;
    EXPECT_EQ(m->country, r.country) << r.text;
  }
  Document doc = Annotate("Wildfires burned across central Washington, and Yakima officials "
                          "ordered evacuations.");
  const PlaceMention* m = Find(doc, "central Washington");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->relative_region);
  EXPECT_EQ(m->country, "US");
  // Other directions keep the division: "southern Kaduna" above.
}

// A seat named before "village(s)" is the division it is the seat of: the village lies in
// Kaduna State, not in the city of Kaduna. Without the word, the city.
TEST_F(PlacesTest, VillageOfASeatsDivision) {
  Document village = Annotate("Gunmen killed 11 people in an attack on a Kaduna village.");
  const PlaceMention* m = Find(village, "Kaduna");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->kind, PlaceKind::kAdmin1);
  EXPECT_EQ(m->country, "NG");
  Document city = Annotate("Gunmen killed 11 people in an attack on Kaduna.");
  const PlaceMention* c = Find(city, "Kaduna");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->kind, PlaceKind::kPlace);
}

TEST_F(PlacesTest, NamesWithDirectionWordsAreNotRelative) {
  Document doc = Annotate("Violence flared in South Sudan and Northern Ireland.");
  const PlaceMention* a = Find(doc, "South Sudan");
  ASSERT_NE(a, nullptr);
  EXPECT_FALSE(a->relative_region);
  EXPECT_EQ(a->country, "SS");
}

struct Located {
  const char* text;
  size_t sentence;
  const char* iso3;
  int geo_precision;
  int where_prec;
  const char* evidence;
};

TEST_F(PlacesTest, EventLocationPrecision) {
  const Located cases[] = {
      {"Gunmen killed five people in Kandahar province.", 0, "AFG", 3, 4, "Kandahar province"},
      {"Troops deployed to Iraq's western Anbar province.", 0, "IRQ", 3, 4,
       "western Anbar province"},
      {"A bomb exploded in Baqubah on Sunday.", 0, "IRQ", 1, 1, "Baqubah"},
      {"Rebels shelled positions near Goma.", 0, "COD", 2, 2, "Goma"},
      {"Airstrikes killed 12 people in eastern Syria.", 0, "SYR", 3, 5, "eastern Syria"},
      {"Clashes broke out in Yemen.", 0, "YEM", 3, 6, "Yemen"},
      // Nothing in sentence 1: the preceding sentence of the paragraph.
      {"Fighting raged in Misrata. Dozens were killed.", 1, "LBY", 1, 1, "Misrata"},
  };
  for (const Located& c : cases) {
    Document doc = Annotate(c.text);
    EventLocation loc = LocateEvent(doc, c.sentence, *Gaz());
    ASSERT_TRUE(loc.found()) << c.text;
    EXPECT_EQ(loc.iso3, c.iso3) << c.text;
    EXPECT_EQ(loc.geo_precision, c.geo_precision) << c.text;
    EXPECT_EQ(loc.where_prec, c.where_prec) << c.text;
    EXPECT_EQ(doc.Slice(loc.evidence), c.evidence) << c.text;
  }
}

TEST_F(PlacesTest, AnbarProvinceAloneUsesAnbarCoordinates) {
  Document doc = Annotate("Militants ambushed a convoy in Anbar province.");
  EventLocation loc = LocateEvent(doc, 0, *Gaz());
  ASSERT_TRUE(loc.found());
  EXPECT_EQ(loc.admin1, "Anbar");
  EXPECT_EQ(loc.geo_precision, 3);
  EXPECT_EQ(loc.where_prec, 4);
  ASSERT_TRUE(loc.has_coordinates);
  EXPECT_NEAR(loc.lat, 33.0, 1.5);
  EXPECT_NEAR(loc.lon, 42.0, 2.0);
}

TEST_F(PlacesTest, StageAndEmptyInputs) {
  auto stage = MakePlacesStage(Gaz());
  EXPECT_EQ(stage->name(), "places");
  for (const char* text : {"", "   ", "no capitals here at all.", "\xff\xfe Baghdad \xc3"}) {
    Document doc;
    doc.text = text;
    EXPECT_TRUE(stage->Run(doc).ok());
    for (const PlaceMention& m : doc.places) {
      EXPECT_LE(m.span.end, doc.text.size());
      EXPECT_LT(m.span.begin, m.span.end);
    }
  }
  Document empty;
  EXPECT_FALSE(LocateEvent(empty, 0, *Gaz()).found());
}

// Rules added for the places-dev / ACLED error classes; invented sentences.
TEST_F(PlacesTest, RejectsWordsThatOnlyLookLikePlaces) {
  const Trap cases[] = {
      // Contractions: "I'll" folds to a place name somewhere.
      {"I'll be there tomorrow, he said.", "I'll"},
      {"\"I\xE2\x80\x99" "d rather wait,\" the coach said.", "I\xE2\x80\x99" "d"},
      // A firm: a surname before "&".
      {"Stevens & Wilkinson won the design contract.", "Stevens"},
      // A currency names no place where something happened.
      {"Traders blamed the weak US dollar for rising prices.", "US"},
      // Mixed-case acronyms ("LoC" = Line of Control).
      {"Troops exchanged fire across the LoC overnight.", "LoC"},
      // Common words that are alternate names of some place; buildings.
      {"The bill passed the House on Tuesday.", "House"},
      {"Aides at the White House declined to comment.", "White House"},
      // A small place's alternate name before a speech verb is a person.
      {"Kristina said she was still in shock.", "Kristina"},
      // An office named like a spelling variant of a county.
      {"The U.S. Treasury Department sanctioned three men.", "Treasury"},
      // A place name inside an institution's name that is not local ("Media Center").
      {"A source at the Media Center in Marib said nine vehicles were destroyed.", "Media"},
      // An all-caps abbreviation with a possessive.
      {"He was found dead beside the DO\xE2\x80\x99s office.", "DO"},
      // A name followed by an age is a person ("Lincoln" is also a large town).
      {"Police said Lincoln, 34, fled on foot before officers arrived.", "Lincoln"},
      // One letter of an abbreviation ("J&K") is not a place.
      {"Villagers protested in Baramulla district, J&K, over dirty water.", "K"},
  };
  for (const Trap& c : cases) {
    Document doc = Annotate(c.text);
    EXPECT_EQ(Find(doc, c.not_a_place), nullptr) << c.text;
  }
}

// A key covering only the first word of a longer name ("Bab" of "Bab al Hawa", with the
// article written as its own word) is not that name's place; the whole name stays unresolved.
TEST_F(PlacesTest, KeyCoveringOnlyPartOfAnArticleNameIsNotAPlace) {
  const Trap traps[] = {
      {"Fuel tankers parked near the border crossing of Bab al Hawa burned overnight, north of "
       "Idlib in Syria.",
       "Bab"},
      {"Residents fled the border crossing of Bab al Hawa after shelling. Syrian officials "
       "condemned the attack.",
       "Bab"},
  };
  for (const Trap& c : traps) {
    Document doc = Annotate(c.text);
    EXPECT_EQ(Find(doc, c.not_a_place), nullptr) << c.text;
  }
  // The short name on its own, or with its article glued on, is still the town.
  const Recognition towns[] = {
      {"Turkish troops shelled al-Bab, east of Aleppo, on Sunday.", "al-Bab", "SY"},
      {"Shelling hit the town of Bab in Aleppo province on Sunday.", "Bab", "SY"},
  };
  for (const Recognition& c : towns) {
    Document doc = Annotate(c.text);
    const PlaceMention* m = Find(doc, c.surface);
    ASSERT_NE(m, nullptr) << c.text;
    EXPECT_EQ(m->country, c.country) << c.text;
  }
}

// A sentence naming a province ("Idlib province") in a document about that country: a town
// named like the village but in another country is not accepted, whatever its size; with its
// own country in the document it still is.
TEST_F(PlacesTest, ProvinceInTheSentenceOutweighsATownAbroad) {
  Document doc = Annotate(
      "Idlib province: a shell fell near al-Burayj overnight and wounded a farmer in the "
      "countryside of Idlib, activists said.");
  const PlaceMention* village = Find(doc, "al-Burayj");
  EXPECT_TRUE(village == nullptr || village->country == "SY");
  const PlaceMention* province = Find(doc, "Idlib province");
  ASSERT_NE(province, nullptr);
  EXPECT_EQ(province->country, "SY");

  Document gaza = Annotate("A shell fell near al-Burayj overnight and wounded a farmer in Gaza.");
  const PlaceMention* camp = Find(gaza, "al-Burayj");
  ASSERT_NE(camp, nullptr);
  EXPECT_EQ(camp->country, "PS");
}

// A spelling variant the folded keys miss, with the article glued on ("al-Qunaitara" for
// Quneitra), is looked up like a capitalized one.
TEST_F(PlacesTest, ArticlePrefixedSpellingVariant) {
  Document doc = Annotate(
      "A landmine killed a shepherd in the northern countryside of al-Qunaitara near the Golan, "
      "Syrian activists said.");
  const PlaceMention* m = Find(doc, "al-Qunaitara");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "SY");
  EXPECT_EQ(m->feature_code, "ADM1");
}

TEST_F(PlacesTest, PlaceNamingALocalInstitutionIsAPlace) {
  const Recognition cases[] = {
      {"The Mansfield Police Department opened an inquiry into the fire.", "Mansfield", "US"},
      {"The Gainesville City Council voted on Tuesday.", "Gainesville", "US"},
      // A court named after its town.
      {"A Bridgeport Superior Court judge set bail on Monday.", "Bridgeport", "US"},
      // An airport named after its city: the city, which then places its neighbour.
      {"The Delta Police Department examined the Taser fired at Vancouver International Airport.",
       "Vancouver", "CA"},
      {"The Delta Police Department examined the Taser fired at Vancouver International Airport.",
       "Delta", "CA"},
      // A governor's office, an air base and a prison named after their town or province.
      {"Van Governor's Office extended the ban on all protests.", "Van", "TR"},
      {"Drones targeted Hama Airbase on Friday.", "Hama", "SY"},
      {"Inmates rioted in Kandahar Prison on Monday.", "Kandahar", "AF"},
      // A provincial school, a labour exchange, a stadium and a town's municipality.
      {"Students of Gaoua Provincial High School marched on Monday.", "Gaoua", "BF"},
      {"Staff demonstrated in front of the Ouagadougou Labour Exchange.", "Ouagadougou", "BF"},
      {"Fans clashed with police outside Herat Stadium.", "Herat", "AF"},
      {"Workers protested outside Sfax Municipality on Monday.", "Sfax", "TN"},
      // A capitalized modifier before the name is not a first name.
      {"Former US ambassador John Smith spoke at the event.", "US", "US"},
      // "City-District district": the city.
      {"Gunmen attacked a checkpoint in Mogadishu-Hodan district on Monday.", "Mogadishu-Hodan",
       "SO"},
  };
  for (const Recognition& c : cases) {
    Document doc = Annotate(c.text);
    const PlaceMention* m = Find(doc, c.surface);
    ASSERT_NE(m, nullptr) << c.text;
    EXPECT_EQ(m->country, c.country) << c.text;
  }
}

TEST_F(PlacesTest, AmericanLocalNewsAndStateContext) {
  const Context cases[] = {
      // A sheriff and a "X County": American local news, so the American Dublin.
      {"Deputies with the Walker County Sheriff's Office arrested a man in Dublin on Friday.",
       "Dublin", "US", "PPL"},
      // The state most of the other places lie in.
      {"Officials in Decatur said Avondale Estates and Stone Mountain would share the cost.",
       "Decatur", "US", "PPL"},
  };
  ExpectContexts(cases);
  Document doc = Annotate("Officials in Decatur said Avondale Estates and Stone Mountain would share the cost.");
  const PlaceMention* decatur = Find(doc, "Decatur");
  ASSERT_NE(decatur, nullptr);
  EXPECT_EQ(decatur->admin1, "Georgia");
}

TEST_F(PlacesTest, AmericanHouseStyleAndCountryNamedTowns) {
  const Context cases[] = {
      // AP style ("10 p.m.") and a councilman: an American paper, so the American namesake.
      {"Firefighters in Paris put out a kitchen fire shortly after 10 p.m. Tuesday.", "Paris", "US",
       "PPL"},
      {"Councilman Ed Brown said Athens would repave two streets this spring.", "Athens", "US",
       "PPL"},
      // No such style: the capital.
      {"Tourists filled the cafes of Paris on Saturday.", "Paris", "FR", "PPLC"},
      // AP-style dates are the Canadian Press's too: the large Canadian city stays.
      {"TORONTO - Police in Toronto arrested two men on Feb. 18, officials said.", "Toronto",
       "CA", "PPL"},
      // A town named like a country, next to the document's other places, and nothing else
      // in the text for the country.
      {"The Jordan resident was flown to a hospital in Shakopee, Scott County deputies said.",
       "Jordan", "US", "PPL"},
      // The country when the text names something of it.
      {"The Jordan delegation met officials in Amman on Tuesday.", "Jordan", "JO", "PCL"},
  };
  ExpectContexts(cases);
}

TEST_F(PlacesTest, BritishAndCanadianLocalNews) {
  const Context cases[] = {
      // British local news: a time written "4am", magistrates.
      {"Detectives in Lancaster appealed for witnesses to an assault at 4am on Saturday.",
       "Lancaster", "GB", "PPL"},
      {"A man from Lancaster appeared before magistrates on Monday.", "Lancaster", "GB", "PPL"},
      // Commonwealth spelling alone is no cue (conflict news abroad is written so too).
      {"Councillors in Lancaster agreed to repaint the bus shelters.", "Lancaster", "US", "PPL"},
      // A county of England named inside a longer name still places the text in England.
      {"A woman from Lancaster won a prize from the Yorkshire Law Society.", "Lancaster", "GB",
       "PPL"},
      // American house style, or nothing at all: the larger American town stays.
      {"Police in Lancaster arrested a man at 4 p.m. on Saturday.", "Lancaster", "US", "PPL"},
      {"Police in Lancaster arrested a man on Saturday.", "Lancaster", "US", "PPL"},
      // Canadian: the RCMP, a constable written "Const.", the Canadian Press's province
      // abbreviations.
      {"RCMP officers in Richmond arrested a man after a break-in on Saturday.", "Richmond", "CA",
       "PPL"},
      {"Const. Jane Smith said the crash in Richmond was under investigation.", "Richmond", "CA",
       "PPL"},
      {"The clinic in London, Ont., closed its doors on Friday.", "London", "CA", "PPL"},
      // "Const" without its period and a name is no constable.
      {"Police in Richmond said the Const report was late.", "Richmond", "US", "PPL"},
  };
  ExpectContexts(cases);
}

TEST_F(PlacesTest, IndependentCityDivisionIsNoCountyOfItsTown) {
  // "City of Richmond" (Virginia's independent city) is Richmond itself, not a county holding
  // it: the county named in the text links the town of the other state.
  Document doc = Annotate(
      "A Richmond man was charged after Richmond police said he struck a car. He was lodged in "
      "the Madison County Detention Center. A thief stole tools from the City of Richmond's "
      "public works department.");
  const PlaceMention* m = Find(doc, "Richmond");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "US");
  EXPECT_EQ(m->admin1, "Kentucky");
}

TEST_F(PlacesTest, CityOfATownIsThatTown) {
  struct Row {
    const char* text;
    const char* surface;
    const char* admin1;
  };
  const Row rows[] = {
      // "X City ..." beside the town X: the town, not a namesake city read from the longer name.
      {"Springfield, Ohio - He drove the Springfield City Area Transit route for 30 years.",
       "Springfield City", "Ohio"},
      {"Students from Dublin schools met in Franklin County. Dublin City Council voted on Monday.",
       "Dublin City", "Ohio"},
  };
  for (const Row& r : rows) {
    Document doc = Annotate(r.text);
    const PlaceMention* m = Find(doc, r.surface);
    ASSERT_NE(m, nullptr) << r.text;
    EXPECT_EQ(m->admin1, r.admin1) << r.text << " → " << m->name;
  }
  // "Dublin City" does not vouch for the Irish capital against its own town's Ohio neighbour.
  Document dublin = Annotate(
      "Dublin City Council hired a firm from Toronto, Ontario, Canada. The Dublin memorial "
      "resembles one in Cuyahoga Falls, Dublin City Council said.");
  const PlaceMention* town = Find(dublin, "Dublin");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->admin1, "Ohio");
  // A state's name is no town: Kansas City stays the city.
  Document doc = Annotate("Fans drove from Kansas to Kansas City for the parade.");
  const PlaceMention* m = Find(doc, "Kansas City");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->feature_code.substr(0, 3), "PPL");
}

TEST_F(PlacesTest, CapitalNameMeansTheCapitalUnlessPlaced) {
  const Context cases[] = {
      // Georgia places around it do not make "Washington" the small Georgia town.
      {"Officials in Athens and Clarke County, Georgia, said Washington had not sent the money.",
       "Washington", "US", "PPLC"},
      // Placed by its state, or linked to its county: the town.
      {"The fair opened in Washington, Ga., on Saturday.", "Washington", "US", "PPLA2"},
      {"Commissioners in Oglethorpe County and Wilkes County said the festival in Washington drew "
       "crowds.",
       "Washington", "US", "PPLA2"},
  };
  for (const Context& c : cases) {
    Document doc = Annotate(c.text);
    const PlaceMention* m = Find(doc, c.surface);
    ASSERT_NE(m, nullptr) << c.text;
    EXPECT_EQ(m->country, c.country) << c.text;
    EXPECT_EQ(m->feature_code, c.feature_prefix) << c.text << " → " << m->name;
  }
  // A wire story: Ohio's small Louisville does not win over the large city.
  Document wire = Annotate("Mississippi State beat Louisville on Friday night in Columbus, Ohio.");
  const PlaceMention* city = Find(wire, "Louisville");
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->admin1, "Kentucky");
  // Local news placing it beside its county: the Ohio town.
  Document local = Annotate(
      "Stark County sheriff's deputies said the fire in Louisville started near Canton, Ohio.");
  const PlaceMention* town = Find(local, "Louisville");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->admin1, "Ohio");
}

TEST_F(PlacesTest, DemonymOfANamedCountryIsNoTown) {
  // "Canadian" is also a Texas town: the demonym where the text names Canada.
  Document doc = Annotate("He grew up in Canada and got tired of Canadian winters, he said.");
  const PlaceMention* m = Find(doc, "Canadian");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->demonym);
  EXPECT_EQ(m->country, "CA");
  // "in Canadian": the text places the town, so it is no demonym.
  Document town = Annotate("The rodeo in Canadian drew crowds from across Canada.");
  const PlaceMention* t = Find(town, "Canadian");
  EXPECT_TRUE(t == nullptr || !t->demonym);
}

TEST_F(PlacesTest, MissIsATitleNotMississippi) {
  // "Miss Cordiner" is a person's title; "Jackson, Miss." is the state.
  Document doc = Annotate("Women in Oxford each paid a £5 fee to swap clothes, Miss Cordiner said.");
  EXPECT_EQ(Find(doc, "Miss"), nullptr);
  const PlaceMention* oxford = Find(doc, "Oxford");
  ASSERT_NE(oxford, nullptr);
  EXPECT_EQ(oxford->country, "GB");
  Document state = Annotate("The storm hit Jackson, Miss., on Monday.");
  const PlaceMention* m = Find(state, "Miss.");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->admin1, "Mississippi");
}

struct Admin1Case {
  const char* text;
  const char* admin1;  // as the event location reports it
  int geo_precision;  // 0: not checked
};

TEST_F(PlacesTest, EventAdmin1FromContainersAndSpelling) {
  const Admin1Case cases[] = {
      // The text's spelling of the province, even when the word resolved to its seat.
      {"Rebels shelled a post in Kafr Nobol (Idleb).", "Idleb", 1},
      // "X, Province" where the gazetteer's X lies in another province: the province.
      {"Shelling was reported near Vesele, Donetsk.", "Donetsk", 3},
      // "X (Y)" read as two towns far apart (both Mexican): Y is the province that bears the
      // name (Chile's), X a village the gazetteer lacks.
      {"Gunmen attacked a shop in Hermosillo (Valparaiso) on Monday.", "Valparaiso", 3},
      {"Police raided a house in Hermosillo, Valparaiso, on Monday.", "Valparaiso", 3},
      // A district's name read in another province than the one written ("Condesuyos" is
      // Arequipa's): a town the gazetteer lacks; negative row: the district's own province.
      {"Farmers marched in Condesuyos, Cusco, on Monday.", "Cusco", 3},
      {"Farmers marched in Condesuyos, Arequipa, on Monday.", "Arequipa", 2},
      // "City (Division)" where the division's name is also the city's: the division.
      {"Nurses marched in Buenos Aires (Ciudad Autonoma de Buenos Aires).",
       "Ciudad Autonoma de Buenos Aires", 1},
      // Negative rows: a container that holds the town, and lists of towns.
      {"Police raided a house in Fresnillo (Zacatecas).", "Zacatecas", 1},
      {"Traders from Hermosillo, Valparaiso and Fresnillo met on Monday.", "Sonora", 1},
      {"Traders from Hermosillo, Valparaiso, Fresnillo and Zacatecas met on Monday.",
       "Zacatecas", 1},
      // A spelling only the loose key knows: the text's word ("Shabelle", not "Shabeelle").
      {"Militants shot a soldier at a settlement near Marka, Lower Shabelle.", "Lower Shabelle",
       0},
      // The name written as the container beats the one written in passing.
      {"Shells hit a market in the east of Hodeidah city (Al Hali, Al Hudaydah) on Monday.",
       "Al Hudaydah", 0},
      // A province name of two words is written whole, not as its second word.
      {"Merchants protested outside the city hall in Santa Rosa (La Pampa).", "La Pampa", 1},
      // A relative region names its division without the direction words.
      {"Gunmen handed out food in the north of Veracruz, in Panuco.", "Veracruz", 0},
      {"Gunmen handed out food in northern Veracruz, in Panuco.", "Veracruz", 0},
      // A town the gazetteer also lists as a name of its province is not the province's name.
      {"Taxi drivers blocked a bridge in Tegucigalpa on Friday.", "Francisco Morazán Department",
       1},
  };
  // Negative: with its level word the district stays the district the text names.
  const Document district = Annotate("Farmers marched in Condesuyos province, Cusco, on Monday.");
  EXPECT_NE(Find(district, "Condesuyos"), nullptr);
  for (const Admin1Case& c : cases) {
    Document doc = Annotate(c.text);
    EventLocation loc = LocateEvent(doc, 0, *Gaz());
    ASSERT_TRUE(loc.found()) << c.text;
    EXPECT_EQ(loc.admin1, c.admin1) << c.text;
    if (c.geo_precision != 0) {
      EXPECT_EQ(loc.geo_precision, c.geo_precision) << c.text;
    }
  }
}

TEST_F(PlacesTest, FullNameMakesASurnameAPerson) {
  // A first name and a middle initial: firm person evidence, so the bare surname later in the
  // document is the person too, even though two mentions have a weak locative cue.
  const std::string text =
      "Officers arrested Keith D. Johnson on Friday. Witnesses saw a gun at Johnson's house and "
      "at Johnson's car. The jail released Johnson on bond.";
  Document doc = Annotate(text);
  const uint32_t first = static_cast<uint32_t>(text.find("Johnson"));
  const uint32_t last = static_cast<uint32_t>(text.rfind("Johnson"));
  for (const PlaceMention& m : doc.places) {
    EXPECT_NE(m.span.begin, first) << doc.Slice(m.span);
    EXPECT_NE(m.span.begin, last) << doc.Slice(m.span);
  }
}

// A spelling variant needs a cue: an "of" inside a capitalized name ("the High Cost of Living",
// "Living" loosely "Loving", New Mexico) is none; an "of" after a common noun still is.
TEST_F(PlacesTest, AnOfInsideANameIsNoCueForASpellingVariant) {
  ExpectNoPlaces({{"The coalition against the High Cost of Living called a strike.", "Living"}});
  const Context cases[] = {
      {"The coalition against the High Cost of Living called a strike in Leo.", "Leo", "BF",
       "PPLA2"},
      {"Shells fell in Syria, in the eastern countryside of Deir Ezzor, on Monday.", "Deir Ezzor",
       "SY", "ADM1"},
  };
  ExpectContexts(cases);
}

// "the X highway", "the X roundabout": a road or crossing named after its town is a weak cue for
// the town, as "near the X camp" is: a name only one country holds. The negative row: a common
// name that several countries hold ("Lena") stays unplaced without more evidence.
TEST_F(PlacesTest, ARoadOrCrossingNamesItsTown) {
  const Context cases[] = {
      {"Protesters blocked the Zahle roundabout on Monday.", "Zahle", "LB", "PPLA"},
      {"Protesters blocked the Halba highway on Monday.", "Halba", "LB", "PPLA"},
  };
  ExpectContexts(cases);
  ExpectNoPlaces({{"Protesters blocked the Lena bridge on Monday.", "Lena"}});
}

// Capitalized words opened by "in" or "at" start a place name the gazetteer lacks ("in Ciudad
// Sinaloa, Sinaloa"), not a person's: the province after it is not taken for a surname. A first
// name after any other word still makes one.
TEST_F(PlacesTest, ANameOpenedByInIsNoPersonsName) {
  const Context cases[] = {
      {"Workers protested in Ciudad Campeche, Campeche on Monday.", "Campeche", "MX", "PPLA"},
      {"Workers protested in San Francisco Campeche, Campeche on Monday.", "Campeche", "MX",
       "PPLA"},
      {"In Villa Campeche, Campeche, workers protested on Monday.", "Campeche", "MX", "PPLA"},
      {"Workers protested at Puerto Sinaloa, Sinaloa on Monday.", "Sinaloa", "MX", "ADM1"},
  };
  ExpectContexts(cases);
  const std::string text =
      "Police questioned Juan Campeche on Monday. Officers released Campeche later, in Merida.";
  Document doc = Annotate(text);
  for (const PlaceMention& m : doc.places) EXPECT_NE(doc.Slice(m.span), "Campeche") << text;
}

TEST_F(PlacesTest, CountryNameIsTheCountryInLocalNews) {
  // American local news (a county, towns of one state) naming a country: not the small town
  // of that state named after it; a town placed by its state stays the town.
  Document doc =
      Annotate("Kennebec County deputies said the new tariffs on China worry farmers in Vassalboro.");
  const PlaceMention* m = Find(doc, "China");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "CN");
  Document town = Annotate("The fair opened in Lebanon, Tenn., on Saturday.");
  const PlaceMention* t = Find(town, "Lebanon");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->country, "US");
}

TEST_F(PlacesTest, SeatOfGovernmentCountsAsACapital) {
  // La Paz (PPLG) is Bolivia's seat of government; its namesakes are small towns.
  Document doc = Annotate("Thousands of teachers marched in La Paz on Friday.");
  const PlaceMention* m = Find(doc, "La Paz");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "BO");
}

TEST_F(PlacesTest, StrongCueAndOneCountryAcceptsAVillage) {
  // A village of a full country dump (no population), named in one country only.
  Document doc = Annotate("Gunmen killed two herders in the village of Absouma.");
  const PlaceMention* m = Find(doc, "Absouma");
  if (m == nullptr) GTEST_SKIP() << "Absouma not in this gazetteer";
  EXPECT_EQ(m->country, "BF");
}

TEST_F(PlacesTest, NameDoesNotVouchForItself) {
  // Alone, a loose spelling match must not make its own country the context.
  Document doc = Annotate("Troops were ambushed near Inatta.");
  for (const PlaceMention& m : doc.places) EXPECT_NE(m.country, "JP") << doc.Slice(m.span);
}

TEST_F(PlacesTest, ForeignTownNeedsMoreThanAListInAnotherCountrysDocument) {
  // A Syrian document: "Salwa" is only a Kuwaiti place in the gazetteer, named in a list.
  Document doc = Annotate("A missile struck near Qah and Salwa towns in Idlib, Syria.");
  for (const PlaceMention& m : doc.places) EXPECT_NE(m.country, "KW") << doc.Slice(m.span);
  ASSERT_NE(Find(doc, "Syria"), nullptr);
}

// Groups of several countries and missions of one vote for their countries: a village of one
// of them is read there, where its larger namesake abroad would be rejected. Without the group,
// the namesake stands.
TEST_F(PlacesTest, GroupsAndMissionsPutTheirCountriesInContext) {
  struct Row {
    const char* text;
    const char* surface;
    const char* country;  // expected ISO2 of the mention, "" = no mention
  };
  const Row rows[] = {
      {"Suspected JNIM militants burned a school in Kalabo on Sunday.", "Kalabo", "BF"},
      {"Suspected ISGS militants stole cattle in Kalabo.", "Kalabo", "BF"},
      {"Gunmen burned a school in Kalabo on Sunday.", "Kalabo", "ZM"},
      // A mission of one country: its places are read there.
      {"UNIFIL peacekeepers patrolled near Tyre after the shelling.", "Tyre", "LB"},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.text);
    Document doc = AnnotateWithActors(r.text);
    const PlaceMention* m = Find(doc, r.surface);
    if (*r.country == '\0') {
      EXPECT_EQ(m, nullptr);
      continue;
    }
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->country, r.country);
  }
}

// A name followed by a word for a people is the people, not its namesake village; so is one
// word between "of the" / "to the" / "from the" and "community" ("civilians of the Fulani
// community"). A lone "community" is a village in Latin American news, and two words there name
// one.
TEST_F(PlacesTest, PeopleAreNotTheirNamesakeVillages) {
  struct Row {
    const char* text;
    const char* surface;
    bool place;
  };
  const Row rows[] = {
      {"Militiamen killed three members of the Fulani community near Djibo.", "Fulani", false},
      {"Militiamen killed three members of the Fulani community near Djibo.", "Djibo", true},
      {"Clashes between the Mossi and Foulse communities left two dead in Kaya.", "Mossi", false},
      {"An ambulance was found burning near the La Florida community in Zacatecas.", "La Florida",
       true},
      {"Soldiers killed twelve civilians of the Fulani community in Taouremba.", "Fulani", false},
      {"Soldiers killed twelve civilians of the Fulani community in Taouremba.", "Taouremba",
       true},
      {"Gunmen burned homes belonging to the Fulani community near Djibo.", "Fulani", false},
      {"Residents of the La Florida community blocked a road in Zacatecas.", "La Florida", true},
      {"Gunmen killed two men from the Mossi community in Gao.", "Mossi", false},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.text);
    Document doc = Annotate(r.text);
    EXPECT_EQ(Find(doc, r.surface) != nullptr, r.place);
  }
  // The people's namesake villages cast no vote for their country either.
  const Context gao[] = {
      {"Gunmen killed two men from the Mossi community in Gao.", "Gao", "ML", "PPL"},
      {"Gunmen killed two men from the Fulani community in Gao.", "Gao", "ML", "PPL"},
  };
  ExpectContexts(gao);
}

// "near the town of X" is near X like "near X"; "in the town of X" and a near word further
// back are not.
TEST_F(PlacesTest, NearThroughALevelPhrase) {
  struct Row {
    const char* text;
    const char* surface;
    bool near;
  };
  const Row rows[] = {
      {"A drone strike hit a market near the town of Gao on Monday.", "Gao", true},
      {"Gunmen attacked a checkpoint near the village of Djibo.", "Djibo", true},
      {"Soldiers patrolled near Djibo.", "Djibo", true},
      {"A drone strike hit a market in the town of Gao on Monday.", "Gao", false},
      {"Near the river, the town of Gao was quiet.", "Gao", false},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.text);
    Document doc = Annotate(r.text);
    const PlaceMention* m = Find(doc, r.surface);
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->near, r.near);
  }
}

TEST_F(PlacesTest, HyphenJoinedNamesSplitIntoTheirPlaces) {
  struct Row {
    const char* text;
    const char* surface;
    bool place;
    const char* country;  // "" when not checked
  };
  const Row rows[] = {
      // A legislator's party and home town; a place word after; countries and their peoples.
      {"The bill's sponsor, state Sen. Ann Parks, D-Charleston, spoke first.", "Charleston", true,
       "US"},
      {"The Nashville-based company cut 40 jobs.", "Nashville", true, "US"},
      {"Talks on Egyptian-US relations resumed in Cairo.", "US", true, "US"},
      {"Talks on Egyptian-US relations resumed in Cairo.", "Egyptian", true, "EG"},
      // Hyphenated surnames and brands are no places.
      {"Congressman Mario Diaz-Balart spoke at the event.", "Diaz", false, ""},
      {"Congressman Mario Diaz-Balart spoke at the event.", "Balart", false, ""},
      {"Shoppers lined up outside the Wal-Mart on Friday.", "Mart", false, ""},
      {"Veterans marked the anniversary of D-Day in Normandy.", "Day", false, ""},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(std::string(r.text) + " / " + r.surface);
    Document doc = Annotate(r.text);
    const PlaceMention* m = Find(doc, r.surface);
    EXPECT_EQ(m != nullptr, r.place);
    if (m != nullptr && *r.country != '\0') EXPECT_EQ(m->country, r.country);
  }
}

TEST_F(PlacesTest, PartyLetterBeforeAStateAbbreviationNamesTheState) {
  // "R-Va." once read "Va" as an alternate name of a Ghanaian town.
  ExpectAdmin1Rows({
      {"Sen. Jane Doe, R-Va., voted against the bill.", "Va.", "Virginia"},
      {"Rep. Joe Doe, D-N.Y., said the vote was close.", "N.Y.", "New York"},
      {"Rep. Nick Doe, D-W.Va., chaired the panel.", "W.Va.", "West Virginia"},
      {"Sen. Ann Roe (R-Ga.) spoke first.", "Ga.", "Georgia"},
      // "D-W." once ended the sentence, and "Va." alone read as Virginia.
      {"Sen. Jay Doe, D-W. Va., voted against the bill.", "W. Va.", "West Virginia"},
      {"Rep. Nick Doe, D-W. Va. chaired the panel.", "W. Va.", "West Virginia"},
  });
}

TEST_F(PlacesTest, TwoLetterStateAbbreviationsAnywhere) {
  ExpectAdmin1Rows(
      {
          {"The S.C. Highway Patrol is looking for the driver.", "S.C.", "South Carolina"},
          {"The school opened a second campus in D.C. last year.", "D.C.", "District of Columbia"},
          {"He grew up in Wheeling, W. Va., and moved away.", "W. Va.", "West Virginia"},
          // Two abbreviated words need no comma before them.
          {"Miners from W. Va. rallied at the capitol.", "W. Va.", "West Virginia"},
          {"W.Va. officials met on Monday.", "W.Va.", "West Virginia"},
      },
      PlaceKind::kAdmin1, "US");
}

TEST_F(PlacesTest, LocalNewsTownsShareTheirUnnamedState) {
  // The state is never named; the towns and counties named hold in one state only.
  ExpectAdmin1Rows({
      {"A Columbus woman was fined on Monday. The case was heard in Platte County court after a "
       "complaint from a Norfolk man.",
       "Columbus", "Nebraska"},
  });
  // A capital keeps its country among towns of one American state that share its name.
  Document doc = Annotate(
      "The Eurostar between London and Amsterdam took four hours, and the Paris train was late.");
  const PlaceMention* london = Find(doc, "London");
  ASSERT_NE(london, nullptr);
  EXPECT_EQ(london->country, "GB");
}

TEST_F(PlacesTest, CountyAndATownInsideItLocateEachOther) {
  // A county and a town of that county both named: the pair, not the larger namesakes.
  ExpectAdmin1Rows({
      {"Walker County deputies arrested two men in Huntsville on Friday.", "Huntsville", "Texas"},
      {"Walker County deputies arrested two men in Huntsville on Friday.", "Walker County",
       "Texas"},
      {"Madison County commissioners met in Richmond to discuss the budget.", "Richmond",
       "Kentucky"},
      // A town named after a country, firmly a place ("Lebanon Police"), with its county.
      {"Lebanon Police and Boone County deputies searched the farm.", "Lebanon", "Indiana"},
  });
}

TEST_F(PlacesTest, PluralLevelWordTypesTheWholeList) {
  // "Barrow, Jackson and Madison counties": each name is a county, as "Jackson County" would be.
  const char* texts[] = {"School boards in Barrow, Jackson and Madison counties met on Tuesday.",
                         "Deputies patrolled Dakota, Otoe and Washington counties overnight."};
  for (const char* text : texts) {
    SCOPED_TRACE(text);
    Document doc = Annotate(text);
    ASSERT_EQ(doc.places.size(), 3u);
    for (const PlaceMention& m : doc.places) {
      EXPECT_EQ(m.kind, PlaceKind::kAdmin2) << doc.Slice(m.span) << " -> " << m.name;
    }
  }
}

TEST_F(PlacesTest, StateNameOverASmallTownOfItsCountry) {
  // Towns of New York in context must not turn "Florida" into the village of Florida, N.Y.
  Document doc = Annotate(
      "Snow closed schools in Albany, Goshen and Chester on Monday, and retirees in Florida "
      "watched the storm on television.");
  const PlaceMention* m = Find(doc, "Florida");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->kind, PlaceKind::kAdmin1) << m->name << ", " << m->admin1;
  EXPECT_EQ(m->admin1, "Florida");
  // A town inside the province it is named like is the province's seat, kept as the town.
  Document seat = Annotate("Shelling killed two people in Kherson on Friday.");
  const PlaceMention* k = Find(seat, "Kherson");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->kind, PlaceKind::kPlace) << k->name;
}

// The object of a verb done only to people ("stabbed Welch", "killing Welch and") is a person,
// and so are the name's other mentions; not a name used as a modifier ("killing Kandahar police
// officers") nor a possessive ("arrested Kabul's mayor").
TEST_F(PlacesTest, ObjectOfAPersonOnlyVerbIsAPerson) {
  // ("from Welch" alone would read Welch, Oklahoma, in a text about Missouri.)
  Document doc = Annotate(
      "Jackson County prosecutors in Missouri charged a teenager on Monday with killing Welch. "
      "Vasquez admitted that he had stolen property from Welch and that he had stabbed Welch.");
  EXPECT_EQ(Find(doc, "Welch"), nullptr);
  const Context kept[] = {
      {"Militants attacked a checkpoint in Afghanistan, killing Kandahar police officers.",
       "Kandahar", "AF", "PPL"},
      {"Police in Afghanistan arrested Kabul's deputy mayor on Monday.", "Kabul", "AF", "PPLC"},
  };
  ExpectContexts(kept);
}

// A small town's name after an office's "of" is the office's field ("the Ministry of Justice":
// Justice, Illinois; "the Department of Water"), not a place; a division there is ("the
// Department of Huila"), and so is a large city.
TEST_F(PlacesTest, OfficeFieldIsNoPlace) {
  const Trap traps[] = {
      {"A total of 77 people were killed, including employees of the Ministry of Justice, and two "
       "U.S. contractors were wounded.",
       "Justice"},
      {"The truck bore the logo of the Department of Water in Fallujah, said two U.S. contractors.",
       "Water"},
      {"Officers of the Department of Homeland Security arrived.", "Homeland"},
  };
  for (const Trap& c : traps) {
    Document doc = Annotate(c.text);
    EXPECT_EQ(Find(doc, c.not_a_place), nullptr) << c.text;
  }
  Document fallujah = Annotate("The truck bore the logo of the Department of Water in Fallujah.");
  EXPECT_NE(Find(fallujah, "Fallujah"), nullptr);
  // A lower-case "department" is an area named after its town.
  Document aribinda = Annotate(
      "Thirty-four people were killed by armed groups and Koglweogo militiamen in the department "
      "of Aribinda.");
  EXPECT_NE(Find(aribinda, "Aribinda"), nullptr);
  Document huila = Annotate("Gunmen killed two farmers in the Department of Huila, Colombia.");
  const PlaceMention* m = Find(huila, "Huila");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "CO");
}

// Only an alternate name of a town abroad, in a country no other name of the document votes
// for, for a place the text calls a village, is a village the gazetteer lacks: "Ariel" is one of
// Jerusalem's names, "Lassa" one of Lhasa's. The town's own name is still read.
TEST_F(PlacesTest, VillageNamedLikeAForeignTownByAnAlternateNameIsNotThatTown) {
  ExpectNoPlaces({
      {"On March 9, the Burkinabe armed forces reportedly executed seven men in front of women "
       "and children in the village of Ariel.",
       "Ariel"},
      {"On February 24, the Burkinabe army reportedly killed 30 people of the Fulani community "
       "at a mosque in the village of Lassa.",
       "Lassa"},
  });
  const Context kept[] = {
      {"On February 24, the Burkinabe army reportedly killed 30 people in the city of Lhasa.",
       "Lhasa", "CN", "PPL"},
  };
  ExpectContexts(kept);
}

// A division written as the container of the names before it, set off by a comma or a bracket
// ("(Tora area of Dara) in Dawlatabad district, Samangan", "(Kondele, Kisumu)"), rules out for
// those names a town abroad in a country nothing else in the document votes for: "Dara" is a local
// place, not the Syrian city. A list of names ("Copenhagen, Hamburg, Brasov and Mannheim") is not a
// container, and a country container keeps its own town.
TEST_F(PlacesTest, SetOffDivisionRulesOutATownAbroad) {
  ExpectNoPlaces({
      {"Militants killed two guards in Kalakan village (Tora area of Dara) in Dawlatabad "
       "district, Samangan.",
       "Dara"},
      {"Police dispersed traders at the Salem junction (Kondele, Kisumu) on Monday.", "Salem"},
      {"Three people were shot in Valencia, Sangre Grande, on Friday.", "Valencia"},
  });
  const Context kept[] = {
      {"Police dispersed traders at the Salem junction (Kondele, Kisumu) on Monday.", "Kisumu",
       "KE", "PPLA"},
      {"Three people were shot in Valencia, Sangre Grande, on Friday.", "Sangre Grande", "TT",
       "PPLA"},
      {"Gunmen killed two men in Dara, Syria.", "Dara", "SY", "PPLA"},
      {"The band toured Copenhagen, Hamburg, Brasov and Mannheim.", "Copenhagen", "DK", "PPLC"},
      {"Flights link Moscow, Kiev, Minsk and Riga.", "Riga", "LV", "PPLC"},
  };
  ExpectContexts(kept);
}

// A town written right before the division that holds it, without a comma ("in Culiacan
// Sinaloa"), is that town, not the first word of a longer name the gazetteer lacks; a person's
// name before a state's name ("George Washington High School") is still not a town.
TEST_F(PlacesTest, TownRightBeforeItsDivisionIsThatTown) {
  const Context cases[] = {
      {"Gunmen shot a taxi driver in Culiacan Sinaloa on Sunday.", "Culiacan", "MX", "PPLA"},
      {"Officials met in Maiduguri Borno State on Monday.", "Maiduguri", "NG", "PPLA"},
  };
  ExpectContexts(cases);
  ExpectNoPlaces({
      {"Students at George Washington High School protested.", "George"},
      {"Fighting erupted in Tal Baydar on Monday.", "Tal"},
  });
}

// Names of divisions in common use that the sources lack (division_aliases.tsv): the former
// name of a split division is read as the part that kept its capital, so the event still lands
// in its region; "Rural Damascus" is Rif Dimashq.
TEST_F(PlacesTest, DivisionNamesInCommonUse) {
  const Context cases[] = {
      {"Soldiers found an arms cache in Ampatuan, Maguindanao, on Monday.", "Maguindanao", "PH",
       "ADM2"},
      {"Gunmen killed a soldier in Rural Damascus on Friday.", "Rural Damascus", "SY", "ADM1"},
  };
  ExpectContexts(cases);
}

// A province's seat set off by a comma at the end of the sentence, where coders put the
// province, is read with no other cue ("..., Pul-e Khumri."); in the middle of a sentence a
// town that small still needs one.
TEST_F(PlacesTest, ProvinceSeatClosingTheSentenceIsRead) {
  const Context cases[] = {
      {"Militants attacked the district center, Pul-e Khumri.", "Pul-e Khumri", "AF", "PPLA"},
  };
  ExpectContexts(cases);
  ExpectNoPlaces({
      {"Militants attacked the district center, Pul-e Khumri residents said.", "Pul-e Khumri"},
  });
}

// After "in" and a town the gazetteer lacks, a division's name closing the clause is that town's
// division, written without its comma ("in Xolotzin Sinaloa,"), not a surname; an abbreviation
// there is no division ("at Cleanup Co.").
TEST_F(PlacesTest, DivisionAfterAnUnknownTownWithoutAComma) {
  const Context cases[] = {
      {"Police found two bodies in Xolotzin Sinaloa, officials said.", "Sinaloa", "MX", "ADM1"},
  };
  ExpectContexts(cases);
  ExpectNoPlaces({{"A manager at Acme Cleanup Co. in Springfield said prices rose.", "Co"}});
}

// A town named after an institution's kind, in the French manner ("the Regional Hospital Center
// Dedougou", "Center (CHR) Tenkodogo"), is where the institution is: without this cue a small
// town the text names nowhere else has too little evidence to be read.
TEST_F(PlacesTest, TownAfterAnInstitutionHeadIsItsPlace) {
  const Context cases[] = {
      {"Workers of the Regional Hospital Center Dedougou staged a sit-in in favour of their "
       "demands.",
       "Dedougou", "BF", "PPL"},
      {"Workers in the Regional Hospital Center (CHR) Tenkodogo observed a sit-in against alleged "
       "misuse of hospital property.",
       "Tenkodogo", "BF", "PPL"},
  };
  ExpectContexts(cases);
}

TEST_F(PlacesTest, AlternateNameOfASmallPlaceYieldsToACapital) {
  // "Washington" is an old name of a small New York town too; among New York towns the capital
  // that bears the name as its own is still meant.
  Document doc = Annotate("The senator flew from Albany to Washington for the vote.");
  const PlaceMention* w = Find(doc, "Washington");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->feature_code, "PPLC") << w->name << ", " << w->admin1;
  // "Washington, New York and Boston" is a list of cities, not "Watervliet, New York" by an old
  // name; a town bearing the name as its own is still placed by its state.
  const Context cases[] = {
      {"After stops in Washington, New York and Boston, the prince flew home.", "Washington", "US",
       "PPLC"},
      {"The prince was in Washington last week. After stops in Washington, New York and Boston, "
       "he flew home.",
       "Washington", "US", "PPLC"},
      // With "city" after it too: Islamabad, not Anantnag in Kashmir (once "Islamabad"), though
      // the text names Jammu and Kashmir and India.
      {"Journalists held a demonstration outside the press club in Islamabad city (Islamabad, "
       "FCT), in solidarity with journalists of occupied Jammu and Kashmir, condemning Indian "
       "atrocities.",
       "Islamabad", "PK", "PPLC"},
  };
  ExpectContexts(cases);
  ExpectAdmin1Rows({
      {"The fair was held in Washington, Pennsylvania, on Saturday.", "Washington", "Pennsylvania"},
  });
}

TEST_F(PlacesTest, NameOfManyCountriesCastsNoVotes) {
  // "Old Town" and "Inner City" have entries in many countries: their votes once outweighed
  // the document's own and made Alexandria the Egyptian city. A name of two or three countries
  // still votes ("Alexandria" beside "Cairo").
  const Context cases[] = {
      {"The council in Alexandria met on Monday. Residents of Old Town and Upper King Street asked "
       "for help.",
       "Alexandria", "US", "PPL"},
      {"The school board in Alexandria met at the Inner City center in Old Town on Monday.",
       "Alexandria", "US", "PPL"},
      {"Protesters marched in Alexandria and Cairo on Friday.", "Alexandria", "EG", "PPL"},
  };
  ExpectContexts(cases);
}

TEST_F(PlacesTest, DivisionByAnAlternateNameAbroadIsNoMention) {
  // "Gulf" is an alternate name of Papua New Guinea's Gulf Province: in a story whose other names
  // are elsewhere it names no division; with its country named it still does.
  for (const char* text :
       {"Oil prices rose as tensions between Iran and Saudi Arabia grew across the Gulf on Monday.",
        "Ships from Iran and Iraq crossed the Gulf to Kuwait on Monday."}) {
    Document doc = Annotate(text);
    EXPECT_EQ(Find(doc, "Gulf"), nullptr) << text;
    EXPECT_NE(Find(doc, "Iran"), nullptr) << text;
  }
  const Context cases[] = {
      {"Floods hit Gulf in Papua New Guinea on Monday.", "Gulf", "PG", "ADM1"},
      {"Floods hit Gulf Province in Papua New Guinea on Monday.", "Gulf Province", "PG", "ADM1"},
  };
  ExpectContexts(cases);
}

TEST_F(PlacesTest, NameBeforeAFeatureNounIsALongerName) {
  // "Tennessee Colony" (a Texas village), "Virginia Gateway" (a shopping centre), "the Indian
  // Ocean": longer names the gazetteer lacks, not the state or the country's people.
  const struct {
    const char* text;
    const char* absent;
  } rows[] = {
      {"A man from Tennessee Colony was charged on Monday.", "Tennessee"},
      {"Shoppers filled the Virginia Gateway mall on Saturday.", "Virginia"},
      {"The search moved to the southern Indian Ocean on Monday.", "Indian"},
      {"Militants attacked a pipeline in the Niger Delta on Monday.", "Niger"},
  };
  for (const auto& r : rows) {
    Document doc = Annotate(r.text);
    EXPECT_EQ(Find(doc, r.absent), nullptr) << r.text;
  }
  // The name alone, or before a river (a river named after its town runs through it), stays.
  ExpectAdmin1Rows({
      {"He moved to Tennessee last year.", "Tennessee", "Tennessee"},
      {"Boats sank in the Tennessee River near Knoxville on Monday.", "Tennessee", "Tennessee"},
  });
  Document doc = Annotate("Indian troops crossed the border on Monday.");
  const PlaceMention* m = Find(doc, "Indian");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "IN");
}

TEST_F(PlacesTest, DatelineNamesTheCityTheStoryWasFiledFrom) {
  // A dateline in capitals opening the story names a city: New York City, not the state, and
  // the story's other mentions of the name mean it too. Elsewhere "New York" stays the state.
  const Context cases[] = {
      {"NEW YORK (AP) \u2014 Police shot a man in Brooklyn on Friday.", "NEW YORK", "US", "PPL"},
      {"NEW YORK (AP) - Police shot a man. The mayor of New York spoke on Friday.", "New York",
       "US", "PPL"},
      {"Police report\nNEW YORK \u2014 Police shot a man on Friday.", "NEW YORK", "US", "PPL"},
      // The story's places inside the state (Brooklyn, Crown Heights) do not make it the state.
      {"NEW YORK (AP) - Police shot a man in the Crown Heights neighborhood of Brooklyn. The New "
       "York attorney general is investigating. Brooklyn residents gathered in Crown Heights.",
       "NEW YORK", "US", "PPL"},
      {"WASHINGTON (AP) - The senator left the capital on Friday.", "WASHINGTON", "US", "PPLC"},
      {"The governor of New York spoke on Friday.", "New York", "US", "ADM1"},
      {"Farmers from upstate New York (and Vermont) marched on Friday.", "New York", "US", "ADM1"},
  };
  ExpectContexts(cases);
}

TEST_F(PlacesTest, CommonWordsAndShortVariantsAreNoPlaces) {
  struct Row {
    const char* text;
    const char* surface;  // must not be a place mention
  };
  const Row rows[] = {
      // "the City" is the council's own city, not the alternate name of some town.
      {"MANSFIELD - The City Council on Monday approved the budget.", "The City"},
      // A spelling variant of a two-letter name is any word ("Air" loosely spells "AR").
      {"Traffic was diverted from the Air Balloon roundabout near Cirencester.", "Air"},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.text);
    Document doc = Annotate(r.text);
    for (const PlaceMention& m : doc.places) EXPECT_NE(doc.Slice(m.span), r.surface) << m.name;
  }
}

TEST_F(PlacesTest, DivisionsAtTheirMiddle) {
  // A state is placed amid its area (the islands' middle), not at a label point on one island;
  // a division without a polygon (England) at the middle of its places, never without a point.
  Document doc = Annotate("Tourism fell in Hawaii last year.");
  const PlaceMention* hawaii = Find(doc, "Hawaii");
  ASSERT_NE(hawaii, nullptr);
  ASSERT_TRUE(hawaii->has_coordinates);
  EXPECT_LT(hawaii->lat, 21.0);  // Oahu, the label point's island, is at 21.5
  EXPECT_GT(hawaii->lon, -157.5);
  Document uk = Annotate("Tourism rose in England and Scotland last year.");
  const PlaceMention* england = Find(uk, "England");
  ASSERT_NE(england, nullptr);
  ASSERT_TRUE(england->has_coordinates);
  EXPECT_NEAR(england->lat, 52.5, 1.0);
  EXPECT_NEAR(england->lon, -1.5, 1.5);
}

TEST_F(PlacesTest, UnplacedEntryYieldsToANamesakeWithCoordinates) {
  struct Row {
    const char* text;
    const char* surface;
    const char* admin1;
    bool placed;  // the mention has coordinates
  };
  const Row rows[] = {
      // A district known only by name does not win over the town of the same name.
      {"Mayor Harding said Woodstock is doing better than other towns near Lake Ontario. The "
       "Woodstock District Chamber of Commerce agreed.",
       "Woodstock", "Ontario", true},
      // Negative: written with its province as container, the district is kept.
      {"Flooding hit Woodstock, Newfoundland and Labrador.", "Woodstock",
       "Newfoundland and Labrador", false},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.text);
    Document doc = Annotate(r.text);
    const PlaceMention* m = Find(doc, r.surface);
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->admin1, r.admin1) << m->name;
    EXPECT_EQ(m->has_coordinates, r.placed) << m->name;
  }
}

TEST_F(PlacesTest, UnplacedDistrictOfALevelWordTakesTheBareNamesPlace) {
  // "Woodstock district" is only a Newfoundland division without coordinates; the document's
  // Woodstock is the Ontario town.
  Document doc = Annotate(
      "Woodstock council in Ontario met on Monday. The Woodstock District Chamber of Commerce "
      "welcomed the plan.");
  const PlaceMention* district = nullptr;
  for (const PlaceMention& m : doc.places) {
    if (doc.Slice(m.span).starts_with("Woodstock District")) district = &m;
  }
  ASSERT_NE(district, nullptr);
  EXPECT_TRUE(district->has_coordinates) << district->name;
  EXPECT_EQ(district->admin1, "Ontario") << district->name;
  // Alone, the division stays (nothing else in the text places the name).
  doc = Annotate("The Woodstock District Chamber of Commerce welcomed the plan.");
  for (const PlaceMention& m : doc.places) {
    if (doc.Slice(m.span).starts_with("Woodstock District")) {
      EXPECT_NE(m.admin1, "Ontario") << m.name;
    }
  }
}

TEST_F(PlacesTest, PersonNameTakesOnlyFirmPlaceCues) {
  Document doc = Annotate(
      "Judge Haywood Turner lost the race. Hyles had 61 percent of the vote to Turner's 39. "
      "Turner said he would not run again.");
  for (const PlaceMention& m : doc.places) EXPECT_NE(doc.Slice(m.span), "Turner");
  // A firm cue still makes a place of a name that is a person's elsewhere.
  Document doc2 = Annotate(
      "Mayor Tom Madison opened the fair. The fair in Madison drew 4,000 people from across "
      "Wisconsin.");
  EXPECT_NE(Find(doc2, "Madison"), nullptr);
}

TEST_F(PlacesTest, StateNameBeforeAnAgencyInAnAmericanDocument) {
  Document doc = Annotate(
      "Agents of the Georgia Bureau of Investigation searched a house in Gainesville, Ga., on "
      "Friday.");
  const PlaceMention* m = Find(doc, "Georgia");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->kind, PlaceKind::kAdmin1);
  EXPECT_EQ(m->country, "US");
}

// The resolver's precomputed document context (country shares, admin1 shares and support), its
// memo of entry priors across documents, its empty-context shortcut of the first pass (all
// zeros), its scoring that leaves out the entries whose bound cannot beat a name's best (against
// scoring them all), the third pass's kept choices of names no anchor is near, the choice of a
// name with one entry and one mention (no terms scored), the recognizer's demonym lookups of
// one-word names and its capitalized words (the words it folded ahead), its memos of loose
// lookups and of names of several words ("Deir ez-Zor", "Clarke County") and the blob's own-name
// flags answer as their reference definitions, on short documents and on a long one where names
// repeat (where the precomputation matters).
TEST_F(PlacesTest, ResolverFastPathsMatchTheirReferences) {
  const char* texts[] = {
      "Iraqi forces clashed with militants near Falluja in Iraq's western Anbar province.",
      "Airstrikes killed 12 people in eastern Syria while fighting continued around Deir ez-Zor.",
      "Taliban fighters attacked a checkpoint in Dawlat Abad district, Balkh, killing three.",
      "Police in Athens, Georgia, said the suspect fled to Clarke County. Athens police and the "
      "Clarke County sheriff searched Decatur and DeKalb County.",
      "Gunmen stormed the village of Kadaji in Maradun area of Zamfara state. Zamfara police said "
      "Maradun and Gusau were calm; Kano and Kaduna reported no attacks.",
      "Shelling hit Kherson and Mykolaiv; Odesa, Kyiv and Kharkiv were also struck. Ukraine said "
      "Russia fired drones from Crimea.",
      // Names far apart, read alike by the first two passes: the third keeps their choices.
      "Envoys from Kenya, Nigeria and Brazil met in Geneva.",
      // A one-word name that is also a demonym ("Canadian", a town in Texas).
      "Snow closed roads across Canada, and Canadian officials urged drivers to stay home.",
      // Small towns named once each, with and without a container; then a town named twice.
      "Militants raided Tessit and Anderamboukane; families fled to Menaka, Gao region.",
      "A bomb exploded in Kidal, Mali. Kidal residents said the town was calm by evening.",
      // Streets (AddStreets asks only the capitalized words) and Arabic articles, glued or not.
      "Police closed North Lumpkin Street and Oak Ave . after a crash on Elm St near Athens.",
      "Clashes near al Qaim and al-Bukamal left two dead; ul-Haq and El Paso were quiet.",
      // Spellings the folded keys miss, looked up by their loose key (the phrase memo on repeats).
      "Gunmen of Boko Haram raided Bossaso and Ouagadaougou; Security Forces said Dawlat Abad "
      "district was calm.",
      // Local-news cues of the US, Britain and Canada and missions' names (the cue scan's word
      // filter against the scan of every word).
      "Sheriff Ray Cole and state troopers closed Interstate 5 in Lake County at 5 p.m. on "
      "Feb. 9; Selectmen, an Alderman and third-graders of Union Township were safe.",
      "Yorkshire Constabulary said Crown Court heard the case; NHS staff and GCSEs, Mum said. "
      "The RCMP, the OPP and Const. Smith met Mounties; UNIFIL and MINUSMA patrols went on.",
  };
  std::string long_text;
  for (int i = 0; i < 40; ++i) long_text += std::string(texts[i % std::size(texts)]) + " ";
  places_internal::SetReferenceChecks(true);
  const uint64_t compared0 = places_internal::ReferenceChecksCompared();
  const uint64_t mismatched0 = places_internal::ReferenceChecksMismatched();
  for (const char* t : texts) Annotate(t);
  Document big = Annotate(long_text);
  places_internal::SetReferenceChecks(false);
  EXPECT_GT(big.places.size(), 100u);
  EXPECT_GT(places_internal::ReferenceChecksCompared() - compared0, 1000u);
  EXPECT_EQ(places_internal::ReferenceChecksMismatched() - mismatched0, 0u);
}

// The first pass reads a name without context from a per-thread memo of earlier documents,
// keyed by what its choice reads: the entry list, a level word, a dateline, a direction word, a
// spelling variant, a local institution, American local-news cues, a container chain, a
// hierarchy link. Each document read again (from the memo) gives the places of its first
// reading, and under the reference checks the memo's choices equal the full scoring's.
TEST_F(PlacesTest, ContextFreeMemoAnswersAsTheScoring) {
  const char* texts[] = {
      "Clashes were reported in Georgia on Monday.",
      "Georgia state troopers closed the road.",
      "GEORGIA (AP) \u2014 Storms hit the coast.",
      "Fighting spread across southern Georgia.",
      "Georgia Police said two men were held.",
      "Sheriff Smith said Athens and Decatur were calm.",
      "Protesters marched in Athens and Decatur.",
      "Police in Athens, Georgia, made an arrest.",
      "Gunmen raided Ouagadaougou and fled toward Kaya.",
      "Washington and Springfield sent aid to Victoria.",
      "Officials in Jordan said Santa Cruz was quiet.",
      "Troops left the town of Jordan after a week.",
      "Police in Athens, Ohio, and in Decatur, Illinois, made arrests.",
      "Clashes broke out in San Juan, Lagunillas, Merida state.",
      "Deputies in Walker County searched Huntsville and Athens.",
      "Sheriff's deputies searched Huntsville and Athens.",
      "Aid reached families in Ouagadaougou on Friday.",
      "Residents banged pots in Buenos Aires on Monday.",
      "Residents banged pots in Ramos Mejia (Buenos Aires) on Monday.",
  };
  auto places_of = [](const Document& doc) {
    std::vector<std::string> out;
    for (const PlaceMention& m : doc.places) {
      out.push_back(std::string(doc.Slice(m.span)) + "|" + std::to_string(m.geonameid) + "|" +
                    m.feature_code);
    }
    return out;
  };
  std::vector<std::vector<std::string>> first;
  for (const char* t : texts) first.push_back(places_of(Annotate(t)));
  for (size_t i = 0; i < std::size(texts); ++i) {
    EXPECT_EQ(places_of(Annotate(texts[i])), first[i]) << texts[i];
  }
  const uint64_t compared0 = places_internal::ReferenceChecksCompared();
  const uint64_t mismatched0 = places_internal::ReferenceChecksMismatched();
  places_internal::SetReferenceChecks(true);
  for (const char* t : texts) Annotate(t);
  places_internal::SetReferenceChecks(false);
  EXPECT_GT(places_internal::ReferenceChecksCompared() - compared0, std::size(texts));
  EXPECT_EQ(places_internal::ReferenceChecksMismatched() - mismatched0, 0u);
}

// The resolver's scan for the cues of American, British and Canadian local news leaves out
// short words by first letter and length: one document per cue word (each alone, so that no
// other word gives the same cue), and benign words of the same letters, against the scan of
// every word (reference checks).
TEST_F(PlacesTest, LocalNewsCueFilterMatchesTheScanOfEveryWord) {
  const char* cues[] = {
      "at 5 p.m.",        "at 10:30 a.m.",     "on Feb. 9",          "on Sept. 3",
      "on Sept 3",        "on Jan. 9",         "on Dec 9",           "on Oct. 9",
      "on Nov. 9",        "on Aug. 9",         "Alderman Smith",     "Aldermen",
      "State troopers",   "state troopers",    "State Patrol",       "State Police",
      "elementary school", "Middle School",    "Sheriff Jones",      "sheriff Jones",
      "Sheriffs",         "sheriffs",          "Sheriff's deputies", "Selectmen",
      "selectmen",        "Selectman",         "the Constabulary",   "the constabulary",
      "Crown Court",      "Const. Smith",      "Clarke County",      "Clarke Counties",
      "Councilman Smith", "Councilwoman Smith", "Councilmember Smith", "Councilmen",
      "Magistrates",      "magistrates",       "a Mountie",          "Mounties",
      "Mum",              "a mum",             "mums",               "the NHS",
      "GCSE results",     "GCSEs",             "the RCMP",           "the OPP",
      "Rapides Parish",   "Highway Patrol",    "Madison Township",   "the township",
      "Interstate 85",    "third-graders",     "a fifth-grader",     "Yorkshire police",
      "at 4am",           "at 10.30pm",        "UNIFIL",             "the OSCE SMM",
      "MINUSMA",          "KFOR",
      // Benign words that start with the same letters.
      "a man",            "some people",       "past stations",      "most towns",
      "calm streets",     "the towers",        "Carlisle",           "Manchester",
  };
  const uint64_t compared0 = places_internal::ReferenceChecksCompared();
  const uint64_t mismatched0 = places_internal::ReferenceChecksMismatched();
  places_internal::SetReferenceChecks(true);
  for (const char* cue : cues) {
    Annotate(std::string("Police in Dublin said ") + cue + " was quiet.");
  }
  places_internal::SetReferenceChecks(false);
  EXPECT_GT(places_internal::ReferenceChecksCompared() - compared0, std::size(cues));
  EXPECT_EQ(places_internal::ReferenceChecksMismatched() - mismatched0, 0u);
}

// The recognizer's per-thread memo of capitalized words answers per gazetteer: two blobs that
// differ in one key, used in turn (and one opened after the other is closed), each see their
// own keys, and the memo's answers on repeats equal fresh folds and lookups (reference checks).
TEST_F(PlacesTest, WordMemoAnswersForItsOwnGazetteer) {
  std::string path = SITREP_GAZETTEER_BLOB;
  if (const char* env = std::getenv("SITREP_GAZETTEER")) path = env;
  std::ifstream in(path, std::ios::binary);
  const std::string blob((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(blob.empty());
  // A second blob whose "fallujah" keys read "fallujaq".
  std::string other = blob;
  int replaced = 0;
  for (size_t at = other.find("fallujah"); at != std::string::npos;
       at = other.find("fallujah", at + 8)) {
    other[at + 7] = 'q';
    ++replaced;
  }
  ASSERT_GT(replaced, 0);
  gazetteer_format::Header h;
  std::memcpy(&h, other.data(), sizeof h);
  h.checksum = gazetteer_format::Checksum(reinterpret_cast<const uint8_t*>(other.data()) + sizeof h,
                                          other.size() - sizeof h);
  std::memcpy(other.data(), &h, sizeof h);
  auto one = Gazetteer::OpenBuffer(blob);
  auto two = Gazetteer::OpenBuffer(other);
  ASSERT_TRUE(one.ok() && two.ok());
  // (No "in" before the name: a misspelt city after one is found by its loose key, which the
  // doctored blob keeps.)
  const std::string text = "Fallujah police said gunmen attacked a checkpoint on Monday.";
  auto found = [&](const Gazetteer& gaz) {
    Document doc;
    doc.text = text;
    AnnotatePlaces(doc, gaz);
    for (const PlaceMention& m : doc.places) {
      if (doc.Slice(m.span) == "Fallujah") return true;
    }
    return false;
  };
  // The reference checks only on the real blob: the doctored one's entry names no longer fold
  // to their keys, which the resolver's own checks would flag.
  const uint64_t compared0 = places_internal::ReferenceChecksCompared();
  const uint64_t mismatched0 = places_internal::ReferenceChecksMismatched();
  for (int round = 0; round < 3; ++round) {
    places_internal::SetReferenceChecks(true);
    EXPECT_TRUE(found(**one)) << round;
    places_internal::SetReferenceChecks(false);
    EXPECT_FALSE(found(**two)) << round;
  }
  one->reset();
  auto three = Gazetteer::OpenBuffer(other);
  ASSERT_TRUE(three.ok());
  EXPECT_FALSE(found(**three));
  EXPECT_GT(places_internal::ReferenceChecksCompared() - compared0, 10u);
  EXPECT_EQ(places_internal::ReferenceChecksMismatched() - mismatched0, 0u);
}

// MayStartWorldRegion's first-letter and length filter answers as the scan of every region name,
// for every string of up to three letters and the words of some names and common words.
TEST(WorldRegionTest, MayStartMatchesTheScan) {
  std::vector<std::string> words = {"north", "north america", "middle", "middle east", "east",
                                    "africa", "sahel", "latin", "america", "gulf", "persian",
                                    "the", "western", "southeast", "asia", "europe", "horn",
                                    "balkans", "caucasus", "levant", "sub", "sub-saharan", ""};
  for (char a = 'a'; a <= 'z'; ++a) {
    words.push_back(std::string(1, a));
    for (char b = 'a'; b <= 'z'; ++b) {
      words.push_back(std::string{a, b});
      for (char c = 'a'; c <= 'z'; ++c) words.push_back(std::string{a, b, c});
    }
  }
  int found = 0;
  for (const std::string& w : words) {
    const bool fast = places_internal::MayStartWorldRegion(w);
    EXPECT_EQ(fast, places_internal::MayStartWorldRegionByScan(w)) << "'" << w << "'";
    found += fast;
  }
  EXPECT_GT(found, 5);
  EXPECT_TRUE(places_internal::MayStartWorldRegion("middle"));
  EXPECT_TRUE(places_internal::MayStartWorldRegion("africa"));
  EXPECT_FALSE(places_internal::MayStartWorldRegion("baghdad"));
}

// FoldedAsLowered answers with the lower-cased bytes exactly when FoldName would make them, and
// declines the names whose folding does more (marks, punctuation, spacing, a dropped article).
TEST(FoldedAsLoweredTest, MatchesFoldName) {
  struct Row {
    const char* name;
    bool lowered;  // FoldedAsLowered answers
  };
  const Row rows[] = {
      {"Baghdad", true},          {"Deir Hafer", true},        {"North Lumpkin Street", true},
      {"Route 66", true},         {"Ras al Ain", false},       {"Tell Abyad", true},
      {"Bab al", true},           {"Al", true},                {"Al Anbar", false},
      {"Dar es Salaam", false},   {"ez Zor", false},           {"Deir  Hafer", false},
      {"Deir Hafer ", false},     {" Deir", false},            {"St. Louis", false},
      {"Sana'a", false},          {"Bosnia-Herzegovina", false}, {"Zürich", false},
      {"U.S.", false},            {"", false},                 {"Kabul\tCity", false},
  };
  for (const Row& r : rows) {
    const std::string name = r.name;
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    const std::optional<std::string_view> got = places_internal::FoldedAsLowered(name, lower);
    EXPECT_EQ(got.has_value(), r.lowered) << "'" << name << "'";
    if (got) {
      EXPECT_EQ(std::string(*got), FoldName(name)) << "'" << name << "'";
    }
  }
}

// MissionCountry's first-letter and length filter passes every mission's name, and words of
// the same letters and lengths that are no mission's name stay without a country.
TEST(MissionCountryTest, NamesAndLookAlikes) {
  struct Row {
    const char* token;
    const char* iso2;  // "" for none
  };
  const Row rows[] = {
      {"SMM", "UA"},     {"UNIFIL", "LB"},  {"UNAMA", "AF"},  {"UNAMI", "IQ"},
      {"UNMISS", "SS"},  {"MINUSCA", "CF"}, {"UNAMID", "SD"}, {"UNISFA", "SD"},
      {"UNDOF", "SY"},   {"UNFICYP", "CY"}, {"KFOR", "XK"},   {"MINUSMA", "ML"},
      {"MONUSCO", "CD"}, {"AMISOM", "SO"},  {"UNSMIL", "LY"}, {"UNMHA", "YE"},
      {"SMS", ""},       {"UNICEF", ""},    {"Kabul", ""},    {"MINUSMAS", ""},
      {"Smm", ""},       {"unifil", ""},    {"KF", ""},       {"AMISOMX", ""},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(places_internal::MissionCountry(r.token), r.iso2) << r.token;
  }
}

// MissionArea's first-letter and length filter passes every mission that has an area, and
// look-alikes (other missions, other cases, other lengths) have none.
TEST(MissionAreaTest, NamesAndLookAlikes) {
  struct Row {
    const char* token;
    const char* area;  // "" for none
  };
  const Row rows[] = {
      {"SMM", "UA.05|UA.14"}, {"UNIFIL", "LB.06|LB.07"}, {"UNAMA", ""}, {"KFOR", ""},
      {"SMS", ""},            {"UNIFILS", ""},           {"Smm", ""},   {"smm", ""},
      {"unifil", ""},         {"S", ""},                 {"", ""},      {"UNIFI", ""},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(places_internal::MissionArea(r.token), r.area) << r.token;
  }
}

// MayNameMissionArea is false only for texts that hold no mission-with-an-area's name.
TEST(MissionAreaTest, TextMayNameOne) {
  EXPECT_TRUE(places_internal::MayNameMissionArea("The OSCE SMM recorded 40 explosions."));
  EXPECT_TRUE(places_internal::MayNameMissionArea("UNIFIL said"));
  EXPECT_TRUE(places_internal::MayNameMissionArea("SMMS"));  // a look-alike: the words decide
  EXPECT_FALSE(places_internal::MayNameMissionArea("The smm and Unifil, UNAMA and KFOR."));
  EXPECT_FALSE(places_internal::MayNameMissionArea(""));
}

TEST(PlacesKindTest, Names) {
  EXPECT_STREQ(PlaceKindName(PlaceKind::kCountry), "country");
  EXPECT_STREQ(PlaceKindName(PlaceKind::kRegion), "region");
}

// CountryCentre answers every code of the generated table with its row, and no other code of
// two capitals (nor a code of another shape).
TEST(PlaceLexiconTest, CountryCentreAnswersTheTableRows) {
  std::ifstream in(std::string(SITREP_SOURCE_DIR) + "/src/geo/country_centroids.inc");
  ASSERT_TRUE(in) << "country_centroids.inc";
  std::map<std::string, std::pair<double, double>> rows;
  for (std::string line; std::getline(in, line);) {
    char code[3] = {};
    double lat = 0, lon = 0;
    if (std::sscanf(line.c_str(), "{\"%2[A-Z]\", %lf, %lf}", code, &lat, &lon) == 3) {
      rows[code] = {lat, lon};
    }
  }
  ASSERT_GT(rows.size(), 200u);
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) {
      const std::string code = {a, b};
      double lat = 1000, lon = 1000;
      const bool found = places_internal::CountryCentre(code, &lat, &lon);
      const auto row = rows.find(code);
      ASSERT_EQ(found, row != rows.end()) << code;
      if (!found) continue;
      EXPECT_DOUBLE_EQ(lat, row->second.first) << code;
      EXPECT_DOUBLE_EQ(lon, row->second.second) << code;
    }
  }
  double lat = 0, lon = 0;
  for (const char* code : {"", "S", "sy", "SYR", "S1", "[A"}) {
    EXPECT_FALSE(places_internal::CountryCentre(code, &lat, &lon)) << code;
  }
}

// DivisionAbbrevCode's shape filter (first byte, last byte, length) lets every abbreviation
// through to the compare and stops the words that only look like one.
TEST(PlaceLexiconTest, DivisionAbbreviationsPassTheirShapeFilter) {
  using places_internal::DivisionAbbrevCode;
  EXPECT_EQ(DivisionAbbrevCode("J&K"), "IN.12");
  EXPECT_EQ(DivisionAbbrevCode("KP"), "PK.03");
  EXPECT_EQ(DivisionAbbrevCode("KPK"), "PK.03");
  EXPECT_EQ(DivisionAbbrevCode("TS"), "IN.40");
  EXPECT_EQ(DivisionAbbrevCode("Ont."), "CA.08");
  EXPECT_EQ(DivisionAbbrevCode("P.E.I."), "CA.09");
  EXPECT_EQ(DivisionAbbrevCode("N.W.T."), "CA.13");
  for (const char* word : {"", "K", "Ont", "Kabul", "UPS", "B.C", "N.W.T.X", "Saskatchewan."}) {
    EXPECT_EQ(DivisionAbbrevCode(word), "") << word;
  }
}

}  // namespace
}  // namespace sitrep
