// Describing actions and scopes in words for the decision log.
#include "models/metrics/decision_log.hpp"

#include <iomanip>
#include <sstream>

namespace retail {

namespace {

std::string node_name(std::uint32_t node, const Scenario& s) {
  return node < s.dcs.size() ? s.dcs[node].name : s.stores[node - s.dcs.size()].name;
}

std::string zone_part(const Action& action, const Scenario& s) {
  return action.all_zones ? "all zones" : s.zones[action.zone].name;
}

}  // namespace

std::string describe(const Action& action, const Scenario& s) {
  std::ostringstream out;
  out << std::setprecision(4) << kActionNames[static_cast<std::size_t>(action.kind)] << '(';
  const auto program = [&] { return s.advertising.programs[action.program].name; };
  const auto promotion = [&] { return s.promotions[action.promotion].name; };
  const auto channel = [&](Channel c) { return kChannelNames[static_cast<std::size_t>(c)]; };
  switch (action.kind) {
    case Action::Kind::cut_ads:
      out << program() << ", x" << action.factor;
      break;
    case Action::Kind::pause_ads:
    case Action::Kind::resume_ads:
      out << program();
      break;
    case Action::Kind::pivot_ads:
      out << program() << ", " << action.skus.size() << " SKUs";
      break;
    case Action::Kind::transfer_inventory:
      out << node_name(action.from, s) << " -> " << node_name(action.to, s) << ", "
          << action.share * 100 << "% of " << action.skus.size() << " SKUs";
      break;
    case Action::Kind::widen_promise:
      out << zone_part(action, s) << ", +" << action.hours << "h";
      break;
    case Action::Kind::switch_carrier:
      out << zone_part(action, s) << ", " << s.carriers[action.carrier].name;
      break;
    case Action::Kind::expedite:
      out << zone_part(action, s) << ", " << channel(action.channel);
      break;
    case Action::Kind::pause_promo:
      out << promotion() << ", " << channel(action.channel);
      break;
    case Action::Kind::fix_promo:
      out << promotion() << ", "
          << (action.all_channels ? "all channels" : channel(action.channel));
      break;
    case Action::Kind::freeze_promos:
      break;
    case Action::Kind::update_sizing_content:
    case Action::Kind::change_packaging:
      out << action.value;
      break;
    case Action::Kind::tighten_disposition:
      out << kReturnReasonNames[static_cast<std::size_t>(action.reason)];
      for (std::size_t d = 0; d < kDispositions; ++d)
        out << ", " << kDispositionNames[d] << ' ' << action.disposition[d];
      break;
    case Action::Kind::add_labour:
      out << (action.station == Action::Station::agents ? "agents"
              : action.all_dcs                          ? "pickers, all DCs"
                                                        : "pickers, " + s.dcs[action.dc].name)
          << ", +" << action.staff << " for " << action.hours << 'h';
      break;
  }
  out << ')';
  if (action.delay_hours > 0) out << " after " << action.delay_hours << 'h';
  return out.str();
}

std::string describe_actions(const Rule& rule, const Scenario& scenario) {
  std::string out;
  for (const Action& action : rule.actions) {
    if (!out.empty()) out += "; ";
    out += describe(action, scenario);
  }
  return out;
}

std::string describe_scope(const RuleScope& scope, const Scenario& s) {
  std::string out;
  const auto add = [&](const char* key, const std::string& value) {
    if (!out.empty()) out += ' ';
    out += key;
    out += '=';
    out += value;
  };
  if (scope.channel) add("channel", kChannelNames[static_cast<std::size_t>(*scope.channel)]);
  if (scope.category) add("category", s.catalog.categories[*scope.category]);
  if (scope.zone) add("zone", s.zones[*scope.zone].name);
  if (scope.node) add("node", node_name(*scope.node, s));
  return out.empty() ? "all" : out;
}

}  // namespace retail
