// Event confidence (events stage): the leading event of a document scores by its own evidence,
// a side incident or an event without a country scores low. Invented sentences; needs the
// compiled gazetteer blob (SITREP_GAZETTEER_BLOB, or $SITREP_GAZETTEER) so events have places.
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "sitrep/event.h"
#include "sitrep/gazetteer.h"
#include "sitrep/pipeline.h"
#include "test_gazetteer.h"

namespace sitrep {
namespace {

Document Extract(const char* text, bool with_gazetteer) {
  Document doc;
  doc.id = "t";
  doc.published = "2024-09-14";
  doc.text = text;
  PipelineOptions options;
  if (with_gazetteer) options.gazetteer = Gaz();
  EXPECT_TRUE(MakeDefaultPipeline(options).Run(doc).ok());
  return doc;
}

TEST(Confidence, LeadingEventOverSideIncident) {
  ASSERT_NE(Gaz(), nullptr) << "gazetteer blob missing";
  const Document doc = Extract(
      "Gunmen killed five villagers in an attack in Kaduna, Nigeria, on Monday. "
      "In a separate incident, police arrested two protesters in Abuja on Tuesday.",
      true);
  ASSERT_EQ(doc.events.size(), 2u);
  const bool first_leads = doc.events[0].fatalities == 5;
  const Event& attack = doc.events[first_leads ? 0 : 1];
  const Event& arrest = doc.events[first_leads ? 1 : 0];
  EXPECT_EQ(attack.country, "Nigeria");
  EXPECT_GT(attack.confidence, 0.5);
  EXPECT_LT(arrest.confidence, 0.1);
}

TEST(Confidence, NoCountryScoresLow) {
  ASSERT_NE(Gaz(), nullptr) << "gazetteer blob missing";
  const char* text = "A suicide bomber killed 12 people at a market in Mogadishu on Monday.";
  const Document placed = Extract(text, true);
  const Document unplaced = Extract(text, false);
  ASSERT_EQ(placed.events.size(), 1u);
  ASSERT_EQ(unplaced.events.size(), 1u);
  EXPECT_EQ(placed.events[0].country, "Somalia");
  EXPECT_GT(placed.events[0].confidence, 0.8);
  EXPECT_LT(unplaced.events[0].confidence, 0.1);
}

}  // namespace
}  // namespace sitrep
