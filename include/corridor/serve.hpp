#pragma once
// The studio (`corridor serve`): one scenario, a JSON API over it and the HTTP server that carries the API
// and the page. A planner edits the scenario by overlays and parameter paths; each change runs the variant
// with common random numbers against the base's runs, kept from the first request, and answers with io's
// documents (summary, comparison, map), what binds at each element, and the corridor's capacity.
// Knows nothing of output files: io writes every document it answers with.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "corridor/scenario.hpp"
#include "corridor/summary.hpp"

namespace corridor {

// --- what binds
// ---------------------------------------------------------------------------------------------

// One capacity limit of an element and the share of it in use over the report window.
struct capacity_limit {
  std::string kind;       // "tracks", "daily_cap", "slots", "ferry_capacity", "berths" or "yard"
  double capacity = 0.0;  // tracks; trains/day; departures/day each way; TEU per sailing; berths; yard TEU
  double use = 0.0;       // busy tracks / tracks; trains started / cap; departures / slots; TEU / offered;
                          // busy berths / berths; time-averaged yard TEU / capacity
};

// Whether a queue grows through the window instead of settling: a least-squares line through the number
// waiting at the end of each day, and the means of the window's first and last thirds.
struct queue_trend {
  double rise_trains = 0.0;  // the fitted line's rise over the window
  double first_third_mean = 0.0;
  double last_third_mean = 0.0;
  // The line rises by at least max(5, the first third's mean) trains and the last third waits at least 3
  // trains more than the first: a queue that only peaks (a closure that clears) stays stable.
  bool unstable = false;
};
queue_trend queue_trend_of(std::span<const double> end_of_day_queue);

struct element_bottleneck {
  std::string id;
  std::string kind;                    // "crossing", "line", "ferry" or "port"
  std::vector<capacity_limit> limits;  // most used first
  std::string binding;                 // the most used limit's kind
  double use = 0.0;                    // of the binding limit
  double headroom = 1.0;               // 1 - use, at least 0
  double mean_wait_h = 0.0;
  double mean_queue_trains = 0.0;
  queue_trend trend;  // crossings, ferries and ports (trains outside the yard) by day, first replication
};

// Every crossing, port with berths or a bounded yard, slotted line and ferry of the scenario with the limits
// it has, most used first.
std::vector<element_bottleneck> find_bottlenecks(const scenario& s, const run_summary& r);

// --- the capacity of the corridor
// ---------------------------------------------------------------------------

struct capacity_probe {
  double factor = 0.0;  // demand multiplier over the state searched from
  double value = 0.0;   // the metric's mean over the replications
  double half_width_95 = 0.0;
};

struct capacity_search {
  double threshold = 0.0;
  // "found": exceeded between `capacity_factor` and `exceeded_factor`; "beyond_range": not exceeded up to
  // the largest factor tried; "below_range": exceeded even at the smallest.
  std::string outcome;
  double capacity_factor = 0.0;        // the largest factor tried whose value stays <= threshold (0: none)
  double exceeded_factor = 0.0;        // the smallest factor tried whose value exceeds it (0: none)
  std::vector<capacity_probe> probes;  // in the order tried
};

// The demand factor at which `evaluate(factor)` (a metric that grows with demand, e.g. p95 transit) first
// exceeds `threshold`: from 1, doubles (or halves) until the threshold is crossed within [min_factor,
// max_factor], then bisects until the bracket is narrower than `tolerance` times its lower end.
capacity_search find_capacity(const std::function<capacity_probe(double factor)>& evaluate, double threshold,
                              double min_factor = 0.25, double max_factor = 4.0, double tolerance = 0.02);

// --- the API
// --------------------------------------------------------------------------------------------------

struct studio_options {
  std::size_t replications = 4;          // the default count; its base runs are made by warm()
  std::size_t max_replications = 32;     // more is refused (400)
  std::size_t threads = 0;               // for replications; 0 = all cores
  std::size_t max_body_bytes = 1 << 20;  // larger request bodies are refused (413)
  std::size_t answers_kept = 16;         // compare answers kept by request, newest first
};

struct api_request {
  std::string method;                         // "GET", "POST", ...
  std::string path;                           // without the query
  std::map<std::string, std::string> params;  // the query's, decoded
  std::string body;
};

struct api_response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

// The API over one scenario file. handle() is safe to call from many threads at once and never throws: a
// bad request is answered 4xx with what is wrong (a scenario problem in the loader's words, placed in the
// request's overlay or edits, never in a file of the server), a failure 500. Compare and capacity requests
// run one at a time; each new one stops the one still running (answered 409).
class studio {
 public:
  studio(const std::filesystem::path& scenario_file, studio_options options = {},
         const load_options& load = {});
  ~studio();
  studio(const studio&) = delete;
  studio& operator=(const studio&) = delete;

  api_response handle(const api_request& request);
  // Makes the base's runs for the default replication count now instead of at the first request.
  void warm();
  const studio_options& options() const noexcept;

 private:
  struct state;
  std::unique_ptr<state> state_;
};

// --- the server
// -----------------------------------------------------------------------------------------------

struct serve_options {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
};

// The studio over HTTP: the page at /, its assets under /static/, the API under /api/. The constructor binds
// the socket (throws std::runtime_error when it cannot); run() answers requests until stop() is called from
// another thread (or the process ends). Tests bind port 0 and read port().
class http_server {
 public:
  http_server(studio& app, const serve_options& options);
  ~http_server();
  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  int port() const noexcept;
  // The address to open, e.g. http://127.0.0.1:8080/.
  std::string url() const;
  void run();
  // Makes run() return (or, called before it, return at once). Safe from any thread, more than once.
  void stop();

 private:
  struct state;
  std::unique_ptr<state> state_;
};

// Serves `app` until the process ends, calling `listening` with the address once the socket is bound.
void serve_http(studio& app, const serve_options& options,
                const std::function<void(const std::string& url)>& listening);

}  // namespace corridor
