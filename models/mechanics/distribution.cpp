// Sampling and describing scenario distributions with Boost.Random.
#include "models/mechanics/distribution.hpp"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/triangle_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>
#include <sstream>

namespace retail {

namespace {

// What the parameters allow; the guards are written so that NaN parameters take the short way
// too: Boost's draws assume valid parameters and may loop or return NaN otherwise.
double draw(const Distribution& d, sim::RandomStream& rng) {
  using Kind = Distribution::Kind;
  switch (d.kind) {
    case Kind::fixed:
      return d.a;
    case Kind::uniform:
      return !(d.a < d.b) ? d.a : boost::random::uniform_real_distribution<double>(d.a, d.b)(rng);
    case Kind::exponential:
      return !(d.a > 0) ? 0 : boost::random::exponential_distribution<double>(1.0 / d.a)(rng);
    case Kind::triangular:
      return !(d.a < d.c) ? d.a : boost::random::triangle_distribution<double>(d.a, d.b, d.c)(rng);
    case Kind::lognormal: {
      if (!(d.a > 0)) return 0;
      if (!(d.b > 0)) return d.a;
      // Boost takes the parameters of the logarithm; scenarios give the variable's mean and sd.
      const double sigma2 = std::log1p((d.b * d.b) / (d.a * d.a));
      return boost::random::lognormal_distribution<double>(std::log(d.a) - sigma2 / 2,
                                                           std::sqrt(sigma2))(rng);
    }
  }
  return d.a;
}

}  // namespace

double Distribution::sample(sim::RandomStream& rng) const {
  const double x = draw(*this, rng);
  // Durations and quantities are never negative, and never NaN (which no time can be made of).
  return x > 0 ? x : 0;
}

double Distribution::mean() const {
  switch (kind) {
    case Kind::uniform:
      return (a + b) / 2;
    case Kind::triangular:
      return (a + b + c) / 3;
    case Kind::fixed:
    case Kind::exponential:
    case Kind::lognormal:
      return a;
  }
  return a;
}

std::string Distribution::describe() const {
  std::ostringstream out;
  switch (kind) {
    case Kind::fixed:
      out << "fixed(" << a << ")";
      break;
    case Kind::uniform:
      out << "uniform(" << a << ", " << b << ")";
      break;
    case Kind::exponential:
      out << "exponential(mean " << a << ")";
      break;
    case Kind::triangular:
      out << "triangular(" << a << ", " << b << ", " << c << ")";
      break;
    case Kind::lognormal:
      out << "lognormal(mean " << a << ", sd " << b << ")";
      break;
  }
  return out.str();
}

}  // namespace retail
