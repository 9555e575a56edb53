// A progress bar for long runs, redrawn in place on a terminal at most ten times a second:
// "[#####...............] 37/200 replications, 12.3/s, ETA 0:09".
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

namespace omnisim {

// The bar's text for `done` of `total` after `elapsed_seconds`; the rate and the time left are
// extrapolated from the replications done so far ("ETA -:--" before the first).
std::string format_progress(std::uint64_t done, std::uint64_t total, double elapsed_seconds);

// Draws format_progress() on `out` from a thread of its own, so that workers only count. With
// `out` null it does nothing at all (the caller decides: only when stderr is a terminal).
class ProgressBar {
 public:
  ProgressBar(std::ostream* out, std::uint64_t total);
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  ~ProgressBar();

  // One more replication done; safe from any thread.
  void advance() { done_.fetch_add(1, std::memory_order_relaxed); }
  // Stops drawing and clears the line, so what follows starts on a clean line. Idempotent.
  void finish();

 private:
  void draw_until_finished();
  void draw();

  std::ostream* out_;
  std::uint64_t total_;
  std::atomic<std::uint64_t> done_{0};
  std::chrono::steady_clock::time_point start_;
  std::size_t drawn_width_ = 0;  // of the line on screen, to blank it out
  std::mutex mutex_;
  std::condition_variable wake_;
  bool finished_ = false;
  std::thread drawer_;
};

}  // namespace omnisim
