// A node's stock: the (s,S) decision, on-order bookkeeping, change tracking and category totals.
#include "models/mechanics/inventory.hpp"

#include <gtest/gtest.h>

namespace retail {
namespace {

Catalog two_skus() {
  Catalog catalog;
  catalog.categories = {"shoes", "shirts"};
  catalog.skus.push_back(Sku{"boot", 0, 5000, 5000, 2000, false, 0, 1});
  catalog.skus.push_back(Sku{"tee", 1, 1500, 1500, 500, false, 0, 1});
  return catalog;
}

TEST(Inventory, OrdersUpToSOnlyAtOrBelowTheReorderPoint) {
  const Catalog catalog = two_skus();
  Inventory stock(catalog, {10, 10}, {Levels{4, 12}, Levels{4, 12}});
  stock.remove(0, 5);
  EXPECT_EQ(stock.reorder(0), 0);  // position 5 > s = 4
  stock.remove(0, 1);
  EXPECT_EQ(stock.reorder(0), 8);  // position 4: up to 12
  stock.remove(0, 2);
  EXPECT_EQ(stock.reorder(0), 0);  // position 2 + 8 on order = 10
  stock.receive(0, 8, 8);
  EXPECT_EQ(stock.on_hand(0), 10);
}

TEST(Inventory, BackordersLowerThePosition) {
  const Catalog catalog = two_skus();
  Inventory stock(catalog, {0, 0}, {Levels{1, 3}, Levels{1, 3}});
  EXPECT_EQ(stock.reorder(0), 3);
  stock.add_backorder(0, 2);
  EXPECT_EQ(stock.reorder(0), 2);  // position 0 + 3 on order - 2 owed = 1: back up to 3
}

TEST(Inventory, RefusesToSellWhatIsNotThere) {
  const Catalog catalog = two_skus();
  Inventory stock(catalog, {1, 0}, {Levels{0, 1}, Levels{0, 1}});
  EXPECT_THROW(stock.remove(1, 1), std::logic_error);
  EXPECT_THROW(stock.remove(0, 2), std::logic_error);
}

TEST(Inventory, TracksChangedSkusOnceAndCategoryTotals) {
  const Catalog catalog = two_skus();
  Inventory stock(catalog, {3, 4}, {Levels{0, 5}, Levels{0, 5}});
  stock.remove(1, 1);
  stock.remove(1, 1);
  stock.receive(0, 2, 0);
  EXPECT_EQ(stock.take_changed(), (std::vector<SkuId>{1, 0}));
  EXPECT_TRUE(stock.take_changed().empty());
  const auto levels = stock.stock_by_category();
  EXPECT_EQ(levels[0].units, 5);
  EXPECT_EQ(levels[0].cost_cents, 5 * 2000);
  EXPECT_EQ(levels[1].units, 2);
  EXPECT_EQ(levels[1].cost_cents, 2 * 500);
  EXPECT_EQ(stock.total_on_hand(), 7);
}

}  // namespace
}  // namespace retail
