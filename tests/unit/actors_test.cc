#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "actor/lexicon.h"
#include "sitrep/pipeline.h"
#include "sitrep/actors.h"
#include "sitrep/text.h"

namespace sitrep {
namespace {

std::vector<ActorMention> Actors(const std::string& text) {
  Document doc;
  doc.text = text;
  AnnotateActors(doc);
  return doc.actors;
}

struct ActorCase {
  const char* text;
  const char* surface;  // the mention expected (empty: no mention at all)
  const char* actor;
  int inter;
  const char* iso3;
  bool generic;
};

const ActorCase kCases[] = {
    // State forces from demonym / country + force word.
    {"Iraqi forces stormed the farm.", "Iraqi forces", "Military Forces of Iraq", 1, "IRQ", false},
    {"Nigerian police said two suspects fled.", "Nigerian police", "Police Forces of Nigeria", 1, "NGA", false},
    {"American troops landed at dawn.", "American troops", "Military Forces of the United States", 1, "USA", false},
    {"Then U.S. troops left the valley.", "U.S. troops", "Military Forces of the United States", 1, "USA", false},
    {"A statement by U.S. Central Command followed.", "U.S. Central Command", "Military Forces of the United States", 1, "USA", false},
    {"Kenya's military moved north.", "Kenya's military", "Military Forces of Kenya", 1, "KEN", false},
    {"Malian armed forces patrolled the road.", "Malian armed forces", "Military Forces of Mali", 1, "MLI", false},
    {"Officers of the Iraqi National Intelligence Service took part.", "Iraqi National Intelligence Service", "Military Forces of Iraq", 1, "IRQ", false},
    // Branches of a country's forces, named after the base as ACLED names them.
    {"Burkinabe gendarmes opened a checkpoint.", "Burkinabe gendarmes", "Police Forces of Burkina Faso Gendarmerie", 1, "BFA", false},
    {"Brazilian military police raided the favela.", "Brazilian military police", "Military Forces of Brazil Military Police", 1, "BRA", false},
    {"Brazil's federal police arrested him.", "Brazil's federal police", "Police Forces of Brazil Federal Police", 1, "BRA", false},
    // ACLED names special forces as a branch of few countries' militaries: the plain name.
    {"Malian special forces freed the hostages.", "Malian special forces", "Military Forces of Mali", 1, "MLI", false},
    {"The Ivorian gendarmerie closed the road.", "Ivorian gendarmerie", "Police Forces of the Ivory Coast Gendarmerie", 1, "CIV", false},
    // A branch without a country is the bare base, completed by the role stage.
    {"Gendarmes opened a checkpoint.", "Gendarmes", "Police Forces", 1, "", true},
    {"A former gendarme was shot.", "gendarme", "Civilians", 7, "", true},
    {"Congolese soldiers repelled them.", "Congolese soldiers", "Military Forces of the Democratic Republic of Congo", 1, "COD", false},
    // Countries ACLED writes with "the": the article once, whatever the lexicon's spelling.
    {"Dutch troops left the base.", "Dutch troops", "Military Forces of the Netherlands", 1, "NLD", false},
    {"Ivorian police closed the road.", "Ivorian police", "Police Forces of the Ivory Coast", 1, "CIV", false},
    // Bare force words: class mentions, country left to the role stage.
    {"The army said the road was open.", "army", "Military Forces", 1, "", true},
    {"Police arrested the driver.", "Police", "Police Forces", 1, "", true},
    {"They said forces were nearby.", "", "", 0, "", false},
    // Named groups, aliases and branches.
    {"ISIS fighters hid in the valley.", "ISIS", "Islamic State", 2, "", false},
    {"Daesh claimed the blast.", "Daesh", "Islamic State", 2, "", false},
    {"An IS commander was named.", "IS", "Islamic State", 2, "", false},
    {"ISWAP raided the town.", "ISWAP", "Islamic State (West Africa)", 2, "NGA", false},
    {"The Islamic State West Africa Province claimed it.", "Islamic State West Africa Province", "Islamic State (West Africa)", 2, "NGA", false},
    {"Later al-Shabaab retreated.", "al-Shabaab", "Al Shabaab", 2, "SOM", false},
    {"Later al Shabaab retreated.", "al Shabaab", "Al Shabaab", 2, "SOM", false},
    {"JNIM claimed the ambush.", "JNIM", "JNIM: Group for Support of Islam and Muslims", 2, "", false},
    {"The Houthis fired a drone.", "Houthis", "Military Forces of Yemen Supreme Political Council", 1, "YEM", false},
    {"Ansar Allah denied it.", "Ansar Allah", "Military Forces of Yemen Supreme Political Council", 1, "YEM", false},
    // Branches and factions as ACLED names them without the era; ACLED's spelling of the VDP.
    {"Pro-Hadi forces held the road.", "Pro-Hadi forces", "Military Forces of Yemen", 1, "YEM", false},
    {"LNA troops shelled the area.", "LNA", "Military Forces of Libya Haftar Faction", 1, "LBY", false},
    {"VDP members repelled the attack.", "VDP", "VDP: Volunteer for Defense of Homeland", 4, "BFA", false},
    {"The Arakan Army took the post.", "Arakan Army", "Arakan Army", 2, "MMR", false},
    {"M23 rebels advanced on the town.", "M23 rebels", "M23: March 23 Movement", 2, "COD", false},
    {"The Taliban's envoy spoke.", "Taliban's", "Taliban", 2, "AFG", false},
    {"Wagner mercenaries were seen.", "Wagner mercenaries", "Wagner Group", 8, "RUS", false},
    // "force of Country" word order, "the military", personnel.
    {"The military forces of Azerbaijan fired first.", "military forces of Azerbaijan", "Military Forces of Azerbaijan", 1, "AZE", false},
    {"Then the army of Mali withdrew.", "army of Mali", "Military Forces of Mali", 1, "MLI", false},
    {"Later the military closed the road.", "the military", "Military Forces", 1, "", true},
    {"Two Afghan security personnel died.", "Afghan security personnel", "Military Forces of Afghanistan", 1, "AFG", false},
    {"Two pro-government militia members died.", "pro-government militia members", "Militia (Pro-Government)", 3, "", false},
    {"An Arbaki was wounded.", "Arbaki", "Militia (Pro-Government)", 3, "", false},
    {"The AA denied it.", "AA", "Arakan Army", 2, "MMR", false},
    {"BLF militants fled.", "BLF", "BLF: Baloch Liberation Front", 2, "PAK", false},
    {"A retired policeman was shot.", "policeman", "Civilians", 7, "", true},
    {"NAF rebel forces fired mortars.", "NAF rebel forces", "NAF: United Armed Forces of Novorossiya", 2, "UKR", false},
    // Generic actors.
    {"Unidentified perpetrators burned a truck.", "Unidentified perpetrators", "Unidentified Armed Group", 3, "", true},
    {"Some locals gathered.", "locals", "Civilians", 7, "", true},
    {"Unidentified armed men burned the shop.", "Unidentified armed men", "Unidentified Armed Group", 3, "", true},
    {"Gunmen blocked the bridge.", "Gunmen", "Unidentified Armed Group", 3, "", true},
    {"Kenyan protesters sang.", "Kenyan protesters", "Protesters", 6, "KEN", true},
    {"Rioters smashed windows.", "Rioters", "Rioters", 5, "", true},
    {"Three villagers fled.", "villagers", "Civilians", 7, "", true},
    // Case traps: "is", "Is", "us" are not actors.
    {"This is a quiet town.", "", "", 0, "", false},
    {"Is it safe to travel?", "", "", 0, "", false},
    {"They told us to leave.", "", "", 0, "", false},
    {"THE IS REPORT IS OUT TODAY", "", "", 0, "", false},
    // An alias with an inner capital ("LeT") needs one in the text: "let", "Let" are words.
    {"LeT militants attacked the post.", "LeT", "Lashkar-e-Taiba", 2, "IND", false},
    {"She refused to let them pass.", "", "", 0, "", false},
    {"Let them pass, she said.", "", "", 0, "", false},
    // The headline test is per sentence: a headline before, and a short all-caps line.
    {"THE IS REPORT IS OUT TODAY\nAn IS commander was named.", "IS", "Islamic State", 2, "", false},
    {"IS CLAIMS BLAST", "IS", "Islamic State", 2, "", false},
};

TEST(ActorsTest, Table) {
  for (const ActorCase& c : kCases) {
    SCOPED_TRACE(c.text);
    std::vector<ActorMention> got = Actors(c.text);
    if (c.surface[0] == '\0') {
      EXPECT_TRUE(got.empty()) << got.size() << " mentions, first: " << (got.empty() ? "" : got[0].actor);
      continue;
    }
    ASSERT_FALSE(got.empty());
    const ActorMention& m = got[0];
    std::string text = c.text;
    EXPECT_EQ(text.substr(m.span.begin, m.span.size()), c.surface);
    EXPECT_EQ(m.actor, c.actor);
    EXPECT_EQ(m.inter, c.inter);
    EXPECT_EQ(m.country_iso3, c.iso3);
    EXPECT_EQ(m.generic, c.generic);
  }
}

TEST(ActorsTest, ForcesOfTwoCountries) {
  std::vector<ActorMention> got = Actors("Military forces of India and Pakistan exchanged fire.");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].actor, "Military Forces of India");
  EXPECT_EQ(got[1].actor, "Military Forces of Pakistan");
}

// A branch mention says its branch, with or without a country; the names of a country's branches
// come from the lexicon and lose the branch again for the country's government.
TEST(ActorsTest, BranchesOfForces) {
  const std::vector<ActorMention> a = Actors("Burkinabe gendarmes and soldiers left.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].branch, "Gendarmerie");
  EXPECT_EQ(a[1].actor, "Military Forces");
  EXPECT_EQ(a[1].branch, "");
  EXPECT_EQ(Actors("Federal police left.").at(0).branch, "Federal Police");
  EXPECT_EQ(ActorForcesName("BFA", true, "Gendarmerie"), "Police Forces of Burkina Faso Gendarmerie");
  EXPECT_EQ(ActorForcesName("BFA", true, "Gendarmerie").data(), a[0].actor.data());
  EXPECT_EQ(ActorForcesName("PHL", true, "Federal Police"), "Police Forces of the Philippines Federal Police");
  EXPECT_EQ(ActorForcesName("BFA", true, "Navy Seals"), "");
  EXPECT_EQ(ActorForcesName("BFA", false, "Gendarmerie"), "");  // the lexicon's is the police's
  EXPECT_EQ(ActorForcesWithoutBranch("Military Forces of Brazil Military Police"), "Military Forces of Brazil");
  EXPECT_EQ(ActorForcesWithoutBranch("Military Forces of Brazil"), "Military Forces of Brazil");
  EXPECT_EQ(ActorForcesWithoutBranch("Military Forces of Libya Haftar Faction"), "Military Forces of Libya Haftar Faction");
  EXPECT_EQ(ActorForcesWithoutBranch("Gendarmerie"), "Gendarmerie");
}

// Mention names view the lexicon, not the document: they outlive it (Actors returns them after
// the document is gone), and two documents naming one actor share its one spelling.
TEST(ActorsTest, MentionNamesViewTheLexiconNotTheDocument) {
  const std::vector<ActorMention> a = Actors("Nigerian police and American troops met ISIS.");
  const std::vector<ActorMention> b = Actors("American troops and Nigerian police met ISIS.");
  ASSERT_EQ(a.size(), 3u);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(a[0].actor, "Police Forces of Nigeria");
  EXPECT_EQ(a[1].actor, "Military Forces of the United States");
  EXPECT_EQ(a[2].actor, "Islamic State");
  EXPECT_EQ(a[0].actor.data(), b[1].actor.data());
  EXPECT_EQ(a[1].actor.data(), b[0].actor.data());
  EXPECT_EQ(a[2].actor.data(), b[2].actor.data());
  EXPECT_EQ(a[0].country_iso3.data(), b[1].country_iso3.data());
  EXPECT_EQ(a[1].country_iso3, "USA");
}

TEST(ActorsTest, SeveralMentionsInOrder) {
  std::vector<ActorMention> got =
      Actors("Iraqi forces and American troops killed 14 ISIS operatives near a village.");
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].actor, "Military Forces of Iraq");
  EXPECT_EQ(got[1].actor, "Military Forces of the United States");
  EXPECT_EQ(got[2].actor, "Islamic State");
}

TEST(ActorsTest, CountryNames) {
  EXPECT_EQ(ActorCountryName("IRQ"), "Iraq");
  EXPECT_EQ(ActorCountryName("USA"), "United States");
  EXPECT_EQ(ActorCountryName("XXX"), "");
}

// The indexed FindCountry against a scan of the country list: every code of the lexicon, codes
// it lacks, and strings that are no three-capital code.
TEST(ActorsTest, FindCountryMatchesScan) {
  const actor::Lexicon& lex = actor::GetLexicon();
  auto scan = [&](std::string_view iso3) -> const actor::Country* {
    for (const actor::Country& c : lex.countries) {
      if (c.iso3 == iso3) return &c;
    }
    return nullptr;
  };
  ASSERT_FALSE(lex.countries.empty());
  std::vector<std::string> codes;
  for (const actor::Country& c : lex.countries) codes.push_back(c.iso3);
  for (const char* other : {"", "IR", "IRQQ", "irq", "Irq", "ZZZ", "AAA", "I Q", "\xC3\x89TA"}) {
    codes.push_back(other);
  }
  for (const std::string& code : codes) {
    EXPECT_EQ(lex.FindCountry(code), scan(code)) << code;
  }
  EXPECT_NE(lex.FindCountry("IRQ"), nullptr);
  EXPECT_EQ(lex.FindCountry("ZZZ"), nullptr);
}

// The document's token keys in one buffer, with their hashes, against TokenKey per token.
TEST(ActorsTest, TokenKeysMatchTokenKey) {
  Document doc;
  doc.text =
      "U.S. troops and Iraq's army, the IRAQI ARMY\xE2\x80\x99s men... Al-Shabaab's "
      "fighters; M23 rebels' (ISIS-K) 's x.y. \xC3\x89lite";
  AnnotateActors(doc);
  ASSERT_GT(doc.tokens.size(), 10u);
  const actor::TokenKeys keys(doc);
  ASSERT_EQ(keys.size(), doc.tokens.size());
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const std::string key = actor::TokenKey(doc.Slice(doc.tokens[i].span));
    EXPECT_EQ(keys[i], key) << i;
    EXPECT_EQ(keys.hash(i), actor::PhraseTrie::KeyHash(key)) << i;
  }
  Document empty;
  EXPECT_EQ(actor::TokenKeys(empty).size(), 0u);
}

// TokenKey spelled out plainly: a possessive "'s" / "’s" dropped, periods dropped, A-Z
// lower-cased as std::tolower in the "C" locale.
std::string ReferenceKey(std::string_view token) {
  if (token.size() > 2 && (token.back() == 's' || token.back() == 'S')) {
    if (token[token.size() - 2] == '\'') {
      token.remove_suffix(2);
    } else if (token.size() > 4 && token.substr(token.size() - 4, 3) == "\xE2\x80\x99") {
      token.remove_suffix(4);
    }
  }
  std::string key;
  for (char c : token) {
    if (c != '.') key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return key;
}

// Tokens of every length up to 20 and every byte, written eight and sixteen bytes at a time
// away from the text's end and byte by byte near it, against ReferenceKey and KeyHash.
TEST(ActorsTest, TokenKeysMatchReference) {
  std::vector<std::string> tokens = {
      "a", "A", "Iraq", "IRAQ", "Iraq's", "IRAQ'S", "Iraq\xE2\x80\x99s", "U.S.", "u.s.a",
      "x.y.", ".", "...", "'s", "\xE2\x80\x99s", "a's", "bus", "Ss", "SS", "a\x99s",
      "ab\x99s", "\xC3\x89LITE", "@[`{", "AZaz@[", "abcdefgh", "ABCDEFGHI", "al-Shabaab's",
      "ABCDEFGHIJKLMNO", "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOPQ", "Abd-al-Jalil.Issawi's",
      "x.y.z.w.v.u.t.s.r.", "SEVENTEEN-LETTERS", "no'S", "don't"};
  for (int b = 1; b < 256; ++b) {
    tokens.push_back(std::string(1, static_cast<char>(b)));
    tokens.push_back("Ab" + std::string(1, static_cast<char>(b)) + "Cd");
    tokens.push_back("ABCDEFGHIJ" + std::string(1, static_cast<char>(b)) + "s");
  }
  Document doc;
  for (const std::string& t : tokens) {
    const uint32_t begin = static_cast<uint32_t>(doc.text.size());
    doc.text += t;
    doc.tokens.push_back({{begin, static_cast<uint32_t>(doc.text.size())}, TokenKind::kWord});
    doc.text += ' ';
  }
  // The same tokens again, each in the text's last 16 bytes in turn.
  for (const std::string& t : tokens) {
    Document end = doc;
    end.text += t;
    end.tokens.push_back({{static_cast<uint32_t>(doc.text.size()),
                           static_cast<uint32_t>(end.text.size())}, TokenKind::kWord});
    const actor::TokenKeys keys(end);
    EXPECT_EQ(keys[keys.size() - 1], ReferenceKey(t)) << t;
    EXPECT_EQ(keys.hash(keys.size() - 1), actor::PhraseTrie::KeyHash(ReferenceKey(t))) << t;
  }
  const actor::TokenKeys keys(doc);
  ASSERT_EQ(keys.size(), tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    EXPECT_EQ(keys[i], ReferenceKey(tokens[i])) << tokens[i];
    EXPECT_EQ(keys.hash(i), actor::PhraseTrie::KeyHash(ReferenceKey(tokens[i]))) << tokens[i];
  }
  // Keys that differ only past their eighth byte, or only in length, hash apart.
  EXPECT_NE(actor::PhraseTrie::KeyHash("abcdefgh"), actor::PhraseTrie::KeyHash("abcdefghi"));
  EXPECT_NE(actor::PhraseTrie::KeyHash("abcdefghij"), actor::PhraseTrie::KeyHash("abcdefghik"));
  EXPECT_NE(actor::PhraseTrie::KeyHash("a"), actor::PhraseTrie::KeyHash(std::string("a\0", 2)));
}

// The trie's step by a token of the document's keys (the key read only at a matching tag)
// against the step by the key itself, from the root and from every node one step below it,
// for every token: phrases sharing first words, one-token and longer keys, and tokens that are
// no key.
TEST(ActorsTest, TrieChildOfTokenMatchesChildOfKey) {
  actor::PhraseTrie trie;
  uint32_t value = 0;
  for (const char* phrase : {"armed clash", "armed men", "armed", "al-Shabaab fighters",
                             "the army", "U.S. forces", "forces of", "security forces",
                             "abcdefghijklmnopq rebels", "rebels' camp"}) {
    trie.Add(actor::PhraseKeys(phrase), value++);
  }
  Document doc;
  doc.text =
      "The army and armed men clashed with al-Shabaab fighters; U.S. forces of the security "
      "forces hit the ABCDEFGHIJKLMNOPQ rebels' camp. Armed clash, armed, ARMED.";
  AnnotateActors(doc);
  const actor::TokenKeys keys(doc);
  ASSERT_GT(keys.size(), 20u);
  std::vector<int32_t> nodes = {actor::PhraseTrie::kRoot};
  for (size_t i = 0; i < keys.size(); ++i) {
    const int32_t child = trie.Child(actor::PhraseTrie::kRoot, keys[i]);
    if (child >= 0) nodes.push_back(child);
  }
  ASSERT_GT(nodes.size(), 5u);
  size_t found = 0;
  for (int32_t node : nodes) {
    for (size_t i = 0; i < keys.size(); ++i) {
      const int32_t expected = trie.Child(node, keys[i]);
      EXPECT_EQ(trie.Child(node, keys, i), expected) << node << " / " << keys[i];
      const actor::PhraseTrie::Step step = trie.StepTo(node, keys, i);
      EXPECT_EQ(step.node, expected) << node << " / " << keys[i];
      if (expected >= 0) {
        const auto values = trie.Values(expected);
        EXPECT_TRUE(std::equal(step.values.begin(), step.values.end(), values.begin(),
                               values.end()))
            << node << " / " << keys[i];
      }
      found += expected >= 0;
    }
  }
  EXPECT_GT(found, 10u);
}

// Values come back per node in the order added, whatever other phrases were added between
// (a node's values are kept together), and a node on the way to a phrase has none.
TEST(ActorsTest, TrieValuesInOrderAddedPerNode) {
  actor::PhraseTrie trie;
  trie.Add(actor::PhraseKeys("armed men"), 1);
  trie.Add(actor::PhraseKeys("security forces"), 2);
  trie.Add(actor::PhraseKeys("armed men"), 3);
  trie.Add(actor::PhraseKeys("armed"), 4);
  trie.Add(actor::PhraseKeys("security forces"), 5);
  trie.Add(actor::PhraseKeys("armed men"), 6);
  trie.Add(actor::PhraseKeys("a very long key abcdefghijklmnopqrstuvwxyz"), 7);
  auto values = [&](std::string_view phrase) {
    int32_t node = actor::PhraseTrie::kRoot;
    for (const std::string& key : actor::PhraseKeys(phrase)) {
      node = trie.Child(node, key);
      if (node < 0) return std::vector<uint32_t>{99};
    }
    const auto v = trie.Values(node);
    return std::vector<uint32_t>(v.begin(), v.end());
  };
  EXPECT_EQ(values("armed men"), (std::vector<uint32_t>{1, 3, 6}));
  EXPECT_EQ(values("security forces"), (std::vector<uint32_t>{2, 5}));
  EXPECT_EQ(values("armed"), (std::vector<uint32_t>{4}));
  EXPECT_EQ(values("security"), (std::vector<uint32_t>{}));
  EXPECT_EQ(values("a very long key abcdefghijklmnopqrstuvwxyz"), (std::vector<uint32_t>{7}));
  EXPECT_EQ(values("a very long key abcdefghijklmnopqrstuvwxyZ"), (std::vector<uint32_t>{7}));
  EXPECT_EQ(values("a very long key abcdefghijklmnopqrstuvwxy"), (std::vector<uint32_t>{99}));
  EXPECT_EQ(trie.num_nodes(), 10u);
  // Stepping by a document's tokens reads the same values from the edges.
  Document doc;
  doc.text = "armed men, security forces. A very long key ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  AnnotateActors(doc);
  const actor::TokenKeys keys(doc);
  std::vector<std::vector<uint32_t>> stepped;
  for (size_t i = 0; i < keys.size(); ++i) {
    actor::PhraseTrie::Step step;
    step.node = actor::PhraseTrie::kRoot;
    for (size_t j = i; j < keys.size(); ++j) {
      step = trie.StepTo(step.node, keys, j);
      if (step.node < 0) break;
      if (!step.values.empty()) stepped.emplace_back(step.values.begin(), step.values.end());
    }
  }
  EXPECT_EQ(stepped, (std::vector<std::vector<uint32_t>>{{4}, {1, 3, 6}, {2, 5}, {7}}));
}

// A phrase with a key longer than kMaxKeyBytes is not added, one of kMaxKeyBytes is; a phrase
// keeps its first kMaxValues values; stepping by tokens reads the same values as Values.
TEST(ActorsTest, TrieLimitsOfKeyLengthAndValueCount) {
  actor::PhraseTrie trie;
  const std::string longest(actor::PhraseTrie::kMaxKeyBytes, 'k');
  trie.Add({longest}, 1);
  trie.Add({longest + "k"}, 2);
  trie.Add({"x", longest + "k"}, 3);
  EXPECT_GE(trie.Child(actor::PhraseTrie::kRoot, longest), 0);
  EXPECT_EQ(trie.Child(actor::PhraseTrie::kRoot, longest + "k"), -1);
  EXPECT_EQ(trie.Child(actor::PhraseTrie::kRoot, "x"), -1);
  for (uint32_t v = 0; v <= actor::PhraseTrie::kMaxValues; ++v) trie.Add({"many"}, v);
  const int32_t many = trie.Child(actor::PhraseTrie::kRoot, "many");
  ASSERT_GE(many, 0);
  const auto values = trie.Values(many);
  ASSERT_EQ(values.size(), actor::PhraseTrie::kMaxValues);
  for (uint32_t v = 0; v < values.size(); ++v) ASSERT_EQ(values[v], v);
  Document doc;
  doc.text = "many";
  AnnotateActors(doc);
  const actor::TokenKeys keys(doc);
  ASSERT_EQ(keys.size(), 1u);
  const actor::PhraseTrie::Step step = trie.StepTo(actor::PhraseTrie::kRoot, keys, 0);
  EXPECT_EQ(step.node, many);
  EXPECT_TRUE(std::equal(step.values.begin(), step.values.end(), values.begin(), values.end()));
}

// NextFromRoot passes over exactly tokens that take no step from the root, and stops at every
// token that does, from every token and with every end.
TEST(ActorsTest, NextFromRootPassesOverOnlyTokensWithoutARootStep) {
  actor::PhraseTrie trie;
  uint32_t value = 0;
  for (const char* phrase : {"armed clash", "armed men", "the army", "U.S. forces", "rebels",
                             "abcdefghijklmnopq rebels", ","}) {
    trie.Add(actor::PhraseKeys(phrase), value++);
  }
  // Enough root words that the edge table grows several times after the first ones.
  for (int k = 0; k < 300; k += 2) trie.Add({"w" + std::to_string(k), "x"}, value++);
  Document doc;
  doc.text =
      "The army and armed men clashed with rebels, U.S. forces said; the ABCDEFGHIJKLMNOPQ "
      "rebels' camp was quiet. Nothing else happened here at all. w0 w1 w2 w3 W4 w5 w298 w299 "
      "w150 w151 x w7";
  AnnotateActors(doc);
  const actor::TokenKeys keys(doc);
  const size_t n = keys.size();
  ASSERT_GT(n, 20u);
  size_t stops = 0, passed = 0;
  for (size_t end = 0; end <= n; ++end) {
    for (size_t i = 0; i <= end; ++i) {
      const size_t next = trie.NextFromRoot(keys, i, end);
      ASSERT_GE(next, i);
      ASSERT_LE(next, end);
      for (size_t t = i; t < next; ++t) {
        EXPECT_EQ(trie.Child(actor::PhraseTrie::kRoot, keys, t), -1) << keys[t];
      }
      if (next < end) {
        ++stops;
      } else if (i < end) {
        ++passed;
      }
      // A token with a root step is never passed over.
      if (i < end && trie.Child(actor::PhraseTrie::kRoot, keys, i) >= 0) EXPECT_EQ(next, i);
    }
  }
  EXPECT_GT(stops, 100u);
  EXPECT_GT(passed, 10u);
}

// Whether a phrase of `trie` (a node with values) starts at token `i` and ends before `end`:
// the reference NextPhraseStart is checked against, a walk of the trie from the token.
bool PhraseStartsAt(const actor::PhraseTrie& trie, const actor::TokenKeys& keys, size_t i,
                    size_t end) {
  int32_t node = actor::PhraseTrie::kRoot;
  for (size_t j = i; j < end; ++j) {
    node = trie.Child(node, keys, j);
    if (node < 0) return false;
    if (!trie.Values(node).empty()) return true;
  }
  return false;
}

// NextPhraseStart passes over only tokens where no phrase starts, stops at every one where one
// does, and passes over tokens that take a root step but open no phrase with the next token
// ("the" before "rebels": "the army" is a phrase, "the" alone is not).
TEST(ActorsTest, NextPhraseStartPassesOverOnlyTokensWhereNoPhraseStarts) {
  actor::PhraseTrie trie;
  uint32_t value = 0;
  for (const char* phrase : {"armed clash", "armed men", "the army", "U.S. forces", "rebels",
                             "abcdefghijklmnopq rebels", ",", "a b c d", "x"}) {
    trie.Add(actor::PhraseKeys(phrase), value++);
  }
  // Enough phrases that the edge table grows several times after the first ones.
  for (int k = 0; k < 300; k += 2) {
    std::string word = "w";  // (appended: "w" + ... trips a GCC 12 -Wrestrict false positive)
    word += std::to_string(k);
    trie.Add({word, "x"}, value++);
  }
  Document doc;
  doc.text =
      "The army and armed men clashed with rebels, U.S. forces said; the ABCDEFGHIJKLMNOPQ "
      "rebels' camp was quiet. The rebels and the U.S. said armed. Nothing else happened here "
      "at all: a b c d, a b c, w0 w1 w2 w3 W4 w5 w298 w299 w150 w151 x w7 x";
  AnnotateActors(doc);
  const actor::TokenKeys keys(doc);
  const size_t n = keys.size();
  ASSERT_GT(n, 40u);
  size_t stops = 0, passed_root_steps = 0;
  for (size_t end = 0; end <= n; ++end) {
    for (size_t i = 0; i <= end; ++i) {
      const size_t next = trie.NextPhraseStart(keys, i, end);
      ASSERT_GE(next, i);
      ASSERT_LE(next, end);
      for (size_t t = i; t < next; ++t) {
        EXPECT_FALSE(PhraseStartsAt(trie, keys, t, end)) << keys[t] << " " << end;
        if (trie.Child(actor::PhraseTrie::kRoot, keys, t) >= 0) ++passed_root_steps;
      }
      if (next < end) ++stops;
      if (i < end && PhraseStartsAt(trie, keys, i, end)) {
        EXPECT_EQ(next, i) << keys[i];
      }
    }
  }
  EXPECT_GT(stops, 100u);
  EXPECT_GT(passed_root_steps, 100u);
}

TEST(ActorsTest, StageName) { EXPECT_EQ(MakeActorsStage()->name(), "actors"); }

TEST(ActorsTest, EmbeddedLexiconMatchesData) {
  for (const char* name : {"groups.tsv", "generic.tsv", "force_words.tsv", "modifiers.tsv", "demonyms.tsv"}) {
    SCOPED_TRACE(name);
    std::ifstream in(std::string(SITREP_SOURCE_DIR) + "/data/actors/" + name, std::ios::binary);
    ASSERT_TRUE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string_view embedded = actor::EmbeddedTsv(name);
    ASSERT_FALSE(embedded.empty());
    EXPECT_EQ(embedded.substr(1), ss.str()) << "regenerate src/actor/*_tsv.inc (see src/actor/lexicon.cc)";
  }
}

TEST(ActorsTest, EmptyAndUnsegmentedDocuments) {
  Document doc;
  AnnotateActors(doc);
  EXPECT_TRUE(doc.actors.empty());
}

}  // namespace
}  // namespace sitrep
