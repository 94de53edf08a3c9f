// Toponym recognition: which token runs might name a place. Acceptance is left to the resolver,
// which knows the document's context; this pass collects the evidence.
//
// Per sentence, left to right, a candidate starts at a capitalized word (or an article-prefixed
// one: "al-Qaim", "Al Anbar") and grows over following words while the gazetteer holds a folded
// key with that prefix (HasFoldedPrefix); the longest run that is a key wins. Inside a name,
// lower-case connectors are allowed ("Deir ez-Zor", "Bosnia and Herzegovina", "Isle of Man",
// "Rio de Janeiro"), and a trailing level word when the key holds it ("Anbar province",
// "Rapides Parish"). Evidence recorded around the run:
//  - cue: a locative preposition before it ("in", "at", "from"...), a strong cue ("near",
//    "outside", "village of", "district of") or a level word after it ("province", "district");
//  - a direction word before it ("eastern Syria") or "the north of" → a relative region; "the
//    north of the country" is a candidate without a name, resolved to the document's country;
//  - a speech verb after it ("Washington said") → metonymic;
//  - a capitalized non-place word right before or after it ("Michael Jordan", "Jordan
//    Henderson", "Washington Post") → probably part of a person's or organisation's name;
//  - a title before it ("President", "Gen.", "Mr.") → rejected here;
//  - months, weekdays and words that are rarely places in news ("Police", "God") → rejected.
// A capitalized word that is not a key but is a demonym ("Iraqi", "Afghans") becomes a demonym
// candidate.
// Also rejected here: contractions ("I'll"), mixed-case acronyms ("LoC"), a handful of common
// words that are alternate names somewhere ("House", "Superior"), "X House" buildings, a name
// before "&" (a firm) or before a currency word ("US dollar"), and a name before an
// organisation word now including "Center". A name before a local-institution word
// ("Mansfield Police", "Dublin City Council") is a place used as a modifier: kept with a weak cue.
// A name after an institution's kind ("the Regional Hospital Center Dedougou") is where the
// institution is: a cue.
// "Mogadishu-Hodan district" (City-District + level word) is the city. A name followed by an
// age ("Henry, 19,") is a person; a full name before it ("Keith D. Johnson") counts double as
// person evidence. A key is a person's
// name when the document puts it after titles/first names (or before "said", for a small place)
// more often than it gives it firm place evidence (a strong cue, "in"/"at", a level word, an
// institution word). One token of hyphen-joined parts ("D-Charleston", "Nashville-based",
// "Egyptian-US") yields its places when a party letter or place word marks them, or when all are
// countries, states or demonyms. "S.C.", "D.C." are states anywhere, not only after a comma.
// A plural level word after a list types each of its names ("Barrow, Jackson and Madison
// counties").
#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "geo/places_internal.h"
#include "util/hash_bytes.h"
#include "util/word_set.h"

namespace sitrep::places_internal {
namespace {

using util::WordSet;

// ASCII letters only (what std::tolower does in the C locale sitrep runs in).
char LowerByte(char ch) {
  const unsigned char c = static_cast<unsigned char>(ch);
  return static_cast<char>(static_cast<unsigned>(c - 'A') < 26u ? c + 32 : c);
}

// True when `w` lower-cased equals `lower`.
bool EqualsLower(std::string_view w, std::string_view lower) {
  if (w.size() != lower.size()) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    if (LowerByte(w[i]) != lower[i]) return false;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerByte(c);
  return out;
}

// True when the first letter is upper case (ASCII, Latin-1 and Latin Extended-A capitals).
// Asked of nearly every token: inlined at each call.
[[gnu::always_inline]] inline bool IsCapitalized(std::string_view w) {
  if (w.empty()) return false;
  unsigned char c = static_cast<unsigned char>(w[0]);
  if (c >= 'A' && c <= 'Z') return true;
  if (w.size() < 2) return false;
  unsigned char d = static_cast<unsigned char>(w[1]);
  if (c == 0xC3) return d >= 0x80 && d <= 0x9E && d != 0x97;
  if (c == 0xC4 || c == 0xC5) return (d & 1) == 0;  // Ā ā Ă ă ...: capitals are even
  return false;
}

// "LoC", "VoJ", "DoD": lower-case letters inside but a capital at the end — an acronym.
bool IsMixedAcronym(std::string_view w) {
  if (w.size() < 3 || w.size() > 5) return false;
  bool lower = false;
  for (char ch : w) {
    if (ch >= 'a' && ch <= 'z') lower = true;
    else if (!(ch >= 'A' && ch <= 'Z')) return false;
  }
  return lower && w.back() >= 'A' && w.back() <= 'Z';
}

bool IsAllCaps(std::string_view w) {
  int letters = 0;
  for (char ch : w) {
    if (ch >= 'a' && ch <= 'z') return false;
    if (ch >= 'A' && ch <= 'Z') ++letters;
  }
  return letters >= 2;
}

// The position of the first dash of `w` when it is byte 2 or 3 ("al-", "ash-"), else npos:
// tested in place (find calls memchr, for each of the many words asked).
constexpr size_t ArticleDash(std::string_view w) {
  if (w.size() > 2 && w[2] == '-' && w[0] != '-' && w[1] != '-') return 2;
  if (w.size() > 3 && w[3] == '-' && w[0] != '-' && w[1] != '-' && w[2] != '-') return 3;
  return std::string_view::npos;
}
// ArticleDash against the first dash found by find, over every word of up to five bytes of
// dashes and letters.
constexpr bool ArticleDashMatchesFind() {
  char w[5] = {};
  for (size_t len = 0; len <= 5; ++len) {
    for (unsigned bits = 0; bits < (1u << len); ++bits) {
      for (size_t k = 0; k < len; ++k) w[k] = (bits >> k & 1) ? '-' : 'a';
      const std::string_view word(w, len);
      const size_t dash = word.find('-');
      if (ArticleDash(word) != (dash == 2 || dash == 3 ? dash : std::string_view::npos)) {
        return false;
      }
    }
  }
  return true;
}
static_assert(ArticleDashMatchesFind());

// "al-Qaim", "ez-Zor", "ash-Shadadi": a lower-case Arabic article glued to a capitalized name.
bool IsArticlePrefixedAt(std::string_view w, size_t dash) {
  static constexpr std::array<std::string_view, 18> kArticles = {
      "al", "el", "ad", "ash", "as", "at", "az", "an", "ar", "ath", "adh", "ed", "es", "et", "ez",
      "en", "er", "ul"};
  static const WordSet kArticles_set(kArticles);
  return kArticles_set.Has(w.substr(0, dash)) && IsCapitalized(w.substr(dash + 1));
}
// Asked of many words, most without a dash at byte 2 or 3: that test in place, the rest called.
[[gnu::always_inline]] inline bool IsArticlePrefixed(std::string_view w) {
  const size_t dash = ArticleDash(w);
  return dash != std::string_view::npos && IsArticlePrefixedAt(w, dash);
}

constexpr std::array<std::string_view, 8> kArticleWords = {"al",  "el", "ad", "as",
                                                           "ash", "an", "ar", "ez"};
// Asked of many short lower-case words ("a", "an", "and", "as"): byte tests, no hashing.
constexpr bool IsArticleWord(std::string_view lower) {
  if (lower.size() == 2) {
    const char a = lower[0], b = lower[1];
    return (a == 'a' && (b == 'l' || b == 'd' || b == 's' || b == 'n' || b == 'r')) ||
           (a == 'e' && (b == 'l' || b == 'z'));
  }
  return lower.size() == 3 && lower[0] == 'a' && lower[1] == 's' && lower[2] == 'h';
}
// The byte tests answer as the list for every lower-case word of up to three letters (longer
// words and words of other bytes are on neither).
constexpr bool ArticleTestsMatchTheList() {
  char w[3] = {};
  int count = 26;
  for (size_t len = 1; len <= 3; ++len, count *= 26) {
    for (int code = 0; code < count; ++code) {
      for (size_t k = 0, c = static_cast<size_t>(code); k < len; ++k, c /= 26) {
        w[k] = static_cast<char>('a' + c % 26);
      }
      bool listed = false;
      for (std::string_view a : kArticleWords) {
        bool same = a.size() == len;
        for (size_t k = 0; same && k < len; ++k) same = a[k] == w[k];
        listed = listed || same;
      }
      if (IsArticleWord(std::string_view(w, len)) != listed) return false;
    }
  }
  return true;
}
static_assert(ArticleTestsMatchTheList());

// IsFoldedArticle with its first test in place: every article FoldName drops has two or three
// bytes and starts with "a", "e" or "u" (fold.cc asserts it), and most words asked do not.
[[gnu::always_inline]] inline bool IsDroppedArticle(std::string_view lower) {
  return lower.size() >= 2 && lower.size() <= 3 &&
         (lower[0] == 'a' || lower[0] == 'e' || lower[0] == 'u') && IsFoldedArticle(lower);
}

// Lower-case words allowed inside a multi-word name; the key must still grow through them.
bool IsConnector(std::string_view w) {
  static constexpr std::array<std::string_view, 30> k = {
      "of",  "de",  "del", "della", "di",  "da",  "do",  "dos", "das", "du",
      "des", "la",  "le",  "les",   "los", "las", "and", "on",  "upon", "sur",
      "am",  "im",  "y",   "bin",   "ibn", "the", "a",   "e",   "wa",  "i"};
  static const WordSet k_set(k);
  return k_set.Has(w) || IsArticleWord(w) || IsArticlePrefixed(w);
}

// Per first byte, bit L set when a word of L bytes of `list` (words of 1 to 31 bytes:
// ShapeableList) starts with it: a word of another shape is not on the list, and is asked
// without a call (Shaped).
template <size_t N>
constexpr bool ShapeableList(const std::array<std::string_view, N>& list) {
  return std::all_of(list.begin(), list.end(),
                     [](std::string_view w) { return !w.empty() && w.size() < 32; });
}
template <size_t N>
constexpr std::array<uint32_t, 256> ShapesOf(const std::array<std::string_view, N>& list,
                                             std::array<uint32_t, 256> shapes = {}) {
  for (std::string_view w : list) {
    shapes[static_cast<unsigned char>(w[0])] |= uint32_t{1} << (w.size() & 31);
  }
  return shapes;
}
[[gnu::always_inline]] inline bool Shaped(const std::array<uint32_t, 256>& shapes,
                                          std::string_view w) {
  return !w.empty() && w.size() < 32 &&
         (shapes[static_cast<unsigned char>(w[0])] >> w.size() & 1) != 0;
}

constexpr std::array<std::string_view, 7> kAdmin1LevelWords = {
    "province", "governorate", "state", "region", "oblast", "prefecture", "provinces"};
constexpr std::array<std::string_view, 9> kAdmin2LevelWords = {
    "district", "county", "parish",  "municipality", "department",
    "division", "woreda", "commune", "lga"};
constexpr std::array<std::string_view, 5> kPlaceLevelWords = {"town", "village", "city",
                                                              "neighbourhood", "neighborhood"};
// The level of a level word (the lists in this order), by the class table (see below).
TypeHint LevelWordListed(std::string_view lower);
static_assert(ShapeableList(kAdmin1LevelWords) && ShapeableList(kAdmin2LevelWords) &&
              ShapeableList(kPlaceLevelWords));
constexpr std::array<uint32_t, 256> kLevelShapes =
    ShapesOf(kPlaceLevelWords, ShapesOf(kAdmin2LevelWords, ShapesOf(kAdmin1LevelWords)));
// Asked of most words after a capitalized one: the shape test first, in place.
[[gnu::always_inline]] inline TypeHint LevelWord(std::string_view lower) {
  return Shaped(kLevelShapes, lower) ? LevelWordListed(lower) : TypeHint::kNone;
}

constexpr std::array<std::string_view, 21> kDirectionWords = {
    "northern",      "southern",      "eastern",       "western",      "central",
    "northeastern",  "northwestern",  "southeastern",  "southwestern", "north-eastern",
    "north-western", "south-eastern", "south-western", "north",        "south",
    "east",          "west",          "northeast",     "northwest",    "southeast",
    "southwest"};
bool IsDirection(std::string_view lower) {
  static const WordSet k_set(kDirectionWords);
  return k_set.Has(lower);
}
constexpr std::array<std::string_view, 12> kDirectionNouns = {
    "north",     "south",     "east",       "west",       "northeast",  "northwest",
    "southeast", "southwest", "north-east", "north-west", "south-east", "south-west"};
bool IsDirectionNoun(std::string_view lower) {
  static const WordSet k_set(kDirectionNouns);
  return k_set.Has(lower);
}

constexpr std::array<std::string_view, 17> kLocativePreps = {
    "in",  "at",     "from",       "into",   "to",      "across",  "toward",  "towards", "through",
    "via", "inside", "throughout", "within", "between", "entered", "reached", "of"};
bool IsLocativePrep(std::string_view lower) {
  static const WordSet k_set(kLocativePreps);
  return k_set.Has(lower);
}
constexpr std::array<std::string_view, 6> kNearWords = {"near",   "outside",   "around",
                                                        "nearby", "outskirts", "close"};
bool IsNearWord(std::string_view lower) {
  static const WordSet k_set(kNearWords);
  return k_set.Has(lower);
}

constexpr std::array<std::string_view, 38> kTitles = {
    "Mr",        "Mrs",  "Ms",        "Dr",      "President", "Gen",      "General", "Col",
    "Colonel",   "Lt",   "Capt",      "Captain", "Sgt",       "Minister", "Sen",     "Senator",
    "Rep",       "Gov",  "Governor",  "Mayor",   "Judge",     "Sheikh",   "King",    "Queen",
    "Prince",    "Pope", "Maj",       "Major",   "Commander", "Officer",  "Deputy",  "Chief",
    "Secretary", "Prof", "Professor", "Rev",     "Brig",      "Cpl"};

// Verbs whose object is a person, never a place ("killing", "stabbed", "arrested").
constexpr std::array<std::string_view, 11> kPersonOnlyVerbs = {
    "killing",   "stabbed",  "stabbing",  "murdered",  "murdering",
    "arrested",  "kidnapped", "abducted", "beheaded",  "strangled", "assassinated"};
bool IsPersonOnlyVerbListed(std::string_view lower) {
  static const WordSet k_set(kPersonOnlyVerbs);
  return k_set.Has(lower);
}
static_assert(std::all_of(kPersonOnlyVerbs.begin(), kPersonOnlyVerbs.end(),
                          [](std::string_view w) { return w.size() >= 7 && w.size() <= 12; }));
// Asked of the word before nearly every one-word name: its length first, in place.
[[gnu::always_inline]] inline bool IsPersonOnlyVerb(std::string_view lower) {
  return lower.size() >= 7 && lower.size() <= 12 && IsPersonOnlyVerbListed(lower);
}

// Words that may follow a verb's object ("stabbed Welch and ...", "killing Welch with ...").
bool IsLinkAfterObject(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"and", "or", "with", "in", "at", "on", "after",
                                                "before", "while", "as", "who", "when", "over"};
  static const WordSet k_set(kWords);
  return k_set.Has(lower);
}

// Words for an office named after its field ("Ministry of Justice", "Department of Water").
bool IsOfficeWord(std::string_view lower) {
  return lower == "ministry" || lower == "department" || lower == "dept" || lower == "office" ||
         lower == "bureau" || lower == "agency" || lower == "directorate";
}

bool IsTitleListed(std::string_view w) {
  static const WordSet k_set(kTitles);
  return k_set.Has(w);
}
// Asked of the word before nearly every candidate, mostly a lower-case word or punctuation:
// every title starts with a capital letter, tested in place before the set's call.
static_assert(std::all_of(kTitles.begin(), kTitles.end(),
                          [](std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }),
              "IsTitle passes only words that start with a capital letter");
[[gnu::always_inline]] inline bool IsTitle(std::string_view w) {
  return !w.empty() && static_cast<unsigned char>(w[0] - 'A') < 26 && IsTitleListed(w);
}

// Capitalized words that are places somewhere but rarely in news text.
constexpr std::array<std::string_view, 97> kNeverPlaceWords = {
    "i",         "we",        "no",        "more",       "man",       "arab",       "jesus",
    "christ",    "ms",        "mr",        "mrs",        "miss",      "dr",         "st",
    "section",   "council",   "commerce",  "park",       "hill",      "olympic",    "passover",
    "jewish",    "hamas",     "atlantic",  "pacific",    "west",      "east",       "north",
    "south",     "western",   "eastern",   "northern",   "southern",  "central",    "northwest",
    "northeast", "january",   "february",  "march",      "april",     "may",        "june",
    "july",      "august",    "september", "october",    "november",  "december",   "monday",
    "tuesday",   "wednesday", "thursday",  "friday",     "saturday",  "sunday",     "god",
    "allah",     "police",    "army",      "government", "president", "university", "hospital",
    "church",    "street",    "road",      "state",      "islamic",   "muslim",     "christian",
    "sunni",     "shia",      "congress",  "parliament", "senate",    "minister",   "ministry",
    "security",  "court",     "news",      "post",       "center",    "centre",     "national",
    "union",     "district",  "province",  "county",     "city",      "village",    "town",
    "region",    "republic",  "federal",   "christmas",  "easter",    "ramadan"};
// By the class table (see below).
bool IsNeverPlaceListed(std::string_view lower);
static_assert(kNeverPlaceWords.size() == 97);
static_assert(ShapeableList(kNeverPlaceWords));
constexpr std::array<uint32_t, 256> kNeverPlaceShapes = ShapesOf(kNeverPlaceWords);
[[gnu::always_inline]] inline bool IsNeverPlace(std::string_view lower) {
  return Shaped(kNeverPlaceShapes, lower) && IsNeverPlaceListed(lower);
}

// Capitalized words before a name that are not first names: "Former US ambassador", "Acting
// U.S. Attorney", "Historic Dublin", "Another Gainesville business".
constexpr std::array<std::string_view, 20> kCapitalizedModifiers = {
    "former",  "acting",   "historic", "metropolitan", "greater", "rural", "downtown",
    "interim", "outgoing", "incoming", "another",      "every",   "each",  "our",
    "their",   "his",      "her",      "its",          "my",      "your"};
bool IsCapitalizedModifier(std::string_view lower) {
  static const WordSet k_set(kCapitalizedModifiers);
  return k_set.Has(lower);
}

// Common words that start sentences and happen to be place names somewhere.
constexpr std::array<std::string_view, 40> kCommonSentenceStarts = {
    "the",   "a",     "an",     "he",     "she",   "it",        "they",      "we",
    "i",     "you",   "but",    "and",    "in",    "on",        "at",        "as",
    "so",    "if",    "this",   "that",   "these", "those",     "there",     "when",
    "while", "after", "before", "during", "since", "also",      "however",   "meanwhile",
    "many",  "some",  "most",   "all",    "both",  "officials", "residents", "victoria"};
bool IsCommonSentenceStart(std::string_view lower) {
  static const WordSet k_set(kCommonSentenceStarts);
  return k_set.Has(lower);
}

constexpr std::array<std::string_view, 16> kSpeechVerbs = {
    "said",    "says",     "told",  "announced", "warned",    "accused",   "denied",   "claimed",
    "insists", "insisted", "urged", "wants",     "condemned", "responded", "believes", "rejected"};
bool IsSpeechVerb(std::string_view lower) {
  static const WordSet k_set(kSpeechVerbs);
  return k_set.Has(lower);
}

// Organisation / street words that follow a place name inside a longer proper name.
constexpr std::array<std::string_view, 28> kNameSuffixes = {
    "Street", "St",       "Road",    "Rd",         "Avenue",  "Ave",    "Boulevard",
    "Blvd",   "Drive",    "Lane",    "University", "College", "School", "Post",
    "Times",  "Hospital", "Church",  "Company",    "Inc",     "Corp",   "Bank",
    "Club",   "Herald",   "Tribune", "Journal",    "Press",   "Center", "Centre"};
bool IsNameSuffix(std::string_view w) {
  static const WordSet k_set(kNameSuffixes);
  return k_set.Has(w);
}

// Words that end the name of a natural or built feature ("Niger Delta", "Indian Ocean"). Not
// "River": a river named after its town runs through it ("St. Marys River").
constexpr std::array<std::string_view, 10> kFeatureNouns = {
    "Colony", "Delta",  "Gateway", "Turnpike", "Parkway",
    "Lagoon", "Chapel", "Academy", "Canyon",   "Ocean"};
bool IsFeatureNoun(std::string_view w) {
  static const WordSet k_set(kFeatureNouns);
  return k_set.Has(w);
}

// Words that follow a place used as a modifier of a local institution ("Mansfield Police",
// "Dublin City Council", "Gainesville Mayor", "Vancouver International Airport", "Bridgeport
// Superior Court", "Kanawha Circuit Court"): the name is still the place.
constexpr std::array<std::string_view, 36> kInstitutionWords = {
    "Police",   "Mayor",         "City",      "Council",    "Fire",     "Public",      "Community",
    "Township", "Sheriff",       "Sheriff's", "Historical", "Highway",  "Chamber",     "Municipal",
    "Regional", "Area",          "Metro",     "Downtown",   "Planning", "Board",       "Housing",
    "Zoning",   "International", "Airport",   "Superior",   "Circuit",  "Independent", "Education",
    "Airbase",  "Governor",      "Governor's", "Prison",  "Provincial",
    "Stadium",  "Labour",        "Municipality"};
bool IsInstitutionWord(std::string_view w) {
  static const WordSet k_set(kInstitutionWords);
  return k_set.Has(w);
}

// "I'll", "I’d", "We've": a pronoun with a contraction, never a place ("Ill" is one somewhere).
// Views with their lengths known at compile time (a list of C strings cost a strlen each).
constexpr std::array<std::string_view, 10> kContractionSuffixes = {"'ll",
                                                                   "'d",
                                                                   "'ve",
                                                                   "'re",
                                                                   "'m",
                                                                   "\xE2\x80\x99ll",
                                                                   "\xE2\x80\x99"
                                                                   "d",
                                                                   "\xE2\x80\x99ve",
                                                                   "\xE2\x80\x99re",
                                                                   "\xE2\x80\x99m"};
// The last letters of the suffixes: most names end in none of them and need no suffix compare.
constexpr bool MayEndContraction(char c) { return c == 'l' || c == 'd' || c == 'e' || c == 'm'; }
static_assert(std::all_of(kContractionSuffixes.begin(), kContractionSuffixes.end(),
                          [](std::string_view s) { return MayEndContraction(s.back()); }),
              "MayEndContraction must pass the last letter of every suffix");
// IsContraction by the list: the reference the byte tests below are checked against.
constexpr bool IsContractionByList(std::string_view w) {
  if (w.empty() || !MayEndContraction(w.back())) return false;
  for (std::string_view suffix : kContractionSuffixes) {
    if (w.size() > suffix.size() && w.ends_with(suffix)) return true;
  }
  return false;
}
// A suffix of the list, with a byte before it, by byte tests from the end: the letters after
// the apostrophe ("ll", "ve", "re"; "d", "m"), then the apostrophe ("'" or "’"). The list's
// ends_with calls memcmp for each suffix, for the many names ending in one of those letters.
constexpr bool IsContraction(std::string_view w) {
  const size_t n = w.size();
  if (n == 0) return false;
  const char last = w[n - 1];
  size_t letters;
  if (last == 'd' || last == 'm') {
    letters = 1;
  } else if (n >= 2 && ((last == 'l' && w[n - 2] == 'l') ||
                        (last == 'e' && (w[n - 2] == 'v' || w[n - 2] == 'r')))) {
    letters = 2;
  } else {
    return false;
  }
  const size_t a = n - letters;  // the bytes before the letters, the apostrophe's last
  return (a >= 2 && w[a - 1] == '\'') ||
         (a >= 4 && w[a - 3] == '\xE2' && w[a - 2] == '\x80' && w[a - 1] == '\x99');
}
// The byte tests answer as the list for every word made of a start, an apostrophe (or a part of
// one) and an ending, each from the lists below (the reference checks also compare the two).
constexpr bool ContractionTestsMatchTheList() {
  constexpr std::string_view kStarts[] = {"", "x", "xx", "\x99", "'", "\xE2\x80\x99"};
  constexpr std::string_view kApostrophes[] = {"", "'", "\xE2\x80\x99", "\x80\x99", "\x99",
                                               "\xE2\x80"};
  constexpr std::string_view kEndings[] = {"", "ll", "l", "xl", "ve", "re", "xe", "e", "d", "m",
                                           "x", "dd", "lll", "vee"};
  for (std::string_view start : kStarts) {
    for (std::string_view apostrophe : kApostrophes) {
      for (std::string_view ending : kEndings) {
        char word[16] = {};
        size_t n = 0;
        for (std::string_view part : {start, apostrophe, ending}) {
          for (char ch : part) word[n++] = ch;
        }
        const std::string_view w(word, n);
        if (IsContraction(w) != IsContractionByList(w)) return false;
      }
    }
  }
  return true;
}
static_assert(ContractionTestsMatchTheList());

// Common English words that are alternate names of some place ("House", "Superior", "Do").
constexpr std::array<std::string_view, 17> kCommonWords = {
    "house", "superior", "defence", "defense", "supreme", "free",    "revenue", "liberal", "do",
    "in",    "route",    "metro",   "dimes",   "white",   "general", "federal", "city"};
bool IsCommonWord(std::string_view lower) {
  static const WordSet k_set(kCommonWords);
  return k_set.Has(lower);
}

// Words for a government's portfolios and a party's ideals that are also the names of small
// towns: "Ministry of Economy" (Economy, Pennsylvania), "Palace of Justice" (Justice, Illinois),
// "Congress for Democracy and Progress". Read as a place only after "in" / "at" or before a
// comma ("in Justice, Ill.").
constexpr std::array<std::string_view, 20> kPortfolioWords = {
    "justice",     "economy",   "progress",    "interior",   "energy",
    "health",      "finance",   "education",   "labour",     "labor",
    "agriculture", "democracy", "development", "solidarity", "reconciliation",
    "unity",       "industry",  "information", "planning",   "welfare"};

// Verbs whose object is often a town: "militants attacked Koutougou", "many fled Tongomayel".
constexpr std::array<std::string_view, 12> kRaidVerbs = {
    "attack",  "attacked", "raided",  "stormed", "shelled", "besieged",
    "overran", "flee",     "fled",    "looted",  "torched", "evacuated"};

constexpr std::array<std::string_view, 9> kStreetWords = {
    "road", "street", "avenue", "boulevard", "st", "rd", "ave", "lane", "drive"};
bool IsStreetWord(std::string_view lower) {
  static const WordSet k_set(kStreetWords);
  return k_set.Has(lower);
}

// The lists above as bits of one table: Evidence tests each word around a name against many
// of them, and one lookup answers all. The lower-case lists are asked with the word lower-cased,
// the capitalized ones (titles, name suffixes, feature nouns, institution words) with the word
// as written.
constexpr uint32_t kAdmin1LevelClass = 1u << 0;
constexpr uint32_t kAdmin2LevelClass = 1u << 1;
constexpr uint32_t kPlaceLevelClass = 1u << 2;
constexpr uint32_t kDirectionClass = 1u << 3;
constexpr uint32_t kDirectionNounClass = 1u << 4;
constexpr uint32_t kLocativePrepClass = 1u << 5;
constexpr uint32_t kNearWordClass = 1u << 6;
constexpr uint32_t kNeverPlaceClass = 1u << 7;
constexpr uint32_t kCapitalizedModifierClass = 1u << 8;
constexpr uint32_t kCommonSentenceStartClass = 1u << 9;
constexpr uint32_t kSpeechVerbClass = 1u << 10;
constexpr uint32_t kCommonWordClass = 1u << 11;
constexpr uint32_t kStreetWordClass = 1u << 12;
constexpr uint32_t kTitleClass = 1u << 13;
constexpr uint32_t kNameSuffixClass = 1u << 14;
constexpr uint32_t kFeatureNounClass = 1u << 15;
constexpr uint32_t kInstitutionWordClass = 1u << 16;
constexpr uint32_t kPortfolioWordClass = 1u << 17;
constexpr uint32_t kRaidVerbClass = 1u << 18;
constexpr uint32_t kLevelClasses = kAdmin1LevelClass | kAdmin2LevelClass | kPlaceLevelClass;
// Evidence looks a word up in the capitalized lists only when it starts with a capital letter.
constexpr bool AllCapitalized(std::span<const std::string_view> words) {
  return std::all_of(words.begin(), words.end(),
                     [](std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; });
}
static_assert(AllCapitalized(kNameSuffixes) && AllCapitalized(kFeatureNouns) &&
              AllCapitalized(kInstitutionWords));

// The lists' shapes (ShapesOf): a word of none of them is on no list.
constexpr std::array<uint32_t, 256> kClassShapes = [] {
  std::array<uint32_t, 256> shapes{};
  shapes = ShapesOf(kAdmin1LevelWords, shapes);
  shapes = ShapesOf(kAdmin2LevelWords, shapes);
  shapes = ShapesOf(kPlaceLevelWords, shapes);
  shapes = ShapesOf(kDirectionWords, shapes);
  shapes = ShapesOf(kDirectionNouns, shapes);
  shapes = ShapesOf(kLocativePreps, shapes);
  shapes = ShapesOf(kNearWords, shapes);
  shapes = ShapesOf(kNeverPlaceWords, shapes);
  shapes = ShapesOf(kCapitalizedModifiers, shapes);
  shapes = ShapesOf(kCommonSentenceStarts, shapes);
  shapes = ShapesOf(kSpeechVerbs, shapes);
  shapes = ShapesOf(kCommonWords, shapes);
  shapes = ShapesOf(kStreetWords, shapes);
  shapes = ShapesOf(kTitles, shapes);
  shapes = ShapesOf(kNameSuffixes, shapes);
  shapes = ShapesOf(kFeatureNouns, shapes);
  shapes = ShapesOf(kInstitutionWords, shapes);
  shapes = ShapesOf(kPortfolioWords, shapes);
  return ShapesOf(kRaidVerbs, shapes);
}();
static_assert(ShapeableList(kAdmin1LevelWords) && ShapeableList(kAdmin2LevelWords) &&
              ShapeableList(kPlaceLevelWords) && ShapeableList(kDirectionWords) &&
              ShapeableList(kDirectionNouns) && ShapeableList(kLocativePreps) &&
              ShapeableList(kNearWords) && ShapeableList(kNeverPlaceWords) &&
              ShapeableList(kCapitalizedModifiers) && ShapeableList(kCommonSentenceStarts) &&
              ShapeableList(kSpeechVerbs) && ShapeableList(kCommonWords) &&
              ShapeableList(kStreetWords) && ShapeableList(kTitles) &&
              ShapeableList(kNameSuffixes) && ShapeableList(kFeatureNouns) &&
              ShapeableList(kInstitutionWords) && ShapeableList(kPortfolioWords) &&
              ShapeableList(kRaidVerbs));

// Each class list with its bit: the table of WordClassesOf.
struct ClassList {
  std::span<const std::string_view> words;
  uint32_t bit;
};
constexpr ClassList kClassLists[] = {
    {kAdmin1LevelWords, kAdmin1LevelClass},
    {kAdmin2LevelWords, kAdmin2LevelClass},
    {kPlaceLevelWords, kPlaceLevelClass},
    {kDirectionWords, kDirectionClass},
    {kDirectionNouns, kDirectionNounClass},
    {kLocativePreps, kLocativePrepClass},
    {kNearWords, kNearWordClass},
    {kNeverPlaceWords, kNeverPlaceClass},
    {kCapitalizedModifiers, kCapitalizedModifierClass},
    {kCommonSentenceStarts, kCommonSentenceStartClass},
    {kSpeechVerbs, kSpeechVerbClass},
    {kCommonWords, kCommonWordClass},
    {kStreetWords, kStreetWordClass},
    {kTitles, kTitleClass},
    {kNameSuffixes, kNameSuffixClass},
    {kFeatureNouns, kFeatureNounClass},
    {kInstitutionWords, kInstitutionWordClass},
    {kPortfolioWords, kPortfolioWordClass},
    {kRaidVerbs, kRaidVerbClass},
};
// Every listed word fits a WordKey.
static_assert(std::all_of(std::begin(kClassLists), std::end(kClassLists), [](const ClassList& l) {
  return std::all_of(l.words.begin(), l.words.end(),
                     [](std::string_view w) { return !w.empty() && w.size() <= 16; });
}));

// A word of 1 to 16 bytes as loads that together read every byte of it (the first and last 8
// bytes, overlapping below 16; the first and last 4 below 8; the first, middle and last byte
// below 4) with its length: two words are equal exactly when their keys are, so a lookup
// compares three integers, not bytes. Reads no byte outside the word.
struct WordKey {
  uint64_t head = 0, tail = 0;
  uint64_t len = 0;  // 0: an empty slot
  bool operator==(const WordKey&) const = default;
};
inline WordKey KeyOfWord(std::string_view w) {
  const char* p = w.data();
  const size_t n = w.size();
  WordKey k;
  k.len = n;
  if (n >= 8) {
    std::memcpy(&k.head, p, 8);
    std::memcpy(&k.tail, p + n - 8, 8);
  } else if (n >= 4) {
    uint32_t head, tail;
    std::memcpy(&head, p, 4);
    std::memcpy(&tail, p + n - 4, 4);
    k.head = head;
    k.tail = tail;
  } else if (n > 0) {
    const auto b = [&](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])}; };
    k.head = b(0) | b(n / 2) << 8 | b(n - 1) << 16;
  }
  return k;
}

// The class lists in one open-addressed table of WordKeys: each word maps to the OR of the bits
// of the lists holding it (case-sensitive).
class ClassTable {
 public:
  ClassTable() {
    size_t n = 0;
    for (const ClassList& l : kClassLists) n += l.words.size();
    size_t cap = 16;
    while (cap < 2 * n) cap <<= 1;
    slots_.resize(cap);
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(cap));
    for (const ClassList& l : kClassLists) {
      for (const std::string_view w : l.words) {
        const WordKey k = KeyOfWord(w);
        size_t h = SlotOf(k);
        while (slots_[h].key.len != 0 && !(slots_[h].key == k)) h = (h + 1) & (cap - 1);
        slots_[h].key = k;
        slots_[h].bits |= l.bit;
      }
    }
  }
  uint32_t Of(std::string_view w) const {
    if (w.empty() || w.size() > 16) return 0;  // no listed word is (see the static_assert)
    const WordKey k = KeyOfWord(w);
    const size_t mask = slots_.size() - 1;
    for (size_t h = SlotOf(k); slots_[h].key.len != 0; h = (h + 1) & mask) {
      if (slots_[h].key == k) return slots_[h].bits;
    }
    return 0;
  }

 private:
  struct Slot {
    WordKey key;
    uint32_t bits = 0;
  };
  size_t SlotOf(const WordKey& k) const {
    const uint64_t h = (k.head * 0x9e3779b97f4a7c15ull) ^ (k.tail * 0xc2b2ae3d27d4eb4full) ^ k.len;
    return static_cast<size_t>((h * 0x9e3779b97f4a7c15ull) >> shift_);
  }
  std::vector<Slot> slots_;
  unsigned shift_ = 64;
};

// Built at start-up (from constant lists): no guard to test per lookup.
const ClassTable kClassTable;

uint32_t WordClassesOf(std::string_view w) { return kClassTable.Of(w); }

// WordClassesOf by the lists' own tests: the reference the table is checked against. (The
// portfolio words and raid verbs have no test of their own: the recognizer reads them only
// through the table, so the reference scans their lists.)
uint32_t WordClassesByLists(std::string_view w) {
  auto listed = [&](std::span<const std::string_view> list) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  // (The level words and the never-place words are asked of the table itself elsewhere: their
  // lists here.)
  return (listed(kAdmin1LevelWords) ? kAdmin1LevelClass : 0) |
         (listed(kAdmin2LevelWords) ? kAdmin2LevelClass : 0) |
         (listed(kPlaceLevelWords) ? kPlaceLevelClass : 0) |
         (IsDirection(w) ? kDirectionClass : 0) | (IsDirectionNoun(w) ? kDirectionNounClass : 0) |
         (IsLocativePrep(w) ? kLocativePrepClass : 0) | (IsNearWord(w) ? kNearWordClass : 0) |
         (listed(kNeverPlaceWords) ? kNeverPlaceClass : 0) |
         (IsCapitalizedModifier(w) ? kCapitalizedModifierClass : 0) |
         (IsCommonSentenceStart(w) ? kCommonSentenceStartClass : 0) |
         (IsSpeechVerb(w) ? kSpeechVerbClass : 0) | (IsCommonWord(w) ? kCommonWordClass : 0) |
         (IsStreetWord(w) ? kStreetWordClass : 0) | (IsTitle(w) ? kTitleClass : 0) |
         (IsNameSuffix(w) ? kNameSuffixClass : 0) | (IsFeatureNoun(w) ? kFeatureNounClass : 0) |
         (IsInstitutionWord(w) ? kInstitutionWordClass : 0) |
         (listed(kPortfolioWords) ? kPortfolioWordClass : 0) |
         (listed(kRaidVerbs) ? kRaidVerbClass : 0);
}

// LevelWord of a word from its classes (the levels in LevelWord's order).
TypeHint LevelOf(uint32_t classes) {
  if (classes & kAdmin1LevelClass) return TypeHint::kAdmin1;
  if (classes & kAdmin2LevelClass) return TypeHint::kAdmin2;
  if (classes & kPlaceLevelClass) return TypeHint::kPlace;
  return TypeHint::kNone;
}
// One table lookup rather than WordSets of their own (the union, then each list).
TypeHint LevelWordListed(std::string_view lower) { return LevelOf(WordClassesOf(lower)); }
bool IsNeverPlaceListed(std::string_view lower) {
  return (WordClassesOf(lower) & kNeverPlaceClass) != 0;
}

// The token text without a possessive "'s" / "’s". Asked of nearly every capitalized token:
// byte tests from the end (most words do not end in "s") rather than suffix compares.
[[gnu::always_inline]] inline std::string_view StripPossessive(std::string_view w, bool* had) {
  *had = false;
  const size_t n = w.size();
  if (n <= 2) return w;
  const char last = w[n - 1];
  if (last != 's' && last != 'S') return w;
  if (w[n - 2] == '\'') {  // "'s", "'S"
    *had = true;
    return w.substr(0, n - 2);
  }
  // "\xE2\x80\x99s" (’s); "\xEF\xBF\xBDs" (U+FFFD) is a curly apostrophe lost to bad decoding
  // ("Baghdad�s").
  if (last == 's' && n > 4 &&
      ((w[n - 4] == '\xE2' && w[n - 3] == '\x80' && w[n - 2] == '\x99') ||
       (w[n - 4] == '\xEF' && w[n - 3] == '\xBF' && w[n - 2] == '\xBD'))) {
    *had = true;
    return w.substr(0, n - 4);
  }
  return w;
}

// A per-thread memo keyed by a string of bytes (a word or a phrase as written): news repeats its
// names from document to document ("Taliban", "Kabul", "Boko Haram"), and a repeat then costs a
// hash of its bytes and one compare. Four-way set-associative, the ways' hashes and tags in one
// cache line, filled round robin: a direct-mapped word memo of the same size lost one repeated
// word in twenty to two sharing a slot. A slot holds its whole key, so an answer is exactly a
// fresh one. Tagged with the gazetteer's serial (+1, so 0 is empty): blobs opened one after
// another never see each other's answers.
template <typename Value, size_t kSetCount, size_t kKeyLen>
struct BytesMemo {
  static constexpr size_t kWays = 4;
  static constexpr size_t kSets = kSetCount;
  static constexpr size_t kMaxLen = kKeyLen;  // longer keys are not kept
  static_assert((kSets & (kSets - 1)) == 0 && kMaxLen < 256);
  struct Slot {
    Value value;
    uint8_t len = 0;
    char bytes[kMaxLen];
  };
  struct alignas(64) Keys {
    uint64_t hash[kWays] = {};
    uint64_t tag[kWays] = {};
  };
  Keys keys[kSets];
  uint8_t next[kSets] = {};  // the way a set fills next
  Slot slots[kSets][kWays];

  static size_t SetOf(uint64_t h) { return (h ^ (h >> 31)) & (kSets - 1); }
  // The slot holding `bytes` (hash h) for the blob tagged `tag`, or nullptr.
  const Slot* Find(uint64_t h, uint64_t tag, std::string_view bytes) const {
    const size_t set = SetOf(h);
    const Keys& k = keys[set];
    for (size_t w = 0; w < kWays; ++w) {
      if (k.hash[w] != h || k.tag[w] != tag) continue;
      const Slot& slot = slots[set][w];
      if (slot.len == bytes.size() && SameBytes(slot.bytes, bytes.data(), bytes.size())) {
        return &slot;
      }
    }
    return nullptr;
  }
  // The slot to hold `bytes` (hash h, blob `tag`; at most kMaxLen of them), keyed for it: its
  // own when it is there already (asked twice before the answer was kept), else a way of
  // another blob's, else the set's next in turn. The caller sets its value.
  Slot& Claim(uint64_t h, uint64_t tag, std::string_view bytes) {
    assert(bytes.size() <= kMaxLen);
    const size_t set = SetOf(h);
    Keys& k = keys[set];
    size_t way = kWays;
    for (size_t w = 0; w < kWays && way == kWays; ++w) {
      if (k.tag[w] != tag) way = w;
    }
    if (const Slot* own = Find(h, tag, bytes)) way = static_cast<size_t>(own - slots[set]);
    if (way == kWays) way = next[set]++ % kWays;
    k.hash[way] = h;
    k.tag[way] = tag;
    Slot& slot = slots[set][way];
    slot.len = static_cast<uint8_t>(bytes.size());
    std::memcpy(slot.bytes, bytes.data(), bytes.size());
    return slot;
  }
};

// The memo of capitalized words: the word's bytes (without a possessive) → its folded key, its
// loose key and the gazetteer's answers for them (PrefetchFolded's, the demonym lookup
// included).
constexpr size_t kMemoWordLen = 22;
struct WordAnswer {
  Gazetteer::FoldedAnswer answer;
  uint8_t folded_len = 0, loose_len = 0;
  char folded[kMemoWordLen];
  char loose[kMemoWordLen];
};
using WordMemo = BytesMemo<WordAnswer, 4096, kMemoWordLen>;  // 2.4 MB per thread
thread_local WordMemo t_word_memo;

// The memo of the spellings LooseCandidate looks up by their loose key ("Boko Haram", "Security
// Forces": capitalized words the folded keys miss): the phrase's bytes → the loose lookup's
// answer.
using PhraseMemo = BytesMemo<std::span<const GeoId>, 1024, 48>;  // 360 KB per thread
thread_local PhraseMemo t_phrase_memo;

// The memo of the names of several words Grow looks up ("Deir ez-Zor", "New York", "Islamic
// State"): the name's bytes → its folded key, the keys it names and whether a longer key starts
// with it (a folded key is never longer than the bytes it folds).
constexpr size_t kMemoNameLen = 40;
struct NameAnswer {
  std::span<const GeoId> ids;
  bool word_prefix = false;
  uint8_t key_len = 0;
  char key[kMemoNameLen];
};
using NameMemo = BytesMemo<NameAnswer, 1024, kMemoNameLen>;  // 520 KB per thread
thread_local NameMemo t_name_memo;

// Counts per folded key, for the few names of a document that get any: a flat list searched
// in order (a map cost a node and string compares down a tree per count).
class KeyCounts {
 public:
  bool empty() const { return rows_.empty(); }
  int& operator[](std::string_view key) {
    for (auto& [k, n] : rows_) {
      if (k == key) return n;
    }
    rows_.emplace_back(std::string(key), 0);
    return rows_.back().second;
  }
  // The count of `key`, or nullptr when it has none.
  const int* Find(std::string_view key) const {
    for (const auto& [k, n] : rows_) {
      if (k == key) return &n;
    }
    return nullptr;
  }

 private:
  std::vector<std::pair<std::string, int>> rows_;
};

// Per token, what recognition's token scans ask of it first, worked out once per document
// (TokenClasses): most tokens are none of these, and both scans step from one token that is to
// the next.
constexpr uint8_t kCapitalizedWordTok = 1u << 0;  // a word (or alnum) that IsCapitalized
constexpr uint8_t kArticleWordTok = 1u << 1;      // else a word IsArticleWord as written ("al")
constexpr uint8_t kArticlePrefixedTok = 1u << 2;  // else a word IsArticlePrefixed ("al-Qaim")

class Recognizer {
 public:
  // The per-document arrays live in `scratch` (kept per thread, so a short document allocates
  // none of them again); candidates are appended to `out`, which must be empty.
  struct Scratch {
    std::string lower;
    std::vector<uint8_t> token_classes;
    std::vector<int32_t> fold_of;
    // The folded and loose keys of the capitalized words: views into `arena` (see Keep).
    std::vector<std::string_view> folded;
    std::vector<std::string_view> loose;
    std::string arena;
    std::vector<Gazetteer::FoldedAnswer> answers;
    // PrefetchAhead: the words of a batch that the word memo did not answer.
    std::vector<std::string> miss_keys, miss_loose;
    std::vector<Gazetteer::FoldedAnswer> miss_answers;
    std::vector<uint32_t> miss_at;   // their index in folded
    std::vector<uint32_t> miss_tok;  // their token
    std::vector<uint64_t> miss_hash;
  };
  Recognizer(const Document& doc, const Gazetteer& gaz, Scratch& scratch,
             std::vector<Candidate>& out, std::vector<uint32_t>& marked)
      : doc_(doc),
        gaz_(gaz),
        out_(out),
        lower_(scratch.lower),
        classes_(scratch.token_classes),
        marked_(marked),
        fold_of_(scratch.fold_of),
        folded_(scratch.folded),
        loose_(scratch.loose),
        arena_(scratch.arena),
        answers_(scratch.answers),
        scratch_(scratch) {
    // The document lower-cased once (as Lower does: ASCII letters only), so LowerTok is a view.
    // Sixteen bytes at a time where SSE2 is there (the compiler left the plain loop scalar).
    lower_.resize(doc_.text.size());
    const char* __restrict in = doc_.text.data();
    char* __restrict low = lower_.data();
    size_t done = 0;
#if defined(__SSE2__)
    {
      // Signed compares: bytes >= 0x80 are negative and never capitals.
      const __m128i a1 = _mm_set1_epi8('A' - 1), z1 = _mm_set1_epi8('Z' + 1);
      const __m128i gap = _mm_set1_epi8('a' - 'A');
      for (const size_t n = doc_.text.size(); done + 16 <= n; done += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + done));
        const __m128i cap = _mm_and_si128(_mm_cmpgt_epi8(v, a1), _mm_cmplt_epi8(v, z1));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(low + done),
                         _mm_add_epi8(v, _mm_and_si128(cap, gap)));
      }
    }
#endif
    for (size_t b = done, n = doc_.text.size(); b < n; ++b) {
      const unsigned char c = static_cast<unsigned char>(in[b]);
      low[b] = static_cast<char>(static_cast<unsigned>(c - 'A') < 26u ? c + 32 : c);
    }
    lower_text_ = lower_.data();
  }

  void Run() {
    TokenClasses();
    fold_of_.assign(doc_.tokens.size(), -1);
    folded_.clear();
    loose_.clear();
    // Room for every key Keep is given: a word's folded key is never longer than the word (a
    // letter folds to at most the bytes it was written in), nor its loose key than the folded
    // one; and for a memo hit's whole-slot copies.
    size_t word_bytes = 0;
    for (const uint32_t i : marked_) {
      if (classes_[i] & kCapitalizedWordTok) {
        word_bytes += tokens_[i].span.end - tokens_[i].span.begin;
      }
    }
    const size_t room = 2 * word_bytes + 2 * kMemoWordLen;
    if (arena_.size() < room) arena_.resize(room);
    arena_used_ = 0;
    answers_.clear();
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
      if (s >= prefetched_) PrefetchAhead(s);
      Sentence(s);
    }
    LinkContainers();
    PluralLevels();
    // A name is a person's when the document uses it so more often than it marks it as a place
    // ("Officer Mark Henry ... Henry said" vs "Historic Dublin ... in Dublin ... Dublin's mayor").
    if (persons_.empty()) return;  // most documents: nothing to weigh
    for (const Candidate& c : out_) {
      if (!c.key.empty() &&
          (c.cue >= 2 || c.firm_prep || c.type != TypeHint::kNone || c.modifier)) {
        ++place_votes_[c.key];
      }
      // "Turner said": a small place does not speak; a capital or a state may ("Moscow said").
      if (!c.key.empty() && c.metonymic && c.cue == 0 && c.tok_end == c.tok_begin + 1 &&
          std::none_of(c.ids.begin(), c.ids.end(), [&](GeoId id) {
            GeoEntry e = gaz_.Entry(id);
            return e.kind() == GeoKind::kCountry || e.kind() == GeoKind::kAdmin1 ||
                   e.population() >= 100000;
          })) {
        ++persons_[c.key];
      }
    }
    for (Candidate& c : out_) {
      if (c.key.empty()) continue;
      const int* person = persons_.Find(c.key);
      if (person == nullptr) continue;
      const int* place = place_votes_.Find(c.key);
      c.person = *person >= (place == nullptr ? 0 : *place);
    }
  }

 private:
  // Token spans lie inside the text (Segment makes them so): views without substr's check.
  // Read through tokens_, text_ and lower_text_ (asked of nearly every token, a load fewer).
  [[gnu::always_inline]] std::string_view Tok(uint32_t i) const {
    const Span& sp = tokens_[i].span;
    return std::string_view(text_ + sp.begin, sp.end - sp.begin);
  }
  // A preposition that rarely takes a person ("in X", "at X"; not "to Turner's 39").
  static bool IsFirmPrep(std::string_view lower) {
    return Eq(lower, "in") || Eq(lower, "at") || Eq(lower, "into") || Eq(lower, "inside") ||
           Eq(lower, "throughout") || Eq(lower, "within") || Eq(lower, "across");
  }
  // True when the run of adjacent capitalized words ending at token i (up to three, all from
  // token `first` on) follows a firm preposition.
  bool AfterFirmPrep(uint32_t i, uint32_t first) const {
    for (uint32_t run = 0; run < 3 && i > first; ++run, --i) {
      if (IsFirmPrep(LowerTok(i - 1))) return true;  // "in", "In"
      if (!IsWord(i - 1) || !Adjacent(i) || !IsCapitalized(Tok(i - 1))) return false;
    }
    return false;
  }
  // "the Regional Hospital Center Dedougou", "Regional Hospital Center (CHR) Tenkodogo": an
  // institution named, in the French manner, by its kind and then the town it serves. The name
  // ends the capitalized words ("University Hospital Zurich staff", not "Center Harbor Road").
  bool AfterInstitutionHead(const Candidate& c, uint32_t b, uint32_t e) const {
    uint32_t head = c.tok_begin;
    if (head < b + 1) return false;
    // An acronym in brackets between: "Center (CHR) Tenkodogo".
    if (head >= b + 4 && Eq(Tok(head - 1), ")") && Eq(Tok(head - 3), "(") &&
        IsAllCaps(Tok(head - 2))) {
      head -= 3;
    } else if (!Adjacent(head)) {
      return false;
    }
    static constexpr std::string_view kHeads[] = {"Hospital", "Center", "Centre", "University",
                                                  "College",  "School", "Prison"};
    static const WordSet k_heads(kHeads);  // as written: capitalized
    if (!IsWord(head - 1) || !k_heads.Has(Tok(head - 1))) return false;
    return !(c.tok_end < e && IsWord(c.tok_end) && IsCapitalized(Tok(c.tok_end)));
  }
  [[gnu::always_inline]] bool IsWord(uint32_t i) const {
    return tokens_[i].kind == TokenKind::kWord || tokens_[i].kind == TokenKind::kAlnum;
  }
  // True when only spaces/tabs separate token i-1 and token i (no line break, no punctuation).
  [[gnu::always_inline]] bool Adjacent(uint32_t i) const {
    for (uint32_t b = tokens_[i - 1].span.end; b < tokens_[i].span.begin; ++b) {
      char c = text_[b];
      if (c != ' ' && c != '\t') return false;
    }
    return true;
  }
  [[gnu::always_inline]] std::string_view LowerTok(uint32_t i) const {
    const Span& sp = tokens_[i].span;
    return std::string_view(lower_text_ + sp.begin, sp.end - sp.begin);
  }
  // The first `len` bytes of LowerTok(i), `len` at most its length (a token without its
  // possessive): a view without substr's check, which the compiler kept as a call.
  [[gnu::always_inline]] std::string_view LowerTokPrefix(uint32_t i, size_t len) const {
    assert(len <= tokens_[i].span.end - tokens_[i].span.begin);
    return std::string_view(lower_text_ + tokens_[i].span.begin, len);
  }
  // FoldName of the text's bytes [b, e): the lower-cased text itself where that is the key
  // (FoldedAsLowered), else made into `made`.
  std::string_view FoldBytes(uint32_t b, uint32_t e, std::string& made) const {
    const std::string_view name(text_ + b, e - b);
    if (const auto key = FoldedAsLowered(name, std::string_view(lower_text_ + b, e - b))) {
      if (check_) CountReferenceCheck(FoldName(name) == *key);
      return *key;
    }
    made = FoldName(name);
    return made;
  }
  // WordClassesOf(w), checked against the lists' own tests under the reference checks.
  // (Most words asked about have no list's shape: tested in place, without the call.)
  [[gnu::always_inline]] uint32_t Classes(std::string_view w) const {
    const uint32_t classes = Shaped(kClassShapes, w) ? WordClassesOf(w) : 0;
    if (check_) CountReferenceCheck(classes == WordClassesByLists(w));
    return classes;
  }

  // classes_: each token's k*Tok bits, and marked_: the tokens with any, in order. One pass
  // without branches marks the words that start with a capital, a byte of a longer UTF-8
  // letter, or a letter that begins an article; a second over those few gives their classes.
  void TokenClasses() {
    const size_t n = doc_.tokens.size();
    classes_.resize(n);
    marked_.resize(n);
    // Local pointers: a store through a byte pointer may alias anything, and the compiler
    // would load the vectors' data pointers again for each token.
    const Token* tokens = doc_.tokens.data();
    const unsigned char* text = reinterpret_cast<const unsigned char*>(doc_.text.data());
    uint8_t* __restrict classes = classes_.data();
    uint32_t* __restrict marked = marked_.data();
    // Per first byte: bit 0 for a capital, bit 1 for a capital, a byte of a longer UTF-8 letter
    // or a letter that begins an article ("al", "el", "ul").
    static constexpr std::array<uint8_t, 256> kFirstByte = [] {
      std::array<uint8_t, 256> first{};
      for (int c = 0; c < 256; ++c) {
        const bool capital = c >= 'A' && c <= 'Z';
        const bool maybe = c >= 0x80 || c == 'a' || c == 'e' || c == 'u';  // every article
        first[c] = static_cast<uint8_t>(capital | (capital | maybe) << 1);
      }
      return first;
    }();
    static_assert(TokenKind::kWord == TokenKind{0} && TokenKind::kAlnum == TokenKind{2},
                  "a word or alnum token is a kind of 0 or 2");
    size_t count = 0;
    for (uint32_t i = 0; i < n; ++i) {
      // (A std::string's byte at size() is its terminator: reading it is safe.)
      const uint8_t first = kFirstByte[text[tokens[i].span.begin]];
      const uint8_t kind = static_cast<uint8_t>(tokens[i].kind);
      const unsigned word = ((kind | 2u) == 2u) & (tokens[i].span.end > tokens[i].span.begin);
      classes[i] = static_cast<uint8_t>(word & first);  // kCapitalizedWordTok
      marked[count] = i;
      count += word & (first >> 1);
    }
    static_assert(kCapitalizedWordTok == 1);
    size_t kept = 0;
    for (size_t k = 0; k < count; ++k) {
      const uint32_t i = marked_[k];
      if (classes_[i] == 0) {
        const std::string_view w = Tok(i);
        if (static_cast<unsigned char>(w[0]) >= 0x80) {
          if (IsCapitalized(w)) classes_[i] = kCapitalizedWordTok;
        } else if (w.size() <= 3) {
          if (IsArticleWord(w)) classes_[i] = kArticleWordTok;
        } else if ((w[2] == '-' || (w.size() > 4 && w[3] == '-')) && IsArticlePrefixed(w)) {
          classes_[i] = kArticlePrefixedTok;
        }
        if (classes_[i] == 0) continue;
      }
      marked_[kept++] = i;
    }
    marked_.resize(kept);
    if (check_) {
      for (uint32_t i = 0; i < n; ++i) CountReferenceCheck(classes_[i] == TokenClassesByTests(i));
    }
  }
  // TokenClasses of token i by the plain tests, for the reference checks.
  uint8_t TokenClassesByTests(uint32_t i) const {
    if (!IsWord(i)) return 0;
    const std::string_view w = Tok(i);
    if (IsCapitalized(w)) return kCapitalizedWordTok;
    if (IsArticleWord(w)) return kArticleWordTok;
    if (IsArticlePrefixed(w)) return kArticlePrefixedTok;
    return 0;
  }

  // Folds the capitalized words of the sentences from `s` on (a batch of about 32), which Grow
  // looks up first, and has the gazetteer fetch their lookups' index entries together: one
  // round of overlapped cache misses instead of a miss per lookup. Grow reuses the keys.
  // A word the per-thread word memo holds (news repeats its names from document to document)
  // takes its key and answers from there: no fold, no hash of the key, no lookup.
  void PrefetchAhead(uint32_t s) {
    const size_t first = folded_.size();
    Scratch& sc = scratch_;
    sc.miss_at.clear();
    sc.miss_tok.clear();
    sc.miss_hash.clear();
    sc.miss_keys.clear();
    const uint64_t tag = gaz_.serial() + 1;
    const bool check = ReferenceChecksOn();
    uint32_t t = s;
    for (; t < doc_.sentences.size() && folded_.size() - first < 32; ++t) {
      const auto& sent = doc_.sentences[t];
      for (; prefetch_marked_ < marked_.size() && marked_[prefetch_marked_] < sent.token_end;
           ++prefetch_marked_) {
        const uint32_t i = marked_[prefetch_marked_];
        if (i < sent.token_begin || (classes_[i] & kCapitalizedWordTok) == 0) continue;
        bool had;
        const std::string_view bare = StripPossessive(Tok(i), &had);
        const uint32_t at = static_cast<uint32_t>(folded_.size());
        fold_of_[i] = static_cast<int32_t>(at);
        const uint64_t h = HashBytes(bare);
        if (const WordMemo::Slot* slot = t_word_memo.Find(h, tag, bare)) {
          const WordAnswer& memo = slot->value;
          folded_.push_back(KeepSlotBytes(memo.folded, memo.folded_len));
          loose_.push_back(KeepSlotBytes(memo.loose, memo.loose_len));
          answers_.push_back(memo.answer);
          if (check) CheckMemo(folded_.back(), bare, loose_.back(), answers_.back());
          continue;
        }
        // Most names fold to their lower-cased bytes (FoldedAsLowered): no fold is made then.
        const std::string_view lower(lower_text_ + tokens_[i].span.begin, bare.size());
        if (const auto key = FoldedAsLowered(bare, lower)) {
          if (check) CountReferenceCheck(FoldName(bare) == *key);
          folded_.push_back(Keep(*key));
        } else {
          folded_.push_back(Keep(FoldName(bare)));
        }
        loose_.emplace_back();
        answers_.emplace_back();
        sc.miss_at.push_back(at);
        sc.miss_tok.push_back(i);
        sc.miss_hash.push_back(h);
        sc.miss_keys.emplace_back(folded_.back());
      }
    }
    prefetched_ = t;
    if (sc.miss_at.empty()) return;
    const size_t m = sc.miss_at.size();
    sc.miss_loose.resize(m);
    sc.miss_answers.resize(m);
    gaz_.PrefetchFolded(sc.miss_keys, sc.miss_loose, sc.miss_answers);
    for (size_t k = 0; k < m; ++k) {
      const uint32_t at = sc.miss_at[k];
      const Gazetteer::FoldedAnswer& a = sc.miss_answers[k];
      const std::string& lk = sc.miss_loose[k];
      answers_[at] = a;
      loose_[at] = Keep(lk);
      bool had;
      const std::string_view bare = StripPossessive(Tok(sc.miss_tok[k]), &had);
      if (bare.size() > kMemoWordLen || folded_[at].size() > kMemoWordLen ||
          lk.size() > kMemoWordLen) {
        continue;
      }
      WordAnswer& memo = t_word_memo.Claim(sc.miss_hash[k], tag, bare).value;
      memo.answer = a;
      memo.folded_len = static_cast<uint8_t>(folded_[at].size());
      memo.loose_len = static_cast<uint8_t>(lk.size());
      std::memcpy(memo.folded, folded_[at].data(), folded_[at].size());
      std::memcpy(memo.loose, lk.data(), lk.size());
    }
  }

  // A view of `key` copied into the arena (Run made room for every key of the document).
  std::string_view Keep(std::string_view key) {
    assert(arena_used_ + key.size() <= arena_.size());
    char* at = arena_.data() + arena_used_;
    std::memcpy(at, key.data(), key.size());
    arena_used_ += key.size();
    return std::string_view(at, key.size());
  }
  // Keep of a memo slot's first `len` bytes: the whole array is copied (a copy of known size, no
  // call), only `len` of them kept.
  std::string_view KeepSlotBytes(const char (&bytes)[kMemoWordLen], size_t len) {
    assert(arena_used_ + kMemoWordLen <= arena_.size());
    char* at = arena_.data() + arena_used_;
    std::memcpy(at, bytes, kMemoWordLen);
    arena_used_ += len;
    return std::string_view(at, len);
  }

  // Reference checks: a memo hit against a fresh fold and fresh lookups.
  void CheckMemo(std::string_view folded, std::string_view bare, std::string_view loose,
                 const Gazetteer::FoldedAnswer& a) const {
    const std::string key = FoldName(bare);
    CountReferenceCheck(folded == key);
    const std::span<const GeoId> ids = gaz_.FindFolded(key);
    CountReferenceCheck(ids.data() == a.ids.data() && ids.size() == a.ids.size());
    CountReferenceCheck(a.word_prefix == gaz_.HasFoldedWordPrefix(key));
    const std::span<const GeoId> dem = gaz_.FindDemonymFolded(key);
    CountReferenceCheck(dem.data() == a.demonyms.data() && dem.size() == a.demonyms.size());
    if (!loose.empty()) {
      CountReferenceCheck(loose == LooseKey(key));
      const std::span<const GeoId> li = gaz_.FindLoose(loose);
      CountReferenceCheck(li.data() == a.loose.data() && li.size() == a.loose.size());
    } else {
      CountReferenceCheck(a.loose.empty());
    }
  }

  void Sentence(uint32_t s) {
    const auto& sent = doc_.sentences[s];
    uint32_t first = sent.token_begin;
    // Skip leading quotes/brackets for sentence-initial detection.
    while (first < sent.token_end && !IsWord(first)) ++first;
    uint32_t i = sent.token_begin;
    int last_match_end = -1;  // token index after the last candidate
    while (i < sent.token_end) {
      const uint8_t classes = classes_[i];
      // PrefetchAhead folded exactly the capitalized words.
      if (check_) CountReferenceCheck(((classes & kCapitalizedWordTok) != 0) == (fold_of_[i] >= 0));
      // Most tokens: only capitalized words, "al-Qaim" and "al Qaim" go on. On to the next that
      // may (or the sentence's end).
      if (classes == 0) {
        while (sentence_marked_ < marked_.size() && marked_[sentence_marked_] <= i) {
          ++sentence_marked_;
        }
        i = sentence_marked_ < marked_.size() ? std::min(marked_[sentence_marked_], sent.token_end)
                                               : sent.token_end;
        continue;
      }
      const bool capitalized = (classes & kCapitalizedWordTok) != 0;
      std::string_view w = Tok(i);
      if (!capitalized && (classes & kArticlePrefixedTok) == 0 &&
          !(i + 1 < sent.token_end && Adjacent(i + 1) && IsCapitalized(Tok(i + 1)))) {
        ++i;
        continue;
      }
      if (uint32_t after = 0; Special(i, s, sent.token_end, &after)) {
        last_match_end = static_cast<int>(after);
        i = after;
        continue;
      }
      uint32_t end = 0;
      std::span<const GeoId> ids;
      std::string key;
      bool possessive = false;
      Grow(i, sent.token_end, &end, &ids, &key, &possessive);
      if (end == 0) {
        // Both read hyphen-joined parts: one search here spares the two calls for the many
        // words without a hyphen (StripPossessive takes none away).
        if (w.find('-') != std::string_view::npos) {
          if (uint32_t after = CompoundDistrict(i, s, sent, last_match_end); after != 0) {
            last_match_end = static_cast<int>(after);
            i = after;
            continue;
          }
          if (const uint32_t after = HyphenParts(i, s, sent.token_end); after != 0) {
            last_match_end = static_cast<int>(after);
            i = after;
            continue;
          }
        }
        // Not a place name: a demonym? ("Iraqi", "Afghans")
        bool had;
        std::string_view bare = StripPossessive(w, &had);
        if (bare.size() > 3 && IsCapitalized(bare) && !IsAllCaps(bare)) {
          // The bytes PrefetchAhead folded (the token without its possessive).
          std::optional<GeoEntry> country;
          if (fold_of_[i] >= 0) {
            const std::span<const GeoId> ids = answers_[fold_of_[i]].demonyms;
            if (!ids.empty()) country = gaz_.Entry(ids[0]);
          } else {
            country = gaz_.CountryByDemonym(bare);
          }
          if (!country && bare.ends_with('s')) {
            country = gaz_.CountryByDemonym(bare.substr(0, bare.size() - 1));
          }
          // "the Indian Ocean": a feature named with the adjective, not the country's people.
          if (country && !had && i + 1 < sent.token_end && IsWord(i + 1) && Adjacent(i + 1) &&
              IsFeatureNoun(Tok(i + 1))) {
            country.reset();
          }
          if (country) {
            Candidate c;
            c.span = {doc_.tokens[i].span.begin,
                      static_cast<uint32_t>(doc_.tokens[i].span.begin + bare.size())};
            c.sentence = s;
            c.tok_begin = i;
            c.tok_end = i + 1;
            c.demonym_country = country->id();
            out_.push_back(std::move(c));
            last_match_end = static_cast<int>(i + 1);
            ++i;
            continue;
          }
        }
        if (uint32_t after = LooseCandidate(i, s, sent, last_match_end); after != 0) {
          last_match_end = static_cast<int>(after);
          i = after;
          continue;
        }
        ++i;
        continue;
      }
      // "Khas Urozgan district" where "Khas" is a name of its own: a two-word division or town
      // the gazetteer spells another way ("Khas Uruzgan") is the longer name.
      if (end == i + 1 && i + 2 < sent.token_end && IsWord(i + 1) && Adjacent(i + 1) &&
          IsCapitalized(Tok(i + 1)) && IsWord(i + 2) && Adjacent(i + 2) &&
          LevelWord(LowerTok(i + 2)) != TypeHint::kNone) {
        if (uint32_t after = LooseCandidate(i, s, sent, last_match_end, 2); after != 0) {
          last_match_end = static_cast<int>(after);
          i = after;
          continue;
        }
      }
      if (Eq(LowerTok(i), "the") && !IsCapitalized(Tok(end - 1))) {
        ++i;  // "The city": a common noun phrase, not "The Hague"
        continue;
      }
      // Made in place at the end of out_, taken off again when Evidence rejects it (Evidence
      // reads nothing of out_): a kept candidate is not moved whole.
      Candidate& c = out_.emplace_back();
      c.sentence = s;
      c.tok_begin = i;
      c.tok_end = end;
      c.ids = ids;
      c.key = std::move(key);
      // One word: the key is the word PrefetchAhead folded, whose demonym lookup is answered.
      if (end == i + 1 && fold_of_[i] >= 0) c.key_demonyms = answers_[fold_of_[i]].demonyms;
      uint32_t span_end = doc_.tokens[end - 1].span.end;
      if (possessive) {
        bool had;
        span_end = doc_.tokens[end - 1].span.begin +
                   static_cast<uint32_t>(StripPossessive(Tok(end - 1), &had).size());
      }
      c.span = {doc_.tokens[i].span.begin, span_end};
      c.sentence_initial = (i == first);
      // Short all-caps words are mostly acronyms ("CAR", "MAN"); long ones are datelines.
      {
        bool had;
        std::string_view bare = StripPossessive(Tok(i), &had);
        c.all_caps = end == i + 1 && bare.size() <= 4 && IsAllCaps(bare);
      }
      if (Evidence(c, sent, last_match_end)) {
        // The resolver reads these entry records and own-name flags: start fetching them now,
        // while the rest of the document is recognized.
        gaz_.PrefetchEntries(c.ids.first(std::min<size_t>(c.ids.size(), 16)));
        if (std::span<const uint8_t> own = gaz_.OwnNameFlags(c.ids); !own.empty()) {
          __builtin_prefetch(own.data());
        }
      } else {
        out_.pop_back();
      }
      last_match_end = static_cast<int>(end);
      i = end;
    }
  }

  // Token j continues an abbreviation begun before it: no space, or one space after a period
  // ("W. Va.").
  bool AbbrevContinues(uint32_t j) const {
    const uint32_t prev_end = doc_.tokens[j - 1].span.end;
    const uint32_t begin = doc_.tokens[j].span.begin;
    return begin == prev_end ||
           (begin == prev_end + 1 && doc_.text[prev_end] == ' ' && Eq(Tok(j - 1), "."));
  }

  // A division named by its abbreviation over tokens i..j, from byte `begin`: no lookup needed.
  void PushForcedDivision(GeoId admin1, uint32_t begin, uint32_t s, uint32_t i, uint32_t j) {
    Candidate c;
    c.span = {begin, doc_.tokens[j].span.end};
    c.sentence = s;
    c.tok_begin = i;
    c.tok_end = j + 1;
    c.forced = admin1;
    c.cue = 2;
    out_.push_back(std::move(c));
  }

  // "Hewlett-Packard (HP)", "Jammu and Kashmir (J&K)": an abbreviation in parentheses (the "("
  // at token `paren`) that spells the initials of the capitalized words before it expands them;
  // it names no division. Lower-case joining words ("and", "of") are passed over.
  bool SpellsInitialsBefore(uint32_t paren, uint32_t sentence_begin, std::string_view abbrev) const {
    std::string letters;
    for (char ch : abbrev) {
      if (ch >= 'A' && ch <= 'Z') letters.push_back(ch);
    }
    size_t k = letters.size();
    for (uint32_t t = paren; k > 0 && t > sentence_begin;) {
      --t;
      const std::string_view w = Tok(t);
      if (w == "-" || w == "&") continue;
      if (!IsWord(t)) return false;
      if (!IsCapitalized(w)) {
        if (Eq(LowerTok(t), "and") || Eq(LowerTok(t), "of")) continue;
        return false;
      }
      // A hyphenated word holds one initial per part ("Hewlett-Packard").
      for (size_t end = w.size(); k > 0;) {
        const size_t dash = w.rfind('-', end - 1);
        const size_t part = dash == std::string_view::npos ? 0 : dash + 1;
        if (part >= end || w[part] != letters[k - 1]) return false;
        --k;
        if (dash == std::string_view::npos || dash == 0) break;
        end = dash;
      }
    }
    return k == 0;
  }

  // "Decatur, Ala." (a US state abbreviation after a comma) and world regions ("Middle East").
  // Inlined into Sentence, its one caller, as Grow is: left to the compiler, one of the two was
  // kept as a call, and that cost more than the string copies the keys spare below.
  [[gnu::always_inline]] bool Special(uint32_t i, uint32_t s, uint32_t limit, uint32_t* after) {
    // "the S.C. Highway Patrol", "in D.C.", "from W. Va.": an abbreviation of two words with
    // their periods is a state wherever it stands; the others ("Ga.", "Miss.") only after a
    // comma.
    const bool comma = i > doc_.sentences[s].token_begin && Eq(Tok(i - 1), ",");
    // "(Poonch district, J&K)", "Jammu city (J&K)": a division's abbreviation (DivisionAbbrevCode).
    const bool paren = i > doc_.sentences[s].token_begin && Eq(Tok(i - 1), "(");
    const std::string_view w = Tok(i);
    if (comma || paren ||
        (w.size() == 1 ? i + 1 < limit && Eq(Tok(i + 1), ".") : w.size() <= 4 && w[1] == '.')) {
      uint32_t begin = doc_.tokens[i].span.begin;
      for (uint32_t j = i; j < limit && j < i + 4; ++j) {
        if (j > i && !AbbrevContinues(j)) break;
        std::string_view abbrev =
            std::string_view(doc_.text).substr(begin, doc_.tokens[j].span.end - begin);
        std::string_view code = UsStateCode(abbrev);
        const bool us = !code.empty();
        if (!us && (comma || paren)) code = DivisionAbbrevCode(abbrev);
        if (code.empty()) continue;
        if (!us && paren && SpellsInitialsBefore(i - 1, doc_.sentences[s].token_begin, abbrev)) {
          return false;
        }
        // Two abbreviated words ("S.C.", "W. Va.", "W.Va.") name only the state.
        if (us && !comma && std::count(abbrev.begin(), abbrev.end(), '.') < 2) continue;
        auto admin1 = gaz_.Admin1ByCode(code);
        if (!admin1) return false;
        PushForcedDivision(admin1->id(), begin, s, i, j);
        *after = j + 1;
        return true;
      }
    }
    if (i >= limit || !IsWord(i)) return false;
    {
      bool had;
      const size_t first_len = StripPossessive(Tok(i), &had).size();
      if (!MayStartWorldRegion(LowerTokPrefix(i, first_len))) return false;
    }
    std::string words;
    for (uint32_t j = i; j < limit && j < i + 3; ++j) {
      if (!IsWord(j) || (j > i && !Adjacent(j))) break;
      bool had;
      std::string_view w = StripPossessive(Tok(j), &had);
      if (j > i) words.push_back(' ');
      words += LowerTokPrefix(j, w.size());
      if (const WorldRegion* r = FindWorldRegion(words); r != nullptr && IsCapitalized(w)) {
        Candidate c;
        c.span = {doc_.tokens[i].span.begin,
                  static_cast<uint32_t>(doc_.tokens[j].span.begin + w.size())};
        c.sentence = s;
        c.tok_begin = i;
        c.tok_end = j + 1;
        c.region = r;
        out_.push_back(std::move(c));
        *after = j + 1;
        return true;
      }
      if (had) break;
    }
    return false;
  }

  // A spelling variant the folded keys miss ("Bossaso", "Dawlat Abad district"): one or two
  // capitalized words, with a level word after them when there is one, looked up by LooseKey.
  // Kept only with a cue; the resolver also wants country context. Returns the token after the
  // candidate, or 0.
  uint32_t LooseCandidate(uint32_t i, uint32_t s, const sitrep::Sentence& sent, int last_match_end,
                          uint32_t min_words = 1) {
    if (i == sent.token_begin) return 0;
    // "al-Qunaitara": an article glued to a capitalized variant counts as capitalized.
    if ((!IsCapitalized(Tok(i)) && !IsArticlePrefixed(Tok(i))) || IsAllCaps(Tok(i)) ||
        IsNeverPlace(LowerTok(i))) {
      return 0;
    }
    for (uint32_t len = 2; len >= min_words; --len) {
      uint32_t last = i + len - 1;
      if (last >= sent.token_end) continue;
      bool ok = true;
      for (uint32_t j = i + 1; j <= last; ++j) ok = ok && IsWord(j) && Adjacent(j) && IsCapitalized(Tok(j));
      if (!ok) continue;
      uint32_t end = last + 1;
      if (end < sent.token_end && IsWord(end) && Adjacent(end) &&
          LevelWord(LowerTok(end)) != TypeHint::kNone) {
        // "Treasury Department", "Homicide Division": a capitalized level word after a name
        // known only by its spelling variant is an office, not a division of the country.
        std::string_view level = LowerTok(end);
        if (IsCapitalized(Tok(end)) && (Eq(level, "department") || Eq(level, "division"))) return 0;
        ++end;
      }
      for (uint32_t stop = end; stop > last; --stop) {
        bool had;
        std::string_view w = StripPossessive(Tok(stop - 1), &had);
        uint32_t b = doc_.tokens[i].span.begin;
        uint32_t e = doc_.tokens[stop - 1].span.begin + static_cast<uint32_t>(w.size());
        // One word alone: the bytes PrefetchAhead folded. The key is made only when needed.
        const bool one_word = stop == i + 1 && fold_of_[i] >= 0;
        std::string made_key;
        std::optional<std::string_view> known_key;
        const auto key_of = [&] {
          if (!known_key) {
            known_key =
                one_word ? std::string_view(folded_[fold_of_[i]]) : FoldBytes(b, e, made_key);
          }
          return *known_key;
        };
        std::span<const GeoId> ids;
        if (one_word && !loose_[fold_of_[i]].empty()) {
          // PrefetchAhead's loose form of a one-word name, and its lookup. A spelling variant of
          // a two-letter name is any word ("Air" for "AR").
          if (loose_[fold_of_[i]].size() < 3) continue;
          ids = answers_[fold_of_[i]].loose;
        } else {
          ids = LooseIdsOf(b, e, key_of);
        }
        if (ids.empty()) continue;
        const std::string_view key = key_of();
        Candidate c;
        c.sentence = s;
        c.tok_begin = i;
        c.tok_end = stop;
        c.ids = ids;
        c.key.append(key);  // (empty until now: no assign's test for a source inside it)
        c.span = {b, e};
        c.loose = true;
        if (!Evidence(c, sent, last_match_end) || c.cue == 0) return 0;
        // "the High Cost of Living": an "of" inside a capitalized name is no cue for a spelling
        // variant ("Living" is loosely "Loving"); "the countryside of Deir Ezzor" is.
        if (c.cue == 1 && i >= sent.token_begin + 2 && Eq(LowerTok(i - 1), "of") &&
            IsWord(i - 2) && IsCapitalized(Tok(i - 2))) {
          return 0;
        }
        out_.push_back(std::move(c));
        return stop;
      }
    }
    return min_words > 1 ? 0 : GluedArticleCandidate(i, s, sent, last_match_end);
  }

  // "(Aljfara)", "(Almargeb)": an Arabic article glued to a division's name without a space or
  // hyphen ("Al Jfara", "Al Murgub"). The word is looked up without the article, and kept only
  // when that names a first-level division, with a cue, as a loose spelling (the resolver wants
  // the division's country in the document too).
  uint32_t GluedArticleCandidate(uint32_t i, uint32_t s, const sitrep::Sentence& sent,
                                 int last_match_end) {
    const std::string_view word = Tok(i);
    if (word.size() < 6 || (word[0] != 'A' && word[0] != 'E') || word[1] != 'l' ||
        !IsWord(i)) {
      return 0;
    }
    const std::string_view lower = LowerTok(i);
    const char third = lower[2];
    if (std::any_of(lower.begin(), lower.end(), [](char ch) { return ch < 'a' || ch > 'z'; }) ||
        third == 'a' || third == 'e' || third == 'i' || third == 'o' || third == 'u' ||
        third == 'y') {
      return 0;
    }
    const std::string_view rest = lower.substr(2);
    std::span<const GeoId> ids = gaz_.FindFolded(rest);
    if (ids.empty()) ids = FreshLooseIds(rest);
    const bool division = std::any_of(ids.begin(), ids.end(), [&](GeoId id) {
      return gaz_.Entry(id).kind() == GeoKind::kAdmin1;
    });
    if (!division) return 0;
    Candidate c;
    c.sentence = s;
    c.tok_begin = i;
    c.tok_end = i + 1;
    c.ids = ids;
    c.key = std::string(rest);
    c.span = doc_.tokens[i].span;
    c.loose = true;
    if (!Evidence(c, sent, last_match_end) || c.cue == 0) return 0;
    out_.push_back(std::move(c));
    return i + 1;
  }

  // The loose lookup of LooseKey(key_of()) for the text's bytes [b, e): none when the loose key
  // is under 3 bytes (a spelling variant of a two-letter name is any word). Through the phrase
  // memo: a repeated spelling costs a hash and a compare, and key_of is not asked.
  template <typename KeyOf>
  std::span<const GeoId> LooseIdsOf(uint32_t b, uint32_t e, const KeyOf& key_of) const {
    const std::string_view bytes(text_ + b, e - b);
    const uint64_t h = HashBytes(bytes);
    const uint64_t tag = gaz_.serial() + 1;
    if (const PhraseMemo::Slot* slot = t_phrase_memo.Find(h, tag, bytes)) {
      if (check_) {
        const std::span<const GeoId> fresh = FreshLooseIds(key_of());
        CountReferenceCheck(fresh.data() == slot->value.data() &&
                            fresh.size() == slot->value.size());
      }
      return slot->value;
    }
    const std::span<const GeoId> ids = FreshLooseIds(key_of());
    if (bytes.size() <= PhraseMemo::kMaxLen) t_phrase_memo.Claim(h, tag, bytes).value = ids;
    return ids;
  }
  std::span<const GeoId> FreshLooseIds(std::string_view key) const {
    const std::string loose = LooseKey(key);
    return loose.size() < 3 ? std::span<const GeoId>() : gaz_.FindLoose(loose);
  }

  // "Mogadishu-Hodan district": a district of a city written "City-District", the whole not a
  // key. The city is the place meant (its part, not a town of its own). Returns the token after
  // the candidate, or 0.
  uint32_t CompoundDistrict(uint32_t i, uint32_t s, const sitrep::Sentence& sent, int last_match_end) {
    std::string_view w = Tok(i);
    size_t dash = w.find('-');
    if (dash == std::string_view::npos || dash < 3 || dash + 2 >= w.size()) return 0;
    if (!IsCapitalized(w.substr(dash + 1))) return 0;
    uint32_t n = i + 1;
    if (n >= sent.token_end || !IsWord(n) || !Adjacent(n)) return 0;
    std::string_view next = LowerTok(n);
    if (!Eq(next, "district") && !Eq(next, "neighbourhood") && !Eq(next, "neighborhood") &&
        !Eq(next, "area")) {
      return 0;
    }
    std::string key = FoldName(w.substr(0, dash));
    std::span<const GeoId> ids = gaz_.FindFolded(key);
    if (ids.empty()) return 0;
    Candidate c;
    c.sentence = s;
    c.tok_begin = i;
    c.tok_end = i + 1;
    c.ids = ids;
    c.key = std::move(key);
    c.span = {doc_.tokens[i].span.begin, doc_.tokens[i].span.end};
    c.type = TypeHint::kPlace;
    c.cue = 2;
    if (!Evidence(c, sent, last_match_end)) return 0;
    c.type = TypeHint::kPlace;  // Evidence read "district" as the level of the whole
    out_.push_back(std::move(c));
    return n + 1;
  }

  // "D-Ga.", "R-W. Va.": the state abbreviation (UsStateCode) that begins at byte `begin`, inside
  // the party's token i, and ends with token i or one of the next three (one space allowed only
  // after a period, as in "W. Va."). Adds the state as a forced candidate and returns one past
  // its last token; 0 when no abbreviation ends there.
  uint32_t PartyState(uint32_t i, uint32_t begin, uint32_t s, uint32_t limit) {
    for (uint32_t j = i; j < limit && j < i + 4; ++j) {
      if (j > i && !AbbrevContinues(j)) break;
      const std::string_view abbrev =
          std::string_view(doc_.text).substr(begin, doc_.tokens[j].span.end - begin);
      const std::string_view code = UsStateCode(abbrev);
      if (code.empty()) continue;
      auto admin1 = gaz_.Admin1ByCode(code);
      if (!admin1) return 0;
      PushForcedDivision(admin1->id(), begin, s, i, j);
      return j + 1;
    }
    return 0;
  }

  // "D-Charleston" (a legislator's party and home town), "Nashville-based", "Atlanta-area",
  // "Egyptian-US relations", "Fargo-Moorhead": one token of hyphen-joined parts, the whole not a
  // key. Each capitalized part that is a key or a demonym becomes a candidate of its own when a
  // party letter stands before it or a place word after it (a strong cue), or when every
  // capitalized part is a place or a demonym (a weak cue). A party letter before a US state's
  // abbreviation ("D-Ga.", "R-Va.", "D-W. Va.") names the state. Returns one past the last
  // token read when candidates were added, else 0.
  uint32_t HyphenParts(uint32_t i, uint32_t s, uint32_t limit) {
    bool had;
    const std::string_view w = StripPossessive(Tok(i), &had);
    if (w.find('-') == std::string_view::npos || w.size() > 64) return 0;
    struct Part {
      uint32_t begin, end;  // byte offsets in the text
      std::string_view text;
    };
    std::array<Part, 4> parts;
    size_t n = 0;
    const uint32_t base = doc_.tokens[i].span.begin;
    for (size_t pos = 0; pos <= w.size();) {
      size_t dash = std::min(w.find('-', pos), w.size());
      if (dash == pos || n == parts.size()) return 0;
      parts[n++] = {base + static_cast<uint32_t>(pos), base + static_cast<uint32_t>(dash),
                    w.substr(pos, dash - pos)};
      pos = dash + 1;
    }
    if (n < 2) return 0;
    static constexpr std::array<std::string_view, 4> kParties = {"D", "R", "I", "DFL"};
    static const WordSet kParties_set(kParties);
    static constexpr std::array<std::string_view, 7> kPlaceWords = {
        "based", "area", "born", "bound", "headquartered", "native", "region"};
    static const WordSet kPlaceWords_set(kPlaceWords);
    // "Tom Bakk, DFL-Cook", "Rep. Clay Cox (R-Lilburn)"; not "D-Day".
    const bool party = n == 2 && kParties_set.Has(parts[0].text) && i > 0 &&
                       (Eq(Tok(i - 1), ",") || Eq(Tok(i - 1), "("));
    if (party) {
      if (const uint32_t after = PartyState(i, parts[1].begin, s, limit); after != 0) {
        return after;
      }
    }
    const bool place_word = kPlaceWords_set.Has(parts[n - 1].text);
    // "the axis Tougan-Toueni", "the Chtaura-Masnaa road": a route between the towns named,
    // some of which the gazetteer may lack.
    // Not when the text goes on to say where on the route ("on the Joypurhat-Bogra highway in
    // Karimpur"): that place is the one meant.
    bool route = !party && !place_word && i > 0 && Eq(LowerTok(i - 1), "axis");
    uint32_t route_end = i + 1;
    if (!party && !place_word && i + 1 < limit && IsWord(i + 1)) {
      const std::string_view after = LowerTok(i + 1);
      if (Eq(after, "road") || Eq(after, "highway") || Eq(after, "axis") ||
          Eq(after, "route")) {
        route = true;
        route_end = i + 2;
      }
    }
    if (route && route_end < limit) {
      const std::string_view next = LowerTok(route_end);
      if (Eq(next, "in") || Eq(next, "at") || Eq(next, "near")) route = false;
    }
    const size_t first = party ? 1 : 0, last = place_word ? n - 1 : n;
    std::vector<Candidate> found;
    for (size_t k = first; k < last; ++k) {
      const Part& part = parts[k];
      if (!IsCapitalized(part.text) || IsMixedAcronym(part.text)) return 0;
      const std::string lower = Lower(part.text);
      if (IsNeverPlace(lower) || IsCommonWord(lower)) return 0;
      Candidate c;
      c.span = {part.begin, part.end};
      c.sentence = s;
      c.tok_begin = i;
      c.tok_end = i + 1;
      c.key = FoldName(part.text);
      c.ids = gaz_.FindFolded(c.key);
      if (c.ids.empty()) {
        c.key.clear();
        auto country = part.text.size() > 3 ? gaz_.CountryByDemonym(part.text) : std::nullopt;
        if (!country && route) continue;  // a town of the route the gazetteer lacks
        if (!country) return 0;  // "Watertown-ML": a name of its own
        if (route) continue;  // "the Pan-American highway": no town
        c.demonym_country = country->id();
      } else if (route && part.text.size() < 4) {
        continue;  // "Pan": too short a name to take from a road's
      }
      // The road runs between the towns: what happened on it happened near them.
      c.near = route;
      c.cue = party || place_word ? 2 : 1;
      c.all_caps = IsAllCaps(part.text) && part.text.size() <= 4 && c.demonym_country == kNoGeoId;
      found.push_back(std::move(c));
    }
    if (found.empty()) return 0;
    if (!party && !place_word && !route) {
      // "Egyptian-US relations", "the Israeli-Palestinian conflict": only countries, their
      // peoples and states; two towns' names joined are mostly a person's ("Diaz-Balart").
      if (found.size() < 2) return 0;
      for (const Candidate& c : found) {
        if (c.demonym_country != kNoGeoId) continue;
        const bool major = std::any_of(c.ids.begin(), c.ids.end(), [&](GeoId id) {
          GeoKind k = gaz_.Entry(id).kind();
          return k == GeoKind::kCountry || k == GeoKind::kAdmin1;
        });
        if (!major) return 0;
      }
    }
    for (Candidate& c : found) out_.push_back(std::move(c));
    return i + 1;
  }

  // Longest key starting at token `i`; *end = one past its last token (0 when none). Inlined
  // into Sentence (see Special).
  [[gnu::always_inline]] void Grow(uint32_t i, uint32_t limit, uint32_t* end,
                                   std::span<const GeoId>* ids, std::string* key,
                                   bool* possessive) const {
    *end = 0;
    const uint32_t begin_byte = doc_.tokens[i].span.begin;
    for (uint32_t j = i; j < limit && j < i + 8; ++j) {
      if (j > i && Eq(Tok(j), ".") && doc_.tokens[j].span.begin == doc_.tokens[j - 1].span.end &&
          (Eq(Tok(j - 1), "St") || Eq(Tok(j - 1), "Mt") || Eq(Tok(j - 1), "Ft"))) {
        continue;  // "St. Louis", "Mt. Vernon"
      }
      if (!IsWord(j)) break;
      if (j > i && !Adjacent(j) && !Eq(Tok(j - 1), ".")) break;
      bool had = false;
      std::string_view w = StripPossessive(Tok(j), &had);
      std::string_view lower = LowerTokPrefix(j, w.size());
      bool cap = IsCapitalized(w) || IsArticlePrefixed(w);
      TypeHint level = cap ? TypeHint::kNone : LevelWord(lower);
      // Inside a name, every article FoldName drops vanishes as "al" does ("Dar es Salaam").
      const bool inner_article =
          j > i && !cap && level == TypeHint::kNone && IsDroppedArticle(lower);
      bool connector = !cap && level == TypeHint::kNone && (inner_article || IsConnector(lower));
      if (!cap && level == TypeHint::kNone && !connector) break;
      if (j == i && !cap && !IsArticleWord(lower)) break;
      uint32_t end_byte = doc_.tokens[j].span.begin + static_cast<uint32_t>(w.size());
      // The first word alone is the word PrefetchAhead folded (the same bytes), with its
      // lookups answered already; a longer name, from the name memo.
      const Gazetteer::FoldedAnswer* known =
          j == i && fold_of_[i] >= 0 ? &answers_[fold_of_[i]] : nullptr;
      std::string made;
      const NameLookup name = known != nullptr ? NameLookup{folded_[fold_of_[i]], known->ids,
                                                            known->word_prefix}
                                               : LookUpName(begin_byte, end_byte, made);
      const std::string_view k = name.key;
      if (k.empty()) break;
      // An article inside a name may be capitalized too ("An Nuqat Al Khams").
      if (connector || IsArticleWord(lower)) {
        // Articles vanish in folding ("deir ez" → key grows only after the next word).
        if (IsArticleWord(lower) || inner_article || IsArticlePrefixed(w)) {
          if (had) break;
          continue;
        }
        if (!name.word_prefix) break;
        continue;
      }
      const std::span<const GeoId> found = name.ids;
      if (!found.empty()) {
        *end = j + 1;
        *ids = found;
        // (Never a view of *key: cleared and appended, without assign's test for a source
        // inside the string.)
        key->clear();
        key->append(k);
        *possessive = had;
      }
      if (had || level != TypeHint::kNone) break;
      if (!name.word_prefix) break;
    }
  }

  // A name's folded key and the gazetteer's answers for it (FindFolded, HasFoldedWordPrefix;
  // none for an empty key).
  struct NameLookup {
    std::string_view key;
    std::span<const GeoId> ids;
    bool word_prefix = false;
  };
  // The lookup of the name written in the text's bytes [b, e), through the name memo. The key
  // is a view of `made`, of the text or of the memo: used before the next lookup.
  NameLookup LookUpName(uint32_t b, uint32_t e, std::string& made) const {
    const std::string_view bytes(text_ + b, e - b);
    const uint64_t h = HashBytes(bytes);
    const uint64_t tag = gaz_.serial() + 1;
    if (const NameMemo::Slot* slot = t_name_memo.Find(h, tag, bytes)) {
      const NameAnswer& a = slot->value;
      const NameLookup memo{std::string_view(a.key, a.key_len), a.ids, a.word_prefix};
      if (check_) {
        const std::string key = FoldName(bytes);
        CountReferenceCheck(memo.key == key);
        const std::span<const GeoId> ids = gaz_.FindFolded(key);
        CountReferenceCheck(ids.data() == memo.ids.data() && ids.size() == memo.ids.size());
        CountReferenceCheck(memo.word_prefix == gaz_.HasFoldedWordPrefix(key));
      }
      return memo;
    }
    NameLookup fresh;
    fresh.key = FoldBytes(b, e, made);
    if (fresh.key.empty()) return fresh;
    fresh.ids = gaz_.FindFolded(fresh.key);
    fresh.word_prefix = gaz_.HasFoldedWordPrefix(fresh.key);
    if (bytes.size() <= kMemoNameLen) {
      NameAnswer& a = t_name_memo.Claim(h, tag, bytes).value;
      a.ids = fresh.ids;
      a.word_prefix = fresh.word_prefix;
      a.key_len = static_cast<uint8_t>(fresh.key.size());
      std::memcpy(a.key, fresh.key.data(), fresh.key.size());
    }
    return fresh;
  }

  // True when the name of c is written in capitals, opens the text or a paragraph (or follows a
  // period: a title joined to the body) and is followed by "(" or a dash.
  bool Dateline(const Candidate& c) const {
    if (c.tok_end >= doc_.tokens.size()) return false;
    // The bracket or dash after the name first: most names have neither.
    const std::string_view next = Tok(c.tok_end);
    if (!(Eq(next, "(") || Eq(next, "\u2014") || Eq(next, "\u2013") || Eq(next, "-") ||
          Eq(next, "--"))) {
      return false;
    }
    for (uint32_t i = c.tok_begin; i < c.tok_end; ++i) {
      if (IsWord(i) && !IsAllCaps(Tok(i))) return false;
    }
    if (!IsAllCaps(Tok(c.tok_begin))) return false;
    if (c.tok_begin > 0 && Tok(c.tok_begin - 1) != ".") {
      bool line = false;
      for (uint32_t b = doc_.tokens[c.tok_begin - 1].span.end;
           b < doc_.tokens[c.tok_begin].span.begin; ++b) {
        if (doc_.text[b] == '\n') line = true;
      }
      if (!line) return false;
    }
    return true;
  }

  // "Kabul's Karte Seh district", "Beirut's Hamra area": after a possessive, capitalized words
  // (from token `n`, before `e`) closed by a level word name a part of the place, not a longer
  // name of it.
  bool PartAfterPossessive(const Candidate& c, uint32_t n, uint32_t e) const {
    if (c.span.end >= doc_.tokens[c.tok_end - 1].span.end) return false;  // no possessive
    uint32_t k = n;
    while (k < e && k < n + 4 && IsWord(k) && IsCapitalized(Tok(k))) ++k;
    if (k == n || k >= e || !IsWord(k)) return false;
    const std::string_view w = LowerTok(k);
    return LevelWord(w) != TypeHint::kNone || Eq(w, "area") || Eq(w, "quarter");
  }

  // Fills the evidence around candidate `c`; returns false to reject it outright.
  bool Evidence(Candidate& c, const sitrep::Sentence& sent, int last_match_end) {
    const bool match_before_sep = last_match_end == static_cast<int>(c.tok_begin) - 1;
    const uint32_t b = sent.token_begin, e = sent.token_end;
    bool had_possessive;
    std::string_view name_lower =
        LowerTokPrefix(c.tok_begin, StripPossessive(Tok(c.tok_begin), &had_possessive).size());
    const bool one_word = c.tok_end == c.tok_begin + 1;
    const uint32_t name_classes = one_word ? Classes(name_lower) : 0;
    if (name_classes & (kNeverPlaceClass | kCommonWordClass)) return false;
    // "The City Council": an article before a common word is no name either.
    if (c.tok_end == c.tok_begin + 2 && Eq(name_lower, "the") &&
        IsCommonWord(LowerTok(c.tok_begin + 1))) {
      return false;
    }
    if (check_) {
      CountReferenceCheck(IsContraction(Tok(c.tok_begin)) ==
                          IsContractionByList(Tok(c.tok_begin)));
    }
    if (IsContraction(Tok(c.tok_begin)) || IsMixedAcronym(Tok(c.tok_begin))) return false;
    // "White House", "Opera House": a building, not the place its first word names.
    if (c.tok_end > c.tok_begin + 1 && Eq(Tok(c.tok_end - 1), "House")) return false;
    if (c.sentence_initial && (name_classes & kCommonSentenceStartClass)) return false;
    // The word right after the name, when nothing but spaces comes between: its classes lower-
    // cased (level words, speech verbs...) and as written (name suffixes, institution words).
    const uint32_t n = c.tok_end;
    const bool next_adjacent = n < e && IsWord(n) && Adjacent(n);
    const uint32_t next_classes = next_adjacent ? Classes(LowerTok(n)) : 0;
    // Level word inside the name ("Anbar province") or right after it.
    {
      TypeHint inside = one_word ? TypeHint::kNone : LevelOf(Classes(LowerTok(c.tok_end - 1)));
      if (inside != TypeHint::kNone) {
        c.type = inside;
        c.cue = 2;
      } else if (next_adjacent) {
        TypeHint after = LevelOf(next_classes);
        if (after != TypeHint::kNone) {
          c.type = after;
          c.cue = 2;
          c.village = Eq(LowerTok(c.tok_end), "village");
        }
      }
    }
    // A dateline ("NEW YORK (AP) —", "WASHINGTON - "): the name in capitals opening the text or
    // a paragraph, then a bracket or a dash, names the city the story was filed from (not the
    // state of the same name).
    if (c.type == TypeHint::kNone && Dateline(c)) {
      c.dateline = true;
      c.cue = 2;
    }
    // "Henry, 19, of Alexandria": a name followed by an age is a person.
    if (c.tok_end + 3 < e && Eq(Tok(c.tok_end), ",") && Eq(Tok(c.tok_end + 2), ",")) {
      std::string_view age = Tok(c.tok_end + 1);
      if (!age.empty() && age.size() <= 2 &&
          std::all_of(age.begin(), age.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
        persons_[c.key] += 2;
        return false;
      }
    }
    // Words before.
    uint32_t p = c.tok_begin;
    auto prev = [&](uint32_t back) -> std::string_view {
      return p >= b + back ? LowerTok(p - back) : std::string_view();
    };
    std::string_view p1 = prev(1), p2 = prev(2), p3 = prev(3);
    uint32_t classes1 = Classes(p1);  // p1's; p2's and p3's are looked up where they are asked
    if (p > b) {
      std::string_view raw1 = Tok(p - 1);
      if (IsTitle(raw1) || (Eq(raw1, ".") && p >= b + 2 && IsTitle(Tok(p - 2)))) {
        persons_[c.key] += 2;  // a title is firm evidence
        return false;
      }
      // "charged a teenager with killing Welch", "stabbed Welch": the object of a verb done only
      // to people is a person (a possessive is not the object: "arrested Kabul's mayor").
      // A name used as a modifier ("killing Kandahar police officers", "Pakistan Army") is not
      // the object; nor is a name in capitals ("US").
      if (c.tok_end == c.tok_begin + 1 && !had_possessive && !IsAllCaps(Tok(c.tok_begin)) &&
          IsPersonOnlyVerb(p1) &&
          !(c.tok_end < e && IsWord(c.tok_end) && !IsLinkAfterObject(LowerTok(c.tok_end)))) {
        persons_[c.key] += 2;
        return false;
      }
    }
    // A capitalized word right before (not a title, see above): a first name ("Michael
    // Jordan", even when "Michael" is a place somewhere), unless it is a possessive ("Iraq's
    // Anbar") or a direction.
    if (p > b && !c.sentence_initial && IsWord(p - 1) && Adjacent(p) && IsCapitalized(Tok(p - 1)) &&
        !IsAllCaps(Tok(p - 1)) &&
        (classes1 &
         (kDirectionClass | kNeverPlaceClass | kCommonSentenceStartClass | kLocativePrepClass |
          kNearWordClass | kLevelClasses | kCapitalizedModifierClass)) == 0) {
      bool possessive;
      StripPossessive(Tok(p - 1), &possessive);
      // "in Xolotzin Sinaloa, officials said": after "in" and a name the gazetteer lacks, a
      // division's name that closes the clause is the division of that town, written without
      // its comma, not a surname.
      // (A written name, not an abbreviation: "Cleanup Co." is a company; and no container after
      // it: in "at Puerto Sinaloa, Sinaloa" the name is the town's.)
      const bool division_after_town =
          AfterFirmPrep(p - 1, b) && c.key.size() >= 4 && c.tok_end < e &&
          (Eq(Tok(c.tok_end), ".") ||
           (Eq(Tok(c.tok_end), ",") &&
            !(c.tok_end + 1 < e && IsWord(c.tok_end + 1) && IsCapitalized(Tok(c.tok_end + 1))))) &&
          std::any_of(c.ids.begin(), c.ids.end(),
                      [&](GeoId id) { return gaz_.Entry(id).kind() == GeoKind::kAdmin1; });
      if (!possessive && !division_after_town) {
        c.prev_name = true;
        // A full name ("Jason Terrell Jones", "Keith D. Johnson") is firm evidence.
        const bool full_name =
            p >= b + 2 && IsWord(p - 2) && IsCapitalized(Tok(p - 2)) && !IsTitle(Tok(p - 2)) &&
            (Classes(p2) & (kCommonSentenceStartClass | kLocativePrepClass)) == 0;
        // "in Ciudad Sinaloa, Sinaloa", "in San Francisco Campeche, Campeche": capitalized words
        // opened by "in" or "at" start a longer place name the gazetteer lacks, not a person's,
        // so the province named after it is not taken for a surname.
        if (!AfterFirmPrep(p - 1, b)) persons_[c.key] += full_name ? 2 : 1;
      }
    }
    // "the Ministry of Justice", "the Department of Water": the name of an office's field (a
    // capitalized office word: "the department of Aribinda" is an area named after its town).
    {
      const uint32_t of = p > b && Eq(p1, "the") ? p - 1 : p;
      if (of >= b + 2 && Eq(LowerTok(of - 1), "of") && IsCapitalized(Tok(of - 2)) &&
          IsOfficeWord(LowerTok(of - 2))) {
        c.institution_field = true;
      }
    }
    // "Keith D. Johnson": a first name and a middle initial before it — a person, firmly.
    if (p >= b + 3 && Eq(Tok(p - 1), ".") && Tok(p - 2).size() == 1 && IsCapitalized(Tok(p - 2)) &&
        IsWord(p - 3) && IsCapitalized(Tok(p - 3)) && !IsTitle(Tok(p - 3)) &&
        (Classes(p3) & (kCommonSentenceStartClass | kLocativePrepClass)) == 0) {
      c.prev_name = true;
      persons_[c.key] += 2;
    }
    if ((classes1 & kDirectionClass) && p > b && Adjacent(p)) {
      // "eastern Syria", "north-west Nigeria"; a capitalized direction word starting a known
      // name ("Northern Ireland") was consumed by Grow already.
      c.relative = true;
      c.span.begin = doc_.tokens[p - 1].span.begin;
      p1 = p2;
      p2 = p3;
      p3 = p >= b + 4 ? LowerTok(p - 4) : std::string_view();
      --p;
      classes1 = Classes(p1);
    } else if (Eq(p1, "of") && (Classes(p2) & kDirectionNounClass) && p >= b + 3 &&
               (Eq(p3, "the") || Eq(p3, "far"))) {
      // "the north of Syria"
      c.relative = true;
      c.span.begin = doc_.tokens[p - 3].span.begin;
    }
    // "near the town of Gao": the level phrase between the near word and the name.
    const bool near_level_of = Eq(p1, "of") && (Eq(p2, "town") || Eq(p2, "village") || Eq(p2, "city")) &&
                               Eq(p3, "the") && (Classes(prev(4)) & kNearWordClass);
    if ((classes1 & kNearWordClass) || (Eq(p1, "to") && Eq(p2, "close")) ||
        (Eq(p1, "of") && Eq(p2, "outskirts")) || near_level_of) {
      c.near = true;
      c.cue = 2;
    } else if (Eq(p1, "of") && (Classes(p2) & kDirectionNounClass) && !c.relative) {
      // "10 km north of X", "north of X": somewhere around X
      c.near = true;
      c.cue = 2;
    } else if (Eq(p1, "the") && (Classes(p2) & kNearWordClass)) {
      // "near the Mentao refugee camp": around the place the camp, mine or bridge is named after
      c.near = true;
      c.weak_cue = true;
    } else if (Eq(p1, "of") && (Classes(p2) & kLevelClasses)) {
      // "the town of X", "the province of X"
      c.type = LevelOf(Classes(p2));
      c.cue = 2;
      c.village = Eq(p2, "village");
    } else if ((classes1 & kPlaceLevelClass) && Eq(p2, "the") && !IsCapitalized(Tok(p - 1))) {
      // "the village Namoungou" (not "the City Hall")
      c.type = TypeHint::kPlace;
      c.cue = 2;
    } else if (classes1 & kRaidVerbClass) {
      // "militants attacked Koutougou", "causing many to flee Tongomayel"
      c.weak_cue = true;
    } else if ((classes1 & kLocativePrepClass) ||
               (Eq(p1, "the") && (Classes(p2) & kLocativePrepClass))) {
      c.cue = std::max(c.cue, 1);
      // "to Turner's 39", "stabbed ... from Welch": the other prepositions take people too.
      const std::string_view prep = Eq(p1, "the") ? p2 : p1;
      c.firm_prep = IsFirmPrep(prep);
    } else if ((Eq(p1, ",") || Eq(p1, "and") || Eq(p1, "or")) && match_before_sep) {
      c.cue = std::max(c.cue, 1);  // a list of places, or "X, Y"
    } else if (AfterInstitutionHead(c, b, e)) {
      c.cue = std::max(c.cue, 1);
    } else if (Eq(p1, "(") || (Eq(p1, ",") && (Eq(p2, "(") || Eq(p3, "(")))) {
      c.cue = std::max(c.cue, 1);  // "Gadabo (Anzourou, Tillaberi)": where a place is
      c.bracket_after_name = Eq(p1, "(") && p >= b + 2 && IsWord(p - 2) &&
                             IsCapitalized(Tok(p - 2));
    }

    if ((name_classes & kPortfolioWordClass) && !c.firm_prep && !(n < e && Eq(Tok(n), ","))) {
      return false;
    }
    // Words after.
    if (n < e && Eq(Tok(n), "&")) return false;  // "Stevens & Wilkinson": a firm
    if (n < e && IsWord(n)) {
      // "the US dollar", "Hong Kong dollars": a currency, not where anything happened.
      std::string_view next_lower = LowerTok(n);
      if (Eq(next_lower, "dollar") || Eq(next_lower, "dollars") || Eq(next_lower, "pound") ||
          Eq(next_lower, "rupee") || Eq(next_lower, "rupees") || Eq(next_lower, "currency")) {
        return false;
      }
      // "blocked the Zahle roundabout", "the Halba highway": a road or a crossing named after
      // the town it runs through or stands in.
      if (Eq(p1, "the") && c.type == TypeHint::kNone &&
          (Eq(next_lower, "highway") || Eq(next_lower, "roundabout") ||
           Eq(next_lower, "intersection") || Eq(next_lower, "junction") ||
           Eq(next_lower, "bridge") || Eq(next_lower, "crossroads"))) {
        c.weak_cue = true;
      }
    }
    if (next_adjacent) {
      std::string_view next = Tok(n);
      std::string_view next_lower = LowerTok(n);
      // The capitalized lists hold only words that start with a capital letter.
      const uint32_t written =
          !next.empty() && next[0] >= 'A' && next[0] <= 'Z' ? Classes(next) : 0;
      // "Washington Post"
      if ((written & kNameSuffixClass) && c.type == TypeHint::kNone) return false;
      // "Tennessee Colony", "Virginia Gateway", "Indian Ocean": a longer name of a feature the
      // gazetteer lacks, not the place its first word names.
      if ((written & kFeatureNounClass) && c.type == TypeHint::kNone) return false;
      if ((written & kInstitutionWordClass) && c.type == TypeHint::kNone) {
        // "Mansfield Police", "Dublin City Council": a local institution named after the place.
        c.modifier = true;
        c.cue = std::max(c.cue, 1);
        return true;
      }
      if ((IsCapitalized(next) || IsArticlePrefixed(next)) && c.type == TypeHint::kNone &&
          !PartAfterPossessive(c, n, e) &&
          (next_classes & (kLevelClasses | kSpeechVerbClass | kNeverPlaceClass)) == 0) {
        c.name_neighbour = true;
        if (written & kNameSuffixClass) return false;
      }
      // "Bab al Hawa", "Tell el Abyad", "Ain er Roummaneh": a separate lower-case article and a
      // capitalized word continue the name, so the key covers only its first part (not "as",
      // "at", "an", "en": English or French words).
      if (IsDroppedArticle(next_lower) && !Eq(next_lower, "as") && !Eq(next_lower, "at") &&
          !Eq(next_lower, "an") && !Eq(next_lower, "en") && n + 1 < e && IsWord(n + 1) &&
          Adjacent(n + 1) && IsCapitalized(Tok(n + 1))) {
        c.name_neighbour = true;
      }
      if (next_classes & kStreetWordClass) return false;  // "Murree road", "Haifa Street"
      if (next_classes & kSpeechVerbClass) c.metonymic = true;
    }
    return true;
  }

  // "X, Y" and "X (Y)": Y may contain X ("Dawlat Abad district, Balkh"; "Sirwah (Marib)").
  void LinkContainers() {
    for (size_t k = 0; k + 1 < out_.size(); ++k) {
      Candidate& a = out_[k];
      const Candidate& y = out_[k + 1];
      if (a.sentence != y.sentence || a.demonym_country != kNoGeoId) continue;
      if (y.tok_begin != a.tok_end + 1) continue;
      std::string_view sep = Tok(a.tok_end);
      if (Eq(sep, ",") || Eq(sep, "(")) a.container = static_cast<int>(k + 1);
    }
  }

  // "Barrow, Jackson and Madison counties": a plural level word after a list types every name
  // of it, as "Jackson County" would.
  void PluralLevels() {
    for (size_t k = 0; k < out_.size(); ++k) {
      const Candidate& last = out_[k];
      if (last.type != TypeHint::kNone || last.demonym_country != kNoGeoId) continue;
      const uint32_t n = last.tok_end;
      if (n >= doc_.tokens.size() || !IsWord(n) || !Adjacent(n)) continue;
      const std::string_view w = LowerTok(n);
      TypeHint type = TypeHint::kNone;
      if (Eq(w, "counties") || Eq(w, "parishes") || Eq(w, "districts"))
        type = TypeHint::kAdmin2;
      else if (Eq(w, "provinces") || Eq(w, "governorates"))
        type = TypeHint::kAdmin1;
      if (type == TypeHint::kNone) continue;
      for (size_t j = k + 1; j-- > 0;) {
        Candidate& c = out_[j];
        if (j < k) {
          // Only ",", "and", "or", ", and" between this name and the next one of the list.
          const Candidate& next = out_[j + 1];
          if (c.sentence != next.sentence || c.type != TypeHint::kNone ||
              c.demonym_country != kNoGeoId) {
            break;
          }
          const uint32_t gap = next.tok_begin - c.tok_end;
          const std::string_view s1 = Tok(c.tok_end);
          const bool list = (gap == 1 && (Eq(s1, ",") || Eq(s1, "and") || Eq(s1, "or"))) ||
                            (gap == 2 && Eq(s1, ",") &&
                             (Eq(Tok(c.tok_end + 1), "and") || Eq(Tok(c.tok_end + 1), "or")));
          if (!list) break;
        }
        c.type = type;
        c.cue = 2;
      }
    }
  }

  const Document& doc_;
  const Token* const tokens_ = doc_.tokens.data();
  const char* const text_ = doc_.text.data();
  const Gazetteer& gaz_;
  std::vector<Candidate>& out_;
  std::string& lower_;  // doc_.text lower-cased
  const char* lower_text_ = nullptr;  // lower_.data()
  std::vector<uint8_t>& classes_;  // per token: its k*Tok bits (TokenClasses)
  std::vector<uint32_t>& marked_;  // the tokens with any k*Tok bit, in order
  std::vector<int32_t>& fold_of_;  // per token: its folded key in folded_, -1 when not folded
  std::vector<std::string_view>& folded_;
  std::vector<std::string_view>& loose_;  // per folded_ key: its LooseKey when PrefetchFolded
                                          // made it
  std::string& arena_;  // the bytes of folded_ and loose_, never moved while a document is read
  size_t arena_used_ = 0;
  std::vector<Gazetteer::FoldedAnswer>& answers_;  // per folded_ key: its lookups' answers
  Scratch& scratch_;
  uint32_t prefetched_ = 0;  // sentences before this one are folded and prefetched
  size_t prefetch_marked_ = 0;  // marked_ before this one are PrefetchAhead's past
  size_t sentence_marked_ = 0;  // marked_ before this one are behind Sentence
  const bool check_ = ReferenceChecksOn();
  KeyCounts persons_;      // key → times seen after a title (2) or a first name (1)
  KeyCounts place_votes_;  // key → mentions with a cue, level word or institution
};

// "the north of the country", "the south of the country": a relative region of the document's
// country, without a name. `lower` is the text lower-cased: most texts never say "country".
void FindCountryRefs(const Document& doc, std::string_view lower, std::vector<Candidate>* out) {
  if (lower.find("country") == std::string_view::npos) return;
  const auto& t = doc.tokens;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const auto& sent = doc.sentences[s];
    for (uint32_t i = sent.token_begin; i + 4 < sent.token_end; ++i) {
      // Cheapest tests first: "the", then "of the country" around the word, then the word.
      if (t[i].span.end - t[i].span.begin != 3 || !EqualsLower(doc.Slice(t[i].span), "the")) {
        continue;
      }
      if (!Eq(doc.Slice(t[i + 2].span), "of") || !Eq(doc.Slice(t[i + 3].span), "the")) continue;
      if (!EqualsLower(doc.Slice(t[i + 4].span), "country")) continue;
      if (!IsDirectionNoun(Lower(doc.Slice(t[i + 1].span)))) continue;
      Candidate c;
      c.span = {t[i].span.begin, t[i + 4].span.end};
      c.sentence = s;
      c.tok_begin = i;
      c.tok_end = i + 5;
      c.relative = true;
      c.country_ref = true;
      out->push_back(std::move(c));
    }
  }
}

}  // namespace

std::optional<std::string_view> FoldedAsLowered(std::string_view name, std::string_view lower) {
  // Per byte: 1 for an ASCII letter or digit.
  static constexpr std::array<uint8_t, 256> kAlnum = [] {
    std::array<uint8_t, 256> alnum{};
    for (int c = 0; c < 256; ++c) {
      alnum[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return alnum;
  }();
  if (name.empty() || name.size() != lower.size()) return std::nullopt;
  size_t word = 0;  // where the current word begins
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (kAlnum[static_cast<unsigned char>(c)]) continue;
    // A single space between two words, after a word FoldName keeps.
    if (c != ' ' || i == word || i + 1 == name.size() ||
        IsFoldedArticle(lower.substr(word, i - word))) {
      return std::nullopt;
    }
    word = i + 1;
  }
  return lower;
}

void Recognize(const Document& doc, const Gazetteer& gaz, std::vector<Candidate>& out,
               std::vector<uint32_t>& marked_words) {
  out.clear();
  std::vector<Candidate> refs;
  {
    // This thread's scratch, or a fresh one while it is in use (a Recognize inside a Recognize).
    static thread_local Recognizer::Scratch t_scratch;
    static thread_local bool t_in_use = false;
    std::unique_ptr<Recognizer::Scratch> own;
    Recognizer::Scratch* scratch = &t_scratch;
    if (t_in_use) {
      own = std::make_unique<Recognizer::Scratch>();
      scratch = own.get();
    }
    const bool leased = scratch == &t_scratch;
    if (leased) t_in_use = true;
    Recognizer(doc, gaz, *scratch, out, marked_words).Run();
    FindCountryRefs(doc, scratch->lower, &refs);
    if (leased) t_in_use = false;
  }
  if (!refs.empty()) {
    const auto by_begin = [](const Candidate& a, const Candidate& b) {
      return a.span.begin < b.span.begin;
    };
    const size_t names = out.size();
    out.insert(out.end(), std::make_move_iterator(refs.begin()), std::make_move_iterator(refs.end()));
    // Both runs are normally in text order already: a stable merge of two sorted runs is the
    // stable sort of their concatenation, in linear time and without moving every candidate.
    const auto mid = out.begin() + static_cast<std::ptrdiff_t>(names);
    if (std::is_sorted(out.begin(), mid, by_begin) && std::is_sorted(mid, out.end(), by_begin)) {
      std::inplace_merge(out.begin(), mid, out.end(), by_begin);
    } else {
      std::stable_sort(out.begin(), out.end(), by_begin);
    }
    // Containers were linked by index before the merge; recompute them by position.
    for (Candidate& c : out) c.container = -1;
    for (size_t k = 0; k + 1 < out.size(); ++k) {
      Candidate& a = out[k];
      const Candidate& y = out[k + 1];
      if (a.sentence != y.sentence || a.demonym_country != kNoGeoId || y.country_ref) continue;
      if (y.tok_begin != a.tok_end + 1) continue;
      std::string_view sep = doc.Slice(doc.tokens[a.tok_end].span);
      if (Eq(sep, ",") || Eq(sep, "(")) a.container = static_cast<int>(k + 1);
    }
  }
}

}  // namespace sitrep::places_internal
