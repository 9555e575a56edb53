#include "tools/results/errors.hpp"

#include "models/scenario/loader.hpp"

namespace omnisim {

const sim::ErrorKinds& error_kinds() {
  static const sim::ErrorKinds kinds = sim::ErrorKinds()
                                           .add<retail::ScenarioError>()
                                           .add<UsageError>()
                                           .add<OutputError>()
                                           .add<ReplicationFailure>();
  return kinds;
}

}  // namespace omnisim
