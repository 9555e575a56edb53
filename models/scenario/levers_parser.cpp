// Reading the commercial levers of a scenario: promotions (the SKUs each discounts, how each
// channel executes it, misapplied rules, the preflight gate) and advertising (ad programs and
// marketing's scaling policy), with the overlaps between them that are errors.
#include <algorithm>
#include <limits>
#include <numeric>

#include "models/scenario/parser.hpp"

namespace retail::scenario {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

std::string quote_name(const std::string& name) {
  return show(Json(name));
}

// A promotion's discount: 0 would be no promotion and 1 would give the SKU away.
constexpr Number kDiscount{0, 1, true, true};
constexpr Number kMisappliedDiscount{0, 1, false, true};

PromoExecution read_execution(const Object& f) {
  PromoExecution out;
  out.lag_hours = f.get("lag_hours", distribution, out.lag_hours);
  out.error_probability = f.get("error_probability", probability, out.error_probability);
  return out;
}

PreflightGate read_preflight(const Object& f) {
  PreflightGate out;
  out.enabled = f.get("enabled", boolean, out.enabled);
  out.detection_probability =
      f.get("detection_probability", probability, out.detection_probability);
  out.max_delay_hours = f.get("max_delay_hours", non_negative, out.max_delay_hours);
  return out;
}

Promotion read_promotion(const Object& f, const SkuSelection& select, Names& names) {
  Promotion p;
  p.name = names.promotions.add(f);
  p.skus = select(f);
  p.discount = f.get("discount", kDiscount);
  // A promotion planned past the horizon (a --set horizon_days what-if) simply never runs.
  p.start_day = f.get("start_day", non_negative);
  p.end_day = f.get("end_day", greater_than(p.start_day));
  const Object execution = f.optional_object("execution", formats::promotion_execution);
  for (std::size_t c = 0; c < kChannels; ++c)
    p.execution[c] =
        read_execution(execution.optional_object(kChannelNames[c], formats::channel_execution));
  p.misapplied_share = f.get("misapplied_share", probability, p.misapplied_share);
  const std::optional<Node> misapplied = f.find("misapplied_discount");
  if (misapplied) p.misapplied_discount = kMisappliedDiscount(*misapplied);
  if (p.misapplied_share > 0 && p.misapplied_discount <= p.discount) {
    // A rule that gives less than the promotion is a missing discount, which error_probability
    // already models; a misapplied rule is the over-discount that dilutes margin.
    const std::string expected = "expected a number > the discount, " + show_number(p.discount) +
                                 ", and < 1 when misapplied_share is positive: a misapplied rule "
                                 "over-discounts";
    if (!misapplied)
      fail_at(f.path() / "misapplied_discount", "missing required field (" + expected + ")");
    misapplied->reject("is not above the discount (" + expected + ")");
  }
  p.preflight = read_preflight(f.optional_object("preflight", formats::preflight_gate));
  p.announced_to_planners = f.get("announced_to_planners", boolean, p.announced_to_planners);
  p.planning_lead_days = f.get("planning_lead_days", non_negative, p.planning_lead_days);
  return p;
}

// Two promotions live at once on one SKU would leave its price ambiguous. Promotions are swept
// in order of start: a promotion overlaps an earlier-starting one on a SKU exactly when it
// starts before the latest end among them, so one pass over each promotion's SKUs finds any.
void check_promotion_overlaps(const std::vector<Promotion>& promotions, const Catalog& catalog,
                              const Pointer& path) {
  std::vector<std::uint32_t> by_start(promotions.size());
  std::iota(by_start.begin(), by_start.end(), 0u);
  std::stable_sort(by_start.begin(), by_start.end(), [&](std::uint32_t a, std::uint32_t b) {
    return promotions[a].start_day < promotions[b].start_day;
  });
  std::vector<std::uint32_t> ending_last(catalog.skus.size(), kNone);
  for (const std::uint32_t p : by_start) {
    const Promotion& promotion = promotions[p];
    for (const SkuId sku : promotion.skus) {
      std::uint32_t& q = ending_last[sku];
      if (q != kNone && promotions[q].end_day > promotion.start_day) {
        const std::uint32_t first = std::min(p, q), second = std::max(p, q);
        fail_at(path / second, "promotions " + quote_name(promotions[first].name) + " (" +
                                   where(path / first) + ") and " +
                                   quote_name(promotions[second].name) + " both discount SKU " +
                                   quote_name(catalog.skus[sku].name) + " between day " +
                                   show_number(promotion.start_day) + " and day " +
                                   show_number(std::min(promotion.end_day, promotions[q].end_day)) +
                                   " (a SKU may be in one promotion at a time)");
      }
      if (q == kNone || promotion.end_day > promotions[q].end_day) q = p;
    }
  }
}

// The online channels, in Channel's order after "store": in-store sales have no click to
// attribute to an ad, so a program there could never be measured.
constexpr std::array<std::string_view, kChannels - 1> kAdChannels{"web", "marketplace", "bopis"};
static_assert(static_cast<std::size_t>(Channel::web) == 1 &&
              static_cast<std::size_t>(Channel::bopis) == kChannels - 1);

struct AdChannelReader {
  Channel operator()(const Node& node) const {
    if (node.json() == kChannelNames[static_cast<std::size_t>(Channel::store)])
      node.reject(
          "is not an advertising channel (in-store sales cannot be attributed to ads; expected " +
          expected() + ")");
    return static_cast<Channel>(1 + choose(node, kAdChannels, "an advertising channel"));
  }
  std::string expected() const { return choice_expected(kAdChannels); }
};
constexpr AdChannelReader ad_channel{};

// Adstock carried from day to day: 1 would never forget a day's spend.
constexpr Number kAdstockDecay{0, 1, false, true};
// A hundredfold demand is beyond any ad response, and only a typo gets there.
constexpr Number kMaxLift{0, 100};
// Beyond 10 the response curve is a step; far beyond, A^n overflows.
constexpr Number kHillExponent{0, 10, true};

AdProgram read_ad_program(const Object& f, const SkuSelection& select, Names& names) {
  AdProgram a;
  a.name = names.ad_programs.add(f);
  a.channel = f.get("channel", ad_channel);
  a.skus = select(f);
  a.daily_budget_cents = f.get("daily_budget", money);
  a.max_daily_budget_cents = a.daily_budget_cents;
  if (const std::optional<Node> cap = f.find("max_daily_budget")) {
    a.max_daily_budget_cents = money(*cap);
    if (a.max_daily_budget_cents < a.daily_budget_cents)
      cap->reject("is below daily_budget (expected an amount of money >= daily_budget, " +
                  show_number(static_cast<double>(a.daily_budget_cents) / 100) + ")");
  }
  a.adstock_decay = f.get("adstock_decay", kAdstockDecay, a.adstock_decay);
  a.max_lift = f.get("max_lift", kMaxLift, a.max_lift);
  a.half_saturation_cents = f.get("half_saturation", positive_money, a.half_saturation_cents);
  a.hill_exponent = f.get("hill_exponent", kHillExponent, a.hill_exponent);
  a.announced_to_planners = f.get("announced_to_planners", boolean, a.announced_to_planners);
  return a;
}

AdScaling read_ad_scaling(const Object& f) {
  AdScaling out;
  out.enabled = f.get("enabled", boolean, out.enabled);
  out.roas_target = f.get("roas_target", positive, out.roas_target);
  out.step = f.get("step", non_negative, out.step);
  out.window_days = f.get("window_days", Integer<std::uint32_t>{1, 3660}, out.window_days);
  return out;
}

}  // namespace

SkuSelection::SkuSelection(const Catalog& catalog, const Names& names)
    : names_(&names), of_category_(catalog.categories.size()) {
  for (std::size_t sku = 0; sku < catalog.skus.size(); ++sku)
    of_category_[catalog.skus[sku].category].push_back(static_cast<SkuId>(sku));
}

void SelectionBudget::add(std::size_t skus, const Pointer& path) {
  total_ += skus;
  if (total_ > kMaxSelectedSkus)
    fail_at(path, "brings the SKUs selected by " + std::string(owners_) + " to " +
                      std::to_string(total_) + ": at most " + std::to_string(kMaxSelectedSkus) +
                      " in all are supported");
}

std::vector<SkuId> SkuSelection::operator()(const Object& f) const {
  const std::optional<Node> skus = f.find("skus");
  const std::optional<Node> categories = f.find("categories");
  if (!skus && !categories)
    fail_at(f.path() / "skus",
            "missing required field (expected SKU names in skus, category names in categories, "
            "or both)");
  std::vector<SkuId> out;
  if (skus)
    for (const Node& element : skus->array(0, kMaxSkus, "SKU names"))
      out.push_back(names_->skus.resolve(element));
  if (categories) {
    // A category named twice is added once, so a long list of one big category stays cheap.
    std::vector<bool> added(of_category_.size(), false);
    for (const Node& element : categories->array(0, kMaxCategories, "category names")) {
      const CategoryId category = names_->categories.resolve(element);
      if (added[category]) continue;
      added[category] = true;
      out.insert(out.end(), of_category_[category].begin(), of_category_[category].end());
    }
  }
  // Plain std algorithms: clang 14's ranges do not build against this libstdc++ (the fuzz build).
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  if (out.empty())
    fail_at(f.path(), "selects no SKU (skus and categories together must name at least one)");
  return out;
}

std::vector<Promotion> read_promotions(const Node& node, const Scenario& scenario, Names& names) {
  std::vector<Promotion> promotions;
  const Elements elements = node.array(0, kMaxPromotions, "promotions");
  const SkuSelection select(scenario.catalog, names);
  SelectionBudget budget("promotions");
  for (const Node& element : elements) {
    promotions.push_back(read_promotion(element.object(formats::promotion), select, names));
    budget.add(promotions.back().skus.size(), element.path());
  }
  check_promotion_overlaps(promotions, scenario.catalog, node.path());
  return promotions;
}

Advertising read_advertising(const Object& advertising, const Scenario& scenario, Names& names) {
  Advertising out;
  if (const std::optional<Node> programs = advertising.find("programs")) {
    const Elements elements = programs->array(0, kMaxAdPrograms, "ad programs");
    const SkuSelection select(scenario.catalog, names);
    SelectionBudget budget("ad programs");
    // Per channel, the program advertising each SKU: an order can be attributed to one only.
    std::array<std::vector<std::uint32_t>, kChannels> advertised_by;
    for (const Node& element : elements) {
      const AdProgram& program = out.programs.emplace_back(
          read_ad_program(element.object(formats::ad_program), select, names));
      budget.add(program.skus.size(), element.path());
      const auto index = static_cast<std::uint32_t>(out.programs.size() - 1);
      const auto channel = static_cast<std::size_t>(program.channel);
      std::vector<std::uint32_t>& owner = advertised_by[channel];
      if (owner.empty()) owner.assign(scenario.catalog.skus.size(), kNone);
      for (const SkuId sku : program.skus) {
        if (owner[sku] != kNone)
          fail_at(element.path(),
                  "ad programs " + quote_name(out.programs[owner[sku]].name) + " (" +
                      where(programs->path() / owner[sku]) + ") and " + quote_name(program.name) +
                      " both advertise SKU " + quote_name(scenario.catalog.skus[sku].name) +
                      " on the " + kChannelNames[channel] +
                      " channel (a SKU may be in one program per channel: an order is "
                      "attributed to one)");
        owner[sku] = index;
      }
    }
  }
  out.scaling = read_ad_scaling(advertising.optional_object("scaling", formats::ad_scaling));
  return out;
}

}  // namespace retail::scenario
