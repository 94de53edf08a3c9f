// The events stage's fast paths against the plain computations they replace: case-insensitive
// word and phrase tests without building lower-case strings, the one-pass link-list scan, the
// per-document sentence-location memo and LocateEvent's document cache (its admin1 spellings
// included, and its per-thread memo of folded names), casualty facts made once per document,
// evidence rows sharing their strings, event ids without printf, years without formatting;
// and those of the stages before it: per-thread token keys and lower-cased text reused from
// document to document, notes written without temporary strings.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "actor/phrase_trie.h"
#include "event/dates.h"
#include "event/event_internal.h"
#include "geo/event_location.h"
#include "sitrep/events.h"
#include "sitrep/json_writer.h"
#include "sitrep/pipeline.h"
#include "sitrep/places.h"
#include "sitrep/triggers.h"
#include "test_gazetteer.h"
#include "trigger/historical.h"
#include "util/stable_sort_small.h"

namespace sitrep {
namespace {

const char* const kTexts[] = {
    "",
    "a",
    "Gunmen killed a shopkeeper in the market on Monday.",
    "ACROSS THE COUNTRY, Fatalities SPLIT between 2 events. Also Read: more",
    "The toll was spread across both attacks; divided among the three villages.",
    "\xC3\x89lite troops \xE2\x80\x99s across\xC2\xA0the border; split-second",
    "You may also like these stories:\nRebels Kill 15 Soldiers\nA New Law.\nRead More: x",
    "Further Reading: Related Stories Related Articles Related News: Recommended Stories "
    "More Stories: you may also likeyou may also like",
    "related storie",
    "YOU MAY ALSO LIKE",
    "Read more about it: more stories like these, related news and also read",
    "At 10:30 we read more stories like this; Related news follows.",
    "Related News:\nTwo Killed In Raid\nMore Stories:\nA Protest In The Capital",
};

const char* const kNeedles[] = {"split", "spread", "divided", " across ", "you may also like",
                                "read more:", "a", " ", "s:", "like"};

// A document published on 2024-09-14 run through the default pipeline (with the gazetteer when
// one is given), as the events stage receives it.
Document Processed(std::string text, std::shared_ptr<const Gazetteer> gaz = nullptr) {
  Document doc;
  doc.id = "t";
  doc.published = "2024-09-14";
  doc.text = std::move(text);
  PipelineOptions options;
  options.gazetteer = std::move(gaz);
  const Status status = MakeDefaultPipeline(options).Run(doc);
  EXPECT_TRUE(status.ok()) << status.message();
  return doc;
}

// Paragraphs joined one per line: `count` of them, the k-th being paragraphs[(k * step) % n].
template <size_t N>
std::string Paragraphs(const char* const (&paragraphs)[N], int count, int step) {
  std::string text;
  for (int k = 0; k < count; ++k) {
    text += paragraphs[(k * step) % N];
    text += '\n';
  }
  return text;
}

TEST(EventFastPath, LowerTestsMatchLower) {
  for (const char* text : kTexts) {
    const std::string lower = event::Lower(text);
    for (const char* needle : kNeedles) {
      EXPECT_EQ(event::ContainsLowerAscii(text, needle), lower.find(needle) != std::string::npos)
          << text << " / " << needle;
      EXPECT_EQ(event::StartsWithLower(text, needle), lower.starts_with(needle))
          << text << " / " << needle;
      EXPECT_EQ(event::EqualsLower(text, needle), lower == needle) << text << " / " << needle;
    }
    for (int b = 0; b < 256; ++b) {
      const char c = static_cast<char>(b);
      EXPECT_EQ(std::string(1, event::LowerByte(c)), event::Lower(std::string(1, c))) << b;
    }
  }
  // AssignLower into one buffer reused for texts longer and shorter than the last.
  std::string buffer;
  for (const char* text : kTexts) {
    for (const std::string& t :
         {std::string(text), std::string(text).substr(0, 7), std::string()}) {
      event::AssignLower(t, &buffer);
      EXPECT_EQ(buffer, event::Lower(t)) << t;
    }
  }
}

// RarestByte against ranking the needle's bytes by English letter frequency (spaces commonest,
// other bytes next, then letters from "e" to "z", either case), the first of equally rare ones;
// and ContainsInLower, which searches from it, against find on the lower-cased text.
TEST(EventFastPath, RarestByteMatchesFrequencyRank) {
  auto rank = [](char c) -> int {
    if (c == ' ') return 0;
    const size_t at = std::string_view("etaoinshrdlcumwfgypbvkjxqz").find(event::LowerByte(c));
    return at == std::string_view::npos ? 1 : 2 + static_cast<int>(at);
  };
  const char* const words[] = {
      "",        "a",   "split",  " across ",          "zz",  "Quiz", "QQ q",
      "you may", "-:-", "killed", "\xC3\xA9t\xC3\xA9", "jazz"};
  for (const char* word : words) {
    const std::string_view w = word;
    size_t expected = 0;
    for (size_t i = 1; i < w.size(); ++i) {
      if (rank(w[i]) > rank(w[expected])) expected = i;
    }
    EXPECT_EQ(event::RarestByte(w), expected) << word;
  }
  for (const char* text : kTexts) {
    const std::string lower = event::Lower(text);
    for (const char* needle : kNeedles) {
      EXPECT_EQ(event::ContainsInLower(lower, needle), lower.find(needle) != std::string::npos)
          << text << " / " << needle;
    }
  }
}

// ContainsInLower against find on `rounds` random texts of a small alphabet (many partial hits):
// text sizes from `min_text` below `min_text + text_spread`, needle sizes likewise.
void ExpectRandomTextsMatchFind(uint32_t seed, int rounds, size_t min_text, size_t text_spread,
                                size_t min_needle, size_t needle_spread) {
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return seed >> 16;
  };
  const std::string_view alphabet = "ab c";
  for (int round = 0; round < rounds; ++round) {
    std::string text, needle;
    const size_t text_size = min_text + next() % text_spread;
    const size_t needle_size = min_needle + next() % needle_spread;
    for (size_t i = 0; i < text_size; ++i) text += alphabet[next() % alphabet.size()];
    for (size_t i = 0; i < needle_size; ++i) needle += alphabet[next() % alphabet.size()];
    EXPECT_EQ(event::ContainsInLower(text, needle), text.find(needle) != std::string::npos)
        << "\"" << text << "\" / \"" << needle << "\"";
  }
}

// ContainsInLower, which searches from the needle's rarest byte, against find: texts of many
// lengths, needles from one byte to longer than the text, hits at the start, in the middle and
// at the end.
TEST(EventFastPath, ContainsInLowerMatchesFind) {
  ExpectRandomTextsMatchFind(12345, 3000, 0, 70, 1, 6);
  const std::string block(40, 'x');
  for (size_t at : {size_t{0}, size_t{1}, size_t{14}, size_t{15}, size_t{16}, size_t{17},
                    size_t{30}, size_t{35}}) {
    std::string text = block;
    text.replace(at, 5, "split");
    EXPECT_TRUE(event::ContainsInLower(text, "split")) << at;
    EXPECT_FALSE(event::ContainsInLower(text, "splat")) << at;
  }
}

// ContainsInLower on texts long enough for its widest blocks (thirty-two starts, four blocks at
// a time where AVX2 is): random texts of up to 400 bytes, and one hit moved across the block
// edges and the overlapping last block.
TEST(EventFastPath, ContainsInLowerMatchesFindOnLongTexts) {
  ExpectRandomTextsMatchFind(777, 2000, 30, 370, 2, 9);
  for (size_t size : {size_t{36}, size_t{131}, size_t{200}, size_t{300}}) {
    const std::string block(size, 'x');
    for (size_t at = 0; at + 5 <= size; ++at) {
      std::string text = block;
      text.replace(at, 5, "split");
      EXPECT_TRUE(event::ContainsInLower(text, "split")) << size << " " << at;
      EXPECT_FALSE(event::ContainsInLower(text, "splat")) << size << " " << at;
      EXPECT_FALSE(event::ContainsInLower(text, "sxxxt")) << size << " " << at;
    }
  }
}

// The per-thread lists the events stage reuses from document to document, and the place
// facts LocateEvent keeps per thread (usable mentions, verdicts, admin1 spellings, sentence
// places, mission areas): assembling another document in between changes nothing, the events
// (their locations included) being those a fresh thread assembles.
TEST(EventFastPath, EventsIndependentOfPreviousDocument) {
  auto gaz = Gaz();
  ASSERT_NE(gaz, nullptr);
  const char* const texts[] = {
      "Gunmen attacked a checkpoint near Falluja in Anbar province on Monday, killing two "
      "officers. In a separate attack, a roadside bomb hit a patrol in Kirkuk.",
      "Protesters marched in Nairobi on Sunday; police fired tear gas and arrested 30 people.",
      "Militants ambushed an army convoy in Borno state, killing nine soldiers, the army said. "
      "Commander Musa Ali, a senior officer, was among the dead.",
      "A drone strike hit a house in the village of Kadaji. Fighting continued elsewhere.",
      "On 3 May, militants attacked the village of Kpindima in Kenema district, killing 3. "
      "Fatalities coded as 3.",
      "Militants attacked a convoy on Monday, killing two guards.\nThe army said it killed five "
      "of them in Kandahar province.\nA second convoy was bombed later. Kandahar police said so.",
      "The OSCE SMM recorded shelling near Mineralne that killed a man. Clashes in Kafr Nobol "
      "(Idleb) left four fighters dead.",
  };
  std::vector<Document> docs;
  for (const char* text : texts) docs.push_back(Processed(text, gaz));
  std::vector<std::string> alone;
  int located = 0;  // events placed at a gazetteer entry
  for (const Document& doc : docs) {
    std::string json;
    std::thread fresh([&] {
      for (const Event& e : AssembleEvents(doc, gaz.get())) {
        AppendEventJson(e, &json);
        located += e.geonameid.has_value();
      }
    });
    fresh.join();
    alone.push_back(json);
  }
  EXPECT_GE(located, 5);
  for (size_t first = 0; first < docs.size(); ++first) {
    (void)AssembleEvents(docs[first], gaz.get());  // fills the thread's lists with another one
    for (size_t k = 0; k < docs.size(); ++k) {
      std::string json;
      for (const Event& e : AssembleEvents(docs[k], gaz.get())) AppendEventJson(e, &json);
      EXPECT_EQ(json, alone[k]) << texts[k];
    }
  }
  EXPECT_FALSE(alone[0].empty());
}

// LinkLists as first written: a find per cue over the lower-cased text.
std::vector<Span> ReferenceLinkLists(const Document& doc) {
  static constexpr std::string_view kCues[] = {
      "you may also like", "further reading:", "related stories", "related articles",
      "related news:", "read more:", "also read:", "recommended stories", "more stories:"};
  std::vector<Span> out;
  const std::string lower = event::Lower(doc.text);
  for (std::string_view cue : kCues) {
    for (size_t at = lower.find(cue); at != std::string::npos; at = lower.find(cue, at + 1)) {
      uint32_t end = static_cast<uint32_t>(doc.text.size());
      size_t k = 0;
      while (k < doc.paragraphs.size() &&
             !(doc.paragraphs[k].begin <= at && at < doc.paragraphs[k].end)) {
        ++k;
      }
      if (k < doc.paragraphs.size()) {
        end = doc.paragraphs[k].end;
        for (++k; k < doc.paragraphs.size(); ++k) {
          const std::string_view para = doc.Slice(doc.paragraphs[k]);
          if (para.size() > 160 || para.empty() || para.back() == '.') break;
          end = doc.paragraphs[k].end;
        }
      }
      out.push_back({static_cast<uint32_t>(at), end});
    }
  }
  return out;
}

TEST(EventFastPath, LinkListsMatchReference) {
  int with_lists = 0;
  for (const char* text : kTexts) {
    const Document doc = Processed(text);
    const std::vector<Span> fast = event::LinkLists(doc);
    EXPECT_EQ(fast, ReferenceLinkLists(doc)) << text;
    with_lists += !fast.empty();
  }
  EXPECT_GE(with_lists, 3);
}

// Every cue at every offset across the block edges of the one-pass word search (16 and 32
// starts a block, then byte by byte at the end), among words that share its first bytes
// ("already", "relative", "storm", "likely"), and two cues overlapping in one text.
TEST(EventFastPath, LinkListsMatchReferenceAtEveryOffset) {
  const char* const kCueTexts[] = {
      "You may also like", "Further reading:",
      "Related stories",   "RELATED ARTICLES",
      "Related news:",     "Read more:",
      "Also read:",        "Recommended stories",
      "More stories:",     "related stories: more stories: read more:"};
  size_t lists = 0;
  for (const char* cue : kCueTexts) {
    for (size_t shift = 0; shift < 80; ++shift) {
      for (const char* tail : {"", " already storm\nA headline\nAnother one.", "x"}) {
        Document doc;
        doc.text = "likely relative " + std::string(shift, 'r') + " " + cue + tail;
        for (size_t begin = 0; begin <= doc.text.size();) {
          size_t end = doc.text.find('\n', begin);
          if (end == std::string::npos) end = doc.text.size();
          doc.paragraphs.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
          begin = end + 1;
        }
        const std::vector<Span> fast = event::LinkLists(doc);
        EXPECT_EQ(fast, ReferenceLinkLists(doc)) << doc.text;
        lists += fast.size();
      }
    }
  }
  EXPECT_GE(lists, 9u * 80 * 3);
}

TEST(EventFastPath, EventIdMatchesPrintf) {
  for (const char* key : {"", "Armed clash|2024-08-01|IRQ|Al Anbar|38", "x", "Attack||||0"}) {
    for (const char* doc_id : {"", "doc-1", "gtd-201701010001"}) {
      uint64_t h = 1469598103934665603ULL;
      for (std::string_view s : {std::string_view(doc_id), std::string_view("\x1f", 1),
                                 std::string_view(key)}) {
        for (unsigned char c : s) {
          h ^= c;
          h *= 1099511628211ULL;
        }
      }
      char buf[24];
      std::snprintf(buf, sizeof buf, "ev-%016llx", static_cast<unsigned long long>(h));
      EXPECT_EQ(MakeEventId(doc_id, key), buf);
    }
  }
}

TEST(EventFastPath, YearMatchesFormattedDay) {
  for (const char* date : {"0001-01-01", "0999-12-31", "1970-01-01", "2000-02-29", "2024-09-14",
                           "9999-12-31"}) {
    const auto r = event::ParseDateValue(date);
    ASSERT_TRUE(r) << date;
    EXPECT_EQ(event::YearOfDayNumber(r->first),
              std::stoi(event::FormatDayNumber(r->first).substr(0, 4)))
        << date;
  }
}

TEST(EventFastPath, SentenceLocationsMatchLocateEvent) {
  auto gaz = Gaz();
  ASSERT_NE(gaz, nullptr);
  const Document doc = Processed(
      "Gunmen attacked a checkpoint near Falluja in Anbar province on Monday. Police said two "
      "officers were killed.\nIn a separate attack, a roadside bomb hit a patrol in Kirkuk.",
      gaz);
  event::SentenceLocations locations(doc, gaz.get());
  for (uint32_t s = 0; s < doc.sentences.size() + 1; ++s) {
    for (int twice = 0; twice < 2; ++twice) {
      const EventLocation& memo = locations.At(s);
      const EventLocation plain = LocateEvent(doc, s, *gaz);
      EXPECT_EQ(memo.country, plain.country) << s;
      EXPECT_EQ(memo.admin1, plain.admin1) << s;
      EXPECT_EQ(memo.location, plain.location) << s;
      EXPECT_EQ(memo.geonameid, plain.geonameid) << s;
      EXPECT_EQ(memo.where_prec, plain.where_prec) << s;
      EXPECT_EQ(memo.evidence, plain.evidence) << s;
    }
  }
  EXPECT_TRUE(locations.At(0).found());
}

// The document-wide prechecks of LocateEvent against lower-casing the text and searching it.
TEST(EventFastPath, ContainsLowerAsciiMatchesLowerFind) {
  const char* const texts[] = {"",
                               "c",
                               "coded",
                               "(CODED as Foube at geoprecision 2)",
                               "Fatalities Coded as 3; encoded. Codec",
                               "The VILLAGE of Kpindima, a Hamlet near Township 5",
                               "codedcoded vilage villag barangay BARANGAY Malasibog",
                               "\xC3\x89lite c\xC3\xB3" "ded"};
  const char* const needles[] = {"coded", "village", "hamlet", "township", "barangay", "d", " of "};
  for (const char* text : texts) {
    std::string lower = text;
    for (char& c : lower) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    for (const char* needle : needles) {
      EXPECT_EQ(ContainsLowerAscii(text, needle), lower.find(needle) != std::string::npos)
          << text << " / " << needle;
    }
  }
}

void ExpectSameLocation(const EventLocation& a, const EventLocation& b, const std::string& where) {
  EXPECT_EQ(a.country, b.country) << where;
  EXPECT_EQ(a.iso3, b.iso3) << where;
  EXPECT_EQ(a.admin1, b.admin1) << where;
  EXPECT_EQ(a.admin2, b.admin2) << where;
  EXPECT_EQ(a.location, b.location) << where;
  EXPECT_EQ(a.lat, b.lat) << where;
  EXPECT_EQ(a.lon, b.lon) << where;
  EXPECT_EQ(a.has_coordinates, b.has_coordinates) << where;
  EXPECT_EQ(a.geonameid, b.geonameid) << where;
  EXPECT_EQ(a.geo_precision, b.geo_precision) << where;
  EXPECT_EQ(a.where_prec, b.where_prec) << where;
  EXPECT_EQ(a.evidence, b.evidence) << where;
}

// One LocateCache per document (usable mentions, their verdicts, admin1 spellings, mission
// areas and the word prechecks kept from sentence to sentence), with sentences asked forwards,
// backwards and between other documents (the per-thread division keys and the provincial-capital
// table then serve several documents), against a fresh cache for every call.
TEST(EventFastPath, LocateCacheMatchesFreshPerSentence) {
  auto gaz = Gaz();
  ASSERT_NE(gaz, nullptr);
  const char* const texts[] = {
      "Gunmen attacked a checkpoint near Falluja in Anbar province on Monday. Police said two "
      "officers were killed.\nIn a separate attack, a roadside bomb hit a patrol in Kirkuk.",
      "On 3 May, militants attacked the village of Kpindima in Kenema district. Fatalities "
      "coded as 3. The attack took place between Foube and Barsalogho (coded as Foube at "
      "geoprecision 2).",
      "Clashes in Kafr Nobol (Idleb) left four fighters dead. Shelling hit al-Hasakeh and the "
      "countryside of Deir-ez-Zor; a man was killed in Mulqeey village (Jowhar, Middle "
      "Shabelle).",
      "The OSCE SMM recorded explosions near Mineralne. Protesters marched in Nairobi.",
      "Troops killed 12 militants in Maiduguri, Borno state. Separately, the army said gunmen "
      "abducted 30 students in Kaduna.",
      // Sentences placed only by the document as a whole (its dominant place, its actors'
      // country), some of them in paragraphs without a place.
      "Militants attacked a convoy on Monday.\nThe army said it killed five of them in Kandahar "
      "province. No one else was hurt.\nA second convoy was hit later. Kandahar police said so.",
      "Houthi forces shelled a village. Two people died.\nThe Saudi-led coalition said it struck "
      "back.",
  };
  std::vector<Document> docs;
  for (const char* text : texts) {
    Document& doc = docs.emplace_back();
    doc.id = "t";
    doc.published = "2024-09-14";
    doc.text = text;
    PipelineOptions options;
    options.gazetteer = gaz;
    ASSERT_TRUE(MakeDefaultPipeline(options).Run(doc).ok());
  }
  int found = 0;
  for (size_t d = 0; d < docs.size(); ++d) {
    const Document& doc = docs[d];
    const size_t n = doc.sentences.size() + 1;  // one past the end too
    std::vector<EventLocation> plain;
    for (size_t s = 0; s < n; ++s) plain.push_back(LocateEvent(doc, s, *gaz));
    for (int order = 0; order < 2; ++order) {
      LocateCache cache;
      for (size_t k = 0; k < n; ++k) {
        const size_t s = order == 0 ? k : n - 1 - k;
        // Another document located in between, with its own cache.
        (void)LocateEvent(docs[(d + 1) % docs.size()], 0, *gaz);
        const EventLocation loc = LocateEvent(doc, s, *gaz, cache);
        ExpectSameLocation(loc, plain[s], doc.text + " / sentence " + std::to_string(s));
        found += loc.found();
        // Kept in the cache (LocatedEvent): asked again, the same answer, from the same slot for
        // a sentence of the document (one past the end is made again).
        const EventLocation& kept = LocatedEvent(doc, s, *gaz, cache);
        ExpectSameLocation(kept, plain[s], doc.text + " / kept sentence " + std::to_string(s));
        if (s < doc.sentences.size()) {
          EXPECT_EQ(&kept, &LocatedEvent(doc, s, *gaz, cache));
        }
      }
    }
  }
  EXPECT_GE(found, 10);
}

// Admin1AsWritten as first written: every division asked folds the document's names and, when
// none names it, its capitalized words again, each looked up in the gazetteer.
std::string ReferenceAdmin1AsWritten(const Document& doc, GeoId admin1, const Gazetteer& gaz) {
  if (admin1 == kNoGeoId || admin1 >= gaz.size()) return {};
  const GeoEntry division = gaz.Entry(admin1);
  auto in_capitals = [](std::string_view t) {
    return std::none_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  auto token_at = [&](uint32_t pos) {
    size_t t = 0;
    while (t < doc.tokens.size() && doc.tokens[t].span.begin < pos) ++t;
    return t;
  };
  auto after_separator = [&](Span span) {
    const size_t t = token_at(span.begin);
    if (t == 0 || t > doc.tokens.size()) return false;
    const std::string_view p = doc.Slice(doc.tokens[t - 1].span);
    return p == "," || p == "(";
  };
  auto spells = [&](std::string_view t) {
    return locate_internal::SpellsDivisionName(t, division);
  };
  std::string first;
  for (const PlaceMention& m : doc.places) {
    if (m.demonym) continue;
    std::string_view t = doc.Slice(m.span);
    if (m.relative_region) {
      const size_t space = t.find(' ');
      if (space != std::string_view::npos) t.remove_prefix(space + 1);
    }
    for (std::string_view level :
         {" province", " Province", " governorate", " Governorate", " state", " State", " region",
          " Region", " department", " Department"}) {
      if (t.size() > level.size() && t.ends_with(level)) t.remove_suffix(level.size());
    }
    if (t.empty() || std::count(t.begin(), t.end(), ' ') > 2 || in_capitals(t)) continue;
    bool names = m.geo_id == admin1;
    if (names && !spells(t)) {
      for (GeoId id : gaz.FindFolded(FoldName(t))) {
        if (id < gaz.size() && gaz.Entry(id).kind() == GeoKind::kPlace &&
            gaz.Entry(id).admin1_id() == admin1) {
          names = false;
        }
      }
    }
    if (!names && m.kind == PlaceKind::kPlace && m.geo_id != kNoGeoId) {
      std::span<const GeoId> ids = gaz.FindFolded(FoldName(t));
      names = std::find(ids.begin(), ids.end(), admin1) != ids.end() && spells(t);
    }
    if (!names) continue;
    if (after_separator(m.span)) return std::string(t);
    if (first.empty()) first = std::string(t);
  }
  if (!first.empty()) return first;
  auto names_it = [&](std::string_view t) {
    if (in_capitals(t)) return false;
    const std::string folded = FoldName(t);
    if (folded.empty()) return false;
    const uint32_t at = static_cast<uint32_t>(t.data() - doc.text.data());
    for (const PlaceMention& m : doc.places) {
      if (m.span.begin == at && m.kind == PlaceKind::kPlace && !spells(t)) return false;
    }
    std::span<const GeoId> ids = gaz.FindFolded(folded);
    if (std::find(ids.begin(), ids.end(), admin1) != ids.end()) return true;
    ids = gaz.FindLoose(LooseKey(folded));
    return std::find(ids.begin(), ids.end(), admin1) != ids.end();
  };
  auto capitalized = [&](const Token& t) {
    const std::string_view w = doc.Slice(t.span);
    return t.kind == TokenKind::kWord && !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
  };
  const size_t n = std::min<size_t>(doc.tokens.size(), 4000);
  for (size_t i = 0; i < n; ++i) {
    const Token& tok = doc.tokens[i];
    if (tok.kind != TokenKind::kWord) continue;
    const std::string_view w = doc.Slice(tok.span);
    if (w.size() < 2) continue;
    const size_t dash = w.find('-');
    const std::string_view body =
        dash != std::string_view::npos && dash <= 3 ? w.substr(dash + 1) : w;
    if (body.empty() || body[0] < 'A' || body[0] > 'Z') continue;
    if (i + 1 < n && doc.tokens[i + 1].kind == TokenKind::kWord &&
        doc.tokens[i + 1].span.begin == tok.span.end + 1 &&
        doc.text[doc.tokens[i + 1].span.begin] >= 'A' &&
        doc.text[doc.tokens[i + 1].span.begin] <= 'Z') {
      const std::string_view two(doc.text.data() + tok.span.begin,
                                 doc.tokens[i + 1].span.end - tok.span.begin);
      if (names_it(two)) return std::string(two);
    }
    if (w.size() < 4) continue;
    if (i + 1 < n && doc.tokens[i + 1].span.begin == tok.span.end) {
      const std::string_view next = doc.Slice(doc.tokens[i + 1].span);
      if (next == "/" || next == "-") continue;
    }
    if (i > 0 && doc.tokens[i - 1].span.end + 1 == tok.span.begin &&
        capitalized(doc.tokens[i - 1])) {
      continue;
    }
    if (names_it(w)) return std::string(w);
  }
  return {};
}

// The admin1 spellings of a document worked out once (names folded and words read as far as
// needed, kept for the next division asked) against the reference per division: every division
// the document's names and capitalized words may name, asked forwards, backwards and twice.
TEST(EventFastPath, Admin1SpellingsMatchReference) {
  auto gaz = Gaz();
  ASSERT_NE(gaz, nullptr);
  const char* const texts[] = {
      "Clashes in Kafr Nobol (Idleb) left four fighters dead. Shelling hit al-Hasakeh and the "
      "countryside of Deir-ez-Zor; a man was killed in Mulqeey village (Jowhar, Middle "
      "Shabelle).",
      "Gunmen killed two men in Nahri Saraj (Girishk) district, Helmand. Police in Lashkar Gah "
      "said the Taliban attacked a post in Helmand province.",
      "Protesters marched in Tegucigalpa, Francisco Morazan, and in San Pedro Sula. Police in "
      "Tunapuna/Piarco detained six people in La Libertad.",
      "A bomb exploded in (Wadajir, Banadir) near Mogadishu; fighting in Lower Shabelle and "
      "Hiraan. In Idlib, shelling hit Maarat al-Numan and Saraqib in Idleb province.",
      "MOGADISHU (Reuters) - Militants attacked Afgoye in LOWER SHABELLE. Troops in Kismayo, "
      "Jubbada Hoose, and Baidoa, Bay region, repelled them.",
      "No place is named here at all.",
      // Dashes before the fourth byte and after it: the word's body starts after the first
      // only ("ex-Kandahar", "el-Fasher", "pro-Helmand", "-Kunduz"; not "Anti-Balaka").
      "The ex-Kandahar governor met el-Fasher elders and pro-Helmand militias; a -Kunduz "
      "convoy passed Anti-Balaka posts near Bangui, and re-Balkh talks failed in e-Herat.",
  };
  int named = 0, asked = 0;
  for (const char* text : texts) {
    const Document doc = Processed(text, gaz);
    // The divisions of the places read, and every division a capitalized word may name.
    std::vector<GeoId> admin1s;
    auto add = [&](GeoId id) {
      if (id < gaz->size() && gaz->Entry(id).kind() == GeoKind::kAdmin1 &&
          std::find(admin1s.begin(), admin1s.end(), id) == admin1s.end()) {
        admin1s.push_back(id);
      }
    };
    for (const PlaceMention& m : doc.places) {
      if (m.geo_id >= gaz->size()) continue;
      add(m.geo_id);
      add(gaz->Entry(m.geo_id).admin1_id());
    }
    for (const Token& t : doc.tokens) {
      const std::string folded = FoldName(doc.Slice(t.span));
      for (GeoId id : gaz->FindFolded(folded)) add(id);
      for (GeoId id : gaz->FindLoose(LooseKey(folded))) add(id);
    }
    admin1s.push_back(kNoGeoId);
    std::vector<std::string> expected;
    for (GeoId a : admin1s) expected.push_back(ReferenceAdmin1AsWritten(doc, a, *gaz));
    std::vector<GeoId> order = admin1s;
    order.insert(order.end(), admin1s.rbegin(), admin1s.rend());
    const std::vector<std::string> got = locate_internal::Admin1SpellingsInTurn(doc, *gaz, order);
    ASSERT_EQ(got.size(), order.size());
    for (size_t k = 0; k < order.size(); ++k) {
      const size_t at = k < admin1s.size() ? k : order.size() - 1 - k;
      EXPECT_EQ(got[k], expected[at]) << text << " / admin1 " << order[k];
      named += !got[k].empty();
      ++asked;
    }
  }
  EXPECT_GE(named, 10);
  EXPECT_GE(asked, 30);
}

// The division keys SpellsDivisionName compares with are kept per thread in slots by entry id:
// asked with one division at a time and with 200 divisions taking turns, with entries 4096 and
// 8192 ids after some of them (which share their slots), every answer is the same.
TEST(EventFastPath, DivisionSpellingsIndependentOfOrder) {
  auto gaz = Gaz();
  ASSERT_NE(gaz, nullptr);
  std::vector<GeoId> divisions;
  for (GeoId id = 0; id < gaz->size() && divisions.size() < 200; ++id) {
    if (gaz->Entry(id).kind() == GeoKind::kAdmin1) divisions.push_back(id);
  }
  for (const char* name : {"Idleb", "Helmand", "Anbar", "Borno", "Donetsk", "Banadir"}) {
    for (GeoId id : gaz->FindFolded(FoldName(name))) {
      if (id < gaz->size() && gaz->Entry(id).kind() == GeoKind::kAdmin1) divisions.push_back(id);
    }
  }
  ASSERT_GE(divisions.size(), 150u);
  for (size_t k = 0, n = divisions.size(); k < n; k += 5) {
    for (GeoId step : {4096u, 8192u}) {
      if (divisions[k] + step < gaz->size()) divisions.push_back(divisions[k] + step);
    }
  }
  std::vector<std::string> written = {"Idleb", "al-Hasakeh", "Hasakah", "Helmand", "Anbar",
                                      "Borno", "Donetsk", "Banadir", "Lower Shabelle", "xyz"};
  for (size_t k = 0; k < divisions.size(); k += 7) {
    written.emplace_back(gaz->Entry(divisions[k]).name());
  }
  std::vector<std::vector<bool>> by_division(divisions.size());
  for (size_t d = 0; d < divisions.size(); ++d) {
    for (const std::string& w : written) {
      by_division[d].push_back(
          locate_internal::SpellsDivisionName(w, gaz->Entry(divisions[d])));
    }
  }
  int spelled = 0;
  for (size_t w = 0; w < written.size(); ++w) {
    for (size_t d = 0; d < divisions.size(); ++d) {
      const bool in_turns = locate_internal::SpellsDivisionName(written[w],
                                                                gaz->Entry(divisions[d]));
      EXPECT_EQ(in_turns, by_division[d][w]) << written[w] << " / " << divisions[d];
      spelled += in_turns;
    }
  }
  EXPECT_GE(spelled, 20);
}

// Judge's "held by a mention of this key" test, tried only on the mentions starting close after
// the inner one, against trying FollowsAsContainer on every mention; on a long document made of
// repeated paragraphs, where each name occurs many times.
TEST(EventFastPath, AnyFollowsAsContainerMatchesEveryPair) {
  auto gaz = Gaz();
  ASSERT_NE(gaz, nullptr);
  const char* const paragraphs[] = {
      "Clashes in Kafr Nobol (Idleb) left four fighters dead. Shelling hit the countryside of "
      "Deir-ez-Zor; a man was killed in Mulqeey village (Jowhar, Middle Shabelle).",
      "Daman in the eastern countryside of Deir-ez-Zor was shelled. Troops killed 12 militants "
      "in Maiduguri, Borno state.",
      "Gunmen attacked a checkpoint near Falluja in Anbar province; Falluja, Anbar was calm.",
      "Falluja in the outskirts of the northern rural area of western Anbar, Iraq.",
  };
  const Document doc = Processed(Paragraphs(paragraphs, 12, 1), gaz);
  ASSERT_GE(doc.places.size(), 20u);
  // Outer sets: all mentions, and the mentions of each name (as Judge groups them).
  std::vector<std::vector<const PlaceMention*>> sets(1);
  std::map<std::string, size_t> by_name;
  for (const PlaceMention& m : doc.places) {
    sets[0].push_back(&m);
    auto [it, fresh] = by_name.try_emplace(std::string(doc.Slice(m.span)), sets.size());
    if (fresh) sets.emplace_back();
    sets[it->second].push_back(&m);
  }
  int held = 0;
  for (auto& outers : sets) {
    std::stable_sort(
        outers.begin(), outers.end(),
        [](const PlaceMention* a, const PlaceMention* b) { return a->span.begin < b->span.begin; });
    for (const PlaceMention& inner : doc.places) {
      bool every = false;
      for (const PlaceMention* o : outers) {
        every = every || locate_internal::FollowsAsContainer(doc, inner, *o);
      }
      EXPECT_EQ(locate_internal::AnyFollowsAsContainer(doc, inner, outers), every)
          << doc.Slice(inner.span) << " at " << inner.span.begin;
      held += every;
    }
  }
  EXPECT_GE(held, 10);
}

// AssignFrames as first written: every incident's mentions scanned for each frame.
std::vector<std::vector<uint32_t>> ReferenceFrames(const Document& doc,
                                                   std::vector<event::Incident> incidents) {
  for (event::Incident& inc : incidents) inc.frames.clear();
  const std::vector<Span> links = event::LinkLists(doc);
  auto in_links = [&](Span s) {
    for (const Span& l : links) {
      if (s.begin >= l.begin && s.begin < l.end) return true;
    }
    return false;
  };
  std::vector<uint8_t> state(doc.sentences.size(), 0);
  for (const TriggerMention& t : doc.triggers) {
    if (t.sentence >= state.size()) continue;
    state[t.sentence] = std::max<uint8_t>(state[t.sentence], (t.historical || t.negated) ? 1 : 2);
  }
  const auto pub = event::ParseDateValue(doc.published.substr(0, 10));
  const int pub_year = pub ? event::YearOfDayNumber(pub->first) : 0;
  auto old_date_in = [&](Span span) {
    if (pub_year == 0) return false;
    for (const Timex& t : doc.timex) {
      if (t.span.begin >= span.end) break;
      if (t.span.begin < span.begin || t.span.end > span.end || t.type != TimexType::kDate) {
        continue;
      }
      auto r = event::ParseDateValue(t.value);
      if (r && event::YearOfDayNumber(r->last) < pub_year - 1) return true;
    }
    return false;
  };
  for (uint32_t fi = 0; fi < doc.casualties.size(); ++fi) {
    const CasualtyFrame& f = doc.casualties[fi];
    if (f.sentence >= doc.sentences.size() || state[f.sentence] == 1 || in_links(f.span)) continue;
    int chosen = -1;
    if (state[f.sentence] == 2) {
      long best = -1;
      for (size_t i = 0; i < incidents.size(); ++i) {
        for (uint32_t ti : incidents[i].triggers) {
          const TriggerMention& t = doc.triggers[ti];
          if (t.sentence != f.sentence) continue;
          const long d =
              std::labs(static_cast<long>(t.span.begin) - static_cast<long>(f.span.begin));
          if (best < 0 || d < best) {
            best = d;
            chosen = static_cast<int>(i);
          }
        }
      }
    }
    if (chosen < 0) {
      if (old_date_in(doc.sentences[f.sentence].span)) continue;
      long best_sentence = -1;
      for (size_t i = 0; i < incidents.size(); ++i) {
        for (uint32_t ti : incidents[i].triggers) {
          const long s = doc.triggers[ti].sentence;
          if (s <= static_cast<long>(f.sentence) && s >= best_sentence) {
            best_sentence = s;
            chosen = static_cast<int>(i);
          }
        }
      }
      if (chosen < 0) chosen = 0;
    }
    incidents[chosen].frames.push_back(fi);
  }
  std::vector<std::vector<uint32_t>> out;
  for (const event::Incident& inc : incidents) out.push_back(inc.frames);
  return out;
}

// Grouping joins a mention to the last incident already mentioned in its sentence (kept per
// sentence, not searched), and frames go to incidents through per-sentence lists: against
// Incident::HasSentence over the result and the plain AssignFrames scan, on short documents
// and on long ones made of many reports.
TEST(EventFastPath, GroupingAndFramesMatchPlainScans) {
  auto gaz = Gaz();
  ASSERT_NE(gaz, nullptr);
  const char* const paragraphs[] = {
      "Gunmen attacked a checkpoint near Falluja in Anbar province on Monday, killing two "
      "officers. Police said three more were wounded in the attack.",
      "In a separate attack, a roadside bomb killed four soldiers in Kirkuk. Two civilians died.",
      "Protesters marched in Nairobi on Tuesday; police detained 30 people and one man was "
      "killed.",
      "On 3 May 2019, militants killed 5 villagers in Kenema district. The toll rose to 7.",
      "Troops killed 12 militants in Maiduguri, Borno state. Separately, gunmen abducted 30 "
      "students in Kaduna and killed a guard.",
  };
  int frames = 0;
  for (int repeats : {1, 3, 25}) {
    const Document doc = Processed(Paragraphs(paragraphs, repeats * 5, 3), gaz);
    std::vector<event::Incident> incidents = event::GroupMentions(doc, gaz.get());
    // Every mention is in the last incident that has its sentence, among those before it.
    std::vector<int> owner(doc.triggers.size(), -1);
    for (size_t i = 0; i < incidents.size(); ++i) {
      for (uint32_t ti : incidents[i].triggers) owner[ti] = static_cast<int>(i);
    }
    for (uint32_t ti = 0; ti < doc.triggers.size(); ++ti) {
      if (owner[ti] < 0) continue;
      // The incidents as they stood when `ti` was grouped: their mentions before it.
      int last = -1;
      for (size_t i = 0; i < incidents.size(); ++i) {
        for (uint32_t tj : incidents[i].triggers) {
          if (tj < ti && doc.triggers[tj].sentence == doc.triggers[ti].sentence) {
            last = static_cast<int>(i);
          }
        }
      }
      if (last >= 0) {
        EXPECT_EQ(owner[ti], last) << repeats << " / trigger " << ti;
      }
    }
    const std::vector<std::vector<uint32_t>> want = ReferenceFrames(doc, incidents);
    event::AssignFrames(doc, &incidents);
    ASSERT_EQ(incidents.size(), want.size());
    for (size_t i = 0; i < incidents.size(); ++i) {
      EXPECT_EQ(incidents[i].frames, want[i]) << repeats << " / incident " << i;
      frames += static_cast<int>(want[i].size());
    }
  }
  EXPECT_GE(frames, 20);
}

// Mentions with the same key and reading share one verdict of Judge: against judging every
// mention on its own, on a long document where each name recurs (some in other countries'
// company, so that verdicts move or drop mentions).
TEST(EventFastPath, SharedVerdictsMatchJudgingEachMention) {
  auto gaz = Gaz();
  ASSERT_NE(gaz, nullptr);
  const char* const paragraphs[] = {
      "Shelling hit Kamyanka, Donetsk on Monday. Clashes in Kafr Nobol (Idleb) left four "
      "fighters dead.",
      "Daman in the countryside of Deir-ez-Zor was shelled; militants attacked the village of "
      "Banh. Gunmen killed two men in Cabo, Mexico.",
      "Troops killed 12 militants in Maiduguri, Borno state, and in Kirkuk. Shelling hit the "
      "Dniprovskyi district of Kherson.",
      "Forces from Tigray region took Lalibela. Police said two officers died in Falluja in "
      "Anbar province.",
  };
  const Document doc = Processed(Paragraphs(paragraphs, 16, 3), gaz);
  LocateCache shared;
  LocateCache each(/*share_verdicts=*/false);
  int found = 0;
  for (size_t s = 0; s <= doc.sentences.size(); ++s) {
    const EventLocation loc = LocateEvent(doc, s, *gaz, shared);
    ExpectSameLocation(loc, LocateEvent(doc, s, *gaz, each), "sentence " + std::to_string(s));
    found += loc.found();
  }
  EXPECT_GE(found, 20);
}

// " " + Lower(sentence) and the phrase finds the casualty rules first made for every frame.
bool ReferenceHasAny(const std::string& spaced, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (spaced.find(w) != std::string::npos) return true;
  }
  return false;
}

// Casualty facts of a document made once (CasualtyContext, asked in any order and by several
// events) against the plain computation per sentence; and the figures of every incident with
// one context shared by the document's events against a fresh context per call.
TEST(EventFastPath, CasualtyContextMatchesPlain) {
  const char* const texts[] = {
      "Two suicide bombers killed 32 people across both attacks. His three guards were also "
      "killed. More than 780 people have been killed since Feb. 1.",
      "Gunmen killed 5 soldiers in Kadaji. Additionally, 2 militants were killed, as well as 4 "
      "people. Fatalities split between 2 events.",
      "These attacks claimed 41 lives so far. Of the total, 12 were civilians. Other villagers "
      "too were wounded; in addition 3 were abducted nationwide.",
      "As of Monday, 9 were killed over the last week and 14 in recent years, the same period "
      "as the one to date; the toll this year, until today, is 40 across the country.",
      "Forty sinceres, soft tones, oversights and insights: nation widens, as often, since2 no "
      "one over the pastures saw it.",
      "A",
      // Sentences after a line break (no space before them), short ones, phrases in a last
      // block of fewer than sixteen bytes.
      "Gunmen killed 4 in the latest of three weeks of raids.\nNine have died this year so far\n"
      "3 died so far\nOver the years of war, 3 died to date.",
  };
  size_t frames = 0;
  for (const char* text : texts) {
    const Document doc = Processed(text);
    const std::string lower = event::Lower(doc.text);
    event::CasualtyContext ctx(doc, lower);
    for (uint32_t k = 0; k < 2 * doc.sentences.size(); ++k) {
      const uint32_t s = k < doc.sentences.size() ? k : 2 * doc.sentences.size() - 1 - k;
      // (Appended, not " " + ...: GCC 12 warns of a false overlap in that operator+.)
      std::string spaced = " ";
      spaced += event::Lower(doc.Slice(doc.sentences[s].span));
      EXPECT_EQ(ctx.Spaced(s), spaced);
      EXPECT_EQ(ctx.Additive(s), ReferenceHasAny(spaced, {" also ", " additionally", " as well",
                                                          ", as were ", ", as was "}))
          << spaced;
      EXPECT_EQ(ctx.SaysMore(s),
                ReferenceHasAny(spaced, {" also ", " as well", " too", " addition", " other "}))
          << spaced;
      EXPECT_EQ(ctx.PeriodWords(s),
                ReferenceHasAny(spaced, {" since ", " since the beginning", " so far", " to date",
                                         " until today", " same period", " nationwide", " as of ",
                                         " across the country", " over the past", " over the last",
                                         " in recent months", " in recent years", " this year,"}))
          << spaced;
      EXPECT_EQ(ctx.OverWeeks(s), ReferenceHasAny(spaced, {" the latest of ", " weeks of ",
                                                           " months of ", " years of "}))
          << spaced;
      EXPECT_EQ(ctx.ThisYear(s), ReferenceHasAny(spaced, {" this year"})) << spaced;
    }
    std::vector<event::Incident> incidents = event::GroupMentions(doc, nullptr);
    event::AssignFrames(doc, &incidents);
    for (const event::Incident& inc : incidents) {
      frames += inc.frames.size();
      for (bool side_a : {true, false}) {
        const CasualtyTotals shared = AggregateCasualties(doc, ctx, inc.frames, side_a);
        const CasualtyTotals fresh = AggregateCasualties(doc, inc.frames, side_a);
        EXPECT_EQ(shared.fatalities, fresh.fatalities) << text;
        EXPECT_EQ(shared.deaths_low, fresh.deaths_low) << text;
        EXPECT_EQ(shared.deaths_high, fresh.deaths_high) << text;
        EXPECT_EQ(shared.deaths_side_a, fresh.deaths_side_a) << text;
        EXPECT_EQ(shared.deaths_side_b, fresh.deaths_side_b) << text;
        EXPECT_EQ(shared.deaths_civilians, fresh.deaths_civilians) << text;
        EXPECT_EQ(shared.deaths_unknown, fresh.deaths_unknown) << text;
        EXPECT_EQ(shared.injured, fresh.injured) << text;
        EXPECT_EQ(shared.fatality_evidence, fresh.fatality_evidence) << text;
      }
    }
  }
  EXPECT_GE(frames, 6u);
}

// Hypothetical as first written: " " + the lower-cased sentence up to the frame copied for
// every frame, and rfind for each cue.
bool ReferenceHypothetical(const Document& doc, const CasualtyFrame& f) {
  if (f.sentence >= doc.sentences.size() || f.negated) return false;
  const Span sspan = doc.sentences[f.sentence].span;
  if (f.span.begin < sspan.begin || f.span.begin > sspan.end) return false;
  const std::string before = " " + event::Lower(std::string_view(doc.text).substr(
                                       sspan.begin, f.span.begin - sspan.begin));
  const std::string fate = event::Lower(doc.Slice(f.fate_span));
  if (fate == "kill" || fate.starts_with("kill ")) {
    const size_t fb = f.fate_span.begin >= sspan.begin ? f.fate_span.begin - sspan.begin : 0;
    const std::string pre = " " + event::Lower(std::string_view(doc.text).substr(sspan.begin, fb));
    for (std::string_view w :
         {" would ",        " will ",     " could ",      " might ",        "attempted to ",
          "attempting to ", "tried to ",  "trying to ",   "plotted to ",    "planned to ",
          "plan to ",       "plans to ",  "hoped to ",    "threatened to ", "threatening to ",
          "vowed to ",      "sought to ", "intended to ", "wanted to ",     "conspired to ",
          "aimed to "}) {
      if (pre.ends_with(w)) return true;
    }
  }
  static constexpr std::string_view kCues[] = {
      " if ",          " retaliation for ",     " revenge for ",    " avenge",
      " protest the ", " protest against the ", " protesting the ", " in response to the killing"};
  for (std::string_view cue : kCues) {
    const size_t at = before.rfind(cue);
    if (at == std::string::npos) continue;
    const std::string_view tail = std::string_view(before).substr(at + cue.size());
    if (cue == " if " && (std::string_view(before).substr(0, at).ends_with(" known") ||
                          std::string_view(before).substr(0, at).ends_with(" clear") ||
                          std::string_view(before).substr(0, at).ends_with(" unclear") ||
                          std::string_view(before).substr(0, at).ends_with(" unknown"))) {
      continue;
    }
    if (tail.find(',') == std::string_view::npos && tail.find(';') == std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// The hypothetical-death test read in the context's lower-cased sentence (cues found going
// forwards) against the copy-per-frame version with rfind; plus the helpers it and the
// whole-document prechecks use, against std::string_view's own rfind and find.
TEST(EventFastPath, HypotheticalMatchesReference) {
  const char* const texts[] = {
      "The militants vowed to kill 20 soldiers if one more of their men were killed.",
      "In retaliation for the raid that killed 12 fighters, gunmen attacked the post, killing 3 "
      "guards. It was not known if the chief was killed. They threatened to kill two hostages.",
      "Students marched to protest the killing of two classmates; police said 4 people died.",
      "IF THE ARMY ATTACKS, 9 MEN WILL BE KILLED. He hoped to kill 5,000 people. The group "
      "planned to kill three officials, and would kill 20 more, officials said.",
      "A bomber proceeded to kill three people at a market. In revenge for the killing of a "
      "herder, attackers killed 7 villagers; 2 were wounded if reports are right.",
      "They sought to kill. Killed: 4",
      "Gunmen killed 3 men in the village. Rebels then vowed to kill",
      // Cues before and after a comma or a semicolon of the same sentence.
      "In revenge for the raid, gunmen killed 4 guards if the police are right; and if 2 more "
      "died, it is unclear if 6 were killed.",
      "It was not known if the convoy, in retaliation for the ambush that killed 5 soldiers, "
      "fired; in response to the killing of 3 herders, 8 were killed, if reports hold.",
  };
  size_t frames = 0, hypothetical = 0;
  for (const char* text : texts) {
    const Document doc = Processed(text);
    const std::string lower = event::Lower(doc.text);
    event::CasualtyContext ctx(doc, lower);
    // Frames in reverse, so that sentences are read by the context in another order too.
    for (size_t k = doc.casualties.size(); k-- > 0;) {
      CasualtyFrame f = doc.casualties[k];
      for (bool negated : {false, true}) {
        f.negated = negated;
        const bool expected = ReferenceHypothetical(doc, f);
        EXPECT_EQ(event::Hypothetical(doc, ctx, f), expected) << text << " @" << f.span.begin;
        ++frames;
        hypothetical += expected;
      }
      // Fate words past the sentence's end (the text's last four bytes, "kill" in the last
      // text), and a frame outside its sentence.
      CasualtyFrame moved = doc.casualties[k];
      moved.fate_span = {static_cast<uint32_t>(doc.text.size() - 4),
                         static_cast<uint32_t>(doc.text.size())};
      EXPECT_EQ(event::Hypothetical(doc, ctx, moved), ReferenceHypothetical(doc, moved)) << text;
      moved.span.begin = static_cast<uint32_t>(doc.text.size());
      EXPECT_EQ(event::Hypothetical(doc, ctx, moved), ReferenceHypothetical(doc, moved)) << text;
    }
  }
  EXPECT_GE(frames, 16u);
  EXPECT_GE(hypothetical, 4u);

  const char* const haystacks[] = {"",
                                   "a",
                                   " if if  if ",
                                   "aaaa",
                                   "split the spread, divided",
                                   "you may also like these related stories: read more"};
  const char* const words[] = {"",  "a",       "aa",   " if ", "if",      "split", "divided",
                               " ", "stories", "like", "read", "related", "zz"};
  for (const char* h : haystacks) {
    for (const char* w : words) {
      const std::string_view hs(h), ws(w);
      EXPECT_EQ(event::LastIndexOf(hs, ws), hs.rfind(ws)) << h << " / " << w;
      EXPECT_EQ(event::ContainsInLower(hs, ws), hs.find(ws) != std::string_view::npos)
          << h << " / " << w;
    }
  }
}

// The edit distance with its row on the stack (a heap row past 63 bytes) against the plain
// dynamic programme over a full table.
size_t ReferenceEditDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                          d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
  }
  return d[a.size()][b.size()];
}

TEST(EventFastPath, BoundedEditDistanceMatchesFullTable) {
  const std::string long_a(70, 'a'), long_b = std::string(69, 'a') + "b";
  const std::string words[] = {"",       "a",      "idlib",  "idleb", "beyrouth", "beirut",
                               "wardak", "maidan", "kabul",  long_a,  long_b,     long_a + "xy"};
  for (const std::string& a : words) {
    for (const std::string& b : words) {
      for (size_t cap : {0u, 1u, 2u, 100u}) {
        const size_t plain = ReferenceEditDistance(a, b);
        const size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
        const size_t expected = gap > cap ? cap + 1 : plain;
        EXPECT_EQ(locate_internal::BoundedEditDistance(a, b, cap), expected) << a << " / " << b;
      }
    }
  }
}

// Token keys written into the buffers of the previous (longer or shorter) document's keys, as
// the actor and trigger stages do per thread, against keys built afresh.
TEST(EventFastPath, ReusedTokenKeysMatchFresh) {
  std::vector<Document> docs;
  for (const char* text : {"U.S. troops and Iraq's army, the IRAQI ARMY\xE2\x80\x99s men...",
                           "a", "", "Al-Shabaab's fighters; M23 rebels' (ISIS-K) 's x.y. attacked",
                           "Police fired tear gas in Nairobi."}) {
    Document& doc = docs.emplace_back();
    doc.text = text;
    ASSERT_TRUE(MakeDefaultPipeline().Run(doc).ok());
  }
  actor::TokenKeys reused;
  for (int round = 0; round < 2; ++round) {
    for (const Document& doc : docs) {
      reused.Assign(doc);
      const actor::TokenKeys& thread = actor::ThreadTokenKeys(doc);
      const actor::TokenKeys fresh(doc);
      ASSERT_EQ(reused.size(), fresh.size()) << doc.text;
      ASSERT_EQ(thread.size(), fresh.size()) << doc.text;
      for (size_t i = 0; i < fresh.size(); ++i) {
        EXPECT_EQ(reused[i], fresh[i]) << doc.text << " / " << i;
        EXPECT_EQ(reused.hash(i), fresh.hash(i)) << doc.text << " / " << i;
        EXPECT_EQ(thread[i], fresh[i]) << doc.text << " / " << i;
      }
    }
  }
}

// Keys compared a word at a time (SamePaddedKey) agree with a byte compare at every length up
// to 20 and at every position of a difference, whatever the padding bytes after them hold.
TEST(EventFastPath, SamePaddedKeyAgreesWithBytes) {
  for (size_t size = 0; size <= 20; ++size) {
    std::string a(size + actor::kKeyPadding, 'x'), b(size + actor::kKeyPadding, 'x');
    for (size_t i = 0; i < size; ++i) a[i] = b[i] = static_cast<char>('a' + i);
    for (size_t pad = size; pad < a.size(); ++pad) b[pad] = 'y';  // padding differs
    EXPECT_TRUE(actor::SamePaddedKey(a.data(), b.data(), size)) << size;
    for (size_t at = 0; at < size; ++at) {
      std::string c = b;
      c[at] = static_cast<char>(c[at] ^ 0x20);
      EXPECT_FALSE(actor::SamePaddedKey(a.data(), c.data(), size)) << size << " / " << at;
    }
  }
}

// The thread's token keys compare the tokens as bytes (SameTokens): against the tokens'
// own ==, a copy is the same and any change of a span or a kind is not; and keys asked for the
// same text with other tokens are those of the other tokens.
TEST(EventFastPath, SameTokensAgreesWithEquality) {
  Document doc;
  doc.text = "Gunmen attacked the village of Kadaji, killing nine.";
  ASSERT_TRUE(MakeDefaultPipeline().Run(doc).ok());
  ASSERT_GT(doc.tokens.size(), 3u);
  const std::vector<Token> copy = doc.tokens;
  EXPECT_TRUE(actor::SameTokens(copy, doc.tokens));
  EXPECT_TRUE(actor::SameTokens({}, {}));
  std::vector<std::vector<Token>> changed(5, copy);
  changed[0][1].span.begin += 1;
  changed[1][2].span.end -= 1;
  changed[2][0].kind =
      copy[0].kind == TokenKind::kWord ? TokenKind::kPunct : TokenKind::kWord;
  changed[3].pop_back();
  changed[4].clear();
  for (const std::vector<Token>& other : changed) {
    ASSERT_NE(other, copy);
    EXPECT_FALSE(actor::SameTokens(other, copy));
  }
  // Same text, one token cut in two: the keys follow the tokens.
  Document split = doc;
  const Span first = split.tokens[0].span;  // "Gunmen"
  split.tokens[0].span.end = first.begin + 3;
  split.tokens.insert(split.tokens.begin() + 1, Token{{first.begin + 3, first.end}});
  (void)actor::ThreadTokenKeys(doc);
  const actor::TokenKeys& thread = actor::ThreadTokenKeys(split);
  const actor::TokenKeys fresh(split);
  ASSERT_EQ(thread.size(), fresh.size());
  for (size_t i = 0; i < fresh.size(); ++i) EXPECT_EQ(thread[i], fresh[i]) << i;
  EXPECT_EQ(thread[0], "gun");
}

// The thread's memo of city division names against the table, for every first-level division of
// the gazetteer, twice (the second round answered from the memo, slots shared among ids).
TEST(EventFastPath, CityDivisionMemoMatchesTable) {
  const std::shared_ptr<const Gazetteer> gaz = Gaz();
  ASSERT_NE(gaz, nullptr);
  size_t cities = 0;
  for (int round = 0; round < 2; ++round) {
    for (GeoId id = 0; id < gaz->size(); ++id) {
      const GeoEntry e = gaz->Entry(id);
      if (e.kind() != GeoKind::kAdmin1) continue;
      const std::string_view expected = locate_internal::CityDivisionName(e.code());
      EXPECT_EQ(locate_internal::CityDivisionNameOf(*gaz, id), expected) << e.code();
      cities += expected.empty() ? 0 : 1;
    }
  }
  EXPECT_GT(cities, 0u);
}

// GluedArticle's byte tests against the prefixes they stand for.
TEST(EventFastPath, GluedArticleMatchesPrefixes) {
  auto reference = [](std::string_view w) {
    return w.size() > 3 && (w.starts_with("al-") || w.starts_with("Al-") ||
                            w.starts_with("el-") || w.starts_with("El-"));
  };
  for (std::string_view w :
       {"al-Mayadeen", "Al-Sukhna", "el-Arish", "El-Fasher", "al-", "Al-x", "AL-Qaim", "il-Foo",
        "ol-Bar", "Al Qaim", "Alep", "el", "", "a-lx", "Ell-x", "al-\xE2\x80\x99", "Bl-x"}) {
    EXPECT_EQ(locate_internal::GluedArticle(w), reference(w)) << w;
  }
}

// The trigger stage's lower-casing against std::tolower in the "C" locale, byte by byte.
TEST(EventFastPath, TriggerLowerMatchesTolower) {
  std::string all;
  for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
  const std::string lower = trigger::LowerAscii(all);
  ASSERT_EQ(lower.size(), all.size());
  for (int b = 0; b < 256; ++b) {
    EXPECT_EQ(static_cast<unsigned char>(lower[b]), std::tolower(b)) << b;
    EXPECT_EQ(trigger::LowerAsciiByte(static_cast<char>(b)), lower[b]) << b;
  }
}

// Triggers of one document are the same whatever document the thread typed before (the
// lower-cased text and token keys live in per-thread buffers).
TEST(EventFastPath, TriggersIndependentOfPreviousDocument) {
  const char* const texts[] = {
      "Protesters marched in Nairobi; police fired tear gas and arrested 30 people. An off-duty "
      "soldier was shot dead by gunmen who also burned a school.",
      "Gunmen killed a shopkeeper.",
      "The victim had charges against him for drug trafficking. Gunmen shot the victim dead. "
      "Villagers pelted stones at police during clashes.",
  };
  std::vector<Document> docs;
  for (const char* text : texts) {
    Document& doc = docs.emplace_back();
    doc.text = text;
    doc.published = "2024-09-14";
    ASSERT_TRUE(MakeDefaultPipeline().Run(doc).ok());
  }
  for (size_t first = 0; first < docs.size(); ++first) {
    (void)FindTriggers(docs[first]);  // fills the thread's buffers with another document
    for (const Document& doc : docs) {
      const std::vector<TriggerMention> again = FindTriggers(doc);
      ASSERT_EQ(again.size(), doc.triggers.size()) << doc.text;
      for (size_t i = 0; i < again.size(); ++i) {
        EXPECT_EQ(again[i].span, doc.triggers[i].span) << doc.text;
        EXPECT_EQ(again[i].sub_event_type, doc.triggers[i].sub_event_type) << doc.text;
        EXPECT_EQ(again[i].score, doc.triggers[i].score) << doc.text;
        EXPECT_EQ(again[i].negated, doc.triggers[i].negated) << doc.text;
        EXPECT_EQ(again[i].historical, doc.triggers[i].historical) << doc.text;
      }
    }
  }
}

// The figures at the end of the notes, as first written with std::to_string.
std::string ReferenceNotesTail(const Event& e) {
  std::string out = "; " + std::to_string(e.fatalities);
  if (e.deaths_high > e.fatalities) out += " to " + std::to_string(e.deaths_high);
  out += " killed";
  if (e.injured) out += ", " + std::to_string(*e.injured) + " injured";
  out += ".";
  return out;
}

TEST(EventFastPath, NotesNumbersMatchToString) {
  for (int fatalities : {0, 1, 9, 10, 123456, INT_MAX, -1, INT_MIN}) {
    for (int high : {0, 5, 1000, INT_MAX}) {
      for (bool injured : {false, true}) {
        Event e;
        e.sub_event_type = "Attack";
        e.location = "Kirkuk";
        e.admin1 = "Kirkuk";
        e.country = "Iraq";
        e.fatalities = fatalities;
        e.deaths_high = high;
        if (injured) e.injured = high - 3;
        const std::string notes = FormatNotes(e);
        EXPECT_TRUE(notes.ends_with(ReferenceNotesTail(e))) << notes;
        EXPECT_TRUE(notes.starts_with("Unidentified actors carried out an attack in Kirkuk, Iraq; "))
            << notes;
      }
    }
  }
}

// The searches sixteen starts at a time (ContainsInLower; LastIndexOf, from the end) against
// std::string's find and rfind, over texts of every length up to 90 bytes made of a few letters
// (so that needles are found at every offset of a block, at its edges, in the last block and
// not at all), with needles of one to seven bytes.
TEST(EventFastPath, ContainsInLowerBlocksMatchFind) {
  uint32_t seed = 12345;
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  const char alphabet[] = {'a', 'b', ' ', 'a', 'b', 'c'};
  size_t found = 0, tried = 0;
  for (size_t length = 0; length <= 90; ++length) {
    for (int round = 0; round < 20; ++round) {
      std::string text;
      for (size_t i = 0; i < length; ++i) text += alphabet[next() % std::size(alphabet)];
      for (size_t k = 1; k <= 7; ++k) {
        std::string needle;
        for (size_t i = 0; i < k; ++i) needle += alphabet[next() % 3];
        const bool expected = text.find(needle) != std::string::npos;
        EXPECT_EQ(event::ContainsInLower(text, needle), expected) << text << " / " << needle;
        EXPECT_EQ(event::LastIndexOf(text, needle), text.rfind(needle)) << text << " / " << needle;
        found += expected;
        ++tried;
      }
    }
  }
  EXPECT_GT(found, tried / 4);
  EXPECT_LT(found, tried * 3 / 4);
  // A match in the last bytes of a text longer than a block, and one split over two blocks.
  const std::string tail = std::string(40, 'x') + "needle";
  EXPECT_TRUE(event::ContainsInLower(tail, "needle"));
  EXPECT_FALSE(event::ContainsInLower(tail.substr(0, tail.size() - 1), "needle"));
  EXPECT_TRUE(event::ContainsInLower(std::string(13, 'x') + "needle" + std::string(30, 'y'),
                                     "needle"));
  // The needle at every offset of texts long enough to be read four blocks at a time (64 starts
  // and more), after a false candidate (its first and last bytes around another middle); then
  // with its own middle changed, so that no start matches.
  for (size_t length : {70, 130, 200}) {
    for (size_t at = 0; at + 6 <= length; ++at) {
      std::string text(length, 'x');
      text.replace(at, 6, "needle");
      if (at >= 6) text.replace(at - 6, 6, "nxxxxe");
      EXPECT_TRUE(event::ContainsInLower(text, "needle")) << length << " / " << at;
      text[at + 2] = 'x';
      EXPECT_FALSE(event::ContainsInLower(text, "needle")) << length << " / " << at;
    }
  }
}

// Document::FirstTokenFrom, which starts from an even spread's guess, against the binary search,
// at every position of texts whose tokens are spread evenly and unevenly (a long link, a run of
// spaces, one long word), and past the end.
TEST(EventFastPath, FirstTokenFromMatchesBinarySearch) {
  const std::string texts[] = {
      "",
      "a",
      "Gunmen killed a shopkeeper in the market on Monday.",
      "See https://example.org/" + std::string(300, 'x') + " for the attack in Kadaji , Zamfara .",
      "A" + std::string(500, ' ') + "b c d e f g h i j k l m n o p q r s t u v w x y z.",
      std::string(700, 'w') + " killed. Two died. Three were wounded in Kano on Sunday.",
  };
  size_t checked = 0;
  for (const std::string& text : texts) {
    Document doc;
    doc.text = text;
    doc.published = "2024-09-14";
    ASSERT_TRUE(MakeDefaultPipeline().Run(doc).ok());
    for (uint32_t pos = 0; pos <= doc.text.size() + 2; ++pos) {
      const auto searched =
          std::lower_bound(doc.tokens.begin(), doc.tokens.end(), pos,
                           [](const Token& t, uint32_t p) { return t.span.begin < p; });
      EXPECT_EQ(doc.FirstTokenFrom(pos) - doc.tokens.begin(), searched - doc.tokens.begin())
          << text.substr(0, 40) << " @" << pos;
      ++checked;
    }
  }
  Document no_tokens;
  no_tokens.text = "text the tokenizer never saw";
  EXPECT_EQ(no_tokens.FirstTokenFrom(3) - no_tokens.tokens.begin(), 0);
  EXPECT_GE(checked, 1500u);
}

// The date at the start of the notes, as first written: std::stoi and a string per piece.
std::string ReferenceHumanDate(std::string_view iso, bool month_only) {
  static const char* const kMonths[] = {"January", "February", "March",     "April",
                                        "May",     "June",     "July",      "August",
                                        "September", "October", "November", "December"};
  if (iso.size() < 10) return std::string(iso);
  const int y = std::stoi(std::string(iso.substr(0, 4)));
  const int m = std::stoi(std::string(iso.substr(5, 2)));
  const int d = std::stoi(std::string(iso.substr(8, 2)));
  if (m < 1 || m > 12) return std::string(iso);
  if (month_only) return std::string(kMonths[m - 1]) + " " + std::to_string(y);
  return std::to_string(d) + " " + kMonths[m - 1] + " " + std::to_string(y);
}

std::string ReferenceNotesHead(const Event& e) {
  if (!e.date_start || !e.date_end) return "";
  if (*e.date_start == *e.date_end) return "On " + ReferenceHumanDate(*e.date_start, false) + ", ";
  if (e.date_prec == 4 && e.date_start->substr(0, 7) == e.date_end->substr(0, 7)) {
    return "In " + ReferenceHumanDate(*e.date_start, true) + ", ";
  }
  if (e.date_prec == 3) return "In the week of " + ReferenceHumanDate(*e.date_start, false) + ", ";
  return "Between " + ReferenceHumanDate(*e.date_start, false) + " and " +
         ReferenceHumanDate(*e.date_end, false) + ", ";
}

TEST(EventFastPath, NotesDatesMatchStoi) {
  const char* const dates[] = {"2024-09-14", "2024-09-01", "1999-12-31", "2024-9-14",
                               "2024-13-01", "2024-00-10", "+024-09-14", "2024-09-1x",
                               "2024-09-14T10:00", "0007-01-05", "2024-09"};
  int written = 0;
  for (const char* start : dates) {
    for (const char* end : dates) {
      for (int prec : {1, 3, 4}) {
        Event e;
        e.sub_event_type = "Attack";
        e.date_start = start;
        e.date_end = end;
        e.date_prec = prec;
        const std::string notes = FormatNotes(e);
        EXPECT_TRUE(notes.starts_with(ReferenceNotesHead(e) + "Unidentified actors"))
            << notes << " / " << ReferenceNotesHead(e);
        ++written;
      }
    }
  }
  Event undated;
  undated.sub_event_type = "Attack";
  EXPECT_TRUE(FormatNotes(undated).starts_with("Unidentified actors carried out an attack"));
  EXPECT_EQ(written, 363);
}

// FormatNotes copies its short parts inline (overlapping fixed-size copies): parts of every
// size, from none to past the writer's stack buffer, against the notes put together with
// std::string.
TEST(EventFastPath, NotesPartsOfEverySize) {
  for (size_t n = 0; n <= 300; ++n) {
    std::string actor;
    for (size_t i = 0; i < n; ++i) actor.push_back(static_cast<char>('a' + (i * 7 + n) % 26));
    Event e;
    e.sub_event_type = "Attack";
    e.actor1 = actor;
    e.location = actor.substr(0, n / 2);  // a part of another size
    e.country = "Kenya";
    std::string expected = actor + " carried out an attack in ";
    expected += e.location.empty() ? std::string("Kenya") : e.location + ", Kenya";
    expected += "; 0 killed.";
    EXPECT_EQ(FormatNotes(e), expected) << n;
  }
}

// Evidence rows given their strings a document at a time (ShareEvidenceStrings), against the
// plain definition: each row holds its document's id and its span's text; the rows of one
// document share one block (one id string), the rows of one document and span one text. Spans
// at random — nested, overlapping, adjacent, repeated, at the text's ends — over several
// events, and rows of another document in the same events (as merging makes them), which keep
// their strings. Rows of several fields added at once are those of the fields added one by one.
TEST(EventFastPath, EvidenceRowsShareStringsPerDocument) {
  Document a, b;
  a.id = "first-document-with-a-long-id";
  a.text = "Gunmen killed five villagers in Kadaji on Monday, police in Kaduna State said.";
  b.id = "second-document-with-a-long-id";
  b.text = "A bomb killed three soldiers in Kadaji on Tuesday.";
  const FieldName one[] = {"location"};
  const FieldName three[] = {"location", "admin1", "country"};
  uint32_t seed = 12345;
  auto next = [&seed](uint32_t n) {  // a small linear congruential generator: the same every run
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<Event> events(1 + next(3));
    std::vector<std::vector<const Document*>> docs(events.size());
    std::vector<std::vector<FieldName>> fields(events.size());
    auto add_rows = [&](const Document& d, size_t count) {
      for (size_t i = 0; i < count; ++i) {
        const size_t k = next(static_cast<uint32_t>(events.size()));
        const auto size = static_cast<uint32_t>(d.text.size());
        const uint32_t begin = next(3) == 0 ? 0 : next(size);
        const uint32_t end = next(3) == 0 ? size : begin + next(size - begin + 1);
        const std::span<const FieldName> added =
            next(2) == 0 ? std::span<const FieldName>(three) : std::span<const FieldName>(one);
        if (added.size() == 1) {
          event::AddEvidence(d, added[0], Span{begin, end}, &events[k]);
        } else {
          event::AddEvidence(d, added, Span{begin, end}, &events[k]);
        }
        if (begin == end) continue;  // empty: no row
        for (FieldName f : added) {
          docs[k].push_back(&d);
          fields[k].push_back(f);
        }
      }
    };
    add_rows(b, next(4));
    ShareEvidenceStrings(b.id, b.text, events);
    std::vector<std::vector<const char*>> b_texts(events.size());  // b's rows keep theirs
    for (size_t k = 0; k < events.size(); ++k) {
      for (const Evidence& row : events[k].evidence) b_texts[k].push_back(row.text().data());
    }
    add_rows(a, 1 + next(12));
    event::AddEvidence(a, "location", Span{5, 5}, &events[0]);     // empty: no row
    event::AddEvidence(a, "location", Span{0, 1000}, &events[0]);  // past the text: no row
    event::AddEvidence(a, three, Span{5, 5}, &events[0]);          // empty: no rows
    for (const Event& e : events) {
      for (const Evidence& row : e.evidence) EXPECT_EQ(row.has_strings(), row.doc_id() == b.id);
    }
    ShareEvidenceStrings(a.id, a.text, events);
    const char* a_id = nullptr;
    for (size_t k = 0; k < events.size(); ++k) {
      const Event& e = events[k];
      ASSERT_EQ(e.evidence.size(), docs[k].size());
      for (size_t i = 0; i < e.evidence.size(); ++i) {
        const Evidence& row = e.evidence[i];
        const Document& d = *docs[k][i];
        EXPECT_TRUE(row.has_strings());
        EXPECT_EQ(row.field, fields[k][i]);
        EXPECT_EQ(row.doc_id(), d.id);
        EXPECT_EQ(row.text(), std::string_view(d.text).substr(row.start, row.end - row.start));
        if (i < b_texts[k].size()) {
          EXPECT_EQ(row.text().data(), b_texts[k][i]);
        } else {
          if (a_id == nullptr) a_id = row.doc_id().data();
          EXPECT_EQ(row.doc_id().data(), a_id) << round;  // one block for the document
        }
        for (size_t j = 0; j < i; ++j) {
          if (docs[k][j] == docs[k][i] && e.evidence[j].start == row.start &&
              e.evidence[j].end == row.end) {
            EXPECT_EQ(row.text().data(), e.evidence[j].text().data()) << round;
          }
        }
      }
    }
  }
  // Rows without strings whose span is empty or outside the text stay without.
  std::vector<Event> events(1);
  events[0].evidence.emplace_back("location", 5, 5);
  events[0].evidence.emplace_back("location", 3, 1000);
  events[0].evidence.emplace_back("location", 0, 6);
  ShareEvidenceStrings(a.id, a.text, events);
  EXPECT_FALSE(events[0].evidence[0].has_strings());
  EXPECT_FALSE(events[0].evidence[1].has_strings());
  EXPECT_EQ(events[0].evidence[2].text(), "Gunmen");
  EXPECT_EQ(events[0].evidence[2].doc_id(), a.id);
}

// WriteEvidence builds verbatim rows in one append: against every row written field by field
// through JsonWriter — plain rows, rows whose text or id needs escaping or is not ASCII, rows
// too long for the stack buffer, offsets at 0 and UINT32_MAX, and an empty list.
TEST(EventFastPath, EvidenceJsonMatchesWriter) {
  auto reference = [](const std::vector<Evidence>& rows) {
    std::string out;
    JsonWriter w(&out);
    w.BeginArray();
    for (const Evidence& ev : rows) {
      w.BeginObject()
          .Field("field", ev.field.view())
          .Field("doc_id", ev.doc_id())
          .Field("start", ev.start)
          .Field("end", ev.end)
          .Field("text", ev.text())
          .EndObject();
    }
    w.EndArray();
    return out;
  };
  auto written = [](const std::vector<Evidence>& rows) {
    std::string out;
    JsonWriter w(&out);
    WriteEvidence(w, rows);
    return out;
  };
  auto row = [](std::string_view field, std::string_view doc_id, uint32_t start, uint32_t end,
                std::string_view text) { return Evidence(field, doc_id, start, end, text); };
  const std::string long_text(600, 'x');
  const std::string near_limit(440, 'y');
  const std::vector<std::vector<Evidence>> cases = {
      {},
      {row("location", "doc-1", 12, 18, "Kadaji")},
      {row("location", "doc-1", 0, 4294967295u, "Kadaji"), row("actor1", "doc-1", 3, 9, "gunmen")},
      {row("notes", "doc \"2\"", 5, 9, "said \"no\""), row("admin1", "d\\3", 1, 2, "tab\there")},
      {row("location", "doc-4", 7, 20, "Al Fall\xC5\xABjah"), row("text", "doc-4", 0, 1, "\xE2\x80\x94")},
      {row("notes", "doc-5", 0, 600, long_text), row("notes", "doc-5", 0, 440, near_limit),
       row("notes", near_limit, 0, 440, near_limit)},
      {row("", "", 0, 0, ""), row("location", "doc-6", 1, 2, "line\nbreak")},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(written(cases[i]), reference(cases[i])) << i;
  }
  // Inside an object, after other fields: the array takes the writer's separators.
  std::string in_object, want;
  JsonWriter a(&in_object), b(&want);
  a.BeginObject().Field("n", 1).Key("evidence");
  WriteEvidence(a, cases[2]);
  a.Field("after", true).EndObject();
  b.BeginObject().Field("n", 1).Key("evidence").Raw(reference(cases[2])).Field("after", true).EndObject();
  EXPECT_EQ(in_object, want);
}

// FoldTextMemo against FoldText: the names and words of place mentions, repeated (memo hits),
// interleaved with enough other words that slots are taken over by others (misses after hits),
// texts longer than a slot holds, and empty and non-ASCII ones.
TEST(EventFastPath, FoldTextMemoMatchesFoldText) {
  auto gaz = Gaz();
  ASSERT_NE(gaz, nullptr);
  std::vector<std::string> texts = {
      "Kabul",   "Helmand", "Lashkar Gah", "Idleb",  "al-Hasakeh", "Lower Shabelle",
      "Police",  "Monday",  "Deir-ez-Zor", "",       "Maarat al-Numan", "S\xC3\xA3o Paulo",
      "Tunapuna/Piarco", "A Name Longer Than Any Memo Slot Holds", "Gaza",  "GAZA"};
  for (int k = 0; k < 40000; ++k) texts.push_back("Word" + std::to_string(k));
  for (int round = 0; round < 3; ++round) {
    for (const std::string& t : texts) {
      const locate_internal::FoldedText fresh = locate_internal::FoldText(t, *gaz);
      const locate_internal::FoldedText memo = locate_internal::FoldTextMemo(t, *gaz);
      ASSERT_EQ(memo.folded, fresh.folded) << t;
      ASSERT_EQ(memo.loose, fresh.loose) << t;
      ASSERT_TRUE(std::equal(memo.folded_ids.begin(), memo.folded_ids.end(),
                             fresh.folded_ids.begin(), fresh.folded_ids.end()))
          << t;
      ASSERT_TRUE(std::equal(memo.loose_ids.begin(), memo.loose_ids.end(),
                             fresh.loose_ids.begin(), fresh.loose_ids.end()))
          << t;
    }
  }
  EXPECT_FALSE(locate_internal::FoldText("Kabul", *gaz).folded_ids.empty());
}

// A memo slot filled with the folded key alone (FoldKeyMemo, as a mention's key is read) gives
// FoldText's loose key and entries at the next FoldTextMemo, and the key alone again after it.
TEST(EventFastPath, FoldKeyMemoLeavesLooseKeyToFoldTextMemo) {
  auto gaz = Gaz();
  ASSERT_NE(gaz, nullptr);
  std::vector<std::string> texts = {
      "Kabul",      "Helmand",        "Lashkar Gah",
      "al-Hasakeh", "Deir-ez-Zor",    "",
      "Hodeidah",   "Lower Shabelle", "A Name Longer Than Any Memo Slot Holds"};
  for (int k = 0; k < 20000; ++k) texts.push_back("Town" + std::to_string(k));
  auto same_ids = [](std::span<const GeoId> a, std::span<const GeoId> b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  };
  for (int round = 0; round < 2; ++round) {
    for (const std::string& t : texts) {
      const locate_internal::FoldedText fresh = locate_internal::FoldText(t, *gaz);
      const locate_internal::FoldedText key = locate_internal::FoldKeyMemo(t, *gaz);
      ASSERT_EQ(key.folded, fresh.folded) << t;
      ASSERT_TRUE(same_ids(key.folded_ids, fresh.folded_ids)) << t;
      EXPECT_TRUE(key.loose.empty() && key.loose_ids.empty()) << t;
      for (int ask = 0; ask < 2; ++ask) {
        const locate_internal::FoldedText memo = locate_internal::FoldTextMemo(t, *gaz);
        ASSERT_EQ(memo.folded, fresh.folded) << t;
        ASSERT_EQ(memo.loose, fresh.loose) << t;
        ASSERT_TRUE(same_ids(memo.folded_ids, fresh.folded_ids)) << t;
        ASSERT_TRUE(same_ids(memo.loose_ids, fresh.loose_ids)) << t;
      }
      const locate_internal::FoldedText again = locate_internal::FoldKeyMemo(t, *gaz);
      ASSERT_EQ(again.folded, fresh.folded) << t;
      ASSERT_TRUE(same_ids(again.folded_ids, fresh.folded_ids)) << t;
    }
  }
  EXPECT_FALSE(locate_internal::FoldText("Lashkar Gah", *gaz).loose.empty());
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

// SpanOverlaps against testing every span of the set, on sets with empty, nested, repeated and
// long spans, asked for every span of a small text (empty ones included).
TEST(EventFastPath, SpanOverlapsMatchesEverySpan) {
  const std::vector<std::vector<Span>> sets = {
      {},
      {{5, 5}},
      {{0, 3}},
      {{2, 9}, {3, 4}, {12, 14}},
      {{10, 12}, {0, 20}, {4, 6}},  // a long span first in text, added after later ones
      {{1, 2}, {1, 2}, {7, 7}, {7, 11}, {15, 20}},
      {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {8, 9}, {10, 11}, {12, 13}, {14, 15}, {16, 17}},
  };
  int overlapping = 0;
  for (size_t k = 0; k < sets.size(); ++k) {
    util::SpanOverlaps index;
    index.Add({100, 101});  // cleared below: what Clear leaves behind must not count
    index.Seal();
    index.Clear();
    for (const Span& s : sets[k]) index.Add(s);
    index.Seal();
    for (uint32_t b = 0; b <= 22; ++b) {
      for (uint32_t e = b; e <= 22; ++e) {
        const Span q{b, e};
        const bool plain = std::any_of(sets[k].begin(), sets[k].end(), [&](const Span& s) {
          return s.begin < q.end && q.begin < s.end;
        });
        EXPECT_EQ(index.AnyOverlaps(q), plain) << "set " << k << " [" << b << ", " << e << ")";
        overlapping += plain;
      }
    }
  }
  EXPECT_GE(overlapping, 500);
}

// MentionIndex against scanning every actor mention for each sentence, and its name spans
// against testing every actor and resolved place, on documents of one to many paragraphs.
TEST(EventFastPath, MentionIndexMatchesScans) {
  auto gaz = Gaz();
  ASSERT_NE(gaz, nullptr);
  const char* const paragraphs[] = {
      "Iraqi forces and Kurdish Peshmerga fighters clashed with Islamic State militants near "
      "Mosul on Monday, police said.",
      "Al-Shabaab gunmen attacked a police station in Mogadishu. The Somali army said two "
      "soldiers were killed; Ahmed Hassan Ali, a local commander, was wounded.",
      "Protesters marched in Nairobi. Police fired tear gas at the protesters and students.",
      "No one was hurt.",
  };
  int actors = 0, named = 0;
  for (int repeats : {1, 2, 12}) {
    const Document doc = Processed(Paragraphs(paragraphs, repeats * 4, 3), gaz);
    const event::MentionIndex index(doc);
    std::vector<bool> seen(doc.actors.size(), false);
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      const Span span = doc.sentences[s].span;
      std::vector<uint32_t> want;
      for (uint32_t a = 0; a < doc.actors.size(); ++a) {
        if (doc.actors[a].span.begin >= span.begin && doc.actors[a].span.end <= span.end) {
          want.push_back(a);
        }
      }
      const std::span<const uint32_t> got = index.ActorsOf(s);
      EXPECT_EQ(std::vector<uint32_t>(got.begin(), got.end()), want) << repeats << " / " << s;
      for (uint32_t a : got) seen[a] = true;
      actors += static_cast<int>(want.size());
    }
    for (uint32_t t = 0; t + 3 <= doc.tokens.size(); ++t) {
      const Span q{doc.tokens[t].span.begin, doc.tokens[t + 2].span.end};
      bool plain = false;
      for (const ActorMention& a : doc.actors) plain |= a.span.begin < q.end && q.begin < a.span.end;
      for (const PlaceMention& p : doc.places) {
        if (!p.demonym && p.geo_id != kNoGeoId) {
          plain |= p.span.begin < q.end && q.begin < p.span.end;
        }
      }
      EXPECT_EQ(index.named().AnyOverlaps(q), plain) << repeats << " / token " << t;
      named += plain;
    }
  }
  EXPECT_GE(actors, 20);
  EXPECT_GE(named, 20);
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

std::string EventsJson(const std::vector<Event>& events) {
  std::string out;
  for (const Event& e : events) {
    AppendEventJson(e, &out);
    out += '\n';
  }
  return out;
}

// The events of a document with origin places ("fighters from Tigray region", "a commander
// from Tunisia", "known as ...") are assembled from a copy of the document without them, which
// leaves out the columns the stage does not read: its events (of an earlier run here), title,
// url, warnings and offset map must not change them.
TEST(EventFastPath, EventsIgnoreColumnsLeftOutOfTheCopy) {
  auto gaz = Gaz();
  ASSERT_NE(gaz, nullptr);
  const char* const texts[] = {
      "Fighters from Tigray region attacked a village near Mekelle on Monday, killing six "
      "people, officials said.",
      "A commander from Tunisia was killed in an airstrike near Sirte. The militant, known as "
      "Abu Ali, led a unit in Libya.",
      "Gunmen killed four farmers in Zamfara state on Sunday.",  // no origin place
  };
  int with_events = 0, with_origin = 0;
  for (const char* text : texts) {
    Document plain = Processed(text, gaz);
    const std::string want = EventsJson(AssembleEvents(plain, gaz.get()));
    Document full = plain;
    full.title = "A title with Damascus in it";
    full.url = "https://example.org/news/1";
    full.warnings = {"repaired 1 invalid UTF-8 sequence"};
    full.events = AssembleEvents(plain, gaz.get());
    full.events.push_back(full.events.empty() ? Event{} : full.events.front());
    EXPECT_EQ(EventsJson(AssembleEvents(full, gaz.get())), want) << text;
    with_events += !want.empty();
    for (const PlaceMention& m : plain.places) {
      const std::string_view before = std::string_view(plain.text).substr(0, m.span.begin);
      with_origin += before.ends_with("from ") || before.ends_with("as ");
    }
  }
  EXPECT_GE(with_events, 2);
  EXPECT_GE(with_origin, 2);
}

// StableSortSmall against std::stable_sort, on short and long ranges with many equal keys.
TEST(EventFastPath, StableSortSmallMatchesStableSort) {
  uint32_t seed = 12345;
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fff;
  };
  for (size_t n : {0, 1, 2, 3, 7, 31, 32, 33, 100}) {
    for (int round = 0; round < 20; ++round) {
      std::vector<std::pair<int, size_t>> items;  // (key, original position)
      for (size_t i = 0; i < n; ++i) items.emplace_back(static_cast<int>(next() % 5), i);
      auto by_key = [](const std::pair<int, size_t>& a, const std::pair<int, size_t>& b) {
        return a.first < b.first;
      };
      std::vector<std::pair<int, size_t>> want = items;
      std::stable_sort(want.begin(), want.end(), by_key);
      util::StableSortSmall(items.begin(), items.end(), by_key);
      EXPECT_EQ(items, want) << n << " / " << round;
    }
  }
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

// Grouping compares incidents' dates parsed once: RangesConflict of the parsed values against
// parsing both strings at every comparison, as grouping did.
TEST(EventFastPath, RangesConflictMatchesParsingBoth) {
  const char* const values[] = {"",           "2024-08-29", "2024-08-30", "2024-08",
                                "2024-09",    "2024-W35",   "2024-W36",   "2024",
                                "2023",       "PAST_REF",   "2024-08-29T10:00", "P3D",
                                "2024-02-30", "2024-13"};
  int conflicts = 0;
  for (const char* a : values) {
    for (const char* b : values) {
      const auto ra = event::ParseDateValue(a), rb = event::ParseDateValue(b);
      const bool plain = ra && rb && (ra->last < rb->first || rb->last < ra->first);
      EXPECT_EQ(event::RangesConflict(ra, rb), plain) << a << " / " << b;
      conflicts += plain;
    }
  }
  EXPECT_GE(conflicts, 20);
}

}  // namespace
}  // namespace sitrep
