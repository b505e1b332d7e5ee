// Keyword and operator tables of the tokenizer.
#include "eval/parser_tokens.hpp"

namespace gopy::parser {
namespace {

struct KeywordEntry {
  std::string_view text;
  Keyword keyword;
};
constexpr KeywordEntry kKeywords[] = {
    {"False", Keyword::False},   {"None", Keyword::None},       {"True", Keyword::True},
    {"and", Keyword::And},       {"as", Keyword::As},           {"assert", Keyword::Assert},
    {"async", Keyword::Async},   {"await", Keyword::Await},     {"break", Keyword::Break},
    {"class", Keyword::Class},   {"continue", Keyword::Continue}, {"def", Keyword::Def},
    {"del", Keyword::Del},       {"elif", Keyword::Elif},       {"else", Keyword::Else},
    {"except", Keyword::Except}, {"finally", Keyword::Finally}, {"for", Keyword::For},
    {"from", Keyword::From},     {"global", Keyword::Global},   {"if", Keyword::If},
    {"import", Keyword::Import}, {"in", Keyword::In},           {"is", Keyword::Is},
    {"lambda", Keyword::Lambda}, {"nonlocal", Keyword::Nonlocal}, {"not", Keyword::Not},
    {"or", Keyword::Or},         {"pass", Keyword::Pass},       {"raise", Keyword::Raise},
    {"return", Keyword::Return}, {"try", Keyword::Try},         {"while", Keyword::While},
    {"with", Keyword::With},     {"yield", Keyword::Yield},
};

}  // namespace

Keyword lookup_keyword(std::string_view word) {
  if (word.size() < 2 || word.size() > 8) return Keyword::None_;
  for (const auto& entry : kKeywords)
    if (entry.text == word) return entry.keyword;
  return Keyword::None_;
}

Op one_char_op(char c) {
  switch (c) {
    case '(': return Op::LPar;
    case ')': return Op::RPar;
    case '[': return Op::LSqb;
    case ']': return Op::RSqb;
    case ':': return Op::Colon;
    case ',': return Op::Comma;
    case ';': return Op::Semi;
    case '+': return Op::Plus;
    case '-': return Op::Minus;
    case '*': return Op::Star;
    case '/': return Op::Slash;
    case '|': return Op::VBar;
    case '&': return Op::Amper;
    case '<': return Op::Less;
    case '>': return Op::Greater;
    case '=': return Op::Equal;
    case '.': return Op::Dot;
    case '%': return Op::Percent;
    case '{': return Op::LBrace;
    case '}': return Op::RBrace;
    case '~': return Op::Tilde;
    case '^': return Op::Circumflex;
    case '@': return Op::At;
    case '!': return Op::Exclamation;
    default: return Op::None;
  }
}

Op two_char_op(char c1, char c2) {
  switch (c1) {
    case '!': return c2 == '=' ? Op::NotEqual : Op::None;
    case '%': return c2 == '=' ? Op::PercentEqual : Op::None;
    case '&': return c2 == '=' ? Op::AmperEqual : Op::None;
    case '*':
      if (c2 == '*') return Op::DoubleStar;
      return c2 == '=' ? Op::StarEqual : Op::None;
    case '+': return c2 == '=' ? Op::PlusEqual : Op::None;
    case '-':
      if (c2 == '=') return Op::MinEqual;
      return c2 == '>' ? Op::RArrow : Op::None;
    case '/':
      if (c2 == '/') return Op::DoubleSlash;
      return c2 == '=' ? Op::SlashEqual : Op::None;
    case ':': return c2 == '=' ? Op::ColonEqual : Op::None;
    case '<':
      if (c2 == '<') return Op::LeftShift;
      if (c2 == '=') return Op::LessEqual;
      return c2 == '>' ? Op::NotEqual : Op::None;  // "<>": only valid with barry_as_FLUFL
    case '=': return c2 == '=' ? Op::EqEqual : Op::None;
    case '>':
      if (c2 == '=') return Op::GreaterEqual;
      return c2 == '>' ? Op::RightShift : Op::None;
    case '@': return c2 == '=' ? Op::AtEqual : Op::None;
    case '^': return c2 == '=' ? Op::CircumflexEqual : Op::None;
    case '|': return c2 == '=' ? Op::VBarEqual : Op::None;
    default: return Op::None;
  }
}

Op three_char_op(Op two, char c3) {
  if (c3 == '=') {
    switch (two) {
      case Op::DoubleStar: return Op::DoubleStarEqual;
      case Op::DoubleSlash: return Op::DoubleSlashEqual;
      case Op::LeftShift: return Op::LeftShiftEqual;
      case Op::RightShift: return Op::RightShiftEqual;
      default: return Op::None;
    }
  }
  return Op::None;
}

}  // namespace gopy::parser
