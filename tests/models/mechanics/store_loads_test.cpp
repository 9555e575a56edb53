// The dock of backorder fills: loads gather per store, leave whole, and say how long they waited.
#include "models/mechanics/store_loads.hpp"

#include <gtest/gtest.h>

namespace retail {
namespace {

TEST(StoreLoads, AStoresFillsGatherAndLeaveTogether) {
  StoreLoads dock(3);
  dock.add(1, 7, 4, sim::hours(2));
  dock.add(1, 9, 2, sim::hours(5));
  dock.add(2, 7, 1, sim::hours(6));
  EXPECT_EQ(dock.units(), 7);
  const std::vector<StockLine> load = dock.take(1);
  ASSERT_EQ(load.size(), 2U);
  EXPECT_EQ(load[0].sku, 7U);
  EXPECT_EQ(load[0].units, 4);
  EXPECT_EQ(load[1].sku, 9U);
  EXPECT_EQ(dock.units(), 1);
  EXPECT_TRUE(dock.take(1).empty());
  EXPECT_TRUE(dock.take(0).empty());
}

TEST(StoreLoads, ALoadHasWaitedSinceItsFirstFill) {
  StoreLoads dock(3);
  dock.add(0, 1, 1, sim::hours(30));
  dock.add(2, 1, 1, sim::hours(10));
  dock.add(2, 1, 1, sim::hours(40));
  EXPECT_EQ(dock.waited(sim::hours(48), sim::hours(24)), std::vector<StoreId>{2});
  EXPECT_EQ(dock.waited(sim::hours(54), sim::hours(24)), (std::vector<StoreId>{0, 2}));
  // A load taken and started again waits from its new first fill.
  dock.take(2);
  dock.add(2, 1, 1, sim::hours(50));
  EXPECT_EQ(dock.waited(sim::hours(54), sim::hours(24)), std::vector<StoreId>{0});
}

}  // namespace
}  // namespace retail
