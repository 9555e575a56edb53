// decisions.csv: the control tower's log of every run, one row per firing of a rule: the rule
// and its owner, when it fired, was decided and took effect, what it did, and the metric before
// and after.
#pragma once

#include <ostream>
#include <vector>

#include "models/scenario/scenario.hpp"
#include "tools/results/arms.hpp"

namespace omnisim {

// Header: replication,arm,rule,owner,metric,scope,comparator,threshold,fired_at_hours,
// value_at_fire,decided_at_hours,executed_at_hours,actions,value_after. Times are hours since
// the start; a time not reached before the horizon and an unknown value are empty fields. Rows
// follow `runs`, then each run's log order. Written with the header alone when nothing fired.
void write_decisions_csv(std::ostream& out, const retail::Scenario& scenario,
                         const std::vector<ArmReplication>& runs);

}  // namespace omnisim
