// Parameter paths on the resolved base scenario's YAML tree. Editing the tree and loading the result again
// means every design point passes the same validation as a scenario file.
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "sweep_internal.hpp"

namespace corridor::sweep_detail {
namespace {

struct alias {
  const char* name;
  const char* collection;
  const char* field;  // the child field that must equal `value`
  const char* value;
};
constexpr alias aliases[] = {{"crossings", "nodes", "kind", "crossing"},
                             {"terminals", "nodes", "kind", "terminal"},
                             {"ports", "nodes", "kind", "port"},
                             {"junctions", "nodes", "kind", "junction"},
                             {"ferries", "edges", "mode", "ferry"}};

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> out;
  std::string seg;
  std::istringstream in(path);
  while (std::getline(in, seg, '.')) out.push_back(seg);
  return out;
}

std::string keys_of(const YAML::Node& map) {
  std::string list;
  for (const auto& kv : map) list += (list.empty() ? "" : ", ") + kv.first.as<std::string>();
  return list;
}

bool numeric(const YAML::Node& n) {
  double v = 0.0;
  return n.IsScalar() && YAML::convert<double>::decode(n, v);
}

void check_leaf(const YAML::Node& n, const std::string& at, param_op op) {
  if (n.IsMap())
    throw std::invalid_argument("'" + at + "' is a map; address one of its fields: " + keys_of(n));
  if (n.IsSequence()) {
    for (const auto& e : n) {
      if (!numeric(e)) throw std::invalid_argument("'" + at + "' is a list of something other than numbers");
    }
    return;
  }
  if (op == param_op::scale && !numeric(n))
    throw std::invalid_argument("'" + at + "' is not a number to scale");
}

struct walker {
  param_op op = param_op::set;
  const alias* filter = nullptr;
  std::vector<std::string> found;

  bool passes(const YAML::Node& child, std::size_t depth) const {
    if (filter == nullptr || depth != 1) return true;
    const auto f = child[filter->field];
    const std::string have = f ? f.as<std::string>() : (std::string(filter->field) == "mode" ? "rail" : "");
    return have == filter->value;
  }

  void walk(const YAML::Node& n, const std::vector<std::string>& segs, std::size_t i, const std::string& at) {
    if (i == segs.size()) {
      check_leaf(n, at, op);
      found.push_back(at);
      return;
    }
    const auto& s = segs[i];
    const auto prefix = at.empty() ? std::string() : at + ".";
    if (s == "*") {
      if (n.IsMap()) {
        for (const auto& kv : n) {
          if (passes(kv.second, i)) walk(kv.second, segs, i + 1, prefix + kv.first.as<std::string>());
        }
      } else if (n.IsSequence()) {
        for (std::size_t k = 0; k < n.size(); ++k) walk(n[k], segs, i + 1, prefix + std::to_string(k));
      } else {
        throw std::invalid_argument("'*' after '" + at + "', which holds no map or list");
      }
      return;
    }
    if (n.IsSequence()) {
      std::size_t k = 0;
      const auto r = std::from_chars(s.data(), s.data() + s.size(), k);
      if (r.ec != std::errc() || r.ptr != s.data() + s.size() || k >= n.size()) {
        throw std::invalid_argument("'" + at + "' is a list of " + std::to_string(n.size()) + "; '" + s +
                                    "' is not an index in it");
      }
      walk(n[k], segs, i + 1, prefix + s);
      return;
    }
    if (!n.IsMap() || !n[s]) {
      const std::string where = at.empty() ? "the scenario" : "'" + at + "'";
      throw std::invalid_argument("no '" + s + "' in " + where +
                                  (n.IsMap() ? " (it has: " + keys_of(n) + ")" : " (not a map)"));
    }
    if (!passes(n[s], i)) {
      throw std::invalid_argument("'" + prefix + s + "' is not one of the " + filter->name + " (its " +
                                  filter->field + " is not " + filter->value + ")");
    }
    walk(n[s], segs, i + 1, prefix + s);
  }
};

}  // namespace

std::vector<std::string> resolve_targets(const YAML::Node& root, const std::string& path, param_op op) {
  auto segs = split(path);
  if (segs.empty() || path.back() == '.') throw std::invalid_argument("empty parameter path");
  for (const auto& s : segs) {
    if (s.empty()) throw std::invalid_argument("empty segment in parameter path '" + path + "'");
  }
  walker w;
  w.op = op;
  for (const auto& a : aliases) {
    if (segs[0] == a.name) {
      segs[0] = a.collection;
      w.filter = &a;
    }
  }
  w.walk(root, segs, 0, "");
  if (w.found.empty()) throw std::invalid_argument("'" + path + "' matches nothing in the base scenario");
  return w.found;
}

void apply_target(YAML::Node& root, const std::string& target, param_op op, double value) {
  YAML::Node cur = root;
  for (const auto& s : split(target)) {
    // reset() rebinds; plain assignment would overwrite the node it refers to.
    if (cur.IsSequence()) {
      cur.reset(cur[static_cast<std::size_t>(std::stoul(s))]);
    } else {
      cur.reset(cur[s]);
    }
  }
  if (op == param_op::set) {
    cur = YAML::Node(format_number(value));
    return;
  }
  if (cur.IsSequence()) {
    for (std::size_t k = 0; k < cur.size(); ++k) cur[k] = format_number(cur[k].as<double>() * value);
  } else {
    cur = format_number(cur.as<double>() * value);
  }
}

std::string format_number(double v) {
  if (v == std::floor(v) && std::abs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw sweep_error(file.string() + ": cannot read");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace corridor::sweep_detail
