#include <gtest/gtest.h>
#include "sitrep/triggers.h"
TEST(TriggersTest, Placeholder) {}
