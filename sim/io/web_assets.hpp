#pragma once
// The report page's assets, the files of sim/io/web/ as bytes (embedded at build time by cmake/embed.cmake;
// the list is in sim/io/CMakeLists.txt). Edit the files, never a copy in C++.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corridor::detail {

extern const std::string_view web_report_html;  // the page, with {{title}}, {{style}}, {{data}}, {{script}}
extern const std::string_view web_report_css;
extern const std::string_view web_report_base_js;     // helpers, scales, axes
extern const std::string_view web_report_run_js;      // key figures, map and charts of one run
extern const std::string_view web_report_compare_js;  // the comparison; ends by marking the page drawn

// `page` with each {{name}} replaced by its value from `fields`, in one pass (a value is never scanned for
// placeholders). Throws std::logic_error when a placeholder has no value or a value no placeholder: the
// template and the code that fills it disagree.
std::string fill_template(std::string_view page,
                          const std::vector<std::pair<std::string_view, std::string_view>>& fields);

}  // namespace corridor::detail
