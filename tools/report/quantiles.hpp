// Spread across replications for the report: quantiles, the daily median and 90 % band of a KPI
// per arm, and the paired differences of each replication.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace omnisim {

// The p-quantile (0 <= p <= 1) of the finite values, interpolating linearly between order
// statistics (numpy's default, R's type 7); NaN when no value is finite.
double quantile(std::vector<double> values, double p);

// One arm's spread of a KPI on one day.
struct BandPoint {
  std::string arm;  // "status_quo" or "control_tower"
  std::uint32_t day = 0;
  double low = 0;     // 5 % quantile across replications (NaN: undefined in every replication)
  double median = 0;  // 50 %
  double high = 0;    // 95 %
  std::size_t n = 0;  // replications where the KPI is defined that day
};

// values[replication][day]: one arm's KPI per replication and day (NaN where undefined; the
// replications may have different lengths). One point per day, up to the longest replication.
std::vector<BandPoint> daily_band(const std::string& arm,
                                  const std::vector<std::vector<double>>& values,
                                  double low_p = 0.05, double high_p = 0.95);

// One replication's control tower - status quo.
struct PairedPoint {
  std::uint64_t replication = 0;
  double difference = 0;
};

// The differences of the replications both arms define (finite in both), in replication order;
// `status_quo` and `control_tower` map a replication to its value (NaN: undefined).
std::vector<PairedPoint> paired_points(const std::vector<std::uint64_t>& replications,
                                       const std::vector<double>& status_quo,
                                       const std::vector<double>& control_tower);

}  // namespace omnisim
