// Fuzz target: the tokenizer and parser over a whole module.
#include <string_view>

#include "eval/parser.hpp"
#include "fuzz_targets.hpp"

namespace gopy::fuzz {

bool parser_accepts(const std::uint8_t* data, std::size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  return parser::parse_module(source, "<fuzz>").ok();
}

}  // namespace gopy::fuzz
