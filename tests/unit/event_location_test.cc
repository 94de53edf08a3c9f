// Event location (LocateEvent): which place of a sentence locates its event, checked against the
// other places the sentence names. Team-written sentences only. Needs the compiled gazetteer
// (OpenDefaultGazetteer: $SITREP_GAZETTEER or data/gazetteer.bin next to / above the binary);
// skips without it.
#include "geo/event_location.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "sitrep/actors.h"
#include "sitrep/pipeline.h"
#include "sitrep/places.h"
#include "sitrep/text.h"

namespace sitrep {
namespace {

std::shared_ptr<const Gazetteer> Gaz() {
  static std::shared_ptr<const Gazetteer> gaz = [] {
    auto g = OpenDefaultGazetteer();
    return g.ok() ? *g : nullptr;
  }();
  return gaz;
}

// Whole places layer, then LocateEvent on the sentence.
struct Row {
  const char* text;
  size_t sentence;
  const char* country;   // expected EventLocation::country
  const char* admin1;    // expected admin1 as GeoNames or the text spells it; "" = empty
  const char* location;  // expected location
  int where_prec;
};

class EventLocationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Gaz()) GTEST_SKIP() << "no gazetteer blob";
  }
  // Sentences, actors (named groups vote for a country) and places of `text`.
  static Document WithActorsAndPlaces(const char* text) {
    Document doc;
    doc.text = text;
    Segment(doc);
    AnnotateActors(doc);
    AnnotatePlaces(doc, *Gaz());
    return doc;
  }
  // Each row's text with actors and places, located at its sentence.
  template <size_t N>
  static void ExpectLocatedWithActors(const Row (&rows)[N]) {
    for (const Row& r : rows) {
      SCOPED_TRACE(r.text);
      Document doc = WithActorsAndPlaces(r.text);
      EventLocation loc = LocateEvent(doc, r.sentence, *Gaz());
      EXPECT_EQ(loc.country, r.country);
      EXPECT_EQ(loc.admin1, r.admin1);
      EXPECT_EQ(loc.location, r.location);
      EXPECT_EQ(loc.where_prec, r.where_prec);
    }
  }
};

// Of two towns alike, the one written as where the event is ("in", "at", "near", "the village
// of") wins over one named in passing (a party named like a town); not over a provincial capital
// of the first one's province, nor a town of another country no other place supports.
// A national capital written as where the event is stays the capital when the sentence names
// another country ("held in Algeria") or a place abroad; written as a part of a district abroad
// ("the Lima area of Sacaba"), it is no capital.
// "in Byblos and Tripoli": Tripoli read in Libya puts Byblos in doubt, then moves to Lebanon
// itself; Byblos stands again, being the first place. A place passed over while no other place
// of the sentence moved stays passed over (the village of Salem read in Oregon).
// "the village of X (Town)": a village read by another spelling than its entry's own name, far
// from the town of its commune written in parentheses, is passed over for that town; read by its
// own name, it stands.
// The capital district's letters are no part of a city's name, as written ("Washington D.C.")
// or as GeoNames names the district ("in northern Bogota": Bogota D.C.).
// A place the gazetteer lacks, named before its division, keeps the lower-case article or
// particle inside its name ("Bab al Sham", "Qaryat al Rahbah"); an English word is no such
// particle ("Boko Haram at Parisu" names Parisu).
TEST_F(EventLocationTest, UnlocatedPlaceKeepsItsInnerArticle) {
  const Row rows[] = {
      {"A female suicide bomber detonated explosives in Bab al Sham, Baghdad, Iraq.", 0, "Iraq",
       "Baghdad", "Bab al Sham", 4},
      {"Shelling hit houses in Qaryat al Rahbah, Taizz, Yemen.", 0, "Yemen", "Taizz",
       "Qaryat al Rahbah", 4},
      {"Troops repelled an attack by Boko Haram at Parisu, Borno, Nigeria.", 0, "Nigeria", "Borno",
       "Parisu", 4},
  };
  ExpectLocatedWithActors(rows);
}

TEST_F(EventLocationTest, CapitalDistrictLettersLeftOutOfTheName) {
  const Row rows[] = {
      {"A farmer drove a tractor into a pond in Washington D.C., United States.", 0, "United States",
       "District of Columbia", "Washington", 1},
      {"Gunmen shot a retired general outside his home in northern Bogota, Colombia.", 0,
       "Colombia", "Bogota D.C.", "Bogota", 4},
  };
  ExpectLocatedWithActors(rows);
}

TEST_F(EventLocationTest, VillageFarFromItsTownInParentheses) {
  const Row rows[] = {
      {"On 3 May 2020, suspected militants attacked the village of Goume (Gaongo) and burned a "
       "school.",
       0, "Burkina Faso", "Centre-Sud", "Gaongo", 1},
      {"On 3 May 2020, suspected militants attacked the village of Wassakore (Gaongo) and burned "
       "a school.",
       0, "Burkina Faso", "Centre-Sud", "Gaongo", 1},
      {"On 3 May 2020, suspected militants attacked the village of Singdin (Gaongo) and burned a "
       "school.",
       0, "Burkina Faso", "Centre-Sud", "Singdin", 1},
  };
  ExpectLocatedWithActors(rows);
}

TEST_F(EventLocationTest, PlaceRestoredWhenItsDoubterMovedIntoItsCountry) {
  const Row rows[] = {
      {"On 3 May 2020, farmers protested in Byblos and Tripoli over fuel prices.", 0, "Lebanon",
       "Mount Lebanon", "Byblos", 1},
      {"On 3 May 2020, shells hit the village of Salem in the countryside of Idlib.", 0, "Syria",
       "Idlib", "Idlib", 1},
  };
  ExpectLocatedWithActors(rows);
}

TEST_F(EventLocationTest, NationalCapitalNamedWithAnotherCountry) {
  const Row rows[] = {
      {"On 3 May 2020, nurses held a sit-in at the main hospital in Bamako to demand the return "
       "of colleagues held in Algeria.",
       0, "Mali", "Bamako", "Bamako", 1},
      {"On 3 May 2020, traders marched in Niamey to protest a ban on imports from Nigeria.", 0,
       "Niger", "Niamey", "Niamey", 1},
      {"On 3 May 2020, gunmen shot a farmer in the Lima area of Sacaba, Bolivia.", 0, "Bolivia",
       "Cochabamba", "Sacaba", 1},
      // A name read as Boston does not move the capital to its Maryland namesake either.
      {"On 3 May 2020, Russian military police arrested employees of the Al-Bostan charity in "
       "Damascus.",
       0, "Syria", "Dimashq", "Damascus", 1},
  };
  ExpectLocatedWithActors(rows);
}

// "X village of Y, Province": the town written after the village as its container, anchored by
// its province, does not outrank the village it holds; a village read far away from that town
// (another place of that name) gives way to the town.
TEST_F(EventLocationTest, VillageBeforeItsAnchoredTown) {
  const Row rows[] = {
      {"On 3 May 2020, soldiers clashed with militants in Yapraktepe village of Pervari, Siirt.", 0,
       "Turkey", "Siirt", "Yapraktepe", 1},
      {"On 3 May 2020, soldiers clashed with militants in Kurtalan village of Pervari, Siirt.", 0,
       "Turkey", "Siirt", "Pervari", 1},
  };
  ExpectLocatedWithActors(rows);
}

TEST_F(EventLocationTest, TownWrittenWhereTheEventIs) {
  const Row rows[] = {
      {"On 3 May 2020, members of Svoboda and local traders protested outside the town hall in "
       "Lutsk.",
       0, "Ukraine", "Volyn", "Lutsk", 1},
      {"On 3 May 2020, regime forces shelled Maarrat Misrin, a town north of the city, and "
       "positions in Idlib.",
       0, "Syria", "Idlib", "Maarrat Misrin", 1},
      {"On 3 May 2020, Lutsk traders held a rally at a market near Plano.", 0, "Ukraine", "Volyn",
       "Lutsk", 1},
      // Svoboda read as a village of the province by its former name: the provincial capital
      // written where the event is wins.
      {"On 3 May 2020, activists of Svoboda and local farmers rallied in front of the regional "
       "council in Cherkasy.",
       0, "Ukraine", "Cherkasy", "Cherkasy", 1},
      // "X front in Y": Y is written as X's container.
      {"On 3 May 2020, artillery hit positions on the Tell Abyad front in Raqqa, killing two "
       "fighters.",
       0, "Syria", "Raqqa", "Tell Abyad", 1},
  };
  ExpectLocatedWithActors(rows);
}

TEST_F(EventLocationTest, PlaceAgreeingWithItsSentence) {
  const Row rows[] = {
      // A town resolved to another country than the place holding it gives way to the holder.
      {"Gunmen killed three farmers in the village of Daman in the countryside of Deir ez-Zor.", 0,
       "Syria", "Deir ez-Zor", "Deir ez-Zor", 1},
      // A village read in another state than the district and state named after it: the
      // district locates it, and the village keeps its name as written.
      {"Police raided a house in Lalpur village (Purba Medinipur district, West Bengal), killing "
       "one suspect.",
       0, "India", "West Bengal", "Lalpur", 3},
      // A village the gazetteer lacks, written before its state: named, located by the state.
      {"Gunmen killed four herders in Zongotenga village, Kaduna state, Nigeria.", 0, "Nigeria",
       "Kaduna", "Zongotenga", 4},
      // No name before the state: the state itself (a weekday is not a place).
      {"On Monday, in Kaduna state, gunmen killed four herders.", 0, "Nigeria", "Kaduna", "Kaduna",
       4},
      // Where the fighters come from does not hold the town they take.
      {"Forces from Ethiopia's Tigray region have taken control of the town of Lalibela.", 0,
       "Ethiopia", "Amhara", "Lalibela", 1},
      // A dateline with a date before the agency ("CITY, Aug 5 (Reuters) -") gives way to the
      // town the sentence names.
      {"ADDIS ABABA, Aug 5 (Reuters) - Gunmen killed two farmers in the town of Lalibela.", 0,
       "Ethiopia", "Amhara", "Lalibela", 1},
      // The admin1 as the text spells it, without its level word ("department"); a capital
      // listed among the province's names ("Girishk" for Helmand) does not spell it.
      {"Moto-taxi drivers protested in Cali, Valle del Cauca department.", 0, "Colombia",
       "Valle del Cauca", "Cali", 1},
      {"Taliban militants attacked a police post in Nahri Saraj (Girishk) district, Helmand.", 0,
       "Afghanistan", "Helmand", "Nahri Saraj", 1},
      // A possessive whose curly apostrophe was lost to bad decoding (U+FFFD).
      {"A suicide bomber attacked Baghdad\xEF\xBF\xBDs police academy, killing 36 officers.", 0,
       "Iraq", "Baghdad", "Baghdad", 1},
      // The last name of a list in parentheses is the division as coders spell it, even after
      // a longer name of the division ("Western Area Rural"); without it, the name written.
      {"Riots broke out in Waterloo town (Western Area Rural, Western) on Monday.", 0,
       "Sierra Leone", "Western", "Waterloo", 1},
      {"Protesters marched in Freetown, Western Area, on Monday.", 0, "Sierra Leone",
       "Western Area", "Freetown", 1},
      // A part of a town gives way to the town.
      {"A bomb exploded in the Saihat neighborhood, Dammam city, killing two people.", 0,
       "Saudi Arabia", "Eastern Province", "Dammam", 1},
      // "near X": the town, precision 2.
      {"Rebels attacked the town of Ariel near Djibo, Soum province, killing four soldiers.", 0,
       "Burkina Faso", "Sahel", "Djibo", 2},
      // A quarter's level word before the city ("X neighborhood, Baghdad"): the city, not the
      // province of its name.
      {"Gunmen shot dead two men in Zayouna neighborhood, Baghdad, Iraq.", 0, "Iraq", "Baghdad",
       "Baghdad", 1},
      // A relative region of a country: the country, where_prec 5.
      {"Fighting killed five people in eastern Syria on Monday.", 0, "Syria", "", "Syria", 5},
      // A city section the gazetteer knows only in another city: passed over, so the event
      // stays in the city the paragraph is about.
      {"Shelling killed two people in Kherson on Friday. Shells hit a school in the Dniprovskyi "
       "district.",
       1, "Ukraine", "Kherson", "Kherson", 1},
      // A village the gazetteer lacks, marked by "village": named, located by what holds it.
      {"Gunmen abducted two boys in Wadimbaro village (Jowhar, Middle Shabelle) on Monday.", 0,
       "Somalia", "Middle Shabelle", "Wadimbaro", 1},
      {"Militants burned houses in the village of Kelboriga in Kaduna state.", 0, "Nigeria",
       "Kaduna", "Kelboriga", 4},
      // A village named in passing, not held by the town chosen: the town stays.
      {"Troops from Wadimbaro village clashed with rebels in Jowhar.", 0, "Somalia",
       "Middle Shabele", "Jowhar", 1},
      // The place is named as the text writes it, not as GeoNames transliterates it ("Radā‘"),
      // without the level word.
      {"Gunmen fired at a bus station in Beit Shean, killing two people.", 0, "Israel",
       "Northern District", "Beit Shean", 1},
      // A dateline in capitals: the gazetteer's spelling, not the capitals.
      {"KADUNA, Nigeria - Gunmen killed four herders on Monday.", 0, "Nigeria", "Kaduna State",
       "Kaduna", 1},
      // An Arabic name with its article glued on: GeoNames' standard romanization is kept.
      {"A landmine killed two shepherds in al-Mayadeen, Deir ez-Zor.", 0, "Syria", "Deir ez-Zor",
       "Al Mayādīn", 1},
      // A sentence without a place: the previous sentence of the paragraph.
      {"Clashes broke out in Maiduguri, Borno state. Two soldiers died.", 1, "Nigeria", "Borno",
       "Maiduguri", 1},
      // A town written as the container of a district ("X district, Balkh") names its
      // province: the district locates the event, not Balkh town.
      {"Taliban fighters attacked a checkpoint in Dawlat Abad district, Balkh, killing two "
       "policemen.",
       0, "Afghanistan", "Balkh", "Dawlat Abad", 3},
      // ... and of a village the gazetteer lacks: the village is named, in the province.
      {"Rebels shelled army positions near Shyrokyne, Donetsk, on Monday.", 0, "Ukraine", "Donetsk",
       "Shyrokyne", 4},
      // "place, division, country" after a verb: the place is named.
      {"Assailants attacked Kawaz Hajji Jamil, Kirkuk, Iraq, killing six people.", 0, "Iraq",
       "Kirkuk", "Kawaz Hajji Jamil", 4},
      // An Arabic article written apart before the division.
      {"On Saturday, in Tuz Khurmatu, At Ta'mim, Iraq, a suicide bomber killed 82 civilians.", 0,
       "Iraq", "Ta'mim", "Tuz Khurmatu", 4},
      // A town named in passing, not as a container, stays a town.
      {"On Monday, Kandahar police said two officers were killed.", 0, "Afghanistan", "Kandahar",
       "Kandahar", 1},
      // A town read only through a loose spelling ("Al Falah" as Philadelphia) does not vote a
      // firmly named capital into a namesake of its country.
      {"Rockets hit Tripoli airport and a market in Al Falah on Monday.", 0, "Libya", "Tripoli",
       "Tripoli", 1},
      {"Clashes in Al Falah and Tripoli killed four fighters.", 0, "Libya", "Tripoli", "Tripoli",
       1},
      // A place in a headline's kicker ("North of Aleppo | ...") files the story, as a dateline
      // does: the town the headline names wins; alone, the kicker's place still locates it.
      {"North of Aleppo | Shelling kills two children in Azaz\nThe shells hit a school on Monday.",
       0, "Syria", "Aleppo", "Azaz", 1},
      {"West of Daraa | Gunmen kill a former rebel\nThe man was shot on Monday.", 0, "Syria",
       "Daraa", "Daraa", 4},
      // A town named as written still votes: Tripoli beside Elkhart is the American one.
      {"Clashes in Elkhart and Tripoli killed four fighters.", 0, "United States", "Iowa",
       "Elkhart", 1},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.text);
    Document doc;
    doc.text = r.text;
    AnnotatePlaces(doc, *Gaz());
    EventLocation loc = LocateEvent(doc, r.sentence, *Gaz());
    EXPECT_EQ(loc.country, r.country);
    EXPECT_EQ(loc.admin1, r.admin1);
    EXPECT_EQ(loc.location, r.location);
    EXPECT_EQ(loc.where_prec, r.where_prec);
  }
}

// The admin1 as the text writes it, when the text writes the division's name: of two
// containers, the one spelling the division's own name ("Lahij", not its district "Tuban" that
// GeoNames lists among the province's names); the seat's name alone ("Sibenik", "Gaza") names
// the town, so a division named after its seat and more keeps its whole name. Negative rows: a
// one-word name of the division stays as written ("Wardak" of "Maidan Wardak", "Idleb"), and a
// status word is no more name ("Sofia" of "Sofia-Capital", "Opole" of "Opole Voivodeship").
TEST_F(EventLocationTest, Admin1WrittenAsTheDivisionsName) {
  const Row rows[] = {
      {"Unknown gunmen wounded a soldier in Sabr village (Tuban, Lahij) on Sunday.", 0, "Yemen",
       "Lahij", "Sabr", 4},
      {"Dock workers marched through Sibenik on Tuesday to demand unpaid wages.", 0, "Croatia",
       "Šibenik-Knin", "Sibenik", 1},
      {"Israeli aircraft struck a workshop in Gaza on Friday, killing two men.", 0,
       "Palestinian Territory",
       "Gaza Strip", "Gaza", 1},
      {"Police arrested two men in Tunapuna after a robbery on Monday.", 0,
       "Trinidad and Tobago", "Tunapuna/Piarco", "Tunapuna", 1},
      {"Taliban fighters attacked a checkpoint in Wardak on Monday, killing two soldiers.", 0,
       "Afghanistan", "Wardak", "Wardak", 4},
      {"Shelling hit a market in Kafr Nobol (Idleb) on Monday, killing a child.", 0, "Syria",
       "Idleb", "Kafr Nobol", 1},
      {"Taxi drivers blocked a boulevard in Sofia on Monday to protest fuel prices.", 0,
       "Bulgaria", "Sofia", "Sofia", 1},
      {"Police detained two activists in Opole on Monday.", 0, "Poland", "Opole", "Opole", 1},
      {"Gunmen fired at a police station in Atyrau on Monday.", 0, "Kazakhstan", "Atyrau",
       "Atyrau", 1},
      // The last name in parentheses, the division's seat, is how coders name the division;
      // a town that is no seat there ("Tapoa", a province's name) is not.
      {"On 3 May 2020, police beat a vendor at a market in Adjame (Plateau, Abidjan).", 0,
       "Ivory Coast", "Abidjan", "Abidjan", 1},
      {"On 3 May 2020, militants attacked the village of Kiba (Logobou, Tapoa) and burned a "
       "school.",
       0, "Burkina Faso", "Est", "Kiba", 1},
      // "parish" is a level word as "province" is: the division's name is written without it.
      {"On 1 May 2020, in Montego Bay, Saint James Parish, a man shot at a security guard.", 0,
       "Jamaica", "Saint James", "Montego Bay", 1},
      // A division's name of four words is written as the text spells it ("el" for GeoNames'
      // "al"); "city" in lower case is a level word, not part of the name.
      {"On 3 May 2020, cattle raiders killed two herders near Aweil, Northern Bahr el Ghazal "
       "state.",
       0, "South Sudan", "Northern Bahr el Ghazal", "Aweil", 2},
      {"On 5 May 2020, in Port of Spain city, gunmen shot and wounded a taxi driver.", 0,
       "Trinidad and Tobago", "Port of Spain", "Port of Spain", 4},
      // A list that runs from a province down to its town ("Kadiogo, Ouagadougou") names no
      // division with the town.
      {"On 6 May 2020, gunmen attacked a mosque in Kossodo (Kadiogo, Ouagadougou).", 0,
       "Burkina Faso", "Centre", "Kossodo", 1},
      // A town's name that Natural Earth also lists for its province ("Mizdah" for Jabal al
      // Gharbi), read as the province: the province's own name, not the town's.
      {"Aircraft struck a fuel depot on the outskirts of Mizdah (Al Jabl Al Gharbi) on Tuesday.",
       0, "Libya", "Jabal al Gharbi", "Mizdah", 4},
      // Negatives: a town's name that spells its province still names the province so, and a
      // town's name before a level word is the province's ("Damascus governorate").
      {"Shelling hit a market in Saraqib, Idleb province, on Monday.", 0, "Syria", "Idleb",
       "Saraqib", 1},
      {"A car bomb exploded in Damascus city, Damascus governorate, on Monday.", 0, "Syria",
       "Damascus", "Damascus", 1},
  };
  ExpectLocatedWithActors(rows);
}

// "the town of Tal Qarmuz": a short town name after "town of" and before a capitalized word is
// the head of a longer name the gazetteer lacks, not the namesake town of the head alone (Tal of
// Rif Dimashq, Abu of Rajasthan); the event goes by the other places. Negative rows: without the
// cue ("Gao Airport", a feature of Gao) or before a level word ("Gao Region"), the town stays.
TEST_F(EventLocationTest, ShortHeadOfALongerNameDoesNotLocate) {
  const Row rows[] = {
      {"Gunmen looted shops in the town of Tal Qarmuz in the countryside of Al-Hasakeh.", 0,
       "Syria", "Al-Hasakeh", "Al Ḩasakah", 1},
      {"Shelling hit the village of Abu Zarqa in the southern countryside of Idleb.", 0, "Syria",
       "Idleb", "Idleb", 1},
      {"Militants fired rockets at Gao Airport on Monday.", 0, "Mali", "Gao", "Gao", 1},
      {"Soldiers killed two militants in Gao Region on Monday.", 0, "Mali", "Gao Region", "Gao",
       4},
  };
  ExpectLocatedWithActors(rows);
}

// Texts naming no place: a named armed group of one country locates the event in that
// country (country precision); generic actors and actors of two countries do not.
TEST_F(EventLocationTest, ActorCountryWhenNoPlaceIsNamed) {
  struct ActorRow {
    const char* text;
    const char* country;  // "" = not located
    int where_prec;
  };
  const ActorRow rows[] = {
      {"Koglweogo militiamen beat two herders accused of theft.", "Burkina Faso", 6},
      {"Unknown gunmen shot dead a shopkeeper.", "", 0},
      // A mission of one country: the OSCE Special Monitoring Mission to Ukraine.
      {"The OSCE SMM recorded 40 explosions in both directions of the contact line.", "Ukraine", 6},
      // Missions of two countries say nothing.
      {"UNIFIL and UNAMA officials compared notes on Tuesday.", "", 0},
  };
  for (const ActorRow& r : rows) {
    SCOPED_TRACE(r.text);
    Document doc = WithActorsAndPlaces(r.text);
    EventLocation loc = LocateEvent(doc, 0, *Gaz());
    EXPECT_EQ(loc.country, r.country);
    if (loc.found()) {
      EXPECT_EQ(loc.where_prec, r.where_prec);
      EXPECT_EQ(loc.geo_precision, 3);
      EXPECT_TRUE(loc.admin1.empty());
    }
  }
}

// An event known only to its country is put at the capital, wherever the country comes from (a
// country named in the text, or the named actors' country).
TEST_F(EventLocationTest, CountryPrecisionAtTheCapital) {
  for (const char* text : {"Koglweogo militiamen beat two herders accused of theft.",
                           "Protesters marched across Burkina Faso on Friday."}) {
    SCOPED_TRACE(text);
    Document doc = WithActorsAndPlaces(text);
    EventLocation loc = LocateEvent(doc, 0, *Gaz());
    EXPECT_EQ(loc.country, "Burkina Faso");
    EXPECT_EQ(loc.where_prec, 6);
    ASSERT_TRUE(loc.has_coordinates);
    EXPECT_NEAR(loc.lat, 12.37, 0.1);  // Ouagadougou, not the country's centre (13, -2)
    EXPECT_NEAR(loc.lon, -1.53, 0.1);
  }
}

// A place inside an armed group's name ("Islamic State of Iraq and the Levant") names the
// group: a sentence naming only it is located like a sentence naming no place (the paragraph's
// earlier sentence, else nothing).
TEST_F(EventLocationTest, PlaceInAGroupNameDoesNotLocate) {
  struct GroupRow {
    const char* text;
    size_t sentence;
    const char* country;
    const char* location;
  };
  const GroupRow rows[] = {
      {"Gunmen killed two guards in Mosul on Monday. Officials blamed the Islamic State of Iraq "
       "and the Levant for the attack.",
       1, "Iraq", "Mosul"},
      // The group's name alone says nothing of where its bombing was.
      {"Officials blamed the Islamic State of Iraq and the Levant for the bombing.", 0, "", ""},
      // Not a group's name: the place locates the event.
      {"Officials said a bomb exploded in Mosul on Monday.", 0, "Iraq", "Mosul"},
  };
  for (const GroupRow& r : rows) {
    SCOPED_TRACE(r.text);
    Document doc = WithActorsAndPlaces(r.text);
    EventLocation loc = LocateEvent(doc, r.sentence, *Gaz());
    EXPECT_EQ(loc.country, r.country);
    EXPECT_EQ(loc.location, r.location);
  }
}

// A town's name naming a weapon ("Molotov cocktails": Molotov, Perm Krai) is no place of the
// event; the town the sentence names is. Followed by another word, the same name is a place.
TEST_F(EventLocationTest, WeaponNamedAfterATownDoesNotLocate) {
  const Row rows[] = {
      {"Protesters threw Molotov cocktails at the governor's office in Jakarta.", 0, "Indonesia",
       "Jakarta", "Jakarta", 1},
      {"Rioters hurled a Molotov cocktail at a police car in Valparaiso on Friday.", 0, "Chile",
       "Valparaiso", "Valparaiso", 1},
      {"Gunmen killed two guards in Molotov on Friday.", 0, "Russia", "Perm Krai", "Molotov", 1},
      // "Molotov" also names Perm Krai: the province's reading is no place either.
      {"Two men threw Molotov cocktails at an office in Saint Petersburg, Russia.", 0, "Russia",
       "Saint Petersburg", "Saint Petersburg", 1},
      // A town's name between "the" and a preposition names a building ("the Saray", an
      // Azerbaijani town's name); a town whose own name has the article stays.
      {"Hundreds of protesters marched from the Saray to the main square.", 0, "", "", "", 0},
      {"A police officer was shot dead in the Bronx on Friday.", 0, "United States", "New York",
       "Bronx", 1},
  };
  ExpectLocatedWithActors(rows);
}

// A country named as whose forces or embassy ("US forces", "the France embassy", "Turkey backed
// factions") says whose, not where: it does not pass over the place the sentence names, nor
// stand for the event's place. A country inside a group's name still votes as a place.
TEST_F(EventLocationTest, OwnerCountryDoesNotLocate) {
  struct OwnerRow {
    const char* text;
    const char* country;
    const char* location;
  };
  const OwnerRow rows[] = {
      {"US forces blocked a patrol on the road to Al-Hasakeh on Monday.", "Syria", "Al Ḩasakah"},
      {"Dozens of students protested in front of the France embassy in Conakry.", "Guinea",
       "Conakry"},
      {"Turkey backed factions shelled a village near Al-Hasakeh.", "Syria", "Al Ḩasakah"},
      {"Traders protested outside the Ivory Coast embassy. They asked that the flag of Burkina "
       "Faso be lowered.",
       "Burkina Faso", "Burkina Faso"},
      // A country across the border ("near the border with Mali", "near the Niger border")
      // is not the town's; the second of two bordering countries neither.
      {"Gunmen killed two herders in the town of Gorom-Gorom near the border with Mali.",
       "Burkina Faso", "Gorom-Gorom"},
      {"Gunmen killed two herders in the town of Gorom-Gorom near the Niger border.",
       "Burkina Faso", "Gorom-Gorom"},
      {"Gunmen attacked a patrol in the town of Gorom-Gorom near the border with Niger and Mali.",
       "Burkina Faso", "Gorom-Gorom"},
      // Negative: the country is the place ("in Turkey"), not an owner.
      {"Two soldiers were killed in Turkey on Monday.", "Turkey", "Turkey"},
      {"Two soldiers were killed in Mali near the border.", "Mali", "Mali"},
  };
  for (const OwnerRow& r : rows) {
    SCOPED_TRACE(r.text);
    Document doc = WithActorsAndPlaces(r.text);
    EventLocation loc = LocateEvent(doc, 0, *Gaz());
    EXPECT_EQ(loc.country, r.country);
    EXPECT_EQ(loc.location, r.location);
  }
}

// A division that is a city itself goes by its administrative name, however the text writes
// the city; other divisions keep the text's spelling.
TEST_F(EventLocationTest, CityDivisionByItsAdministrativeName) {
  struct CityRow {
    const char* text;
    const char* admin1;
  };
  const CityRow rows[] = {
      {"Police dispersed a march in Mexico City on Monday.", "Distrito Federal"},
      {"Hundreds of people protested outside parliament in Kyiv.", "Kiev City"},
      {"Students blocked an avenue in Caracas on Friday.", "Distrito Capital"},
      {"Taxi drivers protested in Bogota against new fares.", "Bogota D.C."},
      // Negative: a province, not a city division, keeps the text's spelling.
      {"A landmine killed two shepherds near Idleb.", "Idleb"},
      // The division written as the container of its city: as the text writes it.
      {"Nurses marched in Buenos Aires (Ciudad Autonoma de Buenos Aires) on Monday.",
       "Ciudad Autonoma de Buenos Aires"},
      {"Nurses marched in Kyiv (Kiev City) on Monday.", "Kiev City"},
      // Negatives: the city's own name after a district, a district of the city's name, and an
      // abbreviation.
      {"Residents of San Cristobal, Bogota, blocked a road.", "Bogota D.C."},
      {"Police closed two avenues in Washington, D.C., on Monday.", "District of Columbia"},
      {"Men set fire to a camp in Holosiivskyi district of Kyiv.", "Kiev City"},
  };
  for (const CityRow& r : rows) {
    SCOPED_TRACE(r.text);
    Document doc = WithActorsAndPlaces(r.text);
    EventLocation loc = LocateEvent(doc, 0, *Gaz());
    EXPECT_EQ(loc.admin1, r.admin1);
  }
}

TEST(EventLocationDataTest, EmbeddedCityDivisionsMatchData) {
  std::ifstream in(std::string(SITREP_SOURCE_DIR) + "/data/gazetteer/admin1_city_names.tsv",
                   std::ios::binary);
  ASSERT_TRUE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  std::string_view embedded = locate_internal::EmbeddedCityDivisionsTsv();
  ASSERT_FALSE(embedded.empty());
  EXPECT_EQ(embedded.substr(1), ss.str())
      << "regenerate src/geo/admin1_city_names_tsv.inc (see src/geo/event_location.cc)";
}

// A division written as a town's container settles the town's reading even when the sentence
// names other countries: "Poonch district, J&K" is the Indian district (J&K, the news
// abbreviation of Jammu and Kashmir, read after "," or "("), not Pakistan's: the Indian town
// of that name.
TEST_F(EventLocationTest, ContainerSettlesTheReading) {
  const Row rows[] = {
      {"Troops of India and Pakistan traded fire across the border in Poonch district, J&K, on "
       "Sunday.",
       0, "India", "Jammu and Kashmir", "Poonch", 1},
      // Indian states by their registration codes after "(" or ",": "UP", "HP", "TS".
      {"Two families clashed over a plot of land in Pratapgarh (UP) on Tuesday.", 0, "India",
       "Uttar Pradesh", "Pratapgarh", 1},
      {"Villagers blocked the highway near Manali (HP) on Friday.", 0, "India",
       "Himachal Pradesh", "Manali", 2},
      {"Farmers protested in Warangal city (Warangal, TS) on Monday.", 0, "India", "Telangana",
       "Warangal", 1},
      {"Gunmen attacked a polio team in Shewa village (NW, KPK) on Monday.", 0, "Pakistan",
       "Khyber Pakhtunkhwa", "Shewa", 4},
      // Negative: letters in parentheses that spell the words before them expand those words
      // ("Hewlett-Packard (HP)"), they name no state.
      {"Hewlett-Packard (HP) cut 500 jobs at its plant in Houston on Monday.", 0, "United States",
       "Texas", "Houston", 1},
      // ... and the sector written before it is where the event is.
      {"Troops of India and Pakistan traded fire in Kirni sector area (Poonch district, J&K).", 0,
       "India", "Jammu and Kashmir", "Kirni", 1},
      // A provincial capital written with words ("in the countryside of X") holds the place as
      // its province does: a village read abroad with no namesake there is passed over ...
      {"Turkish forces shelled the village of Fakkeh in the countryside of Al-Hasakeh.", 0, "Syria",
       "Al-Hasakeh", "Al Ḩasakah", 1},
      {"Regime forces shelled the outskirts of Bara town in Idleb countryside.", 0, "Syria",
       "Idleb", "Idleb", 1},
      // ... but a list of towns ("X, Y and Z") is no container.
      {"Students marched in Dedougou, Manga and Po on Monday.", 0, "Burkina Faso",
       "Boucle du Mouhoun", "Dedougou", 1},
      // The container read in a country the sentence does not name, while it names another,
      // settles nothing: the town stays.
      {"A grenade was thrown at a party office in Tripoli, Northern Province, Lebanon.", 0,
       "Lebanon", "North", "Tripoli", 1},
      // The town's own name written again as its container names the same place: the town
      // takes that reading.
      {"Hundreds of nurses rallied in Hyderabad city (Hyderabad, TS) over unpaid wages.", 0,
       "India", "Telangana", "Hyderabad", 1},
      // A town read elsewhere, written right before a city after a comma, is a part of the city
      // ("Ermita" of Western Visayas is Manila's district here); a list of towns is not.
      {"Police dispersed a rally of jeepney drivers in Ermita, Manila on Friday.", 0,
       "Philippines", "National Capital Region", "Manila", 1},
      {"Police dispersed rallies of jeepney drivers in Ermita, Manila and Cebu on Friday.", 0,
       "Philippines", "Western Visayas", "Ermita", 1},
      {"Fishermen blocked the coastal road in Pulluvila village (Thiruvananthapuram, KL).", 0,
       "India", "Kerala", "Thiruvananthapuram", 1},
  };
  ExpectLocatedWithActors(rows);
  // "J&K" is read only where a division's abbreviation stands, after "," or "(".
  Document doc = WithActorsAndPlaces("J&K Bank opened a branch on Monday.");
  for (const PlaceMention& m : doc.places) EXPECT_NE(doc.Slice(m.span), "J&K");
}

// A place the gazetteer lacks, written before its country or division, is named wherever the
// event takes its place from: the event's own sentence (also when the country was named once
// before in it) or an earlier sentence of the paragraph.
TEST_F(EventLocationTest, UnlocatedPlaceNamedFromAnySentence) {
  const Row rows[] = {
      {"Members of the insurgency in Algeria planted a bomb near a reservoir in Boudoukha, "
       "Algeria.",
       0, "Algeria", "", "Boudoukha", 6},
      {"A suicide bomber attacked an army camp in Azzan area, Shabwah governorate, Yemen. At "
       "least 38 soldiers were killed.",
       1, "Yemen", "Shabwah", "Azzan", 4},
      // Negative: the country named alone keeps the country.
      {"Members of the insurgency in Algeria planted a bomb near a reservoir.", 0, "Algeria", "",
       "Algeria", 6},
  };
  ExpectLocatedWithActors(rows);
}

// A village the gazetteer lacks, named before "frontline(s)" and held by the division after it,
// with its Arabic article glued on ("al-Qurnaybat frontlines") or written apart. Negative rows: a
// lower-case word before "frontlines" names no village, nor does a frontline in another division.
TEST_F(EventLocationTest, VillageNamedByItsFrontlines) {
  const Row rows[] = {
      {"Two fighters were killed by a landmine near al-Qurnaybat frontlines in the southern "
       "countryside of Idleb.",
       0, "Syria", "Idleb", "al-Qurnaybat", 1},
      {"Shelling hit the Tall Qurnaybat frontline in the countryside of Idleb on Monday.", 0,
       "Syria", "Idleb", "Tall Qurnaybat", 1},
      {"Two fighters were killed by a landmine near the southern frontlines in the countryside of "
       "Idleb.",
       0, "Syria", "Idleb", "Idleb", 1},
  };
  ExpectLocatedWithActors(rows);
}

// A name the places layer reads only through a loose spelling ("Kitaly" as Kitale, in another
// county than the place the sentence names) and written with a word that makes it a village
// ("Kitaly area", "the village of Kitaly") is a village the gazetteer lacks: the event is there,
// near the town, or in the county. Negative rows: a bare name or a part of a town ("Kitaly
// neighborhood") leaves the town; a name written as where people come from ("from Kitaly area")
// is no place of the event; a name spelled as its entry's own (Kitale) is that town; a name going
// on past the reading ("Kitaly Dima") is not the reading's.
TEST_F(EventLocationTest, LooseNameWithAVillageWordIsAVillage) {
  const Row rows[] = {
      {"Police in Garissa shot dead two gunmen in Kitaly area on Monday.", 0, "Kenya", "Garissa",
       "Kitaly", 2},
      {"Police in Garissa shot dead two gunmen in the village of Kitaly on Monday.", 0, "Kenya",
       "Garissa", "Kitaly", 2},
      {"Police in Garissa County shot dead two gunmen in Kitaly area on Monday.", 0, "Kenya",
       "Garissa County", "Kitaly", 4},
      {"Police in Garissa shot dead two gunmen in Kitaly on Monday.", 0, "Kenya", "Garissa",
       "Garissa", 1},
      {"Police in Garissa shot dead two gunmen in Kitaly neighborhood on Monday.", 0, "Kenya",
       "Garissa", "Garissa", 1},
      {"Police in Garissa shot dead two gunmen from Kitaly area on Monday.", 0, "Kenya", "Garissa",
       "Garissa", 1},
      {"Police in Garissa shot dead two gunmen in Kitale area on Monday.", 0, "Kenya", "Garissa",
       "Garissa", 1},
      // Negative: the name goes on past the loose reading ("Kitaly Dima"): not the mention's.
      {"Police in Garissa shot dead two gunmen in the village of Kitaly Dima on Monday.", 0,
       "Kenya", "Garissa", "Garissa", 1},
      // An area of a town is a part of the town; an area of a county is a village in it.
      {"Police shot dead two gunmen in the Kitaly area of Garissa on Monday.", 0, "Kenya",
       "Garissa", "Garissa", 1},
      {"Police shot dead two gunmen in the Kitaly area of Garissa County on Monday.", 0, "Kenya",
       "Garissa County", "Kitaly", 4},
  };
  ExpectLocatedWithActors(rows);
}

// A sentence placing nothing, in a text about a province that names one town of it: the event is
// at that town. Negative rows: two towns of the province, or a town of another one, leave the
// province.
TEST_F(EventLocationTest, LoneTownOfTheDocumentsProvince) {
  const Row rows[] = {
      {"Gunmen shot dead a police officer on Sunday, officials said.\nThe cartel has long "
       "controlled the city of Reynosa. Violence has spread across Tamaulipas in recent months. "
       "Tamaulipas remains one of the most violent states.",
       0, "Mexico", "Tamaulipas", "Reynosa", 1},
      {"Gunmen shot dead a police officer on Sunday, officials said.\nThe cartel has long "
       "controlled the cities of Reynosa and Nuevo Laredo. Violence has spread across Tamaulipas "
       "in recent months. Tamaulipas remains one of the most violent states.",
       0, "Mexico", "Tamaulipas", "Tamaulipas", 4},
      {"Gunmen shot dead a police officer on Sunday, officials said.\nThe cartel has long "
       "controlled the city of Monterrey. Violence has spread across Tamaulipas in recent months. "
       "Tamaulipas remains one of the most violent states.",
       0, "Mexico", "Tamaulipas", "Tamaulipas", 4},
  };
  ExpectLocatedWithActors(rows);
}

// "Town (subdistrict, province)": the province holds the town across a subdistrict the gazetteer
// lacks; the town read in another country is not the event's place.
TEST_F(EventLocationTest, ParenthesizedDivisionsHoldTheTown) {
  const Row rows[] = {
      {"Gunmen attacked an army checkpoint in Al Arish (Wadi Al Hamra, Taizz) on Monday.", 0,
       "Yemen", "Taizz", "Taizz", 4},
      // Negative: without parentheses the unknown name breaks the chain.
      {"Gunmen attacked an army checkpoint in Al Arish on Monday.", 0, "Egypt", "North Sinai",
       "Al Arish", 1},
  };
  ExpectLocatedWithActors(rows);
}

// A town supported in its country by demonyms alone ("Turkish warplanes ... Zap") gives way to
// the places of another country named with it; one such place is not enough.
TEST_F(EventLocationTest, DemonymsAloneDoNotHoldATown) {
  const Row rows[] = {
      {"Turkish warplanes struck PKK positions in Zap (Amadiya) region of Dahuk, Northern Iraq.",
       0, "Iraq", "Dahuk", "Amadiya", 1},
      {"Ukrainian forces fired mortars at militia positions near Shakhta, Donetsk.", 0, "Ukraine",
       "Donetsk", "Shakhta", 4},
  };
  ExpectLocatedWithActors(rows);
}

// A demonym alone says whose forces act, not where: it never moves a town read in one country to
// a namesake in the demonym's country ("Russian ... in Tartus" is not a Tartus of Russia).
TEST_F(EventLocationTest, DemonymsAloneDoNotMoveATown) {
  const Row rows[] = {
      {"Russian military police arrested two engineers in Tartus city on Monday.", 0, "Syria",
       "Tartus", "Tartus", 1},
      {"Dozens of people chanted pro-Russian slogans in Odessa on Saturday.", 0, "Ukraine",
       "Odessa", "Odessa", 1},
      {"Israeli aircraft struck a building in Gaza on Friday night.", 0, "Palestinian Territory",
       "Gaza Strip", "Gaza", 1},
  };
  ExpectLocatedWithActors(rows);
}

// A division named as the owner of a body ("Logar's provincial council") says whose, not where:
// it neither locates the event nor puts the town named with it in doubt.
TEST_F(EventLocationTest, OwnerDivisionDoesNotLocate) {
  const Row rows[] = {
      {"A member of Logar's provincial council was shot dead in Kabul city on Monday.", 0,
       "Afghanistan", "Kabul", "Kabul", 1},
      // Negative: a possessive before a part of the division or a place in it still holds.
      {"Militants ambushed an army convoy in Anbar's western desert on Monday.", 0, "Iraq",
       "Anbar", "Al Anbar", 4},
      {"Taliban militants attacked a checkpoint in Helmand's Nad Ali district.", 0,
       "Afghanistan", "Helmand", "Nad Ali", 3},
      // A division across a border from the town does not hold it.
      {"Shelling killed a civilian in the village of Ganto in Jisr al-Shughour countryside near "
       "the administrative border with Hama governorate.",
       0, "Syria", "Idlib", "Ganto", 1},
  };
  ExpectLocatedWithActors(rows);
}

// A place written before a division the gazetteer does not know, both before the country or
// province that holds them: the event is at the first name, with the holder's precision.
TEST_F(EventLocationTest, UnlocatedPlaceBeforeAnUnknownDivision) {
  const Row rows[] = {
      {"Gunmen attacked a police post in Borongolo, Kwandera Division, Uganda.", 0, "Uganda", "",
       "Borongolo", 6},
      {"Militants ambushed a patrol near Tulapara, Lower Himsari Hills, Assam, India.", 0,
       "India", "Assam", "Tulapara", 4},
      // Negative: no locative word before the first name; the country stands.
      {"Borongolo, Kwandera Division, Uganda, was calm after gunmen attacked a police post.", 0,
       "Uganda", "", "Uganda", 6},
  };
  ExpectLocatedWithActors(rows);
}

// "X, Division" names a village the gazetteer lacks, placed in the division; but a division that
// a comma and another division follow heads a list, and the name before it is the list's first
// item: the event is not named after a place in another province.
TEST_F(EventLocationTest, AListOfDivisionsNamesNoVillage) {
  const Row rows[] = {
      {"Police killed 7 militants in Kabul, Ghor, Laghman, and Balkh provinces.", 0,
       "Afghanistan", "Ghor", "Ghor", 4},
      {"Police killed 7 militants in Xolotepe, Ghor on Monday.", 0, "Afghanistan", "Ghor",
       "Xolotepe", 4},
  };
  ExpectLocatedWithActors(rows);
}

// A town written as the container of a district away from it names the province: the district
// locates the event; a district of the city itself leaves the city.
TEST_F(EventLocationTest, TownAsContainerOfADistrict) {
  const Row rows[] = {
      {"Taliban militants shot dead a policeman in Gulran district center, Herat.", 0,
       "Afghanistan", "Herat", "Gulran", 3},
      {"Dozens of people protested in Jaghuri district in Ghazni on Monday.", 0, "Afghanistan",
       "Ghazni", "Jaghuri", 3},
      // Negative: a district of the city itself.
      {"Two assailants hurled a firebomb into a bank in the Kagithane district of Istanbul.", 0,
       "Turkey", "Istanbul", "Istanbul", 1},
  };
  ExpectLocatedWithActors(rows);
}

// A division written as the owner of the place after it ("Jammu and Kashmir's Poonch
// district") holds it as "Poonch district of Jammu and Kashmir" would: a name found in two
// countries is read in the owner's.
TEST_F(EventLocationTest, PossessiveOwnerAsContainer) {
  const Row rows[] = {
      {"Pakistani troops fired mortars in Jammu and Kashmir's Poonch district on Tuesday.", 0,
       "India", "Jammu and Kashmir", "Poonch", 1},
      {"Pakistani troops fired mortars in Poonch district of Jammu and Kashmir on Tuesday.", 0,
       "India", "Jammu and Kashmir", "Poonch", 1},
      // Negative: the other country's owner keeps the other district.
      {"Indian troops fired mortars in Azad Kashmir's Poonch district on Tuesday.", 0,
       "Pakistan", "Azad Kashmir", "Poonch", 3},
      // The owner settles it though the sentence names the other country as an actor; without
      // an owner written, the country named decides.
      {"A soldier was killed when Pakistan violated the ceasefire and fired along the LoC in "
       "Jammu and Kashmir's Poonch district on Thursday.",
       0, "India", "Jammu and Kashmir", "Poonch", 1},
      {"A soldier was killed when Pakistan violated the ceasefire and fired along the LoC in "
       "Poonch district on Thursday.",
       0, "Pakistan", "Azad Jammu and Kashmir", "Poonch", 3},
  };
  ExpectLocatedWithActors(rows);
}

// A village named with no other place, read in a country none of the document's named actors
// belongs to: its namesake in the actors' country ("JNIM" works in Mali, Burkina Faso and
// Niger); with no such actor, the reading stands.
TEST_F(EventLocationTest, LoneVillageInTheActorsCountry) {
  struct NamesakeRow {
    const char* text;
    const char* country;
  };
  const NamesakeRow rows[] = {
      {"JNIM militants attacked the military detachment in Banh, wounding four soldiers.",
       "Burkina Faso"},
      {"Koglweogo militiamen killed two herders in the village of Kain.", "Burkina Faso"},
      {"Unknown gunmen attacked the military detachment in Banh, wounding four soldiers.", "Iran"},
  };
  for (const NamesakeRow& r : rows) {
    SCOPED_TRACE(r.text);
    Document doc = WithActorsAndPlaces(r.text);
    EventLocation loc = LocateEvent(doc, 0, *Gaz());
    EXPECT_EQ(loc.country, r.country);
  }
}

// An event known only to its province is put at the provincial capital, as ACLED codes it
// (geo_precision 3), not at the province's label point.
TEST_F(EventLocationTest, ProvincePrecisionAtItsCapital) {
  struct SeatRow {
    const char* text;
    const char* admin1;
    double lat, lon;  // the capital
  };
  const SeatRow rows[] = {
      {"Fighting broke out in Kandahar province on Monday.", "Kandahar", 31.61, 65.71},
      {"Militants attacked a convoy in Helmand province.", "Helmand", 31.58, 64.37},
  };
  for (const SeatRow& r : rows) {
    SCOPED_TRACE(r.text);
    Document doc = WithActorsAndPlaces(r.text);
    EventLocation loc = LocateEvent(doc, 0, *Gaz());
    EXPECT_EQ(loc.admin1, r.admin1);
    EXPECT_EQ(loc.where_prec, 4);
    ASSERT_TRUE(loc.has_coordinates);
    EXPECT_NEAR(loc.lat, r.lat, 0.05);
    EXPECT_NEAR(loc.lon, r.lon, 0.05);
  }
}

// A district the gazetteer has no point for is put at the town of its name inside it, else at
// its province's capital: an event with coordinates, at district precision.
TEST_F(EventLocationTest, DistrictWithoutPointAtItsSeat) {
  struct SeatRow {
    const char* text;
    double lat, lon;
  };
  const SeatRow rows[] = {
      // Qoryooley town, the seat of Qoryooley district (Lower Shabelle).
      {"Militants attacked an army base in Qoryooley district, Lower Shabelle.", 1.79, 44.53},
      // No town of that name in Baharak district of Takhar: Taloqan, the provincial capital.
      {"Two militants were killed in an airstrike in Baharak district, Takhar.", 36.74, 69.53},
  };
  for (const SeatRow& r : rows) {
    SCOPED_TRACE(r.text);
    Document doc = WithActorsAndPlaces(r.text);
    EventLocation loc = LocateEvent(doc, 0, *Gaz());
    EXPECT_EQ(loc.where_prec, 3);
    ASSERT_TRUE(loc.has_coordinates);
    EXPECT_NEAR(loc.lat, r.lat, 0.05);
    EXPECT_NEAR(loc.lon, r.lon, 0.05);
  }
}

// An event note stating where the event is coded ("coded as X at geoprecision 2") is followed,
// whether or not the places layer read the name; a name it did not read is looked up in the
// event's country (here from the text, or from the named group's countries).
TEST_F(EventLocationTest, CodedLocationOfAnEventNote) {
  struct CodedRow {
    const char* text;
    const char* admin1;
    const char* location;
  };
  const CodedRow rows[] = {
      {"JNIM militants attacked the village of Bonkounda (coded as Tougan at geoprecision 2), "
       "killing ten people.",
       "Boucle du Mouhoun", "Tougan"},
      {"On 9 March, ISGS militants were struck by airstrikes in northern Burkina Faso (coded as "
       "Gorom-Gorom at geoprecision 3).",
       "Sahel", "Gorom-Gorom"},
  };
  for (const CodedRow& r : rows) {
    SCOPED_TRACE(r.text);
    Document doc = WithActorsAndPlaces(r.text);
    EventLocation loc = LocateEvent(doc, 0, *Gaz());
    EXPECT_EQ(loc.country, "Burkina Faso");
    EXPECT_EQ(loc.admin1, r.admin1);
    EXPECT_EQ(loc.location, r.location);
  }
}

// A coded name the places layer did not read, with no country in the text nor in the actors:
// it stands when the gazetteer holds it in one country only.
TEST_F(EventLocationTest, CodedNameOfOneCountryOnly) {
  struct CodedRow {
    const char* text;
    const char* country;  // "" = not located by the coded name
    const char* admin1;
    const char* location;
  };
  const CodedRow rows[] = {
      {"Unknown gunmen burned a school in the hamlet of Tiyelga (coded as Barsalogo at "
       "geoprecision 2).",
       "Burkina Faso", "Centre-Nord", "Barsalogo"},
      // Several countries hold "Kain" (Burkina Faso, Belgium): the name alone decides nothing.
      {"Unknown gunmen burned a school in the hamlet of Tiyelga (coded as Kain at geoprecision "
       "2).",
       "", "", ""},
      // "City-Quarter", the coders' name of a part of a city: the city, a national capital
      // before its namesakes (Lisbon, Ohio); a town of several countries still decides nothing.
      {"Protesters rallied outside the ministry [coded to Lisbon-Belem] on Monday.", "Portugal",
       "Lisbon", "Lisbon"},
      {"Protesters rallied outside the school [coded to Kain-Centre] on Monday.", "", "", ""},
  };
  for (const CodedRow& r : rows) {
    SCOPED_TRACE(r.text);
    Document doc = WithActorsAndPlaces(r.text);
    EventLocation loc = LocateEvent(doc, 0, *Gaz());
    if (r.country[0] == '\0') {
      EXPECT_NE(loc.location, "Kain");
      continue;
    }
    EXPECT_EQ(loc.country, r.country);
    EXPECT_EQ(loc.admin1, r.admin1);
    EXPECT_EQ(loc.location, r.location);
  }
}

// "in Veracruz, Veracruz": a division's name written before the same division is the town of
// that name inside it, at town precision; the division written alone, or with its level word,
// stays the division.
TEST_F(EventLocationTest, DivisionNameBeforeTheSameDivisionIsItsTown) {
  const Row rows[] = {
      {"Teachers marched in Veracruz, Veracruz, on Monday.", 0, "Mexico", "Veracruz", "Veracruz",
       1},
      {"Teachers marched in Veracruz state on Monday.", 0, "Mexico", "Veracruz", "Veracruz", 4},
      {"Teachers marched in Veracruz on Monday. Police said Veracruz was calm.", 0, "Mexico",
       "Veracruz", "Veracruz", 4},
  };
  ExpectLocatedWithActors(rows);
}

// A village the places layer did not read, named after a locative word ("the village of X",
// "the area of X", "near X") in a text that places nothing else: the place of that name in the
// one country that has one. Names the gazetteer lacks, months and acronyms locate nothing.
TEST_F(EventLocationTest, UnreadVillageOfOneCountry) {
  const Row rows[] = {
      {"Gunmen attacked the village of Sangona on Monday, killing two herders.", 0,
       "Burkina Faso", "Sud-Ouest", "Sangona", 1},
      {"Gunmen burned a school in the area of Tingandogo.", 0, "Burkina Faso", "Centre",
       "Tingandogo", 1},
      {"Gunmen killed two herders near Tingandogo on Monday.", 0, "Burkina Faso", "Centre",
       "Tingandogo", 2},
      {"Gunmen burned a school in the village of Zorbulak.", 0, "", "", "", 0},
      {"Gunmen killed two herders in April.", 0, "", "", "", 0},
      {"Gunmen burned a school near KADIOGO.", 0, "", "", "", 0},
  };
  ExpectLocatedWithActors(rows);
}

// A mission reporting from one area (the OSCE SMM: Donetsk and Luhansk oblasts) places the
// village it names there: the namesake inside the area, else the village in the main oblast at
// admin1 precision; a city, a named division or a text naming no place keep their reading.
TEST_F(EventLocationTest, MissionPlacesItsVillagesInItsArea) {
  struct AreaRow {
    const char* text;
    const char* admin1;    // "" = no admin1
    const char* location;  // "" = not checked
    int where_prec;
  };
  const AreaRow rows[] = {
      // Novoselivka of Odesa oblast: the Novoselivka of Donetsk oblast.
      {"The OSCE SMM observed 12 explosions near Novoselivka.", "Donetsk", "Novoselivka", 2},
      // A village the gazetteer lacks: named, in the main oblast, at its precision.
      {"The OSCE SMM observed 7 shots near Vesela Dolyna-3.", "Donetsk", "Vesela Dolyna-3", 4},
      // A village read in another country (Kazakhstan, Russia) that the text does not name: the
      // village in the main oblast.
      {"The OSCE SMM observed 15 explosions near Komsomolets.", "Donetsk", "Komsomolets", 4},
      {"The OSCE SMM observed 4 explosions near Rumyantsevo.", "Donetsk", "Rumyantsevo", 4},
      // A regional capital elsewhere stays where it is.
      {"The OSCE SMM observed 7 shots near Kharkiv.", "Kharkiv", "Kharkiv", 2},
      // The text names the oblast itself.
      {"The OSCE SMM observed 7 shots near Stanytsia Luhanska, Luhansk region.", "Luhansk",
       "Stanytsia Luhanska", 2},
      // An acronym after "at" is no village.
      {"The OSCE SMM observed at SMM headquarters that 40 explosions were recorded.", "", "", 6},
      // Without a village name, the mission says only the country.
      {"The OSCE SMM observed 40 explosions in both directions of the contact line.", "", "", 6},
  };
  for (const AreaRow& r : rows) {
    SCOPED_TRACE(r.text);
    Document doc = WithActorsAndPlaces(r.text);
    EventLocation loc = LocateEvent(doc, 0, *Gaz());
    EXPECT_EQ(loc.country, "Ukraine");
    EXPECT_EQ(loc.admin1.find(r.admin1), 0u) << loc.admin1;
    if (r.admin1[0] == '\0') EXPECT_TRUE(loc.admin1.empty());
    if (r.location[0] != '\0') EXPECT_EQ(loc.location, r.location);
    EXPECT_EQ(loc.where_prec, r.where_prec);
  }
}

// A village of another country stays there when the text names that country, by its name or
// a demonym.
TEST_F(EventLocationTest, MissionLeavesAVillageInTheCountryTheTextNames) {
  const Row rows[] = {
      {"The OSCE SMM said Russian police counted 4 explosions near Rumyantsevo.", 0, "Russia",
       "Moscow Oblast", "Rumyantsevo", 2},
      {"The OSCE SMM said 4 explosions were heard near Rumyantsevo in Russia.", 0, "Russia",
       "Moscow Oblast", "Rumyantsevo", 2},
  };
  ExpectLocatedWithActors(rows);
}

// Places resolved by hand (as a resolver without context might), to check the event's own
// judgement of them.
struct Forced {
  const char* surface;
  int64_t geonameid;  // the entry the mention is resolved to
};

struct ForcedRow {
  const char* text;
  std::vector<Forced> places;
  int64_t expected_geonameid;  // of the location; 0 = none expected
  const char* admin1;
};

TEST_F(EventLocationTest, ReadsNamesAgainstTheirContext) {
  const ForcedRow rows[] = {
      // Novoselivka of Odesa named with Donetsk: the Novoselivka of Donetsk oblast.
      {"Shelling hit Novoselivka, Donetsk, overnight.",
       {{"Novoselivka", 699203}, {"Donetsk", 709716}},
       699185,
       "Donetsk"},
      // Alone, the same mention is left as resolved.
      {"Shelling hit Novoselivka overnight.", {{"Novoselivka", 699203}}, 699203, "Odessa"},
  };
  for (const ForcedRow& r : rows) {
    SCOPED_TRACE(r.text);
    Document doc;
    doc.text = r.text;
    Segment(doc);
    bool all_found = true;
    for (const Forced& f : r.places) {
      size_t at = doc.text.find(f.surface);
      ASSERT_NE(at, std::string::npos);
      PlaceMention m;
      m.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + strlen(f.surface))};
      bool found = false;
      for (GeoEntry e : Gaz()->Lookup(f.surface)) {
        if (e.geonameid() != f.geonameid) continue;
        found = true;
        m.geo_id = e.id();
        m.geonameid = e.geonameid();
        m.name = std::string(e.name());
        m.feature_code = std::string(e.feature_code());
        m.country = std::string(e.country_iso2());
        m.admin1 = std::string(e.admin1_name());
        m.kind = e.kind() == GeoKind::kAdmin1 ? PlaceKind::kAdmin1 : PlaceKind::kPlace;
      }
      all_found &= found;
      doc.places.push_back(m);
    }
    if (!all_found) GTEST_SKIP() << "entries not in this gazetteer";
    EventLocation loc = LocateEvent(doc, 0, *Gaz());
    EXPECT_EQ(loc.geonameid, r.expected_geonameid);
    if (r.expected_geonameid != 0) EXPECT_EQ(loc.admin1, r.admin1);
  }
}

// Whole pipeline: the place of the document's first event, chosen across its sentences.
TEST_F(EventLocationTest, IncidentPlaceAcrossSentences) {
  struct IncidentRow {
    const char* text;
    const char* country;
    const char* location;
  };
  const IncidentRow rows[] = {
      // "taken control of the town of X" is where the event is, not where someone was taken; a
      // town of another region named later ("fighting ... in Mekelle") is another incident.
      {"Rebel fighters have taken control of the town of Lalibela, residents said. One guard was "
       "shot dead. Fighting was also reported in Mekelle.",
       "Ethiopia", "Lalibela"},
      // Where captives were moved to is not where they were seized.
      {"Gunmen abducted four traders in Kousseri, Far North region, Cameroon. The captives were "
       "taken across the border into Nigeria.",
       "Cameroon", "Kousseri"},
      // A province named later for another incident the attack answers ("in retaliation for an
      // airstrike in Nangarhar") does not move it out of the opening sentence's place.
      {"A suicide bomber killed nine people at a checkpoint in Shash Darak, Kabul, Afghanistan. "
       "The group said the attack was carried out in retaliation for an airstrike in Nangarhar "
       "province.",
       "Afghanistan", "Shash Darak"},
      // Where the wounded were rushed to is not where the attack was.
      {"Gunmen killed six villagers in Kaura, Kaduna State. Three were wounded and rushed to "
       "Zaria.",
       "Nigeria", "Kaura"},
      {"Gunmen killed six villagers in Kaura, Kaduna State. Three were wounded and taken to a "
       "hospital in Zaria.",
       "Nigeria", "Kaura"},
      {"Gunmen killed six villagers in Kaura, Kaduna State. Three were wounded and Airlifted to "
       "Zaria.",
       "Nigeria", "Kaura"},
      // The sentence after the incident's, with no trigger of its own, tells more of it: the
      // sector it names is where the event is ("the X sector" keeps its word, "X sector" as an
      // address does not). Negative: a sentence further on names the sector in passing.
      {"A soldier was killed in Jammu and Kashmir's Poonch district on Thursday, officials said. "
       "The post lies in the Kirni sector of Poonch, close to the LoC.",
       "India", "Kirni sector"},
      {"A soldier was killed in Jammu and Kashmir's Poonch district on Thursday, officials said. "
       "The post lies in Kirni sector near the LoC.",
       "India", "Kirni"},
      {"A soldier was killed in Jammu and Kashmir's Poonch district on Thursday, officials said. "
       "The army has not commented. The post lies in the Kirni sector of Poonch.",
       "India", "Poonch"},
      // Negative: a sentence opening with its own day tells of another time.
      {"A soldier was killed in Jammu and Kashmir's Poonch district on Thursday, officials said. "
       "On Friday, more troops were seen in the Kirni sector of Poonch.",
       "India", "Poonch"},
      // Killed at home: the village the victim lives in, inside the town, is the place.
      // Negative rows: killed elsewhere, or a village written in another town.
      {"Rebels shot dead a farmer at his home in Nasipit town on Sunday, police said. The victim "
       "was identified as Ramon Dela Cruz, 52, of Barangay Talisay, Nasipit, Agusan del Norte.",
       "Philippines", "Talisay"},
      {"Rebels shot dead a farmer at a checkpoint in Nasipit town on Sunday, police said. The "
       "victim was identified as Ramon Dela Cruz, 52, of Barangay Talisay, Nasipit, Agusan del "
       "Norte.",
       "Philippines", "Nasipit"},
      {"Rebels shot dead a farmer at his home in Nasipit town on Sunday, police said. The victim "
       "was identified as Ramon Dela Cruz, 52, of Barangay Talisay, Buenavista, Agusan del Norte.",
       "Philippines", "Nasipit"},
      // An event told after a sentence naming only the country ("the biggest bust in Jamaica")
      // is at the place an earlier sentence gives inside that country.
      {"On Monday, in Spur Tree, Manchester parish, police discovered 4000 kilograms of "
       "marijuana. The seizure is the biggest ever drug bust in Jamaica. Four persons were "
       "arrested.",
       "Jamaica", "Spur Tree"},
  };
  for (const IncidentRow& r : rows) {
    SCOPED_TRACE(r.text);
    PipelineOptions options;
    options.gazetteer = Gaz();
    Document doc;
    doc.id = "t";
    doc.published = "2024-09-14";
    doc.text = r.text;
    ASSERT_TRUE(MakeDefaultPipeline(options).Run(doc).ok());
    ASSERT_FALSE(doc.events.empty());
    EXPECT_EQ(doc.events[0].country, r.country);
    EXPECT_EQ(doc.events[0].location, r.location);
  }
}

// The word filter of the village search: every designator passes in any case, and the filter
// answers as a plain reference does (the size and lower-cased first letter of a designator).
TEST(EventLocationDataTest, VillageDesignatorFilterMatchesReference) {
  const std::vector<std::string> designators = {"hamlet",   "sector",    "village",   "township",
                                                "barangay", "frontline", "frontlines"};
  auto reference = [&](std::string_view w) {
    for (const std::string& d : designators) {
      if (w.size() == d.size() && (w[0] | 0x20) == d[0]) return true;
    }
    return false;
  };
  for (const std::string& d : designators) {
    std::string title = d, upper = d;
    title[0] = static_cast<char>(title[0] - 'a' + 'A');
    for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
    EXPECT_TRUE(locate_internal::MayBeVillageDesignator(d)) << d;
    EXPECT_TRUE(locate_internal::MayBeVillageDesignator(title)) << title;
    EXPECT_TRUE(locate_internal::MayBeVillageDesignator(upper)) << upper;
  }
  const std::vector<std::string> words = {"of",        "on",         "Of",
                                          "in",        "the",        "Sunday",
                                          "second",    "sectors",    "villages",
                                          "Thursday",  "building",   "Barangays",
                                          "following", "foreigners", "Frontliners",
                                          "vehicle",   "victims",    "houses",
                                          "x",         "hamletsxyz", "\xC3\xA9lan",
                                          "7village",  "-village",   "Village-level",
                                          "townships", "Township",   "abcdefghijklmnopqrstuvwxyz",
                                          "stronghold"};
  for (const std::string& w : words) {
    EXPECT_EQ(locate_internal::MayBeVillageDesignator(w), reference(w)) << w;
  }
  EXPECT_FALSE(locate_internal::MayBeVillageDesignator(""));
}

}  // namespace
}  // namespace sitrep
