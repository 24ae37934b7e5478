#pragma once
// The JSON the studio (corridor serve) answers with, written by io like every other format: the resolved
// scenario in its file's keys, a run as the page draws it, a comparison, and overlays turned between YAML and
// JSON (the page edits JSON; `corridor run` reads the YAML). Each function returns one compact JSON value (or
// YAML text); serve puts the values together into its answers.
#include <string>
#include <string_view>

#include "corridor/scenario.hpp"
#include "corridor/summary.hpp"

namespace corridor {

// The scenario as `corridor show` writes it (every key, defaults included), as JSON: maps keyed by id,
// numbers as numbers, every other scalar a string, so an overlay in the same shape edits it key for key.
std::string scenario_json(const scenario& s);

// One run's Summary as the studio draws it: {"summary": summary.json's document, "flows": flows.geojson's,
// "daily": {"day": [...], "teu_delivered": [...], "queues": {id: {"queue_trains": [...],
// "mean_queue_trains": [...]}}}} with the daily series of the first replication, and "share": what its share
// metrics are named after, with display names ({"key": "central_asia", "region_name": "Central Asia",
// "from_name", "to_name", "route_region", ...}).
std::string studio_run_json(const run_summary& s);

// compare.json's document, compact.
std::string studio_comparison_json(const comparison& c);

// An overlay file's YAML as JSON (quoted scalars stay strings; plain ones that read as numbers, true, false
// or null become those). Throws io_error (no path) when the text is not YAML or its top is not a map.
std::string overlay_json(std::string_view overlay_yaml);

// A JSON object in the shape of an overlay file as YAML a scenario file can hold: `extends` first, maps as
// blocks (a map of scalars in flow style on one line, as hand-written variants do), lists in flow style,
// strings plain where YAML reads them back as the same string and quoted otherwise, numbers as
// format_number writes them. `header` (lines without '#') goes first as comments. Throws io_error (no path)
// when the text is not JSON or not an object.
std::string overlay_yaml(std::string_view overlay_json, std::string_view header = {});

}  // namespace corridor
