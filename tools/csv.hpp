// CSV fields: exact, locale-independent numbers and RFC 4180 quoting, appended to a row.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace omnisim::csv {

// The shortest text that reads back as the same double; empty when undefined (NaN or infinite),
// so that pandas and R read it as missing.
void append_number(std::string& row, double value);
void append_integer(std::string& row, std::int64_t value);
void append_unsigned(std::string& row, std::uint64_t value);
// A money amount in currency units with exactly two decimals ("-12.05"), from integer cents.
void append_cents(std::string& row, std::int64_t cents);
// Quoted (with inner quotes doubled) only when it holds a comma, quote or line break.
void append_text(std::string& row, std::string_view text);

}  // namespace omnisim::csv
