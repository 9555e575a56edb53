// Writing results so that a reader never sees a partial file, a run's files appear as one set or
// not at all, and a failed run leaves the previous result as it was.
//
// How an output set is staged (OutputSet below), for DIR = PARENT/NAME:
//  1. While planning, before any replication: the lock PARENT/.NAME.omnisim-lock is created and
//     held with flock(2) for the rest of the run (a second run into DIR is refused), which also
//     proves PARENT writable; missing parents are made (and removed again if the run fails).
//     Temporaries of NAME left by a run that died (SIGKILL, power loss) are removed: under the
//     lock no live run can own one.
//  2. The files go into PARENT/.NAME.omnisim-tmp-<pid>-<random>, each synced, then
//     files.json listing every file with its size and SHA-256 and the run's id (summary.json
//     carries the same id), then anything made from them (report.html, not listed).
//  3. The staging directory takes DIR's place in one rename: renameat2(RENAME_EXCHANGE) with the
//     old DIR (then removed), or on a filesystem without it, old DIR renamed aside first.
//     Until this step DIR is untouched; after it DIR holds only the new set.
//  SIGINT and SIGTERM during steps 2-3 are held back until the staging directory is gone, then
//  delivered as usual (the run still dies of them). A SIGKILL leaves a temporary beside DIR,
//  removed by the next run into DIR; DIR itself holds the old set or the new one.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace omnisim {

// Fills a file's content.
using FileWriter = std::function<void(std::ostream&)>;

// The listing of an output set, beside its files.
inline constexpr const char* kOutputSetListing = "files.json";

// Writes `file` by calling `write` on a temporary file in the same directory, which is then
// flushed to disk and renamed over `file`. If anything fails (including `write` throwing), the
// temporary is removed, an existing `file` keeps its old content, and the error propagates (as
// OutputError for I/O failures).
void write_file_atomically(const std::filesystem::path& file, const FileWriter& write);

// Throws UsageError if `directory` cannot receive a run's output: an empty path, a symbolic link
// to nothing, not a directory, or a non-empty directory while `force` is false. A missing
// directory is fine.
void check_output_directory(const std::filesystem::path& directory, bool force);

// Throws UsageError unless a file can be created where `directory` is or will be (in it, or in
// its nearest existing ancestor): a read-only or full location is found before any work.
void check_output_writable(const std::filesystem::path& directory);

// One run's files for one output directory (see the top of this file).
class OutputSet {
 public:
  // Checks `directory` (check_output_directory), takes its lock and removes stale temporaries.
  // Throws UsageError when another run holds the lock or the location cannot be written, or when
  // `force` would replace a directory holding anything but an earlier set of `names` (and its
  // listing and report.html): files of the user's own are never removed.
  OutputSet(const std::filesystem::path& directory, bool force,
            const std::vector<std::string>& names);
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;
  // Unless committed: removes the staging directory (and parents made here), so `directory`
  // stays as it was. Releases the lock.
  ~OutputSet();

  // 32 hex digits, new for every set.
  const std::string& run_id() const;

  // Writes file `name` of the set into the staging directory (created on the first call).
  void add(const std::string& name, const FileWriter& write);
  // Writes the listing; afterwards staging() holds a complete set that readers accept, and
  // files made from it may be added there (they are not listed).
  void seal();
  const std::filesystem::path& staging() const;
  // Seals if not yet done, then puts the set in place of `directory`, replacing what was there.
  // `committed` runs once the set is in place but before a SIGINT or SIGTERM held back during the
  // write is delivered: what the caller must tidy up once the set exists (a run's journal).
  void commit(const std::function<void()>& committed = {});

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Writes `files` as one output set into `directory` (OutputSet above).
struct OutputFile {
  std::string name;
  FileWriter write;
};
void write_output_directory(const std::filesystem::path& directory, bool force,
                            const std::vector<OutputFile>& files);

// Throws UsageError naming the files unless `directory` holds one output set: a listing whose
// every file is present with the size and SHA-256 recorded, `required` all among them. Returns
// the set's run id.
std::string verify_output_set(const std::filesystem::path& directory,
                              const std::vector<std::string>& required);

}  // namespace omnisim
