// Student-t intervals via Boost.Math; column statistics via Eigen.
#include "sim/statistics.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace sim {

Summary summarize(const Eigen::Ref<const Eigen::VectorXd>& samples, double confidence) {
  if (!(confidence > 0.0 && confidence < 1.0)) {
    throw std::invalid_argument("confidence must lie in (0, 1), got " + std::to_string(confidence));
  }
  if (samples.size() == 0) throw std::invalid_argument("cannot summarise zero samples");
  Summary s;
  s.n = static_cast<std::size_t>(samples.size());
  s.confidence = confidence;
  s.mean = samples.mean();
  if (s.n < 2) {
    s.stddev = s.ci_low = s.ci_high = std::numeric_limits<double>::quiet_NaN();
    return s;
  }
  const double dof = static_cast<double>(s.n - 1);
  s.stddev = std::sqrt((samples.array() - s.mean).square().sum() / dof);
  const boost::math::students_t t_dist(dof);
  const double t = boost::math::quantile(boost::math::complement(t_dist, (1.0 - confidence) / 2));
  const double half = t * s.stddev / std::sqrt(static_cast<double>(s.n));
  s.ci_low = s.mean - half;
  s.ci_high = s.mean + half;
  return s;
}

std::vector<Summary> summarize_columns(const Eigen::MatrixXd& samples, double confidence) {
  std::vector<Summary> out;
  out.reserve(static_cast<std::size_t>(samples.cols()));
  for (Eigen::Index c = 0; c < samples.cols(); ++c)
    out.push_back(summarize(samples.col(c), confidence));
  return out;
}

std::vector<PairedSummary> compare_paired(const Eigen::MatrixXd& baseline,
                                          const Eigen::MatrixXd& treatment, double confidence) {
  if (baseline.rows() != treatment.rows() || baseline.cols() != treatment.cols()) {
    throw std::invalid_argument("paired arms differ in shape: " + std::to_string(baseline.rows()) +
                                "x" + std::to_string(baseline.cols()) + " vs " +
                                std::to_string(treatment.rows()) + "x" +
                                std::to_string(treatment.cols()));
  }
  const Eigen::MatrixXd difference = treatment - baseline;
  std::vector<PairedSummary> out;
  out.reserve(static_cast<std::size_t>(baseline.cols()));
  for (Eigen::Index c = 0; c < baseline.cols(); ++c) {
    out.push_back({summarize(baseline.col(c), confidence), summarize(treatment.col(c), confidence),
                   summarize(difference.col(c), confidence)});
  }
  return out;
}

}  // namespace sim
