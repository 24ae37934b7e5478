// Route choice: each departing train weighs its service's path set by generalized cost per TEU (out of
// pocket, with its market's risk premiums, plus value of time x expected hours, where expected hours include
// the queues now standing at crossings, line slots and ports) and picks by nested logit over corridor
// families and routes, or the cheapest. A route through a closed element costs infinity. Trains whose
// remaining route is closed re-plan on the open network when they can.
#include "routing.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

#include "calendar.hpp"
#include "corridor/choice.hpp"
#include "costs.hpp"
#include "crossings.hpp"
#include "disruptions.hpp"
#include "ferries.hpp"
#include "reblock.hpp"
#include "wagons.hpp"

namespace corridor::detail {
namespace {

// Walks of a route while daily plans push it later (book_route_plans); a bound the plans never reach.
constexpr int max_plan_rounds = 16;

// The hour a train of `teu` leaving at `start_h` expects to reach the end of the route (`nodes`, `edges`),
// with the queues as they stand now; `at_plan(crossing, way, hour)` gives the hold the daily plan of that
// way adds there (called only where the way has a plan), and `at_crossing(v)` the expected wait plus the
// mean service at crossing v (crossing_hours). +infinity through a closed element.
template <class AtPlan, class AtCrossing>
double walk_route(const model& m, std::span<const vertex_t> nodes, std::span<const edge_id> edges, double teu,
                  double start_h, AtPlan&& at_plan, AtCrossing&& at_crossing) {
  double t = start_h;
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const edge_id e = edges[i];
    const vertex_t from = nodes[i];
    if (i > 0 && m.facts.nodes[from].is_crossing) {
      if (node_closed(m, from)) return unavailable_cost;
      if (m.facts.nodes[from].has_plan) {
        const int way = crossing_way(m, nodes[i - 1], from);
        if (m.facts.nodes[from].daily_plan[static_cast<std::size_t>(way)] > 0) t += at_plan(from, way, t);
      }
      t += at_crossing(from);
      if (m.facts.has_wagons) t += expected_wagon_wait_h(m, from, edges[i - 1], e);
      if (m.facts.has_reblock) t += expected_reblock_hold_h(m, from, nodes[i - 1], edges[i - 1], e);
    }
    const edge_facts& ef = m.facts.edges[e];
    if (ef.ferry) {
      if (m.state.ferries[e].capacity_factor <= 0.0) return unavailable_cost;
      t += ferry_expected_wait_h(m, e, teu);
    } else {
      if (m.state.lines[e].closed) return unavailable_cost;
      t = std::max(t, m.state.lines[e].next_free_h);  // the slot queue as it stands now
      if (ef.window) {
        const edge_spec& spec = edge_spec_of(m, e);
        t = next_open_time(t, spec.open_from_hour, spec.open_to_hour);
      }
    }
    t += ef.travel_h;
  }
  return t;
}

// One step of walk_route, over a path's steps (route_step, facts.hpp): the same terms in the same order,
// with what depends on the scenario alone found once per path when the run was set up (where walk_route adds
// a wagon wait that is 0 for a reason fixed by the scenario, this adds nothing: the same double). Moves `t`
// past the step; false through a closed element.
template <class AtPlan, class AtCrossing>
bool through_step(const model& m, const route_step& step, double teu, double& t, AtPlan&& at_plan,
                  AtCrossing&& at_crossing) {
  if (step.crossing != no_crossing) {
    const vertex_t from = step.crossing;
    if (node_closed(m, from)) return false;
    if (step.plan_way >= 0) t += at_plan(from, step.plan_way, t);
    t += at_crossing(from);
    if (step.wagon_home != no_wagon_home) t += home_wagon_wait_h(m, step.wagon_home);
    if (step.reblock_way >= 0)
      t += m.state.reblock_nodes[from].recent_hold_h[static_cast<std::size_t>(step.reblock_way)];
  }
  const edge_id e = step.edge;
  if (step.ferry) {
    if (m.state.ferries[e].capacity_factor <= 0.0) return false;
    t += ferry_expected_wait_h(m, e, teu);
  } else {
    const line_state& line = m.state.lines[e];
    if (line.closed) return false;
    t = std::max(t, line.next_free_h);  // the slot queue as it stands now
    if (step.window) {
      const edge_spec& spec = edge_spec_of(m, e);
      t = next_open_time(t, spec.open_from_hour, spec.open_to_hour);
    }
  }
  t += step.travel_h;
  return true;
}

// A crossing's expected wait plus its mean service, as a train joining now expects them.
double crossing_hours(const model& m, vertex_t v) {
  return crossing_expected_wait_h(m, v) + mean_service_h(m, v);
}

// Staying: the rest of the route at nominal costs, plus the time until the last closure on it is expected to
// lift, at the flow's value of time.
double stay_cost(const model& m, const train_state& t, const path_weights& w, double value_of_time_per_h) {
  double stay = 0.0;
  double reopen_h = m.eng.now();
  for (std::size_t i = t.pos; i < t.edges.size(); ++i) {
    const edge_id e = t.edges[i];
    const vertex_t next = t.nodes[i + 1];
    stay += w.edge_cost[e] + w.node_cost[next];
    if (edge_closed(m, e)) reopen_h = std::max(reopen_h, reopens_at_h(m, edge_spec_of(m, e).id));
    if (node_closed(m, next)) reopen_h = std::max(reopen_h, reopens_at_h(m, m.net.props(next).id));
  }
  return stay + value_of_time_per_h * (reopen_h - m.eng.now());
}

}  // namespace

void add_route_steps(const prepared_scenario& p, model_facts& facts) {
  for (service_id s = 0; s < facts.services.size(); ++s) {
    service_facts& sf = facts.services[s];
    sf.steps.clear();
    sf.step_begin.assign(1, 0);
    sf.shared_steps.clear();
    const path* previous = nullptr;
    for (const path& route : p.path_sets[s]) {
      for (std::size_t i = 0; i < route.edges.size(); ++i) {
        const edge_id e = route.edges[i];
        const vertex_t from = route.nodes[i];
        route_step step{.edge = e,
                        .ferry = facts.edges[e].ferry,
                        .window = facts.edges[e].window,
                        .travel_h = facts.edges[e].travel_h};
        const node_facts& nf = facts.nodes[from];
        if (i > 0 && nf.is_crossing) {
          step.crossing = static_cast<std::uint32_t>(from);
          if (nf.has_plan) {
            const int way = facts.nodes[route.nodes[i - 1]].country == nf.country ? 1 : 0;  // crossing_way
            if (nf.daily_plan[static_cast<std::size_t>(way)] > 0)
              step.plan_way = static_cast<std::int8_t>(way);
          }
          step.wagon_home = gauge_change_home(facts, p.net, from, route.edges[i - 1], e);
          // expected_reblock_hold_h: a re-blocking crossing where the route changes gauge.
          if (nf.reblock && gauge_changes(p.net, route.edges[i - 1], e))
            step.reblock_way =
                static_cast<std::int8_t>(facts.nodes[route.nodes[i - 1]].country == nf.country ? 1 : 0);
        }
        sf.steps.push_back(step);
      }
      sf.step_begin.push_back(static_cast<std::uint32_t>(sf.steps.size()));
      // The steps it shares with the previous path from the origin on: the same edges make the same steps.
      std::uint32_t shared = 0;
      if (previous != nullptr) {
        while (shared < route.edges.size() && shared < previous->edges.size() &&
               route.edges[shared] == previous->edges[shared])
          ++shared;
      }
      sf.shared_steps.push_back(shared);
      previous = &route;
    }
  }
}

void expected_route_hours(model& m, service_id s, std::vector<double>& hours) {
  const service_facts& sf = m.facts.services[s];
  const std::size_t paths = sf.step_begin.size() - 1;
  hours.resize(paths);
  const double teu = m.facts.services[s].capacity_teu;
  const bool priority = m.facts.services[s].priority > 0;
  // Nothing changes while the paths are walked, so a crossing that several paths pass is asked once: its
  // hours are kept under this call's stamp.
  crossing_memo& memo = m.crossing_hours;
  if (memo.stamp.size() != m.net.num_nodes()) {
    memo.stamp.assign(m.net.num_nodes(), 0);
    memo.hours.assign(m.net.num_nodes(), 0.0);
  }
  const std::uint64_t call = ++memo.call;
  const auto at_crossing = [&m, &memo, call](vertex_t v) {
    if (memo.stamp[v] != call) {
      memo.stamp[v] = call;
      memo.hours[v] = crossing_hours(m, v);
    }
    return memo.hours[v];
  };
  const double now = m.eng.now();
  const auto hold = [&m, priority](vertex_t v, int way, double at) {
    return priority ? 0.0 : plan_hold_h(m, v, way, at, true);  // a train with priority is in the plan
  };
  // Each path is walked from now with the queues as they stand now (walk_route). A path's first
  // shared_steps steps are the previous path's: the walk through them is the same sums, so it starts where
  // that walk was after them (`before`, the hour before each step of the last path walked, and after its
  // last), or is closed where that walk met a closed element among them.
  std::vector<double>& before = m.route_walk;
  constexpr std::size_t open = std::numeric_limits<std::size_t>::max();
  std::size_t closed_at = open;
  const std::span<const route_step> steps(sf.steps);
  for (std::size_t i = 0; i < paths; ++i) {
    const std::span<const route_step> path_steps =
        steps.subspan(sf.step_begin[i], sf.step_begin[i + 1] - sf.step_begin[i]);
    const std::size_t shared = sf.shared_steps[i];
    if (closed_at < shared) {
      hours[i] = unavailable_cost;
      continue;
    }
    if (before.size() <= path_steps.size()) before.resize(path_steps.size() + 1);
    double t = shared == 0 ? now : before[shared];
    closed_at = open;
    for (std::size_t j = shared; j < path_steps.size(); ++j) {
      before[j] = t;
      if (!through_step(m, path_steps[j], teu, t, hold, at_crossing)) {
        closed_at = j;
        break;
      }
    }
    if (closed_at != open) {
      hours[i] = unavailable_cost;
      continue;
    }
    before[path_steps.size()] = t;
    hours[i] = t == unavailable_cost ? unavailable_cost : t - now;
  }
}

void route_costs(const model& m, service_id s, std::span<const double> hours, double value_of_time_per_h,
                 std::vector<double>& costs) {
  const service_facts& sf = m.facts.services[s];
  costs.resize(hours.size());
  for (std::size_t i = 0; i < hours.size(); ++i) {
    const cost_terms terms{.out_of_pocket_usd_per_teu = sf.route_usd[i], .hours = hours[i]};
    costs[i] = generalized_cost_usd_per_teu(terms, value_of_time_per_h);
  }
}

double rail_inclusive_cost(const model& m, service_id s, std::span<const double> costs) {
  return nested_inclusive_cost(costs, m.path_size[s], m.family_offsets[s], m.spec.choice.family_scale_per_usd,
                               m.spec.route_choice.logit_scale_per_usd);
}

double train_value_of_time_per_h(const model& m, const train_state& t) {
  const service_facts& sf = m.facts.services[t.service];
  if (t.container_class.empty()) return sf.demand.front().value_of_time_per_h;
  double sum = 0.0;
  for (std::uint16_t j : t.container_class) sum += sf.demand[j].value_of_time_per_h;
  return sum / static_cast<double>(t.container_class.size());
}

std::uint32_t choose_route(model& m, service_id s, const train_state& t) {
  expected_route_hours(m, s, m.route_hours);
  route_costs(m, s, m.route_hours, train_value_of_time_per_h(m, t), m.route_costs);
  // One draw per departure whatever the rule, so the stream stays aligned across scenario variants.
  const double u = m.state.services[s].route_rng.uniform01();
  if (m.spec.route_choice.mode == route_choice_mode::cheapest)
    return static_cast<std::uint32_t>(cheapest(m.route_costs));
  return static_cast<std::uint32_t>(nested_logit_choice(
      m.route_costs, m.path_size[s], m.family_offsets[s], m.spec.choice.family_scale_per_usd,
      m.spec.route_choice.logit_scale_per_usd, u, m.route_probabilities));
}

double book_route_plans(model& m, const train_state& t) {
  const double now = m.eng.now();
  const double teu = t.teu();
  const auto at_crossing = [&m](vertex_t v) { return crossing_hours(m, v); };
  std::vector<std::pair<vertex_t, double>> caused;  // the hold each planned crossing added (a few per route)
  double hold = 0.0;
  // A later crossing's hold delays the arrival at an earlier one too: walk again from the later start until
  // every planned crossing has room on the day the train expects to reach it (holds only grow, and a day past
  // the last booked one always has room).
  for (int round = 0; round < max_plan_rounds && t.priority == 0; ++round) {
    double added = 0.0;
    const auto hold_at = [&](vertex_t v, int way, double at) {
      const double h = plan_hold_h(m, v, way, at, false);  // the train leaves: the first day with room
      if (h > 0.0) caused.emplace_back(v, h);
      added += h;
      return h;
    };
    walk_route(m, t.nodes, t.edges, teu, now + hold, hold_at, at_crossing);
    hold += added;
    if (added == 0.0) break;
  }
  const bool window = in_window(m);
  const auto book = [&](vertex_t v, int way, double at) {
    book_plan(m, v, way, at);
    if (window) {
      plan_tally& pt = m.tallies.plans[v];
      pt.booked += 1.0;
      double own = 0.0;
      for (const auto& [u, h] : caused) own += u == v ? h : 0.0;
      if (own > 0.0) pt.held += 1.0;
      pt.hold_h += own;
    }
    return 0.0;
  };
  walk_route(m, t.nodes, t.edges, teu, now + hold, book, at_crossing);
  return hold;
}

bool route_blocked(const model& m, const train_state& t) {
  for (std::size_t i = t.pos; i < t.edges.size(); ++i) {
    if (edge_closed(m, t.edges[i])) return true;
    if (i > t.pos && node_closed(m, t.nodes[i])) return true;
  }
  return node_closed(m, t.nodes.back());
}

// A blocked train chooses as a dispatcher would: the cheapest detour on the open network, or its own route
// with a wait until the closures on it reopen (as the trains expect), whichever costs less. Both are priced
// at nominal hours: a shortest-path search needs a cost per element, and the queues on a detour days away
// say little about the wait when the train gets there. A train at Minsk does not go back to the Caspian to
// avoid a two-week closure at Brest.
void replan(model& m, train_state& t) {
  t.plan_version = m.state.plan_version;
  if (!route_blocked(m, t)) return;
  const double vot = train_value_of_time_per_h(m, t);
  path_weights w = nominal_weights(m.spec, m.net, vot);
  const double stay = stay_cost(m, t, w, vot);
  for (edge_id e = 0; e < m.net.num_edges(); ++e) {
    if (edge_closed(m, e) || node_closed(m, m.net.target(e))) w.edge_cost[e] = unavailable_cost;
  }
  auto found = shortest_path(m.net, t.nodes[t.pos], t.nodes.back(), w);
  if (!found || found->cost >= stay) return;  // waiting at the closure is the better choice
  t.nodes.resize(t.pos);
  t.edges.resize(t.pos);
  t.nodes.insert(t.nodes.end(), found->nodes.begin(), found->nodes.end());
  t.edges.insert(t.edges.end(), found->edges.begin(), found->edges.end());
}

}  // namespace corridor::detail
