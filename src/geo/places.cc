// The places layer's entry points: FindPlaces / AnnotatePlaces, the "places" stage and where the
// gazetteer blob is looked for.
#include "sitrep/pipeline.h"
#include "sitrep/places.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "geo/places_internal.h"
#include "sitrep/text.h"

namespace sitrep {

const char* PlaceKindName(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCountry: return "country";
    case PlaceKind::kAdmin1: return "admin1";
    case PlaceKind::kAdmin2: return "admin2";
    case PlaceKind::kPlace: return "place";
    case PlaceKind::kRegion: return "region";
  }
  return "place";
}

std::vector<PlaceMention> FindPlaces(const Document& doc, const Gazetteer& gaz) {
  std::vector<places_internal::Candidate> candidates = places_internal::Recognize(doc, gaz);
  return places_internal::Resolve(doc, gaz, candidates);
}

void AnnotatePlaces(Document& doc, const Gazetteer& gaz) {
  if (doc.tokens.empty()) Segment(doc);
  doc.places = FindPlaces(doc, gaz);
}

namespace {

class PlacesStage final : public Stage {
 public:
  explicit PlacesStage(std::shared_ptr<const Gazetteer> gaz) : gaz_(std::move(gaz)) {}
  std::string_view name() const override { return "places"; }
  Status Run(Document& doc) const override {
    AnnotatePlaces(doc, *gaz_);
    return Status::Ok();
  }

 private:
  std::shared_ptr<const Gazetteer> gaz_;
};

}  // namespace

std::unique_ptr<Stage> MakePlacesStage(std::shared_ptr<const Gazetteer> gaz) {
  return std::make_unique<PlacesStage>(std::move(gaz));
}

std::vector<std::string> GazetteerSearchPath() {
  namespace fs = std::filesystem;
  std::vector<std::string> paths;
  if (const char* env = std::getenv("SITREP_GAZETTEER"); env != nullptr && *env != '\0') {
    paths.emplace_back(env);
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path dir = exe.parent_path();
    for (int up = 0; up < 3 && !dir.empty(); ++up) {
      paths.push_back((dir / "data" / "gazetteer.bin").string());
      dir = dir.parent_path();
    }
  }
  paths.emplace_back("build/data/gazetteer.bin");
  return paths;
}

Result<std::shared_ptr<const Gazetteer>> OpenDefaultGazetteer() {
  std::vector<std::string> paths = GazetteerSearchPath();
  std::string tried;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) return Gazetteer::Open(p);
    tried += (tried.empty() ? "" : ", ") + p;
  }
  return Status(ErrorCode::kNotFound,
                "no gazetteer blob (build target gazetteer_blob, or set SITREP_GAZETTEER); tried " +
                    tried);
}

}  // namespace sitrep
