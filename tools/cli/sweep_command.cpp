// omnisim sweep: plan every point, then in rounds (one with --reps N; several with --reps auto)
// run the missing tasks of all points together across the processes and threads, rank 0
// journalling each result as it arrives.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "models/scenario/loader.hpp"
#include "models/simulation.hpp"
#include "sim/task_farm.hpp"
#include "sim/threads.hpp"
#include "tools/cli/commands.hpp"
#include "tools/cli/interrupt.hpp"
#include "tools/cli/memory_limit.hpp"
#include "tools/cli/progress_bar.hpp"
#include "tools/experiment/executor.hpp"
#include "tools/experiment/sweep_manifest.hpp"
#include "tools/experiment/sweep_results.hpp"
#include "tools/experiment/sweep_study.hpp"
#include "tools/report/sweep_report.hpp"
#include "tools/results/errors.hpp"
#include "tools/results/output_files.hpp"
#include "tools/results/visible_text.hpp"

namespace omnisim {
namespace {

namespace fs = std::filesystem;

constexpr auto kManifestInterval = std::chrono::seconds(2);
// Planning shows its progress only once it has taken this long: most grids plan in less.
constexpr auto kQuietPlanning = std::chrono::seconds(1);

// The progress of loading every point's scenario, on rank 0, once it takes long enough to matter.
class PlanningProgress {
 public:
  explicit PlanningProgress(const SweepOptions& options)
      : out_(sim::process_rank() == 0 ? options.progress : nullptr),
        style_(options.progress_style) {}

  void point_loaded(std::size_t loaded, std::size_t points) {
    if (bar_) {
      bar_->advance();
    } else if (out_ != nullptr && std::chrono::steady_clock::now() - start_ >= kQuietPlanning) {
      bar_ = std::make_unique<ProgressBar>(out_, points, style_, loaded, "grid points planned");
    }
  }
  void finish() {
    if (bar_) bar_->finish();
  }

 private:
  std::ostream* out_;
  ProgressStyle style_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::unique_ptr<ProgressBar> bar_;
};

// Whether `directory` holds nothing but (perhaps) the lock this process has just taken on it.
bool only_the_lock_in(const fs::path& directory) {
  for (const fs::directory_entry& entry : fs::directory_iterator(directory)) {
    if (entry.path().filename() != kStudyLockFile) return false;
  }
  return true;
}

// Rank 0's view of the study: what is done (from the journal of an earlier attempt and from this
// one), and the files it keeps up to date.
class StudyState {
 public:
  StudyState(const SweepPlan& plan, const SweepOptions& options) : plan_(plan), out_(options.out) {
    if (options.resume) {
      read_manifest(out_);  // refuses a directory that is not a sweep's before making a lock there
      lock_ = std::make_unique<StudyLock>(out_);
      resume();
    } else {
      start_fresh(options.force);
    }
    journal_ = std::make_unique<JournalWriter>(out_ / kJournalFile);
  }

  bool done(std::uint64_t task) const { return done_.count(task) > 0; }
  std::size_t done_count() const { return done_.size(); }
  std::size_t carried_over() const { return carried_over_; }

  // A finished task from any rank; called one at a time.
  void collect(TaskRecord record) {
    journal_->append(record);
    adopt(std::move(record));
    if (std::chrono::steady_clock::now() - last_manifest_ >= kManifestInterval) {
      save(SweepStatus::running);
    }
  }

  void save(SweepStatus status) {
    write_manifest(out_, {plan_.definition, status, done_.size(), planned_});
    last_manifest_ = std::chrono::steady_clock::now();
  }
  void set_planned(std::optional<std::uint64_t> planned) { planned_ = planned; }

  std::vector<TaskRecord> records() const {
    std::vector<TaskRecord> out;
    out.reserve(done_.size());
    for (const auto& [task, record] : done_)
      out.push_back(record);
    return out;
  }

 private:
  void adopt(TaskRecord record) {
    const auto arm = std::find(plan_.arms.begin(), plan_.arms.end(), record.arm);
    const auto a = static_cast<std::size_t>(arm - plan_.arms.begin());
    done_.emplace(plan_.numbering().task(record.point, record.replication, a), std::move(record));
  }

  // Read again under the lock: another process may have changed the study before we took it.
  void resume() {
    const Manifest manifest = read_manifest(out_);
    nlohmann::json recorded = manifest.definition;
    // The same file under another name is the same study (the digest checks its content): a
    // manifest of an older omnisim holds the path as given, relative to where it was started.
    const auto scenario = recorded.find("scenario");
    if (scenario != recorded.end() && scenario->is_string()) {
      const auto file = resolve_scenario(scenario->get<std::string>(), out_);
      std::error_code error;
      if (file && fs::equivalent(*file, plan_.file, error))
        *scenario = plan_.definition.at("scenario");
    }
    check_same_definition(recorded, plan_.definition, "--resume: the study in " + out_.string());
    const fs::path file = out_ / kJournalFile;
    const Journal journal = read_journal(file, plan_.metrics.size());
    check_journal_fits(plan_, plan_.shard, journal, file);
    for (const TaskRecord& record : journal.records)
      adopt(record);
    carried_over_ = done_.size();
  }

  void start_fresh(bool force) {
    std::error_code error;
    // An empty path, a file or a link to nothing is refused, naming it; a missing directory made.
    const bool usable_directory = !out_.empty() && fs::is_directory(out_, error);
    if (!usable_directory && (out_.empty() || fs::exists(fs::symlink_status(out_, error))))
      check_output_directory(out_, force);
    check_output_writable(out_);
    fs::create_directories(out_, error);
    if (error) {
      throw OutputError("cannot create directory '" + out_.string() + "': " + error.message());
    }
    lock_ = std::make_unique<StudyLock>(out_);
    if (fs::exists(out_ / "manifest.json", error) && !force) {
      const Manifest manifest = read_manifest(out_);
      throw UsageError("'" + out_.string() + "' holds a sweep (" +
                       std::to_string(manifest.tasks_done) +
                       " replications done): add --resume to finish it, or --force to start over");
    }
    if (!force && !only_the_lock_in(out_)) {
      throw UsageError("output directory '" + out_.string() +
                       "' is not empty; choose another --out or pass --force to overwrite it");
    }
    for (const char* name :
         {"manifest.json", kJournalFile, kSweepCsv, kReplicationsCsv, "report.html"})
      fs::remove(out_ / name);
  }

  const SweepPlan& plan_;
  fs::path out_;
  std::map<std::uint64_t, TaskRecord> done_;  // by task number
  std::size_t carried_over_ = 0;
  std::optional<std::uint64_t> planned_;
  std::unique_ptr<StudyLock> lock_;  // before the journal, so that it is let go last
  std::unique_ptr<JournalWriter> journal_;
  std::chrono::steady_clock::time_point last_manifest_{};
};

// How many replications each point gets, and which tasks that leaves to run.
class Schedule {
 public:
  explicit Schedule(const SweepPlan& plan)
      : plan_(plan),
        counts_(plan.points.size(),
                plan.auto_replications ? plan.auto_replications->min : plan.replications) {}

  const std::vector<std::uint64_t>& counts() const { return counts_; }
  // This shard's tasks at the current counts.
  std::uint64_t planned_tasks() const {
    std::uint64_t total = 0;
    for (std::size_t p = 0; p < counts_.size(); ++p) {
      for (std::uint64_t i = 0; i < counts_[p]; ++i) {
        for (std::size_t a = 0; a < plan_.arms.size(); ++a)
          total += in_shard(plan_.numbering().task(p, i, a)) ? 1 : 0;
      }
    }
    return total;
  }

  // The tasks of the current counts (this shard's slice) that `state` lacks, in task order.
  std::vector<std::uint64_t> missing(const StudyState& state) const {
    std::vector<std::uint64_t> tasks;
    for (std::size_t p = 0; p < counts_.size(); ++p) {
      for (std::uint64_t i = 0; i < counts_[p]; ++i) {
        for (std::size_t a = 0; a < plan_.arms.size(); ++a) {
          const std::uint64_t task = plan_.numbering().task(p, i, a);
          if (in_shard(task) && !state.done(task)) tasks.push_back(task);
        }
      }
    }
    std::sort(tasks.begin(), tasks.end());
    return tasks;
  }

  // --reps auto: after a round, raises the count of every point whose objective interval is
  // still wider than asked (aiming, from the current width, at the count that would meet it, at
  // most doubling per round and never beyond the maximum). False when no point needs more.
  bool extend(const std::vector<TaskRecord>& records) {
    if (!plan_.auto_replications) return false;
    const AutoReplications& rule = *plan_.auto_replications;
    const std::vector<PointSummary> points = summarize_points(plan_, records, counts_);
    const auto metric = static_cast<std::size_t>(
        std::find(plan_.metrics.begin(), plan_.metrics.end(), plan_.objective.metric) -
        plan_.metrics.begin());
    bool extended = false;
    for (std::size_t p = 0; p < counts_.size(); ++p) {
      const sim::Summary& s = points[p].arms[plan_.ranked_arm()][metric].summary;
      const double width = s.ci_high - s.ci_low;
      // An objective undefined in all but one replication has no interval to narrow.
      if (s.n < 2 || width <= rule.ci_width || counts_[p] >= rule.max) continue;
      const double n = static_cast<double>(counts_[p]);
      const auto needed =
          static_cast<std::uint64_t>(std::ceil(n * std::pow(width / rule.ci_width, 2)));
      counts_[p] =
          std::min<std::uint64_t>(rule.max, std::clamp(needed, counts_[p] + 1, 2 * counts_[p]));
      extended = true;
    }
    return extended;
  }

 private:
  bool in_shard(std::uint64_t task) const {
    return !plan_.shard || task_in_shard(plan_, *plan_.shard, task);
  }

  const SweepPlan& plan_;
  std::vector<std::uint64_t> counts_;
};

std::string signal_name(int signal) {
  return signal == SIGTERM ? "SIGTERM" : "SIGINT";
}

// How a failure names a grid point: by its values, for the grid is what the user wrote.
std::string name_point(const SweepPlan& plan, std::uint64_t point) {
  return "grid point " + std::to_string(point) + " (" + describe_point(plan, point) + ") of '" +
         plan.points.front().name + "'";
}

void print_heading(std::ostream& out, const SweepPlan& plan,
                   const std::vector<std::uint64_t>& counts, std::size_t carried_over,
                   double seconds, unsigned threads) {
  const retail::Scenario& scenario = plan.points.front();
  const auto [fewest, most] = std::minmax_element(counts.begin(), counts.end());
  std::uint64_t tasks = 0;
  for (const std::uint64_t count : counts)
    tasks += count * plan.arms.size();
  out << "Sweep of '" << terminal_text(scenario.name) << "' over " << plan.points.size()
      << " grid points: ";
  if (*fewest == *most) {
    out << *most << " replications";
  } else {
    out << *fewest << " to " << *most << " replications (--reps auto, objective interval width "
        << format_for_table(plan.auto_replications->ci_width) << ")";
  }
  const auto [shortest, longest] = std::minmax_element(
      plan.points.begin(), plan.points.end(),
      [](const auto& a, const auto& b) { return a.horizon_days < b.horizon_days; });
  out << " of ";
  if (shortest->horizon_days != longest->horizon_days) out << shortest->horizon_days << " to ";
  out << longest->horizon_days << " days per point" << (plan.arms.size() == 2 ? " in each arm" : "")
      << ", seed " << scenario.seed << "; " << tasks << " replications in all";
  if (carried_over > 0) out << " (" << carried_over << " from before --resume)";
  out << ", " << format_for_table(seconds) << " s on " << threads
      << (threads == 1 ? " thread" : " threads");
  if (sim::process_count() > 1) out << " in each of " << sim::process_count() << " processes";
  out << ".\n\n";
}

}  // namespace

void sweep_command(const SweepOptions& options, std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  const unsigned threads = sim::resolve_threads(options.threads);
  // Every rank plans (and so checks) the study; only rank 0 owns its directory. Each step fails
  // on all ranks alike, so none waits for the others in a collective.
  SweepPlan plan;
  sim::on_every_rank(
      [&] {
        // An empty --out cannot even name where the study's scenario is recorded from.
        if (options.out.empty()) check_output_directory(options.out, options.force);
        PlanningProgress planning(options);
        plan = plan_sweep(options.request, [&planning](std::size_t loaded, std::size_t points) {
          planning.point_loaded(loaded, points);
        });
        planning.finish();
        plan.definition["scenario"] = recorded_scenario(plan.file, options.out);
        for (const retail::Scenario& point : plan.points) {
          check_memory(point, threads, options.memory_limit_bytes,
                       static_cast<unsigned>(plan.arms.size()));
        }
      },
      error_kinds());
  // The estimate was checked while planning; this holds the sweep to the limit for real.
  const std::unique_ptr<MemoryWatchdog> watchdog = watch_memory(options.memory_limit_bytes);
  const bool root = sim::process_rank() == 0;
  Schedule schedule(plan);
  std::unique_ptr<StudyState> state;
  std::unique_ptr<ProgressBar> progress;
  sim::on_root(
      [&] {
        state = std::make_unique<StudyState>(plan, options);
        progress = std::make_unique<ProgressBar>(options.progress, schedule.planned_tasks(),
                                                 options.progress_style, state->done_count());
      },
      error_kinds());
  InterruptGuard interrupt;

  const Study study{
      plan.points, plan.arms, [&plan](std::uint64_t point) { return name_point(plan, point); }, {}};
  const CollectResult collect = [&](std::uint64_t, const TaskAt& at,
                                    retail::ReplicationResult result) {
    state->collect(task_record(plan, at, result));
    progress->advance();
  };

  std::uint64_t progress_total = schedule.planned_tasks();
  bool interrupted = false;
  while (!interrupted) {
    std::vector<std::uint64_t> tasks;
    sim::on_root(
        [&] {
          // With --reps auto, rounds an earlier attempt finished are decided again from its
          // records.
          tasks = schedule.missing(*state);
          while (tasks.empty() && schedule.extend(state->records())) {
            tasks = schedule.missing(*state);
          }
          state->set_planned(plan.auto_replications ? std::nullopt
                                                    : std::optional(schedule.planned_tasks()));
          progress->add_to_total(schedule.planned_tasks() - progress_total);
          progress_total = schedule.planned_tasks();
          state->save(SweepStatus::running);
        },
        error_kinds());
    RoundOutcome round;
    try {
      round = run_study_tasks(study, tasks, threads, collect, &interrupt.flag());
    } catch (const retail::ScenarioError&) {
      if (root) state->save(SweepStatus::interrupted);
      throw;
    } catch (const ReplicationFailure& failure) {
      if (root) state->save(SweepStatus::interrupted);
      throw ReplicationFailure(std::string(failure.what()) +
                               " (the replications finished before it are saved: --resume "
                               "retries the rest)");
    }
    if (round.tasks == 0) break;
    interrupted = round.stopped;
  }
  if (progress) progress->finish();

  if (interrupted) {
    if (!root) throw Interrupted("", SIGINT);
    state->save(SweepStatus::interrupted);
    const int signal = interrupt.signal() == 0 ? SIGTERM : interrupt.signal();
    throw Interrupted("stopped by " + signal_name(signal) + ": " +
                          std::to_string(state->done_count()) + " replications are saved in '" +
                          options.out.string() +
                          "'. To finish the study, run the same command again with --resume.",
                      signal);
  }
  sim::on_root(
      [&] {
        write_study(options.out, plan, state->records());
        const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
        print_heading(out, plan, schedule.counts(), state->carried_over(), wall.count(), threads);
        if (plan.shard) {
          out << "Shard " << plan.shard->index << "/" << plan.shard->count
              << " done: " << state->done_count() << " replications in "
              << terminal_text(options.out.string())
              << ". When every shard is done: omnisim merge SHARD_DIR... --out DIR\n";
          return;
        }
        print_study(out, plan, state->records(), options.top);
        if (options.report) write_sweep_report(options.out);
        out << "\nWrote manifest.json, sweep.csv, replications.csv"
            << (options.report ? ", report.html" : "") << " to "
            << terminal_text(options.out.string()) << "\n";
      },
      error_kinds());
}

}  // namespace omnisim
