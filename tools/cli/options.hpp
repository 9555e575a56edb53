// The options several commands share, and numeric options read by number_options.hpp's strict
// readers, so that every command spells and checks them alike.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/metrics/catalogue.hpp"
#include "tools/cli/number_options.hpp"
#include "tools/results/errors.hpp"

namespace omnisim {

// A numeric option whose text `read(name, text)` (a reader of number_options.hpp) turns into
// `value`. A refused number is a parse error like any other: its message, then the usage hint.
template <class T, class Read>
CLI::Option* add_number(CLI::App& command, const std::string& name, T& value, Read read,
                        const std::string& help) {
  return command.add_option_function<std::string>(
      name,
      [&value, read, name](const std::string& text) {
        try {
          value = read(name, text);
        } catch (const UsageError& e) {
          throw CLI::ValidationError(e.what());
        }
      },
      help);
}

template <class T>
struct ValueOf {
  using type = T;
};
template <class T>
struct ValueOf<std::optional<T>> {
  using type = T;
};

// An integer option from `min` to `max`, into a T or a std::optional<T> that holds them all.
template <class T>
CLI::Option* add_integer(CLI::App& command, const std::string& name, T& value, std::uint64_t min,
                         std::uint64_t max, const std::string& help) {
  return add_number(
      command, name, value,
      [min, max](std::string_view option, std::string_view text) {
        return static_cast<typename ValueOf<T>::type>(parse_integer(option, text, min, max));
      },
      help);
}

// What sweep and merge rank by unless told otherwise.
inline std::string default_objective() {
  return std::string(retail::metric_key(retail::MetricId::contribution_margin));
}

// --set PATH=VALUE, repeatable.
void add_overrides(CLI::App& command, std::vector<std::string>& overrides);
// --threads T.
void add_threads(CLI::App& command, unsigned& threads);
// --seed S, with the command's own help.
void add_seed(CLI::App& command, std::optional<std::uint64_t>& seed, const std::string& help);
// --memory-limit SIZE; `what` ("run", "sweep") for the help text.
void add_memory_limit(CLI::App& command, std::optional<std::uint64_t>& limit,
                      const std::string& what);
// --top K, the rows of a printed ranking.
void add_top(CLI::App& command, std::size_t& top);

}  // namespace omnisim
