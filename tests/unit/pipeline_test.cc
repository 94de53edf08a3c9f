// Pipeline::RunBatch: each stage (with its RunsRightAfterPrevious followers) over the whole batch
// before the next, a failing document skipping only its own later stages, and the same documents
// as Pipeline::Run one by one.
#include "sitrep/pipeline.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "sitrep/event.h"
#include "test_gazetteer.h"

namespace sitrep {
namespace {

// Logs "<stage>:<doc id>" for every run; fails on the document whose id is `fail_on`.
class LoggingStage final : public Stage {
 public:
  LoggingStage(std::string name, std::vector<std::string>* log, bool after_previous = false,
               std::string fail_on = "")
      : name_(std::move(name)),
        log_(log),
        after_previous_(after_previous),
        fail_on_(std::move(fail_on)) {}
  std::string_view name() const override { return name_; }
  Status Run(Document& doc) const override {
    log_->push_back(name_ + ":" + doc.id);
    if (doc.id == fail_on_) return Status(ErrorCode::kInvalidArgument, "cannot");
    return Status::Ok();
  }
  bool RunsRightAfterPrevious() const override { return after_previous_; }

 private:
  std::string name_;
  std::vector<std::string>* log_;
  bool after_previous_;
  std::string fail_on_;
};

std::vector<Document> Docs(std::vector<std::string> ids) {
  std::vector<Document> docs(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) docs[i].id = ids[i];
  return docs;
}

std::vector<Document*> Pointers(std::vector<Document>& docs) {
  std::vector<Document*> out;
  for (Document& d : docs) out.push_back(&d);
  return out;
}

TEST(PipelineRunBatch, EachStageOverTheBatchFollowersRightAfterTheirStage) {
  std::vector<std::string> log;
  Pipeline pipeline;
  pipeline.Add(std::make_unique<LoggingStage>("a", &log))
      .Add(std::make_unique<LoggingStage>("b", &log))
      .Add(std::make_unique<LoggingStage>("c", &log, /*after_previous=*/true))
      .Add(std::make_unique<LoggingStage>("d", &log));
  std::vector<Document> docs = Docs({"1", "2"});
  std::vector<Status> statuses = pipeline.RunBatch(Pointers(docs));
  ASSERT_EQ(statuses.size(), 2u);
  EXPECT_TRUE(statuses[0].ok());
  EXPECT_TRUE(statuses[1].ok());
  EXPECT_EQ(log,
            (std::vector<std::string>{"a:1", "a:2", "b:1", "c:1", "b:2", "c:2", "d:1", "d:2"}));
}

TEST(PipelineRunBatch, FailingDocumentSkipsItsLaterStagesOthersGoOn) {
  std::vector<std::string> log;
  Pipeline pipeline;
  pipeline.Add(std::make_unique<LoggingStage>("a", &log))
      .Add(std::make_unique<LoggingStage>("b", &log, false, /*fail_on=*/"2"))
      .Add(std::make_unique<LoggingStage>("c", &log, /*after_previous=*/true))
      .Add(std::make_unique<LoggingStage>("d", &log));
  std::vector<Document> docs = Docs({"1", "2", "3"});
  std::vector<Status> statuses = pipeline.RunBatch(Pointers(docs));
  ASSERT_EQ(statuses.size(), 3u);
  EXPECT_TRUE(statuses[0].ok());
  EXPECT_EQ(statuses[1].code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(statuses[1].message(), "b: cannot");  // named as Run names it
  EXPECT_TRUE(statuses[2].ok());
  EXPECT_EQ(log, (std::vector<std::string>{"a:1", "a:2", "a:3", "b:1", "c:1", "b:2", "b:3", "c:3",
                                           "d:1", "d:3"}));
  // Run gives the same status for the failing document.
  log.clear();
  Document two = Docs({"2"})[0];
  Status one_by_one = pipeline.Run(two);
  EXPECT_EQ(one_by_one.code(), statuses[1].code());
  EXPECT_EQ(one_by_one.message(), statuses[1].message());
}

TEST(PipelineRunBatch, EmptyBatch) {
  std::vector<std::string> log;
  Pipeline pipeline;
  pipeline.Add(std::make_unique<LoggingStage>("a", &log));
  EXPECT_TRUE(pipeline.RunBatch({}).empty());
  EXPECT_TRUE(log.empty());
}

// The default pipeline's stages keep per-thread caches keyed by document (token keys shared by
// actors and triggers, place and event caches); batching must not let one document's cache
// answer for another's.
TEST(PipelineRunBatch, DefaultPipelineGivesTheSameEventsAsRunOneByOne) {
  ASSERT_NE(Gaz(), nullptr) << "gazetteer blob not found";
  const char* kTexts[] = {
      "Gunmen attacked the village of Kadaji in Zamfara state on Tuesday, killing nine men and "
      "abducting three women, residents said. Police said 17 suspects were arrested.",
      "Iraqi forces clashed with Islamic State militants near Falluja in western Anbar province "
      "overnight; 14 militants and two soldiers were killed, a military spokesman said.",
      "A car bomb exploded at a checkpoint in Mogadishu on Sunday, killing at least 23 people. "
      "Al-Shabaab claimed responsibility for the blast.",
      "",
      "Thousands of protesters marched in Nairobi on Monday. Police fired tear gas and detained "
      "30 people.",
      "Gunmen attacked the village of Kadaji in Zamfara state on Tuesday, killing nine men.",
      "An airstrike hit a market in Maarat al-Numan in Idlib province. Shelling killed a child "
      "in Aleppo.",
  };
  PipelineOptions options;
  options.gazetteer = Gaz();
  const Pipeline pipeline = MakeDefaultPipeline(options);
  std::vector<Document> one_by_one, batched;
  for (const char* text : kTexts) {
    Document d;
    d.id = std::to_string(one_by_one.size());
    d.published = "2024-09-14";
    d.text = text;
    one_by_one.push_back(d);
    batched.push_back(d);
  }
  for (Document& d : one_by_one) ASSERT_TRUE(pipeline.Run(d).ok());
  for (const Status& s : pipeline.RunBatch(Pointers(batched))) ASSERT_TRUE(s.ok());
  size_t events = 0;
  for (size_t i = 0; i < batched.size(); ++i) {
    SCOPED_TRACE(kTexts[i]);
    EXPECT_EQ(batched[i].tokens, one_by_one[i].tokens);
    EXPECT_EQ(batched[i].actors.size(), one_by_one[i].actors.size());
    EXPECT_EQ(batched[i].triggers.size(), one_by_one[i].triggers.size());
    EXPECT_EQ(batched[i].places.size(), one_by_one[i].places.size());
    ASSERT_EQ(batched[i].events.size(), one_by_one[i].events.size());
    for (size_t e = 0; e < batched[i].events.size(); ++e) {
      std::string a, b;
      AppendEventJson(batched[i].events[e], &a);
      AppendEventJson(one_by_one[i].events[e], &b);
      EXPECT_EQ(a, b);
    }
    events += batched[i].events.size();
  }
  EXPECT_GE(events, 5u);
}

}  // namespace
}  // namespace sitrep
