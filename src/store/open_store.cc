#include "sitrep/event_store.h"
#include "sitrep/postgres_store.h"
#include "sitrep/sqlite_store.h"

namespace sitrep {

Result<std::unique_ptr<EventStore>> OpenEventStore(const std::string& target) {
  if (target.empty()) return Status(ErrorCode::kInvalidArgument, "no database given");
  if (IsPostgresTarget(target)) {
    auto pg = PostgresStore::Open(target);
    if (!pg.ok()) return pg.status();
    return std::unique_ptr<EventStore>(std::move(*pg));
  }
  auto lite = SqliteStore::Open(target);
  if (!lite.ok()) return lite.status();
  return std::unique_ptr<EventStore>(std::move(*lite));
}

}  // namespace sitrep
