// Evidence rows (their strings in a counted, shared block) and FieldName (interned field names)
// behave as the strings they hold, and the events stage shares one block per document among
// its events' rows, one text per span. Invented sentences.
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

TEST(Evidence, HoldsItsStrings) {
  const std::string_view cases[] = {"", "a", "five killed", "a\0b", "longer than fifteen bytes"};
  for (std::string_view id : cases) {
    for (std::string_view text : cases) {
      const Evidence row("location", id, 3, 9, text);
      EXPECT_EQ(row.field, "location");
      EXPECT_EQ(row.start, 3u);
      EXPECT_EQ(row.end, 9u);
      EXPECT_EQ(row.doc_id(), id);
      EXPECT_EQ(row.text(), text);
      EXPECT_EQ(row.has_strings(), !id.empty() || !text.empty());
    }
  }
  const Evidence without("fatalities", 4, 8);  // strings to come
  EXPECT_FALSE(without.has_strings());
  EXPECT_EQ(without.doc_id(), "");
  EXPECT_EQ(without.text(), "");
  EXPECT_EQ(without.start, 4u);
}

TEST(Evidence, CopiesShareMovesTransfer) {
  Evidence a("fatalities", "doc-1", 0, 25, "twelve people were killed");
  Evidence b = a;
  EXPECT_EQ(b.text().data(), a.text().data());  // one block, not a copy
  EXPECT_EQ(b.doc_id().data(), a.doc_id().data());
  Evidence c = std::move(b);
  EXPECT_EQ(c.text().data(), a.text().data());
  EXPECT_FALSE(b.has_strings());  // NOLINT(bugprone-use-after-move): moved-from has none
  EXPECT_EQ(b.text(), "");        // NOLINT(bugprone-use-after-move)
  Evidence& same = c;
  c = same;  // self-assignment keeps the strings
  EXPECT_EQ(c.text(), "twelve people were killed");
  c = std::move(same);
  EXPECT_EQ(c.text(), "twelve people were killed");
  a = Evidence("location", "doc-2", 30, 36, "Aleppo");
  EXPECT_EQ(a.text(), "Aleppo");
  EXPECT_EQ(a.field, "location");
  EXPECT_EQ(a.start, 30u);
  EXPECT_EQ(c.text(), "twelve people were killed");  // still alive through c
  EXPECT_EQ(c.doc_id(), "doc-1");
  EXPECT_EQ(c.end, 25u);
  c = a;
  EXPECT_EQ(c.text().data(), a.text().data());
  EXPECT_EQ(c.field, "location");
  std::vector<Evidence> rows(40, a);  // grows and moves: every copy stays the same
  rows.insert(rows.begin(), Evidence("notes", "doc-3", 1, 2, "x"));
  for (size_t i = 1; i < rows.size(); ++i) EXPECT_EQ(rows[i].text().data(), a.text().data());
  a = Evidence();
  rows.erase(rows.begin() + 1, rows.end());
  EXPECT_EQ(c.text(), "Aleppo");
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

// Rows of one span share one text, rows of one document one block (so one doc_id), and every
// row's text is still its span of the document.
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
      EXPECT_EQ(e.evidence.capacity(), e.evidence.size());  // no room kept for more rows
      bool shared_span = false;
      for (const Evidence& a : e.evidence) {
        EXPECT_EQ(a.doc_id(), doc.id);
        EXPECT_EQ(a.doc_id().data(), doc.events.front().evidence.front().doc_id().data());
        EXPECT_EQ(a.text(), doc.text.substr(a.start, a.end - a.start)) << a.field;
        for (const Evidence& b : e.evidence) {
          if (&a == &b || a.start != b.start || a.end != b.end) continue;
          EXPECT_EQ(a.text().data(), b.text().data()) << a.field << " " << b.field;
          shared_span = true;
        }
      }
      EXPECT_TRUE(shared_span) << text;  // event_type and sub_event_type at least
    }
  }
}

}  // namespace
}  // namespace sitrep
