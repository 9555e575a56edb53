// replications.csv: every spine metric of every replication of every arm, one row each, for
// analyses the summary's means and intervals do not cover.
#pragma once

#include <ostream>
#include <vector>

#include "tools/results/arms.hpp"

namespace omnisim {

// Header: replication,arm, then the metrics of retail::spine_metrics() in its order. Rows follow
// `runs`; undefined metrics are empty fields.
void write_replications_csv(std::ostream& out, const std::vector<ArmReplication>& runs);

}  // namespace omnisim
