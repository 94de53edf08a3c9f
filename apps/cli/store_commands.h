// `sitrep query` and `sitrep export`: the stored-event subcommands (SQLite or PostgreSQL).
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>

namespace sitrep::cli {

class StoreCommands {
 public:
  // Registers the subcommands on `app`; keep this object alive until Run().
  explicit StoreCommands(CLI::App& app);
  ~StoreCommands();
  // The exit code when one of these subcommands was chosen, else nullopt.
  std::optional<int> Run() const;

 private:
  struct Flags;
  std::unique_ptr<Flags> flags_;
};

}  // namespace sitrep::cli
