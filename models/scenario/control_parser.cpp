// Reading the control tower (threshold rules on the daily flow metrics, each with an owner, a
// decision timebox and a menu of actions) and the status quo (the periodic review that reacts
// without one), resolving every name an action or scope gives.
#include <algorithm>

#include "models/metrics/catalogue.hpp"
#include "models/scenario/parser.hpp"

namespace retail::scenario {

namespace {

std::string json_quoted(std::string_view word) {
  return show(Json(std::string(word)));
}

// "a, b and c".
std::string and_list(std::span<const std::string_view> words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i)
    out += (i == 0 ? "" : i + 1 == words.size() ? " and " : ", ") + std::string(words[i]);
  return out;
}

// An hour of the day: 24 is the next day's 0.
constexpr Number kHourOfDay{0, 24, false, true};

// A metric of the daily reports, by key: one of the catalogue's flow metrics.
struct MetricReader {
  MetricId operator()(const Node& node) const {
    const std::string word = Text{}(node);
    const std::optional<MetricId> found = find_metric(word);
    if (found && is_flow_metric(*found)) return *found;
    std::vector<std::string_view> keys;
    for (const MetricId id : flow_metric_ids())
      keys.push_back(metric_key(id));
    std::string hint;
    if (const auto close = closest_match(word, keys))
      hint = "did you mean " + json_quoted(*close) + "? ";
    std::string all;
    for (const std::string_view key : keys)
      all += (all.empty() ? "" : ", ") + std::string(key);
    node.reject("is not a metric a rule can watch (" + hint + "metrics: " + all + ")");
  }
  std::string expected() const {
    return "a flow metric name such as \"" + std::string(metric_key(MetricId::cancellation_rate)) +
           "\"";
  }
};
constexpr MetricReader metric{};

// A DC or store, as its node index in Network order: the DCs, then the stores.
struct NodeReader {
  const Names* names;
  std::uint32_t operator()(const Node& reference) const {
    const std::string text = Text{}(reference);
    if (const auto dc = names->dcs.find(text)) return *dc;
    const auto dcs = static_cast<std::uint32_t>(names->dcs.names().size());
    if (const auto store = names->stores.find(text)) return dcs + *store;
    std::vector<std::string_view> candidates(names->dcs.names().begin(), names->dcs.names().end());
    candidates.insert(candidates.end(), names->stores.names().begin(), names->stores.names().end());
    std::string hint;
    if (const auto close = closest_match(text, candidates))
      hint = "did you mean " + json_quoted(*close) + "? ";
    reference.reject("is not a DC or store name (" + hint +
                     "DCs: " + list_names(names->dcs.names()) +
                     "; stores: " + list_names(names->stores.names()) + ")");
  }
  std::string expected() const { return "a DC or store name"; }
};

template <class Table>
struct Reference {
  const Table* table;
  std::string_view noun;
  std::uint32_t operator()(const Node& node) const { return table->resolve(node); }
  std::string expected() const { return std::string(noun); }
};
Reference<NameTable> reference(const NameTable& table, std::string_view noun) {
  return {&table, noun};
}

Choice<Channel> channel_choice() {
  return {{kChannelNames.begin(), kChannelNames.end()}, "a channel"};
}

// The channels whose orders leave by carrier: the only ones expediting can speed up.
constexpr std::array<std::string_view, 2> kShippedChannels{"web", "marketplace"};
static_assert(static_cast<std::size_t>(Channel::web) == 1 &&
              static_cast<std::size_t>(Channel::marketplace) == 2);

struct ShippedChannelReader {
  Channel operator()(const Node& node) const {
    for (const Channel c : {Channel::store, Channel::bopis})
      if (node.json() == kChannelNames[static_cast<std::size_t>(c)])
        node.reject(
            "is not a channel shipped by carrier (store sales leave with the customer and BOPIS "
            "orders are collected, so there is nothing to expedite; expected " +
            expected() + ")");
    return static_cast<Channel>(1 + choose(node, kShippedChannels, "a channel shipped by carrier"));
  }
  std::string expected() const { return choice_expected(kShippedChannels); }
};
constexpr ShippedChannelReader shipped_channel{};

// A share of stock moved: 0 would move nothing.
constexpr Number kTransferShare{0, 1, true, false};
// An ad budget multiplier: a cut, from 0 (nothing left) to 1 (unchanged).
constexpr Number kBudgetFactor{0, 1};
// A quality level of sizing content or packaging, 0 to 1.
constexpr Number kQuality{0, 1};
// Staff add_labour calls in at one station (each DC's, for all DCs).
constexpr Integer<std::uint32_t> kAddedStaff{1, 100'000};

// What everything an action may name resolves against.
struct ActionContext {
  const Names* names;
  SkuSelection select;
  SelectionBudget* budget;  // of the SKUs all actions select together
};

// The "action" tag, read before the rest of the object so the kind's fields can be checked.
Action::Kind read_action_kind(const Node& action) {
  const std::span<const std::string_view> kinds = formats::action.kinds;
  const std::string tag(formats::action.tag);
  const auto it = action.json().find(tag);
  if (it == action.json().end())
    fail_at(action.path() / tag,
            "missing required field (expected " + choice_expected(kinds) + ")");
  const Node kind(*it, action.path() / tag);
  if (kind.json().is_string()) {
    const std::string word = kind.json().get<std::string>();
    if (const auto found = std::ranges::find(kinds, word); found != kinds.end())
      return static_cast<Action::Kind>(found - kinds.begin());
    if (const auto close = closest_match(word, kinds))
      kind.reject("is not an action kind (did you mean " + json_quoted(*close) + "? expected " +
                  choice_expected(kinds) + ")");
  }
  kind.reject("is not an action kind (expected " + choice_expected(kinds) + ")");
}

// Rejects a field the action's kind does not take, saying which kinds take it, if any, and
// which fields this kind takes: a field of another kind is a likely slip.
void check_action_fields(const Node& action, Action::Kind kind) {
  const auto k = static_cast<std::size_t>(kind);
  const std::string_view kind_name = formats::action.kinds[k];
  const std::span<const std::string_view> fields = formats::action.formats[k]->fields;
  for (const auto& [key, member] : action.json().items()) {
    if (std::ranges::find(fields, key) != fields.end()) continue;
    std::vector<std::string_view> owners;
    for (std::size_t other = 0; other < formats::action.kinds.size(); ++other)
      if (std::ranges::find(formats::action.formats[other]->fields, key) !=
          formats::action.formats[other]->fields.end())
        owners.push_back(formats::action.kinds[other]);
    std::string message =
        "unknown field " + show(Json(key)) + " for a " + std::string(kind_name) + " action (";
    if (!owners.empty())
      message += "a field of " + and_list(owners) + " actions; ";
    else if (const auto close = closest_match(key, fields))
      message += "did you mean " + json_quoted(*close) + "? ";
    message += std::string(kind_name) + " takes " + and_list(fields) + ")";
    fail_at(action.path() / key, message);
  }
}

Action read_action(const Node& node, const ActionContext& context) {
  if (!node.json().is_object())
    node.reject(R"(is not an action (expected an object such as {"action": "cut_ads", "program": )"
                R"("search", "factor": 0.5}))");
  Action a;
  a.kind = read_action_kind(node);
  check_action_fields(node, a.kind);
  const Object f = node.object(*formats::action.formats[static_cast<std::size_t>(a.kind)]);
  const Names& names = *context.names;
  a.delay_hours = f.get("delay_hours", non_negative, a.delay_hours);
  const auto optional_zone = [&] {
    if (const std::optional<Node> zone = f.find("zone")) {
      a.all_zones = false;
      a.zone = names.zones.resolve(*zone);
    }
  };
  const auto program = reference(names.ad_programs, "an ad program name");
  const auto promotion = reference(names.promotions, "a promotion name");
  const Choice<Channel> channel = channel_choice();
  using Kind = Action::Kind;
  switch (a.kind) {
    case Kind::cut_ads:
      a.program = f.get("program", program);
      a.factor = f.get("factor", kBudgetFactor);
      break;
    case Kind::pause_ads:
    case Kind::resume_ads:
      a.program = f.get("program", program);
      break;
    case Kind::pivot_ads:
      a.program = f.get("program", program);
      a.skus = context.select(f);
      context.budget->add(a.skus.size(), node.path());
      break;
    case Kind::transfer_inventory: {
      const NodeReader node_name{&names};
      a.from = f.get("from", node_name);
      const Node to = f.at("to", node_name.expected());
      a.to = node_name(to);
      if (a.to == a.from)
        to.reject("is the node the transfer is from (expected a different DC or store)");
      a.skus = context.select(f);
      context.budget->add(a.skus.size(), node.path());
      a.share = f.get("share", kTransferShare);
      a.transit_hours = f.get("transit_hours", non_negative, a.transit_hours);
      break;
    }
    case Kind::widen_promise:
      optional_zone();
      a.hours = f.get("hours", positive);
      break;
    case Kind::switch_carrier:
      optional_zone();
      a.carrier = f.get("carrier", reference(names.carriers, "a carrier name"));
      break;
    case Kind::expedite:
      a.channel = f.get("channel", shipped_channel);
      optional_zone();
      break;
    case Kind::pause_promo:
      a.promotion = f.get("promotion", promotion);
      a.channel = f.get("channel", channel);
      break;
    case Kind::fix_promo:
      a.promotion = f.get("promotion", promotion);
      if (const std::optional<Node> one = f.find("channel")) {
        a.all_channels = false;
        a.channel = channel(*one);
      }
      break;
    case Kind::freeze_promos:
      break;
    case Kind::update_sizing_content:
    case Kind::change_packaging:
      a.value = f.get("value", kQuality);
      break;
    case Kind::tighten_disposition:
      a.reason = f.get("reason",
                       Choice<ReturnReason>{{kReturnReasonNames.begin(), kReturnReasonNames.end()},
                                            "a return reason"});
      a.disposition = f.get("disposition", disposition);
      break;
    case Kind::add_labour: {
      const Choice<Action::Station> station{{"pickers", "agents"}, "a station"};
      a.station = f.get("station", station);
      if (const std::optional<Node> dc = f.find("dc")) {
        if (a.station == Action::Station::agents)
          dc->reject("names a DC for the contact centre's agents (expected no dc with agents)");
        a.all_dcs = false;
        a.dc = names.dcs.resolve(*dc);
      }
      a.staff = f.get("staff", kAddedStaff);
      a.hours = f.get("hours", positive);
      break;
    }
  }
  return a;
}

RuleScope read_scope(const Object& f, const Names& names) {
  RuleScope scope;
  if (const std::optional<Node> channel = f.find("channel"))
    scope.channel = channel_choice()(*channel);
  if (const std::optional<Node> category = f.find("category"))
    scope.category = names.categories.resolve(*category);
  if (const std::optional<Node> zone = f.find("zone")) scope.zone = names.zones.resolve(*zone);
  if (const std::optional<Node> node = f.find("node")) scope.node = NodeReader{&names}(*node);
  return scope;
}

// A threshold from the reports: ratios, counts and money all fit.
constexpr Number kThreshold{-kLargestNumber, kLargestNumber};

enum class Cadence { immediate, weekly };

Rule read_rule(const Object& f, std::uint32_t horizon_days, const ActionContext& context,
               Names& names) {
  Rule r;
  r.name = names.rules.add(f);
  r.metric = f.get("metric", metric);
  r.scope = read_scope(f.optional_object("scope", formats::rule_scope), names);
  r.window_days = f.get("window_days", Integer<std::uint32_t>{1, horizon_days}, r.window_days);
  const Choice<Rule::Comparator> comparator{{"<", "<=", ">", ">="}, "a comparator"};
  r.comparator = f.get("comparator", comparator);
  r.threshold = f.get("threshold", kThreshold);
  r.sustained_for_hours = f.get("sustained_for_hours", non_negative, r.sustained_for_hours);
  r.owner = f.get("owner", name);
  r.timebox_hours = f.get("timebox_hours", positive, r.timebox_hours);
  // The owner decides at some point of the timebox unless told otherwise.
  r.decision_hours =
      f.get("decision_hours", distribution, Distribution::uniform(0, r.timebox_hours));
  r.cooldown_hours = f.get("cooldown_hours", non_negative, r.cooldown_hours);
  const Choice<Cadence> cadence{{"immediate", "weekly"}, "a cadence"};
  r.weekly = f.get("cadence", cadence, Cadence::immediate) == Cadence::weekly;
  for (const Node& element :
       f.at("actions", "an array of actions").array(1, kMaxActionsPerRule, "actions"))
    r.actions.push_back(read_action(element, context));
  return r;
}

}  // namespace

ControlTower read_control_tower(const Object& f, const Scenario& scenario, Names& names) {
  ControlTower out;
  const std::optional<Node> hour = f.find("evaluation_hour");
  if (hour) out.evaluation_hour = kHourOfDay(*hour);
  // A rule looks at complete days, so the last one's reports must be in by the evaluation.
  const double latency_minutes = scenario.kpi.report_latency_minutes;
  const auto too_early = [&] { return out.evaluation_hour * 60 <= latency_minutes; };
  const std::string later =
      "is not later in the day than the report latency (expected an hour after "
      "kpi.report_latency_minutes, " +
      show_number(latency_minutes) +
      " minutes after midnight: the reports of the previous day must have arrived)";
  if (hour && too_early()) hour->reject(later);
  const Object review = f.optional_object("review", formats::weekly_review);
  const Choice<std::uint32_t> weekday = weekday_choice();
  out.review_day = review.get("day", weekday, out.review_day);
  out.review_hour = review.get("hour", kHourOfDay, out.review_hour);
  if (const std::optional<Node> rules = f.find("rules")) {
    const Elements elements = rules->array(0, kMaxRules, "rules");
    SelectionBudget budget("actions");
    const ActionContext context{&names, SkuSelection(scenario.catalog, names), &budget};
    for (const Node& element : elements)
      out.rules.push_back(
          read_rule(element.object(formats::rule), scenario.horizon_days, context, names));
  }
  // The default hour matters only when there are rules to evaluate.
  if (!hour && !out.rules.empty() && too_early())
    fail_at(f.path() / "evaluation_hour",
            "the default, " + show_number(out.evaluation_hour) + ", " + later);
  return out;
}

StatusQuo read_status_quo(const Object& f, const Scenario& scenario, const Names& names) {
  const ControlTower& control_tower = scenario.control_tower;
  StatusQuo out;
  out.first_review_day = f.get("first_review_day", non_negative, out.first_review_day);
  // A period that rounds to no time would repeat the review forever at one instant.
  out.review_every_days = f.get("review_every_days", Number{0.01}, out.review_every_days);
  out.review_hour = f.get("review_hour", kHourOfDay, out.review_hour);
  out.decision_hours = f.get("decision_hours", distribution, out.decision_hours);
  // 0: each rule's own window.
  out.window_days =
      f.get("window_days", Integer<std::uint32_t>{0, scenario.horizon_days}, out.window_days);
  if (const std::optional<Node> rules = f.find("rules")) {
    std::vector<Pointer> listed_at(control_tower.rules.size());
    for (const Node& element : rules->array(0, kMaxRules, "rule names")) {
      if (control_tower.rules.empty())
        element.reject("is not a rule name (control_tower.rules defines none)");
      const std::uint32_t rule = names.rules.resolve(element);
      if (!listed_at[rule].empty())
        element.reject("is listed twice (already at " + where(listed_at[rule]) + ")");
      listed_at[rule] = element.path();
      out.rules.push_back(rule);
    }
  } else {
    for (std::uint32_t rule = 0; rule < control_tower.rules.size(); ++rule)
      out.rules.push_back(rule);
  }
  return out;
}

}  // namespace retail::scenario
