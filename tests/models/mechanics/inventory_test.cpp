// A node's stock: the (s,S) decision with case packs and minimum orders, on-order bookkeeping,
// change tracking, category totals and the stock held over time.
#include "models/mechanics/inventory.hpp"

#include <gtest/gtest.h>

namespace retail {
namespace {

Catalog two_skus() {
  Catalog catalog;
  catalog.categories = {"shoes", "shirts"};
  catalog.skus.push_back(Sku{"boot", 0, 5000, 5000, 2000, false, 0, 1, 1, 1});
  catalog.skus.push_back(Sku{"tee", 1, 1500, 1500, 500, false, 0, 1, 1, 1});
  return catalog;
}

TEST(Inventory, OrdersUpToSOnlyAtOrBelowTheReorderPoint) {
  const Catalog catalog = two_skus();
  Inventory stock(catalog, {10, 10}, {Levels{4, 12}, Levels{4, 12}}, Inventory::Source::dc);
  stock.remove(0, 5, 0);
  EXPECT_EQ(stock.reorder(0), 0);  // position 5 > s = 4
  stock.remove(0, 1, 0);
  EXPECT_EQ(stock.reorder(0), 8);  // position 4: up to 12
  stock.remove(0, 2, 0);
  EXPECT_EQ(stock.reorder(0), 0);  // position 2 + 8 on order = 10
  stock.receive(0, 8, 8, 0);
  EXPECT_EQ(stock.on_hand(0), 10);
}

TEST(Inventory, BackordersLowerThePosition) {
  const Catalog catalog = two_skus();
  Inventory stock(catalog, {0, 0}, {Levels{1, 3}, Levels{1, 3}}, Inventory::Source::dc);
  EXPECT_EQ(stock.reorder(0), 3);
  stock.add_backorder(0, 2);
  EXPECT_EQ(stock.reorder(0), 2);  // position 0 + 3 on order - 2 owed = 1: back up to 3
}

TEST(Inventory, RefusesToSellWhatIsNotThere) {
  const Catalog catalog = two_skus();
  Inventory stock(catalog, {1, 0}, {Levels{0, 1}, Levels{0, 1}}, Inventory::Source::dc);
  EXPECT_THROW(stock.remove(1, 1, 0), std::logic_error);
  EXPECT_THROW(stock.remove(0, 2, 0), std::logic_error);
}

TEST(Inventory, TracksChangedSkusOnceAndCategoryTotals) {
  const Catalog catalog = two_skus();
  Inventory stock(catalog, {3, 4}, {Levels{0, 5}, Levels{0, 5}}, Inventory::Source::dc);
  stock.remove(1, 1, 0);
  stock.remove(1, 1, 0);
  stock.receive(0, 2, 0, 0);
  EXPECT_EQ(stock.take_changed(), (std::vector<SkuId>{1, 0}));
  EXPECT_TRUE(stock.take_changed().empty());
  const auto levels = stock.stock_by_category();
  EXPECT_EQ(levels[0].units, 5);
  EXPECT_EQ(levels[0].cost_cents, 5 * 2000);
  EXPECT_EQ(levels[1].units, 2);
  EXPECT_EQ(levels[1].cost_cents, 2 * 500);
  EXPECT_EQ(stock.total_on_hand(), 7);
}

TEST(Inventory, OrdersWholeCasesAndTheSuppliersMinimum) {
  Catalog catalog = two_skus();
  catalog.skus[0].case_pack = 6;
  catalog.skus[0].supplier_moq = 20;
  Inventory from_dc(catalog, {0, 0}, {Levels{4, 12}, Levels{4, 12}}, Inventory::Source::dc);
  from_dc.add_backorder(0, 1);
  EXPECT_EQ(from_dc.reorder(0), 18);  // 13 to reach 12, rounded up to three cases of 6
  EXPECT_EQ(from_dc.position(0), 17);
  Inventory from_supplier(catalog, {0, 0}, {Levels{4, 12}, Levels{4, 12}},
                          Inventory::Source::supplier);
  EXPECT_EQ(from_supplier.reorder(0), 24);  // 12, raised to the minimum of 20, then 4 cases
  EXPECT_EQ(from_supplier.reorder(1), 12);  // the other SKU has neither
}

TEST(Inventory, IntegratesTheStockHeldAtCostOverTime) {
  const Catalog catalog = two_skus();
  Inventory stock(catalog, {3, 4}, {Levels{0, 5}, Levels{0, 5}}, Inventory::Source::dc);
  const sim::Time half_day = sim::kTicksPerDay / 2;
  stock.remove(0, 1, half_day);               // 3 boots for half a day, then 2
  stock.receive(0, 4, 0, sim::kTicksPerDay);  // 2 for half a day, then 6
  const double boots = 3 * 2000 * 0.5 + 2 * 2000 * 0.5 + 6 * 2000 * 1.0;
  EXPECT_DOUBLE_EQ(stock.held_cent_days(0, 2 * sim::kTicksPerDay), boots);
  EXPECT_DOUBLE_EQ(stock.held_cent_days(1, 2 * sim::kTicksPerDay), 4 * 500 * 2.0);
  EXPECT_THROW(stock.held_cent_days(0, half_day), std::logic_error);  // before the last change
}

}  // namespace
}  // namespace retail
