#include "store_pool.h"

namespace sitrep::server {

Result<std::unique_ptr<StorePool>> StorePool::Open(const std::string& target, int max_connections) {
  auto first = OpenEventStore(target);
  if (!first.ok()) return first.status();
  std::unique_ptr<StorePool> pool(new StorePool(target, max_connections > 0 ? max_connections : 1));
  pool->idle_.push_back(std::move(*first));
  pool->open_ = 1;
  return pool;
}

Result<StorePool::Lease> StorePool::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [&] { return !idle_.empty() || open_ < max_; });
  if (!idle_.empty()) {
    std::unique_ptr<EventStore> store = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(store));
  }
  ++open_;  // reserve the slot, open outside the lock
  lock.unlock();
  auto opened = OpenEventStore(target_);
  if (!opened.ok()) {
    lock.lock();
    --open_;
    cv_.notify_one();
    return opened.status();
  }
  return Lease(this, std::move(*opened));
}

void StorePool::Release(std::unique_ptr<EventStore> store) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(store));
  }
  cv_.notify_one();
}

}  // namespace sitrep::server
