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
