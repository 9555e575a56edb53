// Errors omnisim's tools report, beyond the models' own; run_cli maps each to an exit status.
// They live in the lowest room (results) so that every room may throw them.
#pragma once

#include <stdexcept>
#include <string>

#include "sim/task_farm.hpp"

namespace omnisim {

// The command line asked for something it cannot do as given (exit status 2), e.g. an output
// directory that is not empty without --force.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// summary.json cannot be read back: missing, not JSON, or a key missing, unknown or of the wrong
// type; what() names the file and the JSON pointer. Bad input (exit status 2), as a malformed
// CSV file is.
class SummaryFormatError : public UsageError {
 public:
  using UsageError::UsageError;
};

// The results could not be written (exit status 1).
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A replication failed while running (exit status 1); what() names the replication.
class ReplicationFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// SIGINT or SIGTERM stopped a study that can be resumed; what() says how. The exit status is
// 128 + the signal, as a shell reports a process killed by it.
class Interrupted : public std::runtime_error {
 public:
  Interrupted(const std::string& message, int signal)
      : std::runtime_error(message), signal_(signal) {}
  int signal() const { return signal_; }

 private:
  int signal_;
};

// The errors that cross between the processes of an MPI run as themselves (sim::ErrorKinds):
// retail::ScenarioError and the first three above; the exit status depends on which.
const sim::ErrorKinds& error_kinds();

// Exit statuses, so scripts can tell bad input from a failed run.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

}  // namespace omnisim
