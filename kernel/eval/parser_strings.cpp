// String literals, implicit concatenation and f-strings (PEP 701).
// CPython: Parser/action_helpers.c _PyPegen_concatenate_strings, _PyPegen_formatted_value,
// _PyPegen_decode_fstring_part; Parser/string_parser.c _PyPegen_parse_string;
// Grammar/python.gram fstring_replacement_field, invalid_replacement_field.
#include "eval/parser_impl.hpp"
#include "eval/string_literal.hpp"

namespace gopy::parser {

void Parser::warn(int lineno, std::string msg) {
  warnings_.push_back(SyntaxWarningInfo{std::move(msg), filename_, lineno});
}

namespace {

int line_of(const Token& t, std::string_view text, std::size_t pos) {
  int line = t.lineno;
  for (std::size_t i = 0; i < pos && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

}  // namespace

// One plain (non-f) literal: prefix, quotes, body. *bytes tells a bytes literal.
// CPython: Parser/string_parser.c _PyPegen_parse_string
bool Parser::plain_string(const Token& t, std::string& out, bool* is_bytes) {
  std::string_view text = token_text(t);
  std::size_t q = 0;
  bool raw = false;
  bool bytes = false;
  while (q < text.size() && text[q] != '\'' && text[q] != '"') {
    char l = static_cast<char>(text[q] | 0x20);
    raw = raw || l == 'r';
    bytes = bytes || l == 'b';
    ++q;
  }
  *is_bytes = bytes;
  std::size_t quote_size = text.size() - q >= 6 && text[q + 1] == text[q] && text[q + 2] == text[q] ? 3 : 1;
  std::string_view body = text.substr(q + quote_size, text.size() - q - 2 * quote_size);
  if (bytes) {
    for (char c : body)
      if (static_cast<unsigned char>(c) >= 0x80) {
        error_at(t, "bytes can only contain ASCII literal characters");
        return false;
      }
  }
  EscapeDecodeResult r = bytes ? decode_bytes_body(body, raw, out) : decode_string_body(body, raw, out);
  if (!r.ok) {
    error_at(t, r.error);
    return false;
  }
  if (!r.warning.empty()) warn(line_of(t, body, r.warning_pos), r.warning);
  return true;
}

bool Parser::decode_middle(const Token& t, bool raw, std::string& out) {
  std::string_view body = token_text(t);
  EscapeDecodeResult r = decode_string_body(body, raw, out);
  if (!r.ok) {
    error_at(t, r.error);
    return false;
  }
  if (!r.warning.empty()) warn(line_of(t, body, r.warning_pos), r.warning);
  return true;
}

void Parser::flush_text(std::vector<ast::Expr*>& parts, std::string& pending) {
  if (pending.empty()) return;
  auto* c = arena_->make<ast::Constant>();
  c->value_kind = ast::ConstantKind::Str;
  c->str_value = std::move(pending);
  pending.clear();
  parts.push_back(c);  // positioned with the whole string by strings()
}

// STRING+ with f-strings mixed in: one Constant, or a JoinedStr when any part is an
// f-string.
ast::Expr* Parser::strings() {
  const Token& start = cur();
  std::vector<ast::Expr*> parts;
  std::string pending;
  bool any_fstring = false, any_bytes = false, any_str = false;
  while (at_type(TokenType::String) || at_type(TokenType::FStringStart)) {
    if (at_type(TokenType::String)) {
      bool is_bytes = false;
      if (!plain_string(advance(), pending, &is_bytes)) return nullptr;
      (is_bytes ? any_bytes : any_str) = true;
    } else {
      any_fstring = true;
      if (!fstring(parts, pending)) return nullptr;
    }
  }
  if (any_bytes && (any_str || any_fstring)) return error_at(cur(), "cannot mix bytes and nonbytes literals");
  if (!any_fstring) {
    auto* c = node<ast::Constant>(start);
    c->value_kind = any_bytes ? ast::ConstantKind::Bytes : ast::ConstantKind::Str;
    c->str_value = std::move(pending);
    return finish(c);
  }
  flush_text(parts, pending);
  auto* joined = node<ast::JoinedStr>(start);
  finish(joined);
  for (ast::Expr* part : parts)
    if (part->loc.lineno == 0) part->loc = joined->loc;
  joined->values = std::move(parts);
  return joined;
}

bool Parser::fstring(std::vector<ast::Expr*>& parts, std::string& pending) {
  DepthGuard guard(*this);
  if (!guard.ok()) return false;
  const Token& start = advance();  // FSTRING_START
  bool raw = false;
  for (char c : token_text(start)) raw = raw || (c | 0x20) == 'r';
  ++fstring_depth_;
  bool ok = true;
  for (;;) {
    if (at_type(TokenType::FStringMiddle)) {
      if (!decode_middle(advance(), raw, pending)) {
        ok = false;
        break;
      }
    } else if (at_op(Op::LBrace)) {
      if (!replacement_field(parts, pending)) {
        ok = false;
        break;
      }
    } else if (at_type(TokenType::FStringEnd)) {
      advance();
      break;
    } else {
      invalid_syntax();
      ok = false;
      break;
    }
  }
  --fstring_depth_;
  return ok;
}

// `{expr[=][!conv][:spec]}`
bool Parser::replacement_field(std::vector<ast::Expr*>& parts, std::string& pending) {
  const Token& open = advance();
  const Token& first = cur();
  if (first.type == TokenType::Op &&
      (first.op == Op::RBrace || first.op == Op::Exclamation || first.op == Op::Colon ||
       first.op == Op::Equal || first.op == Op::NotEqual)) {
    std::string what = first.op == Op::NotEqual ? "!" : std::string(token_text(first));
    error_at(first, "f-string: valid expression required before '" + what + "'");
    return false;
  }

  if (at_kw(Keyword::Lambda)) {
    // The ':' of an unparenthesized lambda starts the format spec instead.
    const Token& lambda_kw = cur();
    std::size_t saved = mark_;
    advance();
    ast::Arguments ignored;
    if (parameters(ignored, Op::Colon, false) && at_op(Op::Colon)) {
      return error_range(lambda_kw, cur(),
                         "f-string: lambda expressions are not allowed without parentheses"),
             false;
    }
    if (failed()) return false;
    mark_ = saved;
  }
  ast::Expr* value = at_kw(Keyword::Yield) ? yield_expr() : star_expressions();
  if (!value) return false;
  if (value->kind == ast::ExprKind::Starred) defer_error(value, "can't use starred expression here");
  std::string debug_text;
  bool debug = false;
  if (at_op(Op::Equal)) {
    advance();
    debug = true;
    // The expression's text as written, up to and including '=' and the blanks after it.
    std::string_view src = tok_.source();
    debug_text = std::string(src.substr(open.end, cur().start - open.end));
  }
  int conversion = -1;
  if (at_op(Op::Exclamation)) {
    const Token& bang = advance();
    const Token& name = cur();
    if (name.type == TokenType::Error) {
      tokenizer_failure();
      return false;
    }
    if (name.type != TokenType::Name) {
      error_at(name, "f-string: missing conversion character");
      return false;
    }
    if (name.start != bang.end) {
      error_range(bang, name,
                  "f-string: conversion type must come right after the exclamation mark");
      return false;
    }
    std::string_view conv = token_text(name);
    if (conv != "s" && conv != "r" && conv != "a") {
      error_at(name, "f-string: invalid conversion character '" + std::string(conv) +
                         "': expected 's', 'r', or 'a'");
      return false;
    }
    conversion = conv[0];
    advance();
  }
  ast::Expr* spec = nullptr;
  if (at_op(Op::Colon)) {
    spec = format_spec(advance());
    if (!spec) return false;
  }
  if (!at_op(Op::RBrace)) {
    if (at_type(TokenType::Error)) {
      tokenizer_failure();
    } else if (spec) {
      error_at(cur(), "f-string: expecting '}', or format specs");
    } else if (conversion != -1) {
      error_at(cur(), "f-string: expecting ':' or '}'");
    } else if (!debug && starts_expression(cur())) {
      juxtaposed_expressions(value);
    } else if (at_type(TokenType::FStringEnd) || at_type(TokenType::FStringMiddle)) {
      error_at(cur(), "f-string: expecting '}'");
    } else if (debug) {
      error_at(cur(), "f-string: expecting '!', or ':', or '}'");
    } else {
      error_at(cur(), "f-string: expecting '=', or '!', or ':', or '}'");
    }
    return false;
  }
  advance();
  if (debug) {
    pending += debug_text;
    if (conversion == -1 && !spec) conversion = 'r';
  }
  flush_text(parts, pending);
  auto* fv = node<ast::FormattedValue>(open);
  fv->value = value;
  fv->conversion = conversion;
  fv->format_spec = spec;
  parts.push_back(finish(fv));
  return true;
}

// The format spec after ':' up to the field's '}': text and nested fields.
ast::Expr* Parser::format_spec(const Token& colon) {
  auto* spec = node<ast::JoinedStr>(colon);
  std::vector<ast::Expr*> parts;
  std::string pending;
  for (;;) {
    if (at_type(TokenType::FStringMiddle)) {
      // CPython decodes escapes in a format spec even in a raw f-string.
      if (!decode_middle(advance(), false, pending)) return nullptr;
    } else if (at_op(Op::LBrace)) {
      if (!replacement_field(parts, pending)) return nullptr;
    } else {
      break;
    }
  }
  flush_text(parts, pending);
  finish(spec);
  for (ast::Expr* part : parts)
    if (part->loc.lineno == 0) part->loc = spec->loc;
  spec->values = std::move(parts);
  return spec;
}

}  // namespace gopy::parser
