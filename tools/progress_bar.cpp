// The progress bar: a drawing thread that sleeps between redraws, so replications never wait on
// the terminal.
#include "tools/progress_bar.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

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

}  // namespace

std::string format_progress(std::uint64_t done, std::uint64_t total, double elapsed_seconds) {
  const std::size_t filled =
      total == 0 ? kBarCells : static_cast<std::size_t>(std::min(done, total) * kBarCells / total);
  std::string line(1, '[');
  line.append(filled, '#').append(kBarCells - filled, '.').append("] ");
  line.append(std::to_string(done)).append("/").append(std::to_string(total));
  line.append(" replications, ");
  if (done == 0 || !(elapsed_seconds > 0)) return line.append("-/s, ETA -:--");
  const double rate = static_cast<double>(done) / elapsed_seconds;
  const double left = static_cast<double>(total > done ? total - done : 0) / rate;
  return line.append(one_decimal(rate)).append("/s, ETA ").append(clock_time(left));
}

ProgressBar::ProgressBar(std::ostream* out, std::uint64_t total)
    : out_(out), total_(total), start_(std::chrono::steady_clock::now()) {
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
  *out_ << '\r' << std::string(drawn_width_, ' ') << '\r' << std::flush;
}

void ProgressBar::draw_until_finished() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, kRedrawEvery, [this] { return finished_; }))
    draw();
}

void ProgressBar::draw() {
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
  const std::string line =
      format_progress(done_.load(std::memory_order_relaxed), total_, elapsed.count());
  // A shorter line than the last (the rate lost a digit) must not leave the old tail behind.
  const std::size_t pad = drawn_width_ > line.size() ? drawn_width_ - line.size() : 0;
  *out_ << '\r' << line << std::string(pad, ' ') << std::flush;
  drawn_width_ = std::max(drawn_width_, line.size());
}

}  // namespace omnisim
