// Aligned plain-text tables for the terminal.
#pragma once

#include <string>
#include <vector>

namespace sitrep::cli {

// Renders rows under headers, each column as wide as its widest cell (capped at `max_width`
// characters, longer cells end in "…"). Widths count code points, not bytes.
std::string RenderTable(const std::vector<std::string>& headers,
                        const std::vector<std::vector<std::string>>& rows, size_t max_width = 40);

}  // namespace sitrep::cli
