// The read → clean → pipeline loop shared by the subcommands, with per-record rejects.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/pipeline.h"
#include "sitrep/result.h"

namespace sitrep::cli {

struct InputStats {
  uint64_t processed = 0;
  uint64_t rejected = 0;
  uint64_t bytes = 0;  // clean-text bytes processed
};

struct InputOptions {
  std::vector<std::string> paths;
  std::string rejects_path;            // "" = stderr only
  const Pipeline* pipeline = nullptr;  // null = clean only
  // Workers that clean and run the pipeline; documents, rejects and their order are the same
  // for any count (1 = all on the calling thread).
  int threads = 1;
  // Optional: runs on the thread that processed a document (documents in any order, in
  // parallel) before the in-order hand-on; what it writes to `bytes` goes to `on_document` with
  // the document. For work that needs no shared state, e.g. writing the document's JSON, so the
  // ordered, single-threaded part of a run stays small.
  std::function<Status(Document&, std::string* bytes)> prepare;
};

// CPU seconds used so far by the calling thread (for SITREP_THREAD_STATS).
double ThreadCpuSeconds();

// The hardware thread count (at least 1): the default of `extract --threads`.
int DefaultThreads();

// Calls `on_document` for every document that reads, cleans and runs, in input order, on the
// calling thread; every other record gets one line on stderr and one JSON line in the reject
// file. Fails only when the run itself cannot go on (an input path missing, the reject file
// unwritable, `prepare` or `on_document` failing).
//
// With the environment variable SITREP_THREAD_STATS set, prints the CPU time of every thread
// on stderr at the end, and how much of the calling thread's went to reading and handing on
// (the serial part) rather than processing documents.
Result<InputStats> ForEachDocument(
    const InputOptions& options,
    const std::function<Status(Document&, std::string& prepared)>& on_document);
Result<InputStats> ForEachDocument(const InputOptions& options,
                                   const std::function<Status(Document&)>& on_document);

// Writes `data` to stdout. Returns false when stdout is closed (a pipe reader went away), which
// callers treat as a quiet end, not an error.
bool WriteStdout(const std::string& data);

}  // namespace sitrep::cli
