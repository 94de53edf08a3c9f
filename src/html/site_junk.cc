// StripSiteJunk and the lexicon behind it. The lexicon is data/site_junk.tsv, compiled in as a
// raw string literal (site_junk_tsv.inc; clean_test checks it matches the TSV) and parsed once on
// first use. After editing the TSV, from the repository root:
//   { echo 'R"sitrep_lexicon('; cat data/site_junk.tsv; echo ')sitrep_lexicon"'; } >FILE
// with FILE = src/html/site_junk_tsv.inc.
// TODO(build): generate the .inc from the TSV in CMake instead.
#include "html/site_junk.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "sitrep/clean.h"

namespace sitrep::html {
namespace {

constexpr std::string_view kLexiconTsv =
#include "html/site_junk_tsv.inc"
    ;

enum class RuleKind { kLine, kPrefix, kContains };

struct Rule {
  RuleKind kind;
  int max_words;
  std::string pattern;  // lower-case, single spaces
};

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Lower-cases ASCII, turns whitespace runs (and U+00A0) into one space, trims.
std::string Normalize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    bool ws = IsSpace(c);
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ws = true;
      ++i;
    }
    if (ws) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c));
  }
  return out;
}

// Drops bullets, pipes, arrows and trailing punctuation around a line: "» Share:" → "share:"
// keeps the colon only in the prefix form; `line` rules compare without it.
std::string_view TrimDecoration(std::string_view s) {
  auto junk = [](unsigned char c) {
    return c == ' ' || c == '|' || c == '.' || c == ':' || c == '!' || c == '-' || c == '*' ||
           c == '>' || c == '<' || c == '#' || c == '/' || c == '(' || c == ')' || c == '[' ||
           c == ']' || c == ',' || c == ';';
  };
  while (!s.empty() && junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && junk(s.back())) s.remove_suffix(1);
  // Common multi-byte decorations: "»", "›", "•", "→", "…".
  for (bool again = true; again;) {
    again = false;
    for (std::string_view d : {"\xC2\xBB", "\xE2\x80\xBA", "\xE2\x80\xA2", "\xE2\x86\x92", "\xE2\x80\xA6", "\xC2\xB7"}) {
      if (s.size() >= d.size() && s.substr(0, d.size()) == d) s.remove_prefix(d.size()), again = true;
      if (s.size() >= d.size() && s.substr(s.size() - d.size()) == d) s.remove_suffix(d.size()), again = true;
    }
    while (!s.empty() && junk(s.front())) s.remove_prefix(1);
    while (!s.empty() && junk(s.back())) s.remove_suffix(1);
  }
  return s;
}

const std::vector<Rule>& Rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> out;
    std::string_view rest = kLexiconTsv;
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      if (line.empty() || line.front() == '#') continue;
      size_t t1 = line.find('\t');
      size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
      if (t2 == std::string_view::npos) continue;
      std::string_view kind = line.substr(0, t1);
      Rule rule;
      if (kind == "line") {
        rule.kind = RuleKind::kLine;
      } else if (kind == "prefix") {
        rule.kind = RuleKind::kPrefix;
      } else if (kind == "contains") {
        rule.kind = RuleKind::kContains;
      } else {
        continue;
      }
      rule.max_words = std::atoi(std::string(line.substr(t1 + 1, t2 - t1 - 1)).c_str());
      rule.pattern = Normalize(line.substr(t2 + 1));
      if (rule.kind == RuleKind::kLine) rule.pattern = std::string(TrimDecoration(rule.pattern));
      if (!rule.pattern.empty()) out.push_back(std::move(rule));
    }
    return out;
  }();
  return rules;
}

}  // namespace

std::string_view SiteJunkLexiconTsv() { return kLexiconTsv; }

int CountWords(std::string_view text, int limit) {
  int words = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    if (IsSpace(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      if (++words > limit) return words;
    }
  }
  return words;
}

bool IsJunkLine(std::string_view line) {
  if (CountWords(line, 40) > 30) return false;  // no rule reaches past 30 words
  std::string norm = Normalize(line);
  if (norm.empty()) return false;
  std::string_view bare = TrimDecoration(norm);
  int words = CountWords(norm, 40);
  for (const Rule& rule : Rules()) {
    if (words > rule.max_words) continue;
    switch (rule.kind) {
      case RuleKind::kLine:
        if (bare == rule.pattern) return true;
        break;
      case RuleKind::kPrefix:
        if (std::string_view(norm).substr(0, rule.pattern.size()) == rule.pattern ||
            bare.substr(0, rule.pattern.size()) == rule.pattern) {
          return true;
        }
        break;
      case RuleKind::kContains:
        if (norm.find(rule.pattern) != std::string::npos) return true;
        break;
    }
  }
  return false;
}

}  // namespace sitrep::html

namespace sitrep {
namespace {
bool IsSpaceByte(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
}  // namespace

StrippedText StripSiteJunk(std::string_view text) {
  // Junk lines are removed whole (with their line break) and trailing whitespace is trimmed;
  // every other byte is kept as given. Plain-text inputs are the frame evaluation gold and users'
  // offsets refer to, so the clean text equals the input wherever no junk preceded it (scraped
  // junk is nearly always trailing: "Share.", "Exit mobile version"); `to_source` maps the rest.
  StrippedText out;
  out.text.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    if (!html::IsJunkLine(text.substr(pos, end - pos))) {
      out.to_source.AddCopy(static_cast<uint32_t>(out.text.size()), pos,
                            static_cast<uint32_t>(end - pos));
      out.text.append(text.substr(pos, end - pos));
    }
    pos = end;
  }
  size_t keep = out.text.size();
  while (keep > 0 && IsSpaceByte(static_cast<unsigned char>(out.text[keep - 1]))) --keep;
  out.text.resize(keep);
  return out;
}

}  // namespace sitrep
