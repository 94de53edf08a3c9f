// The `sitrep` command line: parses flags, builds library objects, prints. No extraction logic.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <cstdio>
#include <span>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "allocator.h"
#include "run_inputs.h"
#include "sitrep/eval.h"
#include "sitrep/json_writer.h"
#include "sitrep/merge.h"
#include "sitrep/store_merge.h"
#include "sitrep/pipeline.h"
#include "sitrep/event_store.h"
#include "sitrep/timex.h"
#include "sitrep/actors.h"
#include "sitrep/quantity.h"
#include "sitrep/triggers.h"
#include "sitrep/places.h"
#include "serve_command.h"
#include "store_commands.h"
#include "table.h"

namespace sitrep::cli {
namespace {

// Exit codes: 0 the run completed (even with rejected records), 1 the run failed, 2 bad usage.
constexpr int kExitFailed = 1;

// Returned by output callbacks when stdout was closed by its reader: a quiet, successful end.
const Status kStdoutClosed(ErrorCode::kIo, "stdout closed");

bool IsStdoutClosed(const Status& s) { return s.code() == kStdoutClosed.code() && s.message() == kStdoutClosed.message(); }

int Fail(const Status& status) {
  if (IsStdoutClosed(status)) return 0;
  std::fprintf(stderr, "sitrep: %s\n", status.ToString().c_str());
  return kExitFailed;
}

void WriteId(JsonWriter& w, const Document& doc) {
  w.Key("id");
  doc.id_is_number ? w.Raw(doc.id) : w.String(doc.id);
}

void Summary(const char* verb, const InputStats& stats) {
  std::fprintf(stderr, "sitrep: %s %llu document(s), %llu rejected\n", verb,
               static_cast<unsigned long long>(stats.processed),
               static_cast<unsigned long long>(stats.rejected));
}

int RunClean(const InputOptions& input) {
  auto stats = ForEachDocument(input, [](Document& doc) -> Status {
    std::string line;
    JsonWriter w(&line);
    w.BeginObject();
    WriteId(w, doc);
    if (!doc.url.empty()) w.Field("url", doc.url);
    w.Field("title", doc.title).Field("published", doc.published).Field("text", doc.text);
    w.EndObject();
    line.push_back('\n');
    return WriteStdout(line) ? Status::Ok() : kStdoutClosed;
  });
  if (!stats.ok()) return Fail(stats.status());
  Summary("cleaned", *stats);
  return 0;
}

void WriteSpans(JsonWriter& w, std::string_view key, const std::vector<Span>& spans) {
  w.Key(key).BeginArray();
  for (const Span& s : spans) w.BeginObject().Field("start", s.begin).Field("end", s.end).EndObject();
  w.EndArray();
}

void WriteEntities(JsonWriter& w, const Document& doc) {
  w.Key("entities").BeginArray();
  for (const ActorMention& a : doc.actors) {
    w.BeginObject()
        .Field("start", a.span.begin)
        .Field("end", a.span.end)
        .Field("text", doc.Slice(a.span))
        .Field("label", "ORG")
        .Field("actor", a.actor)
        .Field("inter", a.inter)
        .Field("country", a.country_iso3)
        .Field("generic", a.generic)
        .EndObject();
  }
  w.EndArray();
}

void WriteQuantities(JsonWriter& w, const Document& doc) {
  // Casualty frames carry the count, its fate and its victims (contract §3 `quantities`); plain
  // numbers that count nothing are listed with their kind only.
  w.Key("quantities").BeginArray();
  for (const CasualtyFrame& f : doc.casualties) {
    Span span = f.count_span.empty() ? f.span : f.count_span;
    w.BeginObject()
        .Field("start", span.begin)
        .Field("end", span.end)
        .Field("text", doc.Slice(span))
        .Field("value", f.value)
        .Field("low", f.low)
        .Field("high", f.high)
        .Field("qualifier", QualifierName(f.qualifier))
        .Field("unit", doc.Slice(f.victims))
        .Field("fate", FateName(f.fate))
        .Field("victim_category", VictimCategoryName(f.category))
        .Field("negated", f.negated)
        .Field("update", f.is_update)
        .Field("subtotal", f.is_subtotal)
        .Key("frame")
        .BeginObject()
        .Field("start", f.span.begin)
        .Field("end", f.span.end)
        .EndObject()
        .EndObject();
  }
  w.EndArray();
  w.Key("numbers").BeginArray();
  for (const Quantity& q : doc.quantities) {
    w.BeginObject()
        .Field("start", q.span.begin)
        .Field("end", q.span.end)
        .Field("text", doc.Slice(q.span))
        .Field("value", q.value)
        .Field("high", q.high)
        .Field("qualifier", QualifierName(q.qualifier))
        .Field("kind", QuantityKindName(q.kind))
        .EndObject();
  }
  w.EndArray();
}

void WriteTriggers(JsonWriter& w, const Document& doc) {
  w.Key("triggers").BeginArray();
  for (const TriggerMention& t : doc.triggers) {
    w.BeginObject()
        .Field("start", t.span.begin)
        .Field("end", t.span.end)
        .Field("text", doc.Slice(t.span))
        .Field("event_type", t.event_type)
        .Field("sub_event_type", t.sub_event_type)
        .Field("score", static_cast<double>(t.score))
        .Field("historical", t.historical)
        .Field("negated", t.negated)
        .Field("sentence", t.sentence)
        .EndObject();
  }
  w.EndArray();
}

void WritePlaces(JsonWriter& w, const Document& doc) {
  w.Key("places").BeginArray();
  for (const PlaceMention& p : doc.places) {
    w.BeginObject().Field("start", p.span.begin).Field("end", p.span.end).Field("text", doc.Slice(p.span));
    w.Key("geonameid");
    p.geonameid != 0 ? w.Raw(std::to_string(p.geonameid)) : w.Raw("null");
    w.Field("name", p.name).Field("feature_code", p.feature_code).Field("country", p.country)
        .Field("admin1", p.admin1).Field("kind", PlaceKindName(p.kind));
    if (p.has_coordinates) w.Field("latitude", p.lat).Field("longitude", p.lon);
    if (p.relative_region) w.Field("relative_region", true);
    if (p.metonymic) w.Field("metonymic", true);
    if (p.demonym) w.Field("demonym", true);  // "Iraqi": names its country (sitrep/places.h)
    w.EndObject();
  }
  w.EndArray();
}

// The gazetteer for the places layer: --gazetteer, else the default search path
// (GazetteerSearchPath). An explicit path that fails is an error; a missing default only a
// warning, and the places layer is skipped.
Result<std::shared_ptr<const Gazetteer>> LoadGazetteer(const std::string& path) {
  if (!path.empty()) return Gazetteer::Open(path);
  auto gaz = OpenDefaultGazetteer();
  if (!gaz.ok() && gaz.status().code() == ErrorCode::kNotFound) {
    std::fprintf(stderr, "sitrep: warning: %s; no places layer\n", gaz.status().message().c_str());
    return std::shared_ptr<const Gazetteer>();
  }
  return gaz;
}

int RunAnnotate(InputOptions input, const std::string& gazetteer_path) {
  auto gaz = LoadGazetteer(gazetteer_path);
  if (!gaz.ok()) return Fail(gaz.status());
  PipelineOptions options;
  options.gazetteer = *gaz;  // null: no places stage
  const Pipeline pipeline = MakeDefaultPipeline(options);
  input.pipeline = &pipeline;
  const bool with_places = *gaz != nullptr;
  auto stats = ForEachDocument(input, [with_places](Document& doc) -> Status {
    std::string line;
    JsonWriter w(&line);
    w.BeginObject();
    WriteId(w, doc);
    w.Field("published", doc.published).Field("text", doc.text);
    WriteSpans(w, "paragraphs", doc.paragraphs);
    std::vector<Span> sentences;
    for (const Sentence& s : doc.sentences) sentences.push_back(s.span);
    WriteSpans(w, "sentences", sentences);
    w.Field("token_count", static_cast<int64_t>(doc.tokens.size()));
    w.Key("timex").BeginArray();
    for (const Timex& t : doc.timex) {
      w.BeginObject()
          .Field("start", t.span.begin)
          .Field("end", t.span.end)
          .Field("text", doc.Slice(t.span))
          .Field("type", TimexTypeName(t.type))
          .Field("value", t.value)
          .EndObject();
    }
    w.EndArray();
    WriteEntities(w, doc);
    WriteQuantities(w, doc);
    WriteTriggers(w, doc);
    if (with_places) WritePlaces(w, doc);
    w.EndObject();
    line.push_back('\n');
    return WriteStdout(line) ? Status::Ok() : kStdoutClosed;
  });
  if (!stats.ok()) return Fail(stats.status());
  Summary("annotated", *stats);
  return 0;
}

// Writes `events` as JSON lines on stdout, in order. `threads` threads write the JSON of
// consecutive blocks at the same time; only one round of blocks is held in memory, not the
// whole output. False when stdout was closed.
bool WriteEventLines(const std::vector<Event>& events, int threads) {
  // Events per block: enough to amortise a thread start (a block is ~0.3 MB of JSON: a record
  // merged from several reports is ~10 KB), few enough that the blocks stay small beside the
  // events still held.
  constexpr size_t kBlock = 32;
  const size_t n = static_cast<size_t>(std::max(threads, 1));
  std::vector<std::string> blocks(n);
  auto write_block = [&](size_t block, std::string* out) {
    out->clear();
    const size_t end = std::min(events.size(), (block + 1) * kBlock);
    for (size_t i = block * kBlock; i < end; ++i) {
      AppendEventJson(events[i], out);
      out->push_back('\n');
    }
  };
  const size_t block_count = (events.size() + kBlock - 1) / kBlock;
  for (size_t first = 0; first < block_count; first += n) {
    const size_t round = std::min(n, block_count - first);
    std::vector<std::thread> helpers;
    for (size_t k = 1; k < round; ++k) {
      helpers.emplace_back(write_block, first + k, &blocks[k]);
    }
    write_block(first, &blocks[0]);
    for (std::thread& t : helpers) t.join();
    for (size_t k = 0; k < round; ++k) {
      if (!WriteStdout(blocks[k])) return false;
    }
  }
  return true;
}

struct ExtractFlags {
  std::string format = "jsonl";
  std::string db;
  bool per_document = false;
  std::string gazetteer;
};

int RunExtract(InputOptions input, const ExtractFlags& flags) {
  auto gaz = LoadGazetteer(flags.gazetteer);
  if (!gaz.ok()) return Fail(gaz.status());
  PipelineOptions pipeline_options;
  pipeline_options.gazetteer = *gaz;
  const Pipeline pipeline = MakeDefaultPipeline(pipeline_options);
  input.pipeline = &pipeline;
  std::unique_ptr<EventStore> store;
  std::unique_ptr<Sink> sink;
  if (!flags.db.empty()) {
    auto opened = OpenEventStore(flags.db);
    if (!opened.ok()) return Fail(opened.status());
    store = std::move(*opened);
    sink = store->MakeSink();
  }
  const bool print_jsonl = flags.format == "jsonl" && (flags.db.empty() || flags.format != "none");
  uint64_t events = 0;
  // Merging (the default) holds every event, and with --db every article, until the end: the
  // sink stores events with their articles, so each article is stored once, in input order,
  // with the merged events that list it (see include/sitrep/merge.h).
  // With --db, StoreMerge also merges into the stored events that can match (store_merge.h).
  MergeOptions merge_options;
  merge_options.threads = input.threads;
  EventMerger merger(merge_options);
  std::optional<StoreMerge> store_merge;
  if (store && !flags.per_document) store_merge.emplace(*store);
  // Per document, each document's JSON lines are written by the thread that processed it;
  // this thread only stores and prints them in input order.
  if (flags.per_document && print_jsonl) {
    input.prepare = [](Document& doc, std::string* out) -> Status {
      for (const Event& event : doc.events) {
        AppendEventJson(event, out);
        out->push_back('\n');
      }
      return Status::Ok();
    };
  }
  auto stats = ForEachDocument(input, [&](Document& doc, std::string& json) -> Status {
    if (!flags.per_document) {
      if (store_merge) return store_merge->Add(doc);
      // The document is dropped after this: its events move into the merger, not copies.
      for (Event& event : doc.events) merger.Add(std::move(event), doc.published);
      return Status::Ok();
    }
    events += doc.events.size();
    if (sink) SITREP_RETURN_IF_ERROR(sink->Consume(doc, doc.events));
    if (!print_jsonl) return Status::Ok();
    return WriteStdout(json) ? Status::Ok() : kStdoutClosed;
  });
  if (!stats.ok()) return Fail(stats.status());
  const bool thread_stats = std::getenv("SITREP_THREAD_STATS") != nullptr;
  if (!flags.per_document) {
    const double t0 = thread_stats ? ThreadCpuSeconds() : 0;
    double output_cpu = 0;
    auto output = [&](const std::vector<Event>& merged) {
      events += merged.size();
      if (!print_jsonl) return true;
      const double t1 = thread_stats ? ThreadCpuSeconds() : 0;
      const bool written = WriteEventLines(merged, input.threads);
      if (thread_stats) output_cpu += ThreadCpuSeconds() - t1;
      return written;
    };
    if (store_merge) {
      auto written = store_merge->Finish(*sink);
      if (!written.ok()) return Fail(written.status());
      if (!output(*written)) return Fail(kStdoutClosed);
    } else {
      // Built, written and freed a block at a time: the merged records are never all alive.
      constexpr size_t kMergeBlock = 512;
      if (!merger.TakeMergedInBlocks(kMergeBlock, output)) return Fail(kStdoutClosed);
    }
    if (thread_stats) {
      std::fprintf(stderr, "sitrep: merge CPU: finish %.3f s, output %.3f s\n",
                   ThreadCpuSeconds() - t0 - output_cpu, output_cpu);
    }
  }
  if (sink) {
    Status finished = sink->Finish();
    if (!finished.ok()) return Fail(finished);
  }
  std::fprintf(stderr, "sitrep: extracted %llu event(s) from %llu document(s), %llu rejected%s%s\n",
               static_cast<unsigned long long>(events),
               static_cast<unsigned long long>(stats->processed),
               static_cast<unsigned long long>(stats->rejected),
               flags.db.empty() ? "" : "; stored in ", flags.db.c_str());
  return 0;
}

int RunEvalCommand(const EvalOptions& options, bool json, bool write_inputs) {
  if (write_inputs) {
    std::ostringstream inputs;
    Status status = WriteEvalInputs(options, inputs);
    if (!status.ok()) return Fail(status);
    WriteStdout(inputs.str());
    return 0;
  }
  auto report = RunEval(options);
  if (!report.ok()) return Fail(report.status());
  WriteStdout(json ? FormatEvalJson(*report) + "\n" : FormatEvalTable(*report));
  return 0;
}

void AddInputFlags(CLI::App* cmd, InputOptions* input) {
  cmd->add_option("inputs", input->paths,
                  "Input files or directories (JSONL, .txt, .html, WARC; gzip/zstd); - or none "
                  "for stdin");
  cmd->add_option("--rejects", input->rejects_path,
                  "Write one JSON line per unreadable record to this file");
}

}  // namespace
}  // namespace sitrep::cli

int main(int argc, char** argv) {
  using namespace sitrep;
  using namespace sitrep::cli;
  std::signal(SIGPIPE, SIG_IGN);  // a closed stdout pipe is a quiet end, not a crash

  CLI::App app{"sitrep: conflict events from news reports"};
  app.require_subcommand(1);
  app.set_version_flag("--version", fmt::format("sitrep 0.1.0 ({})", AllocatorName()));

  InputOptions clean_input, annotate_input, extract_input;
  ExtractFlags extract_flags;

  auto* clean = app.add_subcommand("clean", "Article text from HTML/text inputs, as JSON Lines");
  AddInputFlags(clean, &clean_input);

  auto* annotate = app.add_subcommand("annotate", "The annotation layers of each document");
  AddInputFlags(annotate, &annotate_input);
  std::string annotate_format = "jsonl";
  annotate->add_option("--format", annotate_format, "Output format")->check(CLI::IsMember({"jsonl"}));
  std::string gazetteer_path;
  const char* gazetteer_help =
      "Gazetteer blob (default: $SITREP_GAZETTEER, <dir of sitrep>/data/gazetteer.bin, "
      "build/data/gazetteer.bin)";
  annotate->add_option("--gazetteer", gazetteer_path, gazetteer_help);

  auto* extract = app.add_subcommand("extract", "Events from articles");
  AddInputFlags(extract, &extract_input);
  extract->add_option("--format", extract_flags.format, "Output on stdout: jsonl or none")
      ->check(CLI::IsMember({"jsonl", "none"}));
  extract->add_option("--db", extract_flags.db, "Also store articles and events in this SQLite file or postgresql:// database");
  extract->add_flag("--per-document", extract_flags.per_document,
                    "Do not merge events across documents");
  extract->add_option("--gazetteer", extract_flags.gazetteer, gazetteer_help);
  extract_input.threads = DefaultThreads();
  extract->add_option("--threads", extract_input.threads,
                      "Documents processed in parallel (default: the hardware thread count); "
                      "output is the same, in input order, for any count")
      ->check(CLI::Range(1, 256));

  StoreCommands store_commands(app);  // query, export (apps/cli/store_commands.cc)
  ServeCommand serve_command(app);  // serve (apps/cli/serve_command.cc)

  EvalOptions eval_options;
  bool eval_json = false;
  std::vector<std::string> kinds;
  for (auto k : EvalKinds()) kinds.emplace_back(k);
  auto* eval = app.add_subcommand("eval", "Score sitrep against a development gold set");
  eval->add_option("--kind", eval_options.kind, "What to score")->required()->check(CLI::IsMember(kinds));
  eval->add_option("--gold", eval_options.gold_path, "Gold JSONL (default ../shared/eval/<kind file>)");
  eval->add_option("--gold-dir", eval_options.gold_dir, "Folder of the gold files")
      ->capture_default_str();
  eval->add_option("--predictions", eval_options.predictions_path,
                   "Score this sitrep output instead of running sitrep");
  eval->add_option("--limit", eval_options.limit, "Score only the first N gold rows");
  eval->add_flag("--json", eval_json, "Print the report as JSON");
  eval->add_option("--gazetteer", gazetteer_path, gazetteer_help);
  bool eval_write_inputs = false;
  eval->add_flag("--write-inputs", eval_write_inputs,
                 "Print the gold documents as sitrep input JSONL (for extract/annotate) instead");

  CLI11_PARSE(app, argc, argv);

  if (*clean) return RunClean(clean_input);
  if (*annotate) return RunAnnotate(annotate_input, gazetteer_path);
  if (*extract) return RunExtract(extract_input, extract_flags);
  if (auto rc = store_commands.Run()) return *rc;
  if (auto rc = serve_command.Run()) return *rc;
  // The places scorer opens the default gazetteer, which honours $SITREP_GAZETTEER.
  if (*eval && !gazetteer_path.empty()) setenv("SITREP_GAZETTEER", gazetteer_path.c_str(), 1);
  if (*eval) return RunEvalCommand(eval_options, eval_json, eval_write_inputs);
  return 2;
}
