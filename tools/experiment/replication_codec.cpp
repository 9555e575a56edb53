// The audit, the run statistics, the decision records and the KPI table's storage are plain
// structs copied as they lie in memory (byte_stream.hpp): a field added to them travels without
// a change here, and doubles (NaN included) arrive bit for bit.
#include "tools/experiment/replication_codec.hpp"

#include <array>
#include <cstdint>
#include <stdexcept>
#include <utility>

#include "sim/byte_stream.hpp"

namespace omnisim {
namespace {

// Changes when the layout does, so that processes of different builds fail rather than mix.
constexpr std::uint32_t kFormat = 0x6f6d7208;

}  // namespace

std::string encode_replication(const retail::ReplicationResult& result) {
  sim::ByteWriter out;
  out.put(kFormat);
  const retail::KpiTable& kpis = result.kpis;
  out.put(kpis.days());
  out.put(kpis.warmup_days());
  out.put<std::uint64_t>(kpis.categories());
  out.put_vector(kpis.cells());
  out.put_vector(kpis.stock());
  out.put_vector(kpis.open_orders_by_day());
  const retail::NodeDays& nodes = kpis.node_days();
  out.put(nodes.nodes());
  out.put_vector(nodes.stock());
  out.put_vector(nodes.orders());
  out.put(result.audit);
  out.put(result.stats);
  out.put_vector(result.decisions);
  return out.take();
}

retail::ReplicationResult decode_replication(const std::string& bytes) {
  sim::ByteReader in(bytes);
  if (in.get<std::uint32_t>() != kFormat) {
    throw std::runtime_error("a replication result from a different build of omnisim");
  }
  const auto days = in.get<std::uint32_t>();
  const auto warmup_days = in.get<std::uint32_t>();
  const auto categories = in.get<std::uint64_t>();
  auto cells = in.get_vector<std::array<std::int64_t, retail::kCounters>>();
  auto stock = in.get_vector<retail::StockLevel>();
  auto open_orders = in.get_vector<std::int64_t>();
  const auto nodes = in.get<std::uint32_t>();
  auto node_stock = in.get_vector<retail::NodeStock>();
  auto node_orders = in.get_vector<retail::ReplenishmentCell>();
  retail::NodeDays node_days =
      nodes == 0 ? retail::NodeDays()
                 : retail::NodeDays(days, nodes, categories, std::move(node_stock),
                                    std::move(node_orders));
  retail::ReplicationResult result{
      retail::KpiTable(days, categories, warmup_days, std::move(cells), std::move(stock),
                       std::move(open_orders), std::move(node_days)),
      in.get<retail::Audit>(), in.get<sim::RunStats>(), in.get_vector<retail::DecisionRecord>()};
  if (!in.at_end()) throw std::runtime_error("a replication result with bytes after its end");
  return result;
}

}  // namespace omnisim
