// The collective steps that keep the processes of an MPI run failing together: an exception on
// one process becomes the same exception on all, so that none waits forever in a collective the
// others have left.
#include "sim/task_farm.hpp"

#include <exception>

#include "sim/byte_stream.hpp"

namespace sim {
namespace {

// The exception being handled, as bytes: its kind and its message.
std::string describe_current_exception(const ErrorKinds& kinds) {
  ErrorKinds::Kind kind = 0;
  std::string message = "an exception that is not a std::exception";
  try {
    throw;
  } catch (const std::exception& e) {
    kind = kinds.classify(e);
    message = e.what();
  } catch (...) {
  }
  ByteWriter out;
  out.put(kind);
  out.put_string(message);
  return out.take();
}

[[noreturn]] void throw_described(const std::string& description, const ErrorKinds& kinds) {
  ByteReader in(description);
  const auto kind = in.get<ErrorKinds::Kind>();
  kinds.rethrow(kind, in.get_string());
}

}  // namespace

ErrorKinds::Kind ErrorKinds::classify(const std::exception& error) const {
  for (std::size_t k = 0; k < kinds_.size(); ++k) {
    if (kinds_[k].matches(error)) return static_cast<Kind>(k + 1);
  }
  return 0;
}

void ErrorKinds::rethrow(Kind kind, const std::string& message) const {
  if (kind >= 1 && kind <= kinds_.size()) kinds_[kind - 1].raise(message);
  throw std::runtime_error(message);
}

void on_every_rank(const std::function<void()>& step, const ErrorKinds& kinds) {
  std::exception_ptr error;
  std::string description;
  try {
    step();
  } catch (...) {
    error = std::current_exception();
    description = describe_current_exception(kinds);
  }
  const std::string root_error = broadcast_from_root(process_rank() == 0 ? description : "");
  if (!root_error.empty()) {
    if (error && process_rank() == 0) std::rethrow_exception(error);
    throw_described(root_error, kinds);
  }
  if (any_rank(error != nullptr)) {
    throw ProcessGroupError(
        "another process of this MPI run failed where process 0 did not (do all nodes see the "
        "same files at the same paths, and have the memory?); run the program without mpirun on "
        "that node to see why");
  }
}

void on_root(const std::function<void()>& step, const ErrorKinds& kinds) {
  std::exception_ptr error;
  std::string description;
  if (process_rank() == 0) {
    try {
      step();
    } catch (...) {
      error = std::current_exception();
      description = describe_current_exception(kinds);
    }
  }
  const std::string root_error = broadcast_from_root(description);
  if (root_error.empty()) return;
  if (error) std::rethrow_exception(error);
  throw_described(root_error, kinds);
}

}  // namespace sim
