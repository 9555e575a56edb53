// Summary statistics of replications: mean, standard deviation, Student-t confidence intervals,
// and paired differences between two arms run with common random numbers.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <vector>

namespace sim {

// Statistics of one metric over n replications. With n < 2 the standard deviation and the
// interval are undefined and hold NaN (has_interval() is false).
struct Summary {
  std::size_t n = 0;
  double mean = 0.0;
  double stddev = 0.0;
  double ci_low = 0.0;
  double ci_high = 0.0;
  double confidence = 0.95;

  bool has_interval() const { return n >= 2; }
  double half_width() const { return (ci_high - ci_low) / 2.0; }
};

// Mean, sample standard deviation and the two-sided Student-t interval of the mean.
Summary summarize(const Eigen::Ref<const Eigen::VectorXd>& samples, double confidence = 0.95);

// summarize() of every column (one column per metric, one row per replication).
std::vector<Summary> summarize_columns(const Eigen::MatrixXd& samples, double confidence = 0.95);

// Two arms observed on the same replications, and their paired difference (treatment - baseline).
struct PairedSummary {
  Summary baseline;
  Summary treatment;
  Summary difference;
};

// Per metric (column); both matrices must have the same shape, row i from replication i.
std::vector<PairedSummary> compare_paired(const Eigen::MatrixXd& baseline,
                                          const Eigen::MatrixXd& treatment,
                                          double confidence = 0.95);

}  // namespace sim
