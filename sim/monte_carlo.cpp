// Assembly of replication results.
#include "sim/monte_carlo.hpp"

namespace sim {
namespace detail {

Eigen::MatrixXd stack_rows(const std::vector<Eigen::VectorXd>& rows) {
  const Eigen::Index metrics = rows.empty() ? 0 : rows.front().size();
  Eigen::MatrixXd out(static_cast<Eigen::Index>(rows.size()), metrics);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].size() != metrics) {
      throw SimulationError("replication " + std::to_string(i) + " returned " +
                            std::to_string(rows[i].size()) + " metrics, replication 0 returned " +
                            std::to_string(metrics));
    }
    out.row(static_cast<Eigen::Index>(i)) = rows[i].transpose();
  }
  return out;
}

}  // namespace detail
}  // namespace sim
