// The compiled gazetteer blob for tests that need real places: SITREP_GAZETTEER_BLOB (set by
// tests/CMakeLists.txt for the tests listed there), or $SITREP_GAZETTEER. Opened once per test
// binary; nullptr when it cannot be opened (the tests assert on that).
#pragma once

#include <cstdlib>
#include <memory>
#include <string>

#include "sitrep/gazetteer.h"

namespace sitrep {

inline std::shared_ptr<const Gazetteer> Gaz() {
  static std::shared_ptr<const Gazetteer> gaz = [] {
    std::string path = SITREP_GAZETTEER_BLOB;
    if (const char* env = std::getenv("SITREP_GAZETTEER")) path = env;
    auto g = Gazetteer::Open(path);
    return g.ok() ? *g : nullptr;
  }();
  return gaz;
}

}  // namespace sitrep
