// Node days: stored densely per day x node (x category), past-horizon days ignored, sizes checked
// when rebuilt.
#include "models/metrics/node_days.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

namespace retail {
namespace {

TEST(NodeDays, KeepsEachNodesDayAndItsOrdersByCategory) {
  NodeDays table(3, 2, 2);
  ASSERT_TRUE(table.kept());
  table.add(NodeDay{1, 1, {5, 7, 2, 3}, {{1, 2, 40}}});
  EXPECT_EQ(table.stock(1, 1), (NodeStock{5, 7, 2, 3}));
  EXPECT_EQ(table.stock(1, 1).position(), 10);
  EXPECT_EQ(table.stock(1, 0), NodeStock{});
  EXPECT_EQ(table.orders(1, 1, 1), (ReplenishmentCell{2, 40}));
  EXPECT_EQ(table.orders(1, 1, 0), ReplenishmentCell{});
  // The run's last day arrives late; a day past the horizon is dropped.
  table.add(NodeDay{0, 3, {1, 1, 1, 1}, {{0, 1, 1}}});
  EXPECT_EQ(table.orders().size(), 3u * 2 * 2);
}

TEST(NodeDays, RefusesNodesAndCategoriesItDoesNotHave) {
  NodeDays table(3, 2, 2);
  EXPECT_THROW(table.add(NodeDay{2, 0, {}, {}}), std::logic_error);
  EXPECT_THROW(table.add(NodeDay{0, 0, {}, {{2, 1, 1}}}), std::logic_error);
  EXPECT_THROW(NodeDays().add(NodeDay{0, 0, {}, {}}), std::logic_error);
}

// A cell holds 2^31 - 1 units: a day beyond that is refused, not wrapped round.
TEST(NodeDays, RefusesADayThatWouldOverflowACell) {
  NodeDays table(1, 1, 1);
  table.add(NodeDay{0, 0, {}, {{0, 1, std::numeric_limits<std::int32_t>::max()}}});
  EXPECT_EQ(table.orders(0, 0, 0).units, std::numeric_limits<std::int32_t>::max());
  EXPECT_THROW(table.add(NodeDay{0, 0, {}, {{0, 1, 1}}}), std::overflow_error);
  EXPECT_EQ(table.orders(0, 0, 0),
            (ReplenishmentCell{1, std::numeric_limits<std::int32_t>::max()}));
}

TEST(NodeDays, RebuildsOnlyFromStorageOfItsSize) {
  NodeDays table(2, 3, 4);
  EXPECT_TRUE(NodeDays(2, 3, 4, table.stock(), table.orders()) == table);
  EXPECT_THROW(NodeDays(2, 3, 5, table.stock(), table.orders()), std::invalid_argument);
  EXPECT_THROW(NodeDays(3, 3, 4, table.stock(), table.orders()), std::invalid_argument);
}

}  // namespace
}  // namespace retail
