// The report page's template (sim/io/web/report.html) and the code that fills it must agree on the
// placeholders: a missing or a surplus one would silently drop a part of the page.
#include <gtest/gtest.h>

#include <stdexcept>

#include "../../sim/io/web_assets.hpp"

namespace corridor::detail {
namespace {

TEST(report_template, has_a_place_for_each_part_the_report_fills) {
  const auto page =
      fill_template(web_report_html, {{"title", "T"}, {"style", "S"}, {"data", "D"}, {"script", "J"}});
  EXPECT_NE(page.find("<title>T</title>"), std::string::npos);
  EXPECT_NE(page.find("<style>\nS</style>"), std::string::npos);
  EXPECT_NE(page.find("id=\"report-data\">D</script>"), std::string::npos);
  EXPECT_NE(page.find("<script>\nJ</script>"), std::string::npos);
  EXPECT_EQ(page.find("{{"), std::string::npos);
}

TEST(report_template, fills_each_placeholder_once_without_scanning_what_it_put_in) {
  EXPECT_EQ(fill_template("a{{x}}b{{y}}", {{"x", "{{y}}"}, {"y", "!"}}), "a{{y}}b!");
}

TEST(report_template, rejects_a_placeholder_without_a_value_and_a_value_without_a_placeholder) {
  EXPECT_THROW(fill_template("{{x}}", {}), std::logic_error);
  EXPECT_THROW(fill_template("x", {{"x", "1"}}), std::logic_error);
  EXPECT_THROW(fill_template("{{x", {{"x", "1"}}), std::logic_error);
}

TEST(report_template, starts_the_script_in_strict_mode_for_all_three_parts) {
  // The later parts rely on the first's "use strict" (their lint turns the rule off for that reason).
  EXPECT_EQ(web_report_base_js.find("\"use strict\";"), web_report_base_js.find("\n\"use strict\";") + 1);
  EXPECT_EQ(web_report_run_js.find("use strict"), std::string_view::npos);
}

}  // namespace
}  // namespace corridor::detail
