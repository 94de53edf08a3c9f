// POST /api/extract: one article in (JSON), its clean text and events out, optionally stored.
#include <simdjson.h>

#include <mutex>

#include "api.h"
#include "sitrep/clean.h"
#include "sitrep/event.h"
#include "sitrep/json_writer.h"
#include "sitrep/record.h"

namespace sitrep::server {
namespace {

namespace dom = simdjson::dom;

struct ExtractRequest {
  RawRecord record;
  bool store = false;
};

Status Bad(std::string message) { return Status(ErrorCode::kInvalidArgument, std::move(message)); }

bool IsPublished(std::string_view v) {
  return v.size() >= 10 && IsIsoDate(v.substr(0, 10)) && (v.size() == 10 || (v[10] == 'T' && v.size() <= 40));
}

Result<ExtractRequest> ParseBody(std::string_view body) {
  dom::parser parser;
  simdjson::padded_string padded(body);
  dom::element root;
  if (parser.parse(padded).get(root) != simdjson::SUCCESS) return Bad("the body is not valid JSON");
  dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) return Bad("the body must be a JSON object");
  ExtractRequest r;
  bool has_text = false, has_html = false;
  for (dom::key_value_pair field : object) {
    // A named copy, not a structured binding: lambdas below capture it (clang 14 cannot capture
    // structured bindings).
    const dom::element value = field.value;
    const std::string name(field.key);
    auto string_field = [&](std::string* out) -> Status {
      std::string_view v;
      if (value.get_string().get(v) != simdjson::SUCCESS) return Bad("field '" + name + "' must be a string");
      out->assign(v);
      return Status::Ok();
    };
    if (name == "id") {
      SITREP_RETURN_IF_ERROR(string_field(&r.record.id));
      if (r.record.id.empty() || r.record.id.size() > 200) return Bad("field 'id' must have 1 to 200 bytes");
      for (unsigned char c : r.record.id) {
        if (c < 0x20 || c == 0x7f) return Bad("field 'id' contains a control character");
      }
    } else if (name == "published") {
      SITREP_RETURN_IF_ERROR(string_field(&r.record.published));
      if (!r.record.published.empty() && !IsPublished(r.record.published)) {
        return Bad("field 'published' must be a date YYYY-MM-DD");
      }
    } else if (name == "title") {
      SITREP_RETURN_IF_ERROR(string_field(&r.record.title));
    } else if (name == "url") {
      SITREP_RETURN_IF_ERROR(string_field(&r.record.url));
    } else if (name == "text" || name == "html") {
      if (has_text || has_html) return Bad("give either 'text' or 'html', not both");
      SITREP_RETURN_IF_ERROR(string_field(&r.record.payload));
      (name == "text" ? has_text : has_html) = true;
      r.record.is_html = name == "html";
    } else if (name == "store") {
      if (value.get_bool().get(r.store) != simdjson::SUCCESS) return Bad("field 'store' must be true or false");
    } else {
      return Bad("unknown field '" + name.substr(0, 64) + "' (known: id, published, title, url, text, html, store)");
    }
  }
  if (!has_text && !has_html) return Bad("the body needs a 'text' or an 'html' field");
  if (r.record.id.empty()) r.record.id = "api-" + ContentHash(r.record.payload);
  r.record.source = "POST /api/extract";
  return r;
}

// One writer at a time: SQLite takes one anyway, and this keeps the sink's batches whole.
std::mutex store_mu;

}  // namespace

ApiResponse Api::Extract(std::string_view body) const {
  if (!options_.allow_ingest) return JsonError(403, "ingest is disabled; start the server with --allow-ingest");
  auto request = ParseBody(body);
  if (!request.ok()) return JsonError(400, request.status().message());
  auto doc = MakeDocument(request->record);
  if (!doc.ok()) {
    if (doc.status().code() == ErrorCode::kInternal) return FromStatus(doc.status(), "the article");
    return JsonError(400, "cannot read the article: " + doc.status().message());
  }
  Status ran = pipeline_->Run(*doc);
  if (!ran.ok()) return FromStatus(ran, "extraction");
  bool stored = false;
  if (request->store) {
    auto store = stores_->Acquire();
    if (!store.ok()) return FromStatus(store.status(), "the database");
    std::lock_guard<std::mutex> lock(store_mu);
    auto sink = (*store)->MakeSink(1);
    Status s = sink->Consume(*doc, doc->events);
    if (s.ok()) s = sink->Finish();
    if (!s.ok()) return FromStatus(s, "storing the article");
    stored = true;
  }
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject().Field("id", doc->id).Field("title", doc->title).Field("published", doc->published)
      .Field("text", doc->text).Field("stored", stored);
  w.Key("warnings").BeginArray();
  for (const auto& warning : doc->warnings) w.String(warning);
  w.EndArray();
  w.Key("events").BeginArray();
  for (const sitrep::Event& e : doc->events) {
    std::string json;
    AppendEventJson(e, &json);
    w.Raw(json);
  }
  w.EndArray().EndObject();
  return r;
}

}  // namespace sitrep::server
