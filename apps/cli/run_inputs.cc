#include "run_inputs.h"

#include <cerrno>
#include <cstdio>
#include <memory>

#include "sitrep/clean.h"
#include "sitrep/json_writer.h"
#include "sitrep/reader.h"

namespace sitrep::cli {
namespace {

class RejectLog {
 public:
  Status Open(const std::string& path) {
    if (path.empty()) return Status::Ok();
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) return Status(ErrorCode::kIo, "cannot write reject file " + path);
    return Status::Ok();
  }
  ~RejectLog() {
    if (file_) std::fclose(file_);
  }
  void Add(const RawRecord& record, const Status& status) {
    std::string where = record.source;
    if (record.line > 0) where += ":" + std::to_string(record.line);
    std::fprintf(stderr, "sitrep: rejected %s%s%s: %s\n", where.c_str(),
                 record.id.empty() ? "" : " id=", record.id.c_str(), status.ToString().c_str());
    if (!file_) return;
    std::string line;
    JsonWriter w(&line);
    w.BeginObject().Key("id");
    if (record.id.empty()) {
      w.Null();
    } else if (record.id_is_number) {
      w.Raw(record.id);
    } else {
      w.String(record.id);
    }
    w.Field("source", record.source).Field("line", static_cast<int64_t>(record.line));
    w.Field("error", status.ToString()).EndObject();
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), file_);
  }

 private:
  std::FILE* file_ = nullptr;
};

}  // namespace

bool WriteStdout(const std::string& data) {
  if (data.empty()) return true;
  size_t written = std::fwrite(data.data(), 1, data.size(), stdout);
  return written == data.size();
}

Result<InputStats> ForEachDocument(const InputOptions& options,
                                   const std::function<Status(Document&)>& on_document) {
  RejectLog rejects;
  SITREP_RETURN_IF_ERROR(rejects.Open(options.rejects_path));
  auto reader = OpenInputs(options.paths);
  if (!reader.ok()) return reader.status();
  InputStats stats;
  while (auto item = (*reader)->Next()) {
    if (!item->status.ok()) {
      rejects.Add(item->record, item->status);
      ++stats.rejected;
      continue;
    }
    Result<Document> doc = MakeDocument(item->record);
    if (!doc.ok()) {
      rejects.Add(item->record, doc.status());
      ++stats.rejected;
      continue;
    }
    if (options.pipeline) {
      Status status = options.pipeline->Run(*doc);
      if (!status.ok()) {
        rejects.Add(item->record, status);
        ++stats.rejected;
        continue;
      }
    }
    stats.bytes += doc->text.size();
    ++stats.processed;
    SITREP_RETURN_IF_ERROR(on_document(*doc));
  }
  return stats;
}

}  // namespace sitrep::cli
