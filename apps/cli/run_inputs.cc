#include "run_inputs.h"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
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

namespace {

// Cleans and runs one record; a failure is the reason to reject it.
Result<Document> Process(const InputOptions& options, const RawRecord& record) {
  Result<Document> doc = MakeDocument(record);
  if (!doc.ok() || !options.pipeline) return doc;
  Status status = options.pipeline->Run(*doc);
  if (!status.ok()) return status;
  return doc;
}

// One record in flight: read by the calling thread, processed by a worker or by the calling
// thread itself, handed on in input order by the calling thread.
struct Job {
  explicit Job(ReadItem read) : item(std::move(read)) {}
  ReadItem item;
  std::optional<Result<Document>> result;  // set by whoever processed it (or at once for a read error)
  bool done = false;                       // guarded by Pool::mu
};

// `threads - 1` workers plus the calling thread process Jobs in any order; the caller hands
// them on in input order. While the job it must hand on next is not done, the caller processes
// a pending job itself instead of sleeping, so N threads keep N cores busy with a reader and
// an ordered writer on top, and a wake-up is needed only when the caller truly waits.
class Pool {
 public:
  Pool(const InputOptions& options, int threads) : options_(options) {
    for (int i = 1; i < threads; ++i) workers_.emplace_back([this] { Work(); });
  }
  ~Pool() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    work_cv_.notify_all();
    for (std::thread& t : workers_) t.join();
  }
  void Submit(Job* job) {
    bool wake = false;
    {
      std::lock_guard lock(mu_);
      pending_.push_back(job);
      wake = idle_ > 0;
    }
    if (wake) work_cv_.notify_one();
  }
  // Returns when `job` is done, processing pending jobs on this thread meanwhile.
  void Wait(Job* job) {
    std::unique_lock lock(mu_);
    while (!job->done) {
      if (!pending_.empty()) {
        Job* mine = pending_.front();
        pending_.pop_front();
        lock.unlock();
        Run(mine);
        lock.lock();
        continue;
      }
      waiting_for_ = job;
      done_cv_.wait(lock, [job] { return job->done; });
      waiting_for_ = nullptr;
    }
  }

 private:
  void Run(Job* job) {
    job->result.emplace(Process(options_, job->item.record));
    bool wake = false;
    {
      std::lock_guard lock(mu_);
      job->done = true;
      wake = waiting_for_ == job;
    }
    if (wake) done_cv_.notify_one();
  }

  void Work() {
    for (;;) {
      Job* job = nullptr;
      {
        std::unique_lock lock(mu_);
        ++idle_;
        work_cv_.wait(lock, [this] { return stop_ || !pending_.empty(); });
        --idle_;
        if (stop_) return;
        job = pending_.front();
        pending_.pop_front();
      }
      Run(job);
    }
  }

  const InputOptions& options_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<Job*> pending_;
  int idle_ = 0;                 // workers asleep on work_cv_
  Job* waiting_for_ = nullptr;   // the job the caller sleeps on, if it does
  bool stop_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace

int DefaultThreads() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

Result<InputStats> ForEachDocument(const InputOptions& options,
                                   const std::function<Status(Document&)>& on_document) {
  RejectLog rejects;
  SITREP_RETURN_IF_ERROR(rejects.Open(options.rejects_path));
  auto reader = OpenInputs(options.paths);
  if (!reader.ok()) return reader.status();
  InputStats stats;
  // Hands one processed record on: rejected, or to `on_document`.
  auto deliver = [&](const ReadItem& item, Result<Document>& doc) -> Status {
    if (!doc.ok()) {
      rejects.Add(item.record, doc.status());
      ++stats.rejected;
      return Status::Ok();
    }
    stats.bytes += doc->text.size();
    ++stats.processed;
    return on_document(*doc);
  };
  if (options.threads <= 1) {
    while (auto item = (*reader)->Next()) {
      Result<Document> doc = item->status.ok() ? Process(options, item->record)
                                               : Result<Document>(item->status);
      SITREP_RETURN_IF_ERROR(deliver(*item, doc));
    }
    return stats;
  }
  // Parallel: a window of records in flight, processed by the pool in any order and delivered
  // here in input order, so output, rejects and merging are the same for any thread count.
  const size_t window = static_cast<size_t>(options.threads) * 8;
  std::deque<std::unique_ptr<Job>> in_flight;
  Pool pool(options, options.threads);
  bool more = true;
  for (;;) {
    while (more && in_flight.size() < window) {
      std::optional<ReadItem> item = (*reader)->Next();
      if (!item) {
        more = false;
        break;
      }
      Job* job = in_flight.emplace_back(std::make_unique<Job>(std::move(*item))).get();
      if (job->item.status.ok()) {
        pool.Submit(job);
      } else {
        job->result.emplace(job->item.status);
        job->done = true;  // never shared with a worker
      }
    }
    if (in_flight.empty()) break;
    Job* head = in_flight.front().get();
    pool.Wait(head);
    SITREP_RETURN_IF_ERROR(deliver(head->item, *head->result));
    in_flight.pop_front();
  }
  return stats;
}

}  // namespace sitrep::cli
