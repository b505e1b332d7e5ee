// Fuzz target: gopy's regular-expression engine (plugins/sre/engine). The input is a flags
// byte, the pattern (UTF-8), a NUL, and a short subject (UTF-8). A pattern that compiles
// runs in the three modes, with a step budget so that a pattern meant to backtrack
// exponentially stays quick; a replacement template made of the subject is parsed too.
#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "fuzz_targets.hpp"
#include "object/prim/unicode.hpp"
#include "sre_engine.hpp"

namespace gopy::fuzz {

namespace {

// Flags a str pattern may carry: IGNORECASE, MULTILINE, DOTALL, VERBOSE, ASCII.
constexpr int kFlagBits[] = {sre::kIgnoreCase, sre::kMultiline, sre::kDotAll, sre::kVerbose, sre::kAscii};
constexpr std::size_t kMaxSubject = 64;
constexpr uint64_t kStepBudget = 200000;

std::u32string text_of(std::string_view bytes) {
  auto decoded = prim::utf8_decode(bytes);
  if (decoded.ok()) return decoded.value();
  return std::u32string(bytes.begin(), bytes.end());  // not UTF-8: read it as Latin-1
}

void check_captures(const sre::Captures& caps, std::size_t groups, sre::ssize end) {
  if (caps.slots.size() != 2 * (groups + 1)) std::abort();
  for (std::size_t g = 0; g <= groups; ++g) {
    sre::ssize b = caps.slots[2 * g], e = caps.slots[2 * g + 1];
    if (g == 0 && (b < 0 || e < 0)) std::abort();
    if (b > end || e > end) std::abort();
  }
  if (caps.slots[0] > caps.slots[1]) std::abort();
}

}  // namespace

std::string re_input(int flags, std::string_view pattern, std::string_view subject) {
  std::string out(1, static_cast<char>(flags));
  out += pattern;
  out += '\0';
  out += subject;
  return out;
}

bool re_accepts(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return false;
  int flags = 0;
  for (std::size_t i = 0; i < std::size(kFlagBits); ++i)
    if (data[0] & (1u << i)) flags |= kFlagBits[i];
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::size_t nul = rest.find('\0');
  std::u32string pattern = text_of(rest.substr(0, nul));
  std::u32string subject = nul == std::string_view::npos ? std::u32string() : text_of(rest.substr(nul + 1));
  if (subject.size() > kMaxSubject) subject.resize(kMaxSubject);

  sre::Program program;
  sre::Error error;
  if (!sre::compile(pattern, flags, &program, &error)) {
    if (error.msg.empty()) std::abort();
    return false;
  }
  bool ascii = std::all_of(subject.begin(), subject.end(), [](char32_t c) { return c < 128; });
  std::string narrow(subject.begin(), subject.end());
  sre::Subject s;
  if (ascii) s.narrow = reinterpret_cast<const uint8_t*>(narrow.data());
  else s.wide = subject.data();
  s.length = static_cast<sre::ssize>(subject.size());
  sre::MatchStatePtr state = sre::new_match_state();
  for (sre::Mode mode : {sre::Mode::kMatch, sre::Mode::kSearch, sre::Mode::kFullMatch}) {
    for (sre::ssize pos : {sre::ssize(0), s.length / 2}) {
      sre::Captures caps;
      bool limited = false;
      if (sre::run(program, s, pos, s.length, mode, *state, &caps, pos > 0, kStepBudget, &limited))
        check_captures(caps, static_cast<std::size_t>(program.groups), s.length);
    }
  }
  sre::Template templ;
  (void)sre::parse_template(subject, false, program.groups, program.group_names, &templ, &error);
  return true;
}

}  // namespace gopy::fuzz
