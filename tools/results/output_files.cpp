// Atomic files and output sets with POSIX calls: fsync and flock need file descriptors, which
// std::ofstream hides, and the swap needs renameat2.
#include "tools/results/output_files.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>
#include <streambuf>
#include <system_error>

#include "tools/results/errors.hpp"
#include "tools/results/sha256.hpp"

namespace omnisim {
namespace fs = std::filesystem;

namespace {

std::string describe_errno(int error) {
  return std::error_code(error, std::generic_category()).message();
}

OutputError io_error(const std::string& action, const fs::path& path, int error) {
  return OutputError("cannot " + action + " '" + path.string() + "': " + describe_errno(error));
}

// Writes all of `size` bytes, retrying short writes and interrupted calls; 0 or the errno.
int write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t written = ::write(fd, data, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    data += written;
    size -= static_cast<std::size_t>(written);
  }
  return 0;
}

// The signal held back while an output set is being written, 0 if none (see HeldSignals).
std::atomic<int> held_signal{0};

// Thrown into a writer when SIGINT or SIGTERM arrives while an output set is written.
struct WriteInterrupted : std::runtime_error {
  WriteInterrupted() : std::runtime_error("interrupted while writing the output") {}
};

// A buffered stream onto a file descriptor that remembers the first write error, and counts and
// hashes what it wrote.
class DescriptorBuffer final : public std::streambuf {
 public:
  explicit DescriptorBuffer(int fd) : fd_(fd), buffer_(std::size_t{1} << 16) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  int error() const { return error_; }
  std::uint64_t bytes() const { return bytes_; }
  std::string sha256() { return hash_.hex_digest(); }

 protected:
  int_type overflow(int_type ch) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    if (held_signal.load() != 0) throw WriteInterrupted();
    const auto size = static_cast<std::size_t>(pptr() - pbase());
    if (error_ == 0) error_ = write_all(fd_, pbase(), size);
    hash_.update(std::string_view(pbase(), size));
    bytes_ += size;
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0;
  }

  int fd_;
  int error_ = 0;
  std::vector<char> buffer_;
  Sha256 hash_;
  std::uint64_t bytes_ = 0;
};

// What was written to a file, as the listing records it.
struct WrittenFile {
  std::uint64_t bytes = 0;
  std::string sha256;
};

// Streams `write` into the open file `fd` (named `file` in errors), then syncs it to disk.
WrittenFile write_and_sync(int fd, const fs::path& file, const FileWriter& write) {
  DescriptorBuffer buffer(fd);
  std::ostream stream(&buffer);
  // So that WriteInterrupted, thrown in the buffer, leaves `write` instead of being swallowed.
  stream.exceptions(std::ios::badbit);
  try {
    write(stream);
    stream.flush();
  } catch (const std::ios::failure&) {
    // A stream reports an exception from its buffer as badbit; the buffer knows the cause.
    if (buffer.error() == 0) throw;
  }
  if (buffer.error() != 0) throw io_error("write", file, buffer.error());
  if (!stream) throw OutputError("cannot write '" + file.string() + "'");
  if (::fsync(fd) != 0) throw io_error("sync", file, errno);
  return {buffer.bytes(), buffer.sha256()};
}

// A uniquely named, exclusively created temporary beside the target; unlinked unless released.
class TemporaryFile {
 public:
  explicit TemporaryFile(const fs::path& target) {
    static std::atomic<unsigned> counter{0};
    // Hidden, and named after the target and this process, so a leftover (after a crash) says
    // where it came from; O_EXCL means two writers never share a temporary.
    for (int attempt = 0; attempt < 100; ++attempt) {
      std::string name(".");
      name.append(target.filename().string())
          .append(".tmp-")
          .append(std::to_string(::getpid()))
          .append("-")
          .append(std::to_string(counter++));
      path_ = target;
      path_.replace_filename(name);
      fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd_ >= 0) return;
      if (errno != EEXIST) break;
    }
    throw io_error("create a temporary file for", target, errno);
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!released_) ::unlink(path_.c_str());
  }

  int fd() const { return fd_; }
  const fs::path& path() const { return path_; }
  // Closes the descriptor, reporting the error a delayed write may surface only here.
  int close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result == 0 ? 0 : errno;
  }
  void release() { released_ = true; }

 private:
  fs::path path_;
  int fd_ = -1;
  bool released_ = false;
};

// Makes a rename in `directory` durable; without it a crash could lose the new name.
void sync_directory(const fs::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw io_error("open directory", directory, errno);
  const int result = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (result != 0) throw io_error("sync directory", directory, error);
}

std::string describe(const fs::path& path) {
  return "'" + path.string() + "'";
}

std::string random_hex(std::size_t digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::random_device device;
  std::string hex;
  while (hex.size() < digits) {
    const std::uint32_t word = device();
    for (int shift = 28; shift >= 0 && hex.size() < digits; shift -= 4)
      hex += kHex[(word >> shift) & 0xf];
  }
  return hex;
}

// While alive, SIGINT and SIGTERM that would kill the process (default action) are held back,
// so that a set being written can be removed first; on destruction the held one is delivered.
// Handlers installed by others (a sweep's InterruptGuard) are left alone.
class HeldSignals {
 public:
  HeldSignals() {
    for (std::size_t i = 0; i < kSignals.size(); ++i) {
      struct sigaction current {};
      ::sigaction(kSignals[i], nullptr, &current);
      if (current.sa_handler != SIG_DFL) continue;
      struct sigaction hold {};
      hold.sa_handler = [](int signal) { held_signal.store(signal); };
      sigemptyset(&hold.sa_mask);
      ::sigaction(kSignals[i], &hold, &previous_[i]);
      installed_[i] = true;
    }
  }
  HeldSignals(const HeldSignals&) = delete;
  HeldSignals& operator=(const HeldSignals&) = delete;
  ~HeldSignals() {
    for (std::size_t i = 0; i < kSignals.size(); ++i) {
      if (installed_[i]) ::sigaction(kSignals[i], &previous_[i], nullptr);
    }
    if (const int signal = held_signal.exchange(0); signal != 0) ::raise(signal);
  }

 private:
  static constexpr std::array<int, 2> kSignals = {SIGINT, SIGTERM};
  std::array<struct sigaction, 2> previous_{};
  std::array<bool, 2> installed_{};
};

// An exclusive flock(2) on `file`, created if missing and removed on release. Refuses (false)
// rather than waits when another process holds it.
class FileLock {
 public:
  explicit FileLock(fs::path file) : file_(std::move(file)) {}
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock() {
    if (fd_ < 0) return;
    // Unlinked while still held: whoever opened the old file sees it is gone and retries.
    ::unlink(file_.c_str());
    ::close(fd_);
  }

  bool acquire() {
    while (true) {
      const int fd = ::open(file_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
      if (fd < 0) throw io_error("create the lock file", file_, errno);
      if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK) return false;
        throw io_error("lock", file_, error);
      }
      // The holder before us may have unlinked the file between our open and flock.
      struct stat held {};
      struct stat named {};
      if (::fstat(fd, &held) == 0 && ::stat(file_.c_str(), &named) == 0 &&
          held.st_ino == named.st_ino && held.st_dev == named.st_dev) {
        fd_ = fd;
        return true;
      }
      ::close(fd);
    }
  }

 private:
  fs::path file_;
  int fd_ = -1;
};

// The directory a path names, absolute and without a trailing separator; a symbolic link is
// followed, so that the set replaces the directory it points to and the link stays.
fs::path resolved_directory(const fs::path& directory) {
  fs::path path = fs::weakly_canonical(fs::absolute(directory));
  if (path.filename().empty()) path = path.parent_path();
  return path;
}

// The parents of `directory` that do not exist yet, nearest first.
std::vector<fs::path> missing_parents(const fs::path& directory) {
  std::vector<fs::path> missing;
  std::error_code error;
  for (fs::path parent = directory.parent_path();
       !parent.empty() && !fs::exists(parent, error) && parent != parent.parent_path();
       parent = parent.parent_path())
    missing.push_back(parent);
  return missing;
}

// Swaps `staging` in for `target` (an existing directory), leaving the old one at `staging`.
// False when the filesystem cannot exchange names.
bool exchange_directories(const fs::path& staging, const fs::path& target) {
  if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0)
    return true;
  if (errno == EINVAL || errno == ENOSYS || errno == ENOTSUP) return false;
  throw io_error("replace", target, errno);
}

}  // namespace

void write_file_atomically(const fs::path& file, const FileWriter& write) {
  TemporaryFile temporary(file);
  write_and_sync(temporary.fd(), file, write);
  if (const int error = temporary.close(); error != 0) throw io_error("write", file, error);
  if (::rename(temporary.path().c_str(), file.c_str()) != 0) {
    throw io_error("replace", file, errno);
  }
  temporary.release();
  sync_directory(file.parent_path().empty() ? fs::path(".") : file.parent_path());
}

void check_output_directory(const fs::path& directory, bool force) {
  if (directory.empty()) throw UsageError("the output directory (--out) is an empty path");
  std::error_code error;
  if (fs::is_symlink(fs::symlink_status(directory, error)) && !fs::exists(directory, error)) {
    throw UsageError("output path '" + directory.string() + "' is a symbolic link to '" +
                     fs::read_symlink(directory, error).string() + "', which does not exist");
  }
  const fs::file_status status = fs::status(directory, error);
  if (!fs::exists(status)) return;
  if (!fs::is_directory(status)) {
    throw UsageError("output path '" + directory.string() + "' exists and is not a directory");
  }
  if (!force && !fs::is_empty(directory)) {
    throw UsageError("output directory '" + directory.string() +
                     "' is not empty; choose another --out or pass --force to overwrite it");
  }
}

void check_output_writable(const fs::path& directory) {
  const fs::path target = resolved_directory(directory);
  std::error_code error;
  // The set is made beside the directory and renamed into place: its parent must be writable.
  fs::path existing = target.parent_path();
  while (!fs::exists(existing, error) && existing != existing.parent_path())
    existing = existing.parent_path();
  if (!fs::is_directory(existing, error)) {
    throw UsageError("cannot create output directory '" + directory.string() + "': '" +
                     existing.string() + "' is not a directory");
  }
  const fs::path probe =
      existing / (".omnisim-probe-" + std::to_string(::getpid()) + "-" + random_hex(16));
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    throw UsageError("cannot write output directory '" + directory.string() +
                     "': creating a file in '" + existing.string() +
                     "' failed: " + describe_errno(errno));
  }
  ::close(fd);
  ::unlink(probe.c_str());
}

namespace {

// Refuses to replace a directory that holds anything an earlier set did not (the user's own
// files, a sweep's study, a subdirectory): the swap would remove it.
void check_only_output_files(const fs::path& directory, std::vector<std::string> names) {
  names.push_back(kOutputSetListing);
  names.push_back("report.html");
  std::vector<std::string> foreign;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(directory, error)) {
    const std::string name = entry.path().filename().string();
    const bool ours = std::find(names.begin(), names.end(), name) != names.end();
    // An older omnisim's temporary: .summary.json.tmp-<pid>-<n>
    const bool old_temporary = name.starts_with(".") && name.find(".tmp-") != std::string::npos;
    if (!(ours && entry.is_regular_file(error)) && !old_temporary) foreign.push_back(name);
  }
  if (foreign.empty()) return;
  std::sort(foreign.begin(), foreign.end());
  std::string shown;
  for (std::size_t i = 0; i < foreign.size() && i < 3; ++i)
    shown += (i > 0 ? ", " : "") + foreign[i];
  if (foreign.size() > 3) shown += " and " + std::to_string(foreign.size() - 3) + " more";
  throw UsageError("output directory " + describe(directory) +
                   " holds files omnisim did not write there (" + shown +
                   "); --force replaces an earlier run's output only: move them, or choose "
                   "another --out");
}

}  // namespace

struct OutputSet::State {
  fs::path given;      // as the command line named it, for messages
  fs::path directory;  // resolved
  std::string run_id;
  std::vector<fs::path> made_parents;  // nearest first
  std::unique_ptr<FileLock> lock;
  std::unique_ptr<HeldSignals> held_signals;  // from the first file until the set is in place
  fs::path staging;
  nlohmann::ordered_json listing = nlohmann::ordered_json::array();
  bool sealed = false;
  bool committed = false;

  // PARENT/.NAME.omnisim-KIND
  fs::path sibling(const std::string& kind) const {
    return directory.parent_path() / (prefix() + kind);
  }
  std::string prefix() const {
    std::string name(".");
    return name.append(directory.filename().string()).append(".omnisim-");
  }

  // Leftovers of runs into this directory that died: nobody else can hold the lock meanwhile.
  void remove_stale_temporaries() const {
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(directory.parent_path(), error)) {
      const std::string name = entry.path().filename().string();
      if (name.starts_with(prefix() + "tmp-") || name.starts_with(prefix() + "old-"))
        fs::remove_all(entry.path(), error);
    }
  }

  void remove_staging() {
    std::error_code error;
    if (!staging.empty()) fs::remove_all(staging, error);
    staging.clear();
  }
};

OutputSet::OutputSet(const fs::path& directory, bool force, const std::vector<std::string>& names)
    : state_(std::make_unique<State>()) {
  check_output_directory(directory, force);
  check_only_output_files(directory, names);
  check_output_writable(directory);
  State& s = *state_;
  s.given = directory;
  s.directory = resolved_directory(directory);
  s.run_id = random_hex(32);
  s.made_parents = missing_parents(s.directory);
  std::error_code error;
  fs::create_directories(s.directory.parent_path(), error);
  if (error) {
    throw UsageError("cannot create the parent of output directory " + describe(directory) + ": " +
                     error.message());
  }
  s.lock = std::make_unique<FileLock>(s.sibling("lock"));
  if (!s.lock->acquire()) {
    s.lock.reset();
    throw UsageError("another omnisim is writing to " + describe(directory) + " (it holds " +
                     describe(s.sibling("lock")) +
                     "); wait for it to finish, or choose another --out");
  }
  s.remove_stale_temporaries();
}

OutputSet::~OutputSet() {
  State& s = *state_;
  if (s.committed) return;
  s.remove_staging();
  s.lock.reset();
  std::error_code error;
  for (const fs::path& parent : s.made_parents)
    fs::remove(parent, error);  // only if still empty
  s.held_signals.reset();       // last: a held signal kills the process once all is tidy
}

const std::string& OutputSet::run_id() const {
  return state_->run_id;
}
const fs::path& OutputSet::staging() const {
  return state_->staging;
}

void OutputSet::add(const std::string& name, const FileWriter& write) {
  State& s = *state_;
  if (s.sealed) throw std::logic_error("OutputSet::add after seal");
  if (s.staging.empty()) {
    s.held_signals = std::make_unique<HeldSignals>();
    const fs::path staging = s.sibling("tmp-" + std::to_string(::getpid()) + "-" + random_hex(16));
    if (::mkdir(staging.c_str(), 0777) != 0) throw io_error("create directory", staging, errno);
    s.staging = staging;
  }
  const fs::path file = s.staging / name;
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) throw io_error("create", s.given / name, errno);
  WrittenFile written;
  try {
    written = write_and_sync(fd, s.given / name, write);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) throw io_error("write", s.given / name, errno);
  s.listing.push_back({{"name", name}, {"bytes", written.bytes}, {"sha256", written.sha256}});
}

void OutputSet::seal() {
  State& s = *state_;
  if (s.sealed) return;
  const nlohmann::ordered_json listing = {
      {"format", "omnisim-output-set"}, {"version", 1}, {"run_id", s.run_id}, {"files", s.listing}};
  add(kOutputSetListing, [&](std::ostream& out) { out << listing.dump(2) << '\n'; });
  s.sealed = true;
}

void OutputSet::commit(const std::function<void()>& committed) {
  State& s = *state_;
  seal();
  sync_directory(s.staging);
  std::error_code error;
  if (!fs::exists(fs::symlink_status(s.directory, error))) {
    if (::rename(s.staging.c_str(), s.directory.c_str()) != 0)
      throw io_error("create", s.given, errno);
  } else if (!exchange_directories(s.staging, s.directory)) {
    const fs::path aside = s.sibling("old-" + std::to_string(::getpid()) + "-" + random_hex(16));
    if (::rename(s.directory.c_str(), aside.c_str()) != 0)
      throw io_error("replace", s.given, errno);
    if (::rename(s.staging.c_str(), s.directory.c_str()) != 0) {
      const int rename_error = errno;
      ::rename(aside.c_str(), s.directory.c_str());
      throw io_error("replace", s.given, rename_error);
    }
    s.staging = aside;
  }
  // `staging` now names the old directory, if there was one.
  if (fs::exists(s.staging, error)) {
    s.remove_staging();
  } else {
    s.staging.clear();
  }
  s.committed = true;
  sync_directory(s.directory.parent_path());
  if (committed) committed();
  s.lock.reset();
  s.held_signals.reset();
}

void write_output_directory(const fs::path& directory, bool force,
                            const std::vector<OutputFile>& files) {
  std::vector<std::string> names;
  for (const auto& file : files)
    names.push_back(file.name);
  OutputSet set(directory, force, names);
  for (const auto& file : files)
    set.add(file.name, file.write);
  set.commit();
}

namespace {

std::string sha256_of(const fs::path& file, std::uint64_t& bytes) {
  std::ifstream in(file, std::ios::binary);
  Sha256 hash;
  std::vector<char> buffer(std::size_t{1} << 16);
  bytes = 0;
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    hash.update(std::string_view(buffer.data(), got));
    bytes += got;
  }
  return hash.hex_digest();
}

std::string join(const std::vector<std::string>& parts) {
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) text += i + 1 == parts.size() ? " and " : ", ";
    text += parts[i];
  }
  return text;
}

}  // namespace

std::string verify_output_set(const fs::path& directory, const std::vector<std::string>& required) {
  const fs::path listing_file = directory / kOutputSetListing;
  std::ifstream in(listing_file, std::ios::binary);
  if (!in) {
    throw UsageError(describe(directory) + " has no " + kOutputSetListing +
                     ", so nothing shows that its files come from one run (it was written by "
                     "hand, by an older omnisim, or by a run that did not finish): run the "
                     "scenario again");
  }
  std::string run_id;
  std::vector<std::string> listed;
  std::vector<std::string> missing;
  std::vector<std::string> changed;
  try {
    const nlohmann::json listing = nlohmann::json::parse(in);
    if (listing.at("format").get<std::string>() != "omnisim-output-set" ||
        listing.at("version").get<int>() != 1)
      throw UsageError(describe(listing_file) +
                       " is not an omnisim output set listing (version 1)");
    run_id = listing.at("run_id").get<std::string>();
    for (const auto& file : listing.at("files")) {
      const auto name = file.at("name").get<std::string>();
      listed.push_back(name);
      std::error_code error;
      if (name.find('/') != std::string::npos || !fs::is_regular_file(directory / name, error)) {
        missing.push_back(name);
        continue;
      }
      std::uint64_t bytes = 0;
      const std::string sha256 = sha256_of(directory / name, bytes);
      if (bytes != file.at("bytes").get<std::uint64_t>() ||
          sha256 != file.at("sha256").get<std::string>())
        changed.push_back(name);
    }
  } catch (const nlohmann::json::exception& e) {
    throw UsageError(describe(listing_file) + " is not a valid output set listing: " + e.what());
  }
  std::vector<std::string> unlisted;
  for (const std::string& name : required) {
    if (std::find(listed.begin(), listed.end(), name) == listed.end()) unlisted.push_back(name);
  }
  std::vector<std::string> problems;
  if (!changed.empty()) {
    problems.push_back(join(changed) + (changed.size() == 1 ? " differs" : " differ") +
                       " from what run " + run_id + " wrote");
  }
  if (!missing.empty())
    problems.push_back(join(missing) + (missing.size() == 1 ? " is" : " are") + " missing");
  if (!unlisted.empty()) {
    problems.push_back(join(unlisted) + (unlisted.size() == 1 ? " is" : " are") +
                       " not listed in " + kOutputSetListing);
  }
  if (!problems.empty()) {
    std::string text;
    for (const std::string& problem : problems)
      text += (text.empty() ? "" : "; ") + problem;
    throw UsageError(describe(directory) + " does not hold the files of one run: " + text + " (" +
                     kOutputSetListing +
                     " records what the run wrote); run the scenario again with --force");
  }
  return run_id;
}

}  // namespace omnisim
