// Quantities and casualty frames: tables of invented sentences (none taken from eval data), the
// lexicon TSV/compiled-in copy check, and number-parser edge cases.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "quantity/lexicon.h"
#include "quantity/numbers.h"
#include "sitrep/pipeline.h"
#include "sitrep/quantity.h"
#include "sitrep/text.h"

namespace sitrep {
namespace {

Document Annotate(std::string_view text) {
  Document doc;
  doc.text = std::string(text);
  AnnotateQuantities(doc);
  return doc;
}

// "killed 15, injured 7 sub, casualties 0 neg, killed 20 upd" (range: "killed 10-12").
std::string Frames(const Document& doc) {
  std::string out;
  for (const CasualtyFrame& f : doc.casualties) {
    if (!out.empty()) out += ", ";
    out += FateName(f.fate);
    out += ' ';
    out += std::to_string(f.value);
    if (f.high != f.value) out += "-" + std::to_string(f.high);
    if (f.negated) out += " neg";
    if (f.is_update) out += " upd";
    if (f.is_subtotal) out += " sub";
  }
  return out;
}

// "at least 15=15 at_least count; 10 to 12=10-12 exact count"
std::string Quantities(const Document& doc) {
  std::string out;
  for (const Quantity& q : doc.quantities) {
    if (!out.empty()) out += "; ";
    out += doc.Slice(q.span);
    out += '=' + std::to_string(q.value);
    if (q.high != q.value) out += "-" + std::to_string(q.high);
    out += ' ';
    out += QualifierName(q.qualifier);
    out += ' ';
    out += QuantityKindName(q.kind);
    if (q.vague) out += " vague";
  }
  return out;
}

struct Case {
  const char* text;
  const char* want;
};

// ---- number expressions and their kinds ----
const Case kQuantityCases[] = {
    {"They found 14 bodies.", "14=14 exact count"},
    {"Some 2,500 families fled.", "Some 2,500=2500 about count"},
    {"The budget is 2.5 million euros.", "2.5 million euros=2500000 exact money"},
    {"About 2.5 million people were displaced.", "About 2.5 million=2500000 about count"},
    {"Twenty-five villagers fled.", "Twenty-five=25 exact count"},
    {"One hundred and twenty houses burned.", "One hundred and twenty=120 exact count"},
    {"three thousand protesters marched", "three thousand=3000 exact count"},
    {"A dozen fighters surrendered.", "A dozen=12 exact count"},
    {"a couple of villagers fled", "a couple of=2 exact count"},
    {"half a dozen trucks burned", "half a dozen=6 exact count"},
    {"Both sides claimed victory.", "Both=2 exact count"},
    {"10 to 12 fighters", "10 to 12=10-12 exact count"},
    {"10-12 fighters", "10-12=10-12 exact count"},
    {"between 10 and 12 fighters", "between 10 and 12=10-12 exact count"},
    {"two or three rockets", "two or three=2-3 exact count"},
    {"at least 7 people", "at least 7=7 at_least count"},
    {"more than 40 people", "more than 40=40 more_than count"},
    {"over 300 people", "over 300=300 more_than count"},
    {"nearly 90 people", "nearly 90=90 nearly count"},
    {"almost 90 people", "almost 90=90 nearly count"},
    {"up to 30 people", "up to 30=30 at_most count"},
    {"as many as 30 people", "as many as 30=30 at_most count"},
    {"approximately 400 people", "approximately 400=400 about count"},
    {"around 400 people", "around 400=400 about count"},
    {"roughly 400 people", "roughly 400=400 about count"},
    {"an estimated 400 people", "an estimated 400=400 about count"},
    {"tens of people", "tens of=10 vague count vague"},
    {"dozens of people", "dozens of=12 vague count vague"},
    {"hundreds of people", "hundreds of=100 vague count vague"},
    {"scores of people", "scores of=20 vague count vague"},
    {"several people", "several=3 vague count vague"},
    {"a number of people", "a number of=3 vague count vague"},
    {"tens of thousands of people", "tens of thousands of=10000 vague count vague"},
    {"A 19-year-old student", "19-year-old=19 exact age"},
    {"a man aged 19", "19=19 exact age"},
    {"the victim, 34 years old, was", "34=34 exact age"},
    {"It rose to power in 2014.", "2014=2014 exact year"},
    {"in March 2019 they lost", "2019=2019 exact year"},
    {"On 9 May the army", "9=9 exact date_part"},
    {"On May 9 the army", "9=9 exact date_part"},
    {"10/06/1971: A bomb exploded.", "10/06/1971=10 exact date_part"},
    {"The blast came at 10:30 a.m.", "10:30=10 exact time"},
    {"The blast came at 5am.", "5am=5 exact time"},
    {"The blast came at 5 pm.", "5=5 exact time"},
    {"a $5 million reward", "$5 million=5000000 exact money"},
    {"paid 300 dollars", "300 dollars=300 exact money"},
    {"40% of the city", "40%=40 exact percent"},
    {"40 percent of the city", "40 percent=40 exact percent"},
    {"The identity of the 15th person was not clarified.", "15th=15 exact ordinal"},
    {"for the third time", "third=3 exact ordinal"},
    {"two weeks ago", "two=2 exact duration"},
    {"for three days", "three=3 exact duration"},
    {"5 km from the border", "5=5 exact measure"},
    {"There are approximately 2,500 U.S. troops in Iraq.",
     "approximately 2,500=2500 about troop_strength"},
    {"Some 600 soldiers are stationed at the base.", "Some 600=600 about troop_strength"},
    {"10 explosive belts were seized.", "10=10 exact count"},
    {"1,250,000 people", "1,250,000=1250000 exact count"},
    {"No one was hurt.", ""},
    // A vague word before a scale takes the scale's amount.
    {"Several hundred people fled.", "Several hundred=100 vague count vague"},
    {"They killed several hundreds of people.", "several hundreds of=100 vague count vague"},
};

TEST(QuantityTest, Quantities) {
  for (const Case& c : kQuantityCases) {
    EXPECT_EQ(Quantities(Annotate(c.text)), c.want) << c.text;
  }
}

// ---- casualty frames ----
const Case kFrameCases[] = {
    // Seed-like.
    {"The joint raid resulted in the deaths of 14 ISIS operatives, with DNA tests confirming "
     "their identities.",
     "killed 14"},
    {"Officials reported that at least 15 people were killed and seven American troops were "
     "injured, with five wounded during the raid and two sustaining injuries from falls during "
     "the operation.",
     "killed 15, injured 7, injured 5 sub, injured 2 sub"},
    {"There are approximately 2,500 U.S. troops in Iraq.", ""},
    {"The identity of the 15th person was not clarified.", ""},
    {"The Treasury had offered a $5 million reward for him.", ""},
    {"The group rose to power in 2014.", ""},
    // Passive.
    {"Five soldiers were killed.", "killed 5"},
    {"5 soldiers were killed in the ambush.", "killed 5"},
    {"Three civilians died.", "killed 3"},
    {"Three civilians died in hospital.", "killed 3"},
    {"Two policemen were reportedly killed.", "killed 2"},
    {"Four people have been killed.", "killed 4"},
    {"Nine people had been killed by Sunday.", "killed 9"},
    {"12 militants were killed.", "killed 12"},
    {"Seven people were wounded.", "injured 7"},
    {"Eight people were injured.", "injured 8"},
    {"Three people were hurt.", "injured 3"},
    {"Six villagers were abducted.", "abducted 6"},
    {"Six villagers were kidnapped.", "abducted 6"},
    {"20 students were taken hostage.", "abducted 20"},
    {"15 protesters were arrested.", "detained 15"},
    {"15 protesters were detained.", "detained 15"},
    {"Four suspects were captured.", "detained 4"},
    {"Eleven fishermen remain missing.", "missing 11"},
    {"Eleven fishermen are missing.", "missing 11"},
    {"Two were killed.", "killed 2"},
    {"Two killed, three wounded.", "killed 2, injured 3"},
    {"10 dead and 20 wounded.", "killed 10, injured 20"},
    {"Three people died.", "killed 3"},
    {"Three people lost their lives.", "killed 3"},
    {"Three soldiers were shot dead.", "killed 3"},
    {"Four men were gunned down.", "killed 4"},
    {"Two women were stabbed to death.", "killed 2"},
    {"Three soldiers in the convoy were killed.", "killed 3"},
    {"Two children from the village were wounded.", "injured 2"},
    {"5 soldiers and 3 civilians were killed.", "killed 5, killed 3"},
    {"At least 20 people were killed and 45 wounded.", "killed 20, injured 45"},
    {"More than 30 people were killed.", "killed 30"},
    {"Nearly 40 people were injured.", "injured 40"},
    {"Up to 12 people may have been killed.", "killed 12"},
    {"Dozens of people were killed.", "killed 12"},
    {"Tens of civilians were killed.", "killed 10"},
    {"Hundreds of people were injured.", "injured 100"},
    {"Several soldiers were killed.", "killed 3"},
    {"A number of militants were killed.", "killed 3"},
    {"Between 10 and 12 fighters were killed.", "killed 10-12"},
    {"10 to 12 fighters were killed.", "killed 10-12"},
    {"10-12 fighters were killed.", "killed 10-12"},
    {"Two or three guards were wounded.", "injured 2-3"},
    {"Twenty-five soldiers were killed.", "killed 25"},
    {"One hundred and twenty people were killed.", "killed 120"},
    {"Both drivers were killed.", "killed 2"},
    {"A dozen miners were abducted.", "abducted 12"},
    {"A couple of guards were injured.", "injured 2"},
    {"One of the attackers was killed.", "killed 1"},
    {"Fourteen bodies were found in the river.", "killed 14"},
    {"Police recovered 9 bodies.", "killed 9"},
    {"The clashes left 14 dead.", "killed 14"},
    {"The blast left 30 people dead.", "killed 30"},
    {"The attack left 6 injured.", "injured 6"},
    {"The blast claimed 12 lives.", "killed 12"},
    {"The fighting resulted in 40 deaths.", "killed 40"},
    {"There were 7 fatalities.", "killed 7"},
    {"4 fatalities.", "killed 4"},
    {"1 fatality.", "killed 1"},
    {"The attack caused 14 civilian deaths.", "killed 14"},
    {"Seven American troops were injured.", "injured 7"},
    {"Five soldiers sustained injuries.", "injured 5"},
    {"Two men suffered gunshot wounds.", "injured 2"},
    {"Two soldiers succumbed to their injuries.", "killed 2"},
    {"Three farmers were found dead.", "killed 3"},
    // Active.
    {"Gunmen killed 5 soldiers.", "killed 5"},
    {"The militants killed 12 civilians on Monday.", "killed 12"},
    {"The explosion killed at least 9 people.", "killed 9"},
    {"An airstrike killed more than 20 fighters.", "killed 20"},
    {"A bomb exploded, killing 3.", "killed 3"},
    {"A bomb exploded, killing 3 people.", "killed 3"},
    {"A car bomb exploded, killing 4 and injuring 11 others.", "killed 4, injured 11"},
    {"Rebels attacked the town, killing 7 civilians and wounding 15.", "killed 7, injured 15"},
    {"Gunmen killed 5 soldiers and 3 civilians.", "killed 5, killed 3"},
    {"The army executed 6 prisoners.", "killed 6"},
    {"Militants beheaded two hostages.", "killed 2"},
    {"Gunmen abducted 30 students.", "abducted 30"},
    {"Gunmen kidnapped 4 aid workers.", "abducted 4"},
    {"Police arrested 17 protesters.", "detained 17"},
    {"Police detained 8 suspects.", "detained 8"},
    {"Troops captured 3 rebels.", "detained 3"},
    {"The shelling wounded 25 people.", "injured 25"},
    {"The blast injured 60.", "injured 60"},
    {"The attackers killed another 3 villagers.", "killed 3"},
    {"Three gunmen killed 5 soldiers.", "killed 5"},
    {"The strike killed dozens of fighters.", "killed 12"},
    {"The raid led to the killing of 8 militants.", "killed 8"},
    {"Police reported the arrest of 11 suspects.", "detained 11"},
    {"The blast claimed the lives of 9 people.", "killed 9"},
    {"The shooting killed himself and 3 others.", "killed 1, killed 3"},
    // Toll and updates.
    {"The death toll rose to 20.", "killed 20 upd"},
    {"The death toll has risen to 31.", "killed 31 upd"},
    {"The toll climbed to 45 on Monday.", "killed 45 upd"},
    {"The death toll stood at 12.", "killed 12"},
    {"The death toll is 8.", "killed 8"},
    {"The injured later died, bringing the death toll to 10.", "killed 10 upd"},
    {"Fatalities coded as 10.", "killed 10 upd"},
    // "a/an" bound to a fate.
    {"A soldier was killed.", "killed 1"},
    {"A waiter was killed in the blast.", "killed 1"},
    {"A 64-year-old man was killed.", "killed 1"},
    {"An Afghan soldier was wounded.", "injured 1"},
    {"Gunmen killed a police officer.", "killed 1"},
    {"The blast injured a child.", "injured 1"},
    {"Militants abducted a teacher.", "abducted 1"},
    {"A soldier was seen at the gate.", ""},
    {"A five-year-old boy was killed.", "killed 1"},
    // Singular persons without a number.
    {"The mayor was shot dead.", "killed 1"},
    {"Torres was killed.", "killed 1"},
    {"He was knifed and killed in his home.", "killed 1"},
    {"The bomb killed the driver.", "killed 1"},
    {"Gunmen stormed the house, killing him.", "killed 1"},
    {"The bomb killed the drivers.", ""},
    {"A suicide bomber blew himself up at the gate.", "killed 1"},
    {"Eight people including two foreigners were killed.", "killed 8, killed 2 sub"},
    {"Five civilians, including two women and a three year old child, were killed.",
     "killed 5, killed 2 sub"},
    {"Seven soldiers, one policeman, and one civilian were killed.",
     "killed 7, killed 1, killed 1"},
    // Subtotals.
    {"Twelve militants were killed, including 2 commanders.", "killed 12, killed 2 sub"},
    {"At least eight people, including two assailants, were killed.", "killed 8, killed 2 sub"},
    {"The raid killed 10 fighters, among them 3 leaders.", "killed 10, killed 3 sub"},
    {"Nine people were killed, five of them soldiers.", "killed 9, killed 5 sub"},
    {"Six people were injured: four in the market and two at the station.",
     "injured 6, injured 4 sub, injured 2 sub"},
    // Negation.
    {"There were no casualties.", "casualties 0 neg"},
    {"No casualties were reported.", "casualties 0 neg"},
    {"No one was hurt.", "injured 0 neg"},
    {"No one was killed in the blast.", "killed 0 neg"},
    {"Nobody was injured.", "injured 0 neg"},
    {"There were no injuries.", "injured 0 neg"},
    {"No deaths were reported.", "killed 0 neg"},
    {"There were no reported casualties.", "casualties 0 neg"},
    {"There were no deaths or injuries.", "killed 0 neg, injured 0 neg"},
    {"The blast did not cause any casualties.", "casualties 0 neg"},
    {"No civilians were killed.", "killed 0 neg"},
    {"The building was damaged, but no one was injured.", "injured 0 neg"},
    // Not casualties.
    {"A 19-year-old student was arrested.", "detained 1"},
    {"The 19-year-old fled.", ""},
    {"The group has 2,000 fighters.", ""},
    {"The army deployed 3,000 troops.", ""},
    {"The rebels seized 10 explosive belts.", ""},
    {"The attackers burned 40 houses.", ""},
    {"The convoy of 12 vehicles was hit.", ""},
    {"He was sentenced to 20 years.", ""},
    {"The strike hit at 5am, killing 3.", "killed 3"},
    {"In 2014, 300 people were killed.", "killed 300"},
    {"About 40% of the town was destroyed.", ""},
    {"The militia fired 20 rockets at the town.", ""},
    {"Two weeks ago, gunmen attacked the village.", ""},
    // Several frames in one text, kept separately.
    {"Five soldiers were killed. Later, the toll rose to 8.", "killed 5, killed 8 upd"},
    {"Two people were killed. Two people were killed.", "killed 2, killed 2"},
    {"Three policemen were killed and two were wounded; four suspects were arrested.",
     "killed 3, injured 2, detained 4"},
    {"Gunmen abducted 12 people and later killed two of them.", "abducted 12, killed 2"},
    // "them both" is two; "the remaining two" is a count after fillers.
    {"Gunmen shot a farmer and his brother in the head, killing them both.", "killed 2"},
    {"Rebels abducted five farmers and killed the remaining two a week later.",
     "abducted 5, killed 2"},
    // A weapon between the verb and its object, not after a passive.
    {"Armed men fired upon and killed, with handguns, the former district police chief.",
     "killed 1"},
    {"Armed men fired upon and killed with pistols, a local council official.", "killed 1"},
    {"They were killed with machetes, a witness said.", ""},
    {"The attack killed, a witness said, the village chief.", ""},
    // A name set off by commas right after the verb; a rank or role word before a name.
    {"Unknown gunmen shot and killed, Al Poe, a ministry employee.", "killed 1"},
    {"Kidnappers beheaded, Al Poe, a farmer they accused of spying.", "killed 1"},
    {"A sniper shot and killed Brigadier General Al Poe, a senior commander, in the town.",
     "killed 1"},
    {"The militants shot and killed Forest guard Al Poe in the attack.", "killed 1"},
    {"Gunmen killed civilians in Al Kut City on Monday.", ""},
    // A relative clause without commas that places the victims or says what they did.
    {"At least five gunmen that were in the car were killed in the clash.", "killed 5"},
    {"Two men who were riding a motorcycle were shot dead.", "killed 2"},
    {"Three women who were also teachers at the school were found dead.", ""},
    {"Four people who were at the market said they saw the blast.", ""},
    // Deaths among people counted as injured.
    {"Six students were injured. One of the injured students died several days later.",
     "injured 6, killed 1"},
    {"Two of the wounded soldiers were flown to the capital.", ""},
    {"Six officers were killed and another died later of his wounds.", "killed 6, killed 1"},
};

// Frames with the perpetrator flag and the victim category: "killed 2 self non_state".
std::string FramesDetailed(const Document& doc) {
  std::string out;
  for (const CasualtyFrame& f : doc.casualties) {
    if (!out.empty()) out += ", ";
    out += FateName(f.fate);
    out += ' ';
    out += std::to_string(f.value);
    if (f.high != f.value) out += "-" + std::to_string(f.high);
    if (f.negated) out += " neg";
    if (f.is_update) out += " upd";
    if (f.is_subtotal) out += " sub";
    if (f.self_inflicted) out += " self";
    out += ' ';
    out += VictimCategoryName(f.category);
  }
  return out;
}

// Named victims, lists, perpetrators' deaths, "them", tolls with a phrase, coder figures.
const Case kMoreFrameCases[] = {
    // Named victims after an active verb: one per name, titles skipped.
    {"Gunmen shot and killed Maro Telvani in the market.", "killed 1 unknown"},
    {"Militants killed Ardo Pemberly and Sana Quist near the border.", "killed 2 unknown"},
    {"A sniper shot and killed Police Sergeant Ulo Varga at the gate.", "killed 1 unknown"},
    // ... but not a modifier of victims, nor an intention.
    {"Raiders killed Tembari herders at dawn.", ""},
    {"The gang attempted to kill Ira Lentz outside her home.", ""},
    // Coordinated subjects without numbers.
    {"Velan Oster and his driver were killed in the blast.", "killed 2 unknown"},
    {"A farmer and his nephew were killed.", "killed 2 unknown"},
    {"A priest, a teacher, and their driver were killed.", "killed 3 unknown"},
    {"A guard and police officer were killed at the gate.", "killed 2 unknown"},
    // Lists after an active verb share it.
    {"The raiders opened fire, killing a guard, a herder, and wounding a boy.",
     "killed 1 civilians, killed 1 state_forces, injured 1 civilians"},
    {"The bomb exploded, killing him, his son and the driver.",
     "killed 1 civilians, killed 1 civilians, killed 1 unknown"},
    // "In addition to the assailant": the perpetrator's own death.
    {"In addition to the assailant, four people were killed at the depot.",
     "killed 1 self non_state, killed 4 civilians"},
    {"In addition to the bomber, a guard was killed.",
     "killed 1 self non_state, killed 1 state_forces"},
    {"In addition to the assailant, six people were wounded.", "injured 6 civilians"},
    {"In addition to the two attackers, nine people were killed.",
     "killed 2 non_state, killed 9 civilians"},
    // "N people besides the assailant were killed": both deaths.
    {"Eleven people besides the assailant were killed at the depot.",
     "killed 11 civilians, killed 1 self non_state"},
    // The perpetrator's death with a definite article.
    {"The assailant was also killed in the exchange.", "killed 1 self non_state"},
    // ... past an apposition naming him or giving his age.
    {"Four soldiers were killed. The assailant, identified as Fadi al-Qunbar, was shot and "
     "killed.",
     "killed 4 state_forces, killed 1 self non_state"},
    {"The attacker, 25, was killed by police.", "killed 1 self non_state"},
    // Attackers named back by a definite perpetrator noun after an active verb died themselves.
    {"Police forces killed the two assailants and freed the hostages.", "killed 2 self non_state"},
    {"Soldiers killed two militants near the border.", "killed 2 non_state"},
    // A person's name beaten or stoned to death; not one sentenced to it.
    {"A mob beat Zada to death later in the day.", "killed 1 unknown"},
    {"A court sentenced Ali Musa to death.", ""},
    // A second subject of a passive with its "was" left out; not a plural, nor a thing.
    {"The governor was injured, his bodyguard killed, and the car was damaged.",
     "injured 1 unknown, killed 1 state_forces"},
    {"He was arrested, his car seized.", "detained 1 unknown"},
    {"The suicide bomber died at the scene.", "killed 1 self non_state"},
    {"The assailant killed two guards.", "killed 2 state_forces"},
    // "blew themselves up"
    {"Two militants blew themselves up at the gate.", "killed 2 self non_state"},
    // An active verb with a named object is not the attackers' death.
    {"Two gunmen shot and killed Ann Roe near the shop.", "killed 1 unknown"},
    // A compound rank set off before the name by a comma is its title; names listed are people.
    {"Gunmen killed Lieutenant-Brigadier, Khudhier Kadhim, of the Interior Ministry.",
     "killed 1 unknown"},
    {"Gunmen killed Ann Roe, Bob Lee and Carl Diaz in the market.", "killed 3 unknown"},
    // "two of the four": the dead are the two.
    {"Two of the four attackers were killed by guards.", "killed 2 non_state"},
    {"Two Syrians blew themselves up in the square.", "killed 2 self unknown"},
    // "killing him and four others"
    {"Gunmen fired on the car, killing him and four others.", "killed 1 unknown, killed 4 unknown"},
    // Strikes executed are not people executed.
    {"Warplanes executed 14 airstrikes on the hills.", ""},
    // An unknown noun after "killed a" is one victim; a time span is not.
    {"Bandits killed a presumed goat rustler near the well.", "killed 1 unknown"},
    {"The militia killed a week ago in the raid.", ""},
    // An object word before a victim noun modifies it.
    {"Soldiers arrested nine cattle herders.", "detained 9 civilians"},
    // "killed them" refers back to the count.
    {"Kidnappers seized three traders and later killed them.",
     "detained 3 civilians, killed 3 civilians"},
    {"Armed men kidnapped two party supporters and later assaulted and killed them.",
     "abducted 2 civilians, killed 2 civilians"},
    // The group decides the side of a role noun.
    {"The strike resulted in the killing of a senior Islamic State commander.",
     "killed 1 non_state"},
    // "as well as" joins two counts of one verb.
    {"At least 6 people as well as 3 policemen were killed.",
     "killed 6 civilians, killed 3 state_forces"},
    // Subtotals with commas and articles inside.
    {"At least five people, including Tor Haldane, the village head, were killed.",
     "killed 5 civilians"},
    {"Five people, including two women and a child, were killed.",
     "killed 5 civilians, killed 2 sub civilians"},
    // A parenthesis between the victims and the fate.
    {"Four civilians (two men and two women) were killed.", "killed 4 civilians"},
    // A participle phrase between the victims and the fate.
    {"Two policemen guarding the bank were killed.", "killed 2 state_forces"},
    // A toll with a phrase before its verb.
    {"The death toll from the explosion rose to 31.", "killed 31 upd unknown"},
    {"The death toll from Friday's shelling of the port city rose to four after a woman died.",
     "killed 4 upd unknown, killed 1 civilians"},
    // A coder's figure split between events.
    {"Fatalities coded as 12 and split between 3 events.", "killed 4 upd unknown"},
    {"Clashes were reported. Fatalities coded as 0.", "killed 0 upd unknown"},
    // A military clock time before a count is not part of it.
    {"At 0720, three people were killed.", "killed 3 civilians"},
    {"Around 1730 two soldiers were wounded.", "injured 2 state_forces"},
    // An abbreviation in parentheses inside the victims.
    {"Six Canadian (CA) soldiers were killed.", "killed 6 state_forces"},
    // A subtotal with no closing comma; a comma clause after a subtotal is not the fate.
    {"Twelve villagers, including eight minors were killed on the spot.",
     "killed 12 civilians, killed 8 sub unknown"},
    {"Troops killed six rebels including a leader, and seized weapons.",
     "killed 6 non_state"},
    {"Nine people, including both guards and visitors, were killed.", "killed 9 civilians, killed 2 sub state_forces"},
    // A suicide attack that took place kills its attackers; one that failed does not.
    {"A suicide bomber detonated his vest at the gate, killing 9 people.",
     "killed 1 self non_state, killed 9 civilians"},
    {"Two female suicide bombers struck the market.", "killed 2 self non_state"},
    {"A suicide bomber was arrested before he could detonate his vest.",
     "detained 1 non_state"},
    {"A suicide bomber blew himself up, killing 4.", "killed 1 self unknown, killed 4 unknown"},
    {"A suicide bomber attacked the base. Six people, including the bomber, were killed.",
     "killed 6 civilians"},
    {"A suicide bomber attacked the base. The assailant was also killed.",
     "killed 1 self non_state"},
    {"Nine people, not including the suicide bomber, were killed when he detonated his vest.",
     "killed 9 civilians, killed 1 self non_state"},
    // Apposition or relative clause between the victims and a passive verb.
    {"Two police officers, the station chief and his deputy, were killed.",
     "killed 2 state_forces"},
    {"Two workers, who were asleep in the building, were killed.", "killed 2 civilians"},
    {"Gunmen entered a guard's house, tied up his wife, then killed the guard.",
     "killed 1 state_forces"},
    // A list item keeps no apposition: the total counts once.
    {"At least 20 people, including 12 students, four guards, and two gunmen, were killed.",
     "killed 20 civilians, killed 12 sub civilians, killed 2 sub non_state"},
    // A fate noun naming the victims before their fate.
    {"Eight of the hostages were killed.", "killed 8 unknown"},
    {"Two hostages died in captivity.", "killed 2 unknown"},
    // Victims joined without a count; a long participle phrase.
    {"At least 15 soldiers and volunteer fighters were killed.", "killed 15 state_forces"},
    {"Fourteen customs officers traveling to a meeting in the capital were killed.",
     "killed 14 state_forces"},
    {"A guard waiting at the gate before the attack was wounded.", "injured 1 unknown"},
    // Lists after an active verb: ", and", "along with"; a bare number is a part.
    {"Gunmen killed a police officer, his wife, and two sons.",
     "killed 1 civilians, killed 1 state_forces, killed 2 civilians"},
    {"At least 18 people, a police officer and 17 gunmen, were killed.",
     "killed 18 civilians"},
    {"At least 10 people, including all three attackers, were killed.",
     "killed 10 civilians"},
    {"In addition to the two assailants, a police officer was killed.",
     "killed 2 self non_state, killed 1 state_forces"},
    {"One assailant killed, and two assailants and a policeman wounded.",
     "killed 1 non_state, injured 2 non_state, injured 1 state_forces"},
    {"The blast killed 4 soldiers along with 2 civilians.",
     "killed 4 state_forces, killed 2 civilians"},
    {"The bomb killed 21 people, 17 instantly.", "killed 21 civilians"},
    // Hyphenated dozens; "between ... to ..."; throats cut.
    {"Two-dozen villagers were killed.", "killed 24 civilians"},
    {"A mortar killed between two to three people.", "killed 2-3 civilians"},
    {"Militants slit the throats of seven shepherds.", "killed 7 unknown"},
    // A subject before a counted list: a definite noun phrase, a name after a title.
    {"The commissioner and two bodyguards were killed in the raid.",
     "killed 1 unknown, killed 2 state_forces"},
    {"The assailant and one civilian were killed.", "killed 1 unknown, killed 1 civilians"},
    {"Deputy Mayor Orin Falk and one other person were killed.",
     "killed 1 unknown, killed 1 civilians"},
    // A conjunct whose noun an "of" phrase follows; a friend or an associate is a victim.
    {"The chief of the local council and an associate were shot dead.",
     "killed 1 unknown, killed 1 civilians"},
    {"On Friday, the driver of Vela Transport and a mechanic were killed.",
     "killed 1 unknown, killed 1 civilians"},
    {"Ann Roe, director of the clinic, and her friend were killed.", "killed 2 unknown"},
    {"Gunmen killed a shopkeeper and two of his friends.",
     "killed 1 civilians, killed 2 civilians"},
    // A place after a subject list that opens the sentence is no conjunct.
    {"A student and security guard in the vicinity of the clinic were killed.",
     "killed 2 unknown"},
    {"A teacher and a driver at the school near Varos were shot dead.",
     "killed 1 civilians, killed 1 civilians"},
    // An intention to kill is no death.
    {"The group accused the men of plotting to kill four judges.", ""},
    {"The rebels threatened to kill ten villagers.", ""},
    // ... but not a place name before "and", nor a subject already counted.
    {"Gunmen stormed the village of Tarvo and two soldiers were killed.",
     "killed 2 state_forces"},
    {"A soldier and two civilians were killed.", "killed 1 state_forces, killed 2 civilians"},
    // One death with no count and no aux: a name, a pronoun, a singular noun phrase.
    {"Gunmen shot Ilya Brenner. Brenner died later that day in hospital.", "killed 1 unknown"},
    {"The guard died on Friday.", "killed 1 unknown"},
    {"The teacher, who had been shot twice, died of his injuries.", "killed 1 unknown"},
    {"He succumbed to his injuries.", "killed 1 unknown"},
    {"Two people died.", "killed 2 civilians"},
    // A found body is one dead.
    {"His body was found near the river.", "killed 1 unknown"},
    {"The body of Tomas Vell was recovered by police.", "killed 1 unknown"},
    {"Their bodies were found in a field.", ""},
    {"His body was found on Monday after he was shot and killed.", "killed 1 unknown"},
    // A possessive name as the determiner; the active "found his body"; the body of the one
    // killed in the same sentence is no second death; a car's body is no dead.
    {"Two days later, Varga's body was discovered in a canal.", "killed 1 unknown"},
    {"Villagers found her body the next morning.", "killed 1 unknown"},
    {"Searchers recovered the body of Ilan Drost near the dam.", "killed 1 unknown"},
    {"Gunmen shot and killed Tomas Vell and police found his body in a ditch.",
     "killed 1 unknown"},
    {"Mechanics found the body of the truck badly dented.", ""},
    // The bodies of people counted earlier are their deaths, unless those are counted already.
    {"Gunmen abducted three teachers on Monday. The bodies of the teachers were found on "
     "Friday.",
     "abducted 3 civilians, killed 3 civilians"},
    {"Two herders were kidnapped. Days later, villagers found the bodies of the herders.",
     "abducted 2 civilians, killed 2 civilians"},
    {"Gunmen killed two farmers on Monday. The bodies of the farmers were found on Tuesday.",
     "killed 2 civilians"},
    {"Police arrested two suspects. The bodies of the victims were found.",
     "detained 2 non_state"},
    // Names after a count restate it: at the end of an object list, and before a
    // prepositional phrase that a comma sets off from the names.
    {"The car exploded, killing the two inspectors, Ann Roe and Al Poe.", "killed 2 unknown"},
    {"On Monday, two soldiers, Sgt Ann Roe and Cpl Al Poe, from the 4th Battalion were killed.",
     "killed 2 unknown"},
    // "left X dead" with no count: one death per conjunct joined by "and"; an apposition
    // restates its person; leaving a place or a plural object is not read here.
    {"The raid left a 17 year old, the son of the imam, dead.", "killed 1 unknown"},
    {"The ambush left Ann Roe's driver and her nephew dead, and six guards injured.",
     "killed 2 unknown, injured 6 state_forces"},
    {"The explosion left Tomas Vell dead.", "killed 1 unknown"},
    {"The gunmen left the scene after the guard was found dead.", "killed 1 unknown"},
    {"The gunmen left the village before dawn.", ""},
    {"The storm left the phone network dead for hours.", ""},
    {"The blast left the engine dead and a policeman injured.", "injured 1 state_forces"},
    {"The blast left a policeman and the engine dead.", ""},
    {"The raid left a 17-year-old dead.", "killed 1 unknown"},
    {"The fire left her granddaughter and his aunt dead.", "killed 2 unknown"},
    // Decapitated and strangled are killings.
    {"Militants decapitated two shepherds.", "killed 2 unknown"},
    {"The trader was found strangled in his shop.", "killed 1 unknown"},
    {"The bodyguard was shot dead and the driver found his body.", "killed 1 unknown"},
    {"Police found his body of work in the archive.", ""},
    // A singular passive subject is a person unless its clause names only a thing or a
    // happening: a person before the thing ("the driver of the bus"), a participle phrase
    // ("a man aboard a motorbike") or an agent noun the lexicon lacks keeps the person.
    {"The deal was killed by the Senate.", ""},
    {"The economy was strangled by sanctions.", ""},
    {"On Monday, a protest was held outside parliament.", ""},
    {"A vehicle carrying medicine was seized by the rebels.", ""},
    {"The driver of the bus was killed.", "killed 1 unknown"},
    {"A man travelling aboard a motorbike was killed by the blast.", "killed 1 unknown"},
    {"A recruiter armed with a grenade was killed by police.", "killed 1 unknown"},
    {"A fugitive from the prison system was shot dead.", "killed 1 unknown"},
    {"The soldier in the truck was injured.", "injured 1 unknown"},
    {"Republicans killed the bill on Tuesday.", ""},
    {"The governor killed the project last year.", ""},
    {"Gunmen killed the driver of the truck.", "killed 1 civilians"},
    {"Bandits killed the owner of the house.", "killed 1 unknown"},
    {"Divers recovered the body of water samples.", ""},
    {"Divers recovered the body of Ann Roe.", "killed 1 unknown"},
    {"The body of the driver was found near the river.", "killed 1 unknown"},
    // Lower-case role words before a full name.
    {"Gunmen killed farm owner Ilan Drost at his home.", "killed 1 unknown"},
    // A possessive object of an active verb; a count after "his".
    {"A rocket hit the house, killing his wife.", "killed 1 civilians"},
    {"A bomb exploded in the home, killing his two daughters.", "killed 2 civilians"},
    // A verb, its object, then "to death"; a sentence is not a killing.
    {"Militants dragged two villagers from their homes and hacked them to death.",
     "killed 2 unknown"},
    {"Assailants stoned a shepherd to death.", "killed 1 unknown"},
    {"The gang beat the informer to death.", "killed 1 unknown"},
    {"A court sentenced him to death.", ""},
    // A second verb of a singular passive subject; a named person's relative clause.
    {"The guard was shot twice, and later died from his injuries.", "killed 1 unknown"},
    {"Two guards were shot and later died.", ""},
    {"The judge was rushed to hospital but died of her wounds.", "killed 1 unknown"},
    {"The judge was rushed to hospital but survived.", ""},
    {"Gunmen fired on the car of Pell Varga, who was killed.", "killed 1 unknown"},
    // "causing his death"; an adverb between "was" and the fate; a past death is not one.
    {"Gunmen fired on the clerk, causing his immediate death.", "killed 1 unknown"},
    {"The tailor was taken away at night and was only found dead at dawn.",
     "killed 1 unknown"},
    {"Students protested over the death of Ann Roe.", ""},
    // Items listed after an active verb's object share its verb ...
    {"Rebels fired on a car, killing mayor Ilan Drost and four others.",
     "killed 1 unknown, killed 4 unknown"},
    {"Two men shot dead a party leader, two guards, and a police officer.",
     "killed 1 non_state, killed 2 state_forces, killed 1 state_forces"},
    {"Gunmen stormed the firm, killing six workers and a driver.",
     "killed 6 civilians, killed 1 civilians"},
    // ... but not an apposition after a name, nor the subject of a clause of its own.
    {"Gunmen shot and killed Ilan Drost, a local leader, near his home.", "killed 1 unknown"},
    {"Gunmen killed the trader, and his son was wounded.",
     "killed 1 civilians, injured 1 unknown"},
    // A suicide attack whose device failed, or whose attacker was only injured, or whose
    // attacker's death has a frame of its own, adds no implicit attacker.
    {"A suicide bomber drove a truck into the office. The device failed to detonate.", ""},
    {"A suicide bomber struck the terminal. In addition to the assailant, three people were "
     "injured.",
     "injured 3 civilians"},
    {"A suicide bomber was fired on and killed by police as he attacked the base.",
     "killed 1 unknown"},
    // A relative joined by "and" to one person before it, an apposition between.
    {"Ilan Drost, the village head, and his wife were killed in the attack.",
     "killed 2 unknown"},
    {"An official of the land office and his son were killed.", "killed 2 unknown"},
    // Plural attackers killed: the count said of them earlier in the text.
    {"Three assailants opened fire at the checkpoint. The attackers were killed by police.",
     "killed 3 self non_state"},
    {"The attackers were killed by police.", ""},
    // A definite object the lexicon need not know, then a list after it.
    {"Gunmen fired on the house, killing the former senator, his wife, and his servant.",
     "killed 1 civilians, killed 1 civilians, killed 1 unknown"},
    // A perpetrator with one adjective; not an ordinal one.
    {"One citizen was killed. The local attacker was also killed.",
     "killed 1 civilians, killed 1 self non_state"},
    {"A second bomber was shot and killed.", "killed 1 non_state"},
    // A passive singular takes a victim after "along with".
    {"The former chairman was killed along with his son.", "killed 1 unknown, killed 1 civilians"},
    // Fighting for one's life is not a death.
    {"Sixteen people were hurt, with several fighting for their lives.", "injured 16 civilians"},
    // An apposition after an opening adverbial (the comma is no list separator).
    {"On Monday, three guards, Ann Roe, Bob Lee and Carl Diaz, were killed at the gate.",
     "killed 3 state_forces"},
    // An apposition that opens with a bare number ("one a herder").
    {"Two farmers, one a herder and the other a trader, were killed by gunmen.",
     "killed 2 civilians"},
    // "both ..." after a list of names restates it.
    {"Ann Roe and Bob Lee, both local teachers, were killed.", "killed 2 unknown"},
    {"The bomber detonated early, killing only himself.", "killed 1 self unknown"},
    // An abbreviation between an object-like word and the victims.
    {"Five United Nations (UN) peacekeepers were killed.", "killed 5 state_forces"},
    // A group's name after "of"/"for" between the victims and the verb.
    {"Four members of the Popular Front for the Liberation of Kandor (PFLK) were killed.",
     "killed 4 non_state"},
    {"Nine fighters belonging to the Kandor Freedom Army were killed in the ambush.",
     "killed 9 non_state"},
    // A thing in a phrase after the victims does not make them things.
    {"Police killed seven bombers driving cars.", "killed 7 non_state"},
    // After a comma, a singular item beside a plural count is one more.
    {"Rebels ambushed a patrol, killing nine soldiers, a police officer, and wounding eight "
     "others.",
     "killed 9 state_forces, killed 1 state_forces, injured 8 unknown"},
    {"Gunmen raided the farm, killing five men, two women and a baby.",
     "killed 5 civilians, killed 2 civilians, killed 1 civilians"},
    // "killed and wounded" after a passive, with a count of its own: two verbs.
    {"Seven people were killed and wounded 80 others in the blast.",
     "killed 7 civilians, injured 80 unknown"},
    {"Gunmen killed and wounded 20 people.", "casualties 20 civilians"},
    // Participles joined to the fate share its subject.
    {"Three drivers were stopped and killed at a checkpoint.", "killed 3 civilians"},
    {"Two farmers were bound, blindfolded and executed by the rebels.", "killed 2 civilians"},
    {"Five traders were robbed and beaten.", ""},
    // A later death ends the story; an injury turns into one only "later".
    {"Four herders were abducted and later killed.", "killed 4 civilians"},
    {"Two guards were kidnapped and then executed.", "killed 2 state_forces"},
    {"Six workers were injured and later died in hospital.", "killed 6 civilians"},
    {"Six workers were abducted and released.", "abducted 6 civilians"},
    // A long group name between the victims and the verb.
    {"Eight fighters of the Northern Kandor People's Liberation Front-Revolutionary Wing were "
     "killed.",
     "killed 8 non_state"},
    {"Five guards of a private firm Kandor Safety and Patrol Services (KSPS) were killed.",
     "killed 5 state_forces"},
    {"Nine members of the Kandor Valley Self-Defense Units (KVSU) belonging to Los Perros gang "
     "were killed.",
     "killed 9 non_state"},
    // ... but not out of a parenthesis the count stands in.
    {"Twelve people (among them 5 pupils and 3 women) were killed.",
     "killed 12 civilians, killed 5 sub civilians, killed 3 sub civilians"},
    // The object of an infinitive or a preposition is not a passive subject.
    {"A bomber trying to reach a crowd of shoppers was shot and killed by police.",
     "killed 1 non_state"},
    {"A gunman firing at an army post was killed.", "killed 1 non_state"},
    // A plural victim noun opening a passive takes the count written before it earlier.
    {"Gunmen fired on three police officers near the bank. The officers were killed.",
     "killed 3 state_forces"},
    {"The officers were killed.", ""},
    // "shot" set against a wounding is a killing.
    {"The gunmen shot nine villagers and wounded four others.",
     "killed 9 civilians, injured 4 unknown"},
    {"The gunmen shot nine villagers in the legs.", ""},
    // "were the only casualties": the count is the dead.
    {"The three attackers were the only reported casualties.", "killed 3 non_state"},
    // A definite count after "and" is one more item of the passive list.
    {"Two police officers and the two gunmen were killed.",
     "killed 2 state_forces, killed 2 non_state"},
    {"Police said the two gunmen were killed.", "killed 2 non_state"},
    // A list inside an "including" with no closing comma: the verb is the whole's.
    {"Twelve workers, including a guard, a driver and a cook were killed.",
     "killed 12 civilians"},
    // Every item listed after a subtotal of the same verb is a part ...
    {"Eighteen people, including 10 boys, three girls, and two teachers were wounded.",
     "injured 18 civilians, injured 10 sub civilians, injured 3 sub civilians, injured 2 sub "
     "civilians"},
    // ... unless of another side than the whole.
    {"At least 21 fighters, including 2 commanders and 4 soldiers were killed.",
     "killed 21 non_state, killed 2 sub state_forces, killed 4 state_forces"},
    // A name's possessive opens a list item; "passerby" is a victim noun.
    {"Ann Roe's driver and a passerby were also killed.", "killed 1 unknown, killed 1 civilians"},
    // "All (of) the assailants were killed" takes the attackers' earlier count.
    {"Fourteen militants attacked the airport. Seven soldiers were killed. All of the "
     "assailants were killed.",
     "killed 7 state_forces, killed 14 self non_state"},
    {"Four gunmen stormed the hotel. By the evening all assailants had been killed.",
     "killed 4 self non_state"},
    {"Four gunmen stormed the hotel. Police said that all the attackers had killed two guards.",
     "killed 2 state_forces"},
    {"All the assailants were killed.", ""},
    // Items after an active verb's object: "the ..." when the item ends there, a relative
    // after a comma, a counted item after a name when the list goes on, "in addition to".
    {"The bomb killed four guards, two civilians, the mayor, and damaged a car.",
     "killed 4 state_forces, killed 2 civilians, killed 1 civilians"},
    {"Gunmen killed two soldiers and the police said the attackers fled.",
     "killed 2 state_forces"},
    {"Gunmen killed Ann Roe, her husband, and their son.",
     "killed 1 unknown, killed 1 civilians, killed 1 civilians"},
    {"Gunmen shot and killed the village head and his two sons.",
     "killed 1 unknown, killed 2 civilians"},
    {"The blast killed Ann Roe, two guards, and two civilians and wounded 10 others.",
     "killed 1 unknown, killed 2 state_forces, killed 2 civilians, injured 10 unknown"},
    {"Gunmen killed Ann Roe and Al Poe, two members of the party, and wounded three others.",
     "killed 2 unknown, injured 3 unknown"},
    {"The attack killed the official in addition to four other members of his family.",
     "killed 1 civilians, killed 4 non_state"},
    {"A bomb killed one civilian, injuring 22 others, the village chief, his wife, and his "
     "brother.",
     "killed 1 civilians, injured 22 unknown, injured 1 civilians, injured 1 civilians, "
     "injured 1 civilians"},
    // Conjuncts before a counted passive list: after "and" (a possessive belongs to the
    // count), or after a comma alone when the conjunct opens the sentence ...
    {"Ann Roe and his two sons were killed.", "killed 1 unknown, killed 2 civilians"},
    {"Ann Roe, his two wives and a son were killed in the blast.",
     "killed 1 unknown, killed 2 unknown, killed 1 civilians"},
    {"The employee, his wife, and his three children were killed.",
     "killed 2 unknown, killed 3 civilians"},
    // ... not an opening place, adverb or an apposition.
    {"In Kabul, two soldiers and a civilian were killed.",
     "killed 2 state_forces, killed 1 civilians"},
    {"Additionally, six people were injured.", "injured 6 civilians"},
    {"Ann Roe, a colonel, and one other person were killed.",
     "killed 1 state_forces, killed 1 civilians"},
    // Common occupations are victim nouns.
    {"Two gunmen fired upon and killed a prison guard and a barber in his shop.",
     "killed 1 civilians, killed 1 state_forces"},
    // "N of his X" listed after an active verb's object.
    {"Gunmen shot and killed the leader, along with four of his family members and a "
     "bodyguard.",
     "killed 1 non_state, killed 4 civilians, killed 1 state_forces"},
    // "another" before a count is not a count of one of its own.
    {"Two soldiers were killed. Another three men were killed later.",
     "killed 2 state_forces, killed 3 civilians"},
    {"Gunmen killed another four villagers.", "killed 4 civilians"},
    // "a family of N" counts N; a family without a size stays one victim phrase.
    {"Rebels killed a family of five in their home.", "killed 5 civilians"},
    {"A family of four was killed when a shell hit the house.", "killed 4 civilians"},
    {"Rebels killed a family in the village.", "killed 1 civilians"},
    // "couple" names two people; "a couple of" stays a number.
    {"The couple was killed while their son was injured.",
     "killed 2 unknown, injured 1 unknown"},
    {"Gunmen shot and killed a married couple.", "killed 2 civilians"},
    {"Later the couple was killed by gunmen.", "killed 2 unknown"},
    {"Gunmen killed a couple of farmers.", "killed 2 civilians"},
    {"Gunmen killed a farmer.", "killed 1 civilians"},
    // A hostage is a victim noun (its plural stays the count of the abducted).
    {"They later killed another hostage.", "killed 1 civilians"},
    {"They killed two people on the first day, and killed another hostage later.",
     "killed 2 civilians, killed 1 civilians"},
    {"The gunmen took a hostage and fled.", ""},
    // "N of the M X": the part counts, in digits as in words.
    {"In the shootout, 2 of the 4 attackers were killed.", "killed 2 non_state"},
    {"Two of the five gunmen were killed.", "killed 2 non_state"},
    {"Police said 2 of the 4 attackers fled on foot.", ""},
    // "the" + a singular victim closes a counted passive list; a pair without a count stays
    // one conjunct reading (no double count).
    {"Four passengers and the bomber were killed.",
     "killed 4 civilians, killed 1 self non_state"},
    {"The blast left four passengers and the bomber dead.",
     "killed 4 civilians, killed 1 self non_state"},
    {"Two soldiers and the driver were wounded.", "injured 2 state_forces, injured 1 civilians"},
    {"The driver and the bomber were both wounded.", "injured 2 unknown"},
    // "The attacker" after a suicide bomber is that bomber: one death, not two.
    {"A suicide bomber struck a checkpoint. The attacker and six soldiers were killed.",
     "killed 1 unknown, killed 6 state_forces"},
    {"A suicide bomber struck a checkpoint. The driver and six soldiers were killed.",
     "killed 1 self non_state, killed 1 unknown, killed 6 state_forces"},
    // "In addition to the bombers" and "killing themselves" take the attackers' earlier count,
    // except in a figure shared across attacks.
    {"Four suicide bombers raided a camp. In addition to the bombers, two soldiers were killed.",
     "killed 4 self non_state, killed 2 state_forces"},
    {"Two suicide bombers struck a mosque. In addition to the bombers, 30 people were killed "
     "across both attacks.",
     "killed 2 self non_state, killed 30 civilians"},
    {"Troops spotted two suicide bombers. The bombers detonated early, killing themselves.",
     "killed 2 self non_state"},
    {"The bombers detonated early, killing themselves.", ""},
    // Subject lists with appositions: a name and a role joined by a bare comma are one
    // person; names restating a count, "both ..." after names and "identified as" add nobody.
    {"Ann Roe, a teacher, and her son were killed in the raid.", "killed 2 unknown"},
    {"A guard, Al Poe, and two other officers were killed.", "killed 3 unknown"},
    {"Ann Roe and Bea Poe, both nurses at the clinic, were killed.", "killed 2 unknown"},
    {"An officer identified as Al Poe and a woman were killed.", "killed 2 unknown"},
    {"Two soldiers, Sergeant Ann Roe and Corporal Al Poe, and a civilian died in the blast.",
     "killed 3 unknown"},
    {"A rabbi, a civilian, and both assailants, were killed.", "killed 4 unknown"},
    // ... but places after an opener, a count split by "one ... the other", a clause and a
    // list with no apposition keep their readings.
    {"In Ghazni, Afghanistan, two soldiers and a driver were killed.",
     "killed 2 state_forces, killed 1 civilians"},
    {"Two women, one a teacher and the other a nurse, were killed.", "killed 2 civilians"},
    {"Ann Roe, the mayor, escaped unharmed, but two guards were killed.",
     "killed 2 state_forces"},
    {"Two guards and a driver were killed.", "killed 2 state_forces, killed 1 civilians"},
    // The same for the objects of an active killing.
    {"Gunmen killed Ann Roe, head of the union; Bob Poe, a local leader, and Carl Doe.",
     "killed 3 unknown"},
    {"The blast killed both militants, Ann Roe and five other officials.", "killed 8 unknown"},
    {"Militants attacked the car, killing the chief and four of his comrades.",
     "killed 5 unknown"},
    {"Militants attacked the car, killing the chief and four of his associates.",
     "killed 1 civilians, killed 4 civilians"},
    {"Gunmen shot and killed Ann Roe, the leader of the party, along with four of her "
     "relatives and a bodyguard.",
     "killed 6 unknown"},
    {"Gunmen shot and killed Ann Roe, his spouse Bea Roe, and his son Carl Roe in the market.",
     "killed 3 unknown"},
    // ... but an age, places after a role's "of", a role after "and" alone, a proper name
    // with "and" and a second verb add nobody.
    {"Gunmen shot and killed Al Poe, 30, a local journalist.", "killed 1 unknown"},
    {"Rebels shot and killed Al Poe, the mayor of Xyzville, Abc Department, Colombia.",
     "killed 1 unknown"},
    {"Gunmen killed Al Poe, a senior official and a party spokesman.", "killed 1 unknown"},
    {"Gunmen shot and killed an employee of the Ministry of Trade and Industry.",
     "killed 1 civilians"},
    {"Militants shot dead a school guard and burned two schools.", "killed 1 state_forces"},
    {"Three of the gunmen, namely Ann Roe, the group's leader, Al Poe and Bo Lee, were killed.",
     "killed 3 non_state"},
};

TEST(QuantityTest, MoreFrames) {
  for (const Case& c : kMoreFrameCases) {
    EXPECT_EQ(FramesDetailed(Annotate(c.text)), c.want) << c.text;
  }
}

TEST(QuantityTest, Frames) {
  for (const Case& c : kFrameCases) {
    EXPECT_EQ(Frames(Annotate(c.text)), c.want) << c.text;
  }
}

// ---- victims, groups and categories of the first frame ----
struct VictimCase {
  const char* text;
  const char* victims;
  const char* group;
  VictimCategory category;
};

const VictimCase kVictimCases[] = {
    {"The raid resulted in the deaths of 14 ISIS operatives.", "ISIS operatives", "ISIS",
     VictimCategory::kNonState},
    {"Seven American troops were injured.", "American troops", "American",
     VictimCategory::kStateForces},
    {"Two women were killed.", "women", "", VictimCategory::kCivilians},
    {"A waiter was killed.", "waiter", "", VictimCategory::kCivilians},
    {"Five Taliban fighters were killed.", "Taliban fighters", "Taliban",
     VictimCategory::kNonState},
    {"Three policemen were wounded.", "policemen", "", VictimCategory::kStateForces},
    {"Gunmen killed 12 villagers.", "villagers", "", VictimCategory::kCivilians},
    {"More than 20 pro-Houthi elements were killed.", "pro-Houthi elements", "pro-Houthi",
     VictimCategory::kNonState},
    {"The strike killed 4 militants.", "militants", "", VictimCategory::kNonState},
    {"Two were killed.", "", "", VictimCategory::kUnknown},
    {"Nine Iraqi soldiers were killed.", "Iraqi soldiers", "Iraqi", VictimCategory::kStateForces},
    {"Six ISIS members were captured.", "ISIS members", "ISIS", VictimCategory::kNonState},
};

TEST(QuantityTest, Victims) {
  for (const VictimCase& c : kVictimCases) {
    const Document doc = Annotate(c.text);
    ASSERT_FALSE(doc.casualties.empty()) << c.text;
    const CasualtyFrame& f = doc.casualties[0];
    EXPECT_EQ(doc.Slice(f.victims), c.victims) << c.text;
    EXPECT_EQ(doc.Slice(f.group), c.group) << c.text;
    EXPECT_EQ(f.category, c.category) << c.text;
  }
}

TEST(QuantityTest, FrameSpansAndLinks) {
  const Document doc = Annotate("Officials said at least 15 people were killed on Monday.");
  ASSERT_EQ(doc.casualties.size(), 1u);
  const CasualtyFrame& f = doc.casualties[0];
  EXPECT_EQ(doc.Slice(f.count_span), "at least 15");
  EXPECT_EQ(doc.Slice(f.fate_span), "killed");
  EXPECT_EQ(doc.Slice(f.span), "at least 15 people were killed");
  EXPECT_EQ(f.qualifier, Qualifier::kAtLeast);
  ASSERT_GE(f.quantity, 0);
  EXPECT_EQ(doc.quantities[static_cast<size_t>(f.quantity)].span, f.count_span);
  EXPECT_EQ(f.sentence, 0u);
}

TEST(QuantityTest, SentenceIndexAndQuantityOrder) {
  const Document doc = Annotate("Rain fell. A soldier was killed and 3 were wounded.");
  ASSERT_EQ(doc.casualties.size(), 2u);
  EXPECT_EQ(doc.casualties[0].sentence, 1u);
  for (size_t i = 1; i < doc.quantities.size(); ++i) {
    EXPECT_LT(doc.quantities[i - 1].span.begin, doc.quantities[i].span.begin);
  }
  for (const CasualtyFrame& f : doc.casualties) {
    if (f.quantity >= 0) {
      EXPECT_EQ(doc.quantities[static_cast<size_t>(f.quantity)].span, f.count_span);
    }
  }
}

// ---- the standalone number parser ----
struct NumberCase {
  const char* text;
  int64_t value;
  int64_t high;
  bool vague;
};

const NumberCase kNumberCases[] = {
    {"7", 7, 7, false},
    {"2,500", 2500, 2500, false},
    {"2.5 million", 2500000, 2500000, false},
    {"seven", 7, 7, false},
    {"twenty-one", 21, 21, false},
    {"ninety-nine", 99, 99, false},
    {"one hundred", 100, 100, false},
    {"three hundred and five", 305, 305, false},
    {"two thousand", 2000, 2000, false},
    {"a dozen", 12, 12, false},
    {"dozens", 12, 12, true},
    {"hundreds", 100, 100, true},
    {"10-12", 10, 12, false},
    {"10 to 12", 10, 12, false},
    {"99999999999999999999999999", 1'000'000'000'000'000, 1'000'000'000'000'000, false},
    {"9999999 billion", 1'000'000'000'000'000, 1'000'000'000'000'000, false},
};

TEST(QuantityTest, ParseNumber) {
  for (const NumberCase& c : kNumberCases) {
    const auto v = ParseNumber(c.text);
    ASSERT_TRUE(v.has_value()) << c.text;
    EXPECT_EQ(v->value, c.value) << c.text;
    EXPECT_EQ(v->high, c.high) << c.text;
    EXPECT_EQ(v->vague, c.vague) << c.text;
  }
  for (const char* bad : {"", "soldiers", "7 soldiers", "10/06/1971", "10:30", "five six", "-"}) {
    EXPECT_FALSE(ParseNumber(bad).has_value()) << bad;
  }
}

TEST(QuantityTest, StageAndSegmentation) {
  Document doc;
  doc.text = "Two soldiers were killed.";
  std::unique_ptr<Stage> stage = MakeQuantitiesStage();
  EXPECT_EQ(stage->name(), "quantities");
  ASSERT_TRUE(stage->Run(doc).ok());
  EXPECT_FALSE(doc.sentences.empty());
  ASSERT_EQ(doc.casualties.size(), 1u);
  EXPECT_EQ(doc.casualties[0].value, 2);
  // Running again replaces, never appends.
  ASSERT_TRUE(stage->Run(doc).ok());
  EXPECT_EQ(doc.casualties.size(), 1u);
}

TEST(QuantityTest, Names) {
  EXPECT_STREQ(QualifierName(Qualifier::kAtLeast), "at_least");
  EXPECT_STREQ(QuantityKindName(QuantityKind::kTroopStrength), "troop_strength");
  EXPECT_STREQ(FateName(Fate::kAbducted), "abducted");
  EXPECT_STREQ(VictimCategoryName(VictimCategory::kStateForces), "state_forces");
}

TEST(QuantityTest, LexiconParsesAndMatchesCompiledCopy) {
  std::ifstream in(std::string(SITREP_SOURCE_DIR) + "/data/casualty_lexicon.tsv");
  ASSERT_TRUE(in.good());
  std::stringstream tsv;
  tsv << in.rdbuf();
  int bad = -1;
  const quantity::Lexicon lex = quantity::Lexicon::Parse(tsv.str(), &bad);
  EXPECT_EQ(bad, 0);
  EXPECT_EQ(lex.size(), quantity::Lexicon::Get().size())
      << "regenerate src/quantity/casualty_lexicon_tsv.inc (see src/quantity/lexicon.cc)";
  std::ifstream inc(std::string(SITREP_SOURCE_DIR) + "/src/quantity/casualty_lexicon_tsv.inc");
  std::stringstream compiled;
  compiled << inc.rdbuf();
  EXPECT_EQ(compiled.str(), "R\"sitrep_lexicon(\n" + tsv.str() + ")sitrep_lexicon\"\n");
}

// Match/MatchEndingAt take the longest phrase of the wanted classes; lengths whose last (first)
// token ends (starts) no such phrase are skipped, which must not lose a match.
TEST(QuantityTest, LexiconLongestPhraseMatch) {
  int bad = -1;
  const quantity::Lexicon lex = quantity::Lexicon::Parse(
      "were\taux\t\n"
      "killed\tfate\tkilled/PA\n"
      "dead\tfate\tkilled/P\n"
      "were among the dead\tfate\tkilled/P\n"
      "were the only casualties\tfate\tkilled/P\n"
      "the dead\tvictim\tcivilians\n",
      &bad);
  ASSERT_EQ(bad, 0);
  struct Case {
    std::vector<std::string_view> words;
    size_t at;
    uint32_t mask;
    bool ending;  // MatchEndingAt with `at` as the last token, from token 0
    size_t len;   // 0: no match
  };
  const Case cases[] = {
      {{"were", "among", "the", "dead", "."}, 0, quantity::kFate, false, 4},
      {{"were", "among", "the", "dead"}, 0, quantity::kAux, false, 1},
      {{"were", "among", "the", "dead"}, 2, quantity::kVictim, false, 2},
      {{"were", "among", "the", "dead"}, 2, quantity::kFate, false, 0},
      {{"were", "the", "dead"}, 0, quantity::kFate, false, 0},
      {{"were", "the", "only", "casualties"}, 0, quantity::kFate, false, 4},
      {{"were", "the", "only", "casualties"}, 0, quantity::kFate | quantity::kAux, false, 4},
      {{"were", "the", "only"}, 0, quantity::kFate | quantity::kAux, false, 1},
      {{"were", "among", "the", "dead"}, 3, quantity::kFate, true, 4},
      {{"x", "among", "the", "dead"}, 3, quantity::kFate, true, 1},
      {{"x", "among", "the", "dead"}, 3, quantity::kVictim, true, 2},
      {{"were", "among", "the", "killed"}, 3, quantity::kFate, true, 1},
  };
  for (const Case& c : cases) {
    quantity::TokenTexts t;
    t.lower.assign(c.words.begin(), c.words.end());
    lex.Prepare(&t);
    size_t len = 0;
    const quantity::LexEntry* e =
        c.ending ? lex.MatchEndingAt(t, 0, c.at, c.mask, &len)
                 : lex.Match(t, c.at, t.lower.size(), c.mask, &len);
    EXPECT_EQ(e == nullptr ? 0 : len, c.len) << c.words[0] << " at " << c.at;
  }
}

TEST(QuantityTest, HostileInputs) {
  std::string many;
  for (int i = 0; i < 2000; ++i) many += "1 to 2 to ";
  Annotate(many);
  Annotate(std::string(5000, ','));
  Annotate("no no no no any any without");
  Annotate("killed killed killed 5 5 5 and and , , including including");
  Annotate("99999999999999999999999999999999 million billion thousand soldiers were killed");
}

// Prepared texts of lower-cased `text`, as AnnotateQuantities makes them.
struct Prepared {
  std::string text;
  std::vector<Token> tokens;
  quantity::TokenTexts t;
};
void Prepare(std::string_view text, Prepared* p) {
  p->text = std::string(text);
  Tokenize(p->text, &p->tokens);
  for (const Token& tk : p->tokens) {
    p->t.lower.push_back(std::string_view(p->text).substr(tk.span.begin, tk.span.size()));
  }
  quantity::Lexicon::Get().Prepare(&p->t);
  quantity::PrepareNumbers(quantity::Lexicon::Get(), p->tokens, p->text, &p->t);
}

// Every phrase of the lexicon is found from its words: the key hashes (words folded in order)
// agree with the hashes of token sequences, for phrases and their first and last words.
TEST(QuantityTest, LexiconFindsEveryPhrase) {
  std::ifstream in(std::string(SITREP_SOURCE_DIR) + "/data/casualty_lexicon.tsv");
  ASSERT_TRUE(in.good());
  const quantity::Lexicon& lex = quantity::Lexicon::Get();
  std::string line;
  int phrases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::string phrase = line.substr(0, line.find('\t'));
    // Things live outside the match tables (Lexicon::IsThing).
    if (line.find("\tthing\t") != std::string::npos) {
      EXPECT_TRUE(lex.IsThing(phrase)) << phrase;
      EXPECT_FALSE(lex.IsThing(phrase + "s")) << phrase;
      continue;
    }
    quantity::TokenTexts t;
    for (size_t b = 0; b <= phrase.size();) {
      const size_t sp = std::min(phrase.find(' ', b), phrase.size());
      t.lower.push_back(std::string_view(phrase).substr(b, sp - b));
      b = sp + 1;
    }
    lex.Prepare(&t);
    size_t len = 0;
    const uint32_t all = ~0u;
    EXPECT_NE(lex.Match(t, 0, t.lower.size(), all, &len), nullptr) << phrase;
    EXPECT_EQ(len, t.lower.size()) << phrase;
    len = 0;
    EXPECT_NE(lex.MatchEndingAt(t, 0, t.lower.size() - 1, all, &len), nullptr) << phrase;
    EXPECT_EQ(len, t.lower.size()) << phrase;
    ++phrases;
  }
  EXPECT_GT(phrases, 500);
}

// Word hashes read a word's first and last eight bytes: words of every length up to 20, and
// long words that differ only in the middle, are still told apart by the key compare.
TEST(QuantityTest, LexiconWordsOfEveryLength) {
  const std::string alphabet = "abcdefghijklmnopqrst";
  std::string tsv;
  for (size_t n = 1; n <= alphabet.size(); ++n) tsv += alphabet.substr(0, n) + "\taux\t\n";
  tsv += "aaaaaaaaxxxxbbbbbbbb\tfate\tkilled/P\n";
  tsv += "aaaaaaaaxxxxbbbbbbbb aaaaaaaayyyybbbbbbbb\tvictim\tcivilians\n";
  int bad = -1;
  const quantity::Lexicon lex = quantity::Lexicon::Parse(tsv, &bad);
  ASSERT_EQ(bad, 0);
  for (size_t n = 1; n <= alphabet.size(); ++n) {
    const std::string w = alphabet.substr(0, n);
    ASSERT_NE(lex.Word(w), nullptr) << w;
    EXPECT_EQ(lex.Word(w)->classes, quantity::kAux) << w;
    EXPECT_EQ(lex.Word(alphabet.substr(1, n)), nullptr) << w;  // same length, other bytes
    EXPECT_EQ(lex.Word(w + "!"), nullptr) << w;
  }
  EXPECT_NE(lex.Word("aaaaaaaaxxxxbbbbbbbb"), nullptr);
  EXPECT_EQ(lex.Word("aaaaaaaazzzzbbbbbbbb"), nullptr);  // the same first and last 8 bytes
  struct Case {
    std::vector<std::string_view> words;
    size_t len;  // of the victim phrase from token 0; 0: none
  };
  const Case cases[] = {
      {{"aaaaaaaaxxxxbbbbbbbb", "aaaaaaaayyyybbbbbbbb"}, 2},
      {{"aaaaaaaaxxxxbbbbbbbb", "aaaaaaaaxxxxbbbbbbbb"}, 0},
      {{"aaaaaaaaxxxxbbbbbbbb", "aaaaaaaazzzzbbbbbbbb"}, 0},
      {{"aaaaaaaayyyybbbbbbbb", "aaaaaaaaxxxxbbbbbbbb"}, 0},
  };
  for (const Case& c : cases) {
    quantity::TokenTexts t;
    t.lower.assign(c.words.begin(), c.words.end());
    lex.Prepare(&t);
    size_t len = 0;
    const quantity::LexEntry* e = lex.Match(t, 0, t.lower.size(), quantity::kVictim, &len);
    EXPECT_EQ(e == nullptr ? 0 : len, c.len) << c.words[1];
  }
}

// ScanNumber rejects most tokens from PrepareNumbers' bits; with every bit set (every token
// may start a number, every word is looked up) it reads as before them: both must agree at
// every token.
TEST(QuantityTest, NumberBitsAgreeWithFullScan) {
  const std::string_view texts[] = {
      "twenty-five soldiers and one hundred and twenty civilians were killed",
      "a two-dozen strong unit lost 2,500 men, about 10-12 on tuesday",
      "tens of thousands fled; several hundred stayed; a dozen or two were hurt",
      "half a dozen - three to five - forty-two-year-old x-ray 10/06/1971 10:30 f-16",
      "ninety-nine thirty-seven-five sixty-zero seven-dozen twelve-dozen well-known",
      "between 0930 and 1010 hrs the 3rd and 15th killed 5 or 6 of the 40 attackers",
      "at least 7, more than a dozen, nearly half a dozen, up to 30 and between two and five",
      "-five - -- twenty- -twenty 'twenty-one' (forty-four) eighty-eight.",
  };
  const quantity::Lexicon& lex = quantity::Lexicon::Get();
  for (const std::string_view text : texts) {
    Prepared p;
    Prepare(text, &p);
    quantity::TokenTexts all = p.t;
    std::fill(all.number.begin(), all.number.end(), uint8_t{0xff});
    int found = 0;
    for (size_t i = 0; i < p.tokens.size(); ++i) {
      for (size_t end : {p.tokens.size(), std::min(i + 1, p.tokens.size()),
                         std::min(i + 2, p.tokens.size())}) {
        quantity::NumberMatch fast, full;
        const bool a = quantity::ScanNumber(lex, p.t, p.tokens, i, end, &fast);
        const bool b = quantity::ScanNumber(lex, all, p.tokens, i, end, &full);
        ASSERT_EQ(a, b) << text << " at " << p.t.lower[i];
        found += a ? 1 : 0;
        size_t len = 0;
        if (b || p.t.lower[i] == "between" ||
            lex.Match(all, i, end, quantity::kQualifierWord, &len) != nullptr) {
          EXPECT_NE(p.t.number[i] & quantity::kQuantityStart, 0) << text << " at " << i;
        }
        EXPECT_EQ(fast.end, full.end);
        EXPECT_EQ(fast.value, full.value);
        EXPECT_EQ(fast.high, full.high);
        EXPECT_EQ(fast.vague, full.vague);
        EXPECT_EQ(fast.digits, full.digits);
        EXPECT_EQ(fast.has_slash, full.has_slash);
        EXPECT_EQ(fast.has_colon, full.has_colon);
        EXPECT_EQ(fast.plain_int, full.plain_int);
      }
    }
    EXPECT_GT(found, 0) << text;
    // The bits are facts of each token alone: the same for tokens out of text order.
    quantity::TokenTexts rev;
    std::vector<Token> rev_tokens(p.tokens.rbegin(), p.tokens.rend());
    rev.lower.assign(p.t.lower.rbegin(), p.t.lower.rend());
    lex.Prepare(&rev);
    quantity::PrepareNumbers(lex, rev_tokens, p.text, &rev);
    for (size_t i = 0; i < rev.lower.size(); ++i) {
      EXPECT_EQ(rev.number[i], p.t.number[p.tokens.size() - 1 - i]) << text << " at " << i;
    }
  }
}

}  // namespace
}  // namespace sitrep
