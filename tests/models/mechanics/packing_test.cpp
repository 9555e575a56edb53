// The packing bench: a line of an order that needs no gathering passes straight through; a
// ship-complete order's lines are held until every line sent to the node is ready or cancelled.
#include "models/mechanics/packing.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace retail {
namespace {

OrderLine line(std::uint64_t order, SkuId sku, std::uint8_t pack_with) {
  OrderLine l;
  l.id = order;
  l.sku = sku;
  l.order_lines = pack_with;
  l.pack_with = pack_with;
  return l;
}

TEST(PackingBench, ALineThatNeedsNoGatheringPassesStraightThrough) {
  PackingBench bench;
  std::vector<SkuId> handed;
  bench.ready(line(1, 7, 1), [&](const OrderLine& l) { handed.push_back(l.sku); });
  EXPECT_EQ(handed, std::vector<SkuId>{7});
  EXPECT_EQ(bench.held(), 0);
}

TEST(PackingBench, HoldsAnOrdersLinesUntilTheLastIsReady) {
  PackingBench bench;
  std::vector<SkuId> handed;
  const auto take = [&](const OrderLine& l) { handed.push_back(l.sku); };
  bench.ready(line(1, 10, 3), take);
  bench.ready(line(2, 20, 2), take);
  bench.ready(line(1, 11, 3), take);
  EXPECT_TRUE(handed.empty());
  EXPECT_EQ(bench.held(), 3);
  bench.ready(line(1, 12, 3), take);
  EXPECT_EQ(handed, (std::vector<SkuId>{10, 11, 12}));
  EXPECT_EQ(bench.held(), 1);
}

TEST(PackingBench, ACancelledLineReleasesTheRest) {
  PackingBench bench;
  std::vector<SkuId> handed;
  const auto take = [&](const OrderLine& l) { handed.push_back(l.sku); };
  bench.ready(line(1, 10, 2), take);
  bench.cancelled(line(1, 11, 2), take);
  EXPECT_EQ(handed, std::vector<SkuId>{10});
  // An order all of whose lines were cancelled leaves nothing behind.
  bench.cancelled(line(2, 20, 2), take);
  bench.cancelled(line(2, 21, 2), take);
  EXPECT_EQ(handed.size(), 1u);
  EXPECT_EQ(bench.held(), 0);
}

}  // namespace
}  // namespace retail
