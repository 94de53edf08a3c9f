#include "store_commands.h"

#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <vector>

#include "run_inputs.h"
#include "sitrep/event_export.h"
#include "sitrep/event_store.h"
#include "table.h"

namespace sitrep::cli {
namespace {

constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

int Fail(const Status& status) {
  std::fprintf(stderr, "sitrep: %s\n", status.ToString().c_str());
  return status.code() == ErrorCode::kInvalidArgument ? kExitUsage : kExitFailed;
}

struct FilterFlags {
  std::string country, admin1, bbox, from, to, type, sub_type, actor, text, sort = "date", historical;
  int64_t min_fatalities = -1;
  int64_t limit = 0, offset = 0;

  void Add(CLI::App* cmd) {
    cmd->add_option("--country", country, "Country name or ISO3 code");
    cmd->add_option("--admin1", admin1, "First-level region");
    cmd->add_option("--bbox", bbox, "minlon,minlat,maxlon,maxlat (WGS84)");
    cmd->add_option("--from", from, "Earliest event_date, YYYY-MM-DD");
    cmd->add_option("--to", to, "Latest event_date, YYYY-MM-DD");
    cmd->add_option("--type", type, "ACLED event type");
    cmd->add_option("--sub-type", sub_type, "ACLED sub-event type");
    cmd->add_option("--actor", actor, "Part of an actor name");
    cmd->add_option("--min-fatalities", min_fatalities, "At least this many fatalities");
    cmd->add_option("--text", text, "Words in the notes or article text (all required)");
    cmd->add_option("--historical", historical, "yes: only background events; no: only news")
        ->check(CLI::IsMember({"yes", "no"}));
    cmd->add_option("--limit", limit, "At most this many events (0 = all)");
    cmd->add_option("--offset", offset, "Skip this many events");
    cmd->add_option("--sort", sort, "date, -date, fatalities or id")->capture_default_str();
  }

  Result<EventQuery> ToQuery() const {
    EventQuery q;
    auto set = [](std::optional<std::string>& field, const std::string& v) {
      if (!v.empty()) field = v;
    };
    set(q.country, country);
    set(q.admin1, admin1);
    set(q.from, from);
    set(q.to, to);
    set(q.event_type, type);
    set(q.sub_event_type, sub_type);
    set(q.actor, actor);
    set(q.text, text);
    if (!bbox.empty()) {
      auto box = ParseBoundingBox(bbox);
      if (!box.ok()) return box.status();
      q.bbox = *box;
    }
    if (min_fatalities >= 0) q.min_fatalities = min_fatalities;
    if (!historical.empty()) q.historical = historical == "yes";
    auto s = ParseEventSort(sort);
    if (!s.ok()) return s.status();
    q.sort = *s;
    q.limit = limit;
    q.offset = offset;
    Status valid = q.Validate();
    if (!valid.ok()) return valid;
    return q;
  }
};

}  // namespace

struct StoreCommands::Flags {
  CLI::App* query = nullptr;
  CLI::App* exporter = nullptr;
  std::string query_db = "sitrep.db", export_db = "sitrep.db";
  FilterFlags query_filters, export_filters;
  bool json = false;
  std::string format, output;
};

StoreCommands::StoreCommands(CLI::App& app) : flags_(std::make_unique<Flags>()) {
  Flags& f = *flags_;
  f.query = app.add_subcommand("query", "Show stored articles and events, filtered");
  f.query->add_option("--db", f.query_db, "SQLite file or postgresql:// URI")->capture_default_str();
  f.query_filters.Add(f.query);
  f.query->add_flag("--json", f.json, "JSON Lines of full events instead of a table");

  f.exporter = app.add_subcommand("export", "Write stored events as ACLED CSV, UCDP CSV, JSONL or GeoJSON");
  f.exporter->add_option("--db", f.export_db, "SQLite file or postgresql:// URI")->capture_default_str();
  f.exporter->add_option("--format", f.format, "acled-csv, ucdp-csv, jsonl or geojson")
      ->required()
      ->check(CLI::IsMember({"acled-csv", "ucdp-csv", "jsonl", "geojson"}));
  f.exporter->add_option("-o,--output", f.output, "Write here instead of stdout");
  f.export_filters.Add(f.exporter);
}

StoreCommands::~StoreCommands() = default;

namespace {

int RunQuery(const std::string& db, const FilterFlags& filters, bool json) {
  auto query = filters.ToQuery();
  if (!query.ok()) return Fail(query.status());
  auto store = OpenEventStore(db);
  if (!store.ok()) return Fail(store.status());
  if (json) {
    std::string out;
    Status s = (*store)->Scan(*query, [&](const Event& e) {
      AppendEventJson(e, &out);
      out.push_back('\n');
      if (out.size() > (1 << 16)) {
        if (!WriteStdout(out)) return Status(ErrorCode::kIo, "stdout closed");
        out.clear();
      }
      return Status::Ok();
    });
    if (!s.ok()) return s.message() == "stdout closed" ? 0 : Fail(s);
    WriteStdout(out);
    return 0;
  }
  auto page = (*store)->Query(*query);
  if (!page.ok()) return Fail(page.status());
  std::string out;
  std::vector<std::vector<std::string>> rows;
  if (query->NoFilters()) {
    // Without filters the table starts with what is stored: the articles.
    auto articles = (*store)->ListArticles();
    if (!articles.ok()) return Fail(articles.status());
    for (const StoredArticle& a : *articles) {
      rows.push_back({a.id, a.published, a.title, std::to_string(a.text_bytes), std::to_string(a.event_count)});
    }
    out += fmt::format("Articles in {} ({}):\n", db, articles->size());
    out += RenderTable({"id", "published", "title", "bytes", "events"}, rows);
    out += "\n";
    rows.clear();
  }
  for (const Event& e : page->events) {
    std::string docs;
    for (const auto& d : e.doc_ids) docs += (docs.empty() ? "" : " ") + d;
    rows.push_back({e.event_id, e.event_date.value_or("?"), e.event_type, e.sub_event_type, e.country,
                    e.admin1.value_or(""), e.location, std::to_string(e.fatalities), e.historical ? "yes" : "",
                    docs});
  }
  if (static_cast<int64_t>(page->events.size()) == page->total) {
    out += fmt::format("Events ({}):\n", page->total);
  } else {
    out += fmt::format("Events ({} of {}):\n", page->events.size(), page->total);
  }
  if (page->events.empty()) {
    out += query->NoFilters() ? "(none: no event stage produced events for these articles)\n"
                              : "(none match the filters)\n";
  } else {
    out += RenderTable({"event_id", "date", "type", "sub-type", "country", "admin1", "location", "deaths",
                        "historical", "articles"},
                       rows);
  }
  WriteStdout(out);
  return 0;
}

int RunExport(const std::string& db, const FilterFlags& filters, const std::string& format_name,
              const std::string& output) {
  auto query = filters.ToQuery();
  if (!query.ok()) return Fail(query.status());
  auto format = ParseExportFormat(format_name);
  if (!format.ok()) return Fail(format.status());
  auto store = OpenEventStore(db);
  if (!store.ok()) return Fail(store.status());
  std::FILE* file = stdout;
  const std::string tmp = output + ".part";
  if (!output.empty()) {
    file = std::fopen(tmp.c_str(), "wb");
    if (!file) return Fail(Status(ErrorCode::kIo, "cannot write " + tmp));
  }
  bool write_ok = true;
  auto flush = [&](std::string& buf) {
    if (write_ok && !buf.empty()) write_ok = std::fwrite(buf.data(), 1, buf.size(), file) == buf.size();
    buf.clear();
  };
  EventExporter exporter(*format);
  std::string buf;
  exporter.Begin(&buf);
  int64_t count = 0;
  Status s = (*store)->Scan(*query, [&](const Event& e) {
    exporter.Add(e, &buf);
    ++count;
    if (buf.size() > (1 << 16)) flush(buf);
    return write_ok ? Status::Ok() : Status(ErrorCode::kIo, "write failed");
  });
  exporter.End(&buf);
  flush(buf);
  if (file != stdout) {
    write_ok = std::fclose(file) == 0 && write_ok;
    if (s.ok() && write_ok && std::rename(tmp.c_str(), output.c_str()) != 0) write_ok = false;
    if (!s.ok() || !write_ok) std::remove(tmp.c_str());
  } else {
    write_ok = std::fflush(stdout) == 0 && write_ok;
  }
  if (!s.ok()) return Fail(s);
  if (!write_ok) return Fail(Status(ErrorCode::kIo, "cannot write " + (output.empty() ? "stdout" : output)));
  std::fprintf(stderr, "sitrep: exported %lld event(s) as %s%s%s\n", static_cast<long long>(count),
               format_name.c_str(), output.empty() ? "" : " to ", output.c_str());
  return 0;
}

}  // namespace

std::optional<int> StoreCommands::Run() const {
  const Flags& f = *flags_;
  if (*f.query) return RunQuery(f.query_db, f.query_filters, f.json);
  if (*f.exporter) return RunExport(f.export_db, f.export_filters, f.format, f.output);
  return std::nullopt;
}

}  // namespace sitrep::cli
