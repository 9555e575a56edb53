// Plain values in a string of bytes and back, for messages between processes: fixed-width
// numbers copied as they lie in memory (the processes of one mpirun run the same build on the
// same kind of machine), strings and vectors with their length first.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace sim {

class ByteWriter {
 public:
  template <class T>
  void put(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void put_string(const std::string& text) {
    put<std::uint64_t>(text.size());
    bytes_ += text;
  }
  // The length, then the elements as they lie in memory.
  template <class T>
  void put_vector(const std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    put<std::uint64_t>(values.size());
    if (!values.empty()) {
      bytes_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
    }
  }

  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

// Reads what a ByteWriter wrote, in the same order; throws std::runtime_error when the bytes end
// too soon, so a garbled message is an error rather than garbage.
class ByteReader {
 public:
  explicit ByteReader(const std::string& bytes) : bytes_(bytes) {}

  template <class T>
  T get() {
    static_assert(std::is_trivially_copyable_v<T>);
    T value;
    std::memcpy(&value, claim(sizeof value), sizeof value);
    return value;
  }
  std::string get_string() {
    const auto size = get<std::uint64_t>();
    return std::string(claim(size), size);
  }
  template <class T>
  std::vector<T> get_vector() {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto size = get<std::uint64_t>();
    // Checked before allocating, so a garbled length cannot ask for terabytes.
    if (size > remaining() / sizeof(T)) ended_too_soon();
    std::vector<T> values(size);
    if (size > 0) std::memcpy(values.data(), claim(size * sizeof(T)), size * sizeof(T));
    return values;
  }

  bool at_end() const { return remaining() == 0; }

 private:
  std::size_t remaining() const { return bytes_.size() - offset_; }
  [[noreturn]] void ended_too_soon() const {
    throw std::runtime_error("a message of " + std::to_string(bytes_.size()) +
                             " bytes ended before its content did");
  }
  const char* claim(std::size_t size) {
    if (size > remaining()) ended_too_soon();
    const char* start = bytes_.data() + offset_;
    offset_ += size;
    return start;
  }

  const std::string& bytes_;
  std::size_t offset_ = 0;
};

}  // namespace sim
