// Keyword and operator tables of the tokenizer (CPython: Grammar/Tokens, Parser/token.c).
#pragma once

#include <string_view>

#include "eval/tokenizer.hpp"

namespace gopy::parser {

// The hard keyword `word` is, or Keyword::None_.
Keyword lookup_keyword(std::string_view word);
// CPython: Parser/token.c _PyToken_OneChar / _PyToken_TwoChars / _PyToken_ThreeChars;
// Op::None when the characters form no operator.
Op one_char_op(char c);
Op two_char_op(char c1, char c2);
Op three_char_op(Op two, char c3);

}  // namespace gopy::parser
