#include <gtest/gtest.h>
#include "sitrep/quantity.h"
namespace sitrep { TEST(Quantity, Smoke) { Document d; d.text = "At least 15 people were killed."; AnnotateQuantities(d); EXPECT_EQ(d.casualties.size(), 1u); } }
