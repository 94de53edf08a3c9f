#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sitrep/pipeline.h"
#include "sitrep/actors.h"
#include "sitrep/quantity.h"
#include "sitrep/text.h"
#include "sitrep/triggers.h"
#include "trigger/historical.h"
#include "trigger/lexicon.h"

namespace sitrep {
namespace {

Document Annotate(const std::string& text, const std::string& published = "2024-09-14") {
  Document doc;
  doc.text = text;
  doc.published = published;
  AnnotateQuantities(doc);  // casualty frames say who was hit
  AnnotateActors(doc);
  AnnotateTriggers(doc);
  return doc;
}

struct TypeCase {
  const char* text;
  const char* sub_event_type;  // of the primary trigger
};

// Invented sentences, at least one per ACLED sub-event type.
const TypeCase kTypeCases[] = {
    {"Soldiers and rebels clashed near the river crossing on Tuesday.", "Armed clash"},
    {"Militants ambushed an army convoy outside the town, and a firefight followed.", "Armed clash"},
    {"Army troops recaptured the hill town from the rebels on Sunday.", "Government regains territory"},
    {"Insurgents seized control of the district centre after government troops fled.",
     "Non-state actor overtakes territory"},
    {"Witnesses said a chemical attack with chlorine gas hit the suburb.", "Chemical weapon"},
    {"An airstrike hit a fuel depot near the border on Monday.", "Air/drone strike"},
    {"A drone strike destroyed a pickup truck on the coastal road.", "Air/drone strike"},
    {"A suicide bomber detonated his vest at the market gate.", "Suicide bomb"},
    {"A suicide attacker killed nine people at a police post on Monday.", "Suicide bomb"},
    {"The man detonated his explosives-belt near the checkpoint.", "Suicide bomb"},
    {"Rebel artillery shelled the outskirts of the city overnight.",
     "Shelling/artillery/missile attack"},
    {"A roadside bomb struck a minibus carrying traders.", "Remote explosive/landmine/IED"},
    {"An explosives-laden vehicle blew up at the bazaar gate.", "Remote explosive/landmine/IED"},
    {"A farmer was wounded when his cart hit a landmine.", "Remote explosive/landmine/IED"},
    {"Unknown men threw a grenade at a checkpoint, wounding two guards.", "Grenade"},
    {"Gunmen raped two women who were collecting firewood.", "Sexual violence"},
    {"Gunmen stormed a village and killed five civilians.", "Attack"},
    {"Militants shot at an ambulance on the highway on Monday.", "Attack"},
    {"Militants shot at an army truck on the highway on Monday.", "Armed clash"},
    {"Bandits kidnapped eleven passengers from a bus on the highway.",
     "Abduction/forced disappearance"},
    {"Hundreds of teachers held a peaceful protest outside the ministry.", "Peaceful protest"},
    {"Nurses marched to parliament to demand higher wages.", "Peaceful protest"},
    {"Police fired tear gas to disperse protesters who gathered at the square.",
     "Protest with intervention"},
    // "protesting" before the people it describes opens no grievance: the dispersal is what
    // happened at the protest.
    {"Dozens of protesting teachers were dispersed by police outside the ministry.",
     "Protest with intervention"},
    {"Traders held a sit-in at the market, and police tried to control the crowd.",
     "Protest with intervention"},
    {"Students marched to the ministry; police stopped the protesters at the gate.",
     "Protest with intervention"},
    // Not violence: a battle against an ill, an occupation, a deed the protesters denounce.
    {"About 20 people protested against the measures imposed to battle the coronavirus.",
     "Peaceful protest"},
    {"Teachers went on strike and barricaded themselves in the education office.",
     "Peaceful protest"},
    {"Farmers protested, demanding the arrest of the men who set fire to their crops.",
     "Peaceful protest"},
    {"Police fired tear gas against the demonstrators, who responded by throwing stones.",
     "Violent demonstration"},
    {"Security forces shot dead three protesters during a rally in the capital.",
     "Excessive force against protesters"},
    {"Rioters burned tyres and threw stones at passing cars.", "Violent demonstration"},
    {"A mob lynched a man accused of theft in the market.", "Mob violence"},
    {"The two sides signed a ceasefire agreement in the capital.", "Agreement"},
    // Weak agreement words need an armed or political side in the sentence.
    {"Government forces and the rebel group reached a deal on Sunday.", "Agreement"},
    {"Two hundred militants surrendered to the army in the district.", "Agreement"},
    {"Elders brokered a truce between the two villages.", "Agreement"},
    // A change of activity by a government or forces, not only by an armed group named.
    {"The governor extended the nightly curfew by two months.", "Change to group/activity"},
    {"Coalition reinforcements reached the area on Tuesday.", "Change to group/activity"},
    // Hijacking a vehicle.
    {"Gunmen hijacked a bus carrying 30 passengers on the highway.",
     "Abduction/forced disappearance"},
    {"The hijacked plane landed at the airport on Sunday evening.",
     "Abduction/forced disappearance"},
    {"Police arrested the mayor of the town on Friday.", "Arrests"},
    {"The group announced it had merged with a rival faction and pledged allegiance to a new leader.",
     "Change to group/activity"},
    {"Army engineers defused an IED planted on the bridge.", "Disrupted weapons use"},
    {"Troops established a new base near the mining town.", "Headquarters or base established"},
    {"Gunmen looted shops and torched a warehouse in the town.", "Looting/property destruction"},
    {"Government troops withdrew from the town and handed over the barracks to the local council.",
     "Non-violent transfer of territory"},
    {"Soldiers fired warning shots in the air near the disputed pasture.", "Other"},
};

TEST(TriggersTest, EverySubEventType) {
  std::set<std::string> covered;
  for (const TypeCase& c : kTypeCases) {
    SCOPED_TRACE(c.text);
    Document doc = Annotate(c.text);
    const TriggerMention* p = PrimaryTrigger(doc);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->sub_event_type, c.sub_event_type) << "trigger: " << doc.Slice(p->span);
    EXPECT_EQ(p->event_type, EventTypeOf(c.sub_event_type));
    EXPECT_FALSE(p->historical);
    covered.insert(c.sub_event_type);
  }
  for (std::string_view sub : AcledSubEventTypes()) {
    EXPECT_TRUE(covered.count(std::string(sub))) << "no test case for " << sub;
  }
}

// Typing rules for who did what to whom (invented sentences).
const TypeCase kRoleTypeCases[] = {
    // The cue's object decides: a victim after the cue → Attack, even with an armed side later.
    {"Rebel fighters executed two shepherds accused of helping the army.", "Attack"},
    {"Militants assassinated a village chief near the dam on Monday.", "Attack"},
    // An armed object → Armed clash.
    {"Gunmen attacked a police station at dawn on Friday.", "Armed clash"},
    // One armed side shooting dead an unnamed person, no armed target → Attack.
    {"Suspected militants shot dead a herbalist at his stall.", "Attack"},
    // A later mention of the same side is not a second side.
    {"Jihadist fighters shot dead a herbalist, and the assailants later fled.", "Attack"},
    // Unarmed people as the doers → Mob violence.
    {"Angry villagers assaulted two forest guards at the market.", "Mob violence"},
    {"Shopkeepers clashed with police over the closing hour.", "Mob violence"},
    // Protester violence in the same sentence → Violent demonstration; negated violence and a
    // neighbouring sentence about other protests do not count.
    {"Residents protested the water cuts and burnt tires on the main road.",
     "Violent demonstration"},
    {"Hundreds of traders demonstrated against the new levy. No clashes were reported.",
     "Peaceful protest"},
    // Police stepping in makes an intervention.
    {"Dismissed workers held a sit-in at the depot until police intervened and removed them.",
     "Protest with intervention"},
    {"Farmers staged a sit-in at the ministry. In 2019, protests in the north turned into riots.",
     "Peaceful protest"},
    // Soldiers or rival fighters among the dead make a battle, civilians dying with them or not.
    {"Militants attacked the village, killing three soldiers and two civilians.", "Armed clash"},
    // A place noun in a locative is not a victim; "wounded" does not outweigh the killing.
    {"Soldiers killed four insurgents in a village near the border and wounded two others.",
     "Armed clash"},
    // An attack that only burns or loots, nobody hurt and no armed side hit.
    {"Gunmen attacked a village and burned the school and several granaries.",
     "Looting/property destruction"},
    // ... but shooting at people is an attack on them.
    {"Gunmen opened fire on a minibus and seized the vehicle.", "Attack"},
    // A vehicle of the armed forces is an armed target; any other vehicle carries civilians.
    {"Gunmen opened fire on a military vehicle on the highway, killing a fighter.", "Armed clash"},
    {"Militants ambushed an armored vehicle outside the town.", "Armed clash"},
    {"Gunmen opened fire on a bus on the highway, killing a passenger.", "Attack"},
    {"Gunmen shot at three security personnel guarding the bridge.", "Armed clash"},
    // Heavy machine guns are heavy weapons; fire both ways is a clash.
    {"Rebels fired heavy machine guns at army positions near the lake.",
     "Shelling/artillery/missile attack"},
    {"Monitors counted 40 explosions in both directions of the frontline near the village.",
     "Armed clash"},
    {"Bandits shot at a police patrol and the officers returned fire.", "Armed clash"},
    // Ethnic or clan groups fighting to the death: a battle; a brawl with injuries: mob violence.
    {"Herders and farmers clashed over grazing land, and four people were killed.", "Armed clash"},
    {"Supporters of two parties clashed with sticks in the market, injuring six.",
     "Mob violence"},
    // Residents burning an office: a riot, not looting by an armed group.
    {"Angry residents ransacked and burned the electoral office.", "Violent demonstration"},
    // "the attack" in a later sentence does not retype what the first one told.
    {"Gunmen attacked an army post in the hills. The attack left a teacher dead.", "Armed clash"},
    // An old date in a clause about the cause leaves the march news.
    {"Hundreds marched to the grave of a journalist who was killed in 1998.", "Peaceful protest"},
    // Beatings and found bodies are violence against people.
    {"A trader was beaten by soldiers at a roadblock.", "Attack"},
    {"The body of a man with his hands tied was found beside the canal.", "Attack"},
    // A bare "bomb" is a remote explosive.
    {"A bomb planted by insurgents killed two soldiers on the highway.",
     "Remote explosive/landmine/IED"},
    // Digging in is a change to the group's activity.
    {"Rebel units built new fortifications east of the river.", "Change to group/activity"},
    // Shelling that accompanies a ground fight is part of the armed clash; shelling alone (or
    // with a negated clash) stays shelling.
    {"Army troops clashed with rebels near the dam, amid heavy shelling of the area.",
     "Armed clash"},
    {"Rebels fired mortars at an army base. The soldiers fired back.", "Armed clash"},
    {"The two sides exchanged shelling across the valley on Monday.", "Armed clash"},
    {"Rebels shelled the town overnight, and no clashes were reported.",
     "Shelling/artillery/missile attack"},
    // Stones and sticks in a clash with police: a riot, not a battle.
    {"Traders clashed with police at the market and pelted them with stones.", "Mob violence"},
    // Abducting fighters is an attack on an armed side.
    {"Militants abducted two militiamen near the well on Monday.", "Armed clash"},
    // Burning tyres "to demonstrate": a violent demonstration, not property destruction.
    {"Workers burned tyres on the highway to demonstrate against the layoffs.",
     "Violent demonstration"},
    // Taking to the streets and road blocks are protests.
    {"Workers took to the street to ask for higher wages.", "Peaceful protest"},
    {"Truck drivers went on a 48 hour strike over working conditions.", "Peaceful protest"},
    // A device "planted" that then killed went off; "planting" one is not (yet) a blast.
    {"Militants planted an IED targeting an army patrol, leaving one soldier dead.",
     "Remote explosive/landmine/IED"},
    // An air force hitting a target is an air strike.
    {"The air force targeted rebel positions near the town on Monday.", "Air/drone strike"},
    // Bombing an armed group's bases, positions or hideouts is done from the air.
    {"The military bombed militant bases in the forest on Sunday.", "Air/drone strike"},
    {"Government forces bombed insurgent hideouts near the river.", "Air/drone strike"},
    // A head or remains found tell of a killing.
    {"A male head was found inside a plastic bag near the market.", "Attack"},
    // "wounded" after "killed" in one sentence tells the same act.
    {"Militants killed a volunteer fighter and wounded another man near the well.",
     "Armed clash"},
    // A toll "also" reported after the lede does not retype the event.
    {"Militants attacked an army convoy on the highway. Two civilians were also killed.",
     "Armed clash"},
    // Present-tense and passive interventions.
    {"Miners protested in the town to demand better pay. Police intervene.",
     "Protest with intervention"},
    // What a protest follows is its cause, not its course; outside protests "after" is plain.
    {"Traders protested in the market after police beat a shopkeeper to death.",
     "Peaceful protest"},
    {"Two policemen were killed after being ambushed by militants near the border.",
     "Armed clash"},
    // Shots fired into the air hit nobody: not a fight.
    {"Militants entered the village and fired gunshots in the air before leaving.", "Other"},
    // A leading category label names the report's event; the cues after it describe it.
    {"Arrests: On Monday, police raided a house and detained three men after a gunfight.",
     "Arrests"},
    {"Detonation: Two militants were killed when the mine they were planting exploded.",
     "Disrupted weapons use"},
    {"Movement of forces: Rebel reinforcements arrived at the front on Monday.",
     "Change to group/activity"},
    // ... only as a label: at the start of a sentence and before a colon.
    {"Looting followed: gunmen attacked an army post near the market.", "Armed clash"},
    // A former soldier is no armed target.
    {"Militants killed a former soldier at the market on Monday.", "Attack"},
    // Unarmed crowds as the doers, active or passive, with no firearm: mob violence.
    {"Villagers pelted stones at police who came to settle a land dispute.", "Mob violence"},
    {"A suspected cattle thief was beaten up by locals near the bus stand.", "Mob violence"},
    {"Two men accused of burglary were fatally assaulted by community members.", "Mob violence"},
    {"A group of residents attacked a health official who came to test them.", "Mob violence"},
    // ... but not unknown men, nor a shooting, nor a count of victims.
    {"A shopkeeper was attacked by unidentified men on his way home.", "Attack"},
    {"A driver was shot dead by a group of men at the junction.", "Attack"},
    {"On Monday three men killed a teacher in the village with rifles.", "Attack"},
    // Demonstrators burning and stoning riot, even when police then kill some of them.
    {"Protesters burned tyres on the avenue, and police shot dead two of them.",
     "Violent demonstration"},
    // Excessive force needs the protesters themselves hurt, not a killing the march is about.
    {"Relatives of a driver shot dead by soldiers marched to the governor's office.",
     "Peaceful protest"},
    {"Police opened fire on the protesters at the roundabout, killing two.",
     "Excessive force against protesters"},
    // A crowd holding a protest is the protest's own people; damaged crops are no violence.
    {"A crowd held a protest against power cuts outside the town hall.", "Peaceful protest"},
    {"Farmers protested to demand compensation for crops damaged by the floods.",
     "Peaceful protest"},
    // Machine-gun fire at an area, with no small arms, no fight and nobody hit, is shelling.
    {"Rebels fired machine guns at farms on the edge of the town; nobody was hurt.",
     "Shelling/artillery/missile attack"},
    {"Monitors recorded 12 bursts of fire involving heavy machineguns near the village.",
     "Shelling/artillery/missile attack"},
    {"Monitors recorded bursts of fire involving small arms near the village.", "Armed clash"},
    {"Gunmen fired machine guns at a patrol, killing two soldiers.", "Armed clash"},
    // Fire and tyres in the sentence next to a protest's demands: a violent demonstration.
    {"Workers set fire to tires outside the factory. They demanded their unpaid wages.",
     "Violent demonstration"},
    {"Prisoners piled mattresses in the yard and set them on fire as a form of demonstration.",
     "Violent demonstration"},
    // Blocking roads and making demands are protests ...
    {"Taxi drivers blocked the roads into the city over new fuel prices.", "Peaceful protest"},
    // ... unless an armed group does the blocking.
    {"Gunmen blocked the road with burning tyres and shot dead a driver.", "Attack"},
    // People fighting police by hand, or political rivals fighting each other, riot.
    {"A clash erupted between police and traders at the bus station over parking fees.",
     "Mob violence"},
    {"Opposing political groups clashed in the town square after the vote.", "Mob violence"},
    // ... but an armed clash is one.
    {"An armed clash broke out between police and several men near the station.",
     "Armed clash"},
    // Burning tyres is a riot, unless an armed group does it to block a road.
    {"Residents closed the highway by burning tyres near the market.", "Violent demonstration"},
    {"Armed men blocked the road with burning tyres and killed a trader.", "Attack"},
    // Unarmed people destroying property riot, even when what they burn is a police station.
    {"Students burned a police station after the death of a classmate.",
     "Violent demonstration"},
    {"Armed villagers destroyed a school under construction in the next village.",
     "Looting/property destruction"},
    // An operation is the setting of the arrest made during it.
    {"Police arrested four suspects during a search operation in the forest.", "Arrests"},
    // A victim with drug trafficking charges: a clash between gangs.
    {"A man was shot dead by armed men outside his house. The victim had charges against him "
     "for drug trafficking.",
     "Armed clash"},
    // "drug" only inside other words, or no charges said: the killing stays an attack.
    {"A man was shot dead by armed men outside his drugstore. The victim had charges against "
     "him for fraud.",
     "Attack"},
    {"A man was shot dead by armed men outside his house. The victim sold drug supplies.",
     "Attack"},
    // (The words in any case.)
    {"A man was shot dead by armed men outside his house. The Victim had Charges of DRUG "
     "trafficking.",
     "Armed clash"},
    // People killed in a clash are its toll; an encounter is a clash.
    {"A farmer was killed in a clash between two rival families in the village.",
     "Mob violence"},
    {"Soldiers had an encounter with militants near the village in which two militants were "
     "killed.",
     "Armed clash"},
    {"The army engaged in a fire fight with separatists near the market.", "Armed clash"},
    // Molotov cocktails and fist fights are mob violence; mutinies and barricades are riots.
    {"Youths hurled Molotov cocktails at a police jeep near the bridge.", "Mob violence"},
    {"Mutinying soldiers fired into the air in the garrison town overnight.",
     "Violent demonstration"},
    {"Residents barricaded the road to the quarry over the dust from trucks.",
     "Violent demonstration"},
    // Explosives set off by militants are a remote explosive.
    {"Militants set off explosives and destroyed a bridge near the mine.",
     "Remote explosive/landmine/IED"},
    // "beat" is an act of violence; two verbs joined by "and" share the object.
    {"Police beat and injured a street vendor at the checkpoint.", "Attack"},
    {"Residents beat a suspected thief in the market.", "Mob violence"},
    // A hostage taken while soldiers die in the attack: the attack types the event.
    {"A soldier was killed and his guard was taken as a hostage in an attack by militants.",
     "Armed clash"},
    // A device or air strike that opens or backs a ground fight is part of the clash ...
    {"Militants carried out a complex ambush on a police convoy, initiated by an IED detonation "
     "followed by small arms fire.",
     "Armed clash"},
    {"An army operation backed by airstrikes killed twelve militants in the district.",
     "Armed clash"},
    // ... not a fight of the past the sentence mentions.
    {"A child was killed when unexploded bombs from previous fighting went off in a house.",
     "Remote explosive/landmine/IED"},
    // Rangers and forest guards are armed state agents: attacking their post is a battle.
    {"Militants attacked a ranger station in the reserve and burned two motorbikes.",
     "Armed clash"},
    // A crowd beating someone, counted or beating a policeman, is mob violence.
    {"A policeman on duty was beaten up by three persons at the market.", "Mob violence"},
    {"Five persons beat up a man with sticks over a dispute about water.", "Mob violence"},
    // Police or soldiers hit while off duty are civilians, wherever "off-duty" is said.
    {"Gunmen shot and killed a police officer (assumed off-duty) outside his home.", "Attack"},
    {"Armed men ambushed the police chief, who was off duty, near the market.", "Attack"},
    {"Gunmen shot and killed a police officer (OFF-DUTY) outside his home.", "Attack"},
    {"Armed men ambushed the police chief, who was Off Duty, near the market.", "Attack"},
    // Firebombs, incendiary devices and blowing up a building are attacks with a device; a
    // slit throat or an attempted stabbing is violence; a letter with anthrax a chemical weapon.
    {"An unknown man firebombed the office of a local newspaper overnight.",
     "Remote explosive/landmine/IED"},
    {"Two assailants threw an incendiary device at the gate of a mosque.",
     "Remote explosive/landmine/IED"},
    {"Suspected rebels blew up a village school that troops had used as a shelter.",
     "Remote explosive/landmine/IED"},
    {"Gunmen slit the throats of three herders near the well.", "Attack"},
    {"A man attempted to stab a shopkeeper on the main street.", "Mob violence"},
    {"Youths smashed the windows of the party office and set it on fire.",
     "Violent demonstration"},
    {"The office received a letter laced with anthrax.", "Chemical weapon"},
    // Mail carrying something harmful (a poison, a powder, lye) is an attack.
    {"A man sent envelopes stuffed with rat poison to three judges.", "Attack"},
    {"Activists mailed packages containing lye to two ministers.", "Attack"},
    {"Someone sent envelopes containing a white powder to the offices of two newspapers.",
     "Attack"},
    // "beat" after a verb of doing and "to" is done ("a strategy to beat" is not).
    {"A group of youths proceeded to beat a trader outside the market.", "Mob violence"},
};

TEST(TriggersTest, RoleTyping) {
  for (const TypeCase& c : kRoleTypeCases) {
    SCOPED_TRACE(c.text);
    Document doc = Annotate(c.text);
    const TriggerMention* p = PrimaryTrigger(doc);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->sub_event_type, c.sub_event_type) << "trigger: " << doc.Slice(p->span);
  }
}

// Cue words used in their everyday sense in political or feature stories make no violent event.
TEST(TriggersTest, EverydayWordsAreNoViolence) {
  const char* kTexts[] = {
      "The party said it would devise a strategy to beat divisive forces.",
      "The council threatened to go to court over the carved stones, even as it demanded the "
      "rebuilding of the old temple.",
      "Of all these encounters, one stands out in his memory.",
      // Mail is no attack without something harmful in it.
      "The company shipped packages containing new phones to stores across the state.",
      "The mayor received letters containing praise from residents.",
      // "kill" said of a plan, a law or talks.
      "The deal was killed in the Senate on Tuesday after a long debate.",
      "Lawmakers killed the bill before the summer recess.",
      "The opposition said the budget cuts were killing the reform.",
      // "hijack" said of a debate or an agenda.
      "The opposition accused the party of hijacking the debate on the budget.",
      "Critics said a small group had hijacked the reform agenda.",
      // Deaths and injuries by accident or illness, firefighting, being dismissed.
      "A cyclist was killed in a road accident near the bridge on Sunday.",
      "The retired teacher died at 81 after a battle with cancer.",
      "Crews battled a warehouse blaze until midnight.",
      "Two drivers were injured in a collision at the roundabout.",
      "The museum director was fired after the audit.",
      "Any clerk who leaks the list will be fired, the mayor warned.",
      // An operation without forces.
      "The airline said its cargo operations grew by a tenth.",
      // Fighting words as figures.
      "The start-up faces an uphill battle against larger rivals.",
      "The new advertising campaign targeted young buyers.",
      "The comedian apologised for an offensive remark about farmers.",
      "The choir from Battle Mountain sang at the festival.",
      // A demand by one person.
      "The customer demanded a refund for the broken kettle.",
      "The novelist demanded an apology from the magazine.",
  };
  for (const char* text : kTexts) {
    SCOPED_TRACE(text);
    Document doc = Annotate(text);
    for (const TriggerMention& t : doc.triggers) {
      EXPECT_TRUE(t.event_type == "Protests" || t.event_type == "Strategic developments")
          << t.sub_event_type << " '" << doc.Slice(t.span) << "'";
    }
  }
}

// People agreeing on council business, deals and plans of companies, arrests for ordinary
// crime: no agreement between sides, no change of activity, no arrest ACLED codes.
TEST(TriggersTest, StrategicWordsWithoutSidesAreNoEvents) {
  const char* kTexts[] = {
      "The town council agreed to buy two new snowplows for the winter.",
      "Tutors at the library deal with homework questions every evening.",
      "The brewery signed an agreement to supply three hotels on the coast.",
      "The coach left the club of his own accord in May.",
      "Negotiations over the sale of the bakery chain resumed on Tuesday.",
      // Companies and councils announcing, training, suspending: no change of an armed group.
      "A shoe maker announced on Monday that it will open a second factory.",
      "The museum offers training for guides every spring.",
      "The school board suspended the vote on the new timetable.",
      // Arrests for ordinary crime.
      "Deputies arrested a woman on a burglary warrant on Friday.",
      "The suspect remains in custody for a string of car thefts.",
  };
  for (const char* text : kTexts) {
    SCOPED_TRACE(text);
    Document doc = Annotate(text);
    EXPECT_TRUE(doc.triggers.empty()) << doc.triggers.front().sub_event_type;
  }
}

// Violence next to words of the everyday senses stays violence: the cue word is kept.
TEST(TriggersTest, ViolenceNextToAccidentAndJobWords) {
  struct Case {
    const char* text;
    const char* cue;
  };
  const Case kCases[] = {
      {"Several shots were fired at the police station overnight.", "fired at"},
      {"A helicopter was shot down in the valley. Two pilots were killed in the crash.", "killed"},
      {"Gunmen fired on a bus near the border.", "fired on"},
      {"Militants attacked the convoy, and two soldiers died in the blaze.", "attacked"},
      {"Troops launched an operation against the rebels in the hills.", "operation"},
      {"Two men on a motorbike stopped to kill a shopkeeper outside his store.", "kill"},
      {"Drones controlled by an unknown group targeted the airbase overnight.", "targeted"},
      {"Supporters of the two parties fought each other on the hill.", "fought"},
      {"Hundreds of residents gathered outside the town hall on Monday.", "gathered"},
      {"Three men hijacked a regional airline passenger flight after takeoff.", "hijacked"},
      {"Police arrested twelve protesters for breaking the curfew.", "arrested"},
      {"Soldiers arrested two suspected militants on robbery charges.", "arrested"},
      {"Militants attacked the town. The fighting lasted until dawn.", "fighting"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    Document doc = Annotate(c.text);
    bool found = false;
    for (const TriggerMention& t : doc.triggers) found = found || doc.Slice(t.span) == c.cue;
    EXPECT_TRUE(found);
  }
}

// The same words said of people stay killings.
TEST(TriggersTest, KillingsOfPeopleNextToThingWords) {
  const char* kTexts[] = {
      "The deal broker was killed in the market on Tuesday.",
      "Gunmen killed the project manager outside his home.",
      "Two farmers were killed in a dispute over a land deal.",
  };
  for (const char* text : kTexts) {
    SCOPED_TRACE(text);
    Document doc = Annotate(text);
    const TriggerMention* p = PrimaryTrigger(doc);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->event_type, "Violence against civilians") << doc.Slice(p->span);
  }
}

TEST(TriggersTest, EventTypesAreAcledSpellings) {
  EXPECT_EQ(AcledSubEventTypes().size(), 25u);
  EXPECT_EQ(EventTypeOf("Grenade"), "Explosions/Remote violence");
  EXPECT_EQ(EventTypeOf("Attack"), "Violence against civilians");
  EXPECT_EQ(EventTypeOf("Mob violence"), "Riots");
  EXPECT_EQ(EventTypeOf("grenade"), "");
}

struct HistoryCase {
  const char* text;
  bool historical;
};

const HistoryCase kHistoryCases[] = {
    {"The militia rose to power in 2014 after seizing territory in the north.", true},
    {"The rebels were defeated in the valley in 2017 after heavy fighting.", true},
    {"Since 2016 the group has fought the army in the hills.", true},
    {"Sleeper cells have continued to carry out attacks on villages.", true},
    {"The movement frequently carries out bombings in the capital.", true},
    {"Last year's ceasefire agreement collapsed within weeks.", true},
    {"In recent years bandits have kidnapped hundreds of people.", true},
    {"The army had shelled the town before the talks began.", false},  // past perfect alone
    {"Gunmen killed four farmers on Monday.", false},
    {"Militants attacked a police post in the district last week.", false},
    {"On 3 September 2024, soldiers clashed with rebels near the airport.", false},
    {"The insurgents were driven out of the valley in 2016 after months of fighting.", true},
    {"Gangs have routinely kidnapped travellers on this road.", true},
    // What goes on ("protesters continued to march") is news; what has gone on for long ("have
    // continued to"), or goes on as a habit ("continue to"), is background.
    {"Anti-coup protesters continued to march in the city, ignoring the curfew.", false},
    {"The cell has continued to attack villages in the district.", true},
    {"Armed gangs continue to kidnap travellers on the highway.", true},
    // A possessive date dates the noun after it ("last year's victims"), unless it opens the
    // sentence as its subject.
    {"Relatives protested outside the court, demanding justice for last year's victims.", false},
    {"Last year's attack on the base killed ten soldiers.", true},
    // A four-digit number that opens the sentence or follows "about" counts people; after an
    // article or a preposition it is a year.
    {"2000 protesters surrounded the home of the chief, chanting slogans.", false},
    {"About 2000 protesters marched to the governor's office.", false},
    {"The 2014 uprising toppled the president after weeks of protests.", true},
    {"Students protested in 2012 against the fee rise.", true},
};

TEST(TriggersTest, HistoricalFlag) {
  for (const HistoryCase& c : kHistoryCases) {
    SCOPED_TRACE(c.text);
    Document doc = Annotate(c.text);
    // Background may also yield no trigger at all.
    if (!c.historical) {
      EXPECT_FALSE(doc.triggers.empty());
    }
    for (const TriggerMention& t : doc.triggers) {
      EXPECT_EQ(t.historical, c.historical) << doc.Slice(t.span);
    }
  }
}

// The date weight of one sentence (published 2024-09-14), read straight from its tokens: a month
// name or abbreviation in any case the months are written in, words that only look like months,
// and clause words (capitalized or not) that end the cue's clause.
struct DateWeightCase {
  const char* text;
  const char* cue;  // the word after which the clause test starts; "" for none
  float weight;
};
const DateWeightCase kDateWeightCases[] = {
    {"Clashes erupted on Sept 3 in the town.", "", -0.6f},
    {"Clashes erupted on September 3 in the town.", "", -0.6f},
    {"Clashes erupted on Mayor Street 3 in the town.", "", 0.0f},
    {"Clashes erupted on Monday 3 in the town.", "", 0.0f},
    {"Fighting in Jan. 2020 killed 40 people.", "", 1.0f},
    {"Clashes erupted on JULY 3 in the town.", "", -0.6f},
    {"Fighting in Augustine 2024 killed 40 people.", "", 0.0f},
    {"Protesters marched to the grave of a journalist killed in 1998.", "", 1.0f},
    {"Protesters marched to the grave of a journalist who was killed in 1998.", "marched", 0.0f},
    {"Protesters marched to the grave of a journalist WHO was killed in 1998.", "marched", 0.0f},
    {"Protesters marched in 1998 to the grave of a journalist.", "marched", 1.0f},
    {"Protesters marched, Following the ruling of 1998.", "marched", 0.0f},
};

TEST(TriggersTest, DateWeightOfASentence) {
  for (const DateWeightCase& c : kDateWeightCases) {
    SCOPED_TRACE(c.text);
    Document doc = Annotate(c.text);
    ASSERT_EQ(doc.sentences.size(), 1u);
    uint32_t cue_end = UINT32_MAX;
    for (uint32_t t = 0; t < doc.tokens.size() && *c.cue != 0; ++t) {
      if (doc.Slice(doc.tokens[t].span) == c.cue) cue_end = t + 1;
    }
    EXPECT_FLOAT_EQ(trigger::DateHistoryWeight(doc, doc.sentences[0],
                                               trigger::ParseYearMonth(doc.published), cue_end),
                    c.weight);
  }
}

TEST(TriggersTest, DatesNeedAPublicationDate) {
  Document doc = Annotate("Soldiers clashed with rebels in 2017.", "");
  ASSERT_FALSE(doc.triggers.empty());
  EXPECT_FALSE(doc.triggers[0].historical);
  doc = Annotate("Soldiers clashed with rebels in 2017.", "2024-01-02");
  EXPECT_TRUE(doc.triggers[0].historical);
}

TEST(TriggersTest, Negation) {
  Document doc = Annotate("No casualties were reported and no clashes took place.");
  for (const TriggerMention& t : doc.triggers) EXPECT_TRUE(t.negated) << doc.Slice(t.span);
  EXPECT_EQ(PrimaryTrigger(doc), nullptr);
}

// A negation word negates its own clause: one before "after", "when", "while"... does not reach
// a cue past it.
TEST(TriggersTest, NegationStopsAtAClauseWord) {
  struct Row {
    const char* text;
    const char* cue;
    bool negated;
  };
  const Row rows[] = {
      {"Militants left the town without power after detonating two towers.", "detonating", false},
      {"Residents were left without water when militants shelled the plant.", "shelled", false},
      {"Police said no one was detonating bombs in the market.", "detonating", true},
      {"The army denied shelling the village.", "shelling", true},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.text);
    Document doc = Annotate(r.text);
    const TriggerMention* found = nullptr;
    for (const TriggerMention& t : doc.triggers) {
      if (doc.Slice(t.span) == r.cue) found = &t;
    }
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->negated, r.negated);
  }
}

TEST(TriggersTest, MonthsAreNotMarches) {
  Document doc = Annotate("In March the council met. Talks resume in May.");
  for (const TriggerMention& t : doc.triggers) EXPECT_NE(t.sub_event_type, "Peaceful protest");
  // Lower-cased text: a month next to a day or year number.
  doc = Annotate("the council met on march 3, and since march 2002 no talks were held.");
  for (const TriggerMention& t : doc.triggers) EXPECT_NE(t.sub_event_type, "Peaceful protest");
  // ... while a lower-case march with no number is still a march.
  doc = Annotate("students held a march to the district office.");
  ASSERT_NE(PrimaryTrigger(doc), nullptr);
  EXPECT_EQ(PrimaryTrigger(doc)->sub_event_type, "Peaceful protest");
}

// Mention types view static or lexicon storage, not the document: they outlive it, and two
// documents typed alike share one spelling.
TEST(TriggersTest, MentionTypesOutliveTheDocument) {
  std::vector<TriggerMention> kept;
  for (const char* text : {"Gunmen killed three villagers in their homes.",
                           "Gunmen killed five farmers in their fields."}) {
    Document doc = Annotate(text);
    const TriggerMention* p = PrimaryTrigger(doc);
    ASSERT_NE(p, nullptr);
    kept.push_back(*p);
  }
  for (const TriggerMention& t : kept) {
    EXPECT_EQ(t.sub_event_type, "Attack");
    EXPECT_EQ(t.event_type, "Violence against civilians");
  }
  EXPECT_EQ(kept[0].sub_event_type.data(), kept[1].sub_event_type.data());
  EXPECT_EQ(kept[0].event_type.data(), kept[1].event_type.data());
}

TEST(TriggersTest, ProtestCauseIsNotIntervention) {
  Document doc = Annotate("Journalists protested against the arrest of a reporter. He was detained in May.");
  const TriggerMention* p = PrimaryTrigger(doc);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->sub_event_type, "Peaceful protest");
}

TEST(TriggersTest, ArmedSidesDecideClashOrAttack) {
  const TriggerMention* p;
  Document a = Annotate("Gunmen killed three villagers in their homes.");
  p = PrimaryTrigger(a);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->sub_event_type, "Attack");
  Document b = Annotate("Gunmen killed three soldiers at an army post.");
  p = PrimaryTrigger(b);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->sub_event_type, "Armed clash");
}

TEST(TriggersTest, StageAndEmbeddedLexicon) {
  EXPECT_EQ(MakeTriggersStage()->name(), "triggers");
  std::ifstream in(std::string(SITREP_SOURCE_DIR) + "/data/triggers.tsv", std::ios::binary);
  ASSERT_TRUE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(trigger::EmbeddedTriggersTsv().substr(1), ss.str())
      << "regenerate src/trigger/triggers_tsv.inc (see src/trigger/lexicon.cc)";
  // Every row with a sub-event type names an exact ACLED one.
  std::string line;
  std::istringstream rows(ss.str());
  while (std::getline(rows, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('\t'), b = line.find('\t', a + 1), c = line.find('\t', b + 1);
    ASSERT_NE(c, std::string::npos) << line;
    std::string sub = line.substr(b + 1, c - b - 1);
    if (sub != "-") {
      EXPECT_FALSE(EventTypeOf(sub).empty()) << sub;
    }
  }
}

// Whether a phrase of the lexicon starts at token `i` of `keys` within [i, end): the trie
// walked from the root, as the scan walks it.
bool PhraseStartsAt(const trigger::Lexicon& lex, const actor::TokenKeys& keys, uint32_t i,
                    uint32_t end) {
  int32_t node = actor::PhraseTrie::kRoot;
  for (uint32_t j = i; j < end; ++j) {
    node = lex.trie.Child(node, keys, j);
    if (node < 0) return false;
    if (!lex.trie.Values(node).empty()) return true;
  }
  return false;
}

// The trie's PhraseStarts passes every token a phrase starts at (the scan looks at no other), with every
// phrase of the lexicon followed by words and ending its sentence; and it passes over words
// that only begin phrases ("the", "in") when the next word continues none.
TEST(TriggersTest, PhraseStartsPassEveryPhraseStart) {
  const trigger::Lexicon& lex = trigger::GetLexicon();
  size_t phrases = 0, passed_over = 0, tokens = 0;
  auto check = [&](const std::string& text) {
    Document doc;
    doc.text = text;
    Segment(doc);
    const actor::TokenKeys keys(doc);
    for (const Sentence& s : doc.sentences) {
      for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
        const bool may = i + 1 < s.token_end ? lex.trie.starts().MayStart(keys.hash(i), keys.hash(i + 1))
                                             : lex.trie.starts().MayStartLast(keys.hash(i));
        ++tokens;
        passed_over += may ? 0 : 1;
        if (PhraseStartsAt(lex, keys, i, s.token_end)) {
          ++phrases;
          EXPECT_TRUE(may) << "token " << i << " '" << doc.Slice(doc.tokens[i].span)
                           << "' in: " << doc.Slice(s.span);
        }
      }
    }
  };
  actor::ForEachTsvRow(trigger::EmbeddedTriggersTsv(), [&](const std::vector<std::string_view>& f) {
    for (std::string_view phrase : actor::SplitBars(f[0])) {
      check("Officials said " + std::string(phrase) + " near the town on Monday.");
      check("Officials said " + std::string(phrase));
    }
  });
  EXPECT_GT(phrases, 2000u);
  EXPECT_GT(passed_over, tokens / 2);
  const actor::PhraseStarts& starts = lex.trie.starts();
  Document doc;
  doc.text = "The army said in a statement that the convoy was hit";
  Segment(doc);
  const actor::TokenKeys keys(doc);
  for (uint32_t i : {0u, 3u, 7u, 9u}) {  // "The", "in", "the", "was": no phrase goes on
    EXPECT_FALSE(starts.MayStart(keys.hash(i), keys.hash(i + 1))) << keys[i];
  }
}

TEST(TriggersTest, EmptyDocument) {
  Document doc;
  AnnotateActors(doc);
  AnnotateTriggers(doc);
  EXPECT_TRUE(doc.triggers.empty());
  EXPECT_EQ(PrimaryTrigger(doc), nullptr);
}

bool IsViolent(const TriggerMention& t) {
  return t.event_type == "Battles" || t.event_type == "Explosions/Remote violence" ||
         t.event_type == "Violence against civilians";
}

// The seed article (../shared/seed): only the raid and the eastern-Syria strike are news.
TEST(TriggersTest, SeedArticleBackgroundIsHistorical) {
  const std::string path = std::string(SITREP_SHARED_DIR) + "/seed/anbar-raid.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  Document doc = Annotate(ss.str(), "2024-09-14");
  // Sentences are recognized by short phrases, not copied text.
  const char* kBackground[] = {"rose to power", "was defeated", "sleeper cells",
                               "August last year", "approximately 2,500", "have been working"};
  bool raid = false, strike = false;
  for (const TriggerMention& t : doc.triggers) {
    std::string_view sentence = doc.Slice(doc.sentences[t.sentence].span);
    if (!IsViolent(t) || t.historical || t.negated) continue;
    for (const char* b : kBackground) {
      EXPECT_EQ(sentence.find(b), std::string_view::npos)
          << "non-historical " << t.sub_event_type << " '" << doc.Slice(t.span) << "' in: " << sentence;
    }
    raid = raid || sentence.find("Last month") != std::string_view::npos;
    strike = strike || sentence.find("planting") != std::string_view::npos;
  }
  EXPECT_TRUE(raid);
  EXPECT_TRUE(strike);
  const TriggerMention* p = PrimaryTrigger(doc);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->event_type, "Battles");
}

}  // namespace
}  // namespace sitrep
