// fuzz_seed_test: every fuzz target accepts every valid public vector (so each target
// reaches the real code it is named after), and rejects input that is plainly wrong (so
// "accepts" is not trivially true).
#include <catch2/catch.hpp>

#include "fuzz_seeds.hpp"
#include "fuzz_targets.hpp"

using namespace gopy::fuzz;

namespace {

using Target = bool (*)(const std::uint8_t*, std::size_t);

const std::map<std::string, std::vector<Seed>>& seeds() {
  static const auto all = make_seeds(GOPY_VECTORS_DIR, GOPY_MANIFESTS_DIR, GOPY_RUN_KNOWN_FAILURES);
  return all;
}

void check_valid_seeds(const std::string& target_name, Target target, size_t at_least) {
  size_t checked = 0;
  for (const Seed& seed : seeds().at(target_name)) {
    if (!seed.must_accept) continue;
    INFO(target_name << " seed " << seed.name);
    CHECK(accepts(target, seed.input));
    ++checked;
  }
  CHECK(checked >= at_least);
}

}  // namespace

TEST_CASE("fuzz_seed_test: the cli target accepts every cli vector that exits 0", "[fuzz]") {
  check_valid_seeds("cli", cli_accepts, 100);
  CHECK_FALSE(accepts(cli_accepts, cli_input({"-X", "int_max_str_digits=1"}, {})));
  CHECK_FALSE(accepts(cli_accepts, cli_input({"--bogus-option"}, {})));
  CHECK_FALSE(accepts(cli_accepts, cli_input({}, {"PYTHONHASHSEED=nope"})));
}

TEST_CASE("fuzz_seed_test: the manifest target accepts the shipped manifests", "[fuzz]") {
  check_valid_seeds("manifest", manifest_accepts, 5);
  CHECK_FALSE(accepts(manifest_accepts, "{"));
  CHECK_FALSE(accepts(manifest_accepts, "{}"));
  CHECK_FALSE(accepts(manifest_accepts, std::string("{\"name\": \"a\\u0000b\"}")));
}

TEST_CASE("fuzz_seed_test: the parser target accepts every run program that runs", "[fuzz]") {
  check_valid_seeds("parser", parser_accepts, 150);
  CHECK_FALSE(accepts(parser_accepts, "def f(:\n"));
  CHECK_FALSE(accepts(parser_accepts, "x = (1,\n"));
}

TEST_CASE("fuzz_seed_test: the getpath target accepts every getpath case CPython computed", "[fuzz]") {
  check_valid_seeds("getpath", getpath_accepts, 50);
  CHECK_FALSE(accepts(getpath_accepts, "{"));
  CHECK_FALSE(accepts(getpath_accepts, R"({"os_name": "beos"})"));
}

TEST_CASE("fuzz_seed_test: the codecs target decodes every vector text", "[fuzz]") {
  check_valid_seeds("codecs", codecs_accepts, 1000);
  CHECK_FALSE(accepts(codecs_accepts, codecs_input(codec_index("utf-8"), 0, "\xff")));
  CHECK_FALSE(accepts(codecs_accepts, codecs_input(codec_index("ascii"), 0, "\x80")));
  CHECK_FALSE(accepts(codecs_accepts, codecs_input(codec_index("utf-16-le"), 0, "x")));  // odd length
  CHECK(accepts(codecs_accepts, codecs_input(codec_index("utf-8"), 1, "\xff")));  // "replace"
}

TEST_CASE("fuzz_seed_test: the UTF-8 target accepts every vector text", "[fuzz]") {
  check_valid_seeds("utf8", utf8_accepts, 500);
  CHECK_FALSE(accepts(utf8_accepts, "\xff"));
  CHECK_FALSE(accepts(utf8_accepts, "\xed\xa0\x80"));  // an encoded surrogate
  CHECK_FALSE(accepts(utf8_accepts, "\xc0\xaf"));      // an overlong form
}

TEST_CASE("fuzz_seed_test: the json target decodes every strict JSON line of the lib_json outputs", "[fuzz]") {
  check_valid_seeds("json", json_accepts, 15);
  CHECK_FALSE(accepts(json_accepts, "{\"a\": 1,}"));
  CHECK_FALSE(accepts(json_accepts, "[1] x"));
  CHECK_FALSE(accepts(json_accepts, "\"\\ud83d\\uzzzz\""));
  CHECK(accepts(json_accepts, " [NaN, -Infinity, 1e400, \"\\ud83d\"] "));
}

TEST_CASE("fuzz_seed_test: the re target compiles every pattern of the lib_re programs", "[fuzz]") {
  check_valid_seeds("re", re_accepts, 40);
  CHECK(accepts(re_accepts, re_input(1, "(a*)*b", std::string(64, 'a'))));
  CHECK_FALSE(accepts(re_accepts, re_input(0, "(", "x")));
  CHECK_FALSE(accepts(re_accepts, re_input(0, "a{2,1}", "aa")));
  CHECK_FALSE(accepts(re_accepts, re_input(0, "(?<=a+)b", "ab")));
}
