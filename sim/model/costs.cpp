// Out-of-pocket costs of network elements, from the scenario alone.
#include "costs.hpp"

namespace corridor::detail {

double edge_usd_per_teu(const scenario& s, const network& net, std::uint32_t edge) {
  const edge_props& ep = net.props(edge);
  return ep.mode == edge_mode::rail ? ep.tariff_usd_per_teu_km * ep.distance_km
                                    : s.edges[ep.spec].ferry.fare_usd_per_teu;
}

double route_usd_per_teu(const scenario& s, const network& net, const path& p) {
  double usd = 0.0;
  for (std::size_t i = 0; i < p.edges.size(); ++i) {
    usd += edge_usd_per_teu(s, net, p.edges[i]);
    const node_spec& n = s.nodes[net.props(p.nodes[i + 1]).spec];
    usd += n.handling_usd_per_teu + (n.kind == node_kind::crossing ? n.crossing.fee_usd_per_teu : 0.0);
  }
  return usd;
}

}  // namespace corridor::detail
