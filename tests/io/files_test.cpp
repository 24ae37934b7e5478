#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>

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

using staged = scratch_dir;

TEST_F(staged, commit_replaces_the_old_folder_whole_and_leaves_no_temporary) {
  write_file_atomic(dir_ / "out" / "summary.json", "old\n");
  write_file_atomic(dir_ / "out" / "daily.csv", "old\n");
  {
    staged_folder folder(dir_ / "out");
    EXPECT_EQ(folder.path().parent_path(), dir_);
    write_file_atomic(folder.path() / "summary.json", "new\n");
    EXPECT_EQ(read_file(dir_ / "out" / "summary.json"), "old\n");  // nothing shows before commit
    folder.commit();
  }
  EXPECT_EQ(read_file(dir_ / "out" / "summary.json"), "new\n");
  EXPECT_FALSE(fs::exists(dir_ / "out" / "daily.csv"));  // an old file the new run did not write is gone
  EXPECT_EQ(names(), std::vector<std::string>{"out"});
}

TEST_F(staged, a_failure_before_commit_leaves_the_old_folder_as_it_was) {
  write_file_atomic(dir_ / "out" / "summary.json", "old\n");
  try {
    staged_folder folder(dir_ / "out");
    write_file_atomic(folder.path() / "summary.json", "new\n");
    throw std::runtime_error("disk full");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(read_file(dir_ / "out" / "summary.json"), "old\n");
  EXPECT_EQ(names(), std::vector<std::string>{"out"});
}

TEST_F(staged, creates_a_new_folder_and_its_parents) {
  staged_folder folder(dir_ / "a" / "out");
  write_file_atomic(folder.path() / "run.json", "{}\n");
  folder.commit();
  EXPECT_EQ(read_file(dir_ / "a" / "out" / "run.json"), "{}\n");
  EXPECT_EQ(names(), std::vector<std::string>{"a"});
}

TEST_F(staged, refuses_a_file_and_a_folder_of_other_files_and_takes_an_empty_one) {
  write_file_atomic(dir_ / "file", "x");
  EXPECT_THROW(staged_folder{dir_ / "file"}, io_error);
  write_file_atomic(dir_ / "home" / "thesis.tex", "years of work\n");
  try {
    staged_folder folder(dir_ / "home");
    FAIL() << "a folder of other files accepted";
  } catch (const io_error& e) {
    EXPECT_NE(std::string(e.what()).find("not corridor outputs"), std::string::npos) << e.what();
  }
  EXPECT_EQ(read_file(dir_ / "home" / "thesis.tex"), "years of work\n");
  fs::create_directories(dir_ / "empty");
  staged_folder folder(dir_ / "empty");
  folder.commit();
  EXPECT_TRUE(fs::is_directory(dir_ / "empty"));
}

TEST_F(staged, removes_the_temporaries_of_a_killed_process_and_keeps_a_live_ones) {
  // A process that has exited: its pid names no process (until the kernel reuses it, far later).
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  const fs::path dead = dir_ / (".out.corridor-tmp." + std::to_string(child) + ".0");
  const fs::path live = dir_ / (".out.corridor-tmp." + std::to_string(::getpid()) + ".999");
  write_file_atomic(dead / "summary.json", "half\n");
  fs::create_directories(live);
  staged_folder folder(dir_ / "out");
  EXPECT_FALSE(fs::exists(dead));
  EXPECT_TRUE(fs::exists(live));
}

TEST_F(staged, removes_the_temporaries_of_a_killed_process_not_yet_reaped) {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  siginfo_t info{};
  ::waitid(P_PID, static_cast<id_t>(child), &info, WEXITED | WNOWAIT);  // exited, left a zombie
  const fs::path zombie = dir_ / (".out.corridor-tmp." + std::to_string(child) + ".0");
  fs::create_directories(zombie);
  staged_folder folder(dir_ / "out");
  EXPECT_FALSE(fs::exists(zombie));
  ::waitpid(child, nullptr, 0);
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
