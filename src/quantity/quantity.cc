// Names, the standalone number parser and the "quantities" stage.
#include <string>
#include <vector>

#include "quantity/lexicon.h"
#include "quantity/numbers.h"
#include "sitrep/pipeline.h"
#include "sitrep/quantity.h"
#include "sitrep/text.h"

namespace sitrep {

const char* QuantityKindName(QuantityKind kind) {
  switch (kind) {
    case QuantityKind::kCount: return "count";
    case QuantityKind::kOrdinal: return "ordinal";
    case QuantityKind::kYear: return "year";
    case QuantityKind::kAge: return "age";
    case QuantityKind::kMoney: return "money";
    case QuantityKind::kPercent: return "percent";
    case QuantityKind::kTime: return "time";
    case QuantityKind::kDatePart: return "date_part";
    case QuantityKind::kDuration: return "duration";
    case QuantityKind::kMeasure: return "measure";
    case QuantityKind::kTroopStrength: return "troop_strength";
  }
  return "count";
}

const char* QualifierName(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kExact: return "exact";
    case Qualifier::kAtLeast: return "at_least";
    case Qualifier::kMoreThan: return "more_than";
    case Qualifier::kAtMost: return "at_most";
    case Qualifier::kAbout: return "about";
    case Qualifier::kNearly: return "nearly";
    case Qualifier::kVague: return "vague";
  }
  return "exact";
}

const char* FateName(Fate fate) {
  switch (fate) {
    case Fate::kKilled: return "killed";
    case Fate::kInjured: return "injured";
    case Fate::kDetained: return "detained";
    case Fate::kAbducted: return "abducted";
    case Fate::kMissing: return "missing";
    case Fate::kCasualties: return "casualties";
  }
  return "killed";
}

const char* VictimCategoryName(VictimCategory category) {
  switch (category) {
    case VictimCategory::kUnknown: return "unknown";
    case VictimCategory::kCivilians: return "civilians";
    case VictimCategory::kStateForces: return "state_forces";
    case VictimCategory::kNonState: return "non_state";
  }
  return "unknown";
}

std::optional<NumberValue> ParseNumber(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  std::vector<Token> tokens;
  Tokenize(lower, &tokens);
  if (tokens.empty()) return std::nullopt;
  quantity::TokenTexts t;
  t.lower.reserve(tokens.size());
  for (const Token& tk : tokens) {
    t.lower.push_back(std::string_view(lower).substr(tk.span.begin, tk.span.size()));
  }
  quantity::Lexicon::Get().Prepare(&t);
  quantity::PrepareNumbers(quantity::Lexicon::Get(), tokens, lower, &t);
  quantity::NumberMatch n;
  if (!quantity::ScanNumber(quantity::Lexicon::Get(), t, tokens, 0, tokens.size(), &n) ||
      n.end != tokens.size() || n.has_slash || n.has_colon) {
    return std::nullopt;
  }
  return NumberValue{n.value, n.high, n.vague};
}

namespace {

class QuantitiesStage final : public Stage {
 public:
  std::string_view name() const override { return "quantities"; }
  Status Run(Document& doc) const override {
    AnnotateQuantities(doc);
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Stage> MakeQuantitiesStage() { return std::make_unique<QuantitiesStage>(); }

}  // namespace sitrep
