// Errors as values. Library functions that can fail on input return Status or Result<T>;
// only apps/ turn them into exit codes.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace sitrep {

enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,  // caller passed something unusable (bad flag value, bad path)
  kIo,               // the OS refused a read/write
  kParse,            // input is malformed (JSON, WARC, HTML, number...)
  kCorrupt,          // compressed stream or blob is damaged or truncated
  kTooLarge,         // input exceeds a documented limit
  kUnsupported,      // feature or format not available
  kNotFound,
  kInternal,
};

const char* ErrorCodeName(ErrorCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "parse: unexpected end of JSON" — for logs and reject files.
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// Holds either a T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(data_).ok() && "Result needs a value or an error");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

#define SITREP_RETURN_IF_ERROR(expr)            \
  do {                                          \
    ::sitrep::Status sitrep_status_ = (expr);   \
    if (!sitrep_status_.ok()) return sitrep_status_; \
  } while (0)

}  // namespace sitrep
