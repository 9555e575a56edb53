#include "sim/experiment.hpp"

#include "sim/byte_stream.hpp"

namespace sim {

std::vector<std::uint64_t> broadcast_tasks(const std::vector<std::uint64_t>& tasks) {
  ByteWriter writer;
  writer.put_vector(tasks);
  const std::string bytes = broadcast_from_root(writer.take());
  ByteReader reader(bytes);
  return reader.get_vector<std::uint64_t>();
}

}  // namespace sim
