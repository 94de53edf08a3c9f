#include "table.h"

#include <algorithm>

namespace sitrep::cli {
namespace {

size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The longest prefix of `s` with at most `width` code points.
std::string Truncate(const std::string& s, size_t width) {
  if (Width(s) <= width) return s;
  size_t count = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++count == width) break;
  }
  return s.substr(0, i) + "…";
}

}  // namespace

std::string RenderTable(const std::vector<std::string>& headers,
                        const std::vector<std::vector<std::string>>& rows, size_t max_width) {
  std::vector<size_t> widths(headers.size());
  for (size_t c = 0; c < headers.size(); ++c) widths[c] = Width(headers[c]);
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : rows) {
    std::vector<std::string> out;
    for (size_t c = 0; c < headers.size(); ++c) {
      out.push_back(Truncate(c < row.size() ? row[c] : "", max_width));
      widths[c] = std::max(widths[c], Width(out.back()));
    }
    cells.push_back(std::move(out));
  }
  std::string text;
  const auto line = [&](const std::vector<std::string>& row) {
    for (size_t c = 0; c < row.size(); ++c) {
      text += row[c];
      if (c + 1 < row.size()) text.append(widths[c] - Width(row[c]) + 2, ' ');
    }
    text += '\n';
  };
  line(headers);
  std::vector<std::string> rule;
  for (size_t w : widths) rule.push_back(std::string(w, '-'));
  line(rule);
  for (const auto& row : cells) line(row);
  return text;
}

}  // namespace sitrep::cli
