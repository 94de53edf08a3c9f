#include "io/http_payload.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "io/byte_source.h"

namespace sitrep::io {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Takes the next line (without "\r\n" or "\n") off the front of `*rest`.
std::string_view TakeLine(std::string_view* rest) {
  size_t nl = rest->find('\n');
  std::string_view line = rest->substr(0, nl);
  rest->remove_prefix(nl == std::string_view::npos ? rest->size() : nl + 1);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

Status Malformed(std::string message) { return Status(ErrorCode::kParse, std::move(message)); }

}  // namespace

Result<std::string> Dechunk(std::string_view body, size_t max_bytes) {
  std::string out;
  while (true) {
    if (body.empty()) return Malformed("chunked body ends without a last chunk");
    std::string_view size_line = TakeLine(&body);
    size_line = Trim(size_line.substr(0, size_line.find(';')));
    if (size_line.empty() || size_line.size() > 15 ||
        size_line.find_first_not_of("0123456789abcdefABCDEF") != std::string_view::npos) {
      return Malformed("bad chunk size line in chunked body");
    }
    size_t size = std::stoull(std::string(size_line), nullptr, 16);
    if (size == 0) return out;  // trailers after the last chunk carry nothing we keep
    if (size > body.size()) return Malformed("chunk runs past the end of the body");
    if (out.size() + size > max_bytes) return Status(ErrorCode::kTooLarge, "body over limit");
    out.append(body.substr(0, size));
    body.remove_prefix(size);
    if (body.starts_with("\r\n")) {
      body.remove_prefix(2);
    } else if (body.starts_with("\n")) {
      body.remove_prefix(1);
    }
  }
}

Result<bool> ExtractHttpBody(std::string_view block, size_t max_bytes, RawRecord* record) {
  if (!block.starts_with("HTTP/")) return false;
  size_t end = block.find("\r\n\r\n");
  size_t sep = 4;
  size_t lf_end = block.find("\n\n");
  if (lf_end < end) end = lf_end, sep = 2;
  if (end == std::string_view::npos) return Malformed("HTTP headers have no end");
  std::string_view head = block.substr(0, end);
  std::string_view body = block.substr(end + sep);

  std::string_view status_line = TakeLine(&head);
  size_t space = status_line.find(' ');
  std::string_view code = status_line.substr(space == std::string_view::npos ? 0 : space + 1, 3);
  if (space == std::string_view::npos || code.size() != 3 ||
      code.find_first_not_of("0123456789") != std::string_view::npos) {
    return Malformed("bad HTTP status line");
  }
  if (code[0] != '2') return false;  // redirects and error pages carry no article

  bool chunked = false;
  std::string content_encoding, media_type;
  while (!head.empty()) {
    std::string_view line = TakeLine(&head);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // tolerate junk header lines
    std::string name = Lower(Trim(line.substr(0, colon)));
    std::string value = Lower(Trim(line.substr(colon + 1)));
    if (name == "transfer-encoding") {
      chunked = value.find("chunked") != std::string::npos;
    } else if (name == "content-encoding") {
      content_encoding = value;
    } else if (name == "content-type") {
      media_type = std::string(Trim(std::string_view(value).substr(0, value.find(';'))));
    }
  }
  const bool is_text = media_type == "text/plain";
  const bool is_markup = media_type.empty() || media_type.starts_with("text/") ||
                         media_type.find("html") != std::string::npos ||
                         media_type.find("xml") != std::string::npos;
  if (!is_text && !is_markup) return false;

  std::string decoded;
  if (chunked) {
    Result<std::string> dechunked = Dechunk(body, max_bytes);
    if (!dechunked.ok()) return dechunked.status();
    decoded = std::move(dechunked).value();
    body = decoded;
  }
  if (content_encoding == "gzip" || content_encoding == "x-gzip" || content_encoding == "deflate") {
    Result<std::string> inflated = InflateBuffer(body, max_bytes);
    if (!inflated.ok()) return inflated.status();
    record->payload = std::move(inflated).value();
  } else if (content_encoding.empty() || content_encoding == "identity") {
    record->payload.assign(body);
  } else {
    return Status(ErrorCode::kUnsupported, "Content-Encoding " + content_encoding +
                                               " not supported");
  }
  record->is_html = !is_text;
  return true;
}

}  // namespace sitrep::io
