// The sweep's links to the scenario loader and the model, kept in one file so that the rest of the sweep
// (and its tests, with a stand-in evaluator) needs neither.
#include "corridor/model.hpp"
#include "corridor/sweep.hpp"

namespace corridor {

sweep_plan plan_sweep(const sweep_spec& spec) {
  if (!std::filesystem::exists(spec.base)) {
    throw sweep_error(spec.file + ": base scenario '" + spec.base.string() + "' does not exist");
  }
  // The fully resolved base (overlays applied, defaults written): parameters then address what the model
  // will really see, defaults included.
  return plan_sweep(spec, to_yaml(load_scenario(spec.base)));
}

sweep_evaluator model_evaluator() {
  return [](const scenario& point, std::uint64_t seed, std::uint64_t replication) {
    const prepared_scenario prepared(point);
    run_options opt;
    opt.replication = replication;
    opt.seed = seed;
    return run_model(prepared, opt).flatten();
  };
}

}  // namespace corridor
