// The HTTP API's routes as plain functions of their inputs (query parameters, path ids, request
// bodies) to a status and a JSON body, so they can be tested without sockets. server.cc wires
// them to cpp-httplib; docs/api.md is the contract.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <string_view>

#include "sitrep/event_query.h"
#include "sitrep/pipeline.h"
#include "sitrep/result.h"
#include "store_pool.h"

namespace sitrep::server {

// Decoded query parameters, as cpp-httplib's httplib::Params.
using Params = std::multimap<std::string, std::string>;

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

// {"error":{"status":<status>,"message":<message>}}
ApiResponse JsonError(int status, std::string_view message);

// The filters, page and format of GET /api/events (and the filters of GET /api/stats).
struct EventsRequest {
  EventQuery query;    // limit/offset/sort filled in
  bool compact = false;
};

// Parses and validates the parameters; a kInvalidArgument names the bad parameter. Empty values
// count as absent; a repeated or unknown parameter is an error.
Result<EventsRequest> ParseEventsParams(const Params& params, int64_t max_page_size);

// Up to `max_bytes` bytes of `text` before [begin, ...) / after [..., end), never splitting a
// UTF-8 sequence.
std::string_view TextBefore(std::string_view text, size_t begin, size_t max_bytes);
std::string_view TextAfter(std::string_view text, size_t end, size_t max_bytes);

inline constexpr size_t kEvidenceContextBytes = 200;

class Api {
 public:
  struct Options {
    int64_t max_page_size = 100000;
    bool allow_ingest = false;
  };
  // `stores` and `pipeline` must outlive this object. Thread-safe.
  Api(StorePool* stores, const Pipeline* pipeline, Options options)
      : stores_(stores), pipeline_(pipeline), options_(options) {}

  ApiResponse Events(const Params& params) const;
  ApiResponse Event(const std::string& event_id) const;
  ApiResponse Article(const std::string& article_id) const;
  ApiResponse Stats(const Params& params) const;
  ApiResponse Extract(std::string_view body) const;
  static const std::string& OpenApiJson();

 private:
  ApiResponse EventsUncached(EventStore& store, const EventsRequest& request) const;

  StorePool* stores_;
  const Pipeline* pipeline_;
  Options options_;
  // Recent GET /api/events bodies by (store connection, normalized request), each valid while
  // that connection's ReadVersion() is unchanged: any commit (an ingest) invalidates it.
  struct CachedPage {
    std::pair<int64_t, int64_t> version;
    std::shared_ptr<const ApiResponse> response;
  };
  mutable std::mutex cache_mu_;
  mutable std::unordered_map<std::string, CachedPage> cache_;
  mutable size_t cache_bytes_ = 0;
};

// A canonical text of the request (every filter, page, sort and format), for cache keys.
std::string RequestKey(const EventsRequest& request);

// Maps a store/pipeline error to a response: kInvalidArgument → 400 with its message,
// kNotFound → 404, anything else → 500 with a generic message (the details go to stderr).
ApiResponse FromStatus(const Status& status, std::string_view what);

}  // namespace sitrep::server
