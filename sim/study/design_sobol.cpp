// The Sobol sequence. Direction numbers are the primitive polynomials and initial m_i of Joe & Kuo (2008),
// file new-joe-kuo-6.21201, dimensions 2..32; dimension 1 is van der Corput. Integer arithmetic only, so
// every machine produces the same points.
#include <bit>

#include "corridor/sensitivity.hpp"

namespace corridor {
namespace {

struct joe_kuo_row {
  int s;                           // degree of the primitive polynomial
  std::uint32_t a;                 // its inner coefficients as bits
  std::array<std::uint32_t, 8> m;  // initial direction integers m_1..m_s
};

// One row per dimension 2..32.
constexpr std::array<joe_kuo_row, 31> joe_kuo{{
    {1, 0, {1}},
    {2, 1, {1, 3}},
    {3, 1, {1, 3, 1}},
    {3, 2, {1, 1, 1}},
    {4, 1, {1, 1, 3, 3}},
    {4, 4, {1, 3, 5, 13}},
    {5, 2, {1, 1, 5, 5, 17}},
    {5, 4, {1, 1, 5, 5, 5}},
    {5, 7, {1, 1, 7, 11, 19}},
    {5, 11, {1, 1, 5, 1, 1}},
    {5, 13, {1, 1, 1, 3, 11}},
    {5, 14, {1, 3, 5, 5, 31}},
    {6, 1, {1, 3, 3, 9, 7, 49}},
    {6, 13, {1, 1, 1, 15, 21, 21}},
    {6, 16, {1, 3, 1, 13, 27, 49}},
    {6, 19, {1, 1, 1, 15, 7, 5}},
    {6, 22, {1, 3, 1, 15, 13, 25}},
    {6, 25, {1, 1, 5, 5, 19, 61}},
    {7, 1, {1, 3, 7, 11, 23, 15, 103}},
    {7, 4, {1, 3, 7, 13, 13, 15, 69}},
    {7, 7, {1, 1, 3, 13, 7, 35, 63}},
    {7, 8, {1, 3, 5, 9, 1, 25, 53}},
    {7, 14, {1, 3, 1, 13, 9, 35, 107}},
    {7, 19, {1, 3, 1, 5, 27, 61, 31}},
    {7, 21, {1, 1, 5, 11, 19, 41, 61}},
    {7, 28, {1, 3, 5, 3, 3, 13, 69}},
    {7, 31, {1, 1, 7, 13, 1, 19, 1}},
    {7, 32, {1, 3, 7, 5, 13, 19, 59}},
    {7, 37, {1, 1, 3, 9, 25, 29, 41}},
    {7, 41, {1, 3, 5, 13, 23, 1, 55}},
    {7, 42, {1, 3, 7, 3, 13, 59, 17}},
}};

using directions = std::array<std::uint32_t, sobol_sequence::bits>;

directions van_der_corput() {
  directions v{};
  for (int k = 0; k < sobol_sequence::bits; ++k) v[k] = 1U << (31 - k);
  return v;
}

// v[k] holds m_{k+1} / 2^{k+1} scaled by 2^32; beyond the initial m_i the polynomial's recurrence applies.
directions from_row(const joe_kuo_row& row) {
  directions v{};
  const int s = row.s;
  for (int k = 0; k < s; ++k) v[k] = row.m[k] << (31 - k);
  for (int k = s; k < sobol_sequence::bits; ++k) {
    std::uint32_t x = v[k - s] ^ (v[k - s] >> s);
    for (int j = 1; j < s; ++j) {
      if ((row.a >> (s - 1 - j)) & 1U) x ^= v[k - j];
    }
    v[k] = x;
  }
  return v;
}

}  // namespace

sobol_sequence::sobol_sequence(std::size_t dimensions) : dims_(dimensions), state_(dimensions, 0) {
  if (dimensions == 0 || dimensions > max_dimensions) {
    throw sensitivity_error("sobol_sequence: dimensions must be 1.." + std::to_string(max_dimensions) +
                            ", got " + std::to_string(dimensions));
  }
  direction_.reserve(dimensions);
  direction_.push_back(van_der_corput());
  for (std::size_t d = 1; d < dimensions; ++d) direction_.push_back(from_row(joe_kuo[d - 1]));
}

std::vector<double> sobol_sequence::next() {
  constexpr double scale = 1.0 / 4294967296.0;  // 2^-32
  std::vector<double> point(dims_);
  for (std::size_t d = 0; d < dims_; ++d) point[d] = static_cast<double>(state_[d]) * scale;
  // Gray-code step: the next point flips the direction number of the lowest zero bit of the index.
  const auto c = static_cast<std::size_t>(std::countr_one(index_));
  if (c >= static_cast<std::size_t>(bits)) throw sensitivity_error("sobol_sequence: more than 2^32 points");
  for (std::size_t d = 0; d < dims_; ++d) state_[d] ^= direction_[d][c];
  ++index_;
  return point;
}

Eigen::MatrixXd sobol_points(std::size_t n, std::size_t d) {
  sobol_sequence seq(d);
  Eigen::MatrixXd m(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(d));
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    const auto p = seq.next();
    for (Eigen::Index j = 0; j < m.cols(); ++j) m(i, j) = p[static_cast<std::size_t>(j)];
  }
  return m;
}

}  // namespace corridor
