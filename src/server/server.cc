// cpp-httplib glue: routes → Api, static files, limits, timeouts and JSON errors. Each
// connection is served by one worker thread (httplib's model); requests borrow a store
// connection from the pool for their duration.
#include "sitrep/server.h"

#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "api.h"
#include "api_points.h"
#include "sitrep/event_store.h"
#include "sitrep/pipeline.h"
#include "static_files.h"
#include "store_pool.h"

namespace sitrep {

using server::Api;
using server::ApiResponse;
using server::JsonError;

struct Server::Impl {
  ServerOptions options;
  std::unique_ptr<server::StorePool> stores;
  Pipeline pipeline;
  std::optional<server::StaticFiles> files;
  std::unique_ptr<Api> api;
  std::unique_ptr<server::PointsRoute> points;
  httplib::Server http;
  std::thread thread;
  int port = 0;
  bool stopped = false;
};

namespace {

constexpr size_t kMaxHeaders = 100;
// With the charset parameter cpp-httplib 0.11 does not compress the body itself: Debian builds it
// with brotli, which it runs at its slowest quality (a 15 MB events page took ~70 s). Loopback
// and LAN clients are better served uncompressed.
constexpr const char* kJsonContentType = "application/json; charset=utf-8";
constexpr uintmax_t kMaxStaticFileBytes = 256u << 20;

void Send(httplib::Response& res, ApiResponse r) {
  res.status = r.status;
  res.set_header("Cache-Control", "no-store");
  // set_content(body, type) without copying the body (pages run to hundreds of kilobytes).
  res.body = std::move(r.body);
  res.headers.erase("Content-Type");
  res.set_header("Content-Type", kJsonContentType);
}

bool IsApiPath(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

const char* DefaultMessage(int status) {
  switch (status) {
    case 400: return "bad request";
    case 403: return "forbidden";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 408: return "request timeout";
    case 413: return "request body too large";
    case 414: return "request URI too long";
    case 416: return "range not satisfiable";
    case 431: return "request headers too large";
    default: return status >= 500 ? "internal error" : "request refused";
  }
}

void ServeStatic(const Server::Impl& impl, const httplib::Request& req, httplib::Response& res) {
  if (IsApiPath(req.path)) return Send(res, JsonError(404, "no such API route: " + req.path.substr(0, 200)));
  if (!impl.files) return Send(res, JsonError(404, "not found (this server has no dashboard files; see /api/openapi.json)"));
  auto file = impl.files->Resolve(req.path);
  if (!file.ok()) {
    if (file.status().code() == ErrorCode::kInvalidArgument) return Send(res, JsonError(400, "bad path: " + file.status().message()));
    return Send(res, JsonError(404, "not found"));
  }
  std::error_code ec;
  const uintmax_t size = std::filesystem::file_size(*file, ec);
  if (ec || size > kMaxStaticFileBytes) return Send(res, JsonError(404, "not found"));
  std::ifstream in(*file, std::ios::binary);
  std::string body(static_cast<size_t>(size), '\0');
  if (!in.read(body.data(), static_cast<std::streamsize>(size))) return Send(res, JsonError(404, "not found"));
  const char* type = server::ContentTypeFor(*file);
  // index.html names the hashed asset files: always revalidate it.
  res.set_header("Cache-Control", file->filename() == "index.html" ? "no-cache" : "public, max-age=3600");
  res.set_content(std::move(body), type);
}

void SetUp(Server::Impl& impl) {
  httplib::Server& http = impl.http;
  const ServerOptions& o = impl.options;
  const int threads = o.threads > 0 ? o.threads : 64;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  http.set_tcp_nodelay(true);
  http.set_read_timeout(o.read_timeout_seconds, 0);
  http.set_write_timeout(o.write_timeout_seconds, 0);
  http.set_keep_alive_timeout(2);
  http.set_keep_alive_max_count(1000);
  http.set_payload_max_length(o.max_body_bytes);
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"X-Frame-Options", "DENY"},
                            {"Referrer-Policy", "no-referrer"}});

  // Before the body is read: methods, ingest switch, header count.
  http.set_pre_routing_handler([&impl](const httplib::Request& req, httplib::Response& res) {
    using R = httplib::Server::HandlerResponse;
    if (req.headers.size() > kMaxHeaders) {
      Send(res, JsonError(431, "too many request headers (limit " + std::to_string(kMaxHeaders) + ")"));
      return R::Handled;
    }
    const bool extract = req.path == "/api/extract";
    const bool get = req.method == "GET" || req.method == "HEAD";
    if (extract ? req.method != "POST" : !get) {
      res.set_header("Allow", extract ? "POST" : "GET, HEAD");
      Send(res, JsonError(405, "method " + req.method.substr(0, 16) + " not allowed on " + req.path.substr(0, 200)));
      return R::Handled;
    }
    if (extract && !impl.options.allow_ingest) {
      Send(res, impl.api->Extract(""));  // the 403
      return R::Handled;
    }
    return R::Unhandled;
  });

  http.Get("/api/events", [&impl](const httplib::Request& req, httplib::Response& res) {
    Send(res, impl.api->Events(req.params));
  });
  http.Get("/api/points", [&impl](const httplib::Request& req, httplib::Response& res) {
    Send(res, impl.points->Get(req.params));
  });
  http.Get(R"(/api/events/([^/]+))", [&impl](const httplib::Request& req, httplib::Response& res) {
    if (!req.params.empty()) return Send(res, JsonError(400, "this route takes no query parameters"));
    Send(res, impl.api->Event(req.matches[1]));
  });
  http.Get(R"(/api/articles/(.+))", [&impl](const httplib::Request& req, httplib::Response& res) {
    if (!req.params.empty()) return Send(res, JsonError(400, "this route takes no query parameters"));
    Send(res, impl.api->Article(req.matches[1]));
  });
  http.Get("/api/stats", [&impl](const httplib::Request& req, httplib::Response& res) {
    Send(res, impl.api->Stats(req.params));
  });
  http.Get("/api/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    Send(res, ApiResponse{200, Api::OpenApiJson()});
  });
  http.Post("/api/extract", [&impl](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
      return Send(res, JsonError(415, "send the article as Content-Type: application/json"));
    }
    Send(res, impl.api->Extract(req.body));
  });
  http.Get(".*", [&impl](const httplib::Request& req, httplib::Response& res) { ServeStatic(impl, req, res); });

  // Statuses httplib sets itself (413, 414, 400 on a malformed request...) get a JSON body too.
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) {
        using R = httplib::Server::HandlerResponse;
        if (!res.body.empty()) return R::Unhandled;
        Send(res, JsonError(res.status, DefaultMessage(res.status)));
        return R::Handled;
      }));
  http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "sitrep serve: %s %s: %s\n", req.method.c_str(), req.path.c_str(), e.what());
    } catch (...) {
      std::fprintf(stderr, "sitrep serve: %s %s: unknown exception\n", req.method.c_str(), req.path.c_str());
    }
    Send(res, JsonError(500, "internal error"));
  });
}

}  // namespace

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { Stop(); }

int Server::port() const { return impl_->port; }

void Server::Stop() {
  if (impl_->stopped) return;
  impl_->stopped = true;
  impl_->http.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

Result<std::unique_ptr<Server>> Server::Start(const ServerOptions& options) {
  auto bad = [](std::string m) { return Status(ErrorCode::kInvalidArgument, std::move(m)); };
  if (options.port < 0 || options.port > 65535) return bad("port must be within 0..65535");
  if (options.threads < 0 || options.threads > 1024) return bad("threads must be within 0..1024");
  if (options.max_page_size < 1 || options.max_page_size > kMaxQueryLimit) {
    return bad("max page size must be within 1.." + std::to_string(kMaxQueryLimit));
  }
  if (options.db.empty()) return bad("no database given (--db)");
  if (!IsPostgresTarget(options.db) && !options.allow_ingest && !std::filesystem::exists(options.db)) {
    return Status(ErrorCode::kNotFound, "no database at " + options.db +
                                            " (create one with `sitrep extract --db`, or serve with --allow-ingest)");
  }

  auto impl = std::make_unique<Impl>();
  impl->options = options;
  int connections = options.db_connections;
  if (connections <= 0) connections = std::max(4, 2 * static_cast<int>(std::thread::hardware_concurrency()));
  auto stores = server::StorePool::Open(options.db, connections);
  if (!stores.ok()) return stores.status();
  impl->stores = std::move(*stores);
  PipelineOptions pipeline_options;
  pipeline_options.gazetteer = options.gazetteer;
  impl->pipeline = MakeDefaultPipeline(pipeline_options);
  if (!options.static_dir.empty()) {
    auto files = server::StaticFiles::Open(options.static_dir);
    if (!files.ok()) return files.status();
    impl->files = std::move(*files);
  }
  impl->api = std::make_unique<Api>(impl->stores.get(), &impl->pipeline,
                                    Api::Options{options.max_page_size, options.allow_ingest});
  impl->points = std::make_unique<server::PointsRoute>(impl->stores.get(), options.max_page_size);
  SetUp(*impl);

  if (options.port == 0) {
    impl->port = impl->http.bind_to_any_port(options.host);
    if (impl->port < 0) return Status(ErrorCode::kIo, "cannot bind " + options.host + " on any port");
  } else {
    if (!impl->http.bind_to_port(options.host, options.port)) {
      return Status(ErrorCode::kIo, "cannot bind " + options.host + ":" + std::to_string(options.port) +
                                        " (in use, or not an address of this machine)");
    }
    impl->port = options.port;
  }
  Impl* raw = impl.get();
  impl->thread = std::thread([raw] { raw->http.listen_after_bind(); });
  // Stop() before the listener runs would be lost: wait for it (bounded).
  for (int i = 0; i < 500 && !impl->http.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Status RunServer(const ServerOptions& options, const std::atomic<bool>* stop) {
  auto server = Server::Start(options);
  if (!server.ok()) return server.status();
  while (!stop->load()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  (*server)->Stop();
  return Status::Ok();
}

}  // namespace sitrep
