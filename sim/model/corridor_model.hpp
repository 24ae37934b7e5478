#pragma once
// One run of the corridor model: the engine, the state of every flow, train, crossing, line and ferry, and
// the handlers that move containers through them. Built and driven by run_model (model.cpp).
#include <vector>

#include "corridor/model.hpp"
#include "state.hpp"

namespace corridor::detail {

class corridor_model {
 public:
  corridor_model(const prepared_scenario& p, std::uint64_t seed, std::uint64_t replication, double warmup_h);
  void run();
  run_result results() const;

 private:
  friend struct handlers;
  void handle(const event& e);

  // demand.cpp: arrivals (drawn ahead per flow, off the event set) and train formation
  bool draw_next_arrival(std::uint32_t f);
  bool ensure_ahead(std::uint32_t f, std::size_t n);
  void admit_arrivals(std::uint32_t f, std::size_t n);  // the next n drawn arrivals reach the origin
  void admit_through_horizon();
  void plan_formation(std::uint32_t f);
  void on_train_forms(std::uint32_t f);
  bool admits_at_timetable(const flow_state& st, double arrival_h) const;
  void on_timetable_departure(std::uint32_t f);
  void depart_train(std::uint32_t f, std::size_t teu);

  // routing.cpp: route choice at the origin and re-planning around closures
  std::uint32_t choose_route(std::uint32_t f);
  double expected_route_hours(const path& p, double teu) const;  // for a train of `teu`
  bool route_blocked(const train_state& t) const;
  void replan(train_state& t);
  double reopens_at_h(const std::string& target) const;
  bool node_closed(vertex_t v) const;
  bool edge_closed(std::uint32_t e) const;

  // movement.cpp: nodes, crossings, lines, ferries, delivery
  void on_train_at_node(std::uint32_t t);
  void leave_node(std::uint32_t t);
  void try_start_service(vertex_t v);
  void on_service_done(std::uint32_t t);
  void on_customs_done(std::uint32_t t);
  void board_line(std::uint32_t t, std::uint32_t e);
  void on_sailing(std::uint32_t e);
  void deliver(std::uint32_t t);
  void on_disruption(std::uint32_t d, bool starts);
  void on_day_tick();
  double mean_service_h(vertex_t v) const;
  double route_usd_per_teu(const path& p) const;
  std::size_t effective_tracks(vertex_t v) const;
  void release_line(std::uint32_t e);
  double crossing_expected_wait_h(vertex_t v) const;
  double ferry_expected_wait_h(std::uint32_t e, double teu) const;
  double next_sailing_after(std::uint32_t e, double t) const;
  bool in_window() const { return eng_.now() >= warmup_h_; }

  const prepared_scenario& p_;
  const scenario& s_;
  const network& net_;
  std::uint64_t seed_, replication_;
  double warmup_h_, horizon_h_;
  engine eng_;
  std::uint64_t plan_version_ = 0;

  std::vector<flow_state> flows_;
  std::vector<train_state> trains_;
  std::vector<crossing_state> crossings_;        // per vertex (is_crossing false elsewhere)
  std::vector<line_state> lines_;                // per graph edge
  std::vector<ferry_state> ferries_;             // per graph edge (used for ferry edges)
  std::vector<std::deque<std::uint32_t>> held_;  // trains held at a closed (non-crossing) node
  std::vector<bool> in_share_region_;
  std::vector<std::uint32_t> class_index_;  // per flow: index of its cargo class
  std::vector<double> node_factor_;         // capacity factor per vertex
  std::vector<bool> disruption_active_;     // per disruption: between its from_day and to_day
  std::vector<double> terminal_departures_, terminal_arrivals_;
  std::vector<double> route_costs_;  // scratch for choose_route: no allocation per departure

  // Report window tallies
  double entered_ = 0, delivered_ = 0;
  double window_teu_ = 0, window_trains_ = 0, window_teu_dir_[3] = {0, 0, 0};
  double share_trains_ = 0, share_trains_via_ = 0, share_teu_ = 0, share_teu_via_ = 0;
  double share_dir_trains_[3] = {0, 0, 0}, share_dir_via_[3] = {0, 0, 0};
  cost_breakdown cost_sum_;  // USD summed over delivered TEU
  double transit_days_total_ =
      0.0;  // door-to-door days of every delivered container, summed in delivery order
  std::vector<std::vector<double>>
      flow_transit_days_;                       // per flow: each delivered container's door-to-door days
  std::vector<double> flow_trains_;             // per flow: trains delivered
  std::vector<std::vector<double>> goods_teu_;  // [direction][cargo class]
  std::vector<daily_row> daily_;
  double day_teu_ = 0, day_trains_ = 0;
};

}  // namespace corridor::detail
