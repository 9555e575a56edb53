// The customers section: who the customer base is and how it remembers.
#include "models/scenario/parser.hpp"

namespace retail::scenario {

namespace {
constexpr Integer<std::uint32_t> kInitialCustomers{1, 100'000'000};
constexpr Number kShape{0, 1000, true};
constexpr Number kPerYear{0, 1000};
constexpr Number kSensitivity{0, 20};
constexpr Number kSatisfaction{-1, 1};
constexpr Number kDiscountRate{0, 10};
constexpr Number kHorizonYears{0, 100};
}  // namespace

Customers read_customers(const Object& f) {
  Customers out;
  out.enabled = true;
  out.initial = f.get("initial", kInitialCustomers, out.initial);
  out.visit_rate_shape = f.get("visit_rate_shape", kShape, out.visit_rate_shape);
  out.churn_per_year = f.get("churn_per_year", kPerYear, out.churn_per_year);
  if (const auto node = f.find("acquisition_per_day"))
    out.acquisition_per_day = non_negative(*node);
  out.ad_acquired_churn_multiplier =
      f.get("ad_acquired_churn_multiplier", positive, out.ad_acquired_churn_multiplier);
  out.satisfaction_half_life_days =
      f.get("satisfaction_half_life_days", positive, out.satisfaction_half_life_days);
  out.visit_sensitivity = f.get("visit_sensitivity", kSensitivity, out.visit_sensitivity);
  out.churn_sensitivity = f.get("churn_sensitivity", kSensitivity, out.churn_sensitivity);
  const Object effects = f.optional_object("effects", formats::experience_effects);
  for (std::size_t e = 0; e < kExperiences; ++e)
    out.effects[e] = effects.get(kExperienceNames[e], kSatisfaction, out.effects[e]);
  out.win_back_probability = f.get("win_back_probability", probability, out.win_back_probability);
  out.win_back_mean_days = f.get("win_back_mean_days", positive, out.win_back_mean_days);
  out.promoter_min_satisfaction =
      f.get("promoter_min_satisfaction", kSatisfaction, out.promoter_min_satisfaction);
  out.detractor_max_satisfaction =
      f.get("detractor_max_satisfaction", kSatisfaction, out.detractor_max_satisfaction);
  if (!(out.detractor_max_satisfaction < out.promoter_min_satisfaction)) {
    fail_at(f.path() / "detractor_max_satisfaction",
            "must be below promoter_min_satisfaction (" +
                show_number(out.promoter_min_satisfaction) + "): a customer cannot be both");
  }
  out.discount_rate_per_year =
      f.get("discount_rate_per_year", kDiscountRate, out.discount_rate_per_year);
  out.lifetime_horizon_years =
      f.get("lifetime_horizon_years", kHorizonYears, out.lifetime_horizon_years);
  return out;
}

}  // namespace retail::scenario
