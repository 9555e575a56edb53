// A line-at-a-time RFC 4180 reader: getline is fast, and a quoted field that spans lines just
// pulls in the next one.
#include "tools/results/csv_reader.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <string>

#include "tools/results/csv.hpp"
#include "tools/results/errors.hpp"

namespace omnisim {

CsvReader::CsvReader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}

bool CsvReader::next(std::vector<std::string>& fields) {
  if (!std::getline(in_, text_)) return false;
  row_line_ = next_line_++;
  std::size_t used = 0;
  const auto field = [&]() -> std::string& {
    if (used == fields.size()) fields.emplace_back();
    std::string& out = fields[used++];
    out.clear();
    return out;
  };
  std::size_t at = 0;
  while (true) {
    std::string& out = field();
    if (at < text_.size() && text_[at] == '"') {
      ++at;
      while (true) {
        const std::size_t quote = text_.find('"', at);
        if (quote == std::string::npos) {
          // The field goes on after a line break.
          out.append(text_, at, std::string::npos);
          out.push_back('\n');
          if (!std::getline(in_, text_)) {
            throw UsageError(name_ + ":" + std::to_string(row_line_) +
                             ": a quoted field is not closed before the end of the file");
          }
          ++next_line_;
          at = 0;
          continue;
        }
        out.append(text_, at, quote - at);
        at = quote + 1;
        if (at < text_.size() && text_[at] == '"') {
          out.push_back('"');
          ++at;
          continue;
        }
        break;
      }
      // Anything between the closing quote and the comma is kept, as lenient readers do.
      const std::size_t comma = text_.find(',', at);
      const std::size_t end = comma == std::string::npos ? text_.size() : comma;
      out.append(text_, at, end - at);
      at = end;
    } else {
      const std::size_t comma = text_.find(',', at);
      const std::size_t end = comma == std::string::npos ? text_.size() : comma;
      out.append(text_, at, end - at);
      at = end;
    }
    if (at >= text_.size()) break;
    ++at;  // past the comma
  }
  // A CRLF file leaves '\r' on the last field.
  std::string& last = fields[used - 1];
  if (!last.empty() && last.back() == '\r') last.pop_back();
  fields.resize(used);
  // Text cells that looked like formulas were written with an apostrophe before them.
  for (std::string& text : fields)
    if (text.starts_with('\'')) text = std::string(csv::text_of(text));
  return true;
}

std::vector<std::size_t> column_indexes(const std::vector<std::string>& header,
                                        const std::vector<std::string>& wanted,
                                        std::string_view input_name) {
  std::vector<std::size_t> indexes;
  for (const std::string& name : wanted) {
    const auto at = std::find(header.begin(), header.end(), name);
    if (at == header.end()) {
      throw UsageError(std::string(input_name) + ": no column '" + name +
                       "' in its header (was it written by this version of omnisim?)");
    }
    indexes.push_back(static_cast<std::size_t>(at - header.begin()));
  }
  return indexes;
}

void malformed(const CsvReader& reader, const std::string& what) {
  throw UsageError(reader.name() + ":" + std::to_string(reader.line()) + ": " + what);
}

double number_field(const CsvReader& reader, const std::string& text, const std::string& column) {
  if (text.empty()) return std::numeric_limits<double>::quiet_NaN();
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size())
    malformed(reader, "column '" + column + "': expected a number, got '" + text + "'");
  return value;
}

std::uint64_t unsigned_field(const CsvReader& reader, const std::string& text,
                             const std::string& column) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size())
    malformed(reader, "column '" + column + "': expected a whole number, got '" + text + "'");
  return value;
}

}  // namespace omnisim
