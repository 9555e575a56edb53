// Reading back the CSV files omnisim writes, for the report: RFC 4180 rows (quoted fields with
// doubled quotes and line breaks inside), one at a time, so a large timeseries.csv streams.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace omnisim {

class CsvReader {
 public:
  // `name` is how errors name the input (its path).
  CsvReader(std::istream& in, std::string name);

  // Reads the next row into `fields` (reusing their storage); false at the end of the input.
  // Throws UsageError, naming the input and line, for a quote left open at the end.
  bool next(std::vector<std::string>& fields);

  // The line on which the row last read started (1 for the header).
  std::uint64_t line() const { return row_line_; }
  const std::string& name() const { return name_; }

 private:
  std::istream& in_;
  std::string name_;
  std::string text_;
  std::uint64_t next_line_ = 1;
  std::uint64_t row_line_ = 0;
};

// Where each of `wanted` is among `header`'s fields; throws UsageError naming the input and the
// first missing column.
std::vector<std::size_t> column_indexes(const std::vector<std::string>& header,
                                        const std::vector<std::string>& wanted,
                                        std::string_view input_name);

// Throws UsageError "<input>:<line>: <what>" for the row last read.
[[noreturn]] void malformed(const CsvReader& reader, const std::string& what);

// A number field; empty is NaN (undefined), anything else unreadable is malformed.
double number_field(const CsvReader& reader, const std::string& text, const std::string& column);

// A whole number field; empty or anything else unreadable is malformed.
std::uint64_t unsigned_field(const CsvReader& reader, const std::string& text,
                             const std::string& column);

}  // namespace omnisim
