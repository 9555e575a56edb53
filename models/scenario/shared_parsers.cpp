// Reading the two value shapes used throughout a scenario: distributions (DIST) and
// replenishment policies (POLICY, with a forecast-driven policy's forecast).
#include "models/scenario/parser.hpp"

namespace retail::scenario {

namespace {

enum class Unit { units, days_of_cover };

// Hours between periodic reviews: 0 (continuous review) or at least kShortestReviewHours, since
// a period that rounds to no time would repeat forever at one instant.
constexpr double kShortestReviewHours = 0.01;
struct ReviewPeriod {
  double operator()(const Node& node) const {
    const double hours = non_negative(node);
    if (hours > 0 && hours < kShortestReviewHours)
      node.reject("is too short a review period (expected " + expected() + ")");
    return hours;
  }
  std::string expected() const {
    return "0 for continuous review, or a number of hours >= " + show_number(kShortestReviewHours);
  }
};

// The tag field that selects an object's format, read before the rest of the object: the index
// of its kind.
std::size_t read_kind(const Node& node, const TaggedFormat& tagged, std::string_view noun) {
  const std::string key(tagged.tag);
  const auto it = node.json().find(key);
  if (it == node.json().end())
    fail_at(node.path() / key,
            "missing required field (expected " + choice_expected(tagged.kinds) + ")");
  return choose(Node(*it, node.path() / key), tagged.kinds, noun);
}

// Windows and review periods of forecast-driven replenishment: a year at most, which keeps a
// node's demand history (error window + averaging window days per SKU) within reason.
constexpr std::uint32_t kLongestPlanningDays = 366;
// z beyond 5 is a service level indistinguishable from 1; larger is a typo.
constexpr double kLargestSafetyFactor = 5;

Forecast read_forecast(const Node& node) {
  if (!node.json().is_object())
    node.reject(R"(is not a forecast (expected an object such as {"method": "moving_average"}))");
  Forecast forecast;
  const std::size_t method = read_kind(node, formats::forecast, "a forecast method");
  const Object f = node.object(*formats::forecast.formats[method]);
  forecast.method = static_cast<Forecast::Method>(method);
  if (forecast.method == Forecast::Method::moving_average) {
    forecast.window_days =
        f.get("window_days", Integer<std::uint32_t>{1, kLongestPlanningDays}, forecast.window_days);
  } else {
    forecast.alpha = f.get("alpha", Number{0, 1, true}, forecast.alpha);
  }
  return forecast;
}

// Staff on duty at one station in one hour: beyond this it is a typo, not a retailer's crew.
constexpr std::uint32_t kMostStaff = 100'000;
constexpr std::size_t kMaxShifts = 1'000;

// The days a shift starts on: names of weekdays, each once; absent, every day.
std::array<bool, 7> read_shift_days(const Object& shift) {
  std::array<bool, 7> days{};
  const std::optional<Node> listed = shift.find("days");
  if (!listed) {
    days.fill(true);
    return days;
  }
  const Choice<std::uint32_t> weekday = weekday_choice();
  for (const Node& element : listed->array(1, 7, "days")) {
    const std::size_t day = weekday(element);
    if (days[day]) element.reject("is listed twice (expected each day of the week once)");
    days[day] = true;
  }
  return days;
}

}  // namespace

Staffing read_staffing(const Object& f, std::string_view crew_field,
                       std::optional<Staffing> fallback) {
  const std::optional<Node> crew = f.find(crew_field);
  const std::optional<Node> shifts = f.find("shifts");
  if (crew && shifts)
    shifts->reject("is given as well as " + std::string(crew_field) + " (expected one of them: " +
                   std::string(crew_field) + " for a crew around the clock, shifts for a roster)");
  if (crew) return Staffing::around_the_clock(Integer<std::uint32_t>{1, kMostStaff}(*crew));
  if (!shifts) {
    if (fallback) return *fallback;
    fail_at(f.path() / std::string(crew_field),
            "missing required field (expected a number of staff, or shifts)");
  }
  Staffing staffing;
  for (const Node& element : shifts->array(1, kMaxShifts, "shifts")) {
    const Object shift = element.object(formats::shift);
    const auto staff = shift.get("staff", Integer<std::uint32_t>{1, kMostStaff});
    const auto start = shift.get("start_hour", Integer<std::size_t>{0, 23});
    const auto hours = shift.get("hours", Integer<std::size_t>{1, 24});
    const std::array<bool, 7> days = read_shift_days(shift);
    for (std::size_t day = 0; day < days.size(); ++day) {
      if (!days[day]) continue;
      // A shift may run past midnight, and Sunday's into Monday's first hours.
      for (std::size_t h = 0; h < hours; ++h) {
        std::uint32_t& on_duty = staffing.on_duty[(day * 24 + start + h) % kHoursPerWeek];
        if (on_duty + staff > kMostStaff)
          element.reject("puts more than " + std::to_string(kMostStaff) +
                         " staff on duty in one hour (with the shifts before it)");
        on_duty += staff;
      }
    }
  }
  return staffing;
}

Distribution DistributionReader::operator()(const Node& node) const {
  if (node.json().is_number()) return Distribution::fixed(non_negative(node));
  if (!node.json().is_object()) node.reject("is not a distribution (expected " + expected() + ")");
  const std::size_t kind = read_kind(node, formats::distribution, "a distribution kind");
  const Object f = node.object(*formats::distribution.formats[kind]);
  using Kind = Distribution::Kind;
  switch (static_cast<Kind>(kind)) {
    case Kind::fixed:
      return Distribution::fixed(f.get("value", non_negative));
    case Kind::uniform: {
      const double min = f.get("min", non_negative);
      return Distribution::uniform(min, f.get("max", at_least(min)));
    }
    case Kind::exponential:
      return Distribution::exponential(f.get("mean", positive));
    case Kind::triangular: {
      const double min = f.get("min", non_negative);
      const double mode = f.get("mode", at_least(min));
      return Distribution::triangular(min, mode, f.get("max", at_least(mode)));
    }
    case Kind::lognormal:
      break;
  }
  const double mean = f.get("mean", positive);
  return Distribution::lognormal(mean, f.get("sd", non_negative));
}

std::string DistributionReader::expected() const {
  return R"(a number >= 0, or an object such as {"distribution": "uniform", "min": 2, "max": 4})";
}

ReplenishmentPolicy PolicyReader::operator()(const Node& node) const {
  if (!node.json().is_object())
    node.reject("is not a replenishment policy (expected " + expected() + ")");
  ReplenishmentPolicy p;
  const std::size_t kind = read_kind(node, formats::policy, "a replenishment policy");
  const Object f = node.object(*formats::policy.formats[kind]);
  p.kind = static_cast<ReplenishmentPolicy::Kind>(kind);
  if (p.kind == ReplenishmentPolicy::Kind::forecast_order_up_to) {
    if (const std::optional<Node> forecast = f.find("forecast"))
      p.forecast = read_forecast(*forecast);
    p.review_days =
        f.get("review_days", Integer<std::uint32_t>{1, kLongestPlanningDays}, p.review_days);
    p.safety_factor = f.get("safety_factor", Number{0, kLargestSafetyFactor}, p.safety_factor);
    p.forecast_error_window_days =
        f.get("forecast_error_window_days", Integer<std::uint32_t>{2, kLongestPlanningDays},
              p.forecast_error_window_days);
    return p;
  }
  if (p.kind == ReplenishmentPolicy::Kind::s_S) {
    p.reorder_point = f.get("reorder_point", non_negative);
    p.order_up_to = f.get("order_up_to", greater_than(p.reorder_point));
  } else {
    p.order_up_to = f.get("level", at_least(1));
    p.reorder_point = p.order_up_to - 1;
  }
  const Choice<Unit> unit{{"units", "days_of_cover"}, "a policy unit"};
  p.in_days_of_cover = f.get("unit", unit, Unit::units) == Unit::days_of_cover;
  p.review_every_hours = f.get("review_every_hours", ReviewPeriod{}, 0.0);
  return p;
}

std::string PolicyReader::expected() const {
  return R"(an object such as {"policy": "s_S", "reorder_point": 3, "order_up_to": 10})";
}

}  // namespace retail::scenario
