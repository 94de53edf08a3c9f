// Evidence rows: SharedString (a counted, shared text) and FieldName (interned field names)
// behave as the strings they hold, and the events stage shares one text per span and one id per
// document among an event's rows. Invented sentences.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/event.h"
#include "sitrep/pipeline.h"

namespace sitrep {
namespace {

TEST(SharedString, HoldsAndComparesAsItsText) {
  struct Case {
    const char* a;
    const char* b;
  };
  const Case cases[] = {
      {"", ""},       {"", "a"},     {"five killed", "five killed"},       {"Aleppo", "Aleppo "},
      {"abc", "abd"}, {"a\0b", "a"}, {"longer than fifteen bytes", "long"}};
  for (const Case& c : cases) {
    const std::string_view a(c.a), b(c.b);
    const SharedString sa(a), sb(std::string{b});
    EXPECT_EQ(sa.view(), a);
    EXPECT_EQ(sa.size(), a.size());
    EXPECT_EQ(sa.empty(), a.empty());
    EXPECT_EQ(sa == sb, a == b) << c.a << " / " << c.b;
    EXPECT_EQ(sa < sb, a < b) << c.a << " / " << c.b;
    EXPECT_EQ(sb < sa, b < a) << c.a << " / " << c.b;
    EXPECT_EQ(sa == b, a == b);
    EXPECT_EQ(sa == std::string(b), a == b);
    EXPECT_EQ(sa != c.b, a != std::string_view(c.b));
  }
}

TEST(SharedString, CopiesShareMovesTransfer) {
  SharedString a("twelve people were killed");
  SharedString b = a;
  EXPECT_EQ(b.view().data(), a.view().data());  // one text, not a copy
  SharedString c = std::move(b);
  EXPECT_EQ(c.view().data(), a.view().data());
  EXPECT_TRUE(b.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty
  c = c;                   // self-assignment keeps the text
  EXPECT_EQ(c, "twelve people were killed");
  c = std::move(c);
  EXPECT_EQ(c, "twelve people were killed");
  a = SharedString("other");
  EXPECT_EQ(a, "other");
  EXPECT_EQ(c, "twelve people were killed");  // still alive through c
  c = a;
  EXPECT_EQ(c.view().data(), a.view().data());
  std::ostringstream out;
  out << c << '|' << SharedString();
  EXPECT_EQ(out.str(), "other|");
}

TEST(FieldName, InternedByName) {
  const char* names[] = {"fatalities",    "event_type", "sub_event_type",       "deaths_civilians",
                         "named_persons", "",           "not_a_contract_field", "x"};
  for (const char* name : names) {
    const FieldName a(name), b{std::string(name)};
    EXPECT_EQ(a.view(), name);
    EXPECT_EQ(a, b);
    EXPECT_EQ(a.view().data(), b.view().data()) << name;  // the same interned name
    EXPECT_EQ(a, name);
    EXPECT_EQ(a.empty(), *name == '\0');
  }
  EXPECT_EQ(FieldName(), FieldName(""));
  EXPECT_NE(FieldName("fatalities"), FieldName("injured"));
  EXPECT_LT(FieldName("deaths_best"), FieldName("fatalities"));  // ordered by name
  EXPECT_LT(FieldName("zz_other"), "zzz");
  std::ostringstream out;
  out << FieldName("injured");
  EXPECT_EQ(out.str(), "injured");
}

// Every contract name is found among the built-in names of its length, and names that share a
// length and their end bytes with one ("actor3", "side_c", "deaths_lowe") are not taken for it:
// each name is equal to itself and to no other, as a by-content comparison says.
TEST(FieldName, LookupByLengthMatchesComparingNames) {
  const std::vector<std::string> names = {
      "",           "event_id",      "doc_ids",        "event_type",       "sub_event_type",
      "date_start", "date_end",      "event_date",     "time_precision",   "date_prec",
      "actor1",     "actor2",        "assoc_actor_1",  "assoc_actor_2",    "inter1",
      "inter2",     "interaction",   "side_a",         "side_b",           "country",
      "iso3",       "admin1",        "admin2",         "location",         "latitude",
      "longitude",  "geonameid",     "geo_precision",  "where_prec",       "fatalities",
      "deaths_best", "deaths_low",   "deaths_high",    "deaths_side_a",    "deaths_side_b",
      "deaths_civilians", "deaths_unknown", "injured", "named_persons",    "historical",
      "confidence", "notes",         "evidence",
      // Not contract names: a length, a first and a last byte that contract names have.
      "actor3",     "side_c",        "admin3",         "inter3",           "deaths_lowe",
      "aaaaaa1",    "notfs",         "e",              "deaths_civilianz", "a_very_long_field_name"};
  for (const std::string& a : names) {
    const FieldName fa(a);
    EXPECT_EQ(fa.view(), a);
    for (const std::string& b : names) {
      EXPECT_EQ(fa == FieldName(b), a == b) << a << " / " << b;
    }
  }
}

TEST(Evidence, IsCompact) {
  // Merging across documents holds every report's rows until the end (issue 7).
  EXPECT_LE(sizeof(Evidence), 32u);
}

// Rows of one span share one text, rows of one event one doc_id, and every row's text is still
// its span of the document.
TEST(Evidence, RowsOfOneSpanShareTheirText) {
  const char* texts[] = {
      "Gunmen killed five villagers in an attack on Monday, police said.",
      "A roadside bomb killed three soldiers and wounded seven on Tuesday. Two more soldiers died "
      "later in hospital.",
  };
  const Pipeline pipeline = MakeDefaultPipeline({});
  for (const char* text : texts) {
    Document doc;
    doc.id = "evidence-sharing-document";  // longer than a short string's inline room
    doc.published = "2024-09-14";
    doc.text = text;
    ASSERT_TRUE(pipeline.Run(doc).ok());
    ASSERT_FALSE(doc.events.empty()) << text;
    for (const Event& e : doc.events) {
      ASSERT_FALSE(e.evidence.empty()) << text;
      bool shared_span = false;
      for (const Evidence& a : e.evidence) {
        EXPECT_EQ(a.doc_id, doc.id);
        EXPECT_EQ(a.doc_id.view().data(), e.evidence.front().doc_id.view().data());
        EXPECT_EQ(a.text, doc.text.substr(a.start, a.end - a.start)) << a.field;
        for (const Evidence& b : e.evidence) {
          if (&a == &b || a.start != b.start || a.end != b.end) continue;
          EXPECT_EQ(a.text.view().data(), b.text.view().data()) << a.field << " " << b.field;
          shared_span = true;
        }
      }
      EXPECT_TRUE(shared_span) << text;  // event_type and sub_event_type at least
    }
  }
}

}  // namespace
}  // namespace sitrep
