// A bounded pool of event-store connections shared by the HTTP workers: a store object (one
// SQLite or PostgreSQL connection) is used by one request at a time.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "sitrep/event_store.h"
#include "sitrep/result.h"

namespace sitrep::server {

class StorePool {
 public:
  // Opens the first connection now (to report a bad database at startup); the others on demand,
  // at most `max_connections` in all.
  static Result<std::unique_ptr<StorePool>> Open(const std::string& target, int max_connections);

  // A store for the lifetime of the lease; returned to the pool by the destructor.
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<EventStore> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease() { if (store_) pool_->Release(std::move(store_)); }
    EventStore* operator->() const { return store_.get(); }
    EventStore& operator*() const { return *store_; }

   private:
    StorePool* pool_;
    std::unique_ptr<EventStore> store_;
  };

  // Waits for a free connection, opening a new one while below the maximum. Thread-safe.
  Result<Lease> Acquire();

 private:
  StorePool(std::string target, int max_connections) : target_(std::move(target)), max_(max_connections) {}
  void Release(std::unique_ptr<EventStore> store);

  const std::string target_;
  const int max_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<EventStore>> idle_;
  int open_ = 0;
};

}  // namespace sitrep::server
