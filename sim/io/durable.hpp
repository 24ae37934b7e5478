#pragma once
// Durability helpers shared by the atomic file writer (files.cpp) and the staged output folder
// (staged_folder.cpp).
#include <filesystem>

namespace corridor {

// Makes a rename inside `dir` durable (fsync of the directory itself). A failure is ignored: the rename
// has happened, and not being able to sync it is not worth failing the write for.
void sync_directory(const std::filesystem::path& dir);

}  // namespace corridor
