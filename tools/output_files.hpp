// Writing results so that a reader never sees a partial file and a failed run leaves nothing.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace omnisim {

// Fills a file's content.
using FileWriter = std::function<void(std::ostream&)>;

// Writes `file` by calling `write` on a temporary file in the same directory, which is then
// flushed to disk and renamed over `file`. If anything fails (including `write` throwing), the
// temporary is removed, an existing `file` keeps its old content, and the error propagates (as
// OutputError for I/O failures).
void write_file_atomically(const std::filesystem::path& file, const FileWriter& write);

// Throws UsageError if `directory` cannot receive a run's output: it is not a directory, or it
// is a non-empty directory and `force` is false. A missing directory is fine.
void check_output_directory(const std::filesystem::path& directory, bool force);

struct OutputFile {
  std::string name;
  FileWriter write;
};

// Checks `directory` as above, creates it (with its parents) and writes every file atomically.
// If a write fails and the directory was created here, the directory is removed again.
void write_output_directory(const std::filesystem::path& directory, bool force,
                            const std::vector<OutputFile>& files);

}  // namespace omnisim
