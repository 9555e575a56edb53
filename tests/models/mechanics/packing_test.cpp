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

// A bench and the SKUs of the lines it handed over, in order.
struct Bench {
  PackingBench bench;
  std::vector<SkuId> handed;
  void ready(const OrderLine& l) {
    bench.ready(l, [&](const OrderLine& out) { handed.push_back(out.sku); });
  }
  void cancelled(const OrderLine& l) {
    bench.cancelled(l, [&](const OrderLine& out) { handed.push_back(out.sku); });
  }
};

TEST(PackingBench, ALineThatNeedsNoGatheringPassesStraightThrough) {
  Bench b;
  b.ready(line(1, 7, 1));
  EXPECT_EQ(b.handed, std::vector<SkuId>{7});
  EXPECT_EQ(b.bench.held(), 0);
}

TEST(PackingBench, HoldsAnOrdersLinesUntilTheLastIsReady) {
  Bench b;
  b.ready(line(1, 10, 3));
  b.ready(line(2, 20, 2));
  b.ready(line(1, 11, 3));
  EXPECT_TRUE(b.handed.empty());
  EXPECT_EQ(b.bench.held(), 3);
  b.ready(line(1, 12, 3));
  EXPECT_EQ(b.handed, (std::vector<SkuId>{10, 11, 12}));
  EXPECT_EQ(b.bench.held(), 1);
}

TEST(PackingBench, ACancelledLineReleasesTheRest) {
  Bench b;
  b.ready(line(1, 10, 2));
  b.cancelled(line(1, 11, 2));
  EXPECT_EQ(b.handed, std::vector<SkuId>{10});
  // An order all of whose lines were cancelled leaves nothing behind.
  b.cancelled(line(2, 20, 2));
  b.cancelled(line(2, 21, 2));
  EXPECT_EQ(b.handed.size(), 1u);
  EXPECT_EQ(b.bench.held(), 0);
}

}  // namespace
}  // namespace retail
