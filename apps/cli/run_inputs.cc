#include "run_inputs.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "sitrep/clean.h"
#include "sitrep/json_writer.h"
#include "sitrep/reader.h"

namespace sitrep::cli {
namespace {

class RejectLog {
 public:
  Status Open(const std::string& path) {
    if (path.empty()) return Status::Ok();
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) return Status(ErrorCode::kIo, "cannot write reject file " + path);
    return Status::Ok();
  }
  ~RejectLog() {
    if (file_) std::fclose(file_);
  }
  void Add(const RawRecord& record, const Status& status) {
    std::string where = record.source;
    if (record.line > 0) where += ":" + std::to_string(record.line);
    std::fprintf(stderr, "sitrep: rejected %s%s%s: %s\n", where.c_str(),
                 record.id.empty() ? "" : " id=", record.id.c_str(), status.ToString().c_str());
    if (!file_) return;
    std::string line;
    JsonWriter w(&line);
    w.BeginObject().Key("id");
    if (record.id.empty()) {
      w.Null();
    } else if (record.id_is_number) {
      w.Raw(record.id);
    } else {
      w.String(record.id);
    }
    w.Field("source", record.source).Field("line", static_cast<int64_t>(record.line));
    w.Field("error", status.ToString()).EndObject();
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), file_);
  }

 private:
  std::FILE* file_ = nullptr;
};

}  // namespace

bool WriteStdout(const std::string& data) {
  if (data.empty()) return true;
  size_t written = std::fwrite(data.data(), 1, data.size(), stdout);
  return written == data.size();
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

namespace {

// Per-thread CPU seconds of one run (SITREP_THREAD_STATS): the calling thread's split into
// reading, processing documents itself and handing on (with freeing), plus every worker's total.
struct ThreadStats {
  bool on = false;
  double caller_total = 0, caller_read = 0, caller_process = 0, caller_deliver = 0;
  uint64_t caller_jobs = 0;
  std::vector<std::pair<double, uint64_t>> workers;  // (CPU seconds, documents)

  void Print() const {
    double all = caller_total;
    for (const auto& w : workers) all += w.first;
    const double serial = caller_total - caller_process;
    std::fprintf(stderr,
                 "sitrep: thread CPU: caller %.3f s (read %.3f, process %.3f for %llu docs, "
                 "hand-on %.3f, other %.3f)",
                 caller_total, caller_read, caller_process,
                 static_cast<unsigned long long>(caller_jobs), caller_deliver,
                 serial - caller_read - caller_deliver);
    for (size_t i = 0; i < workers.size(); ++i) {
      std::fprintf(stderr, "; worker %zu %.3f s for %llu docs", i + 1, workers[i].first,
                   static_cast<unsigned long long>(workers[i].second));
    }
    std::fprintf(stderr, "; serial share %.1f%% of %.3f s\n", all > 0 ? 100 * serial / all : 0.0,
                 all);
  }
};

// Cleans and runs one record, then `prepare`; a failure to clean or run is the reason to reject
// the record, a failing `prepare` ends the run when the document's turn comes.
struct Processed {
  Result<Document> doc = Status(ErrorCode::kInternal, "not processed yet");
  std::string prepared;
  Status prepare_status;
};

// Records are processed in batches: the pipeline runs each stage over the whole batch before
// the next stage (Pipeline::RunBatch), so a stage's code and tables stay in the CPU caches
// instead of being evicted by the other stages after every short document. A batch closes at
// kBatchDocuments records or once it holds kBatchBytes of input (sitrep/pipeline.h).

size_t InputBytes(const ReadItem& item) {
  return item.record.payload.size() + item.unparsed.size();
}

// Adds records from `read` to `items` until the batch is full; false when the input has ended.
template <typename ReadFn>
bool FillBatch(ReadFn& read, std::vector<ReadItem>* items) {
  size_t bytes = 0;
  while (items->size() < kBatchDocuments && bytes < kBatchBytes) {
    std::optional<ReadItem> item = read();
    if (!item) return false;
    bytes += InputBytes(*item);
    items->push_back(std::move(*item));
  }
  return true;
}

void ProcessBatch(const InputOptions& options, std::vector<ReadItem>& items,
                  std::vector<Processed>* outs) {
  outs->resize(items.size());
  std::vector<Document*> docs;
  std::vector<size_t> doc_item;  // docs[j] is the document of items[doc_item[j]]
  for (size_t i = 0; i < items.size(); ++i) {
    ReadItem& item = items[i];
    Processed& out = (*outs)[i];
    CompleteRead(&item);  // a JSON line read unparsed is parsed here, on the processing thread
    if (!item.status.ok()) {
      out.doc = item.status;
      continue;
    }
    out.doc = MakeDocument(item.record);
    if (!out.doc.ok()) continue;
    docs.push_back(&*out.doc);
    doc_item.push_back(i);
  }
  if (options.pipeline) {
    std::vector<Status> statuses = options.pipeline->RunBatch(docs);
    for (size_t j = 0; j < docs.size(); ++j) {
      if (!statuses[j].ok()) (*outs)[doc_item[j]].doc = std::move(statuses[j]);
    }
  }
  if (options.prepare) {
    for (Processed& out : *outs) {
      if (out.doc.ok()) out.prepare_status = options.prepare(*out.doc, &out.prepared);
    }
  }
}

// One batch of records in flight: read by the calling thread, processed by a worker or by the
// calling thread itself, handed on in input order by the calling thread.
struct Job {
  explicit Job(std::vector<ReadItem> read) : items(std::move(read)) {}
  std::vector<ReadItem> items;
  std::vector<Processed> outs;    // written by whoever processed the batch
  std::atomic<bool> done{false};  // set under Pool::mu, read without it by the caller
  bool by_worker = false;         // processed on a worker thread, which then also frees it
};

// `threads - 1` workers plus the calling thread process Jobs in any order; the caller hands
// them on in input order. While the job it must hand on next is not done, the caller processes
// a pending job itself instead of sleeping, so N threads keep N cores busy with a reader and
// an ordered writer on top, and a wake-up is needed only when the caller truly waits. Jobs a
// worker processed go back to the workers to be freed: their memory came from that worker's
// malloc arena, and freeing is work taken off the ordered part.
class Pool {
 public:
  Pool(const InputOptions& options, int threads, ThreadStats* stats)
      : options_(options), stats_(stats) {
    if (stats_->on) stats_->workers.resize(threads - 1);
    for (int i = 1; i < threads; ++i) workers_.emplace_back([this, i] { Work(i - 1); });
  }
  ~Pool() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    work_cv_.notify_all();
    for (std::thread& t : workers_) t.join();
  }
  // Queues `job`; `retired` (handed-on jobs that a worker processed) go along to be freed.
  void Submit(Job* job, std::vector<std::unique_ptr<Job>>* retired) {
    bool wake = false;
    {
      std::lock_guard lock(mu_);
      pending_.push_back(job);
      for (auto& r : *retired) retired_.push_back(std::move(r));
      wake = idle_ > 0;
    }
    retired->clear();
    if (wake) work_cv_.notify_one();
  }
  // Processes one pending job on this thread, or, when none is left, sleeps until `job` is done.
  void HelpOrWait(Job* job) {
    std::unique_lock lock(mu_);
    if (job->done.load(std::memory_order_relaxed)) return;
    if (!pending_.empty()) {
      Job* mine = pending_.front();
      pending_.pop_front();
      lock.unlock();
      const double t0 = stats_->on ? ThreadCpuSeconds() : 0;
      const size_t records = mine->items.size();
      Run(mine, false);
      if (stats_->on) {
        stats_->caller_process += ThreadCpuSeconds() - t0;
        stats_->caller_jobs += records;
      }
      return;
    }
    waiting_for_ = job;
    done_cv_.wait(lock, [job] { return job->done.load(std::memory_order_relaxed); });
    waiting_for_ = nullptr;
  }

 private:
  void Run(Job* job, bool by_worker) {
    ProcessBatch(options_, job->items, &job->outs);
    job->by_worker = by_worker;
    bool wake = false;
    {
      std::lock_guard lock(mu_);
      job->done.store(true, std::memory_order_release);
      wake = waiting_for_ == job;
    }
    if (wake) done_cv_.notify_one();
  }

  void Work(int index) {
    uint64_t jobs = 0;
    std::vector<std::unique_ptr<Job>> to_free;
    for (;;) {
      Job* job = nullptr;
      {
        std::unique_lock lock(mu_);
        ++idle_;
        work_cv_.wait(lock, [this] { return stop_ || !pending_.empty() || !retired_.empty(); });
        --idle_;
        to_free.swap(retired_);
        if (stop_) break;
        if (!pending_.empty()) {
          job = pending_.front();
          pending_.pop_front();
        }
      }
      to_free.clear();
      if (job) {
        jobs += job->items.size();  // before Run: once done, the caller may hand the job on
        Run(job, true);
      }
    }
    to_free.clear();
    if (stats_->on) stats_->workers[index] = {ThreadCpuSeconds(), jobs};
  }

  const InputOptions& options_;
  ThreadStats* stats_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<Job*> pending_;
  std::vector<std::unique_ptr<Job>> retired_;  // handed on, to be freed by a worker
  int idle_ = 0;                               // workers asleep on work_cv_
  Job* waiting_for_ = nullptr;                 // the job the caller sleeps on, if it does
  bool stop_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace

int DefaultThreads() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

Result<InputStats> ForEachDocument(
    const InputOptions& options,
    const std::function<Status(Document&, std::string& prepared)>& on_document) {
  ThreadStats tstats;
  tstats.on = std::getenv("SITREP_THREAD_STATS") != nullptr;
  const double cpu_start = tstats.on ? ThreadCpuSeconds() : 0;
  RejectLog rejects;
  SITREP_RETURN_IF_ERROR(rejects.Open(options.rejects_path));
  ReadOptions read_options;
  // With workers, JSON lines are parsed by whoever processes them, not by this reading thread.
  read_options.defer_parse = options.threads > 1;
  auto reader = OpenInputs(options.paths, read_options);
  if (!reader.ok()) return reader.status();
  InputStats stats;
  // Hands one processed record on: rejected, or to `on_document`.
  auto deliver = [&](const ReadItem& item, Processed& out) -> Status {
    if (!out.doc.ok()) {
      rejects.Add(item.record, out.doc.status());
      ++stats.rejected;
      return Status::Ok();
    }
    SITREP_RETURN_IF_ERROR(out.prepare_status);
    stats.bytes += out.doc->text.size();
    ++stats.processed;
    return on_document(*out.doc, out.prepared);
  };
  auto read = [&]() {
    const double t0 = tstats.on ? ThreadCpuSeconds() : 0;
    std::optional<ReadItem> item = (*reader)->Next();
    if (tstats.on) tstats.caller_read += ThreadCpuSeconds() - t0;
    return item;
  };
  auto finish = [&]() {
    if (!tstats.on) return;
    tstats.caller_total = ThreadCpuSeconds() - cpu_start;
    tstats.Print();
  };
  // Hands on a processed batch's records in order.
  auto deliver_batch = [&](const std::vector<ReadItem>& items,
                           std::vector<Processed>& outs) -> Status {
    for (size_t i = 0; i < items.size(); ++i) {
      Status status = deliver(items[i], outs[i]);
      outs[i] = Processed();  // free the document now rather than with the whole batch
      SITREP_RETURN_IF_ERROR(status);
    }
    return Status::Ok();
  };
  if (options.threads <= 1) {
    std::vector<ReadItem> items;
    std::vector<Processed> outs;
    for (bool more = true; more;) {
      items.clear();
      more = FillBatch(read, &items);
      if (items.empty()) break;
      double t0 = tstats.on ? ThreadCpuSeconds() : 0;
      ProcessBatch(options, items, &outs);
      if (tstats.on) {
        const double t1 = ThreadCpuSeconds();
        tstats.caller_process += t1 - t0;
        tstats.caller_jobs += items.size();
        t0 = t1;
      }
      Status status = deliver_batch(items, outs);
      if (tstats.on) tstats.caller_deliver += ThreadCpuSeconds() - t0;
      SITREP_RETURN_IF_ERROR(status);
    }
    finish();
    return stats;
  }
  // Parallel: a window of batches in flight, processed by the pool in any order and delivered
  // here in input order, so output, rejects and merging are the same for any thread count.
  const size_t window = static_cast<size_t>(options.threads) * 3;
  std::deque<std::unique_ptr<Job>> in_flight;
  std::vector<std::unique_ptr<Job>> retired;
  {
    Pool pool(options, options.threads, &tstats);
    bool more = true;
    for (;;) {
      // Keep the window full before anything else, so the workers never run dry while this
      // thread hands on or processes.
      while (more && in_flight.size() < window) {
        std::vector<ReadItem> items;
        more = FillBatch(read, &items);
        if (items.empty()) break;
        pool.Submit(in_flight.emplace_back(std::make_unique<Job>(std::move(items))).get(),
                    &retired);
      }
      if (in_flight.empty()) break;
      Job* head = in_flight.front().get();
      if (!head->done.load(std::memory_order_acquire)) {
        pool.HelpOrWait(head);
        continue;
      }
      const double t0 = tstats.on ? ThreadCpuSeconds() : 0;
      Status status = deliver_batch(head->items, head->outs);
      if (head->by_worker) {
        retired.push_back(std::move(in_flight.front()));
      }
      in_flight.pop_front();
      if (tstats.on) tstats.caller_deliver += ThreadCpuSeconds() - t0;
      SITREP_RETURN_IF_ERROR(status);
    }
  }  // joins the workers
  finish();
  return stats;
}

Result<InputStats> ForEachDocument(const InputOptions& options,
                                   const std::function<Status(Document&)>& on_document) {
  return ForEachDocument(options,
                         [&](Document& doc, std::string&) -> Status { return on_document(doc); });
}

}  // namespace sitrep::cli
