// Hashes against values observed from CPython 3.13 with PYTHONHASHSEED set, and the
// hashseed cli vectors.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "object/prim/hash.hpp"
#include "object/prim/unicode.hpp"

using namespace gopy::prim;
using namespace std::literals;

namespace {

Int big(std::u32string_view decimal) { return int_from_string(decimal, 10, 0).value(); }

}  // namespace

TEST_CASE("hash_str uses SipHash-1-3 over CPython's 1, 2 or 4-byte storage", "[hash]") {
  struct Case { uint32_t seed; std::u32string_view text; int64_t expected; };
  const Case cases[] = {
      {0u, U""sv, 0LL},
      {0u, U"a"sv, 4644417185603328019LL},
      {0u, U"abc"sv, -4594863902769663758LL},
      {0u, U"The quick brown fox jumps over the lazy dog"sv, -8217249817990249186LL},
      {0u, U"\xe9"""sv, 6047309291227476195LL},
      {0u, U"caf\xe9"""sv, 137524001917817222LL},
      {0u, U"\xff""\x0"""sv, 7217110220190950386LL},
      {0u, U"\x20ac"""sv, -5529981157763016009LL},
      {0u, U"\x20ac""uro"sv, 7542247858446192590LL},
      {0u, U"\x100"""sv, 75343234424780393LL},
      {0u, U"\xffff"""sv, 2147057924765956750LL},
      {0u, U"\x1f600"""sv, -3536540696076613844LL},
      {0u, U"a\x1f600"""sv, -6970120874385731343LL},
      {0u, U"\x1d518""\x1d52b""\x1d526""\x1d520""\x1d52c""\x1d521""\x1d522"""sv, 3556457651796327229LL},
      {0u, U"\x0"""sv, 7541581120933061747LL},
      {0u, U"12345678"sv, 3785724242978802311LL},
      {0u, U"1234567"sv, -6684075128579576191LL},
      {1u, U""sv, 0LL},
      {1u, U"a"sv, -3012895188637184397LL},
      {1u, U"abc"sv, -4667308735975688587LL},
      {1u, U"The quick brown fox jumps over the lazy dog"sv, -4305058434410168670LL},
      {1u, U"\xe9"""sv, 8133168473585362875LL},
      {1u, U"caf\xe9"""sv, 2420579699203294547LL},
      {1u, U"\xff""\x0"""sv, -3613892587001319525LL},
      {1u, U"\x20ac"""sv, 4443362316794630049LL},
      {1u, U"\x20ac""uro"sv, -8458760685275807288LL},
      {1u, U"\x100"""sv, -4668527339490748059LL},
      {1u, U"\xffff"""sv, 6490729428330989170LL},
      {1u, U"\x1f600"""sv, 7663130467274561019LL},
      {1u, U"a\x1f600"""sv, 7860550542609649698LL},
      {1u, U"\x1d518""\x1d52b""\x1d526""\x1d520""\x1d52c""\x1d521""\x1d522"""sv, -5093799062112710761LL},
      {1u, U"\x0"""sv, -1381508117420989255LL},
      {1u, U"12345678"sv, 500036314421443289LL},
      {1u, U"1234567"sv, -8889243435393941967LL},
      {7u, U""sv, 0LL},
      {7u, U"a"sv, 6412522626967419924LL},
      {7u, U"abc"sv, -7459679063432183616LL},
      {7u, U"The quick brown fox jumps over the lazy dog"sv, -7812495110817599402LL},
      {7u, U"\xe9"""sv, 3889576429266854164LL},
      {7u, U"caf\xe9"""sv, 7517275267905255813LL},
      {7u, U"\xff""\x0"""sv, 3179440963697673430LL},
      {7u, U"\x20ac"""sv, -6075961147770932304LL},
      {7u, U"\x20ac""uro"sv, 7869567903679004408LL},
      {7u, U"\x100"""sv, -2214904474908205651LL},
      {7u, U"\xffff"""sv, -5054400293525222973LL},
      {7u, U"\x1f600"""sv, 3508578047555940LL},
      {7u, U"a\x1f600"""sv, 3793429479373581877LL},
      {7u, U"\x1d518""\x1d52b""\x1d526""\x1d520""\x1d52c""\x1d521""\x1d522"""sv, 5652481401895463705LL},
      {7u, U"\x0"""sv, 9089772509822162805LL},
      {7u, U"12345678"sv, 2473231513986047293LL},
      {7u, U"1234567"sv, 2784469079254760922LL},
      {12345u, U""sv, 0LL},
      {12345u, U"a"sv, -8961251314296359281LL},
      {12345u, U"abc"sv, 2962436275791859092LL},
      {12345u, U"The quick brown fox jumps over the lazy dog"sv, -4784533082626239821LL},
      {12345u, U"\xe9"""sv, 6247654839523334371LL},
      {12345u, U"caf\xe9"""sv, 7941446595553291186LL},
      {12345u, U"\xff""\x0"""sv, 4341975153953552740LL},
      {12345u, U"\x20ac"""sv, -458755641747810198LL},
      {12345u, U"\x20ac""uro"sv, 5395950866319336650LL},
      {12345u, U"\x100"""sv, -2691837556253880572LL},
      {12345u, U"\xffff"""sv, -9104428416288707656LL},
      {12345u, U"\x1f600"""sv, 4293605015213982892LL},
      {12345u, U"a\x1f600"""sv, 7079958908864315534LL},
      {12345u, U"\x1d518""\x1d52b""\x1d526""\x1d520""\x1d52c""\x1d521""\x1d522"""sv, -3667150995719861975LL},
      {12345u, U"\x0"""sv, -2470791429279058374LL},
      {12345u, U"12345678"sv, 1552926921783775187LL},
      {12345u, U"1234567"sv, -169896639447661599LL},
      {4294967295u, U""sv, 0LL},
      {4294967295u, U"a"sv, -5989683813037840249LL},
      {4294967295u, U"abc"sv, -6122489556238538401LL},
      {4294967295u, U"The quick brown fox jumps over the lazy dog"sv, -936082064891253688LL},
      {4294967295u, U"\xe9"""sv, -5741392403324874290LL},
      {4294967295u, U"caf\xe9"""sv, -8755507911872275758LL},
      {4294967295u, U"\xff""\x0"""sv, 6738854785790546603LL},
      {4294967295u, U"\x20ac"""sv, 1723250505947338019LL},
      {4294967295u, U"\x20ac""uro"sv, 3860009611542885751LL},
      {4294967295u, U"\x100"""sv, 453928087612411842LL},
      {4294967295u, U"\xffff"""sv, 8016840146114284580LL},
      {4294967295u, U"\x1f600"""sv, -5273353973323107289LL},
      {4294967295u, U"a\x1f600"""sv, 15917687635634242LL},
      {4294967295u, U"\x1d518""\x1d52b""\x1d526""\x1d520""\x1d52c""\x1d521""\x1d522"""sv, -1155823850684846155LL},
      {4294967295u, U"\x0"""sv, -889612793812661694LL},
      {4294967295u, U"12345678"sv, -5472437280652225004LL},
      {4294967295u, U"1234567"sv, 3252029075405927272LL},
  };
  for (const auto& c : cases) {
    INFO("seed " << c.seed << " text " << utf8_encode_lossless(c.text));
    const HashSecret secret = hash_secret_from_seed(c.seed);
    CHECK(hash_str(secret, c.text) == c.expected);
    if (str_isascii(c.text)) {
      const std::string latin1(c.text.begin(), c.text.end());
      CHECK(hash_latin1(secret, latin1) == c.expected);
    }
  }
  // Seed 0 disables randomization: an all-zero key.
  CHECK(hash_secret_from_seed(0).k0 == 0);
  CHECK(hash_secret_from_seed(0).k1 == 0);
  // A random key is (almost surely) not the zero key and differs between calls.
  const HashSecret r1 = hash_secret_random(), r2 = hash_secret_random();
  CHECK((r1.k0 != r2.k0 || r1.k1 != r2.k1));
}

TEST_CASE("hash_str matches the hashseed cli vectors", "[hash][vectors]") {
  std::ifstream file(GOPY_VECTORS_DIR "/cli/hashseed.json");
  REQUIRE(file);
  std::stringstream buffer;
  buffer << file.rdbuf();
  const boost::json::value doc = boost::json::parse(buffer.str());
  int checked = 0;
  for (const auto& item : doc.at("cases").as_array()) {
    const auto& c = item.as_object();
    const auto& argv = c.at("argv").as_array();
    if (argv.size() != 2 || argv[0].as_string() != "-c") continue;
    // Only the "print(hash('<ascii text>'))" programs: the expected stdout is that hash.
    const std::string program(argv[1].as_string());
    const std::string prefix = "print(hash('", suffix = "'))";
    if (program.rfind(prefix, 0) != 0 || program.size() < prefix.size() + suffix.size() ||
        program.compare(program.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    const std::string text = program.substr(prefix.size(), program.size() - prefix.size() - suffix.size());
    const std::string seed_text(c.at("env").as_object().at("PYTHONHASHSEED").as_string());
    const auto seed = static_cast<uint32_t>(std::stoul(seed_text));
    const std::string expected(c.at("stdout").as_string());
    INFO(c.at("name").as_string());
    CHECK(std::to_string(hash_latin1(hash_secret_from_seed(seed), text)) + "\n" == expected);
    ++checked;
  }
  CHECK(checked >= 11);
}

TEST_CASE("hash_int reduces modulo 2**61 - 1 and never returns -1", "[hash]") {
  struct Case { std::u32string_view value; int64_t expected; };
  const Case cases[] = {
      {U"0"sv, 0LL},
      {U"1"sv, 1LL},
      {U"-1"sv, -2LL},
      {U"-2"sv, -2LL},
      {U"12345"sv, 12345LL},
      {U"2305843009213693951"sv, 0LL},
      {U"2305843009213693952"sv, 1LL},
      {U"2305843009213693957"sv, 6LL},
      {U"-2305843009213693952"sv, -2LL},
      {U"9223372036854775808"sv, 4LL},
      {U"-9223372036854775808"sv, -4LL},
      {U"18446744073709551617"sv, 9LL},
      {U"1000000000000000000000000000000"sv, 465258685558744706LL},
      {U"-1000000000000000000000000000000"sv, -465258685558744706LL},
      {U"136891479058588375991326027382088315966463695625337436471480190078368997177499076593800206155688941388250484440597994042813512732765695774566001"sv, 687009275797589038LL},
      {U"-136891479058588375991326027382088315966463695625337436471480190078368997177499076593800206155688941388250484440597994042813512732765695774566001"sv, -687009275797589038LL},
      {U"1073741824"sv, 1073741824LL},
      {U"-1073741825"sv, -1073741825LL},
  };
  for (const auto& c : cases) CHECK(hash_int(big(c.value)) == c.expected);
}

TEST_CASE("hash_double: integral floats hash as ints, NaN by identity", "[hash]") {
  struct Case { double value; int64_t expected; };
  const Case cases[] = {
      {0.0, 0LL},
      {-0.0, 0LL},
      {0x1.0000000000000p+0, 1LL},
      {-0x1.0000000000000p+0, -2LL},
      {0x1.0000000000000p-1, 1152921504606846976LL},
      {0x1.8000000000000p+0, 1152921504606846977LL},
      {-0x1.2000000000000p+1, -576460752303423490LL},
      {0x1.999999999999ap-4, 230584300921369408LL},
      {0x1.249ad2594c37dp+332, 1822893315824342674LL},
      {-0x1.bff2ee48e0530p-333, -1735222877707689105LL},
      {0x1.0000000000000p+61, 1LL},
      {0x1.0000000000000p+62, 2LL},
      {0x0.0000000000001p-1022, 16777216LL},
      {0x1.fffffffffffffp+1023, 2234066890152476671LL},
      {0x1.e240c9fbe76c9p+16, 1819310134279660096LL},
      {std::numeric_limits<double>::infinity(), 314159LL},
      {-std::numeric_limits<double>::infinity(), -314159LL},
  };
  for (const auto& c : cases) CHECK(hash_double(c.value, nullptr) == c.expected);
  CHECK(hash_double(1e100, nullptr) == hash_int(int_from_double(1e100).value()));
  const double nan = std::numeric_limits<double>::quiet_NaN();
  int a = 0, b = 0;
  CHECK(hash_double(nan, &a) == hash_pointer(&a));
  CHECK(hash_double(nan, &a) != hash_double(nan, &b));
  // _Py_HashPointer rotates the address right by 4 bits.
  CHECK(hash_pointer(reinterpret_cast<const void*>(uintptr_t{0x1230})) == 0x123);
  CHECK(hash_pointer(reinterpret_cast<const void*>(uintptr_t{0xf})) == static_cast<int64_t>(0xf000000000000000ULL));
}

TEST_CASE("hash_tuple is CPython's xxHash-based tuple hash", "[hash]") {
  CHECK(hash_tuple(std::vector<int64_t>{}) == 5740354900026072187LL);  // hash(())
  CHECK(hash_tuple(std::vector<int64_t>{hash_int(Int(1))}) == -6644214454873602895LL);  // hash((1,))
  CHECK(hash_tuple(std::vector<int64_t>{hash_int(Int(1)), hash_int(Int(2))}) == -3550055125485641917LL);  // hash((1, 2))
  CHECK(hash_tuple(std::vector<int64_t>{hash_int(Int(1)), hash_int(Int(2)), hash_int(Int(3))}) == 529344067295497451LL);  // hash((1, 2, 3))
  CHECK(hash_tuple(std::vector<int64_t>{hash_int(Int(-1))}) == 8078679518589016365LL);  // hash((-1,))
  CHECK(hash_tuple(std::vector<int64_t>{hash_tuple(std::vector<int64_t>{hash_int(Int(1)), hash_int(Int(2))}), hash_int(Int(3))}) == -333907151259015829LL);  // hash(((1, 2), 3))
  CHECK(hash_tuple(std::vector<int64_t>{hash_tuple(std::vector<int64_t>{})}) == -5486347211504344842LL);  // hash(((),))
  CHECK(hash_tuple(std::vector<int64_t>{hash_double(0x1.0000000000000p-1, nullptr), hash_int(Int(7))}) == -8127116128995532517LL);  // hash((0.5, 7))
  CHECK(hash_tuple(std::vector<int64_t>{hash_int(Int(1)), hash_int(Int(2)), hash_int(Int(3)), hash_int(Int(4)), hash_int(Int(5)), hash_int(Int(6)), hash_int(Int(7)), hash_int(Int(8)), hash_int(Int(9)), hash_int(Int(10))}) == 9109727825473806502LL);  // hash((1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
}
