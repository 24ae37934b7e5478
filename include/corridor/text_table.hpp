#pragma once
// Plain-text tables for the terminal: columns aligned, numbers right-aligned with thousands separators.
// Knows nothing of the model; the CLI fills rows.
#include <string>
#include <vector>

namespace corridor {

class text_table {
 public:
  explicit text_table(std::vector<std::string> header) : header_(std::move(header)) {}
  void add_row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  std::string render(const std::string& indent = "  ") const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// A number for people: fixed decimals, thousands separated by ',' (locale-independent).
std::string human_number(double v, int decimals);
// A share as a percentage with one decimal ("72.4 %").
std::string human_percent(double share);

}  // namespace corridor
