// The options every command shares, with one spelling, one range and one wording; and the checks of files
// named on the command line.
#include <fmt/format.h>
#include <charconv>
#include <cmath>
#include <filesystem>

#include "commands.hpp"
#include "corridor/io.hpp"
#include "corridor/study.hpp"

namespace corridor::cli {

CLI::Option* add_allow_outside_flag(CLI::App* cmd, bool& flag) {
  return cmd->add_flag(
      "--allow-outside", flag,
      "Let extends name a base outside the scenario's folder tree (its folder, or the folder "
      "above it that holds .corridor-root)");
}

CLI::Option* add_out_option(CLI::App* cmd, std::string& out, const std::string& what) {
  return cmd->add_option("-o,--out", out, what);
}

CLI::Option* add_threads_option(CLI::App* cmd, std::size_t& threads) {
  return cmd
      ->add_option("-t,--threads", threads,
                   fmt::format("Worker threads, 1 to {} (default: all cores); results do not depend on it",
                               max_threads))
      ->check(whole_in(1, max_threads));
}

CLI::Option* add_replications_option(CLI::App* cmd, std::size_t& replications, std::size_t min,
                                     const std::string& what) {
  return cmd->add_option("-r,--replications", replications, what)->check(whole_in(min, max_replications));
}

CLI::Option* add_seed_option(CLI::App* cmd, std::optional<std::uint64_t>& seed, const std::string& what) {
  const CLI::Validator whole(
      [](std::string& text) -> std::string {
        std::uint64_t v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec == std::errc() && end == text.data() + text.size()) return {};
        return "expected a whole number from 0 to 18446744073709551615, got '" + text + "'";
      },
      "UINT64");
  return cmd->add_option("--seed", seed, what)->check(whole);
}

CLI::Option* add_warmup_days_option(CLI::App* cmd, std::optional<double>& days, const std::string& what,
                                    const std::string& names) {
  return cmd->add_option(names, days, what)->check(finite_in(0.0, max_warmup_days));
}

CLI::Validator whole_in(std::size_t lo, std::size_t hi) {
  return CLI::Validator(
      [lo, hi](std::string& text) -> std::string {
        // Decimal digits only: CLI11 alone would take 0x10 as 16, and name "12x" as a value out of range.
        std::size_t v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < lo || v > hi)
          return fmt::format("expected a whole number from {} to {}, got '{}'", lo, hi, text);
        return {};
      },
      fmt::format("INT in [{}, {}]", lo, hi));
}

CLI::Validator finite_in(double lo, double hi) {
  return CLI::Validator(
      [lo, hi](std::string& text) -> std::string {
        double v = 0.0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
          return "expected a finite number, got '" + text + "'";
        if (v < lo || v > hi) return fmt::format("expected a number from {:g} to {:g}, got {}", lo, hi, text);
        return {};
      },
      fmt::format("NUMBER in [{:g}, {:g}]", lo, hi));
}

void require_file(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) throw io_error(path, "no such file");
  if (std::filesystem::is_directory(status)) throw io_error(path, "is a folder, not a file");
}

void require_directory(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) throw io_error(path, "no such folder");
  if (!std::filesystem::is_directory(status)) throw io_error(path, "is a file, not a folder");
}

void set_example(CLI::App* cmd, const std::string& example) {
  cmd->footer("\nExample:\n  " + example);
}

}  // namespace corridor::cli
