#include "sitrep/store_merge.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace sitrep {
namespace {

// Days since 1970-01-01 of "YYYY-MM-DD..." (false when not a date) and back (H. Hinnant's
// civil-day algorithms).
bool ToDay(std::string_view s, int64_t* out) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  int v[3] = {0, 0, 0};
  const size_t at[3] = {0, 5, 8}, len[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (size_t i = at[k]; i < at[k] + len[k]; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v[k] = v[k] * 10 + (s[i] - '0');
    }
  }
  int64_t y = v[0];
  const int64_t m = v[1], d = v[2];
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  *out = era * 146097 + doe - 719468;
  return true;
}

std::string FromDay(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp + (mp < 10 ? 3 : -9);
  const int64_t y = yoe + era * 400 + (m <= 2);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld",
                static_cast<long long>(std::clamp<int64_t>(y, 0, 9999)), static_cast<long long>(m),
                static_cast<long long>(d));
  return buf;
}

}  // namespace

StoreMerge::StoreMerge(EventStore& store, MergeOptions options)
    : store_(store), options_(options) {}

Status StoreMerge::Add(const Document& doc) {
  auto stored = store_.ArticleHash(doc.id);
  if (!stored.ok()) return stored.status();
  if (*stored && **stored == ContentHash(doc.text)) {
    ++skipped_;  // its reports are already in the stored events (unless a run was interrupted)
    for (const Event& e : doc.events) stored_reports_[doc.id].push_back({e, doc.published});
    return Status::Ok();
  }
  fresh_docs_.insert(doc.id);
  Document& kept = articles_.emplace_back();
  kept.id = doc.id;
  kept.url = doc.url;
  kept.title = doc.title;
  kept.published = doc.published;
  kept.text = doc.text;
  for (const Event& e : doc.events) reports_.push_back({e, doc.published});
  return Status::Ok();
}

Result<std::vector<Event>> StoreMerge::Finish(Sink& sink) {
  // The event_date windows, per country, within which a stored event may match a new report:
  // its range [start, end] (at most max_span_days long) must come within slack_days of the
  // report's, and its event_date lies inside its range.
  std::map<std::string, std::vector<std::pair<int64_t, int64_t>>> windows;
  const int64_t pad = options_.slack_days + options_.max_span_days;
  for (const Report& r : reports_) {
    const Event& e = r.event;
    int64_t start, end;
    if (e.iso3.empty() || !ToDay(e.date_start.value_or(e.event_date.value_or("")), &start) ||
        !ToDay(e.date_end.value_or(e.date_start.value_or(e.event_date.value_or(""))), &end)) {
      continue;  // undated or without a country: never merges
    }
    if (end < start) std::swap(start, end);
    if (end - start > options_.max_span_days) continue;
    windows[e.iso3].push_back({start - pad, end + pad});
  }
  EventMerger merger(options_);
  std::unordered_set<std::string> stored_ids, reopened_ids;
  for (auto& [iso3, spans] : windows) {
    std::sort(spans.begin(), spans.end());
    std::vector<std::pair<int64_t, int64_t>> merged_spans;
    for (const auto& s : spans) {
      if (!merged_spans.empty() && s.first <= merged_spans.back().second + 1) {
        merged_spans.back().second = std::max(merged_spans.back().second, s.second);
      } else {
        merged_spans.push_back(s);
      }
    }
    for (const auto& [from, to] : merged_spans) {
      SITREP_RETURN_IF_ERROR(store_.ScanMergeCandidates(
          iso3, FromDay(from), FromDay(to), [&](MergeCandidate&& c) -> Status {
            if (!stored_ids.insert(c.event.event_id).second) return Status::Ok();
            // Written by an interrupted run: it lists an article stored only now. When every
            // article it lists is in this run, it is rebuilt from their reports instead.
            const bool interrupted = std::any_of(c.event.doc_ids.begin(), c.event.doc_ids.end(),
                                                 [&](const std::string& d) { return fresh_docs_.count(d) > 0; });
            const bool all_here = std::all_of(c.event.doc_ids.begin(), c.event.doc_ids.end(), [&](const std::string& d) {
              return fresh_docs_.count(d) > 0 || stored_reports_.count(d) > 0;
            });
            if (interrupted && all_here) {
              for (const std::string& d : c.event.doc_ids) {
                auto it = stored_reports_.find(d);
                if (it == stored_reports_.end()) continue;
                for (Report& r : it->second) {
                  reopened_ids.insert(r.event.event_id);
                  merger.Add(std::move(r.event), r.reported);
                }
                stored_reports_.erase(it);
              }
              return Status::Ok();
            }
            merger.Add(std::move(c.event), c.reported);
            return Status::Ok();
          }));
    }
  }
  std::unordered_set<std::string> fresh_ids = reopened_ids;
  for (Report& r : reports_) {
    fresh_ids.insert(r.event.event_id);
    merger.Add(std::move(r.event), r.reported);
  }
  reports_.clear();

  // Clusters with a new report are written; the stored events they absorbed are superseded.
  std::vector<MergedEvent> merged = merger.FinishWithMembers();
  std::vector<Event> written;
  std::vector<std::vector<std::string>> superseded;
  for (MergedEvent& m : merged) {
    const bool has_fresh =
        std::any_of(m.member_ids.begin(), m.member_ids.end(),
                    [&](const std::string& id) { return fresh_ids.count(id) > 0; });
    if (!has_fresh) continue;
    std::vector<std::string> gone;
    for (const std::string& id : m.member_ids) {
      if (id != m.event.event_id && stored_ids.count(id)) gone.push_back(id);
    }
    written.push_back(std::move(m.event));
    superseded.push_back(std::move(gone));
  }

  // Each article with the written events that list it; an event's superseded ids go with the
  // first article that writes it.
  std::unordered_map<std::string_view, std::vector<size_t>> by_article;
  for (size_t i = 0; i < written.size(); ++i) {
    for (const std::string& doc_id : written[i].doc_ids) by_article[doc_id].push_back(i);
  }
  std::vector<bool> superseded_done(written.size(), false);
  std::vector<Event> its;
  std::vector<std::string> gone;
  for (const Document& article : articles_) {
    its.clear();
    gone.clear();
    if (auto it = by_article.find(article.id); it != by_article.end()) {
      for (size_t i : it->second) {
        its.push_back(written[i]);
        if (!superseded_done[i]) {
          superseded_done[i] = true;
          gone.insert(gone.end(), superseded[i].begin(), superseded[i].end());
        }
      }
    }
    SITREP_RETURN_IF_ERROR(sink.ConsumeMerged(article, its, gone));
  }
  articles_.clear();
  return written;
}

}  // namespace sitrep
