// The fuzz targets: bytes in, and whether the real code accepted them (read, parsed,
// validated or decoded without an error status). libFuzzer drives them through
// fuzz_main.cpp; fuzz_seed_test checks that every valid public vector is accepted, so a
// target is known to reach the code it is named after.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gopy::fuzz {

// One interpreter for the whole run, made on first use (the targets that need objects);
// never torn down: the fuzzer exits (defined in fuzz_codecs.cpp).
void ensure_interpreter();

// The command line and environment reader (preconfig_read, preconfig_write, config_read).
// Input: NUL-separated fields, the arguments after the program name, then a field holding
// the one byte 0x01, then environment changes over LC_ALL=C.UTF-8: "NAME=VALUE" sets, "NAME" removes.
bool cli_accepts(const std::uint8_t* data, std::size_t size);
std::string cli_input(const std::vector<std::string>& args,
                      const std::vector<std::string>& env_changes);

// The plugin manifest parser and validator, over the manifest's JSON text.
bool manifest_accepts(const std::uint8_t* data, std::size_t size);

// The tokenizer and parser ("exec" mode), over UTF-8 source.
bool parser_accepts(const std::uint8_t* data, std::size_t size);

// The strict UTF-8 decoder (and, for what it accepts, the encoder's round trip).
bool utf8_accepts(const std::uint8_t* data, std::size_t size);

// The getpath strategies over a virtual file system, from one getpath case's JSON.
bool getpath_accepts(const std::uint8_t* data, std::size_t size);

// The codec decoders: a codec byte, an error-handler byte, then the data (see
// codecs_input); what decodes is encoded back.
bool codecs_accepts(const std::uint8_t* data, std::size_t size);
std::string codecs_input(std::size_t codec, std::size_t errors, std::string_view data);
// The codec byte for a codec name ("utf-8", "latin-1", ...); past the list when unknown.
std::size_t codec_index(std::string_view name);

// json.loads's native decoder over UTF-8 text (invalid bytes become lone surrogates, as
// gopy's str makes them); what decodes must encode, decode and encode again to the same text.
bool json_accepts(const std::uint8_t* data, std::size_t size);
// gopy's regular-expression engine: a flags byte (bit 0 IGNORECASE, 1 MULTILINE, 2 DOTALL,
// 3 VERBOSE, 4 ASCII), the pattern, a NUL, the subject; accepted when the pattern compiles.
bool re_accepts(const std::uint8_t* data, std::size_t size);
std::string re_input(int flags, std::string_view pattern, std::string_view subject);

inline bool accepts(bool (*target)(const std::uint8_t*, std::size_t), std::string_view input) {
  return target(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

}  // namespace gopy::fuzz
