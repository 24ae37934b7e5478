// Random streams: FNV-1a ids, and xoshiro256** seeded through splitmix64 (its step is inline in random.hpp).
// Everything here is integer arithmetic with fixed constants, so every machine and compiler produces the same
// numbers.
#include "corridor/random.hpp"

namespace corridor {
namespace {

constexpr std::uint64_t fnv_offset_basis = 0xcbf29ce484222325ULL;
constexpr std::uint64_t fnv_prime = 0x100000001b3ULL;

// splitmix64 (Steele, Lea, Flood 2014): a bijective mixer whose outputs are good seeds for xoshiro.
std::uint64_t splitmix64(std::uint64_t& state) noexcept {
  state += 0x9e3779b97f4a7c15ULL;
  std::uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace

std::uint64_t stable_id(std::string_view text) noexcept {
  std::uint64_t h = fnv_offset_basis;
  for (char ch : text) {
    h ^= static_cast<std::uint8_t>(ch);
    h *= fnv_prime;
  }
  return h;
}

rng_stream::rng_stream(std::uint64_t seed, std::uint64_t replication, std::uint64_t entity) noexcept {
  // Each input passes through a full mix before the next is folded in, so nearby seeds, replications and
  // entity ids (0, 1, 2, ...) land on unrelated states.
  std::uint64_t sm = seed;
  sm = splitmix64(sm) ^ replication;
  sm = splitmix64(sm) ^ entity;
  for (auto& word : s_) word = splitmix64(sm);
  // xoshiro must not start from all zeros; splitmix64 makes that practically impossible, but be sure.
  if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1;
}

}  // namespace corridor
