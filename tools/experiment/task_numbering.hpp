// How a study's tasks are numbered: one task per (grid point, replication, arm), replication
// by replication, so that all points advance together (an interrupted or adaptive study has every
// point at about the same count) and a contiguous block of numbers (an MPI rank's share, a
// --shard) holds every point and arm alike. A run is the study of one point: its task
// replication * arms + arm.
#pragma once

#include <cstddef>
#include <cstdint>

namespace omnisim {

struct TaskAt {
  std::uint64_t point = 0;
  std::uint64_t replication = 0;
  std::size_t arm = 0;  // index into the study's arms

  bool operator==(const TaskAt&) const = default;
};

class TaskNumbering {
 public:
  TaskNumbering(std::uint64_t points, std::size_t arms) : points_(points), arms_(arms) {}

  std::uint64_t task(std::uint64_t point, std::uint64_t replication, std::size_t arm) const {
    return (replication * points_ + point) * arms_ + arm;
  }
  std::uint64_t task(const TaskAt& at) const { return task(at.point, at.replication, at.arm); }
  TaskAt at(std::uint64_t task) const {
    return {(task / arms_) % points_, task / arms_ / points_,
            static_cast<std::size_t>(task % arms_)};
  }

 private:
  std::uint64_t points_;
  std::uint64_t arms_;
};

}  // namespace omnisim
