// Merging across reports: events reported by several articles become one record listing every
// doc_id (issue 7 part 2; `sitrep extract` does it unless --per-document).
//
//   sitrep::EventMerger merger;
//   for (const Document& doc : docs) for (const Event& e : doc.events) merger.Add(e, doc.published);
//   std::vector<sitrep::MergedEvent> merged = merger.FinishWithMembers();
//
// The rule (merge.cc has the details):
//  - Candidates: same iso3, both dated, date ranges overlapping or at most `slack_days` apart.
//    Undated events, events with no country and events spanning over `max_span_days` never merge.
//  - Compatible pairs (a symmetric test): not two events of one document (the events stage kept
//    them apart on purpose); place (both located by town: ≤ `max_km` apart; one
//    only by region: same admin1, or either side knows only the country), type (same event
//    type; Battles / Explosions / Violence against civilians mix only on the same day and
//    ≤ `close_km`; Protests / Riots mix), actors (they share a named actor, or one side names
//    none — "Unidentified ..." and "Civilians ..." do not count), casualties (killed counts of
//    the two reports within ×5 + 5 of each other; a report with no count is compatible).
//    A 2-day gap needs the same event type (and ≤ `close_km` between towns).
//  - Clusters: town-located events are joined by union-find over compatible pairs (single link);
//    a region/country-located event then joins the one cluster it is compatible with — when it
//    fits several, it is ambiguous and does not join any; such leftovers join each other.
//  - The merged record: doc_ids = sorted union; evidence = every member's spans (each keeps its
//    doc_id); date of the most precise member (earliest on ties); place of the most precise
//    member; type by confidence-weighted vote; actors of the member naming most; casualty range
//    widened (deaths_low = min of lows, deaths_high = max of highs over the members that report
//    a count); fatalities, deaths_best, the side split and injured come from the latest report
//    (by the `reported` date given to Add; equally recent reports → the smallest count, ACLED's
//    conservative choice) and are clamped into [low, high]; confidence = max; notes rebuilt.
//  - event_id = the smallest member event_id. Inputs are sorted canonically and the clustering is
//    a function of the set of inputs, so the same inputs in any order (or sharded any way) give
//    the same ids and records. Merging a stored merged event with new reports gives the same
//    result as merging all the original reports (min is associative), so adding articles later
//    updates the existing record — whose id changes only when a newcomer has a smaller id;
//    `MergedEvent::member_ids` lists the ids a store must delete when that happens.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/event.h"

namespace sitrep {

struct MergeOptions {
  int slack_days = 2;         // a report dated up to this many days off still matches
  int max_span_days = 31;     // events with a longer date range are too vague to merge
  double max_km = 40;         // same incident: towns at most this far apart
  double close_km = 25;       // different-type or 2-day-apart reports: at most this far
  int count_factor = 5;       // killed counts a, b (a ≤ b) match when b ≤ factor·a + margin
  int count_margin = 5;
  // Threads that build the merged records at Finish; the result is the same for any count.
  int threads = 1;
};

struct MergedEvent {
  Event event;
  // The event_ids of the inputs merged into `event` (sorted; includes event.event_id). A store
  // that holds any of the others must delete them: they are superseded by `event`.
  std::vector<std::string> member_ids;
};

class EventMerger {
 public:
  explicit EventMerger(MergeOptions options = {});

  // Adds one reported event. `reported` is when its article was published ("YYYY-MM-DD...",
  // may be empty = unknown, oldest); it decides which report's count is the latest.
  void Add(const Event& event, std::string_view reported = {});
  void Add(Event&& event, std::string_view reported = {});
  size_t size() const { return inputs_.size(); }

  // The merged events, sorted by event_id. Deterministic: depends only on the set of inputs.
  std::vector<MergedEvent> FinishWithMembers() const;
  std::vector<Event> Finish() const;
  // As Finish, but consumes the inputs as the records are built (lower peak memory); the
  // merger is empty afterwards.
  std::vector<Event> TakeMerged();
  // As TakeMerged, but builds the records `block_size` at a time, in the same order, and hands
  // each block to `on_block` (which may move from it) before building the next, so the records
  // are never all alive at once. Stops, returning false, when `on_block` returns false.
  bool TakeMergedInBlocks(size_t block_size,
                          const std::function<bool(std::vector<Event>& block)>& on_block);

 private:
  template <class Self>
  static bool MergeInputs(Self& self, size_t block_size,
                          const std::function<bool(std::vector<MergedEvent>&)>& on_block);
  struct Input {
    Event event;
    std::string reported;
  };
  MergeOptions options_;
  // One allocation each, so a consumed input is freed at once and the list never reallocates
  // a large block of events.
  std::vector<std::unique_ptr<Input>> inputs_;
};

// Merges `events` in one call (reported dates unknown).
std::vector<Event> MergeEvents(std::vector<Event> events, const MergeOptions& options = {});

}  // namespace sitrep
