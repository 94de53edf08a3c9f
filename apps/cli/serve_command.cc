// `sitrep serve --db PATH [--host 127.0.0.1] [--port 8080] [--allow-ingest] [--static DIR]`.
#include "serve_command.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "sitrep/pipeline.h"
#include "sitrep/gazetteer.h"
#include "sitrep/places.h"
#include "sitrep/server.h"

namespace sitrep::cli {
namespace {

std::atomic<bool> g_stop{false};
extern "C" void OnStopSignal(int) { g_stop.store(true); }

// $SITREP_WEB_DIR, else web/dist of the source tree next to the build folder holding this
// binary (<bin>/../web/dist), else none.
std::string DefaultStaticDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("SITREP_WEB_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  fs::path dist = exe.parent_path().parent_path() / "web" / "dist";
  return fs::is_regular_file(dist / "index.html", ec) ? dist.string() : "";
}

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace

struct ServeCommand::Flags {
  CLI::App* cmd = nullptr;
  ServerOptions options;
  std::string static_dir;
  std::string gazetteer;
};

ServeCommand::ServeCommand(CLI::App& app) : flags_(std::make_unique<Flags>()) {
  Flags& f = *flags_;
  f.cmd = app.add_subcommand("serve", "HTTP API and dashboard over a database (docs/api.md)");
  f.cmd->add_option("--db", f.options.db, "SQLite file or postgresql:// URI")->required();
  f.cmd->add_option("--host", f.options.host, "Address to bind (no authentication: keep it loopback)")
      ->capture_default_str();
  f.cmd->add_option("--port", f.options.port, "Port (0: any free port)")->capture_default_str()
      ->check(CLI::Range(0, 65535));
  f.cmd->add_flag("--allow-ingest", f.options.allow_ingest, "Enable POST /api/extract (and storing its results)");
  f.cmd->add_option("--static", f.static_dir,
                    "Dashboard files (default: $SITREP_WEB_DIR, else <dir of sitrep>/../web/dist when built)");
  f.cmd->add_option("--threads", f.options.threads, "Worker threads, one per open connection (default 64)")
      ->check(CLI::Range(1, 1024));
  f.cmd->add_option("--gazetteer", f.gazetteer, "Gazetteer blob for /api/extract (default search path as extract)");
}

ServeCommand::~ServeCommand() = default;

std::optional<int> ServeCommand::Run() const {
  Flags& f = *flags_;
  if (!*f.cmd) return std::nullopt;
  ServerOptions options = f.options;
  options.static_dir = f.static_dir.empty() ? DefaultStaticDir() : f.static_dir;
  if (options.allow_ingest) {
    auto gaz = f.gazetteer.empty() ? OpenDefaultGazetteer() : Gazetteer::Open(f.gazetteer);
    if (gaz.ok()) {
      options.gazetteer = *gaz;
    } else if (!f.gazetteer.empty() || gaz.status().code() != ErrorCode::kNotFound) {
      std::fprintf(stderr, "sitrep: %s\n", gaz.status().ToString().c_str());
      return 1;
    } else {
      std::fprintf(stderr, "sitrep: warning: %s; /api/extract runs without places\n", gaz.status().message().c_str());
    }
  }
  if (!IsLoopback(options.host)) {
    std::fprintf(stderr, "sitrep: warning: serving on %s: the API has no authentication\n", options.host.c_str());
  }
  auto server = Server::Start(options);
  if (!server.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", server.status().ToString().c_str());
    return 1;
  }
  std::signal(SIGINT, OnStopSignal);
  std::signal(SIGTERM, OnStopSignal);
  std::fprintf(stderr, "sitrep: serving %s on http://%s:%d/ (%s; ingest %s); Ctrl-C stops\n",
               options.db.c_str(), options.host.c_str(), (*server)->port(),
               options.static_dir.empty() ? "API only" : ("dashboard from " + options.static_dir).c_str(),
               options.allow_ingest ? "on" : "off");
  while (!g_stop.load()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  (*server)->Stop();
  std::fprintf(stderr, "sitrep: stopped\n");
  return 0;
}

}  // namespace sitrep::cli
