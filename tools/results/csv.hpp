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
// Quoted (with inner quotes doubled) only when it holds a comma, quote or line break. Text that a
// spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return, and
// not a number such as -3.5) gets a leading apostrophe, as OWASP recommends against CSV
// injection; text that already starts with apostrophes before one of those gets one more, so
// that text_of can always take exactly one off.
void append_text(std::string& row, std::string_view text);

// The text a field written by append_text holds (after unquoting): without the apostrophe
// append_text added, if any.
std::string_view text_of(std::string_view field);

}  // namespace omnisim::csv
