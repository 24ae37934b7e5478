// The studio over HTTP (cpp-httplib): every request goes to studio::handle, which never throws; bodies over
// the limit are refused before they are read.
#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "answers.hpp"
#include "corridor/serve.hpp"

namespace corridor {
namespace {

// httplib's listen backlog is 5, built into Debian's library: with more clients connecting at once, the
// kernel drops handshakes and some clients see their connection fail. listen() again on the bound socket
// (which Linux allows) raises it.
class backlogged_server : public httplib::Server {
 public:
  void raise_backlog(int backlog) {
    if (const socket_t sock = svr_sock_; sock != INVALID_SOCKET) ::listen(sock, backlog);
  }
};

}  // namespace

struct http_server::state {
  backlogged_server server;
  std::string host;
  int port = -1;
  std::mutex mutex;      // guards started and stopping
  bool started = false;  // run() is past its check of `stopping`
  bool stopping = false;
  std::atomic<bool> finished{false};  // run()'s listen returned
};

http_server::http_server(studio& app, const serve_options& options) : state_(std::make_unique<state>()) {
  state* s = state_.get();
  s->host = options.host;
  // Requests wait for a running computation (one at a time), so more threads than cores: progress and
  // page requests must still be answered meanwhile.
  // httplib's default adds SO_REUSEPORT, with which a second server binds the same port and the kernel splits
  // the requests between them: SO_REUSEADDR alone, so a port in use is an error.
  s->server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  s->server.set_keep_alive_max_count(1000);
  s->server.new_task_queue = [] { return new httplib::ThreadPool(32); };
  const std::size_t limit = app.options().max_body_bytes;
  s->server.set_payload_max_length(limit);
  s->server.set_pre_routing_handler([limit](const httplib::Request& req, httplib::Response& res) {
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
    s->server.Get(pattern, handler);
    s->server.Post(pattern, handler);
    s->server.Put(pattern, handler);
    s->server.Delete(pattern, handler);
    s->server.Patch(pattern, handler);
    s->server.Options(pattern, handler);
  }
  s->server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {
      res.set_content(detail::error_json("HTTP " + std::to_string(res.status)), "application/json");
    }
  });
  s->server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(detail::error_json("internal error"), "application/json");
  });
  s->port = options.port == 0 ? s->server.bind_to_any_port(options.host)
                              : (s->server.bind_to_port(options.host, options.port) ? options.port : -1);
  if (s->port < 0) {
    throw std::runtime_error("serve: cannot listen on " + options.host + ":" + std::to_string(options.port));
  }
  s->server.raise_backlog(128);
}

http_server::~http_server() {
  stop();
}

int http_server::port() const noexcept {
  return state_->port;
}

std::string http_server::url() const {
  const bool v6 = state_->host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + state_->host + "]" : state_->host) + ":" + std::to_string(state_->port) +
         "/";
}

void http_server::run() {
  {
    std::lock_guard lock(state_->mutex);
    if (state_->stopping) return;
    state_->started = true;
  }
  const bool ok = state_->server.listen_after_bind();
  state_->finished = true;
  std::lock_guard lock(state_->mutex);
  if (!ok && !state_->stopping) throw std::runtime_error("serve: the server stopped with an error");
}

void http_server::stop() {
  {
    std::lock_guard lock(state_->mutex);
    state_->stopping = true;
    if (!state_->started) return;
  }
  // httplib's stop() only acts once its loop runs: run() has passed its check, so that is a moment away.
  while (!state_->server.is_running() && !state_->finished) std::this_thread::yield();
  state_->server.stop();
}

void serve_http(studio& app, const serve_options& options,
                const std::function<void(const std::string& url)>& listening) {
  http_server server(app, options);
  listening(server.url());
  server.run();
}

}  // namespace corridor
