// Renders an EvalReport for people (an aligned table) and for tools (JSON).
#include <algorithm>
#include <cstdio>

#include "sitrep/eval.h"
#include "sitrep/json_writer.h"

namespace sitrep {
namespace {

std::string FormatValue(const EvalMetric& metric) {
  char buf[64];
  if (metric.is_rate) {
    std::snprintf(buf, sizeof buf, "%.2f%%", metric.value * 100.0);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", metric.value);
  }
  return buf;
}

void Pad(std::string* out, std::string_view text, size_t width, bool right) {
  size_t fill = width > text.size() ? width - text.size() : 0;
  if (right) out->append(fill, ' ');
  out->append(text);
  if (!right) out->append(fill, ' ');
}

}  // namespace

std::string FormatEvalTable(const EvalReport& report) {
  std::string out;
  out += "kind       " + report.kind + "\n";
  out += "gold       " + report.gold_path + "\n";
  out += "documents  " + std::to_string(report.documents) + "\n";
  out += "errors     " + std::to_string(report.errors) + "\n";
  if (!report.metrics.empty()) {
    size_t name_width = 6;  // "metric"
    size_t value_width = 5;  // "value"
    std::vector<std::string> values;
    for (const EvalMetric& metric : report.metrics) {
      name_width = std::max(name_width, metric.name.size());
      values.push_back(FormatValue(metric));
      value_width = std::max(value_width, values.back().size());
    }
    out += "\n";
    Pad(&out, "metric", name_width, false);
    out += "  ";
    Pad(&out, "value", value_width, true);
    out += "  note\n";
    for (size_t i = 0; i < report.metrics.size(); ++i) {
      Pad(&out, report.metrics[i].name, name_width, false);
      out += "  ";
      Pad(&out, values[i], value_width, true);
      if (!report.metrics[i].note.empty()) out += "  " + report.metrics[i].note;
      out += "\n";
    }
  }
  if (!report.notes.empty()) {
    out += "\nnotes\n";
    for (const std::string& note : report.notes) out += "  - " + note + "\n";
  }
  return out;
}

std::string FormatEvalJson(const EvalReport& report) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("kind", report.kind);
  w.Field("gold_path", report.gold_path);
  w.Key("documents").Int(static_cast<int64_t>(report.documents));
  w.Key("errors").Int(static_cast<int64_t>(report.errors));
  w.Key("metrics").BeginArray();
  for (const EvalMetric& metric : report.metrics) {
    w.BeginObject();
    w.Field("name", metric.name);
    w.Field("value", metric.value);
    w.Field("rate", metric.is_rate);
    w.Field("note", metric.note);
    w.EndObject();
  }
  w.EndArray();
  w.Key("notes").BeginArray();
  for (const std::string& note : report.notes) w.String(note);
  w.EndArray();
  w.EndObject();
  return out;
}

}  // namespace sitrep
