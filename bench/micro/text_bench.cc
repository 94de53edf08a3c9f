// Tokenizer and sentence splitter throughput on ~1 MB of invented English conflict news
// (written for this benchmark; no third-party text). Target: tokenize + split ≥ 200 MB/s.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "sitrep/text.h"

namespace sitrep {
namespace {

constexpr const char* kParagraphs[] = {
    "KARVELA, Eastland (Reuters) - At least 23 people were killed and 41 wounded on Tuesday when "
    "an F-16 fighter jet struck a market in the northern town of Karvela, local officials said. "
    "Lt. Col. Abd-al-Jalil al-Issawi, a spokesman for the provincial council, told reporters the "
    "strike hit at about 10:30 a.m. as traders were setting up their stalls.",
    "The U.N. humanitarian office said on Wednesday that 2,500 families had fled the district "
    "since Jan. 5, many of them toward the border town of Mersa. \u201CWe have nothing left,\u201D "
    "said Amira Hadad, 34, who walked for two days with her four children. \u201CThey burned the "
    "houses. Then they took the cattle.\u201D",
    "Gen. Tomas Varga, commander of the 15th Mechanized Brigade, denied that his forces had "
    "targeted civilians. He said the M23-style militia known as the Northern Front had fired "
    "rockets from positions near the school on Oct. 12, and that the army responded \"within "
    "the rules of engagement.\" The claim could not be independently verified.",
    "Fighting between government troops and the rebels around Dosa airport killed 10-12 "
    "fighters overnight, a security source said. The source, who spoke on condition of "
    "anonymity, said the rebels used drones, mortars and 107mm rockets. Residents reported "
    "heavy gunfire until 5am.",
    "In a statement, the U.S. State Department urged both sides to allow aid convoys through. "
    "Washington has given $5 million in emergency assistance since the crisis began on "
    "10/06/2023, the statement said. The E.U. pledged another 2.5 million euros.",
    "Police in the capital arrested 17 protesters on Friday after clashes near the parliament, "
    "Mr. Omar Kassem, a lawyer for the detainees, said. Sgt. Ruiz of the riot police said "
    "officers fired tear gas after demonstrators threw stones... No one was killed.",
    "Villagers in Upper Ndoro said gunmen on motorbikes attacked the settlement at dawn, "
    "shooting at least nine men and abducting three women. It was the third such raid this "
    "month. Dr. Helen Osei, who runs the only clinic in the area, said she treated 14 people "
    "for gunshot wounds.",
};

std::string MakeCorpus(size_t target) {
  std::string corpus;
  for (size_t k = 0; corpus.size() < target; ++k) {
    corpus += kParagraphs[k % std::size(kParagraphs)];
    corpus += '\n';
  }
  return corpus;
}

void BM_Tokenize(benchmark::State& state) {
  const std::string text = MakeCorpus(state.range(0));
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 3);
  for (auto _ : state) {
    tokens.clear();
    Tokenize(text, &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * text.size());
}
BENCHMARK(BM_Tokenize)->Range(4 << 10, 1 << 20);

void BM_TokenizeAndSplit(benchmark::State& state) {
  const std::string text = MakeCorpus(state.range(0));
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  tokens.reserve(text.size() / 3);
  sentences.reserve(text.size() / 20);
  for (auto _ : state) {
    tokens.clear();
    sentences.clear();
    Tokenize(text, &tokens);
    SplitSentences(text, tokens, &sentences);
    benchmark::DoNotOptimize(sentences.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * text.size());
}
BENCHMARK(BM_TokenizeAndSplit)->Range(4 << 10, 1 << 20);

void BM_Segment(benchmark::State& state) {
  Document doc;
  doc.text = MakeCorpus(state.range(0));
  for (auto _ : state) {
    Segment(doc);
    benchmark::DoNotOptimize(doc.sentences.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * doc.text.size());
}
BENCHMARK(BM_Segment)->Arg(1 << 20);

}  // namespace
}  // namespace sitrep
