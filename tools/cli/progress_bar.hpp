// Progress of long runs: on a terminal a bar redrawn in place at most ten times a second,
// "[#####...............] 37/200 replications, 12.3/s, ETA 0:09"; elsewhere (a log file, a batch
// job's output) a line each time another tenth is done,
// "progress: 30 % (1080/3600 replications), 12.3/s, ETA 1:20".
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>

namespace omnisim {

// The bar's text for `done` of `total` after `elapsed_seconds`; the rate and the time left are
// extrapolated from the replications done so far ("ETA -:--" before the first). The first
// `already_done` of them (resumed from an earlier run) count in done but not in the rate. `unit`
// names what is counted.
std::string format_progress(std::uint64_t done, std::uint64_t total, double elapsed_seconds,
                            std::uint64_t already_done = 0, std::string_view unit = "replications");
// The same as one line of text, without the line break.
std::string format_progress_line(std::uint64_t done, std::uint64_t total, double elapsed_seconds,
                                 std::uint64_t already_done = 0,
                                 std::string_view unit = "replications");

enum class ProgressStyle : std::uint8_t {
  bar,    // redrawn in place, for a terminal
  lines,  // a line at the start and each time another tenth of the total is done
};

// Draws the progress on `out` from a thread of its own, so that workers only count. With `out`
// null it does nothing at all (the caller decides: only when stderr is a terminal).
class ProgressBar {
 public:
  // `already_done` of `total` were done before this run (it resumes), so they count as done but
  // not in the rate and the time left. `unit` names what is counted.
  ProgressBar(std::ostream* out, std::uint64_t total, ProgressStyle style = ProgressStyle::bar,
              std::uint64_t already_done = 0, std::string unit = "replications");
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  ~ProgressBar();

  // One more done; safe from any thread.
  void advance() { done_.fetch_add(1, std::memory_order_relaxed); }
  // More work planned (--reps auto adds replications as it goes); safe from any thread.
  void add_to_total(std::uint64_t more) { total_.fetch_add(more, std::memory_order_relaxed); }
  // Stops drawing and clears the bar, so what follows starts on a clean line (lines style: prints
  // the last line if another tenth was done, such as the 100 %). Idempotent.
  void finish();

 private:
  void draw_until_finished();
  void draw();
  void draw_bar(std::uint64_t done, std::uint64_t total, double elapsed_seconds);
  void print_line_if_another_tenth(std::uint64_t done, std::uint64_t total, double elapsed_seconds);

  std::ostream* out_;
  ProgressStyle style_;
  std::uint64_t already_done_;
  std::string unit_;
  std::atomic<std::uint64_t> total_;
  std::atomic<std::uint64_t> done_;
  std::chrono::steady_clock::time_point start_;
  std::size_t drawn_width_ = 0;                // of the bar on screen, to blank it out
  std::optional<std::uint64_t> printed_done_;  // lines style: `done` at the last line printed
  std::mutex mutex_;
  std::condition_variable wake_;
  bool finished_ = false;
  std::thread drawer_;
};

}  // namespace omnisim
