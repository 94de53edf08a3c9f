// Where processed documents and their events go. Storage is just another sink: the core never
// includes a database header; sinks live in their own libraries (src/store) or in apps.
#pragma once

#include <span>
#include <string>

#include "sitrep/document.h"
#include "sitrep/event.h"
#include "sitrep/result.h"

namespace sitrep {

class Sink {
 public:
  virtual ~Sink() = default;
  // Called once per processed document, in input order, with the events found in it.
  virtual Status Consume(const Document& doc, std::span<const Event> events) = 0;
  // For merged events that may replace stored ones: stores `doc` like Consume (a no-op when it is
  // stored unchanged), but always writes `events` (they may have grown with reports of other
  // documents) and first deletes the stored events `superseded` (ids merged into `events`), all
  // in one transaction. The default handles sinks that store nothing: Consume, and refuse to
  // supersede.
  virtual Status ConsumeMerged(const Document& doc, std::span<const Event> events,
                               std::span<const std::string> superseded) {
    if (!superseded.empty())
      return Status(ErrorCode::kUnsupported, "this sink cannot replace events");
    return Consume(doc, events);
  }
  // Called once after the last document; flushes and commits.
  virtual Status Finish() { return Status::Ok(); }
};

}  // namespace sitrep
