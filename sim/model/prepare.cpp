// Everything fixed before a run: the network, and per flow the k cheapest corridors by generalized cost at
// nominal hours (costs.hpp), the same terms a train weighs at departure before the queues it sees then.
#include <fmt/format.h>

#include "calendar.hpp"
#include "corridor/model.hpp"
#include "costs.hpp"

namespace corridor {

prepared_scenario::prepared_scenario(scenario s) : spec(std::move(s)), net(spec) {
  // Border points: two routes through the same crossings and ports are one corridor to a planner.
  std::vector<bool> border(net.num_nodes(), false);
  for (vertex_t v = 0; v < net.num_nodes(); ++v) {
    border[v] = net.props(v).kind == node_kind::crossing || net.props(v).kind == node_kind::port;
  }
  path_sets.reserve(spec.flows.size());
  for (const flow_spec& f : spec.flows) {
    const cargo_class_spec* cc = spec.find_cargo_class(f.cargo_class);
    if (cc == nullptr)
      throw model_error(fmt::format("flow '{}': unknown cargo class '{}'", f.id, f.cargo_class));
    const double value_of_time_per_h = cc->value_of_time_usd_per_teu_day / detail::hours_per_day;
    const path_weights w = detail::nominal_weights(spec, net, value_of_time_per_h);
    auto paths =
        k_distinct_corridors(net, net.node(f.from), net.node(f.to), spec.route_choice.k_paths, w, border);
    if (paths.empty())
      throw model_error(fmt::format("flow '{}': no route from '{}' to '{}'", f.id, f.from, f.to));
    path_sets.push_back(std::move(paths));
  }
}

}  // namespace corridor
