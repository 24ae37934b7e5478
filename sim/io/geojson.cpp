// flows.geojson: the scenario network as a FeatureCollection (RFC 7946: coordinates are [lon, lat]). Edges
// come first as LineStrings carrying their mean traffic, then nodes as Points, so a map draws nodes on top.
#include <map>

#include "aggregate.hpp"
#include "corridor/io.hpp"
#include "json_util.hpp"

namespace corridor {
namespace {

using detail::json_number;
using detail::ojson;

ojson position(const node_spec& n) {
  return ojson::array({json_number(n.lon), json_number(n.lat)});
}

ojson edge_feature(const scenario& s, const edge_spec& e, const edge_result* r) {
  const node_spec* from = s.find_node(e.from);
  const node_spec* to = s.find_node(e.to);
  if (from == nullptr || to == nullptr)
    throw io_error({}, "flows.geojson: edge " + e.id + " has no end node");
  ojson props;
  props["id"] = e.id;
  props["mode"] = e.mode == edge_mode::ferry ? "ferry" : "rail";
  props["from"] = e.from;
  props["to"] = e.to;
  props["trains"] = json_number(r ? r->trains : 0.0);
  props["teu"] = json_number(r ? r->teu : 0.0);
  props["utilization"] = json_number(r ? r->utilization : 0.0);
  return {
      {"type", "Feature"},
      {"geometry", {{"type", "LineString"}, {"coordinates", ojson::array({position(*from), position(*to)})}}},
      {"properties", std::move(props)}};
}

ojson node_feature(const node_spec& n, const queue_result* q) {
  ojson props;
  props["id"] = n.id;
  props["name"] = n.name;
  props["kind"] = std::string(to_string(n.kind));
  props["country"] = n.country;
  if (q != nullptr) {
    props["trains"] = json_number(q->trains);
    props["utilization"] = json_number(q->utilization);
    props["mean_wait_h"] = json_number(q->mean_wait_h);
  }
  return {{"type", "Feature"},
          {"geometry", {{"type", "Point"}, {"coordinates", position(n)}}},
          {"properties", std::move(props)}};
}

}  // namespace

std::string flows_geojson(const scenario& s, const std::vector<run_result>& runs) {
  detail::require_runs(runs, "flows.geojson");
  const auto edges = detail::mean_edges(runs);
  const auto queues = detail::mean_queues(runs);
  std::map<std::string, const edge_result*> edge_by_id;
  for (const auto& e : edges) edge_by_id.emplace(e.id, &e);
  std::map<std::string, const queue_result*> crossing_by_id;
  for (const auto& q : queues) {
    if (q.kind == "crossing") crossing_by_id.emplace(q.id, &q);
  }
  ojson features = ojson::array();
  for (const auto& e : s.edges) {
    auto it = edge_by_id.find(e.id);
    features.push_back(edge_feature(s, e, it == edge_by_id.end() ? nullptr : it->second));
  }
  for (const auto& n : s.nodes) {
    auto it = crossing_by_id.find(n.id);
    features.push_back(node_feature(n, it == crossing_by_id.end() ? nullptr : it->second));
  }
  ojson out;
  out["type"] = "FeatureCollection";
  out["name"] = s.name;
  out["features"] = std::move(features);
  return detail::dump_json(out);
}

}  // namespace corridor
