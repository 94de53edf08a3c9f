#include "html/page_meta.h"

#include <algorithm>
#include <cstdio>

namespace sitrep::html {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Reads exactly `n` digits at `*pos`.
bool ReadNum(std::string_view s, size_t* pos, int n, int* value) {
  if (*pos + n > s.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    char c = s[*pos + i];
    if (!IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *value = v;
  return true;
}

// Reads 1-2 digits.
bool ReadSmall(std::string_view s, size_t* pos, int* value) {
  if (*pos >= s.size() || !IsDigit(s[*pos])) return false;
  int v = s[(*pos)++] - '0';
  if (*pos < s.size() && IsDigit(s[*pos])) v = v * 10 + (s[(*pos)++] - '0');
  *value = v;
  return true;
}

bool ValidDate(int y, int m, int d) { return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31; }

std::string FormatDate(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int MonthFromName(std::string_view word) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    if (Lower(word[0]) == kMonths[i][0] && Lower(word[1]) == kMonths[i][1] &&
        Lower(word[2]) == kMonths[i][2]) {
      return i + 1;
    }
  }
  return 0;
}

// Parses "hh:mm[:ss[.fff]][Z|±hh[:]mm| GMT| UTC]" at *pos; appends "Thh:mm[:ss]tz" to *out.
bool ParseTime(std::string_view s, size_t pos, std::string* out) {
  int hh, mm, ss = -1;
  if (!ReadSmall(s, &pos, &hh) || pos >= s.size() || s[pos] != ':') return false;
  ++pos;
  if (!ReadNum(s, &pos, 2, &mm)) return false;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    if (!ReadNum(s, &pos, 2, &ss)) return false;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      while (pos < s.size() && IsDigit(s[pos])) ++pos;
    }
  }
  if (hh > 23 || mm > 59 || ss > 60) return false;
  char buf[32];
  if (ss >= 0) {
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", hh, mm, ss);
  } else {
    std::snprintf(buf, sizeof buf, "T%02d:%02d", hh, mm);
  }
  std::string t = buf;
  while (pos < s.size() && s[pos] == ' ') ++pos;
  if (pos < s.size()) {
    char c = s[pos];
    if (c == 'Z' || c == 'z') {
      t += 'Z';
    } else if (c == '+' || c == '-') {
      size_t p = pos + 1;
      int oh, om = 0;
      if (ReadNum(s, &p, 2, &oh)) {
        if (p < s.size() && s[p] == ':') ++p;
        if (!ReadNum(s, &p, 2, &om)) om = 0;
        if (oh <= 14 && om <= 59) {
          std::snprintf(buf, sizeof buf, "%c%02d:%02d", c, oh, om);
          t += buf;
        }
      }
    } else if (s.substr(pos, 3) == "GMT" || s.substr(pos, 3) == "UTC") {
      t += 'Z';
    }
  }
  *out += t;
  return true;
}

}  // namespace

std::string NormalizeDate(std::string_view raw) {
  std::string_view s = Trim(raw);
  if (s.size() > 64 || s.empty()) return "";
  size_t pos = 0;
  int y, m, d;
  // ISO and its cousins: 2019-11-19, 2019/11/19, 2019.11.19, 20191119, with an optional time.
  if (ReadNum(s, &pos, 4, &y)) {
    if (pos < s.size() && (s[pos] == '-' || s[pos] == '/' || s[pos] == '.')) {
      char sep = s[pos++];
      if (!ReadSmall(s, &pos, &m) || pos >= s.size() || s[pos] != sep) return "";
      ++pos;
      if (!ReadSmall(s, &pos, &d)) return "";
    } else if (!ReadNum(s, &pos, 2, &m) || !ReadNum(s, &pos, 2, &d)) {
      return "";
    }
    if (!ValidDate(y, m, d)) return "";
    std::string out = FormatDate(y, m, d);
    if (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ' || s[pos] == 't')) {
      ParseTime(s, pos + 1, &out);  // a date with a broken time is still a date
    }
    return out;
  }
  // "Tue, 19 Nov 2019 10:00:00 GMT", "19 November 2019", "November 19, 2019", "Nov. 19 2019".
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size() && words.size() < 8) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '.')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != ',') ++i;
    if (i > b) words.push_back(s.substr(b, i - b));
  }
  int day = 0, month = 0, year = 0;
  size_t time_word = std::string_view::npos;
  for (size_t w = 0; w < words.size(); ++w) {
    std::string_view word = words[w];
    if (IsDigit(word[0])) {
      if (word.find(':') != std::string_view::npos) {
        if (time_word == std::string_view::npos) time_word = w;
        continue;
      }
      size_t p = 0;
      int v;
      if (word.size() == 4 && ReadNum(word, &p, 4, &v)) {
        year = v;
      } else if (ReadSmall(word, &p, &v) && !day) {
        day = v;  // "19" or "19th"
      }
    } else if (!month) {
      month = MonthFromName(word);
    }
  }
  if (!ValidDate(year, month, day)) return "";
  std::string out = FormatDate(year, month, day);
  if (time_word != std::string_view::npos) {
    std::string_view rest = s.substr(words[time_word].data() - s.data());
    ParseTime(rest, 0, &out);
  }
  return out;
}

void ScanJsonLdDates(std::string_view script, std::vector<std::string>* out) {
  static constexpr std::string_view kKey = "\"datePublished\"";
  size_t pos = 0;
  while ((pos = script.find(kKey, pos)) != std::string_view::npos) {
    pos += kKey.size();
    size_t p = pos;
    while (p < script.size() && (script[p] == ' ' || script[p] == '\n' || script[p] == '\t' || script[p] == '\r')) ++p;
    if (p >= script.size() || script[p] != ':') continue;
    ++p;
    while (p < script.size() && (script[p] == ' ' || script[p] == '\n' || script[p] == '\t' || script[p] == '\r')) ++p;
    if (p >= script.size() || script[p] != '"') continue;
    size_t close = script.find('"', p + 1);
    if (close == std::string_view::npos || close - p > 80) continue;
    out->emplace_back(script.substr(p + 1, close - p - 1));
  }
}

std::string ChooseTitle(const PageMeta& meta) {
  std::string_view og = Trim(meta.og_title);
  if (!og.empty()) return std::string(og);
  std::string_view title = Trim(meta.html_title);
  if (!title.empty()) {
    // Cut the site-name suffix at the last separator when what is left still reads as a title.
    static constexpr std::string_view kSeparators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", " \xC2\xBB "};
    size_t best = std::string_view::npos;
    size_t best_len = 0;
    for (std::string_view sep : kSeparators) {
      size_t at = title.rfind(sep);
      if (at != std::string_view::npos && (best == std::string_view::npos || at > best)) {
        best = at;
        best_len = sep.size();
      }
    }
    if (best != std::string_view::npos) {
      std::string_view head = Trim(title.substr(0, best));
      std::string_view tail = Trim(title.substr(best + best_len));
      // The suffix is the short side; keep the title when the head is only a word or two.
      if (std::count(head.begin(), head.end(), ' ') >= 2 && tail.size() <= head.size()) {
        return std::string(head);
      }
    }
    return std::string(title);
  }
  return std::string(Trim(meta.h1));
}

std::string ChoosePublished(const PageMeta& meta) {
  std::string best;
  int best_rank = 100;
  for (const auto& candidate : meta.dates) {
    int rank = static_cast<int>(candidate.source);
    if (rank >= best_rank) continue;
    std::string date = NormalizeDate(candidate.raw);
    if (date.empty()) continue;
    best = std::move(date);
    best_rank = rank;
  }
  return best;
}

}  // namespace sitrep::html
