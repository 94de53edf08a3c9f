// OpenInputs / OpenBuffer: expands paths into a sorted list of files and reads them in turn.
#include <algorithm>
#include <filesystem>
#include <optional>
#include <system_error>

#include "io/byte_source.h"
#include "io/input_format.h"
#include "sitrep/reader.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

// One entry of the expanded list: a path, or an error found while listing a directory.
struct Input {
  std::string path;
  Status error;
};

bool IsHidden(const fs::path& path) { return path.filename().string().starts_with("."); }

// Lists the regular files below `dir`, sorted by path, skipping hidden files and folders.
void ListDirectory(const fs::path& dir, std::vector<Input>* out) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (IsHidden(it->path())) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  for (std::string& file : files) out->push_back({std::move(file), Status::Ok()});
  if (ec) {
    out->push_back({dir.string(), Status(ErrorCode::kIo, "listing " + dir.string() + ": " +
                                                             ec.message())});
  }
}

class MultiReader : public RecordReader {
 public:
  MultiReader(std::vector<Input> inputs, const ReadOptions& options)
      : inputs_(std::move(inputs)), options_(options) {}

  std::optional<ReadItem> Next() override {
    while (true) {
      if (current_) {
        if (std::optional<ReadItem> item = current_->Next()) return item;
        current_.reset();
      }
      if (next_ == inputs_.size()) return std::nullopt;
      current_ = Open(inputs_[next_++]);
    }
  }

 private:
  std::unique_ptr<RecordReader> Open(const Input& input) {
    ReadItem failed;
    failed.record.source = input.path;
    failed.status = input.error;
    if (failed.status.ok()) {
      Result<std::unique_ptr<io::ByteSource>> raw = io::OpenFileSource(input.path);
      if (raw.ok()) return io::MakeStreamReader(std::move(raw).value(), input.path, options_);
      failed.status = raw.status();
    }
    return io::MakeErrorReader(std::move(failed));
  }

  std::vector<Input> inputs_;
  ReadOptions options_;
  size_t next_ = 0;
  std::unique_ptr<RecordReader> current_;
};

}  // namespace

Result<std::unique_ptr<RecordReader>> OpenInputs(const std::vector<std::string>& paths,
                                                 const ReadOptions& options) {
  std::vector<Input> inputs;
  if (paths.empty()) inputs.push_back({"-", Status::Ok()});
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path == "-") {
      inputs.push_back({path, Status::Ok()});
    } else if (fs::is_directory(path, ec)) {
      ListDirectory(path, &inputs);
    } else if (fs::exists(path, ec)) {
      inputs.push_back({path, Status::Ok()});
    } else {
      return Status(ErrorCode::kNotFound, "no such file or directory: " + path);
    }
  }
  return std::unique_ptr<RecordReader>(new MultiReader(std::move(inputs), options));
}

std::unique_ptr<RecordReader> OpenBuffer(std::string bytes, std::string name,
                                         const ReadOptions& options) {
  return io::MakeStreamReader(io::MakeMemorySource(std::move(bytes)), std::move(name), options);
}

}  // namespace sitrep
