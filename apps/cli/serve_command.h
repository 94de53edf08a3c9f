// `sitrep serve`: the HTTP API and the dashboard (sitrep/server.h, docs/api.md).
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>

namespace sitrep::cli {

class ServeCommand {
 public:
  // Registers the subcommand on `app`; keep this object alive until Run().
  explicit ServeCommand(CLI::App& app);
  ~ServeCommand();
  // The exit code when `serve` was chosen (after the server stopped), else nullopt.
  std::optional<int> Run() const;

 private:
  struct Flags;
  std::unique_ptr<Flags> flags_;
};

}  // namespace sitrep::cli
