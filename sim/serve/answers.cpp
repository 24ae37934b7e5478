#include "answers.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace corridor::detail {
namespace {

using ojson = nlohmann::ordered_json;

ojson num(double v) {
  if (!std::isfinite(v)) return nullptr;
  return v == 0.0 ? 0.0 : v;
}

std::string text(const ojson& j) {
  return j.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace

std::string bottlenecks_json(const std::vector<element_bottleneck>& elements) {
  ojson out = ojson::array();
  for (const auto& b : elements) {
    ojson limits = ojson::array();
    for (const auto& l : b.limits)
      limits.push_back({{"kind", l.kind}, {"capacity", num(l.capacity)}, {"use", num(l.use)}});
    out.push_back({{"id", b.id},
                   {"kind", b.kind},
                   {"binding", b.binding},
                   {"use", num(b.use)},
                   {"headroom", num(b.headroom)},
                   {"limits", std::move(limits)},
                   {"mean_wait_h", num(b.mean_wait_h)},
                   {"mean_queue_trains", num(b.mean_queue_trains)},
                   {"unstable", b.trend.unstable},
                   {"queue_rise_trains", num(b.trend.rise_trains)},
                   {"queue_first_third", num(b.trend.first_third_mean)},
                   {"queue_last_third", num(b.trend.last_third_mean)}});
  }
  return text(out);
}

std::string capacity_json(const capacity_search& c, const std::string& metric) {
  ojson probes = ojson::array();
  for (const auto& p : c.probes) {
    probes.push_back(
        {{"factor", num(p.factor)}, {"value", num(p.value)}, {"half_width_95", num(p.half_width_95)}});
  }
  ojson out;
  out["metric"] = metric;
  out["threshold"] = num(c.threshold);
  out["outcome"] = c.outcome;
  out["capacity_factor"] = num(c.capacity_factor);
  out["exceeded_factor"] = num(c.exceeded_factor);
  out["probes"] = std::move(probes);
  return text(out);
}

std::string progress_json(const job_view& v) {
  ojson out;
  out["job"] = v.id;
  out["kind"] = v.kind;
  out["state"] = v.state;
  out["done"] = v.done;
  out["total"] = v.total;
  out["seconds"] = num(v.seconds);
  return text(out);
}

std::string error_json(const std::string& message, const std::vector<scenario_error::diagnostic>& diags) {
  ojson out;
  out["error"] = message;
  if (!diags.empty()) {
    ojson list = ojson::array();
    for (const auto& d : diags) list.push_back({{"where", to_string(d.loc)}, {"message", d.message}});
    out["diagnostics"] = std::move(list);
  }
  return text(out);
}

std::string json_members(std::initializer_list<std::pair<const char*, std::string>> members) {
  std::string out = "{";
  for (const auto& [key, value] : members) {
    if (out.size() > 1) out += ',';
    out += ojson(key).dump() + ":" + value;
  }
  return out + "}";
}

}  // namespace corridor::detail
