// The HTTP API and dashboard server (`sitrep serve`, docs/api.md). Lives in sitrep::server, the
// only library that includes an HTTP header; the core and the stores never see it.
//
//   sitrep::ServerOptions options;
//   options.db = "sitrep.db";
//   options.port = 0;                                   // any free port
//   auto server = sitrep::Server::Start(options);       // binds, then serves on its own threads
//   if (!server.ok()) ...;
//   int port = (*server)->port();                       // http://127.0.0.1:<port>/api/events
//   (*server)->Stop();                                  // also done by the destructor
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "sitrep/result.h"

namespace sitrep {

class Gazetteer;

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback by default: the API has no authentication
  int port = 8080;                 // 0: any free port (see Server::port())
  std::string db;                  // SQLite file or postgresql:// URI (OpenEventStore)
  std::string static_dir;          // dashboard files served for non-API paths; empty: API only
  bool allow_ingest = false;       // POST /api/extract; 403 otherwise
  size_t max_body_bytes = 8u << 20;   // larger request bodies get 413
  int64_t max_page_size = 100000;     // larger ?limit= gets 400
  int threads = 0;                    // HTTP worker threads (one per open connection); 0: 64
  int db_connections = 0;             // store connections shared by the workers; 0: 2 x cores, >= 4
  int read_timeout_seconds = 5;
  int write_timeout_seconds = 10;
  // Places layer for POST /api/extract; null leaves places out (events without location).
  std::shared_ptr<const Gazetteer> gazetteer;
};

class Server {
 public:
  // Opens the database (a missing SQLite file is refused unless allow_ingest), binds
  // host:port and starts serving on background threads.
  static Result<std::unique_ptr<Server>> Start(const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The bound port (the chosen one when options.port was 0).
  int port() const;
  // Stops accepting, finishes the requests in flight and joins the threads. Idempotent.
  void Stop();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Starts a server and serves until *stop becomes true (polled every 100 ms).
Status RunServer(const ServerOptions& options, const std::atomic<bool>* stop);

}  // namespace sitrep
