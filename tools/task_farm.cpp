// The collective steps that keep the processes of an MPI run failing together: an exception on
// one process becomes the same exception on all, so that none waits forever in a collective the
// others have left.
#include "tools/task_farm.hpp"

#include <cstdint>
#include <exception>

#include "models/scenario.hpp"
#include "tools/byte_stream.hpp"
#include "tools/errors.hpp"

namespace omnisim {
namespace {

// The exception kinds run_cli maps to different exit statuses, as a byte.
enum class ErrorKind : std::uint8_t { scenario, usage, output, replication, other };

// The exception being handled, as bytes: its kind and its message.
std::string describe_current_exception() {
  ErrorKind kind = ErrorKind::other;
  std::string message = "an exception that is not a std::exception";
  try {
    throw;
  } catch (const retail::ScenarioError& e) {
    kind = ErrorKind::scenario;
    message = e.what();
  } catch (const UsageError& e) {
    kind = ErrorKind::usage;
    message = e.what();
  } catch (const OutputError& e) {
    kind = ErrorKind::output;
    message = e.what();
  } catch (const ReplicationFailure& e) {
    kind = ErrorKind::replication;
    message = e.what();
  } catch (const std::exception& e) {
    message = e.what();
  } catch (...) {
  }
  ByteWriter out;
  out.put(kind);
  out.put_string(message);
  return out.take();
}

[[noreturn]] void throw_described(const std::string& description) {
  ByteReader in(description);
  const auto kind = in.get<ErrorKind>();
  const std::string message = in.get_string();
  switch (kind) {
    case ErrorKind::scenario:
      throw retail::ScenarioError(message);
    case ErrorKind::usage:
      throw UsageError(message);
    case ErrorKind::output:
      throw OutputError(message);
    case ErrorKind::replication:
      throw ReplicationFailure(message);
    case ErrorKind::other:
      break;
  }
  throw std::runtime_error(message);
}

}  // namespace

void on_every_rank(const std::function<void()>& step) {
  std::exception_ptr error;
  std::string description;
  try {
    step();
  } catch (...) {
    error = std::current_exception();
    description = describe_current_exception();
  }
  const std::string root_error = broadcast_from_root(process_rank() == 0 ? description : "");
  if (!root_error.empty()) {
    if (error && process_rank() == 0) std::rethrow_exception(error);
    throw_described(root_error);
  }
  if (any_rank(error != nullptr)) {
    throw UsageError(
        "another process of this MPI run failed where process 0 did not (do all nodes see the "
        "same files at the same paths, and have the memory?); run omnisim without mpirun on that "
        "node to see why");
  }
}

void on_root(const std::function<void()>& step) {
  std::exception_ptr error;
  std::string description;
  if (process_rank() == 0) {
    try {
      step();
    } catch (...) {
      error = std::current_exception();
      description = describe_current_exception();
    }
  }
  const std::string root_error = broadcast_from_root(description);
  if (root_error.empty()) return;
  if (error) std::rethrow_exception(error);
  throw_described(root_error);
}

}  // namespace omnisim
