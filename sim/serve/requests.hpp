#pragma once
// Request bodies of the studio's API, read strictly: a body is a JSON object whose keys the endpoint names,
// an overlay is an object in the shape of an overlay file, an edit is {path, value, op}. What is wrong is
// thrown as a request_error, answered 4xx with the message.
#include <nlohmann/json.hpp>

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "corridor/parameters.hpp"

namespace corridor::detail {

class request_error : public std::runtime_error {
 public:
  request_error(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const noexcept { return status_; }

 private:
  int status_;
};

struct edit_request {
  nlohmann::ordered_json overlay = nlohmann::ordered_json::object();
  std::vector<parameter_edit> edits;
  std::size_t replications = 0;
  nlohmann::ordered_json body;  // the whole body, for the endpoint's own keys
  std::string key;              // overlay, edits and replications as canonical text
};

// Reads {"overlay": {...}, "edits": [...], "replications": R, <extra keys>}; every key is optional.
edit_request read_edit_request(std::string_view body, std::initializer_list<std::string_view> extra_keys,
                               std::size_t default_replications, std::size_t max_replications);

// The overlay first (named "overlay" in messages), then each edit (named "edits[i]").
std::vector<scenario_edit> scenario_edits(const nlohmann::ordered_json& overlay,
                                          const std::vector<parameter_edit>& edits);

// A number field of the body: its value, `fallback` when absent; request_error 400 when it is not a
// number within [lo, hi].
double number_field(const nlohmann::ordered_json& body, const char* key, double fallback, double lo,
                    double hi);

}  // namespace corridor::detail
