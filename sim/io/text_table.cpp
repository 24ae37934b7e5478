// Aligned plain-text tables: the first column left-aligned, the others right-aligned.
#include "corridor/text_table.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

namespace corridor {

std::string human_number(double v, int decimals) {
  if (!std::isfinite(v)) return "–";
  std::string s = fmt::format("{:.{}f}", std::fabs(v), decimals);
  const std::size_t dot = s.find('.');
  std::size_t int_end = dot == std::string::npos ? s.size() : dot;
  for (std::size_t i = int_end; i > 3; i -= 3) s.insert(i - 3, ",");
  if (v < 0 && s.find_first_not_of("0.,") != std::string::npos) s.insert(0, "-");
  return s;
}

std::string human_percent(double share) {
  return fmt::format("{:.1f} %", share * 100.0);
}

std::string text_table::render(const std::string& indent) const {
  std::vector<std::size_t> width(header_.size(), 0);
  const auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < width.size(); ++i) {
      // Count code points, not bytes, so "±" and "–" align.
      std::size_t n = 0;
      for (unsigned char ch : row[i]) n += (ch & 0xC0) != 0x80 ? 1 : 0;
      width[i] = std::max(width[i], n);
    }
  };
  measure(header_);
  for (const auto& r : rows_) measure(r);
  const auto line = [&](const std::vector<std::string>& row) {
    std::string out = indent;
    for (std::size_t i = 0; i < width.size(); ++i) {
      const std::string cell = i < row.size() ? row[i] : "";
      std::size_t n = 0;
      for (unsigned char ch : cell) n += (ch & 0xC0) != 0x80 ? 1 : 0;
      const std::string pad(width[i] - n, ' ');
      out += i == 0 ? cell + pad : pad + cell;
      if (i + 1 < width.size()) out += "  ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(header_);
  std::size_t total = 0;
  for (std::size_t w : width) total += w + 2;
  out += indent + std::string(total > 2 ? total - 2 : 0, '-') + "\n";
  for (const auto& r : rows_) out += line(r);
  return out;
}

}  // namespace corridor
