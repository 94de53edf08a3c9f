// Incremental cross-report merging into a store (issue 7 part 2 across runs): the events of a new
// `sitrep extract --db` run are merged with the stored events they may match, so a new report of
// an already-stored incident updates that event instead of adding a duplicate.
//
//   sitrep::StoreMerge merge(store);
//   for (Document& doc : docs) merge.Add(doc);            // in input order
//   auto written = merge.Finish(*sink);                   // then sink->Finish()
//
// The merge rule is EventMerger's, unchanged: the stored events that can match (same country,
// event_date within the date window of some new report) are fed to the merger next to the new
// reports, each with the publication date of its latest stored article. A document stored with the
// same content adds nothing (its reports are already in the stored events). Clusters holding at
// least one new report are written; the stored events they absorbed whose id is not the merged
// id are superseded (deleted in the same transaction as the merged event is written).
//
// Limit: a stored event carries its merged figures and one `reported` date (its latest article),
// not each report's, so when the latest report with a count (or an injured figure) is not its
// latest report overall, a later run can pick the figures differently than one run over every
// article would. Dates, places, actors, types, ids, doc_ids and evidence do not depend on that.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/event_store.h"
#include "sitrep/merge.h"
#include "sitrep/sink.h"

namespace sitrep {

class StoreMerge {
 public:
  explicit StoreMerge(EventStore& store, MergeOptions options = {});

  // Adds one processed document (its events; the article is kept to store it). A document already
  // stored with the same content is skipped.
  Status Add(const Document& doc);
  // Merges with the stored candidates and writes through `sink`, article by article in input
  // order. Returns the new or updated merged events (sorted by event_id).
  Result<std::vector<Event>> Finish(Sink& sink);

  size_t skipped_documents() const { return skipped_; }

 private:
  struct Report {
    Event event;
    std::string reported;
  };
  EventStore& store_;
  MergeOptions options_;
  std::vector<Document> articles_;  // new or changed articles (without their annotations)
  std::vector<Report> reports_;
  // Articles of this run not stored before, and the reports of those stored unchanged (used
  // only to rebuild an event an interrupted run wrote before storing all its articles).
  std::unordered_set<std::string> fresh_docs_;
  std::unordered_map<std::string, std::vector<Report>> stored_reports_;
  size_t skipped_ = 0;
};

}  // namespace sitrep
