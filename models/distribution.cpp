// Sampling and describing scenario distributions with Boost.Random.
#include "models/distribution.hpp"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/triangle_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>
#include <sstream>

namespace retail {

double Distribution::sample(sim::RandomStream& rng) const {
  switch (kind) {
    case Kind::fixed:
      return a;
    case Kind::uniform:
      return a == b ? a : boost::random::uniform_real_distribution<double>(a, b)(rng);
    case Kind::exponential:
      return boost::random::exponential_distribution<double>(1.0 / a)(rng);
    case Kind::triangular:
      return a == c ? a : boost::random::triangle_distribution<double>(a, b, c)(rng);
    case Kind::lognormal: {
      if (b == 0) return a;
      // Boost takes the parameters of the logarithm; scenarios give the variable's mean and sd.
      const double sigma2 = std::log1p((b * b) / (a * a));
      return boost::random::lognormal_distribution<double>(std::log(a) - sigma2 / 2,
                                                           std::sqrt(sigma2))(rng);
    }
  }
  return a;
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
