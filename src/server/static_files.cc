#include "static_files.h"

#include <algorithm>
#include <cctype>
#include <system_error>

namespace sitrep::server {
namespace fs = std::filesystem;

namespace {

Status Refused(std::string message) { return Status(ErrorCode::kInvalidArgument, std::move(message)); }
Status Missing() { return Status(ErrorCode::kNotFound, "no such file"); }

// True when `p` (canonical) is `root` or below it.
bool IsWithin(const fs::path& p, const fs::path& root) {
  auto [r, q] = std::mismatch(root.begin(), root.end(), p.begin(), p.end());
  return r == root.end();
}

}  // namespace

Result<StaticFiles> StaticFiles::Open(const std::string& root) {
  std::error_code ec;
  fs::path canonical = fs::canonical(root, ec);
  if (ec || !fs::is_directory(canonical, ec)) {
    return Status(ErrorCode::kNotFound, "static directory " + root + " does not exist");
  }
  return StaticFiles(std::move(canonical));
}

Result<fs::path> StaticFiles::Resolve(std::string_view path) const {
  if (path.empty() || path.front() != '/') return Refused("the path must start with /");
  if (path.size() > 1024) return Refused("path too long");
  fs::path relative;
  size_t pos = 1;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view segment = path.substr(pos, slash - pos);
    pos = slash + 1;
    if (segment.empty()) continue;  // "//" and a trailing "/"
    if (segment == "." || segment == "..") return Refused("'.' and '..' are not allowed in paths");
    for (char c : segment) {
      // The path is already percent-decoded: a '%' left here, a backslash, a control byte or a
      // drive colon has no business in a dashboard file name.
      if (static_cast<unsigned char>(c) < 0x20 || c == '\\' || c == ':' || c == '%' || c == 0x7f) {
        return Refused("unexpected character in path");
      }
    }
    relative /= fs::path(std::string(segment));
  }
  fs::path candidate = root_ / relative;
  std::error_code ec;
  if (fs::is_directory(candidate, ec)) candidate /= "index.html";
  fs::path real = fs::canonical(candidate, ec);  // resolves symlinks
  if (ec) return Missing();
  if (!IsWithin(real, root_)) return Missing();  // a symlink out of the root
  if (!fs::is_regular_file(real, ec)) return Missing();
  return real;
}

const char* ContentTypeFor(const fs::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  static constexpr std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},   {".htm", "text/html; charset=utf-8"},
      {".js", "application/javascript; charset=utf-8"}, {".mjs", "application/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},     {".json", "application/json; charset=utf-8"},
      {".geojson", "application/geo+json"},    {".topojson", "application/json"},
      {".map", "application/json"},           {".svg", "image/svg+xml"},
      {".png", "image/png"},                   {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},                 {".gif", "image/gif"},
      {".webp", "image/webp"},                 {".ico", "image/x-icon"},
      {".woff", "font/woff"},                  {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},                    {".txt", "text/plain; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},     {".wasm", "application/wasm"},
      {".webmanifest", "application/manifest+json"},
  };
  for (const auto& [e, type] : kTypes) {
    if (ext == e) return type;
  }
  return "application/octet-stream";
}

}  // namespace sitrep::server
