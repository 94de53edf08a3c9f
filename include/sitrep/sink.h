// Where processed documents and their events go. Storage is just another sink: the core never
// includes a database header; sinks live in their own libraries (src/store) or in apps.
#pragma once

#include <span>

#include "sitrep/document.h"
#include "sitrep/event.h"
#include "sitrep/result.h"

namespace sitrep {

class Sink {
 public:
  virtual ~Sink() = default;
  // Called once per processed document, in input order, with the events found in it.
  virtual Status Consume(const Document& doc, std::span<const Event> events) = 0;
  // Called once after the last document; flushes and commits.
  virtual Status Finish() { return Status::Ok(); }
};

}  // namespace sitrep
