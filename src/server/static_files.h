// The dashboard's static files: request path → a file under the root, refusing anything that
// would leave it ("..", encoded or not, absolute paths, symlinks pointing outside).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "sitrep/result.h"

namespace sitrep::server {

class StaticFiles {
 public:
  // `root` must be an existing directory; kNotFound otherwise.
  static Result<StaticFiles> Open(const std::string& root);

  // The file for the decoded request path ("/" and directories → their index.html).
  // kInvalidArgument for a path that tries to leave the root or is malformed, kNotFound when
  // there is no such regular file inside the root.
  Result<std::filesystem::path> Resolve(std::string_view request_path) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}
  std::filesystem::path root_;  // canonical
};

// "text/html; charset=utf-8" etc. by extension; application/octet-stream when unknown.
const char* ContentTypeFor(const std::filesystem::path& file);

}  // namespace sitrep::server
