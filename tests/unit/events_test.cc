// Unit tests of the events stage: casualty aggregation (table-driven, through the real layers),
// interaction codes, UCDP names, notes, stable ids, grouping without a gazetteer.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "event/event_internal.h"
#include "sitrep/actors.h"
#include "sitrep/events.h"
#include "sitrep/pipeline.h"
#include "sitrep/places.h"
#include "sitrep/quantity.h"
#include "sitrep/text.h"

namespace sitrep {
namespace {

Document Annotated(const std::string& text) {
  Document doc;
  doc.id = "t";
  doc.published = "2024-09-14";
  doc.text = text;
  EXPECT_TRUE(MakeDefaultPipeline().Run(doc).ok());
  return doc;
}

CasualtyTotals AggregateAll(const Document& doc) {
  std::vector<uint32_t> frames;
  for (uint32_t i = 0; i < doc.casualties.size(); ++i) frames.push_back(i);
  return AggregateCasualties(doc, frames);
}

struct CasualtyCase {
  const char* text;
  int fatalities, low, high, best;
  int side_a, side_b, civilians, unknown;
  int injured;  // -1: none reported
};

const CasualtyCase kCasualtyCases[] = {
    // Conflicting reports of one event: a range; the conservative total for ACLED.
    {"The raid killed 14 ISIS operatives. Officials said at least 15 people were killed.",
     14, 14, 15, 15, 0, 14, 0, 1, -1},
    // Different victims in one sentence add up.
    {"Three soldiers and five militants were killed in the clash.", 8, 8, 8, 8, 3, 5, 0, 0, -1},
    {"At least 4 people and 2 policemen were killed.", 6, 6, 6, 6, 2, 0, 4, 0, -1},
    // An update supersedes the earlier count.
    {"A bomb killed eight people on Saturday. By Sunday, the death toll rose to 20.",
     20, 20, 20, 20, 0, 0, 0, 20, -1},
    // Subtotals are not added.
    {"Seven American troops were injured, five in the raid and two from falls.",
     0, 0, 0, 0, 0, 0, 0, 0, 7},
    // A lone "a commander" is one of a numbered count.
    {"The strike killed a senior commander. In all, 12 militants were killed.",
     12, 12, 12, 12, 0, 12, 0, 0, -1},
    // The attacker who blew himself up always adds.
    {"A suicide bomber blew himself up at a market. Three people were killed.",
     4, 4, 4, 4, 0, 1, 3, 0, -1},
    // Negation alone says zero; negation next to a count is ignored.
    {"No one was killed in the attack.", 0, 0, 0, 0, 0, 0, 0, 0, -1},
    {"Five soldiers were killed. No civilians were killed.", 5, 5, 5, 5, 5, 0, 0, 0, -1},
    // Injured only.
    {"Gunmen wounded 12 people at a checkpoint.", 0, 0, 0, 0, 0, 0, 0, 0, 12},
    // The perpetrator's death adds, and does not make "a guard" a part of a numbered count.
    {"In addition to the bomber, a guard was killed.", 2, 2, 2, 2, 1, 1, 0, 0, -1},
    {"In addition to the assailant, five people were killed.", 6, 6, 6, 6, 0, 1, 5, 0, -1},
    {"Three villagers were killed. The gunman was later killed by police.",
     4, 4, 4, 4, 0, 1, 3, 0, -1},
    // "a soldier" listed beside a number shares its verb and adds.
    {"A soldier and two civilians were killed.", 3, 3, 3, 3, 1, 0, 2, 0, -1},
    // ... but an "a" inside the numbered phrase does not.
    {"Five workers of a mining company were killed.", 5, 5, 5, 5, 0, 0, 5, 0, -1},
    // A coder's final figure overrides the reports.
    {"Four soldiers were killed in the ambush. Fatalities coded as 0.",
     0, 0, 0, 0, 0, 0, 0, 0, -1},
    {"Clashes killed 9 fighters. Fatalities coded as 10 and split between 2 events.",
     5, 5, 5, 5, 0, 0, 0, 5, -1},
    // A name in one sentence and a role noun in the next are one victim.
    {"Gunmen shot and killed Haro Bensel. The victim, a teacher, was killed at home.",
     1, 1, 1, 1, 0, 0, 0, 1, -1},
    // Counts over a period are background, not this incident's.
    {"Two soldiers were killed at the post. More than 400 people have been killed since "
     "March.",
     2, 2, 2, 2, 2, 0, 0, 0, -1},
    {"Since June, activists have recorded 90 attacks. These attacks claimed the lives of 75 "
     "persons. A guard was killed on Monday.",
     1, 1, 1, 1, 1, 0, 0, 0, -1},
    // "areas of" is not "as of".
    {"Three militants were killed in the areas of the valley.", 3, 3, 3, 3, 0, 3, 0, 0, -1},
    // A figure split between events: this event's share.
    {"Raiders killed 12 herders in three villages. Fatalities split between 3 events.",
     4, 4, 4, 4, 0, 0, 4, 0, -1},
    // Named victims listed together add up.
    {"Ilsa Varn and her driver were killed when the car exploded.", 2, 2, 2, 2, 0, 0, 0, 2, -1},
    // A suicide attack that took place adds its attacker; "not including" keeps it apart.
    {"A suicide bomber detonated his vest at a checkpoint, killing six soldiers.",
     7, 7, 7, 7, 6, 1, 0, 0, -1},
    {"A suicide bomber struck a market. Nine people, not including the bomber, were killed.",
     10, 10, 10, 10, 0, 1, 9, 0, -1},
    // ... but not when the text counts the attackers itself.
    {"A suicide bomber struck a market. Nine people, including the bomber, were killed.",
     9, 9, 9, 9, 0, 0, 9, 0, -1},
    // A list after an active verb: each item adds.
    {"Gunmen killed a police officer, his wife, and two sons.", 4, 4, 4, 4, 1, 0, 3, 0, -1},
    {"Two women and a man were killed in a house.", 3, 3, 3, 3, 0, 0, 3, 0, -1},
    // A toll with a long phrase before its verb supersedes the partial count after it.
    {"The death toll from Friday's shelling of the port rose to four after a woman died.",
     4, 4, 4, 4, 0, 0, 0, 4, -1},
    // A subject listed before a counted list adds to it.
    {"The guard and two soldiers were killed.", 3, 3, 3, 3, 2, 0, 0, 1, -1},
    // Running totals: a perfect tense with the year or with a vague count of hundreds or
    // more, a breakdown of the previous sentence's total, "the latest of".
    {"One person died in the clashes. At least 29 people have now died this year in the "
     "unrest.",
     1, 1, 1, 1, 0, 0, 1, 0, -1},
    {"Two civilians were shot dead. Thousands have also been killed in the conflict.",
     2, 2, 2, 2, 0, 0, 2, 0, -1},
    {"Troops killed two rebels on Monday. Since January, a total of 89 rebels were "
     "neutralized. Of the total number, 41 were killed.",
     2, 2, 2, 2, 0, 2, 0, 0, -1},
    {"A man was killed on Sunday, the latest of dozens of deaths in three weeks of unrest.",
     1, 1, 1, 1, 0, 0, 1, 0, -1},
    // A figure "across both attacks" is shared by two incidents: this one's half (rounded
    // up); "across the attacks" takes N from "one of three coordinated attacks".
    {"A car bomb exploded at the market. At least 30 people were killed and 11 injured "
     "across both attacks.",
     15, 15, 15, 15, 0, 0, 15, 0, 6},
    {"This was one of three coordinated attacks. Twelve people were killed across the "
     "attacks.",
     4, 4, 4, 4, 0, 0, 4, 0, -1},
    // Any unit of incidents ("clashes", "events"), any small number, "all of the".
    {"This was one of four coordinated attacks. Eight soldiers and 12 rebels were killed "
     "across the ensuing clashes.",
     5, 5, 5, 5, 2, 3, 0, 0, -1},
    {"Gunmen attacked a checkpoint. This was one of six related attacks. At least 30 people "
     "were killed across all of the attacks.",
     5, 5, 5, 5, 0, 0, 5, 0, -1},
    // Attackers of every incident in a shared figure are not this incident's own; "the
    // bomber" is.
    {"A bomber struck the gate. This was one of two attacks. In addition to the bombers, 20 "
     "people were killed across both attacks.",
     10, 10, 10, 10, 0, 0, 10, 0, -1},
    {"A bomber struck the gate. This was one of two attacks. In addition to the bomber, 20 "
     "people were killed across both attacks.",
     11, 11, 11, 11, 0, 1, 10, 0, -1},
    // "..., as were two guards": more people than the one before.
    {"The mayor was killed, as were two guards.", 3, 3, 3, 3, 2, 0, 0, 1, -1},
    // ... and a coder's split is not applied twice.
    {"Troops shelled rebels in two villages. 48 rebels were killed across the two attacks. "
     "Fatalities split between 2 events.",
     24, 24, 24, 24, 0, 24, 0, 0, -1},
    // A vague count beside an exact one of another sentence is the same dead; in one list
    // with exact counts it is one more group.
    {"The bodies of four people were found. Residents said several people were dead.",
     4, 4, 4, 4, 0, 0, 4, 0, -1},
    {"The blast killed 12 civilians, a few elders and two guards.",
     17, 17, 17, 17, 2, 0, 15, 0, -1},
    // The same exact count said of two categories in two sentences is one report ...
    {"Air strikes killed 15 insurgents in their hideouts. The governor said 15 rebel "
     "fighters were killed.",
     15, 15, 15, 15, 0, 15, 0, 0, -1},
    // ... but not when said to be more, nor beside another side's count.
    {"Two policemen were killed at the post. Two militants were also killed.",
     4, 4, 4, 4, 2, 2, 0, 0, -1},
    {"Two rebels were killed in the ambush. Two soldiers and a civilian were killed.",
     5, 5, 5, 5, 2, 2, 1, 0, -1},
    // A campaign's vague toll in the perfect tense is background.
    {"A bomb killed a trader. The group has wreaked havoc in the region, killing several "
     "hundreds of people.",
     1, 1, 1, 1, 0, 0, 1, 0, -1},
    // A numbered count said to be more people keeps a lone victim of another sentence.
    {"The governor was killed by a roadside bomb. His three guards were also killed.",
     4, 4, 4, 4, 3, 0, 0, 1, -1},
    {"A bodyguard was killed in the assault. Additionally, three assailants were killed.",
     4, 4, 4, 4, 1, 3, 0, 0, -1},
    // A found body is one of the victims already counted.
    {"A farmer was shot dead. The body of the victim was retrieved by police.",
     1, 1, 1, 1, 0, 0, 1, 0, -1},
    // A count said to be more than a total reported before it adds to that total ...
    {"Gunmen fired on a bus, killing three. Later they fired on a car, killing two more "
     "civilians.",
     5, 5, 5, 5, 0, 0, 2, 3, -1},
    // ... but not when a side's count came first ("another" is more than that one).
    {"A man drowned in the river. Another three men were found dead the next day. Four people "
     "were killed in total.",
     4, 4, 4, 4, 0, 0, 4, 0, -1},
    // A list of one verb with a definite count in it.
    {"Two police officers and the two gunmen were killed.", 4, 4, 4, 4, 2, 2, 0, 0, -1},
    // A possessive list item said to be more people.
    {"Major General Ann Roe was killed in a drive by shooting. Roe's driver and a passerby "
     "were also killed in the incident.",
     3, 3, 3, 3, 0, 0, 1, 2, -1},
    // The parts of an "including" list are not added; the injured of another verb are not parts.
    {"Eighteen people, including 10 boys, three girls, and two teachers were wounded.",
     0, 0, 0, 0, 0, 0, 0, 0, 18},
    {"A total of 50 people were killed, including ten guards, and 200 were wounded.",
     50, 50, 50, 50, 0, 0, 50, 0, 200},
    // A lone victim of one side is not one of a numbered count of the other side ...
    {"Gunmen killed a constable. Police killed two of the gunmen.", 3, 3, 3, 3, 1, 2, 0, 0, -1},
    {"A constable was killed by gunmen. Police killed one of the gunmen.",
     2, 2, 2, 2, 1, 1, 0, 0, -1},
    // ... but the subject of an active verb may be the killers, not a victim.
    {"A unit of troops and volunteer fighters killed at least ten members of the herder "
     "community.",
     10, 10, 10, 10, 0, 0, 10, 0, -1},
    // A victim of no stated kind said to be "also" killed is one more person ...
    {"The minister was killed. His bodyguard was also killed.", 2, 2, 2, 2, 0, 0, 0, 2, -1},
    {"Three soldiers were killed at the post. Two soldiers were also killed at the gate.",
     5, 5, 5, 5, 5, 0, 0, 0, -1},
    // ... but "also" outside the count's own words is no more people.
    {"Five soldiers were killed. Police also said five soldiers were killed.",
     5, 5, 5, 5, 5, 0, 0, 0, -1},
    // A stated total supersedes the counts before it, but not the bomber's own death.
    {"Inmates fought with the wardens, killing one. Six inmates were also killed (total of 7 "
     "fatalities).",
     7, 7, 7, 7, 0, 0, 0, 7, -1},
    {"A suicide bomber detonated his belt at the gate. A total of 20 people were killed.",
     21, 21, 21, 21, 0, 1, 20, 0, -1},
    // A motive, a condition or an intention is no death of this incident ...
    {"Gunmen shot dead two villagers in retaliation for the raid that killed 12 fighters last "
     "week.",
     2, 2, 2, 2, 0, 0, 2, 0, -1},
    {"Gunmen killed three guards. The group said that if one more of its fighters were "
     "killed, it would kill 20 hostages.",
     3, 3, 3, 3, 3, 0, 0, 0, -1},
    {"A mob threatened to kill a soldier at the market.", 0, 0, 0, 0, 0, 0, 0, 0, -1},
    {"Students marched to protest the killing of two classmates by police.",
     0, 0, 0, 0, 0, 0, 0, 0, -1},
    {"Militants shot dead a trader on the day of a strike held to mourn the death of three "
     "commanders.",
     1, 1, 1, 1, 0, 0, 1, 0, -1},
    // ... but a purpose clause that happened is, and an uncertain death stays.
    {"Gunmen used a car bomb to kill 23 civilians.", 23, 23, 23, 23, 0, 0, 23, 0, -1},
    {"Six rebels were killed, but it was not known if the commander was killed as well.",
     7, 7, 7, 7, 0, 6, 0, 1, -1},
    // Deaths among the injured add to the dead and leave the injured.
    {"A girl was killed and 30 others were injured. One of the injured died on Monday.",
     2, 2, 2, 2, 0, 0, 1, 1, 29},
    {"Three civilians were wounded in the blast. One of the injured later died in hospital.",
     1, 1, 1, 1, 0, 0, 0, 1, 2},
    // A partitive re-mentions part of a counted set and adds nothing ...
    {"Five guards were wounded in the attack. Two of the wounded were flown to the capital.",
     0, 0, 0, 0, 0, 0, 0, 0, 5},
    {"Eight people were wounded by the blast. Three of those injured remain in critical "
     "condition.",
     0, 0, 0, 0, 0, 0, 0, 0, 8},
    {"Nine villagers were killed in the raid. Four of the dead were children.",
     9, 9, 9, 9, 0, 0, 9, 0, -1},
    // ... but without an earlier count it is a lower bound.
    {"Two of the wounded were flown to the capital.", 0, 0, 0, 0, 0, 0, 0, 0, 2},
    // "the other" after "one" is the second of a pair: a death that adds.
    {"Gunmen shot two farmers, killing one on the spot, while the other succumbed to his "
     "injuries in hospital.",
     2, 2, 2, 2, 0, 0, 0, 2, -1},
    {"Two farmers were shot. One was wounded, while the other died in hospital.",
     1, 1, 1, 1, 0, 0, 0, 1, 1},
    {"The other died in hospital.", 0, 0, 0, 0, 0, 0, 0, 0, -1},
    // "and another died" is one more person.
    {"Six officers were killed on the spot and another died later of his wounds.",
     7, 7, 7, 7, 6, 0, 0, 1, -1},
};

TEST(AggregateCasualties, Table) {
  for (const CasualtyCase& c : kCasualtyCases) {
    SCOPED_TRACE(c.text);
    const Document doc = Annotated(c.text);
    const CasualtyTotals t = AggregateAll(doc);
    EXPECT_EQ(t.fatalities, c.fatalities);
    EXPECT_EQ(t.deaths_low, c.low);
    EXPECT_EQ(t.deaths_high, c.high);
    EXPECT_EQ(t.deaths_best, c.best);
    EXPECT_EQ(t.deaths_side_a, c.side_a);
    EXPECT_EQ(t.deaths_side_b, c.side_b);
    EXPECT_EQ(t.deaths_civilians, c.civilians);
    EXPECT_EQ(t.deaths_unknown, c.unknown);
    EXPECT_EQ(t.deaths_best, t.deaths_side_a + t.deaths_side_b + t.deaths_civilians +
                                 t.deaths_unknown);
    EXPECT_EQ(t.has_injured ? t.injured : -1, c.injured);
  }
}

TEST(AggregateCasualties, SwappedSides) {
  const Document doc = Annotated("Three soldiers and five militants were killed in the clash.");
  std::vector<uint32_t> frames;
  for (uint32_t i = 0; i < doc.casualties.size(); ++i) frames.push_back(i);
  const CasualtyTotals t = AggregateCasualties(doc, frames, /*state_is_side_a=*/false);
  EXPECT_EQ(t.deaths_side_a, 5);
  EXPECT_EQ(t.deaths_side_b, 3);
}

TEST(InteractionCode, SmallerFirst) {
  const struct {
    int a, b, want;
  } kCases[] = {{1, 2, 12}, {2, 1, 12}, {7, 3, 37}, {3, 7, 37}, {5, 0, 50},
                {0, 6, 60}, {1, 1, 11}, {8, 2, 28}, {0, 0, 0}};
  for (const auto& c : kCases) EXPECT_EQ(InteractionCode(c.a, c.b), c.want) << c.a << "," << c.b;
}

TEST(UcdpSideName, Map) {
  EXPECT_EQ(UcdpSideName("Military Forces of Iraq"), "Government of Iraq");
  EXPECT_EQ(UcdpSideName("Military Forces of the United States"),
            "Government of United States of America");
  EXPECT_EQ(UcdpSideName("Islamic State"), "IS");
  EXPECT_EQ(UcdpSideName("Taliban"), "Taleban");
  EXPECT_EQ(UcdpSideName("Some Local Militia"), "Some Local Militia");
}

TEST(FormatNotes, AcledStyle) {
  Event e;
  e.sub_event_type = "Armed clash";
  e.date_start = "2024-08-01";
  e.date_end = "2024-08-31";
  e.date_prec = 4;
  e.actor1 = "Military Forces of Iraq";
  e.assoc_actor_1 = {"Military Forces of the United States"};
  e.actor2 = "Islamic State";
  e.location = "Al Anbar";
  e.admin1 = "Anbar";
  e.country = "Iraq";
  e.fatalities = 14;
  e.deaths_high = 15;
  e.injured = 7;
  EXPECT_EQ(FormatNotes(e),
            "In August 2024, Military Forces of Iraq (with Military Forces of the United States) "
            "clashed with Islamic State in Al Anbar, Anbar, Iraq; 14 to 15 killed, 7 injured.");
  Event p;
  p.sub_event_type = "Peaceful protest";
  p.date_start = p.date_end = "2024-09-10";
  p.date_prec = 1;
  p.actor1 = "Protesters (Kenya)";
  p.location = "Nairobi";
  p.country = "Kenya";
  EXPECT_EQ(FormatNotes(p), "On 10 September 2024, Protesters (Kenya) protested in Nairobi, Kenya; 0 killed.");
}

TEST(MakeEventId, StableAndDistinct) {
  const std::string a = MakeEventId("doc-1", "Armed clash|2024-08-01|IRQ|Al Anbar|38");
  EXPECT_EQ(a, MakeEventId("doc-1", "Armed clash|2024-08-01|IRQ|Al Anbar|38"));
  EXPECT_NE(a, MakeEventId("doc-2", "Armed clash|2024-08-01|IRQ|Al Anbar|38"));
  EXPECT_NE(a, MakeEventId("doc-1", "Armed clash|2024-08-01|IRQ|Al Anbar|39"));
  EXPECT_EQ(a.size(), 19u);  // "ev-" + 16 hex digits
  EXPECT_EQ(a.rfind("ev-", 0), 0u);
}

TEST(AssembleEvents, RolesWithoutGazetteer) {
  const Document doc = Annotated(
      "Iraqi forces and American troops killed 14 ISIS militants in a raid on Monday. "
      "Seven American troops were injured in the raid.");
  ASSERT_EQ(doc.events.size(), 1u);
  const Event& e = doc.events[0];
  EXPECT_EQ(e.actor1, "Military Forces of Iraq");
  EXPECT_EQ(e.actor2, "Islamic State");
  ASSERT_EQ(e.assoc_actor_1.size(), 1u);
  EXPECT_EQ(e.assoc_actor_1[0], "Military Forces of the United States");
  EXPECT_EQ(e.inter1, 1);
  EXPECT_EQ(e.inter2, 2);
  EXPECT_EQ(e.interaction, 12);
  EXPECT_EQ(e.side_a, "Government of Iraq");
  EXPECT_EQ(e.side_b, "IS");
  EXPECT_EQ(e.fatalities, 14);
  EXPECT_EQ(e.deaths_side_b, 14);
  EXPECT_EQ(e.injured, 7);
  EXPECT_FALSE(e.historical);
  EXPECT_EQ(e.doc_ids, std::vector<std::string>{"t"});
  // Without a gazetteer the event has no place, which makes it far less usable: low confidence.
  EXPECT_GT(e.confidence, 0.0);
  EXPECT_LT(e.confidence, 0.5);
}

// Roles by event type (invented notes; no gazetteer, so generic names carry no country).
struct RoleCase {
  const char* text;
  const char* actor1;
  const char* actor2;  // "" = none
  int interaction;
};

const RoleCase kRoleCases[] = {
    // Residents who protest are protesters; a peaceful protest has no actor2.
    {"Residents protested outside the town hall on Monday over water cuts.", "Protesters", "", 60},
    // An intervention without a named force: the police.
    {"Police fired tear gas to disperse students marching on Monday.", "Protesters",
     "Police Forces", 16},
    // Nobody claims the killing: an unidentified armed group against civilians.
    {"A trader was shot dead at his shop on Monday.", "Unidentified Armed Group", "Civilians", 37},
    // "X and/or Y" is one joint actor, in the order written; the state force they attacked is
    // actor2.
    {"JNIM and/or ISGS militants attacked a gendarmerie post on Monday.",
     "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)",
     "Police Forces", 12},
    {"ISWAP or Boko Haram fighters abducted three farmers on Monday.",
     "Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai "
     "wal-Jihad",
     "Civilians", 27},
    // Two groups that fought each other are two sides, not a joint actor.
    {"JNIM fighters clashed with ISGS fighters near the village on Monday.",
     "JNIM: Group for Support of Islam and Muslims", "Islamic State (Greater Sahara)", 22},
    // Rival factions of one country's forces fight each other.
    {"LNA forces clashed with GNA forces south of the capital on Monday.",
     "Military Forces of Libya Haftar Faction",
     "Military Forces of Libya Government of National Accord", 11},
    // Property burned by an armed group belongs to civilians.
    {"Militants burned a school in the village on Monday.", "Unidentified Armed Group",
     "Civilians", 37},
    // "Military forces of X and Y": two state forces of different countries fight.
    {"Military forces of India and Pakistan exchanged fire across the border on Monday.",
     "Military Forces of India", "Military Forces of Pakistan", 11},
    // A branch of a country's forces is no faction: the gendarmes fight beside the soldiers,
    // against the militants (a faction would be the soldiers' opponent, interaction 11).
    {"Burkinabe gendarmes and Burkinabe soldiers clashed with JNIM militants on Monday.",
     "Police Forces of Burkina Faso Gendarmerie", "JNIM: Group for Support of Islam and Muslims",
     12},
    {"Brazilian military police and Brazilian police officers exchanged fire with gunmen "
     "on Monday.",
     "Military Forces of Brazil Military Police", "Unidentified Armed Group", 13},
    // A faction of the same country's forces fights the plain forces.
    {"Libyan troops clashed with LNA forces south of the capital on Monday.",
     "Military Forces of Libya", "Military Forces of Libya Haftar Faction", 11},
    // A mob with no named victim group: rioters against civilians.
    {"A mob lynched a suspected thief in the market on Monday.", "Rioters", "Civilians", 57},
    // A bomb nobody is named for, hitting soldiers: its maker is an unidentified armed group.
    {"A roadside bomb struck an army patrol on Monday, wounding four soldiers.",
     "Unidentified Armed Group", "Military Forces", 13},
    // State forces in a firefight with no opponent named fought an unidentified armed group.
    {"Police officers exchanged fire with suspects near the bus station on Monday.",
     "Police Forces", "Unidentified Armed Group", 13},
    // Shelling by nobody named.
    {"Heavy artillery fire by an unknown party hit the suburb on Monday.",
     "Unidentified Armed Group", "", 30},
    // Clan fighters are an identity militia (fighting another one).
    {"Armed tribesmen clashed over a well on Monday, and two were killed.",
     "Unidentified Tribal Militia", "Unidentified Communal Militia", 44},
    // Fire across a front line with neither side named: state forces against rebels; remote
    // fire of unnamed origin there: the state's forces. Front-line workers are no front line.
    {"Monitors counted 40 shots in both directions of the frontline near the village on Monday.",
     "Military Forces", "Rebel Forces", 12},
    {"The monitoring mission observed 12 explosions involving artillery near the bridge on Monday.",
     "Military Forces", "", 10},
    {"Heavy artillery fire hit frontline health workers in the suburb on Monday.",
     "Unidentified Armed Group", "", 30},
    // A pro-government militia is a political militia on the state's side.
    {"Rebels attacked a checkpoint of pro-government militia members on Monday.", "Unidentified Armed Group",
     "Militia (Pro-Government)", 33},
    {"Police and Arbakis repelled an attack by the rebels on Monday.", "Police Forces",
     "Unidentified Armed Group", 13},
    // Two bodies of one state's forces fighting each other; joined by "and" they are one side.
    {"Police clashed with soldiers at a checkpoint on Monday.", "Police Forces",
     "Military Forces", 11},
    {"Police and soldiers clashed with unknown men at a checkpoint on Monday.", "Police Forces",
     "Unidentified Armed Group", 13},
    // A retired or off-duty member of the forces is a civilian.
    {"Militants shot dead a retired policeman at his farm on Monday.", "Unidentified Armed Group",
     "Civilians", 37},
    // Two crowds fighting each other: rioters on both sides.
    {"Two groups of workers clashed with sticks at the depot on Monday, injuring six.",
     "Rioters", "Rioters", 55},
    // A grenade that wounded civilians, nobody named: an unidentified group against civilians.
    {"A grenade thrown at a bus stop wounded three civilians on Monday.",
     "Unidentified Armed Group", "Civilians", 37},
    // Communities fighting with no armed side named: identity militias on both sides.
    {"Three people were killed in intercommunal clashes near the market on Monday.",
     "Unidentified Communal Militia", "Unidentified Communal Militia", 44},
    // "criminal groups" is no community: an ordinary fight with no side named.
    {"A gunfight broke out in the market on Monday; criminal groups were blamed.",
     "Unidentified Armed Group", "Unidentified Armed Group", 33},
    // A fight where no side is named: unidentified armed groups on both sides.
    {"A shoot-out took place in the northern district on Monday.", "Unidentified Armed Group",
     "Unidentified Armed Group", 33},
    // Both sides of Yemen's war named by "pro-" only.
    {"Pro-Houthi and pro-Hadi fighters clashed near the dam on Monday.",
     "Military Forces of Yemen Supreme Political Council", "Military Forces of Yemen",
     11},
    // Locals beating a suspect: rioters against civilians.
    {"A suspected thief was beaten up by locals at the market on Monday.", "Rioters", "Civilians",
     57},
    // The group that claims the attack carried it out, though the first sentence names only
    // its victims; a claim written in the passive counts too.
    {"A car bomb exploded near a checkpoint on Monday, killing three soldiers. Al-Shabaab "
     "claimed responsibility for the attack.",
     "Al Shabaab", "Military Forces", 12},
    {"Gunmen opened fire on a police station on Monday, killing two officers, in an attack "
     "later claimed by the Taliban.",
     "Taliban", "Police Forces", 12},
    // Blame laid by others counts as a claim.
    {"Gunmen shot dead two police officers at a checkpoint on Monday. No group claimed "
     "responsibility, but officials attributed the attack to Boko Haram.",
     "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad", "Police Forces", 12},
    // A bomb's maker is the armed group named against the forces it hit...
    {"Four soldiers died on Monday when a roadside bomb hit their convoy near a camp used by "
     "Boko Haram.",
     "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad", "Military Forces", 12},
    // ...but forces that act against the bomb or the bomber are actor1, and so are forces that
    // claim a deed of their own.
    {"Police shot dead a suspected Boko Haram suicide bomber at a checkpoint on Monday.",
     "Police Forces", "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad", 12},
    {"The army claimed to have killed ten Al-Shabaab fighters in clashes on Monday.",
     "Military Forces", "Al Shabaab", 12},
    // Residents who flee a town that changes hands are no side of the battle.
    {"Rebels took control of the town on Monday as residents fled.", "Unidentified Armed Group",
     "Unidentified Armed Group", 33},
    // A demonym before a weapon only states field is that country's military.
    {"Russian shelling killed two civilians in the city on Monday.",
     "Military Forces of Russia", "Civilians", 17},
    {"Israeli airstrikes hit a house in the camp on Monday, killing four people.",
     "Military Forces of Israel", "Civilians", 17},
};

// UCDP's names of the governments whose names differ from ACLED's, and one that does not.
TEST(AssembleEvents, UcdpGovernmentNames) {
  const struct {
    const char* text;
    const char* side_a;
  } kCases[] = {
      {"Russian forces killed 14 ISIS militants in a raid on Monday.",
       "Government of Russia (Soviet Union)"},
      {"Yemeni forces killed 14 ISIS militants in a raid on Monday.",
       "Government of Yemen (North Yemen)"},
      {"Myanmar forces killed 14 ISIS militants in a raid on Monday.",
       "Government of Myanmar (Burma)"},
      {"Iraqi forces killed 14 ISIS militants in a raid on Monday.", "Government of Iraq"},
  };
  for (const auto& c : kCases) {
    const Document doc = Annotated(c.text);
    ASSERT_EQ(doc.events.size(), 1u) << c.text;
    EXPECT_EQ(doc.events[0].side_a, c.side_a) << c.text;
  }
}

TEST(AssembleEvents, RolesByType) {
  for (const RoleCase& c : kRoleCases) {
    SCOPED_TRACE(c.text);
    const Document doc = Annotated(c.text);
    ASSERT_FALSE(doc.events.empty());
    const Event& e = doc.events[0];
    EXPECT_EQ(e.actor1.value_or(""), c.actor1);
    EXPECT_EQ(e.actor2.value_or(""), c.actor2);
    EXPECT_EQ(e.interaction, c.interaction);
  }
}

// Food handed out by an armed group is a change of its activity (ACLED codes cartels' and
// militias' aid so); the same aid from a charity or a ministry is no event.
TEST(AssembleEvents, AidFromAnArmedGroupOnly) {
  const Document cartel =
      Annotated("Members of the Gulf Cartel delivered food packages to families on Monday.");
  ASSERT_EQ(cartel.events.size(), 1u);
  EXPECT_EQ(cartel.events[0].sub_event_type, "Change to group/activity");
  for (const char* text : {"The Red Cross delivered food packages to displaced families.",
                           "The ministry distributed food parcels to schools on Monday."}) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(Annotated(text).events.empty());
  }
}

// A force that only speaks through a named officer is the source, not a side: "police
// commander John Mwangi said" adds no associated actor; the same force acting is one.
TEST(AssembleEvents, NamedSpokesmanIsASource) {
  const Document quoted = Annotated(
      "A bomb killed two soldiers at a checkpoint on Monday, police commander John Mwangi said.");
  ASSERT_FALSE(quoted.events.empty());
  EXPECT_EQ(quoted.events[0].actor2.value_or(""), "Military Forces");
  EXPECT_TRUE(quoted.events[0].assoc_actor_1.empty());
  EXPECT_TRUE(quoted.events[0].assoc_actor_2.empty());
  const Document acting = Annotated(
      "A bomb killed two soldiers and police officers at a checkpoint on Monday.");
  ASSERT_FALSE(acting.events.empty());
  EXPECT_EQ(acting.events[0].assoc_actor_2, std::vector<std::string>{"Police Forces"});
}

// What the incident avenges, or "the attack" that refers back to it, does not type it: the
// bombing is a bombing, not the offensive or the airstrikes it answered.
TEST(AssembleEvents, MotiveDoesNotTypeTheIncident) {
  struct Row {
    const char* text;
    const char* sub_event_type;
  };
  const Row rows[] = {
      {"A roadside bomb killed six people at a market on Monday. The group said the attack was "
       "in revenge for the army's offensive in the valley.",
       "Remote explosive/landmine/IED"},
      {"Gunmen shot dead three guards at a depot on Monday in retaliation for airstrikes on "
       "their camps.",
       "Attack"},
      // A motive alone still types what it names.
      {"Residents said the airstrikes on Monday were in retaliation for an ambush.",
       "Air/drone strike"},
      // "the attack" after the act refers back to it: arson stays arson, a defused bomb a
      // disrupted one; an attack told first still types the incident.
      {"Assailants set fire to a school bus on Monday. There were no casualties in the attack.",
       "Looting/property destruction"},
      {"A bomb was found and defused near a police post on Monday. No group claimed the "
       "attack.",
       "Disrupted weapons use"},
      {"Militants attacked an army base on Monday. The attack killed five soldiers.",
       "Armed clash"},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.text);
    const Document doc = Annotated(r.text);
    ASSERT_FALSE(doc.events.empty());
    EXPECT_EQ(doc.events[0].sub_event_type, r.sub_event_type);
  }
}

TEST(AssembleEvents, BackgroundIsNotNews) {
  const Document doc = Annotated(
      "The group rose to power in 2014 and was defeated in 2017. Its sleeper cells have "
      "continued to carry out attacks.");
  EXPECT_TRUE(doc.events.empty());
}

// Headlines in a list of links to other stories are not mentions of this article's events.
TEST(AssembleEvents, LinkListIsNotNews) {
  const Document doc = Annotated(
      "Gunmen killed a shopkeeper in the market on Monday.\nYou may also like these "
      "stories:\nRebels Kill at Least 15 Soldiers in Border Ambush\nA New Law on Charities");
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_EQ(doc.events[0].deaths_best, 1);
}

TEST(AssembleEvents, SeparateIncidentCue) {
  const Document doc = Annotated(
      "Gunmen killed three policemen at a checkpoint on Monday. In a separate attack, "
      "militants killed five villagers.");
  EXPECT_EQ(doc.events.size(), 2u);
}

// Where the wounded were taken is not where the event was: one incident, not two. Needs the
// gazetteer (the two towns are far apart); skips without it.
TEST(AssembleEvents, HospitalTownIsNotANewIncident) {
  auto gaz = OpenDefaultGazetteer();
  if (!gaz.ok()) GTEST_SKIP() << "no gazetteer blob";
  PipelineOptions options;
  options.gazetteer = *gaz;
  Document doc;
  doc.id = "t";
  doc.published = "2024-09-14";
  doc.text =
      "Gunmen killed six villagers in Kaura, Kaduna State, on Tuesday. Three other residents were "
      "wounded and taken to a hospital in Zaria.";
  ASSERT_TRUE(MakeDefaultPipeline(options).Run(doc).ok());
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_NE(doc.events[0].location, "Zaria");
}

// The side across a country's standing front line, by the event's date; none for a country
// without one. The embedded table is the data file.
TEST(FrontLines, OpponentByCountryAndDate) {
  const struct {
    const char* iso3;
    std::optional<std::string_view> date;
    const char* opponent;  // "" = none
    int inter;
  } kCases[] = {
      {"UKR", "2019-05-09", "NAF: United Armed Forces of Novorossiya", 2},
      {"UKR", "2014-04-06", "NAF: United Armed Forces of Novorossiya", 2},
      {"UKR", "2022-02-23", "NAF: United Armed Forces of Novorossiya", 2},
      {"UKR", "2022-02-24", "Military Forces of Russia", 8},
      {"UKR", std::nullopt, "Military Forces of Russia", 8},
      {"UKR", "2013-12-01", "", 0},
      {"IND", "2020-05-09", "Military Forces of Pakistan", 8},
      {"IRQ", "2020-05-09", "", 0},
      {"", "2020-05-09", "", 0},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.iso3) + " " + std::string(c.date.value_or("(no date)")));
    const auto got = event::FrontLineOpponentOf(c.iso3, c.date);
    EXPECT_EQ(got ? got->name : "", c.opponent);
    EXPECT_EQ(got ? got->inter : 0, c.inter);
  }
  std::ifstream in(std::string(SITREP_SOURCE_DIR) + "/data/actors/front_lines.tsv",
                   std::ios::binary);
  ASSERT_TRUE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(event::EmbeddedFrontLinesTsv().substr(1), ss.str())
      << "regenerate src/event/front_lines_tsv.inc (see data/actors/front_lines.tsv)";
}

// Fighting across Ukraine's front line with neither side named: before 2022 the government's
// forces fought the NAF there, from 2022 Russia's forces. Needs the gazetteer (the event's
// country); skips without it.
TEST(AssembleEvents, FrontLineOpponentByDate) {
  auto gaz = OpenDefaultGazetteer();
  if (!gaz.ok()) GTEST_SKIP() << "no gazetteer blob";
  PipelineOptions options;
  options.gazetteer = *gaz;
  const struct {
    const char* published;
    const char* actor2;
    int interaction;
  } kCases[] = {
      {"2019-03-12", "NAF: United Armed Forces of Novorossiya", 12},
      {"2023-03-12", "Military Forces of Russia", 18},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.published);
    Document doc;
    doc.id = "t";
    doc.published = c.published;
    doc.text =
        "Monitors counted 40 shots in both directions of the frontline near Avdiivka, Donetsk, "
        "on Monday.";
    ASSERT_TRUE(MakeDefaultPipeline(options).Run(doc).ok());
    ASSERT_FALSE(doc.events.empty());
    const Event& e = doc.events[0];
    EXPECT_EQ(e.country, "Ukraine");
    EXPECT_EQ(e.actor1.value_or(""), "Military Forces of Ukraine");
    EXPECT_EQ(e.actor2.value_or(""), c.actor2);
    EXPECT_EQ(e.interaction, c.interaction);
  }
}

// A text and the division and location of its first event.
struct EventPlaceCase {
  const char* text;
  const char* admin1;
  const char* location;
};

void ExpectFirstEventPlaces(const std::shared_ptr<const Gazetteer>& gaz,
                            std::span<const EventPlaceCase> cases) {
  PipelineOptions options;
  options.gazetteer = gaz;
  for (const EventPlaceCase& c : cases) {
    SCOPED_TRACE(c.text);
    Document doc;
    doc.id = "t";
    doc.published = "2024-09-14";
    doc.text = c.text;
    ASSERT_TRUE(MakeDefaultPipeline(options).Run(doc).ok());
    ASSERT_FALSE(doc.events.empty());
    EXPECT_EQ(doc.events[0].admin1.value_or(""), c.admin1);
    EXPECT_EQ(doc.events[0].location, c.location);
  }
}

// The opening sentence's place, read after a comma ("in Nurmati, Andhra Pradesh, India"), is
// not replaced by a country named later after a locative word ("the Communist Party of India"):
// the finer place that agrees with it stands; a coded place of an event note is the event's.
// Needs the gazetteer; skips without it.
TEST(AssembleEvents, OpeningPlaceOverALaterCountry) {
  auto gaz = OpenDefaultGazetteer();
  if (!gaz.ok()) GTEST_SKIP() << "no gazetteer blob";
  const EventPlaceCase cases[] = {
      {"Assailants raided a construction site in Nurmati, Andhra Pradesh, India, wounding one "
       "guard. The Communist Party of India claimed responsibility for the raid.",
       "Andhra Pradesh", "Nurmati"},
      // A later place in another state is not finer and does not agree: the first stands.
      {"Gunmen killed six villagers in Kaura, Kaduna State, on Tuesday. The gunmen fled to "
       "Zamfara State after the attack.",
       "Kaduna", "Kaura"},
      // A dateline town gives way to the district the sentence places the event in.
      {"Mazar-e-Sharif (BNA) Nine Taliban insurgents were killed in Kaldar district of Balkh "
       "yesterday. A spokesman said the airstrikes targeted a Taliban rally.",
       "Balkh", "Kaldar"},
      // A province is refined by a town inside it that a later sentence of the same incident
      // names; a town outside it is not taken.
      {"Gunmen killed seven policemen in Assam on Thursday. Haflong police said the gunmen "
       "opened fire on a patrol.",
       "Assam", "Haflong"},
      {"Gunmen killed seven policemen in Assam on Thursday. Police in Kolkata said the gunmen "
       "opened fire on a patrol.",
       "Assam", "Assam"},
      // "from X to Y" names one end of a route, not where someone comes from; "a commander
      // from X" and "from X to the north" still do.
      {"Gunmen killed two drivers on the road from Iguala to Taxco.", "Guerrero", "Iguala"},
      {"A commander from Iguala was killed in Taxco.", "Guerrero", "Taxco"},
      {"A commander from Iguala to the north was killed in Taxco.", "Guerrero", "Taxco"},
      // A village the gazetteer lacks, written before the same province by a later sentence of
      // the incident, refines it too; one written before another province does not.
      {"Gunmen killed seven policemen in Assam on Thursday. The officers were shot dead in "
       "Lorumpahar, Assam, near a market.",
       "Assam", "Lorumpahar"},
      {"Gunmen killed seven policemen in Assam on Thursday. The officers were shot dead in "
       "Lorumpahar, Meghalaya, near a market.",
       "Assam", "Assam"},
      // A village the gazetteer lacks, written before its state, is not replaced by the same
      // state named later after a locative word; without the village the state stands.
      {"Militants attacked a police post in Lorumpahar, Assam, India. This was one of two "
       "attacks in Assam on the same day.",
       "Assam", "Lorumpahar"},
      {"Militants attacked a police post in Assam, India. This was one of two attacks in Assam "
       "on the same day.",
       "Assam", "Assam"},
      // An event note's coded place ("coded as Tougan") is the event's, not a name after "as".
      {"JNIM militants attacked the village of Bonkounda (coded as Tougan at geoprecision 2), "
       "killing ten people.",
       "Boucle du Mouhoun", "Tougan"},
  };
  ExpectFirstEventPlaces(*gaz, cases);
}

// A headline without a place opens the incident; the body's sentence places it at a village the
// gazetteer lacks, named after a locative word and held by a town ("in Barangay X, Y City"):
// the village, not the province the document names most. Needs the gazetteer; skips without it.
TEST(AssembleEvents, VillageStatedByTheIncidentsSentence) {
  auto gaz = OpenDefaultGazetteer();
  if (!gaz.ok()) GTEST_SKIP() << "no gazetteer blob";
  const EventPlaceCase cases[] = {
      {"Rebel killed in clash with troops\nA rebel was killed in a clash with soldiers in Barangay "
       "Tabun, Escalante City in Negros Occidental on Thursday. Troops in Negros Occidental remain "
       "on alert.",
       "Western Visayas", "Tabun"},
      // Negative: a village named in passing, without a locative word, does not place it.
      {"Rebel killed in clash with troops\nA rebel was killed in a clash with soldiers in "
       "Escalante City in Negros Occidental on Thursday, said the chief of Barangay Tabun. Troops "
       "in Negros Occidental remain on alert.",
       "Western Visayas", "Escalante"},
  };
  ExpectFirstEventPlaces(*gaz, cases);
}

// A village the gazetteer lacks, named with its designator after a locative word by another
// sentence of the incident that places nothing outside the incident's town and does not open
// with its own day: the village, in the town's divisions. Needs the gazetteer; skips without it.
TEST(AssembleEvents, VillageNamedByAnotherSentenceOfTheIncident) {
  auto gaz = OpenDefaultGazetteer();
  if (!gaz.ok()) GTEST_SKIP() << "no gazetteer blob";
  const EventPlaceCase cases[] = {
      {"Rebels killed a farmer in Escalante City, Negros Occidental, on Monday.\nThe farmer was "
       "shot dead in Barangay Palumpong while tending his field.",
       "Western Visayas", "Palumpong"},
      {"Gunmen killed two teachers in Dawei Township on Tuesday.\nThe teachers were shot at a "
       "school in Zinbyaw Village after dark.",
       "Tanintharyi Region", "Zinbyaw"},
      {"Two soldiers were killed in a clash in Dawei Township on Sunday.\nThe clash began on a "
       "hill west of Sakhanthit Township before dawn.",
       "Tanintharyi Region", "Sakhanthit"},
      // Negative: the other sentence names a town outside the incident's town.
      {"Rebels killed a farmer in Escalante City, Negros Occidental, on Monday.\nThe farmer was "
       "shot dead in Barangay Palumpong, Bacolod City, while tending his field.",
       "Western Visayas", "Escalante"},
      // Negative: a village named for its chief or as where someone lives places nothing.
      {"Rebels killed a farmer in Escalante City, Negros Occidental, on Monday.\nThe farmer was "
       "shot dead, said the chief of Barangay Palumpong.",
       "Western Visayas", "Escalante"},
      {"Gunmen killed two teachers in Dawei Township on Tuesday.\nThe teachers, residents of "
       "Zinbyaw Village, were shot at a school after dark.",
       "Tanintharyi Region", "Dawei"},
      {"Gunmen killed two teachers in Dawei Township on Tuesday.\nThe teachers were shot by the "
       "Zinbyaw Village guard after dark.",
       "Tanintharyi Region", "Dawei"},
      // A sentence opening with its own day may tell of another incident: its village is not
      // taken; the same sentence without the day is.
      {"A landmine killed a child in Dawei Township on Friday.\nYesterday, a landmine exploded "
       "in Zinbyaw Village, killing a farmer.",
       "Tanintharyi Region", "Dawei"},
      {"A landmine killed a child in Dawei Township on Friday.\nThe landmine exploded in Zinbyaw "
       "Village, killing the child.",
       "Tanintharyi Region", "Zinbyaw"},
  };
  ExpectFirstEventPlaces(*gaz, cases);
}

// An event known only to its country is put at the capital, in the capital's division; a finer
// place keeps its own division. Needs the gazetteer; skips without it.
TEST(AssembleEvents, CountryLevelEventInTheCapitalsDivision) {
  auto gaz = OpenDefaultGazetteer();
  if (!gaz.ok()) GTEST_SKIP() << "no gazetteer blob";
  const EventPlaceCase cases[] = {
      {"Thousands of teachers marched across Burkina Faso on Friday.", "Centre", "Burkina Faso"},
      {"Thousands of teachers marched in Djibo, Burkina Faso on Friday.", "Sahel", "Djibo"},
  };
  ExpectFirstEventPlaces(*gaz, cases);
}

// An incident dated well before publication while the lead incident is recent is background
// recalled for context: emitted as historical, so it is not taken for the article's news.
struct BackgroundCase {
  const char* text;
  int64_t news_deaths;   // deaths of the non-historical event with the most deaths
  const char* news_date;
  size_t historical;     // events flagged historical
};

TEST(AssembleEvents, BackgroundByNewsWindow) {
  // Published Saturday 2024-09-14.
  const BackgroundCase cases[] = {
      // A similar attack two weeks earlier, told after the news.
      {"Gunmen killed two farmers in a village on Friday. On August 30, at least nine people "
       "were killed in a similar attack in the same district.",
       2, "2024-09-13", 1},
      // A toll over past months is not this week's incident.
      {"Soldiers killed four militants in a raid on Thursday. The army said troops had killed "
       "some 100 militants in June.",
       4, "2024-09-12", 1},
      // Within the news window both incidents are news.
      {"Militants killed five soldiers on Wednesday. On Monday, two policemen were killed in "
       "a nearby town.",
       5, "2024-09-11", 0},
      // The lead itself is old: nothing to measure against, nothing flagged.
      {"On August 1, gunmen killed seven people in a market. Police shot dead two suspects "
       "on Friday.",
       7, "2024-08-01", 0},
      // A sentence opening with an earlier day turns from the news to a recalled incident.
      {"Gunmen killed a soldier with a roadside bomb in the town on Saturday. On Sunday, "
       "militants attacked a bus on the highway, killing 12 passengers.",
       1, "2024-09-14", 1},
      // ... but not when it points back to the news ("the blast").
      {"A bomb hit a bus on the highway. On Thursday, the blast killed 12 passengers, police "
       "said.",
       12, "2024-09-12", 0},
      // ... and the day before publication is still the news.
      {"Gunmen killed two farmers in the hills on Saturday. On Friday, militants killed five "
       "soldiers at a checkpoint.",
       5, "2024-09-13", 0},
      // A court report is about the older incident it judges.
      {"A court sentenced a man on Friday over the bombing of a bus. On March 3, a bomb "
       "killed 12 passengers in the capital.",
       12, "2024-03-03", 0},
  };
  for (const BackgroundCase& c : cases) {
    const Document doc = Annotated(c.text);
    const Event* news = nullptr;
    size_t historical = 0;
    for (const Event& e : doc.events) {
      if (e.historical) {
        ++historical;
        continue;
      }
      if (news == nullptr || e.deaths_best > news->deaths_best) news = &e;
    }
    ASSERT_NE(news, nullptr) << c.text;
    EXPECT_EQ(news->deaths_best, c.news_deaths) << c.text;
    EXPECT_EQ(news->date_start.value_or(""), c.news_date) << c.text;
    EXPECT_EQ(historical, c.historical) << c.text;
  }
}

// Regression: a lead told without a date took the day of a later sentence that opens with an
// earlier day ("On Sunday, ...") and absorbed that recalled incident and its toll.
TEST(AssembleEvents, RecalledDayStartsNewIncident) {
  const Document doc = Annotated(
      "Gunmen killed a soldier with a roadside bomb in the town. On Sunday, militants attacked "
      "a bus on the highway, killing 12 passengers.");
  ASSERT_EQ(doc.events.size(), 2u);
  EXPECT_EQ(doc.events[0].deaths_best + doc.events[1].deaths_best, 13);
}

// Regression: without a publication date no event is flagged (there is no news window).
TEST(AssembleEvents, NoPublicationDateNoBackground) {
  Document doc;
  doc.id = "t";
  doc.text =
      "Gunmen killed two farmers on 13 September 2024. On 30 August 2024, nine people were "
      "killed in a similar attack.";
  ASSERT_TRUE(MakeDefaultPipeline().Run(doc).ok());
  for (const Event& e : doc.events) EXPECT_FALSE(e.historical) << e.notes;
}

TEST(AssembleEvents, EmptyDocument) {
  Document doc;
  doc.id = "empty";
  EXPECT_TRUE(MakeDefaultPipeline().Run(doc).ok());
  EXPECT_TRUE(doc.events.empty());
}

}  // namespace
}  // namespace sitrep
