#pragma once
// The report page's fixed parts: stylesheet, script and markup skeleton. The data goes in separately.
namespace corridor::detail {

extern const char* const report_css;
extern const char* const report_js_base;     // helpers, scales, axes
extern const char* const report_js_charts;   // key figures, map and charts of one run
extern const char* const report_js_compare;  // the comparison; ends by marking the page drawn
extern const char* const report_body;        // the markup between <body> and the scripts

}  // namespace corridor::detail
