// Readers: JSON Lines, files, directories, gzip/zstd, WARC, limits and damaged input.
// Fixtures are built at test time (compressed ones with zlib/zstd) in a temporary directory.
#include <zlib.h>
#include <zstd.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sitrep/reader.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

std::vector<ReadItem> ReadAll(RecordReader& reader) {
  std::vector<ReadItem> items;
  while (std::optional<ReadItem> item = reader.Next()) items.push_back(std::move(*item));
  return items;
}

// One line per item: "<id> T|H <payload>" or "E<line> <code>: <message>".
std::string Describe(const ReadItem& item) {
  if (!item.status.ok()) {
    return "E" + std::to_string(item.record.line) + " " + item.status.ToString();
  }
  return item.record.id + (item.record.is_html ? " H " : " T ") + item.record.payload;
}

std::vector<std::string> DescribeAll(const std::vector<ReadItem>& items) {
  std::vector<std::string> out;
  for (const ReadItem& item : items) out.push_back(Describe(item));
  return out;
}

std::vector<std::string> ReadBuffer(std::string bytes, std::string name, ReadOptions options = {}) {
  auto reader = OpenBuffer(std::move(bytes), std::move(name), options);
  return DescribeAll(ReadAll(*reader));
}

std::string Gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = data.size();
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = out.size();
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string Zstd(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
  EXPECT_FALSE(ZSTD_isError(n));
  out.resize(n);
  return out;
}

// A WARC record; `length` overrides the true Content-Length to make it lie.
std::string Warc(const std::string& type, const std::string& id, const std::string& block,
                 long length = -1, const std::string& version = "WARC/1.0") {
  return version + "\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + id +
         ">\r\nWARC-Target-URI: https://example.org/" + id +
         "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
         std::to_string(length < 0 ? block.size() : static_cast<size_t>(length)) + "\r\n\r\n" +
         block + "\r\n\r\n";
}

std::string Http(const std::string& headers, const std::string& body) {
  return "HTTP/1.1 200 OK\r\n" + headers + "\r\n" + body;
}

struct Case {
  const char* name;
  std::string input;
  std::vector<std::string> want;
};

TEST(JsonlReaderTest, OneLineCases) {
  const Case cases[] = {
      {"text", R"({"id": "a-1", "text": "Hello"})", {"a-1 T Hello"}},
      {"html", R"({"id": "a-2", "html": "<p>Hi</p>"})", {"a-2 H <p>Hi</p>"}},
      {"integer id", R"({"id": 42, "text": "x"})", {"42 T x"}},
      {"negative id", R"({"id": -7, "text": "x"})", {"-7 T x"}},
      {"unknown fields ignored", R"({"id":"u","lang":"en","text":"x","n":[1,{}]})", {"u T x"}},
      {"null html is absent", R"({"id":"n","text":"x","html":null})", {"n T x"}},
      {"escaped NUL kept", R"({"id":"z","text":"a\u0000b"})", {std::string("z T a\0b", 7)}},
      {"raw tab salvaged", "{\"id\":\"t\",\"text\":\"a\tb\"}", {"t T a\tb"}},
      {"raw NUL salvaged", std::string("{\"id\":\"q\",\"text\":\"a\0b\"}", 23),
       {std::string("q T a\0b", 7)}},
      {"invalid UTF-8 salvaged", "{\"id\":\"v\",\"text\":\"a\xff" "b\"}", {"v T a\xEF\xBF\xBD" "b"}},
      {"BOM", "\xEF\xBB\xBF{\"id\":\"b\",\"text\":\"x\"}", {"b T x"}},
      {"CRLF", "{\"id\":\"c\",\"text\":\"x\"}\r\n", {"c T x"}},
      {"empty lines skipped", "\n  \n{\"id\":\"e\",\"text\":\"x\"}\n\n", {"e T x"}},
      {"missing id", R"({"text":"x"})", {"E1 parse: missing \"id\""}},
      {"null id", R"({"id":null,"text":"x"})", {"E1 parse: missing \"id\""}},
      {"float id", R"({"id":1.5,"text":"x"})", {"E1 parse: \"id\" must be a string or an integer"}},
      {"both", R"({"id":"d","text":"x","html":"y"})",
       {"E1 parse: both \"text\" and \"html\" given; need exactly one"}},
      {"neither", R"({"id":"d"})", {"E1 parse: neither \"text\" nor \"html\" given; need exactly one"}},
      {"text not string", R"({"id":"d","text":5})", {"E1 parse: field \"text\" must be a string"}},
      {"url not string", R"({"id":"d","text":"x","url":[]})", {"E1 parse: field \"url\" must be a string"}},
      {"not an object", R"(["id","x"])", {"E1 parse: line is not a JSON object"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ReadBuffer(c.input, "in.jsonl"), c.want) << c.name;
  }
}

TEST(JsonlReaderTest, GarbageLinesAreErrorsOfTheirOwn) {
  const char* bad[] = {"hello", R"({"id":"x","text":"unclosed)", R"({"id":"x","text":"y"} trailing)",
                       "{", "\x01\x02\x03"};
  for (const char* line : bad) {
    std::string input = std::string(R"({"id":"a","text":"1"})") + "\n" + line + "\n" +
                        R"({"id":"b","text":"2"})" + "\n";
    std::vector<std::string> got = ReadBuffer(input, "in.jsonl");
    ASSERT_EQ(got.size(), 3u) << line;
    EXPECT_EQ(got[0], "a T 1");
    EXPECT_TRUE(got[1].starts_with("E2 parse: ")) << got[1];
    EXPECT_EQ(got[2], "b T 2");
  }
}

TEST(JsonlReaderTest, ErrorKeepsSourceLineAndId) {
  auto reader = OpenBuffer("\n{\"id\":\"a\",\"text\":\"1\"}\n{\"id\":\"k\"}\n", "feed.jsonl");
  std::vector<ReadItem> items = ReadAll(*reader);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].record.line, 2u);
  EXPECT_EQ(items[1].record.line, 3u);
  EXPECT_EQ(items[1].record.id, "k");
  EXPECT_EQ(items[1].record.source, "feed.jsonl");
  EXPECT_FALSE(items[1].status.ok());
}

TEST(JsonlReaderTest, MalformedLineStillNamesItsIdWhenReadable) {
  const struct {
    const char* line;
    const char* id;
  } cases[] = {
      {R"({"id":"x1","text":y})", "x1"},
      {R"({"id":"x2","text":"y"} trailing)", ""},  // On-Demand refuses this too
      {R"({"id":12,"text":"y",})", "12"},
      {R"({"text":"unclosed)", ""},
      {R"(nonsense)", ""},
  };
  for (const auto& c : cases) {
    auto reader = OpenBuffer(c.line, "in.jsonl");
    std::optional<ReadItem> item = reader->Next();
    ASSERT_TRUE(item.has_value());
    EXPECT_FALSE(item->status.ok()) << c.line;
    EXPECT_EQ(item->record.id, c.id) << c.line;
  }
}

TEST(JsonlReaderTest, OptionalFieldsAndWarnings) {
  auto reader = OpenBuffer(R"({"id":7,"url":"u","title":"t","published":"2024-09-14","text":"x"})"
                           "\n{\"id\":\"w\",\"text\":\"\xc3\"}",
                           "in.jsonl");
  std::vector<ReadItem> items = ReadAll(*reader);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_TRUE(items[0].record.id_is_number);
  EXPECT_EQ(items[0].record.url, "u");
  EXPECT_EQ(items[0].record.title, "t");
  EXPECT_EQ(items[0].record.published, "2024-09-14");
  EXPECT_TRUE(items[0].record.warnings.empty());
  EXPECT_TRUE(items[1].status.ok());
  EXPECT_EQ(items[1].record.warnings.size(), 1u);
}

// Every field of an item, for comparing two ways of reading the same bytes.
std::string DescribeFully(const ReadItem& item) {
  std::string out = item.status.ToString() + "|" + item.record.id + "|" +
                    (item.record.id_is_number ? "#" : "") + "|" + item.record.url + "|" +
                    item.record.title + "|" + item.record.published + "|" +
                    (item.record.is_html ? "H" : "T") + "|" + item.record.payload + "|" +
                    item.record.source + ":" + std::to_string(item.record.line);
  for (const std::string& w : item.record.warnings) out += "|w:" + w;
  return out;
}

TEST(JsonlReaderTest, DeferredParseGivesTheSameItems) {
  const std::string inputs[] = {
      R"({"id": "a-1", "text": "Hello"})"
      "\n"
      R"({"id": 42, "html": "<p>x</p>"})",
      R"({"id":7,"url":"u","title":"t","published":"2024-09-14","text":"x"})",
      "{\"id\":\"t\",\"text\":\"a\tb\"}\n{\"id\":\"v\",\"text\":\"a\xff"
      "b\"}",
      "\xEF\xBB\xBF{\"id\":\"b\",\"text\":\"x\"}\r\n\n  \n{\"id\":\"e\",\"text\":\"x\"}\n",
      R"({"text":"x"})"
      "\n"
      R"({"id":"d","text":"x","html":"y"})"
      "\n"
      R"(["id","x"])",
      R"({"id":"x1","text":y})"
      "\nnonsense\n"
      R"({"id":12,"text":"y",})"
      "\n{",
      R"({"id":"a","text":")" + std::string(500, 'x') + "\"}\n" + R"({"id":"b","text":"2"})",
      "plain text, not JSON Lines",
  };
  const std::string names[] = {"in.jsonl", "in.txt"};
  for (const std::string& name : names) {
    for (const std::string& input : inputs) {
      ReadOptions plain, deferred;
      plain.max_record_bytes = deferred.max_record_bytes = 200;
      deferred.defer_parse = true;
      std::vector<ReadItem> want = ReadAll(*OpenBuffer(input, name, plain));
      std::vector<ReadItem> got = ReadAll(*OpenBuffer(input, name, deferred));
      ASSERT_EQ(got.size(), want.size()) << name << ": " << input;
      for (size_t i = 0; i < got.size(); ++i) {
        // JSON lines are left unparsed, anything else is read as usual.
        const bool deferrable =
            name.ends_with(".jsonl") && want[i].status.code() != ErrorCode::kTooLarge;
        EXPECT_EQ(got[i].unparsed.empty(), !deferrable) << name << ": " << input;
        CompleteRead(&got[i]);
        EXPECT_TRUE(got[i].unparsed.empty());
        EXPECT_EQ(DescribeFully(got[i]), DescribeFully(want[i])) << name << ": " << input;
      }
    }
  }
}

TEST(JsonlReaderTest, LineOverLimitIsRejectedAndReadingGoesOn) {
  ReadOptions options;
  options.max_record_bytes = 100;
  std::string input = R"({"id":"a","text":")" + std::string(500, 'x') + "\"}\n" +
                      R"({"id":"b","text":"2"})";
  EXPECT_EQ(ReadBuffer(input, "in.jsonl", options),
            (std::vector<std::string>{
                "E1 too large: line longer than max_record_bytes (100)", "b T 2"}));
}

TEST(JsonlReaderTest, FiftyMegabyteLineFitsTheDefaultLimit) {
  std::string text(50u << 20, 'a');
  auto reader = OpenBuffer(R"({"id":"big","text":")" + text + "\"}\n{\"id\":\"n\",\"text\":\"x\"}",
                           "big.jsonl");
  std::vector<ReadItem> items = ReadAll(*reader);
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].status.ok()) << items[0].status.ToString();
  EXPECT_EQ(items[0].record.payload.size(), text.size());
  EXPECT_EQ(Describe(items[1]), "n T x");
}

std::string ManyLines(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += R"({"id":)" + std::to_string(i) + R"(,"text":"record number )" + std::to_string(i) +
           " with some padding to make the stream longer than one buffer\"}\n";
  }
  return out;
}

TEST(CompressionTest, GzipZstdAndMultiMember) {
  const std::string a = "{\"id\":\"a\",\"text\":\"1\"}\n", b = "{\"id\":\"b\",\"text\":\"2\"}\n";
  const std::vector<std::string> want = {"a T 1", "b T 2"};
  EXPECT_EQ(ReadBuffer(Gzip(a + b), "x.jsonl.gz"), want);
  EXPECT_EQ(ReadBuffer(Gzip(a) + Gzip(b), "x.gz"), want);  // two members, sniffed as JSONL
  EXPECT_EQ(ReadBuffer(Zstd(a + b), "x.zst"), want);
  EXPECT_EQ(ReadBuffer(Zstd(a) + Zstd(b), "x.bin"), want);  // two frames
  EXPECT_EQ(ReadBuffer(Gzip("plain words"), "story.txt.gz"),
            (std::vector<std::string>{"story T plain words"}));
}

TEST(CompressionTest, TruncatedStreamsKeepWhatWasReadAndEndWithOneError) {
  const std::string lines = ManyLines(5000);
  struct Truncated {
    const char* name;
    std::string bytes;
    std::string error;
  } cases[] = {
      {"gzip", Gzip(lines), "corrupt: truncated gzip stream"},
      {"zstd", Zstd(lines), "corrupt: truncated zstd stream"},
  };
  for (Truncated& c : cases) {
    c.bytes.resize(c.bytes.size() * 2 / 3);
    auto reader = OpenBuffer(c.bytes, "cut.jsonl");
    std::vector<ReadItem> items = ReadAll(*reader);
    ASSERT_GT(items.size(), 100u) << c.name;
    for (size_t i = 0; i + 1 < items.size(); ++i) {
      ASSERT_TRUE(items[i].status.ok()) << c.name << " " << items[i].status.ToString();
      EXPECT_EQ(items[i].record.id, std::to_string(i));
    }
    EXPECT_EQ(items.back().status.ToString(), c.error) << c.name;
    EXPECT_EQ(items.back().record.line, items.size());
  }
}

TEST(CompressionTest, CorruptGzipIsAnErrorNotACrash) {
  std::string bytes = Gzip(ManyLines(100));
  for (size_t i = 20; i < bytes.size(); i += 7) bytes[i] ^= 0x5a;
  std::vector<std::string> got = ReadBuffer(bytes, "bad.jsonl");
  ASSERT_FALSE(got.empty());
  EXPECT_TRUE(got.back().find("gzip") != std::string::npos) << got.back();
}

TEST(SniffTest, FormatByExtensionElseContent) {
  const Case cases[] = {
      {"story.txt", "<b>not html</b>", {"story T <b>not html</b>"}},
      {"page.html", "plain", {"page H plain"}},
      {"page.HTM", "<p>x</p>", {"page H <p>x</p>"}},
      {"feed.ndjson", R"({"id":"a","text":"x"})", {"a T x"}},
      {"feed.json", R"({"id":"a","html":"x"})", {"a H x"}},
      {"noext", "  {\"id\":\"a\",\"text\":\"x\"}", {"a T x"}},
      {"page.dat", "<!doctype html><p>x</p>", {"page H <!doctype html><p>x</p>"}},
      {"notes.md", "Just words.", {"notes T Just words."}},
      {"empty.txt", "", {"E1 parse: empty file"}},
      {"blank.html", " \n\n ", {"E1 parse: empty file"}},
      {"empty.jsonl", "", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(ReadBuffer(c.input, c.name), c.want) << c.name;
}

TEST(SniffTest, BinaryJunkIsRejected) {
  std::string junk;
  uint32_t state = 12345;
  for (int i = 0; i < 5000; ++i) {
    state = state * 1103515245 + 12345;
    junk += static_cast<char>(state >> 24);
  }
  EXPECT_EQ(ReadBuffer(junk, "blob.bin"),
            (std::vector<std::string>{"E1 unsupported: binary data, not text or HTML"}));
  // In a JSON Lines file the same junk only costs its own lines.
  std::vector<std::string> got = ReadBuffer("{\"id\":\"a\",\"text\":\"1\"}\n" + junk, "x.jsonl");
  EXPECT_EQ(got.front(), "a T 1");
  for (size_t i = 1; i < got.size(); ++i) EXPECT_EQ(got[i][0], 'E') << got[i];
}

TEST(SniffTest, WholeFileOverLimit) {
  ReadOptions options;
  options.max_record_bytes = 10;
  EXPECT_EQ(ReadBuffer(std::string(1000, 'x'), "a.txt", options),
            (std::vector<std::string>{"E1 too large: file larger than max_record_bytes (10)"}));
}

TEST(WarcReaderTest, ResponsesOnly) {
  const std::string html = "<html><p>Raid in Anbar</p></html>";
  const std::string chunked = "5\r\nHello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n";
  const Case cases[] = {
      {"html", Warc("response", "1", Http("Content-Type: text/html\r\n", html)),
       {"urn:uuid:1 H " + html}},
      {"text/plain", Warc("response", "2", Http("Content-Type: text/plain; charset=utf-8\r\n", "t")),
       {"urn:uuid:2 T t"}},
      {"WARC/1.1", Warc("response", "3", Http("", "b"), -1, "WARC/1.1"), {"urn:uuid:3 H b"}},
      {"chunked", Warc("response", "4", Http("Transfer-Encoding: chunked\r\n", chunked)),
       {"urn:uuid:4 H Hello, world"}},
      {"gzip body", Warc("response", "5", Http("Content-Encoding: gzip\r\n", Gzip(html))),
       {"urn:uuid:5 H " + html}},
      {"chunked gzip",
       Warc("response", "6",
            Http("Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                 [&] {
                   std::string z = Gzip(html);
                   char size[16];
                   snprintf(size, sizeof(size), "%zx", z.size());
                   return std::string(size) + "\r\n" + z + "\r\n0\r\n\r\n";
                 }())),
       {"urn:uuid:6 H " + html}},
      {"skips others",
       Warc("warcinfo", "i", "software: x\r\n") + Warc("request", "r", "GET / HTTP/1.1\r\n\r\n") +
           Warc("metadata", "m", "a: b\r\n") + Warc("response", "7", Http("", "b")),
       {"urn:uuid:7 H b"}},
      {"skips non-2xx and images",
       Warc("response", "8", "HTTP/1.1 404 Not Found\r\n\r\nnope") +
           Warc("response", "9", Http("Content-Type: image/png\r\n", "\x89PNG")),
       {}},
      {"bad chunking", Warc("response", "c", Http("Transfer-Encoding: chunked\r\n", "zz\r\n")),
       {"E1 parse: bad chunk size line in chunked body"}},
      {"unknown coding", Warc("response", "d", Http("Content-Encoding: br\r\n", "x")),
       {"E1 unsupported: Content-Encoding br not supported"}},
      {"junk before first record", "garbage\r\n" + Warc("response", "e", Http("", "b")),
       {"E1 parse: expected a WARC/1.0 or WARC/1.1 record header", "urn:uuid:e H b"}},
  };
  for (const Case& c : cases) EXPECT_EQ(ReadBuffer(c.input, "crawl.warc"), c.want) << c.name;
}

TEST(WarcReaderTest, GzipPerRecordAndSniffed) {
  std::string warc_gz = Gzip(Warc("warcinfo", "i", "x: y\r\n")) +
                        Gzip(Warc("response", "1", Http("", "one"))) +
                        Gzip(Warc("response", "2", Http("", "two")));
  EXPECT_EQ(ReadBuffer(warc_gz, "crawl.warc.gz"),
            (std::vector<std::string>{"urn:uuid:1 H one", "urn:uuid:2 H two"}));
  EXPECT_EQ(ReadBuffer(warc_gz, "no-extension"),
            (std::vector<std::string>{"urn:uuid:1 H one", "urn:uuid:2 H two"}));
  auto reader = OpenBuffer(warc_gz, "crawl.warc.gz");
  std::optional<ReadItem> first = reader->Next();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->record.url, "https://example.org/1");
  EXPECT_EQ(first->record.line, 2u);  // record number, counting the warcinfo record
}

TEST(WarcReaderTest, LyingContentLengthResynchronises) {
  const std::string body1 = Http("", "first body"), body3 = Http("", "third");
  const std::string next = Warc("response", "2", Http("", "second")) + Warc("response", "3", body3);
  const std::string ok_tail = "urn:uuid:2 H second";
  const Case cases[] = {
      {"too long by a little", Warc("response", "1", body1, body1.size() + 10) + next,
       {"E1 parse: WARC Content-Length " + std::to_string(body1.size() + 10) +
            " runs into the next record",
        ok_tail, "urn:uuid:3 H third"}},
      {"too long by a lot", Warc("response", "1", body1, body1.size() + 300) + next,
       {"E1 parse: WARC Content-Length " + std::to_string(body1.size() + 300) +
            " runs into the next record",
        ok_tail, "urn:uuid:3 H third"}},
      {"too short", Warc("response", "1", body1, body1.size() - 4) + next,
       {"E1 parse: WARC Content-Length " + std::to_string(body1.size() - 4) +
            " does not end at a record boundary (too short?)",
        ok_tail, "urn:uuid:3 H third"}},
      {"past the end", next + Warc("response", "4", body1, 100000),
       {ok_tail, "urn:uuid:3 H third", "E3 parse: WARC Content-Length 100000 runs past the end of the input"}},
      {"huge, over the limit", Warc("response", "1", body1, 999999999999) + next,
       {"E1 too large: WARC record of 999999999999 bytes exceeds max_record_bytes", ok_tail,
        "urn:uuid:3 H third"}},
      {"not a number", Warc("response", "1", body1, -1).replace(
                           Warc("response", "1", body1).find("Content-Length: ") + 16, 1, "x") + next,
       {"E1 parse: bad WARC Content-Length", ok_tail, "urn:uuid:3 H third"}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> got = ReadBuffer(c.input, "lie.warc");
    ASSERT_EQ(got.size(), c.want.size()) << c.name << ": " << testing::PrintToString(got);
    for (size_t i = 0; i < got.size(); ++i) {
      // Record numbers after a resync are not asserted; ids and messages are.
      EXPECT_EQ(got[i].substr(got[i][0] == 'E' ? 2 : 0), c.want[i].substr(c.want[i][0] == 'E' ? 2 : 0))
          << c.name;
    }
  }
}

TEST(WarcReaderTest, PayloadOverLimit) {
  ReadOptions options;
  options.max_record_bytes = 50;
  std::string input = Warc("response", "1", Http("", std::string(200, 'x'))) +
                      Warc("response", "2", Http("", "ok"));
  EXPECT_EQ(ReadBuffer(input, "x.warc", options),
            (std::vector<std::string>{
                "E1 too large: WARC record of 219 bytes exceeds max_record_bytes", "urn:uuid:2 H ok"}));
}

class FileInputTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(testing::TempDir()) /
            ("reader_test_" + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  std::string Write(const std::string& relative, const std::string& bytes) {
    fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }
  fs::path root_;
};

TEST_F(FileInputTest, DirectoriesRecursiveSortedWithoutHiddenFiles) {
  Write("b.txt", "bee");
  Write("a/z/y/x/w/deep.html", "<p>deep</p>");
  Write("a/m.txt", "em");
  Write(".hidden.txt", "no");
  Write(".git/config.txt", "no");
  Write("c/feed.jsonl.gz", Gzip("{\"id\":\"j1\",\"text\":\"one\"}\n{\"id\":2,\"html\":\"two\"}\n"));
  Write("c/feed2.zst", Zstd("{\"id\":\"j3\",\"text\":\"three\"}"));
  Result<std::unique_ptr<RecordReader>> reader = OpenInputs({root_.string()});
  ASSERT_TRUE(reader.ok());
  std::vector<ReadItem> items = ReadAll(**reader);
  EXPECT_EQ(DescribeAll(items),
            (std::vector<std::string>{"m T em", "deep H <p>deep</p>", "b T bee", "j1 T one", "2 H two",
                                      "j3 T three"}));
  EXPECT_EQ(items[0].record.source, (root_ / "a/m.txt").string());
}

TEST_F(FileInputTest, PathsInOrderAndMissingPath) {
  std::string one = Write("one.txt", "1"), two = Write("two.htm", "2");
  Result<std::unique_ptr<RecordReader>> reader = OpenInputs({two, one});
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(DescribeAll(ReadAll(**reader)), (std::vector<std::string>{"two H 2", "one T 1"}));
  Result<std::unique_ptr<RecordReader>> missing = OpenInputs({one, (root_ / "nope").string()});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
}

TEST_F(FileInputTest, ReadErrorIsAnItemNotAFailure) {
  // Reading /proc/self/mem at offset 0 fails with EIO: a file that opens but cannot be read.
  std::string fine = Write("fine.txt", "y");
  Result<std::unique_ptr<RecordReader>> reader = OpenInputs({"/proc/self/mem", fine});
  ASSERT_TRUE(reader.ok());
  std::vector<ReadItem> items = ReadAll(**reader);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].status.code(), ErrorCode::kIo);
  EXPECT_EQ(items[0].record.source, "/proc/self/mem");
  EXPECT_EQ(Describe(items[1]), "fine T y");
}

TEST_F(FileInputTest, UnreadableFileIsAnItemNotAFailure) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads everything";
  std::string locked = Write("locked.txt", "x"), fine = Write("fine.txt", "y");
  fs::permissions(locked, fs::perms::none);
  Result<std::unique_ptr<RecordReader>> reader = OpenInputs({locked, fine});
  ASSERT_TRUE(reader.ok());
  std::vector<ReadItem> items = ReadAll(**reader);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].status.code(), ErrorCode::kIo);
  EXPECT_EQ(items[0].record.source, locked);
  EXPECT_EQ(Describe(items[1]), "fine T y");
}

}  // namespace
}  // namespace sitrep
