#include "eval/eval_util.h"

#include "sitrep/gazetteer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace sitrep::eval {
namespace {

using namespace std::literals;

struct Range {
  char32_t first;
  char32_t last;
};

// Word code points (see IsWordCodePoint), sorted and non-overlapping.
constexpr Range kWordRanges[] = {
    {0x30, 0x39},       {0x41, 0x5A},       {0x5F, 0x5F},       {0x61, 0x7A},
    {0xAA, 0xAA},       {0xB2, 0xB3},       {0xB5, 0xB5},       {0xB9, 0xBA},
    {0xBC, 0xBE},       {0xC0, 0xD6},       {0xD8, 0xF6},       {0xF8, 0x2C1},
    {0x2C6, 0x2D1},     {0x2E0, 0x2E4},     {0x2EC, 0x2EC},     {0x2EE, 0x2EE},
    {0x370, 0x374},     {0x376, 0x377},     {0x37A, 0x37D},     {0x37F, 0x37F},
    {0x386, 0x386},     {0x388, 0x38A},     {0x38C, 0x38C},     {0x38E, 0x3A1},
    {0x3A3, 0x3F5},     {0x3F7, 0x481},     {0x48A, 0x52F},     {0x531, 0x556},
    {0x559, 0x559},     {0x560, 0x588},     {0x5D0, 0x5EA},     {0x5EF, 0x5F2},
    {0x620, 0x64A},     {0x660, 0x669},     {0x66E, 0x66F},     {0x671, 0x6D3},
    {0x6D5, 0x6D5},     {0x6E5, 0x6E6},     {0x6EE, 0x6FC},     {0x6FF, 0x6FF},
    {0x710, 0x710},     {0x712, 0x72F},     {0x74D, 0x7A5},     {0x7B1, 0x7B1},
    {0x7C0, 0x7EA},     {0x800, 0x815},     {0x840, 0x858},     {0x860, 0x86A},
    {0x8A0, 0x8C9},     {0x900, 0x963},     {0x966, 0x96F},     {0x971, 0xDF3},
    {0xE01, 0xE30},     {0xE32, 0xE33},     {0xE40, 0xE46},     {0xE50, 0xE59},
    {0xE81, 0xEDF},     {0xF00, 0xF00},     {0xF20, 0xF33},     {0xF40, 0xF6C},
    {0x1000, 0x1049},   {0x1050, 0x109D},   {0x10A0, 0x10FA},   {0x10FC, 0x135A},
    {0x1369, 0x137C},   {0x1380, 0x138F},   {0x13A0, 0x13F5},   {0x13F8, 0x13FD},
    {0x1401, 0x166C},   {0x166F, 0x167F},   {0x1681, 0x169A},   {0x16A0, 0x16EA},
    {0x16EE, 0x16F8},   {0x1780, 0x17B3},   {0x17E0, 0x17E9},   {0x1810, 0x1819},
    {0x1820, 0x1878},   {0x1880, 0x18AA},   {0x1D00, 0x1DBF},   {0x1E00, 0x1F15},
    {0x1F18, 0x1F1D},   {0x1F20, 0x1F45},   {0x1F48, 0x1F4D},   {0x1F50, 0x1F57},
    {0x1F59, 0x1F7D},   {0x1F80, 0x1FB4},   {0x1FB6, 0x1FBC},   {0x1FBE, 0x1FBE},
    {0x1FC2, 0x1FC4},   {0x1FC6, 0x1FCC},   {0x1FD0, 0x1FD3},   {0x1FD6, 0x1FDB},
    {0x1FE0, 0x1FEC},   {0x1FF2, 0x1FF4},   {0x1FF6, 0x1FFC},   {0x2070, 0x2071},
    {0x2074, 0x2079},   {0x207F, 0x2089},   {0x2090, 0x209C},   {0x2102, 0x2102},
    {0x2107, 0x2107},   {0x210A, 0x2113},   {0x2115, 0x2115},   {0x2119, 0x211D},
    {0x2124, 0x2124},   {0x2126, 0x2126},   {0x2128, 0x2128},   {0x212A, 0x212D},
    {0x212F, 0x2139},   {0x213C, 0x213F},   {0x2145, 0x2149},   {0x214E, 0x214E},
    {0x2150, 0x2189},   {0x2460, 0x249B},   {0x24EA, 0x24FF},   {0x2776, 0x2793},
    {0x2C00, 0x2CE4},   {0x2CEB, 0x2CEE},   {0x2D00, 0x2D25},   {0x2D30, 0x2D67},
    {0x2D6F, 0x2D6F},   {0x2D80, 0x2DDE},   {0x3005, 0x3007},   {0x3021, 0x3029},
    {0x3031, 0x3035},   {0x3038, 0x303C},   {0x3041, 0x3096},   {0x309D, 0x309F},
    {0x30A1, 0x30FA},   {0x30FC, 0x30FF},   {0x3105, 0x312F},   {0x3131, 0x318E},
    {0x3192, 0x3195},   {0x31A0, 0x31BF},   {0x31F0, 0x31FF},   {0x3220, 0x3229},
    {0x3248, 0x324F},   {0x3251, 0x325F},   {0x3280, 0x3289},   {0x32B1, 0x32BF},
    {0x3400, 0x4DBF},   {0x4E00, 0xA48C},   {0xA4D0, 0xA4FD},   {0xA500, 0xA60C},
    {0xA610, 0xA62B},   {0xA640, 0xA66E},   {0xA67F, 0xA69D},   {0xA6A0, 0xA6EF},
    {0xA717, 0xA71F},   {0xA722, 0xA788},   {0xA78B, 0xA7FF},   {0xA800, 0xA827},
    {0xA830, 0xA835},   {0xA840, 0xA873},   {0xA880, 0xA8D9},   {0xA8F2, 0xA8FE},
    {0xA900, 0xA92D},   {0xA930, 0xA953},   {0xA960, 0xA97C},   {0xA980, 0xA9D9},
    {0xA9E0, 0xAAF6},   {0xAB01, 0xAB5A},   {0xAB5C, 0xAB69},   {0xAB70, 0xABEA},
    {0xABF0, 0xABF9},   {0xAC00, 0xD7A3},   {0xD7B0, 0xD7C6},   {0xD7CB, 0xD7FB},
    {0xF900, 0xFA6D},   {0xFA70, 0xFAD9},   {0xFB00, 0xFB06},   {0xFB13, 0xFB17},
    {0xFB1D, 0xFB28},   {0xFB2A, 0xFBB1},   {0xFBD3, 0xFD3D},   {0xFD50, 0xFDC7},
    {0xFDF0, 0xFDFB},   {0xFE70, 0xFEFC},   {0xFF10, 0xFF19},   {0xFF21, 0xFF3A},
    {0xFF3F, 0xFF3F},   {0xFF41, 0xFF5A},   {0xFF66, 0xFFDC},   {0x10000, 0x100FA},
    {0x10107, 0x10133}, {0x10140, 0x10178}, {0x10280, 0x1039F}, {0x103A0, 0x1056F},
    {0x10600, 0x10FFF}, {0x11000, 0x11FFF}, {0x12000, 0x1254F}, {0x13000, 0x1342F},
    {0x14400, 0x1467F}, {0x16800, 0x16FFF}, {0x17000, 0x18CFF}, {0x1B000, 0x1B2FB},
    {0x1D400, 0x1D7FF}, {0x1E800, 0x1EEFF}, {0x1F100, 0x1F10C}, {0x20000, 0x323AF},
};

// Decodes one code point at `pos`, tolerating invalid UTF-8 (an invalid byte decodes to
// U+FFFD with length 1).
char32_t DecodeLoose(std::string_view s, size_t pos, int* len) {
  unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  int n = (c >= 0xF0 && c <= 0xF4) ? 4 : (c >= 0xE0) && c < 0xF0 ? 3 : (c >= 0xC2 && c < 0xE0) ? 2 : 0;
  if (n == 0 || pos + n > s.size()) {
    *len = 1;
    return 0xFFFD;
  }
  char32_t cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (int i = 1; i < n; ++i) {
    unsigned char cc = static_cast<unsigned char>(s[pos + i]);
    if ((cc & 0xC0) != 0x80) {
      *len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  *len = n;
  return cp;
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// ASCII fold of U+00C0..U+00FF ('\0' = drop the character).
constexpr std::string_view kLatin1Fold =
    "aaaaaaaceeeeiiii"   // C0-CF
    "dnooooo\0ouuuuyts"  // D0-DF (D7 × dropped, DE þ → t, DF ß → s)
    "aaaaaaaceeeeiiii"   // E0-EF
    "dnooooo\0ouuuuyty"sv;  // F0-FF

constexpr std::string_view kDroppedWords[] = {
    "province",   "provincia", "state",    "governorate", "gouvernorat", "region",
    "departement", "department", "district", "county",    "prefecture",  "municipality",
    "oblast",     "division",  "territory", "village",    "town",        "commune",
    "wilayah",    "muhafazah", "subdistrict", "city",     "township",    "lga",
    "woreda",     "zone",      "constituency", "locality", "raion",      "rayon"};

// The Arabic article assimilated to the next word's first consonant ("Ad Dali", "Ar Raqqah",
// "Ash Sharqiyah"): the same article as "al", written as pronounced.
bool IsAssimilatedArticle(const std::string& article, const std::string& next) {
  static constexpr std::string_view kForms[] = {"ad", "adh", "ar", "as", "ash", "at",
                                                "ath", "az", "an"};
  if (std::find(std::begin(kForms), std::end(kForms), article) == std::end(kForms)) return false;
  const std::string consonant = article.substr(1);
  return next.size() > consonant.size() && next.compare(0, consonant.size(), consonant) == 0;
}

int ParseInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return IsAsciiDigit(c); });
}

int MonthFromName(std::string_view name) {
  static constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",
                                                 "may",     "june",     "july",      "august",
                                                 "september", "october", "november", "december"};
  if (name.size() < 3) return 0;
  std::string lower;
  for (char c : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (int m = 0; m < 12; ++m) {
    std::string_view full = kMonths[m];
    if (lower == full || (lower.size() == 3 && full.substr(0, 3) == lower) ||
        (lower == "sept" && m == 8)) {
      return m + 1;
    }
  }
  return 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::optional<GoldDate> Checked(int year, int month, int day) {
  if (year < 1 || year > 9999) return std::nullopt;
  if (month < 0 || month > 12) return std::nullopt;
  if (month == 0 && day != 0) return std::nullopt;
  if (day < 0 || (day > 0 && day > DaysInMonth(year, month))) return std::nullopt;
  return GoldDate{year, month, day};
}

}  // namespace

bool IsWordCodePoint(char32_t cp) {
  auto it = std::upper_bound(std::begin(kWordRanges), std::end(kWordRanges), cp,
                             [](char32_t v, const Range& r) { return v < r.first; });
  if (it == std::begin(kWordRanges)) return false;
  --it;
  return cp <= it->last;
}

std::vector<std::string_view> WordTokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  size_t pos = 0;
  size_t start = std::string_view::npos;
  while (pos < text.size()) {
    int len = 1;
    char32_t cp = DecodeLoose(text, pos, &len);
    bool word = IsWordCodePoint(cp);
    if (word && start == std::string_view::npos) start = pos;
    if (!word && start != std::string_view::npos) {
      tokens.push_back(text.substr(start, pos - start));
      start = std::string_view::npos;
    }
    pos += len;
  }
  if (start != std::string_view::npos) tokens.push_back(text.substr(start));
  return tokens;
}

std::vector<uint32_t> CodePointByteOffsets(std::string_view utf8) {
  std::vector<uint32_t> table;
  table.reserve(utf8.size() + 1);
  size_t pos = 0;
  while (pos < utf8.size()) {
    table.push_back(static_cast<uint32_t>(pos));
    int len = 1;
    DecodeLoose(utf8, pos, &len);
    pos += len;
  }
  table.push_back(static_cast<uint32_t>(utf8.size()));
  return table;
}

uint32_t CharToByte(const std::vector<uint32_t>& table, int64_t char_offset) {
  if (table.empty()) return 0;
  if (char_offset <= 0) return table.front();
  if (static_cast<uint64_t>(char_offset) >= table.size()) return table.back();
  return table[static_cast<size_t>(char_offset)];
}

std::string NormalizePlaceName(std::string_view name) {
  // Fold to lower-case ASCII words; anything else separates words.
  std::string folded;
  int paren_depth = 0;
  size_t pos = 0;
  while (pos < name.size()) {
    int len = 1;
    char32_t cp = DecodeLoose(name, pos, &len);
    pos += len;
    if (cp == '(') {
      ++paren_depth;
      continue;
    }
    if (cp == ')') {
      if (paren_depth > 0) --paren_depth;
      continue;
    }
    if (paren_depth > 0) continue;
    if (cp < 0x80 && (IsAsciiAlpha(static_cast<char>(cp)) || IsAsciiDigit(static_cast<char>(cp)))) {
      folded.push_back(static_cast<char>(std::tolower(static_cast<int>(cp))));
    } else if (cp >= 0xC0 && cp <= 0xFF) {
      char f = kLatin1Fold[cp - 0xC0];
      if (f != '\0') folded.push_back(f);
    } else if (cp == 0x2018 || cp == 0x2019 || cp == '\'' || cp == 0x02BF || cp == 0x02BE ||
               cp == 0x0060) {
      // Apostrophes and ayn/hamza marks join the word: "Sana'a" → "sanaa".
    } else if (cp >= 0x100 && cp < 0x2000 && IsWordCodePoint(cp)) {
      // Latin Extended letters lose their diacritics as in the gazetteer's keys ("Aḑ Ḑāli‘",
      // "Kuşadası"); other scripts are kept as they are (their UTF-8 bytes).
      std::string f = FoldName(name.substr(pos - len, len));
      if (!f.empty() && std::all_of(f.begin(), f.end(), [](char c) { return IsAsciiAlpha(c); })) {
        folded += f;
      } else {
        folded.append(name.substr(pos - len, len));
      }
    } else if (cp >= 0x80 && IsWordCodePoint(cp)) {
      folded.append(name.substr(pos - len, len));
    } else {
      folded.push_back(' ');
    }
  }
  std::vector<std::string> words;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    size_t j = i;
    while (j < folded.size() && folded[j] != ' ') ++j;
    if (j > i) words.emplace_back(folded.substr(i, j - i));
    i = j;
  }
  std::vector<std::string> kept;
  for (const std::string& w : words) {
    if (std::find(std::begin(kDroppedWords), std::end(kDroppedWords), w) ==
        std::end(kDroppedWords)) {
      kept.push_back(w);
    }
  }
  if (kept.size() > 1 && (kept.front() == "al" || kept.front() == "el" ||
                          IsAssimilatedArticle(kept.front(), kept[1]))) {
    kept.erase(kept.begin());
  }
  // A name made only of dropped words ("Central Region" → "central" is fine; "State" alone is
  // not) keeps its original words so it still matches itself.
  if (kept.empty()) kept = words;
  std::string out;
  for (const std::string& w : kept) out += w;
  return out;
}

bool PlaceNamesMatch(std::string_view a, std::string_view b) {
  std::string na = NormalizePlaceName(a);
  return !na.empty() && na == NormalizePlaceName(b);
}

std::string ActorNameWithoutEra(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  size_t i = 0;
  while (i < name.size()) {
    // " (YYYY-)" or " (YYYY-YYYY)".
    if (name[i] == '(' && i + 6 < name.size()) {
      size_t j = i + 1;
      while (j < name.size() && j < i + 5 && std::isdigit(static_cast<unsigned char>(name[j]))) ++j;
      if (j == i + 5 && name[j] == '-') {
        size_t k = j + 1;
        while (k < name.size() && std::isdigit(static_cast<unsigned char>(name[k]))) ++k;
        if (k < name.size() && name[k] == ')' && (k == j + 1 || k == j + 5)) {
          while (!out.empty() && out.back() == ' ') out.pop_back();
          i = k + 1;
          continue;
        }
      }
    }
    if (name[i] == ' ' && (out.empty() || out.back() == ' ')) {
      ++i;
      continue;
    }
    out.push_back(name[i++]);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadiusKm = 6371.0088;
  constexpr double kDeg = 3.14159265358979323846 / 180.0;
  double dlat = (lat2 - lat1) * kDeg;
  double dlon = (lon2 - lon1) * kDeg;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kDeg) * std::cos(lat2 * kDeg) * std::sin(dlon / 2) * std::sin(dlon / 2);
  a = std::clamp(a, 0.0, 1.0);
  return 2 * kRadiusKm * std::asin(std::sqrt(a));
}

std::string GoldDate::Iso() const {
  char buf[16];
  if (full_day()) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  } else if (month > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", year);
  }
  return buf;
}

std::optional<GoldDate> ParseGoldDate(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  // ISO: YYYY[-MM[-DD]] with an optional time part after ' ' or 'T'.
  if (text.size() >= 4 && AllDigits(text.substr(0, 4)) &&
      (text.size() == 4 || text[4] == '-')) {
    int year = ParseInt(text.substr(0, 4));
    if (text.size() == 4) return Checked(year, 0, 0);
    if (text.size() < 7 || !AllDigits(text.substr(5, 2))) return std::nullopt;
    int month = ParseInt(text.substr(5, 2));
    if (text.size() == 7) return Checked(year, month, 0);
    if (text[7] != '-' || text.size() < 10 || !AllDigits(text.substr(8, 2))) return std::nullopt;
    int day = ParseInt(text.substr(8, 2));
    if (text.size() > 10 && text[10] != ' ' && text[10] != 'T') return std::nullopt;
    if (day == 0) return Checked(year, month, 0);
    return Checked(year, month, day);
  }
  // "9-May-20", "09-Apr-2020", "9 May 2020": day, month name, year.
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == '-' || text[i] == ' ' || text[i] == ',')) ++i;
    size_t j = i;
    while (j < text.size() && text[j] != '-' && text[j] != ' ' && text[j] != ',') ++j;
    if (j > i) parts.push_back(text.substr(i, j - i));
    i = j;
  }
  if (parts.size() != 3 || !AllDigits(parts[0]) || parts[0].size() > 2 || !AllDigits(parts[2])) {
    return std::nullopt;
  }
  int month = MonthFromName(parts[1]);
  if (month == 0) return std::nullopt;
  int year = ParseInt(parts[2]);
  if (parts[2].size() == 2) {
    year += year >= 69 ? 1900 : 2000;
  } else if (parts[2].size() != 4) {
    return std::nullopt;
  }
  int day = ParseInt(parts[0]);
  if (day == 0) return std::nullopt;
  return Checked(year, month, day);
}

}  // namespace sitrep::eval
