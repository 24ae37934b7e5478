// Reading values from the tree: strings, numbers, enums, distributions, weekdays, month tables; and the
// key check of a map (unknown, misplaced and missing keys).
#include <algorithm>
#include <filesystem>

#include "converter.hpp"

namespace corridor::detail {

namespace {

std::string_view applies_text(applies a) {
  switch (a) {
    case applies::crossing:
      return "crossings";
    case applies::port:
      return "ports";
    case applies::rail:
      return "rail edges";
    case applies::ferry:
      return "ferry edges";
    case applies::any:
      break;
  }
  return "";
}

}  // namespace

void converter::check_keys(const tnode& map, const source_loc& at, const section_spec& sec,
                           const std::string& context, applies kind, std::string_view kind_text) {
  for (const auto& e : map.entries) {
    const auto* spec = sec.find(e.key);
    if (!spec) {
      if (diags_.full()) continue;
      diags_.error(e.key_loc,
                   "unknown key " + shown(e.key) + " in " + context + did_you_mean(e.key, sec.names()));
    } else if (spec->only != applies::any && kind != applies::any && spec->only != kind) {
      diags_.error(e.key_loc, "key " + in_quotes(e.key) + " applies only to " +
                                  std::string(applies_text(spec->only)) + ", but " + context + " is " +
                                  std::string(kind_text));
    }
  }
  std::vector<std::string_view> missing;
  for (const auto& spec : sec.keys) {
    if (spec.required && !map.find(spec.name)) missing.push_back(spec.name);
  }
  if (missing.empty()) return;
  diags_.error(at, context + " is missing required key" + (missing.size() > 1 ? "s '" : " '") +
                       join(missing, "', '") + "'");
}

void converter::read_string(const tnode& m, std::string_view key, const std::string& ctx, std::string& out) {
  const auto* v = m.find(key);
  if (!v) return;
  if (v->kind != tkind::scalar) return wrong_type(*v, key, ctx, "a string");
  out = v->text;
}

std::size_t converter::choice_index(const tnode& v, const section_spec& sec, std::string_view key,
                                    const std::string& ctx) {
  const auto& choices = sec.at(key).choices;
  const auto it = v.kind == tkind::scalar ? std::find(choices.begin(), choices.end(), v.text) : choices.end();
  if (it != choices.end()) return static_cast<std::size_t>(it - choices.begin());
  const std::vector<std::string> names(choices.begin(), choices.end());
  diags_.error(v.loc, label(key, ctx) + " must be one of " + join(choices, "|") + ", got " + v.describe() +
                          (v.kind == tkind::scalar ? did_you_mean(v.text, names) : ""));
  return static_cast<std::size_t>(-1);
}

void converter::read_choice(const tnode& m, const section_spec& sec, std::string_view key,
                            const std::string& ctx, std::string& out) {
  const auto* v = m.find(key);
  if (!v) return;
  const auto i = choice_index(*v, sec, key, ctx);
  if (i != static_cast<std::size_t>(-1)) out = std::string(sec.at(key).choices[i]);
}

void converter::strings(const tnode& v, std::string_view key, const std::string& ctx,
                        std::vector<std::string>& out, std::string_view list, std::string_view item) {
  if (v.kind != tkind::sequence) return wrong_type(v, key, ctx, list);
  out.clear();
  for (const auto& i : v.items) {
    if (i.kind != tkind::scalar) {
      wrong_type(i, key, ctx, item);
      continue;
    }
    out.push_back(i.text);
  }
}

void converter::read_strings(const tnode& m, std::string_view key, const std::string& ctx,
                             std::vector<std::string>& out, std::string_view list, std::string_view item) {
  if (const auto* v = m.find(key)) strings(*v, key, ctx, out, list, item);
}

void converter::read_number_map(const tnode& m, std::string_view key, const std::string& ctx,
                                std::vector<std::pair<std::string, double>>& out) {
  const auto* v = m.find(key);
  if (!v) return;
  if (v->kind != tkind::map) return wrong_type(*v, key, ctx, "a map of id -> number");
  out.clear();
  for (const auto& e : v->entries) {
    double x = 0.0;
    if (e.value.kind != tkind::scalar || !parse_number(e.value.text, x)) {
      diags_.error(e.value.loc,
                   label(key, ctx) + ": " + shown(e.key) + ": expected a number, got " + e.value.describe());
      continue;
    }
    out.emplace_back(e.key, x);
  }
}

void converter::read_number(const tnode& m, std::string_view key, const std::string& ctx, double& out) {
  const auto* v = m.find(key);
  if (!v) return;
  if (v->kind != tkind::scalar || !parse_number(v->text, out)) wrong_type(*v, key, ctx, "a number");
}

void converter::read_int(const tnode& m, std::string_view key, const std::string& ctx, int& out) {
  const auto* v = m.find(key);
  if (!v) return;
  long long x = 0;
  if (v->kind != tkind::scalar || !parse_integer(v->text, x)) return wrong_type(*v, key, ctx, "an integer");
  if (x < -1'000'000'000LL || x > 1'000'000'000LL) {
    return diags_.error(v->loc, label(key, ctx) + ": " + v->text + " is too large");
  }
  out = static_cast<int>(x);
}

void converter::read_bool(const tnode& m, std::string_view key, const std::string& ctx, bool& out) {
  const auto* v = m.find(key);
  if (!v) return;
  const std::string_view t = v->kind == tkind::scalar ? std::string_view(v->text) : std::string_view();
  if (t == "true" || t == "True" || t == "TRUE") {
    out = true;
  } else if (t == "false" || t == "False" || t == "FALSE") {
    out = false;
  } else {
    wrong_type(*v, key, ctx, "true or false");
  }
}

bool converter::number_list(const tnode& v, std::string_view key, const std::string& ctx,
                            std::vector<double>& out) {
  if (v.kind != tkind::sequence) {
    wrong_type(v, key, ctx, "a list of numbers");
    return false;
  }
  bool ok = true;
  for (const auto& item : v.items) {
    double x = 0.0;
    if (item.kind != tkind::scalar || !parse_number(item.text, x)) {
      wrong_type(item, key, ctx, "a number");
      ok = false;
    }
    out.push_back(x);
  }
  return ok;
}

void converter::read_dist(const tnode& m, std::string_view key, const std::string& ctx, distribution& out) {
  const auto* v = m.find(key);
  if (!v) return;
  double constant = 0.0;
  if (v->kind == tkind::scalar && parse_number(v->text, constant)) {
    out = distribution::constant(constant);
    return;
  }
  if (v->kind != tkind::map) return wrong_type(*v, key, ctx, "a number or a map {dist: ..., ...}");
  const auto* kind = v->find("dist");
  if (!kind) return diags_.error(v->loc, label(key, ctx) + ": distribution is missing key 'dist'");
  const auto* spec = kind->kind == tkind::scalar ? find_dist(kind->text) : nullptr;
  if (!spec) {
    std::vector<std::string> names;
    for (const auto& d : dist_specs()) names.emplace_back(d.name);
    return diags_.error(kind->loc, label(key, ctx) + ": unknown distribution " + kind->describe() +
                                       (kind->kind == tkind::scalar ? did_you_mean(kind->text, names) : ""));
  }
  std::vector<std::string> allowed{"dist"};
  for (auto p : spec->params) allowed.emplace_back(p);
  bool ok = true;
  for (const auto& e : v->entries) {
    if (std::find(allowed.begin(), allowed.end(), e.key) != allowed.end()) continue;
    diags_.error(e.key_loc, "unknown parameter " + in_quotes(e.key) + " for distribution '" +
                                std::string(spec->name) + "' (expects " + join(spec->params, ", ") + ")" +
                                did_you_mean(e.key, allowed));
    ok = false;
  }
  const bool empirical = spec->name == "empirical";
  double params[3] = {0.0, 0.0, 0.0};
  std::vector<double> values, weights;
  for (std::size_t i = 0; i < spec->params.size(); ++i) {
    const auto name = spec->params[i];
    const auto* p = v->find(name);
    if (!p) {
      if (empirical && name == "weights") continue;
      diags_.error(v->loc, label(key, ctx) + ": distribution '" + std::string(spec->name) +
                               "' is missing parameter " + in_quotes(name));
      ok = false;
    } else if (empirical) {
      ok = number_list(*p, name, label(key, ctx), i == 0 ? values : weights) && ok;
    } else if (p->kind != tkind::scalar || !parse_number(p->text, params[i])) {
      wrong_type(*p, name, label(key, ctx), "a number");
      ok = false;
    }
  }
  if (!ok) return;
  const auto [a, b, c] = params;
  const std::string_view n = spec->name;
  if (n == "constant") out = distribution::constant(a);
  if (n == "uniform") out = distribution::uniform(a, b);
  if (n == "exponential") out = distribution::exponential(a);
  if (n == "normal") out = distribution::normal(a, b);
  if (n == "lognormal") out = distribution::lognormal(a, b);
  if (n == "triangular") out = distribution::triangular(a, b, c);
  if (empirical) out = distribution::empirical(std::move(values), std::move(weights));
}

void converter::read_weekdays(const tnode& m, std::string_view key, const std::string& ctx,
                              std::vector<int>& out) {
  const auto* v = m.find(key);
  if (!v) return;
  if (v->kind != tkind::sequence) return wrong_type(*v, key, ctx, "a list of weekdays (mon..sun)");
  const std::vector<std::string> names(weekday_names.begin(), weekday_names.end());
  out.clear();
  for (const auto& item : v->items) {
    const auto it =
        item.kind == tkind::scalar ? std::find(names.begin(), names.end(), item.text) : names.end();
    if (it == names.end()) {
      diags_.error(item.loc,
                   label(key, ctx) + ": expected a weekday (mon, tue, wed, thu, fri, sat, sun), got " +
                       item.describe() + (item.kind == tkind::scalar ? did_you_mean(item.text, names) : ""));
      continue;
    }
    const int day = static_cast<int>(it - names.begin());
    if (std::find(out.begin(), out.end(), day) != out.end()) {
      diags_.error(item.loc, label(key, ctx) + ": weekday '" + item.text + "' is listed twice");
      continue;
    }
    out.push_back(day);
  }
  std::sort(out.begin(), out.end());
}

void converter::read_months(const tnode& m, std::string_view key, const std::string& ctx,
                            std::array<double, 12>& out, bool allow_one) {
  const auto* v = m.find(key);
  if (!v) return;
  double one = 0.0;
  if (allow_one && v->kind == tkind::scalar && parse_number(v->text, one)) {
    out.fill(one);
    return;
  }
  const std::string expected = allow_one ? "one number or a list of 12 (January first)"
                                         : "a list of 12 numbers "
                                           "(January first)";
  if (v->kind != tkind::sequence) return wrong_type(*v, key, ctx, expected);
  std::vector<double> values;
  if (!number_list(*v, key, ctx, values)) return;
  if (values.size() != 12) {
    return diags_.error(v->loc, label(key, ctx) + ": expected " + expected + ", got " +
                                    std::to_string(values.size()) + " numbers");
  }
  std::copy(values.begin(), values.end(), out.begin());
}

}  // namespace corridor::detail
