// The SQL both stores run for an EventQuery: one WHERE builder, two dialects, every value a bound
// parameter. Internal to sitrep::store.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "sitrep/event_query.h"

namespace sitrep::store {

enum class Dialect { kSqlite, kPostgres };
using SqlValue = std::variant<std::string, double, int64_t>;

struct SqlParts {
  std::string where;  // "" or " WHERE ..."
  std::vector<SqlValue> params;
};

// Events are aliased `e` in the FROM clause. `country_pairs` (SQLite): the stored (country, iso3)
// pairs of which one side equals q.country, looked up first; every event matching the country
// filter has one of these pairs, so an equality on both columns (an index prefix that also orders
// by date) finds them without the OR. Null: no narrowing.
using CountryPair = std::pair<std::string, std::string>;
SqlParts BuildWhere(const EventQuery& q, Dialect dialect,
                    const std::vector<CountryPair>* country_pairs = nullptr);
// " ORDER BY ..." for `q.sort`.
std::string OrderBy(EventSort sort, Dialect dialect);
// Appends " LIMIT x OFFSET y" as parameters.
void AppendLimit(const EventQuery& q, Dialect dialect, SqlParts* parts, std::string* sql);
// SQLite: the words as an FTS5 query of string literals (all required), and the statement
// selecting the row ids of events whose notes or articles match the FTS5 parameter `param`.
std::string FtsPhrase(const std::vector<std::string>& words);
std::string TextCandidatesSql(const std::string& param);
// The words of a free-text filter: runs of letters/digits (any non-ASCII byte counts as a letter).
std::vector<std::string> TextWords(std::string_view text);

}  // namespace sitrep::store
