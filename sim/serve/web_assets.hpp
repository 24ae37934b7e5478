#pragma once
// The studio page's files (sim/serve/web/, embedded at build time by cmake/embed.cmake; the list is in
// sim/serve/CMakeLists.txt) and the country outlines (world-atlas's Natural Earth TopoJSON, pinned in
// sim/serve/web/package-lock.json and installed at build time; "null" when npm was missing then).
#include <string_view>

namespace corridor::serve_web {

extern const std::string_view web_studio_html;
extern const std::string_view web_studio_css;
extern const std::string_view web_studio_base_js;      // helpers: fetch, formats, the URL fragment
extern const std::string_view web_studio_map_js;       // TopoJSON outlines, the network drawn on them
extern const std::string_view web_studio_controls_js;  // global controls, the element editor, the state
extern const std::string_view web_studio_results_js;   // deltas, queues, shares, bottlenecks, capacity
extern const std::string_view web_studio_main_js;      // wiring: load, run, progress, export
extern const std::string_view web_countries_110m_json;

}  // namespace corridor::serve_web
