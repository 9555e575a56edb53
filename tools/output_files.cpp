// Atomic file writing with POSIX calls, since fsync needs a file descriptor std::ofstream hides.
#include "tools/output_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <streambuf>
#include <system_error>

#include "tools/errors.hpp"

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

// A buffered stream onto a file descriptor that remembers the first write error.
class DescriptorBuffer final : public std::streambuf {
 public:
  explicit DescriptorBuffer(int fd) : fd_(fd), buffer_(std::size_t{1} << 16) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  int error() const { return error_; }

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
    if (error_ == 0) error_ = write_all(fd_, pbase(), static_cast<std::size_t>(pptr() - pbase()));
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0;
  }

  int fd_;
  int error_ = 0;
  std::vector<char> buffer_;
};

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

}  // namespace

void write_file_atomically(const fs::path& file, const FileWriter& write) {
  TemporaryFile temporary(file);
  {
    DescriptorBuffer buffer(temporary.fd());
    std::ostream stream(&buffer);
    write(stream);
    stream.flush();
    if (buffer.error() != 0) throw io_error("write", file, buffer.error());
    if (!stream) throw OutputError("cannot write '" + file.string() + "'");
  }
  if (::fsync(temporary.fd()) != 0) throw io_error("sync", file, errno);
  if (const int error = temporary.close(); error != 0) throw io_error("write", file, error);
  if (::rename(temporary.path().c_str(), file.c_str()) != 0) {
    throw io_error("replace", file, errno);
  }
  temporary.release();
  sync_directory(file.parent_path().empty() ? fs::path(".") : file.parent_path());
}

void check_output_directory(const fs::path& directory, bool force) {
  std::error_code error;
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

void write_output_directory(const fs::path& directory, bool force,
                            const std::vector<OutputFile>& files) {
  check_output_directory(directory, force);
  std::error_code error;
  const bool created = fs::create_directories(directory, error);
  if (error) {
    throw OutputError("cannot create directory '" + directory.string() + "': " + error.message());
  }
  try {
    for (const auto& file : files)
      write_file_atomically(directory / file.name, file.write);
  } catch (...) {
    // Only a directory made here is removed: it holds nothing but this run's files.
    if (created) fs::remove_all(directory, error);
    throw;
  }
}

}  // namespace omnisim
