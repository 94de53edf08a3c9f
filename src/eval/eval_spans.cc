// Span metrics over `sitrep annotate` output: TempEval-3 style timex scores and toponym
// recognition / resolution. Gold offsets are Python character offsets, converted to the UTF-8
// byte offsets sitrep reports before any comparison.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "eval/eval_util.h"
#include "eval/scorers.h"
#include "sitrep/pipeline.h"
#include "sitrep/clean.h"
#include "sitrep/places.h"
#include "sitrep/timex.h"

namespace sitrep::eval {
namespace {

struct PredSpan {
  int64_t start = 0, end = 0;
  std::string value;  // timex value
  std::optional<double> lat, lon;
};

struct AnnotatedDoc {
  std::vector<PredSpan> timex;
  std::vector<PredSpan> places;
};

bool Overlaps(int64_t a_start, int64_t a_end, int64_t b_start, int64_t b_end) {
  return a_start < b_end && b_start < a_end;
}

std::vector<PredSpan> ReadSpans(const JsonObject& obj, std::string_view key) {
  std::vector<PredSpan> spans;
  auto array = GetArray(obj, key);
  if (!array) return spans;
  for (simdjson::dom::element item : *array) {
    JsonObject span;
    if (item.get_object().get(span) != simdjson::SUCCESS) continue;
    PredSpan p;
    p.start = GetInt(span, "start").value_or(0);
    p.end = GetInt(span, "end").value_or(0);
    p.value = std::string(GetString(span, "value").value_or(""));
    p.lat = GetNumber(span, "latitude");
    p.lon = GetNumber(span, "longitude");
    spans.push_back(std::move(p));
  }
  return spans;
}

Result<std::unordered_map<std::string, AnnotatedDoc>> LoadAnnotations(const std::string& path) {
  auto file = JsonlFile::Open(path);
  if (!file.ok()) return file.status();
  std::unordered_map<std::string, AnnotatedDoc> docs;
  simdjson::dom::parser parser;
  std::string line;
  while ((*file)->Next(&line)) {
    JsonObject obj;
    if (parser.parse(line).get_object().get(obj) != simdjson::SUCCESS) {
      return Status(ErrorCode::kParse, path + ":" + std::to_string((*file)->line_number()) +
                                           ": not a JSON object");
    }
    AnnotatedDoc& doc = docs[GetIdString(obj, "id")];
    doc.timex = ReadSpans(obj, "timex");
    doc.places = ReadSpans(obj, "places");
  }
  SITREP_RETURN_IF_ERROR((*file)->status());
  return docs;
}

double F1(uint64_t tp, uint64_t gold, uint64_t predicted) {
  return gold + predicted == 0 ? 0 : 2.0 * static_cast<double>(tp) /
                                         static_cast<double>(gold + predicted);
}

// GeoWebNews toponym types that count; LGL spans carry no type and all count.
bool CountedPlaceType(std::optional<std::string_view> type) {
  static constexpr std::string_view kCounted[] = {"Literal",  "Literal_Modifier", "Embedded_Literal",
                                                  "Mixed",    "Coercion",         "Metonymic"};
  if (!type) return true;
  return std::find(std::begin(kCounted), std::end(kCounted), *type) != std::end(kCounted);
}

// Runs sitrep's timex layer on a gold document the way `sitrep annotate` would (text record,
// published = the dct when it is a full day) and maps spans back to the input's byte offsets, the
// frame gold offsets are given in.
std::vector<PredSpan> RunTimexLayer(const JsonObject& row) {
  RawRecord record;
  record.id = GetIdString(row, "id");
  record.payload = std::string(GetString(row, "text").value_or(""));
  std::string_view dct = GetString(row, "dct").value_or("");
  auto day = ParseGoldDate(dct.substr(0, std::min<size_t>(dct.size(), 10)));
  if (day && day->full_day()) record.published = day->Iso();
  std::vector<PredSpan> spans;
  Result<Document> doc = MakeDocument(record);
  if (!doc.ok()) return spans;
  AnnotateTimex(*doc);
  for (const Timex& t : doc->timex) {
    PredSpan p;
    p.start = static_cast<int64_t>(doc->to_source.ToSource(t.span.begin));
    p.end = static_cast<int64_t>(doc->to_source.ToSource(t.span.end));
    p.value = t.value;
    spans.push_back(std::move(p));
  }
  return spans;
}

// Runs sitrep's places layer on a gold document the way `sitrep annotate` does and maps spans
// back to the input's byte offsets. Demonyms ("Iraqi") are kept, as in annotate: the places layer
// reports them as adjectival mentions of their country (see sitrep/places.h).
std::vector<PredSpan> RunPlacesLayer(const JsonObject& row, const Gazetteer& gaz) {
  RawRecord record;
  record.id = GetIdString(row, "id");
  record.payload = std::string(GetString(row, "text").value_or(""));
  std::vector<PredSpan> spans;
  Result<Document> doc = MakeDocument(record);
  if (!doc.ok()) return spans;
  AnnotatePlaces(*doc, gaz);
  for (const PlaceMention& m : doc->places) {
    PredSpan p;
    p.start = static_cast<int64_t>(doc->to_source.ToSource(m.span.begin));
    p.end = static_cast<int64_t>(doc->to_source.ToSource(m.span.end));
    if (m.has_coordinates) {
      p.lat = m.lat;
      p.lon = m.lon;
    }
    spans.push_back(std::move(p));
  }
  return spans;
}

}  // namespace

Status ScoreTimex(const EvalOptions& options, EvalReport* report) {
  const bool run_layer = options.predictions_path.empty();
  Result<std::unordered_map<std::string, AnnotatedDoc>> predicted =
      std::unordered_map<std::string, AnnotatedDoc>{};
  if (!run_layer) predicted = LoadAnnotations(options.predictions_path);
  if (!predicted.ok()) return predicted.status();

  uint64_t gold_spans = 0, pred_spans = 0, relaxed = 0, strict = 0, value = 0, missing = 0;
  Status status = ForEachGoldRow(
      report->gold_path, options.limit, report, [&](const JsonObject& row) -> Status {
        std::vector<PredSpan> preds;
        if (run_layer) {
          preds = RunTimexLayer(row);
        } else if (auto it = predicted->find(GetIdString(row, "id")); it != predicted->end()) {
          preds = it->second.timex;
        } else {
          ++missing;
        }
        pred_spans += preds.size();
        std::vector<uint32_t> table = CodePointByteOffsets(GetString(row, "text").value_or(""));
        auto gold = GetArray(row, "gold");
        if (!gold) return Status::Ok();
        for (simdjson::dom::element item : *gold) {
          JsonObject span;
          if (item.get_object().get(span) != simdjson::SUCCESS) continue;
          ++gold_spans;
          int64_t start = CharToByte(table, GetInt(span, "start").value_or(0));
          int64_t end = CharToByte(table, GetInt(span, "end").value_or(0));
          std::string_view gold_value = GetString(span, "value").value_or("");
          bool any = false, exact = false, same_value = false;
          for (const PredSpan& p : preds) {
            if (!Overlaps(start, end, p.start, p.end)) continue;
            any = true;
            if (p.start == start && p.end == end) exact = true;
            if (p.value == gold_value) same_value = true;
          }
          relaxed += any;
          strict += exact;
          value += same_value;
        }
        return Status::Ok();
      });
  SITREP_RETURN_IF_ERROR(status);

  std::string counts = "gold " + std::to_string(gold_spans) + ", predicted " +
                       std::to_string(pred_spans) + "; F1 = 2*TP/(gold+predicted)";
  report->metrics.push_back({"relaxed_f1", F1(relaxed, gold_spans, pred_spans),
                             "TP " + std::to_string(relaxed) + " overlapping; " + counts});
  report->metrics.push_back({"strict_f1", F1(strict, gold_spans, pred_spans),
                             "TP " + std::to_string(strict) + " exact boundaries; " + counts});
  report->metrics.push_back({"value_f1", F1(value, gold_spans, pred_spans),
                             "TP " + std::to_string(value) + " overlapping with equal value; " +
                                 counts});
  report->notes.push_back("HeidelTime value F1 0.776, SUTime 0.674 on the TempEval-3 test set");
  if (missing > 0) {
    report->notes.push_back(std::to_string(missing) +
                            " documents had no line in the predictions file");
  }
  return Status::Ok();
}

Status ScorePlaces(const EvalOptions& options, EvalReport* report) {
  // Without a predictions file, run the places layer with the default gazetteer
  // ($SITREP_GAZETTEER, else next to the binary; see GazetteerSearchPath).
  const bool run_layer = options.predictions_path.empty();
  std::shared_ptr<const Gazetteer> gaz;
  Result<std::unordered_map<std::string, AnnotatedDoc>> predicted =
      std::unordered_map<std::string, AnnotatedDoc>{};
  if (run_layer) {
    auto opened = OpenDefaultGazetteer();
    if (!opened.ok()) return opened.status();
    gaz = *opened;
  } else {
    predicted = LoadAnnotations(options.predictions_path);
  }
  if (!predicted.ok()) return predicted.status();

  // An unresolved toponym (no predicted coordinates) counts as this far off: half the equator.
  constexpr double kUnresolvedKm = 20037.5;
  uint64_t gold_total = 0, gold_found = 0, pred_total = 0, pred_correct = 0, missing = 0;
  Tally within_161;
  std::vector<double> errors_km;
  Status status = ForEachGoldRow(
      report->gold_path, options.limit, report, [&](const JsonObject& row) -> Status {
        std::vector<PredSpan> preds;
        if (run_layer) {
          preds = RunPlacesLayer(row, *gaz);
        } else if (auto it = predicted->find(GetIdString(row, "id")); it != predicted->end()) {
          preds = it->second.places;
        } else {
          ++missing;
        }
        std::vector<uint32_t> table = CodePointByteOffsets(GetString(row, "text").value_or(""));

        struct GoldPlace {
          int64_t start, end;
          bool counted;
          std::optional<double> lat, lon;
        };
        std::vector<GoldPlace> gold;
        if (auto array = GetArray(row, "gold")) {
          for (simdjson::dom::element item : *array) {
            JsonObject span;
            if (item.get_object().get(span) != simdjson::SUCCESS) continue;
            gold.push_back({CharToByte(table, GetInt(span, "start").value_or(0)),
                            CharToByte(table, GetInt(span, "end").value_or(0)),
                            CountedPlaceType(GetString(span, "type")), GetNumber(span, "lat"),
                            GetNumber(span, "lon")});
          }
        }
        // A prediction that only overlaps spans of uncounted types (demonyms, non-toponyms...)
        // is neither right nor wrong.
        for (const PredSpan& p : preds) {
          bool counted_hit = false, uncounted_hit = false;
          for (const GoldPlace& g : gold) {
            if (!Overlaps(g.start, g.end, p.start, p.end)) continue;
            (g.counted ? counted_hit : uncounted_hit) = true;
          }
          if (!counted_hit && uncounted_hit) continue;
          ++pred_total;
          pred_correct += counted_hit;
        }
        for (const GoldPlace& g : gold) {
          if (!g.counted) continue;
          ++gold_total;
          // Of the overlapping predictions, take one with the same boundaries, else the first
          // one that is resolved, else the first.
          const PredSpan* match = nullptr;
          int match_rank = 0;
          for (const PredSpan& p : preds) {
            if (!Overlaps(g.start, g.end, p.start, p.end)) continue;
            int rank = (p.start == g.start && p.end == g.end) ? 3 : (p.lat && p.lon) ? 2 : 1;
            if (rank > match_rank) {
              match = &p;
              match_rank = rank;
            }
          }
          if (match == nullptr) continue;
          ++gold_found;
          if (!g.lat || !g.lon) continue;
          double km = (match->lat && match->lon)
                          ? HaversineKm(*g.lat, *g.lon, *match->lat, *match->lon)
                          : kUnresolvedKm;
          errors_km.push_back(km);
          within_161.Add(km <= 161.0);
        }
        return Status::Ok();
      });
  SITREP_RETURN_IF_ERROR(status);

  double precision = pred_total ? static_cast<double>(pred_correct) / pred_total : 0;
  double recall = gold_total ? static_cast<double>(gold_found) / gold_total : 0;
  double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
  report->metrics.push_back({"precision", precision,
                             std::to_string(pred_correct) + "/" + std::to_string(pred_total) +
                                 " predicted toponyms overlap a gold toponym"});
  report->metrics.push_back({"recall", recall,
                             std::to_string(gold_found) + "/" + std::to_string(gold_total) +
                                 " gold toponyms overlapped by a prediction"});
  report->metrics.push_back({"f1", f1, "harmonic mean of precision and recall"});
  report->metrics.push_back(RateMetric("acc@161", within_161,
                                       "recognized gold toponyms with coordinates within 161 km "
                                       "(unresolved = wrong)"));
  double median = 0;
  if (!errors_km.empty()) {
    std::sort(errors_km.begin(), errors_km.end());
    size_t n = errors_km.size();
    median = n % 2 ? errors_km[n / 2] : (errors_km[n / 2 - 1] + errors_km[n / 2]) / 2;
  }
  report->metrics.push_back({"median_error_km", median,
                             "over " + std::to_string(errors_km.size()) +
                                 " recognized toponyms with gold coordinates; unresolved count "
                                 "as 20037.5 km",
                             false});
  report->notes.push_back(
      "GeoWebNews counts only Literal, Literal_Modifier, Embedded_Literal, Mixed, Coercion and "
      "Metonymic spans; predictions overlapping only other types are ignored");
  if (missing > 0) {
    report->notes.push_back(std::to_string(missing) +
                            " documents had no line in the predictions file");
  }
  return Status::Ok();
}

}  // namespace sitrep::eval
