#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "corridor/io.hpp"

namespace corridor {
namespace {

namespace fs = std::filesystem;

// A fresh directory under the build tree, removed at the end.
class scratch_dir : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(CORRIDOR_BINARY_DIR) / "io-test-scratch" /
           (std::string(info->name()) + "." + std::to_string(::getpid()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }
  fs::path dir_;
};

using atomic_write = scratch_dir;

TEST_F(atomic_write, creates_parent_directories_and_writes_every_byte) {
  std::string big(3'000'000, 'x');
  big.back() = '\n';
  write_file_atomic(dir_ / "a" / "b" / "big.txt", big);
  EXPECT_EQ(read_file(dir_ / "a" / "b" / "big.txt"), big);
}

TEST_F(atomic_write, replaces_an_old_file_and_leaves_no_temporary_behind) {
  write_file_atomic(dir_ / "out.json", "old\n");
  write_file_atomic(dir_ / "out.json", "new\n");
  EXPECT_EQ(read_file(dir_ / "out.json"), "new\n");
  EXPECT_EQ(names(), std::vector<std::string>{"out.json"});
}

TEST_F(atomic_write, keeps_what_was_there_and_removes_the_temporary_when_the_rename_fails) {
  // The target is a non-empty directory, so rename() must fail after the temporary was fully written.
  write_file_atomic(dir_ / "target" / "keep.txt", "kept\n");
  try {
    write_file_atomic(dir_ / "target", "new\n");
    FAIL() << "expected io_error";
  } catch (const io_error& e) {
    EXPECT_EQ(e.path(), dir_ / "target");
    EXPECT_NE(std::string(e.what()).find((dir_ / "target").string()), std::string::npos) << e.what();
  }
  EXPECT_EQ(read_file(dir_ / "target" / "keep.txt"), "kept\n");
  EXPECT_EQ(names(), std::vector<std::string>{"target"});
}

TEST_F(atomic_write, names_the_path_when_the_parent_is_a_file) {
  write_file_atomic(dir_ / "file", "x");
  try {
    write_file_atomic(dir_ / "file" / "child.txt", "y");
    FAIL() << "expected io_error";
  } catch (const io_error& e) {
    EXPECT_NE(std::string(e.what()).find("file"), std::string::npos) << e.what();
  }
  EXPECT_EQ(read_file(dir_ / "file"), "x");
}

TEST(read_file, names_a_missing_file) {
  try {
    read_file("/nonexistent/corridor/summary.json");
    FAIL() << "expected io_error";
  } catch (const io_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/corridor/summary.json"), std::string::npos);
  }
}

}  // namespace
}  // namespace corridor
