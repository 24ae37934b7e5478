// The studio over HTTP (cpp-httplib): every request goes to studio::handle, which never throws; bodies over
// the limit are refused before they are read.
#include <httplib.h>

#include <stdexcept>

#include "answers.hpp"
#include "corridor/serve.hpp"

namespace corridor {

void serve_http(studio& app, const serve_options& options,
                const std::function<void(const std::string& url)>& listening) {
  httplib::Server server;
  // Requests wait for a running computation (one at a time), so more threads than cores: progress and
  // page requests must still be answered meanwhile.
  server.new_task_queue = [] { return new httplib::ThreadPool(32); };
  const std::size_t limit = app.options().max_body_bytes;
  server.set_payload_max_length(limit);
  server.set_pre_routing_handler([limit](const httplib::Request& req, httplib::Response& res) {
    // httplib limits bodies by their Content-Length; a chunked one would be read whole first.
    if (req.get_header_value("Transfer-Encoding").find("chunked") != std::string::npos) {
      res.status = 411;
      res.set_header("Connection", "close");
      res.set_content(detail::error_json("send the body with a Content-Length"), "application/json");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.has_header("Content-Length") && req.get_header_value<std::uint64_t>("Content-Length") > limit) {
      res.status = 413;
      res.set_header("Connection", "close");  // the unread body must not be taken for the next request
      res.set_content(
          detail::error_json("the request body is over the limit of " + std::to_string(limit) + " bytes"),
          "application/json");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  const auto handler = [&app](const httplib::Request& req, httplib::Response& res) {
    api_request rq;
    rq.method = req.method;
    rq.path = req.path;
    for (const auto& [k, v] : req.params) rq.params.emplace(k, v);
    rq.body = req.body;
    api_response answer = app.handle(rq);
    res.status = answer.status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::move(answer.body), answer.content_type.c_str());
  };
  for (const char* pattern : {".*"}) {
    server.Get(pattern, handler);
    server.Post(pattern, handler);
    server.Put(pattern, handler);
    server.Delete(pattern, handler);
    server.Patch(pattern, handler);
    server.Options(pattern, handler);
  }
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {
      res.set_content(detail::error_json("HTTP " + std::to_string(res.status)), "application/json");
    }
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(detail::error_json("internal error"), "application/json");
  });
  const int port = options.port == 0 ? server.bind_to_any_port(options.host)
                                     : (server.bind_to_port(options.host, options.port) ? options.port : -1);
  if (port < 0) {
    throw std::runtime_error("serve: cannot listen on " + options.host + ":" + std::to_string(options.port));
  }
  const bool v6 = options.host.find(':') != std::string::npos;
  listening("http://" + (v6 ? "[" + options.host + "]" : options.host) + ":" + std::to_string(port) + "/");
  if (!server.listen_after_bind()) throw std::runtime_error("serve: the server stopped with an error");
}

}  // namespace corridor
