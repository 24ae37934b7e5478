// Route choice: each departing train weighs its flow's path set by generalized cost per TEU (out-of-pocket
// plus value of time x expected hours, where expected hours include the queues now standing at crossings,
// line slots and ports) and picks by multinomial logit, or the cheapest. A route through a closed element
// costs infinity. Trains whose remaining route is closed re-plan on the open network when they can.
#include <cmath>
#include <limits>

#include "corridor/choice.hpp"

#include "calendar.hpp"
#include "corridor_model.hpp"

namespace corridor::detail {

namespace {
constexpr double infinite = std::numeric_limits<double>::infinity();
}

bool corridor_model::node_closed(vertex_t v) const {
  return node_factor_[v] <= 0.0;
}
bool corridor_model::edge_closed(std::uint32_t e) const {
  return net_.props(e).mode == edge_mode::ferry ? ferries_[e].capacity_factor <= 0.0 : lines_[e].closed;
}

double corridor_model::expected_route_hours(const path& p, double teu) const {
  const double now = eng_.now();
  double t = now;
  for (std::size_t i = 0; i < p.edges.size(); ++i) {
    const std::uint32_t e = p.edges[i];
    const vertex_t from = p.nodes[i];
    if (i > 0 && crossings_[from].is_crossing) {
      if (node_closed(from)) return infinite;
      t += crossing_expected_wait_h(from) + mean_service_h(from);
    }
    if (edge_closed(e)) return infinite;
    const edge_props& ep = net_.props(e);
    if (ep.mode == edge_mode::ferry) {
      t += ferry_expected_wait_h(e, teu);
    } else {
      t = std::max(t, lines_[e].next_free_h);  // the slot queue as it stands now
    }
    t += ep.travel_days() * hours_per_day;
  }
  return t - now;
}

std::uint32_t corridor_model::choose_route(std::uint32_t f) {
  const auto& paths = p_.path_sets[f];
  flow_state& st = flows_[f];
  std::vector<double>& cost = route_costs_;
  cost.resize(paths.size());
  for (std::uint32_t i = 0; i < paths.size(); ++i) {
    const cost_terms terms{.out_of_pocket_usd_per_teu = st.route_usd[i],
                           .hours = expected_route_hours(paths[i], st.capacity_teu)};
    cost[i] = generalized_cost_usd_per_teu(terms, st.value_of_time_per_h);
  }
  // One draw per departure whatever the mode, so the stream stays aligned across scenario variants.
  const double u = st.route_rng.uniform01();
  if (s_.route_choice.mode == route_choice_mode::cheapest) return static_cast<std::uint32_t>(cheapest(cost));
  return static_cast<std::uint32_t>(logit_choice(cost, s_.route_choice.logit_scale_per_usd, u));
}

bool corridor_model::route_blocked(const train_state& t) const {
  for (std::size_t i = t.pos; i < t.edges.size(); ++i) {
    if (edge_closed(t.edges[i])) return true;
    if (i > t.pos && node_closed(t.nodes[i])) return true;
  }
  return node_closed(t.nodes.back());
}

double corridor_model::reopens_at_h(const std::string& target) const {
  double at = eng_.now();
  for (std::uint32_t d = 0; d < s_.disruptions.size(); ++d) {
    const disruption_spec& ds = s_.disruptions[d];
    if (disruption_active_[d] && ds.target == target && ds.capacity_factor <= 0.0) {
      at = std::max(at, ds.to_day * hours_per_day);
    }
  }
  return at;
}

// A blocked train chooses as a dispatcher would: the cheapest detour on the open network, or its own route
// with a wait until the closures on it reopen (the scenario says when), whichever costs less at the flow's
// value of time. A train at Minsk does not go back to the Caspian to avoid a two-week closure at Brest.
void corridor_model::replan(train_state& t) {
  t.plan_version = plan_version_;
  if (!route_blocked(t)) return;
  const flow_state& st = flows_[t.flow];
  path_weights w;
  w.edge_cost.resize(net_.num_edges());
  w.node_cost.assign(net_.num_nodes(), 0.0);
  for (std::uint32_t e = 0; e < net_.num_edges(); ++e) {
    const edge_props& ep = net_.props(e);
    const double usd = ep.mode == edge_mode::rail ? ep.tariff_usd_per_teu_km * ep.distance_km
                                                  : s_.edges[ep.spec].ferry.fare_usd_per_teu;
    w.edge_cost[e] = usd + st.value_of_time_per_h * ep.travel_days() * hours_per_day;
  }
  for (vertex_t v = 0; v < net_.num_nodes(); ++v) {
    if (!crossings_[v].is_crossing) continue;
    const node_spec& n = s_.nodes[net_.props(v).spec];
    w.node_cost[v] = n.crossing.fee_usd_per_teu + st.value_of_time_per_h * mean_service_h(v);
  }
  // Staying: the rest of the route at open-network costs, plus the wait for the last closure on it to lift.
  double stay = 0.0;
  double reopen_h = eng_.now();
  for (std::size_t i = t.pos; i < t.edges.size(); ++i) {
    const std::uint32_t e = t.edges[i];
    const vertex_t next = t.nodes[i + 1];
    stay += w.edge_cost[e] + w.node_cost[next];
    if (edge_closed(e)) reopen_h = std::max(reopen_h, reopens_at_h(s_.edges[net_.props(e).spec].id));
    if (node_closed(next)) reopen_h = std::max(reopen_h, reopens_at_h(net_.props(next).id));
  }
  stay += st.value_of_time_per_h * (reopen_h - eng_.now());
  for (std::uint32_t e = 0; e < net_.num_edges(); ++e) {
    if (edge_closed(e) || node_closed(net_.target(e))) w.edge_cost[e] = infinite;
  }
  auto found = shortest_path(net_, t.nodes[t.pos], t.nodes.back(), w);
  if (!found || found->cost >= stay) return;  // waiting at the closure is the better choice
  t.nodes.resize(t.pos);
  t.edges.resize(t.pos);
  t.nodes.insert(t.nodes.end(), found->nodes.begin(), found->nodes.end());
  t.edges.insert(t.edges.end(), found->edges.begin(), found->edges.end());
}

}  // namespace corridor::detail
