// sre_test: the engine's parser, compiler and matcher driven directly.
#include <catch2/catch.hpp>

#include <string>

#include "sre_engine.hpp"

namespace sre = gopy::sre;

namespace {

struct Result {
  bool matched = false;
  sre::ssize start = -1, end = -1;
};

// Runs `pattern` over ASCII `subject` in `mode` (the pattern must compile).
Result run(const std::u32string& pattern, const std::string& subject, sre::Mode mode = sre::Mode::kSearch,
           int flags = 0) {
  sre::Program program;
  sre::Error error;
  REQUIRE(sre::compile(pattern, flags, &program, &error));
  sre::Subject s;
  s.narrow = reinterpret_cast<const uint8_t*>(subject.data());
  s.length = static_cast<sre::ssize>(subject.size());
  sre::MatchStatePtr state = sre::new_match_state();
  sre::Captures caps;
  Result r;
  r.matched = sre::run(program, s, 0, s.length, mode, *state, &caps);
  if (r.matched) {
    r.start = caps.slots[0];
    r.end = caps.slots[1];
  }
  return r;
}

sre::Error compile_error(const std::u32string& pattern) {
  sre::Program program;
  sre::Error error;
  CHECK_FALSE(sre::compile(pattern, 0, &program, &error));
  return error;
}

}  // namespace

TEST_CASE("sre_test: 3.14's \\z ends the string and \\B matches the empty string", "[sre]") {
  Result z = run(U"ab\\z", "xab");
  CHECK(z.matched);
  CHECK(z.start == 1);
  CHECK_FALSE(run(U"ab\\z", "ab\n").matched);
  CHECK(run(U"\\B", "").matched);
  CHECK_FALSE(run(U"\\b", "").matched);
  CHECK(compile_error(U"[\\z]").msg == "bad escape \\z");
}

TEST_CASE("sre_test: backtracking lives on the heap, not the C stack", "[sre]") {
  std::string long_subject(300'000, 'a');
  Result r = run(U"(?:a|b)*c", long_subject + "c", sre::Mode::kMatch);
  CHECK(r.matched);
  CHECK(r.end == static_cast<sre::ssize>(long_subject.size()) + 1);
  CHECK(run(U"(a*)*$", long_subject, sre::Mode::kFullMatch).matched);
  // Groups nested past the parser's depth are refused as CPython's recursion limit does.
  std::u32string deep = std::u32string(600, U'(') + U"a" + std::u32string(600, U')');
  sre::Error e = compile_error(deep);
  CHECK(e.kind == sre::Error::kRecursion);
  std::u32string nested = std::u32string(400, U'(') + U"a" + std::u32string(400, U')');
  CHECK(run(nested, "a", sre::Mode::kFullMatch).matched);
}

TEST_CASE("sre_test: the step budget stops an exponential search", "[sre]") {
  sre::Program program;
  sre::Error error;
  REQUIRE(sre::compile(U"(x+x+)+y", 0, &program, &error));
  std::string subject(40, 'x');
  sre::Subject s;
  s.narrow = reinterpret_cast<const uint8_t*>(subject.data());
  s.length = static_cast<sre::ssize>(subject.size());
  sre::MatchStatePtr state = sre::new_match_state();
  sre::Captures caps;
  bool limited = false;
  CHECK_FALSE(sre::run(program, s, 0, s.length, sre::Mode::kSearch, *state, &caps, false, 100000, &limited));
  CHECK(limited);
  // The state is clean for the next run.
  REQUIRE(sre::compile(U"x+", 0, &program, &error));
  CHECK(sre::run(program, s, 0, s.length, sre::Mode::kMatch, *state, &caps));
  CHECK(caps.slots[1] == 40);
}

TEST_CASE("sre_test: errors carry CPython's messages and positions", "[sre]") {
  sre::Error e = compile_error(U"(?<=a+)b");
  CHECK(e.msg == "look-behind requires fixed-width pattern");
  CHECK(e.pos == -1);
  e = compile_error(U"ab)");
  CHECK(e.msg == "unbalanced parenthesis");
  CHECK(e.pos == 2);
  e = compile_error(U"x{99999999999}");
  CHECK(e.kind == sre::Error::kOverflow);
}
