// The journal with POSIX calls: an O_APPEND descriptor and one write(2) a line, since a stream's
// buffer would hold finished records back from the file.
#include "tools/experiment/sweep_journal.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <string_view>
#include <system_error>
#include <tuple>

#include "tools/results/arms.hpp"
#include "tools/results/csv.hpp"
#include "tools/results/errors.hpp"

namespace omnisim {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kKeyFields = 3;  // point, replication, arm

OutputError io_error(const std::string& action, const fs::path& file, int error) {
  return OutputError("cannot " + action + " journal '" + file.string() +
                     "': " + std::error_code(error, std::generic_category()).message());
}

// The length of `fd`'s content up to and including its last line break (0 when it has none).
off_t end_of_last_line(int fd, off_t size) {
  std::array<char, 4096> chunk{};
  off_t end = size;
  while (end > 0) {
    const off_t start = std::max<off_t>(0, end - static_cast<off_t>(chunk.size()));
    const auto length = static_cast<std::size_t>(end - start);
    const ssize_t got = ::pread(fd, chunk.data(), length, start);
    if (got < 0 && errno == EINTR) continue;
    if (got != static_cast<ssize_t>(length)) {
      if (got >= 0) errno = EIO;  // the file shrank under us
      return -1;
    }
    const auto* last = std::find(std::make_reverse_iterator(chunk.data() + length),
                                 std::make_reverse_iterator(chunk.data()), '\n')
                           .base();
    if (last != chunk.data()) return start + (last - chunk.data());
    end = start;
  }
  return 0;
}

OutputError lock_error(const std::string& action, const fs::path& file, int error) {
  return OutputError("cannot " + action + " the lock file '" + file.string() +
                     "': " + std::error_code(error, std::generic_category()).message());
}

// Whether `fd` is still the file at `file`: the holder that removed the file before we locked it
// leaves us locking a file nobody else will open.
bool still_linked(int fd, const fs::path& file) {
  struct stat opened {};
  struct stat linked {};
  return ::fstat(fd, &opened) == 0 && ::stat(file.c_str(), &linked) == 0 &&
         opened.st_dev == linked.st_dev && opened.st_ino == linked.st_ino;
}

std::optional<std::uint64_t> parse_unsigned(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return {};
  return value;
}

// The pid the holder wrote, for the message: "" when it has not written it yet, or when the
// holders are merges (a shared lock writes no pid) and the pid is of a process long gone.
std::string holder_pid(const fs::path& file) {
  std::ifstream in(file);
  std::string text;
  in >> text;
  const auto pid = parse_unsigned(text);
  if (!pid || *pid == 0 || *pid > std::numeric_limits<pid_t>::max()) return "";
  const bool alive = ::kill(static_cast<pid_t>(*pid), 0) == 0 || errno == EPERM;
  return alive ? text : "";
}

// Empty is undefined (NaN); anything else must be a finite number and nothing more, as
// append_number writes it.
std::optional<double> parse_metric(std::string_view text) {
  if (text.empty()) return std::numeric_limits<double>::quiet_NaN();
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return {};
  return value;
}

std::optional<retail::Arm> parse_arm(std::string_view text) {
  for (const auto arm : {retail::Arm::status_quo, retail::Arm::control_tower})
    if (text == arm_key(arm)) return arm;
  return {};
}

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (std::size_t comma = line.find(','); comma != std::string_view::npos;
       comma = line.find(',', start)) {
    fields.push_back(line.substr(start, comma - start));
    start = comma + 1;
  }
  fields.push_back(line.substr(start));
  return fields;
}

// One complete line; `where` ("file:line") starts every error.
TaskRecord parse_line(std::string_view line, std::size_t metric_count, const std::string& where) {
  const auto fields = split_fields(line);
  if (fields.size() != kKeyFields + metric_count) {
    throw UsageError(where + ": expected " + std::to_string(kKeyFields + metric_count) +
                     " fields (point, replication, arm and " + std::to_string(metric_count) +
                     " metrics), found " + std::to_string(fields.size()));
  }
  const auto point = parse_unsigned(fields[0]);
  if (!point) {
    throw UsageError(where + ": the point '" + std::string(fields[0]) + "' is not a whole number");
  }
  const auto replication = parse_unsigned(fields[1]);
  if (!replication) {
    throw UsageError(where + ": the replication '" + std::string(fields[1]) +
                     "' is not a whole number");
  }
  const auto arm = parse_arm(fields[2]);
  if (!arm) {
    throw UsageError(where + ": unknown arm '" + std::string(fields[2]) + "' (expected " +
                     std::string(arm_key(retail::Arm::status_quo)) + " or " +
                     std::string(arm_key(retail::Arm::control_tower)) + ")");
  }
  TaskRecord record{*point, *replication, *arm, {}};
  record.metrics.reserve(metric_count);
  for (std::size_t m = 0; m < metric_count; ++m) {
    const std::string_view text = fields[kKeyFields + m];
    const auto value = parse_metric(text);
    if (!value) {
      throw UsageError(where + ": metric " + std::to_string(m + 1) + " '" + std::string(text) +
                       "' is not a finite number");
    }
    record.metrics.push_back(*value);
  }
  return record;
}

}  // namespace

bool TaskRecord::operator==(const TaskRecord& other) const {
  const auto same = [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); };
  return point == other.point && replication == other.replication && arm == other.arm &&
         std::equal(metrics.begin(), metrics.end(), other.metrics.begin(), other.metrics.end(),
                    same);
}

std::string journal_line(const TaskRecord& record) {
  std::string line;
  csv::append_unsigned(line, record.point);
  line.push_back(',');
  csv::append_unsigned(line, record.replication);
  line.push_back(',');
  line.append(arm_key(record.arm));
  for (const double value : record.metrics) {
    line.push_back(',');
    csv::append_number(line, value);
  }
  line.push_back('\n');
  return line;
}

JournalWriter::JournalWriter(const fs::path& file) : file_(file) {
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) throw io_error("open", file, errno);
  struct stat status {};
  const off_t keep = ::fstat(fd_, &status) == 0 ? end_of_last_line(fd_, status.st_size) : -1;
  if (keep < 0) {
    const int error = errno;
    ::close(fd_);
    throw io_error("read", file, error);
  }
  if (keep < status.st_size && ::ftruncate(fd_, keep) != 0) {
    const int error = errno;
    ::close(fd_);
    throw io_error("cut the unfinished last line of", file, error);
  }
}

JournalWriter::~JournalWriter() {
  ::close(fd_);
}

void JournalWriter::append(const TaskRecord& record) {
  const std::string line = journal_line(record);
  const std::lock_guard lock(mutex_);
  const char* data = line.data();
  std::size_t left = line.size();
  while (left > 0) {
    const ssize_t written = ::write(fd_, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      throw io_error("append to", file_, errno);
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
}

StudyLock::StudyLock(const fs::path& directory, Mode mode) : file_(directory / kStudyLockFile) {
  while (true) {
    fd_ = ::open(file_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0 && mode == Mode::shared && (errno == EACCES || errno == EROFS)) {
      fd_ = ::open(file_.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd_ < 0 && errno == ENOENT)
        return;  // no lock file, and none can be made: nobody works here
    }
    if (fd_ < 0) throw lock_error("create", file_, errno);
    if (::flock(fd_, (mode == Mode::shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0) {
      const int error = errno;
      ::close(fd_);
      fd_ = -1;
      if (error != EWOULDBLOCK) throw lock_error("lock", file_, error);
      const std::string pid = holder_pid(file_);
      throw UsageError("another omnisim is working on '" + directory.string() + "'" +
                       (pid.empty() ? "" : " (pid " + pid + ")") +
                       ": wait for it to finish, or stop it");
    }
    if (still_linked(fd_, file_)) break;
    ::close(fd_);  // removed by its last holder as we locked it: lock the next one
  }
  if (mode == Mode::exclusive) {
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
      const int error = errno;
      ::close(fd_);
      throw lock_error("write", file_, error);
    }
  }
}

StudyLock::~StudyLock() {
  if (fd_ < 0) return;
  // Only a sole holder may remove the file: anyone who opens it afterwards sees it is gone.
  if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) ::unlink(file_.c_str());
  ::close(fd_);
}

Journal read_journal(const fs::path& file, std::size_t metric_count) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    if (!fs::exists(file)) return {};
    throw UsageError("cannot read the journal '" + file.string() + "'");
  }
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw UsageError("cannot read the journal '" + file.string() + "'");

  Journal journal;
  // Where each (point, replication, arm) was first seen, to name both lines of a repeat.
  std::map<std::tuple<std::uint64_t, std::uint64_t, retail::Arm>, std::size_t> seen;
  std::size_t start = 0;
  for (std::size_t number = 1; start < text.size(); ++number) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      journal.torn_tail = true;
      break;
    }
    const std::string where = file.string() + ":" + std::to_string(number);
    TaskRecord record =
        parse_line(std::string_view(text).substr(start, end - start), metric_count, where);
    const auto [first, inserted] =
        seen.try_emplace({record.point, record.replication, record.arm}, number);
    if (!inserted) {
      throw UsageError(where + ": point " + std::to_string(record.point) + ", replication " +
                       std::to_string(record.replication) + ", " +
                       std::string(arm_key(record.arm)) + " again (first on line " +
                       std::to_string(first->second) + ")");
    }
    journal.records.push_back(std::move(record));
    start = end + 1;
  }
  return journal;
}

}  // namespace omnisim
