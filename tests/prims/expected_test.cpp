// Expected<T, E>, the type behind prim::Result and pathconfig's FsResult: exactly one of a
// value and an error.
#include <catch2/catch.hpp>
#include <string>
#include <type_traits>

#include "gopy/expected.hpp"
#include "object/prim/result.hpp"

namespace {

gopy::Expected<int, std::string> halve(int n) {
  if (n % 2 != 0) return std::string("odd");
  return n / 2;
}

}  // namespace

TEST_CASE("expected: a value or an error, never both", "[expected]") {
  auto value = halve(8);
  REQUIRE(value.ok());
  CHECK(static_cast<bool>(value));
  CHECK(*value == 4);
  auto error = halve(7);
  REQUIRE_FALSE(error.ok());
  CHECK(error.error() == "odd");
  // An error has no value to read, a value no error.
  CHECK_THROWS(error.value());
  CHECK_THROWS(value.error());
  // Not default-constructible: "neither" cannot be built.
  static_assert(!std::is_default_constructible_v<gopy::Expected<int, std::string>>);
}

TEST_CASE("expected: prim::Result is an Expected with a Python error", "[expected]") {
  static_assert(std::is_same_v<gopy::prim::Result<int>, gopy::Expected<int, gopy::prim::Error>>);
  gopy::prim::Result<int> failed = gopy::prim::value_error("bad");
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().kind == gopy::ExceptionKind::value_error);
  CHECK(failed.error().message == "bad");
}
