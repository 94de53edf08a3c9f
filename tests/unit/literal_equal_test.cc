#include "util/literal_equal.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace sitrep {
namespace {

TEST(LiteralEqual, ComparesTheLiteralsBytesAndLength) {
  const std::string text = "the attacks";
  const std::string_view the = std::string_view(text).substr(0, 3);
  EXPECT_TRUE(the == "the");
  EXPECT_FALSE(the == "th");    // a prefix of the view
  EXPECT_FALSE(the == "them");  // the view is a prefix
  EXPECT_FALSE(the == "The");   // bytes, not case
  EXPECT_TRUE(the != "tha");    // != is the rewritten ==
  EXPECT_TRUE("the" == the);    // either order
  EXPECT_TRUE(std::string_view() == "");
  EXPECT_FALSE(std::string_view() == "a");
  EXPECT_FALSE(the == "");
}

TEST(LiteralEqual, AgreesWithStringViewEquality) {
  const std::string_view words[] = {"",
                                    "a",
                                    "an",
                                    "and",
                                    "attack",
                                    "attacks",
                                    "attacked",
                                    "killed in clashes",
                                    "shelling/artillery/missile attack"};
  for (std::string_view w : words) {
    EXPECT_EQ(w == "attack", std::string_view(w) == std::string_view("attack")) << w;
    EXPECT_EQ(w == "", w.empty()) << w;
    EXPECT_EQ(w == "killed in clashes", w.compare("killed in clashes") == 0) << w;
  }
}

}  // namespace
}  // namespace sitrep
