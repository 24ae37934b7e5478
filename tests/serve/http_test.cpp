// corridor serve over real HTTP: the server on an ephemeral port of 127.0.0.1, requests by cpp-httplib's
// client, answers read as JSON; bodies over the limit and chunked bodies refused before they are read, and
// many clients at once all answered.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "corridor/serve.hpp"
#include "serve_fixture.hpp"

namespace corridor {
namespace {

using nlohmann::json;

// Sends `request` as it is on a new connection and returns all that comes back until the server closes it.
std::string raw_exchange(int port, const std::string& request) {
  const int sock = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string out;
  if (::connect(sock, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0 &&
      ::send(sock, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size())) {
    char buf[4096];
    for (ssize_t n; (n = ::recv(sock, buf, sizeof buf, 0)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(sock);
  return out;
}

class served : public ::testing::Test {
 protected:
  void SetUp() override {
    studio_options o;
    o.replications = 2;
    o.max_body_bytes = 1 << 16;
    app_ = std::make_unique<studio>(test::write_small_scenario("serve-http"), o);
    server_ = std::make_unique<http_server>(*app_, serve_options{"127.0.0.1", 0});
    thread_ = std::thread([this] { server_->run(); });
  }
  void TearDown() override {
    server_->stop();
    thread_.join();
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(120, 0);
    return c;
  }
  std::unique_ptr<studio> app_;
  std::unique_ptr<http_server> server_;
  std::thread thread_;
};

TEST_F(served, binds_an_ephemeral_port_of_this_machine_and_says_where) {
  EXPECT_GT(server_->port(), 0);
  EXPECT_EQ(server_->url(), "http://127.0.0.1:" + std::to_string(server_->port()) + "/");
}

TEST_F(served, answers_the_page_and_every_endpoint) {
  auto c = client();
  const auto page = c.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("/static/studio-main.js"), std::string::npos);
  const auto script = c.Get("/static/studio-main.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_EQ(json::parse(c.Get("/api/info")->body)["name"], "small");
  EXPECT_EQ(json::parse(c.Get("/api/scenario")->body)["nodes"]["dostyk"]["tracks"], 2);
  EXPECT_EQ(json::parse(c.Get("/api/base?replications=3")->body)["replications"], 3);
  const auto compared = c.Post("/api/compare", R"({"edits": [{"path": "nodes.dostyk.tracks", "value": 1}]})",
                               "application/json");
  ASSERT_TRUE(compared);
  EXPECT_EQ(compared->status, 200);
  const json j = json::parse(compared->body);
  EXPECT_EQ(j["replications"], 2);
  EXPECT_FALSE(j["comparison"]["rows"].empty());
  EXPECT_EQ(json::parse(c.Get("/api/progress")->body)["state"], "done");
  const auto exported = c.Post("/api/export", R"({"overlay": {"scale_demand": 1.2}})", "application/json");
  ASSERT_TRUE(exported);
  EXPECT_NE(json::parse(exported->body)["yaml"].get<std::string>().find("scale_demand: 1.2"),
            std::string::npos);
  const auto capacity = c.Post(
      "/api/capacity", R"({"threshold_days": 1000, "replications": 1, "max_factor": 2})", "application/json");
  ASSERT_TRUE(capacity);
  ASSERT_EQ(capacity->status, 200) << capacity->body;
  EXPECT_EQ(json::parse(capacity->body)["search"]["outcome"], "beyond_range");
}

TEST_F(served, refuses_bad_bodies_and_stays_up) {
  auto c = client();
  const auto bad = c.Post("/api/compare", "{\"overlay\": ", "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(json::parse(bad->body)["error"].get<std::string>().find("not JSON"), std::string::npos);
  const auto big = c.Post("/api/compare", std::string(1 << 20, ' '), "application/json");
  if (big) {  // answered before the body was read (or the connection was closed while sending it)
    EXPECT_EQ(big->status, 413);
  }
  // A chunked body has no length to check first: refused, whatever it holds.
  const std::string chunked = raw_exchange(
      server_->port(),
      "POST /api/compare HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
  EXPECT_EQ(chunked.rfind("HTTP/1.1 411", 0), 0u) << chunked;
  auto c3 = client();
  const auto missing = c3.Get("/api/none");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(json::parse(missing->body)["error"], "no such endpoint: /api/none");
  EXPECT_EQ(c3.Get("/api/info")->status, 200);
}

// Twenty clients at once, each a mix of the page's requests: every answer is 200 or, for a compare a newer
// one replaced, 409; none is lost, and the server answers afterwards.
TEST_F(served, twenty_clients_at_once_are_all_answered) {
  constexpr int clients = 20, rounds = 25;
  std::atomic<int> ok{0}, replaced{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i) {
    threads.emplace_back([&, i] {
      auto c = client();
      for (int r = 0; r < rounds; ++r) {
        const auto request = [&]() -> httplib::Result {
          switch ((i + r) % 4) {
            case 0:
              return c.Get("/api/progress");
            case 1:
              return c.Get("/api/scenario");
            case 2:
              return c.Get("/static/studio-map.js");
            default: {
              const std::string body =
                  R"({"replications": 1, "edits": [{"path": "nodes.dostyk.tracks", "value": )" +
                  std::to_string(1 + (i + r) % 3) + "}]}";
              return c.Post("/api/compare", body, "application/json");
            }
          }
        };
        const httplib::Result res = request();
        if (res && res->status == 200) {
          ++ok;
        } else if (res && res->status == 409) {
          ++replaced;
        } else {
          ++other;
          ADD_FAILURE() << "client " << i << " round " << r << ": "
                        << (res ? std::to_string(res->status) + " " + res->body
                                : httplib::to_string(res.error()));
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(ok.load() + replaced.load(), clients * rounds);
  EXPECT_GE(ok.load(), clients * rounds * 3 / 4);  // every GET at least
  EXPECT_EQ(client().Get("/api/info")->status, 200);
}

TEST(http_server, refuses_a_port_in_use_and_stops_before_running) {
  studio app(test::write_small_scenario("serve-port"));
  http_server first(app, serve_options{"127.0.0.1", 0});
  EXPECT_THROW(http_server(app, serve_options{"127.0.0.1", first.port()}), std::runtime_error);
  first.stop();
  first.run();  // returns at once
}

}  // namespace
}  // namespace corridor
