// Named persons of an event (events stage): people with a fate or a role, never the
// organisations that report, monitor or help. Table-driven through the real pipeline.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sitrep/event.h"
#include "sitrep/pipeline.h"

namespace sitrep {
namespace {

struct PersonCase {
  const char* text;
  std::vector<std::string> names;  // "name|fate", over all events, in order
};

const PersonCase kCases[] = {
    // Sources and aid organisations are not people, even next to a fate word.
    {"A rocket attack killed a child on Monday, the Syrian Observatory for Human Rights said.", {}},
    {"The Red Cross said three people were killed in the shelling on Monday.", {}},
    {"Doctors Without Borders said an air strike killed 12 people at the hospital on Monday.", {}},
    {"Amnesty International said police killed two protesters on Monday.", {}},
    // People keep their fate.
    {"Abu Ali al-Tunisi, a senior ISIS commander, was killed in the raid on Monday.",
     {"Abu Ali al-Tunisi|killed"}},
    {"Gunmen kidnapped John Okafor, a local journalist, in Kaduna on Monday.",
     {"John Okafor|abducted"}},
    // Places the gazetteer lacks are no people: after a locative preposition, with a word for
    // a street or a premises, or found by the places stage ("Kenyatta Avenue").
    {"Gunmen killed four farmers in Kone Thar on Monday.", {}},
    {"A bomb killed two men near Tel Rumeida on Monday.", {}},
    {"A grenade blast killed a guard at the Ocean Pearl Hotel on Monday.", {}},
    {"Police shot dead a protester near Kenyatta Avenue on Tuesday.", {}},
    {"Militants attacked Bhikhu Chowk market on Monday, killing three.", {}},
    {"Twelve civilians were killed by shells in the Abu Shouk camp on Sunday.", {}},
    {"Gunmen killed 11 villagers in an attack on Kurmin Masara on Tuesday.", {}},
    // A person after other prepositions keeps being one.
    {"Soldiers arrested Ahmed Musa Ali on Monday.", {"Ahmed Musa Ali|arrested"}},
    {"Gunmen opened fire on John Okafor on Monday, killing him.", {"John Okafor|killed"}},
};

class NamedPersonsTest : public ::testing::TestWithParam<PersonCase> {};

TEST_P(NamedPersonsTest, FindsPeopleNotOrganisations) {
  const PersonCase& c = GetParam();
  Document doc;
  doc.id = "t";
  doc.published = "2024-09-14";
  doc.text = c.text;
  ASSERT_TRUE(MakeDefaultPipeline().Run(doc).ok());
  std::vector<std::string> got;
  for (const Event& e : doc.events) {
    for (const NamedPerson& p : e.named_persons) got.push_back(p.name + "|" + p.fate);
  }
  EXPECT_EQ(got, c.names) << c.text;
}

INSTANTIATE_TEST_SUITE_P(Table, NamedPersonsTest, ::testing::ValuesIn(kCases));

}  // namespace
}  // namespace sitrep
