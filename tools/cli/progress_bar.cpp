// The progress bar: a drawing thread that sleeps between redraws, so replications never wait on
// the terminal (or the log).
#include "tools/cli/progress_bar.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <utility>

namespace omnisim {
namespace {

constexpr std::size_t kBarCells = 20;
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);

std::string one_decimal(double value) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                    std::chars_format::fixed, 1);
  return std::string(buffer.data(), result.ptr);
}

// "0:09", "12:34", "1:02:03".
std::string clock_time(double seconds) {
  const auto total = static_cast<std::uint64_t>(std::llround(seconds));
  const std::uint64_t hours = total / 3600;
  const std::uint64_t minutes = total / 60 % 60;
  std::string text;
  const auto append_two_digits = [&text](std::uint64_t n) {
    text.push_back(static_cast<char>('0' + n / 10));
    text.push_back(static_cast<char>('0' + n % 10));
  };
  if (hours > 0) {
    text.append(std::to_string(hours)).push_back(':');
    append_two_digits(minutes);
  } else {
    text.append(std::to_string(minutes));
  }
  text.push_back(':');
  append_two_digits(total % 60);
  return text;
}

// "12.3/s, ETA 0:13", from the replications done in this run only.
std::string rate_and_time_left(std::uint64_t done, std::uint64_t total, double elapsed_seconds,
                               std::uint64_t already_done) {
  if (done <= already_done || !(elapsed_seconds > 0)) return "-/s, ETA -:--";
  const double rate = static_cast<double>(done - already_done) / elapsed_seconds;
  const double left = static_cast<double>(total > done ? total - done : 0) / rate;
  return one_decimal(rate).append("/s, ETA ").append(clock_time(left));
}

// How many whole tenths of `total` are done (10 when there is nothing to do).
std::uint64_t tenths_done(std::uint64_t done, std::uint64_t total) {
  return total == 0 ? 10 : std::min(done, total) * 10 / total;
}

}  // namespace

std::string format_progress(std::uint64_t done, std::uint64_t total, double elapsed_seconds,
                            std::uint64_t already_done, std::string_view unit) {
  const std::size_t filled =
      total == 0 ? kBarCells : static_cast<std::size_t>(std::min(done, total) * kBarCells / total);
  std::string line(1, '[');
  line.append(filled, '#').append(kBarCells - filled, '.').append("] ");
  line.append(std::to_string(done)).append("/").append(std::to_string(total));
  line.append(" ").append(unit).append(", ");
  return line.append(rate_and_time_left(done, total, elapsed_seconds, already_done));
}

std::string format_progress_line(std::uint64_t done, std::uint64_t total, double elapsed_seconds,
                                 std::uint64_t already_done, std::string_view unit) {
  // Rounded down, so that "100 %" means all of it.
  const std::uint64_t percent = total == 0 ? 100 : std::min(done, total) * 100 / total;
  std::string line = "progress: " + std::to_string(percent) + " % (";
  line.append(std::to_string(done)).append("/").append(std::to_string(total));
  line.append(" ").append(unit).append("), ");
  return line.append(rate_and_time_left(done, total, elapsed_seconds, already_done));
}

ProgressBar::ProgressBar(std::ostream* out, std::uint64_t total, ProgressStyle style,
                         std::uint64_t already_done, std::string unit)
    : out_(out),
      style_(style),
      already_done_(already_done),
      unit_(std::move(unit)),
      total_(total),
      done_(already_done),
      start_(std::chrono::steady_clock::now()) {
  if (out_ == nullptr) return;
  // At once, so the bar shows even when the run is over before the first redraw.
  draw();
  drawer_ = std::thread([this] { draw_until_finished(); });
}

ProgressBar::~ProgressBar() {
  finish();
}

void ProgressBar::finish() {
  {
    const std::lock_guard lock(mutex_);
    if (finished_) return;
    finished_ = true;
  }
  wake_.notify_all();
  if (!drawer_.joinable()) return;
  drawer_.join();
  if (style_ == ProgressStyle::lines) {
    // The last advances may have come after the drawer's last look.
    draw();
    return;
  }
  *out_ << '\r' << std::string(drawn_width_, ' ') << '\r' << std::flush;
}

void ProgressBar::draw_until_finished() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, kRedrawEvery, [this] { return finished_; }))
    draw();
}

void ProgressBar::draw() {
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
  const std::uint64_t done = done_.load(std::memory_order_relaxed);
  const std::uint64_t total = total_.load(std::memory_order_relaxed);
  if (style_ == ProgressStyle::bar) {
    draw_bar(done, total, elapsed.count());
  } else {
    print_line_if_another_tenth(done, total, elapsed.count());
  }
}

void ProgressBar::draw_bar(std::uint64_t done, std::uint64_t total, double elapsed_seconds) {
  const std::string line = format_progress(done, total, elapsed_seconds, already_done_, unit_);
  // A shorter line than the last (the rate lost a digit) must not leave the old tail behind.
  const std::size_t pad = drawn_width_ > line.size() ? drawn_width_ - line.size() : 0;
  *out_ << '\r' << line << std::string(pad, ' ') << std::flush;
  drawn_width_ = std::max(drawn_width_, line.size());
}

// The first line says where the run starts; after it, one line per tenth (measured against the
// total as it is now, since --reps auto can raise it), so a log gets about ten lines in all.
void ProgressBar::print_line_if_another_tenth(std::uint64_t done, std::uint64_t total,
                                              double elapsed_seconds) {
  if (printed_done_ && tenths_done(done, total) <= tenths_done(*printed_done_, total)) return;
  *out_ << format_progress_line(done, total, elapsed_seconds, already_done_, unit_) << '\n'
        << std::flush;
  printed_done_ = done;
}

}  // namespace omnisim
