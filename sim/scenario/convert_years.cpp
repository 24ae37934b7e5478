// Multi-year runs in a scenario file: the calendar years, the paths of demand and of the alternatives' costs
// year by year, the opening dates of new nodes and edges, and the projects that change elements on a date.
// Read after the rest, as every one of them needs the years; each mistake is said at its own place.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>

#include "converter.hpp"

namespace corridor::detail {
namespace {

constexpr int days_per_model_year = 365;
constexpr int max_years = 100;
constexpr std::array<int, 12> days_in_month{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

bool digits(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Year, month and day of YYYY-MM-DD or YYYY (its 1 January); nullopt when the text is neither, or the date
// does not exist in a 365-day year (29 February).
std::optional<std::array<int, 3>> parse_date(std::string_view text) {
  if (text.size() == 4 && digits(text)) return std::array<int, 3>{std::stoi(std::string(text)), 1, 1};
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!digits(y) || !digits(m) || !digits(d)) return std::nullopt;
  const int month = std::stoi(std::string(m)), day = std::stoi(std::string(d));
  if (month < 1 || month > 12 || day < 1 || day > days_in_month[static_cast<std::size_t>(month - 1)])
    return std::nullopt;
  return std::array<int, 3>{std::stoi(std::string(y)), month, day};
}

// Keys a project may not change: what an element is and where it lies (the network's shape and the routes
// are fixed for the whole run).
const std::vector<std::string_view> fixed_node_keys = {"kind", "country", "lat", "lon", "opens", "name"};
const std::vector<std::string_view> fixed_edge_keys = {
    "from", "to", "mode", "gauge_mm", "distance_km", "bidirectional", "opens", "sailing", "service"};

}  // namespace

double converter::read_opening(const tnode& v, std::string_view key, const std::string& ctx,
                               const scenario& s) {
  if (!s.multi_year()) {
    diags_.error(v.loc, label(key, ctx) + " needs `years` (a multi-year run)");
    return 0.0;
  }
  const auto date = v.kind == tkind::scalar ? parse_date(v.text) : std::nullopt;
  if (!date) {
    wrong_type(v, key, ctx, "a date YYYY-MM-DD (365-day years: no 29 February) or a year");
    return 0.0;
  }
  const auto [y, m, d] = *date;
  if (y < s.first_year || y > s.last_year) {
    diags_.error(v.loc, label(key, ctx) + ": " + v.text + " is outside the run's years " +
                            std::to_string(s.first_year) + "-" + std::to_string(s.last_year));
    return 0.0;
  }
  const int month_start = std::accumulate(days_in_month.begin(), days_in_month.begin() + (m - 1), 0);
  return static_cast<double>((y - s.first_year) * days_per_model_year + month_start + d - 1);
}

// A year-by-year path: a compound growth a year, or one value per year; not both.
void converter::read_path(const tnode& m, const section_spec& sec, std::string_view growth_key,
                          std::string_view list_key, const std::string& ctx, const scenario& s,
                          double& growth, std::vector<double>& list) {
  const auto* g = m.find(growth_key);
  const auto* l = m.find(list_key);
  for (const tnode* v : {g, l}) {
    if (v && !s.multi_year()) {
      diags_.error(v->loc, label(v == g ? growth_key : list_key, ctx) + " needs `years` (a multi-year run)");
      return;
    }
  }
  if (g && l) {
    diags_.error(l->loc,
                 ctx + ": give " + std::string(growth_key) + " or " + std::string(list_key) + ", not both");
    return;
  }
  if (g) {
    read_number(m, growth_key, ctx, growth);
    const key_spec& k = sec.at(growth_key);
    if (!k.in_range(growth))
      diags_.error(g->loc, label(growth_key, ctx) + " must be " + k.range_text() + ", got " + g->text);
  }
  if (!l) return;
  std::vector<double> values;
  if (!number_list(*l, list_key, ctx, values)) return;
  const key_spec& k = sec.at(list_key);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!k.in_range(values[i]))
      return diags_.error(l->items[i].loc,
                          label(list_key, ctx) + " must be " + k.range_text() + ", got " + l->items[i].text);
  }
  if (values.size() != static_cast<std::size_t>(s.year_count())) {
    return diags_.error(l->loc, label(list_key, ctx) + ": " + std::to_string(values.size()) + " values for " +
                                    std::to_string(s.year_count()) + " years (" +
                                    std::to_string(s.first_year) + "-" + std::to_string(s.last_year) + ")");
  }
  list = std::move(values);
}

void converter::read_calendar(const tnode& root, scenario& s) {
  const auto* years = root.find("years");
  if (!years || !expect_map(*years, years->loc, "years")) return;
  check_keys(*years, years->loc, section("years"), "years", applies::any, "");
  int from = 0, to = 0;
  read_int(*years, "from", "years", from);
  read_int(*years, "to", "years", to);
  const key_spec& k = section("years").at("from");
  for (const auto& [key, value] :
       {std::pair<const char*, int>{"from", from}, std::pair<const char*, int>{"to", to}}) {
    const auto* v = years->find(key);
    if (v && !k.in_range(value)) {
      diags_.error(v->loc, label(key, "years") + " must be " + k.range_text() + ", got " + v->text);
      return;
    }
  }
  if (from == 0 || to == 0) return;
  if (to < from || to - from + 1 > max_years) {
    diags_.error(years->find("to")->loc, "years: to must be from to from + " + std::to_string(max_years - 1) +
                                             " (" + std::to_string(from) + "-" +
                                             std::to_string(from + max_years - 1) + "), got " +
                                             std::to_string(to));
    return;
  }
  // A horizon_days inherited from a base (`extends`) gives way to the years; in the same file it is a clash.
  if (const auto* h = root.find("horizon_days"); h && h->loc.file == years->loc.file) {
    diags_.error(h->loc,
                 "horizon_days: a multi-year run's horizon is its years (365 days each); give one of "
                 "`years` and horizon_days");
    return;
  }
  if (s.warmup_days >= days_per_model_year) {
    diags_.error(root.find("warmup_days")->loc,
                 "warmup_days of a multi-year run must be < 365 (its first year)");
    return;
  }
  s.first_year = from;
  s.last_year = to;
  s.horizon_days = static_cast<double>(days_per_model_year * (to - from + 1));
}

void converter::read_years(const tnode& root, scenario& s) {
  read_calendar(root, s);
  const auto each = [&](std::string_view collection, auto& specs, auto read) {
    const auto* c = root.find(collection);
    if (!c || c->kind != tkind::map) return;
    for (std::size_t i = 0; i < c->entries.size() && i < specs.size(); ++i) {
      if (c->entries[i].value.kind == tkind::map) read(c->entries[i], specs[i]);
    }
  };
  each("nodes", s.nodes, [&](const tentry& e, node_spec& n) {
    if (const auto* v = e.value.find("opens"))
      n.opens_day = read_opening(*v, "opens", "node " + in_quotes(e.key), s);
  });
  each("edges", s.edges, [&](const tentry& e, edge_spec& d) {
    if (const auto* v = e.value.find("opens"))
      d.opens_day = read_opening(*v, "opens", "edge " + in_quotes(e.key), s);
  });
  each("markets", s.markets, [&](const tentry& e, market_spec& m) {
    read_path(e.value, section("market"), "growth_per_year", "teu_per_year_by_year",
              "market " + in_quotes(e.key), s, m.growth_per_year, m.teu_per_year_by_year);
  });
  each("flows", s.flows, [&](const tentry& e, flow_spec& f) {
    read_path(e.value, section("flow"), "growth_per_year", "teu_per_week_by_year", "flow " + in_quotes(e.key),
              s, f.growth_per_year, f.teu_per_week_by_year);
  });
  each("alternatives", s.alternatives, [&](const tentry& e, alternative_spec& a) {
    read_path(e.value, section("alternative"), "cost_growth_per_year", "cost_scale_by_year",
              "alternative " + in_quotes(e.key), s, a.cost_growth_per_year, a.cost_scale_by_year);
  });
  read_projects(root, s);
}

// Each project's elements as whole specs: the scenario's element with the keys of every project that opens
// no later (in order of opening, then of the file) written over it.
void converter::read_projects(const tnode& root, scenario& s) {
  const auto* projects = root.find("projects");
  if (!projects) return;
  if (projects->kind != tkind::map) return wrong_type(*projects, "projects", "", "a map of id -> project");
  if (!s.multi_year()) return diags_.error(projects->loc, "projects need `years` (a multi-year run)");
  struct pending {
    const tentry* entry;
    project_spec spec;
  };
  std::vector<pending> all;
  for (const auto& e : projects->entries) {
    const std::string ctx = "project " + in_quotes(e.key);
    if (!is_valid_id(e.key)) diags_.error(e.key_loc, "invalid project id " + shown(e.key));
    if (!expect_map(e.value, e.key_loc, ctx)) continue;
    check_keys(e.value, e.key_loc, section("project"), ctx, applies::any, "");
    project_spec p;
    p.id = e.key;
    p.name = e.key;
    p.loc = e.key_loc;
    read_string(e.value, "name", ctx, p.name);
    read_string(e.value, "source", ctx, p.source);
    read_string(e.value, "opens", ctx, p.opens);
    if (const auto* v = e.value.find("opens")) p.opens_day = read_opening(*v, "opens", ctx, s);
    all.push_back({&e, std::move(p)});
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const pending& a, const pending& b) { return a.spec.opens_day < b.spec.opens_day; });
  std::map<std::string, tnode, std::less<>> current;  // element id -> its tree as the projects left it
  const auto change = [&](const tentry& project, std::string_view collection, std::string_view noun,
                          const std::vector<std::string_view>& fixed, auto& out, auto read,
                          const auto& base_specs) {
    const auto* changes = project.value.find(collection);
    if (!changes) return;
    const std::string ctx = "project " + in_quotes(project.key);
    if (changes->kind != tkind::map) return wrong_type(*changes, collection, ctx, "a map of id -> changes");
    const auto* base = root.find(collection);
    for (const auto& c : changes->entries) {
      const tentry* element = base && base->kind == tkind::map ? base->find_entry(c.key) : nullptr;
      if (!element) {
        std::vector<std::string> ids;
        for (const auto& b : base_specs) ids.push_back(b.id);
        diags_.error(c.key_loc, ctx + " changes unknown " + std::string(noun) + " " + shown(c.key) +
                                    did_you_mean(c.key, ids));
        continue;
      }
      if (!expect_map(c.value, c.key_loc, std::string(noun) + " " + in_quotes(c.key) + " of " + ctx))
        continue;
      bool ok = true;
      for (const auto& f : c.value.entries) {
        if (std::find(fixed.begin(), fixed.end(), f.key) == fixed.end()) continue;
        diags_.error(f.key_loc, ctx + ": " + in_quotes(f.key) + " of " + std::string(noun) + " " +
                                    in_quotes(c.key) + " cannot change during a run");
        ok = false;
      }
      if (!ok) continue;
      const std::string key = std::string(collection) + "/" + c.key;
      auto it = current.find(key);
      if (it == current.end()) it = current.emplace(key, element->value).first;
      for (const auto& f : c.value.entries) {
        if (auto* existing = it->second.find(f.key)) {
          *existing = f.value;
        } else {
          it->second.entries.push_back(f);
        }
      }
      typename std::decay_t<decltype(out)>::value_type spec;
      spec.id = c.key;
      spec.loc = element->key_loc;
      read(tentry{c.key, element->key_loc, it->second}, spec);
      out.push_back(std::move(spec));
    }
  };
  for (auto& [entry, p] : all) {
    change(
        *entry, "nodes", "node", fixed_node_keys, p.nodes,
        [&](const tentry& e, node_spec& n) { read_node(e, n); }, s.nodes);
    change(
        *entry, "edges", "edge", fixed_edge_keys, p.edges,
        [&](const tentry& e, edge_spec& d) { read_edge(e, d); }, s.edges);
    for (auto& n : p.nodes) n.opens_day = s.find_node(n.id)->opens_day;
    for (auto& d : p.edges) d.opens_day = s.find_edge(d.id)->opens_day;
    s.projects.push_back(std::move(p));
  }
}

}  // namespace corridor::detail
