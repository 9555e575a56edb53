// The Hill response of demand to adstock, and the lift a steady budget settles at.
#include "models/mechanics/ad_lift.hpp"

#include <gtest/gtest.h>

namespace retail {
namespace {

AdProgram saturating() {
  AdProgram ads;
  ads.max_lift = 0.8;
  ads.half_saturation_cents = 1000;
  ads.hill_exponent = 2;
  return ads;
}

TEST(AdLift, TheHillResponseSaturates) {
  const AdProgram ads = saturating();
  EXPECT_DOUBLE_EQ(ad_lift(ads, 0), 1.0);
  EXPECT_DOUBLE_EQ(ad_lift(ads, 1000), 1.4);
  EXPECT_NEAR(ad_lift(ads, 100'000), 1.8, 1e-3);
  EXPECT_LT(ad_lift(ads, 500), ad_lift(ads, 1000));
}

TEST(AdLift, ASteadyBudgetSettlesAtItsGeometricAdstock) {
  AdProgram ads = saturating();
  ads.adstock_decay = 0.5;
  // 500 a day with half carried over: A = 500 + 250 + 125 + ... = 1000, the half-saturation point.
  EXPECT_DOUBLE_EQ(steady_ad_lift(ads, 500), 1.4);
  ads.adstock_decay = 0;
  EXPECT_DOUBLE_EQ(steady_ad_lift(ads, 1000), 1.4);
}

}  // namespace
}  // namespace retail
