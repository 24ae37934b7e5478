// flows.geojson: the scenario network as a FeatureCollection (RFC 7946: coordinates are [lon, lat]). Edges
// come first as LineStrings carrying their mean traffic, then nodes as Points, so a map draws nodes on top.
#include <map>

#include "formats.hpp"

namespace corridor {
namespace {

using detail::json_number;
using detail::ojson;

ojson position(const network_node& n) {
  return ojson::array({json_number(n.lon), json_number(n.lat)});
}

ojson edge_feature(const std::map<std::string, const network_node*>& nodes, const network_edge& e,
                   const edge_result* r) {
  const auto from = nodes.find(e.from), to = nodes.find(e.to);
  if (from == nodes.end() || to == nodes.end()) {
    throw io_error({}, "flows.geojson: edge " + e.id + " has no end node");
  }
  ojson props;
  props["id"] = e.id;
  props["mode"] = e.mode;
  props["from"] = e.from;
  props["to"] = e.to;
  props["trains"] = json_number(r ? r->trains : 0.0);
  props["teu"] = json_number(r ? r->teu : 0.0);
  props["utilization"] = json_number(r ? r->utilization : 0.0);
  return {{"type", "Feature"},
          {"geometry",
           {{"type", "LineString"},
            {"coordinates", ojson::array({position(*from->second), position(*to->second)})}}},
          {"properties", std::move(props)}};
}

// A crossing carries its queue's numbers, a port that is a resource its berths' and its yard's.
ojson node_feature(const network_node& n, const queue_result* q, const port_result* port) {
  ojson props;
  props["id"] = n.id;
  props["name"] = n.name;
  props["kind"] = n.kind;
  props["country"] = n.country;
  if (q != nullptr) {
    props["trains"] = json_number(q->trains);
    props["utilization"] = json_number(q->utilization);
    props["mean_wait_h"] = json_number(q->mean_wait_h);
  }
  if (port != nullptr) {
    props["berths"] = json_number(port->berths);
    props["utilization"] = json_number(port->utilization);
    props["mean_wait_h"] = json_number(port->mean_wait_h);
    props["yard_mean_teu"] = json_number(port->yard_mean_teu);
    props["gate_trains"] = json_number(port->gate_trains);
  }
  return {{"type", "Feature"},
          {"geometry", {{"type", "Point"}, {"coordinates", position(n)}}},
          {"properties", std::move(props)}};
}

}  // namespace

namespace detail {

ojson geojson_object(const run_summary& s) {
  std::map<std::string, const network_node*> nodes;
  for (const auto& n : s.network.nodes) nodes.emplace(n.id, &n);
  std::map<std::string, const edge_result*> edge_by_id;
  for (const auto& e : s.edges) edge_by_id.emplace(e.id, &e);
  std::map<std::string, const queue_result*> crossing_by_id;
  for (const auto& q : s.queues) {
    if (q.kind == "crossing") crossing_by_id.emplace(q.id, &q);
  }
  std::map<std::string, const port_result*> port_by_id;
  for (const auto& p : s.ports) port_by_id.emplace(p.id, &p);
  ojson features = ojson::array();
  for (const auto& e : s.network.edges) {
    const auto it = edge_by_id.find(e.id);
    features.push_back(edge_feature(nodes, e, it == edge_by_id.end() ? nullptr : it->second));
  }
  for (const auto& n : s.network.nodes) {
    const auto it = crossing_by_id.find(n.id);
    const auto port = port_by_id.find(n.id);
    features.push_back(node_feature(n, it == crossing_by_id.end() ? nullptr : it->second,
                                    port == port_by_id.end() ? nullptr : port->second));
  }
  ojson out;
  out["type"] = "FeatureCollection";
  out["name"] = s.scenario_name;
  out["features"] = std::move(features);
  return out;
}

}  // namespace detail

std::string flows_geojson(const run_summary& s) {
  return detail::dump_json(detail::geojson_object(s));
}

}  // namespace corridor
