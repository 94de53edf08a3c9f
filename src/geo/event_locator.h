// EventLocator: LocateEvent (sitrep/places.h) for several sentences of one document.
#pragma once

#include <cstddef>
#include <memory>

#include "sitrep/document.h"
#include "sitrep/gazetteer.h"
#include "sitrep/places.h"

namespace sitrep {

// LocateEvent for several sentences of one document: what does not depend on the sentence (the
// usable mentions and what their context says of each, the admin1 as the text writes it) is
// worked out once. Locate(s) == LocateEvent(doc, s, gaz) while `doc` is not changed. One thread.
class EventLocator {
 public:
  EventLocator(const Document& doc, const Gazetteer& gaz);
  ~EventLocator();
  EventLocator(const EventLocator&) = delete;
  EventLocator& operator=(const EventLocator&) = delete;
  EventLocation Locate(size_t sentence);

  struct Memo;  // defined in event_location.cc

 private:
  const Document& doc_;
  const Gazetteer& gaz_;
  std::unique_ptr<Memo> memo_;
};

}  // namespace sitrep
