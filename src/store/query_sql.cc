#include "query_sql.h"

#include <algorithm>

namespace sitrep::store {
namespace {

class Builder {
 public:
  Builder(Dialect d, SqlParts* parts) : d_(d), parts_(parts) {}
  std::string Param(SqlValue v) {
    parts_->params.push_back(std::move(v));
    return (d_ == Dialect::kSqlite ? "?" : "$") + std::to_string(parts_->params.size());
  }
  void Add(const std::string& clause) {
    where_ += where_.empty() ? " WHERE " : " AND ";
    where_ += clause;
  }
  std::string where_;

 private:
  Dialect d_;
  SqlParts* parts_;
};

std::string LikePattern(std::string_view s) {
  std::string out = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

}  // namespace

std::vector<std::string> TextWords(std::string_view text) {
  std::vector<std::string> words;
  std::string cur;
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) {
      cur.push_back(ch);
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::string FtsPhrase(const std::vector<std::string>& words) {
  // Each word as an FTS5 string literal: no operator of the user's reaches the FTS parser. A word
  // repeated (ASCII case aside, which FTS5 folds too) is left out: all words are required, so the
  // matches are the same, and FTS5 would merge the word's whole match list with itself.
  auto lower = [](std::string w) {
    for (char& c : w) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return w;
  };
  std::vector<std::string> seen;
  std::string fts;
  for (const auto& w : words) {
    std::string folded = lower(w);
    if (std::find(seen.begin(), seen.end(), folded) != seen.end()) continue;
    seen.push_back(std::move(folded));
    fts += fts.empty() ? "\"" : " \"";
    for (char c : w) {
      if (c == '"') fts.push_back('"');
      fts.push_back(c);
    }
    fts.push_back('"');
  }
  return fts;
}

std::string TextCandidatesSql(const std::string& p) {
  return "SELECT rowid FROM events_fts WHERE events_fts MATCH " + p +
         " UNION SELECT x.rid FROM articles_fts JOIN articles a ON a.rid = articles_fts.rowid "
         "JOIN event_articles l ON l.doc_id = a.id JOIN events x ON x.event_id = l.event_id "
         "WHERE articles_fts MATCH " + p;
}

SqlParts BuildWhere(const EventQuery& q, Dialect d, const std::vector<CountryPair>* country_pairs) {
  SqlParts parts;
  Builder b(d, &parts);
  const bool pg = d == Dialect::kPostgres;
  // Case-insensitive equality: SQLite columns are COLLATE NOCASE; PostgreSQL compares lower().
  auto eq = [&](const char* column, const std::string& value) {
    std::string p = b.Param(value);
    return pg ? "lower(e." + std::string(column) + ") = lower(" + p + ")"
              : "e." + std::string(column) + " = " + p;
  };
  if (q.country && country_pairs && !pg) {
    if (country_pairs->empty()) {
      b.Add("1 = 0");  // no stored event has that country name or code
    } else {
      std::string any;
      for (const auto& [country, iso3] : *country_pairs) {
        any += any.empty() ? "" : " OR ";
        any += "(e.country = " + b.Param(country) + " AND e.iso3 = " + b.Param(iso3) + ")";
      }
      b.Add(country_pairs->size() == 1 ? any : "(" + any + ")");
    }
  } else if (q.country) {
    // Without the pairs (PostgreSQL, or a pair with a NULL side) the test is on each event. With
    // them it is implied: a pair matched the value in the same NOCASE collation as the columns.
    std::string p = b.Param(*q.country);
    b.Add(pg ? "(lower(e.country) = lower(" + p + ") OR lower(e.iso3) = lower(" + p + "))"
             : "(e.country = " + p + " OR e.iso3 = " + p + ")");
  }
  if (q.admin1) b.Add(eq("admin1", *q.admin1));
  if (q.event_type) b.Add(eq("event_type", *q.event_type));
  if (q.sub_event_type) b.Add(eq("sub_event_type", *q.sub_event_type));
  if (q.actor) {
    std::string p = b.Param(LikePattern(*q.actor));
    const char* like = pg ? " ILIKE " : " LIKE ";
    b.Add("(e.actor1" + std::string(like) + p + " ESCAPE '\\' OR e.actor2" + like + p + " ESCAPE '\\')");
  }
  if (q.from) b.Add("e.event_date >= " + b.Param(*q.from));
  if (q.to) b.Add("e.event_date <= " + b.Param(*q.to));
  if (q.min_fatalities) b.Add("e.fatalities >= " + b.Param(*q.min_fatalities));
  if (q.historical) {
    b.Add(pg ? "e.historical = " + b.Param(int64_t{*q.historical}) + "::int::boolean"
             : "e.historical = " + b.Param(int64_t{*q.historical}));
  }
  if (q.bbox) {
    const BoundingBox& box = *q.bbox;
    std::string x0 = b.Param(box.min_lon), y0 = b.Param(box.min_lat);
    std::string x1 = b.Param(box.max_lon), y1 = b.Param(box.max_lat);
    if (pg) {
      // The GiST index is a coarse filter (boxes of 32-bit floats): the exact test follows.
      b.Add("e.geog::geometry && ST_MakeEnvelope(" + x0 + "::float8, " + y0 + "::float8, " + x1 +
            "::float8, " + y1 + "::float8, 4326)");
    }
    // SQLite: a range of the (longitude, latitude) index, the latitude tested on its entries.
    b.Add("e.longitude BETWEEN " + x0 + " AND " + x1 + " AND e.latitude BETWEEN " + y0 + " AND " + y1);
  }
  if (q.text) {
    std::vector<std::string> words = TextWords(*q.text);
    if (words.empty()) {
      b.Add("1 = 0");  // nothing searchable: matches nothing
    } else if (pg) {
      std::string joined;
      for (const auto& w : words) joined += (joined.empty() ? "" : " ") + w;
      std::string p = b.Param(joined);
      b.Add("(e.notes_tsv @@ plainto_tsquery('simple', " + p +
            ") OR EXISTS (SELECT 1 FROM event_articles l JOIN articles a ON a.id = l.doc_id "
            "WHERE l.event_id = e.event_id AND a.tsv @@ plainto_tsquery('simple', " + p + ")))");
    } else {
      // One candidate set (notes matches, then events of matching articles) the planner can
      // drive the query from.
      b.Add("e.rid IN (" + TextCandidatesSql(b.Param(FtsPhrase(words))) + ")");
    }
  }
  parts.where = std::move(b.where_);
  return parts;
}

std::string OrderBy(EventSort sort, Dialect d) {
  const bool pg = d == Dialect::kPostgres;
  // SQLite puts NULLs first ascending and last descending; PostgreSQL is told the same.
  const std::string asc = pg ? "e.event_date NULLS FIRST" : "e.event_date";
  const std::string desc = pg ? "e.event_date DESC NULLS LAST" : "e.event_date DESC";
  switch (sort) {
    case EventSort::kDateAsc: return " ORDER BY " + asc + ", e.event_id";
    case EventSort::kDateDesc: return " ORDER BY " + desc + ", e.event_id DESC";
    case EventSort::kFatalitiesDesc: return " ORDER BY e.fatalities DESC, " + asc + ", e.event_id";
    case EventSort::kId: return " ORDER BY e.event_id";
  }
  return "";
}

void AppendLimit(const EventQuery& q, Dialect d, SqlParts* parts, std::string* sql) {
  Builder b(d, parts);
  if (d == Dialect::kSqlite) {
    *sql += " LIMIT " + b.Param(q.limit > 0 ? q.limit : int64_t{-1}) + " OFFSET " + b.Param(q.offset);
  } else {
    // LIMIT NULL is no limit in PostgreSQL; a bound bigint keeps the statement parameterized.
    *sql += " LIMIT " + b.Param(q.limit > 0 ? q.limit : kMaxQueryLimit * 1000) + "::bigint OFFSET " +
            b.Param(q.offset) + "::bigint";
  }
}

}  // namespace sitrep::store
