// CPython: Python/ceval.c initialize_locals, too_many_positional, missing_arguments (the
// binding and the messages); the parameter text is Python's own parameter syntax.
#include "object/module_api_signature.hpp"

#include <cmath>
#include <limits>

#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/strcat.hpp"

namespace gopy {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

bool is_identifier(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
      return false;
  return true;
}

// The parameters, split at the commas outside quotes.
std::vector<std::string_view> split_params(std::string_view text) {
  std::vector<std::string_view> parts;
  char quote = 0;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == ',') {
      parts.push_back(trim(text.substr(start, i - start)));
      start = i + 1;
    }
  }
  std::string_view last = trim(text.substr(start));
  if (!last.empty() || !parts.empty()) parts.push_back(last);
  return parts;
}

// A default's literal as a new object, or null (no exception) when it is not one.
Object* literal(std::string_view text) {
  if (text == "None") return new_none();
  if (text == "True") return new_bool(true);
  if (text == "False") return new_bool(false);
  if (text.size() >= 2 && (text.front() == '\'' || text.front() == '"') && text.back() == text.front()) {
    std::string_view body = text.substr(1, text.size() - 2);
    if (body.find(text.front()) != std::string_view::npos || body.find('\\') != std::string_view::npos)
      return nullptr;
    return new_str(body);
  }
  bool negative = !text.empty() && text[0] == '-';
  std::string_view digits = negative ? text.substr(1) : text;
  if (digits == "inf" || digits == "nan") {
    double v = digits == "inf" ? std::numeric_limits<double>::infinity() : std::nan("");
    return new_float(negative ? -v : v);
  }
  if (digits.empty()) return nullptr;
  bool integer = true;
  for (char c : digits) {
    if (c >= '0' && c <= '9') continue;
    if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') integer = false;
    else return nullptr;
  }
  if (integer) {
    Object* v = int_from_digits(digits, 10);
    if (!v || !negative) return v;
    Object* neg = unary_op(v, UnaryOp::neg);
    decref(v);
    return neg;
  }
  std::string copy(text);
  char* end = nullptr;
  double v = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size()) return nullptr;
  return new_float(v);
}

std::string quoted_names(const std::vector<std::string_view>& names) {
  // 'a'  |  'a' and 'b'  |  'a', 'b', and 'c'  (CPython: format_missing)
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += cat("'", names[i], "'");
  }
  return out;
}

bool missing(std::string_view qualname, const std::vector<std::string_view>& names, const char* kind) {
  type_error(cat(qualname, "() missing ", names.size(), " required ", kind, " argument",
                 names.size() == 1 ? "" : "s", ": ", quoted_names(names)));
  return false;
}

// CPython: Python/ceval.c too_many_positional
bool too_many_positional(const Signature& sig, std::string_view qualname, size_t given, Object** out) {
  size_t with_default = 0, kwonly_given = 0;
  for (size_t i = 0; i < sig.params.size(); ++i) {
    const Signature::Param& p = sig.params[i];
    if (p.kind == Signature::Kind::keyword_only && out[i]) ++kwonly_given;
    if (i < sig.positional_count && p.default_index >= 0) ++with_default;
  }
  size_t count = sig.positional_count;
  std::string takes = with_default ? cat("from ", count - with_default, " to ", count) : std::to_string(count);
  bool plural = with_default || count != 1;
  std::string kwonly;
  if (kwonly_given)
    kwonly = cat(" positional argument", given != 1 ? "s" : "", " (and ", kwonly_given, " keyword-only argument",
                 kwonly_given != 1 ? "s" : "", ")");
  type_error(cat(qualname, "() takes ", takes, " positional argument", plural ? "s" : "", " but ", given, kwonly,
                 " ", given == 1 && !kwonly_given ? "was" : "were", " given"));
  return false;
}

}  // namespace

bool parse_signature(std::string_view text, Signature* sig, TupleObject** defaults, std::string* error) {
  std::vector<Object*> values;
  auto fail = [&](std::string problem) {
    for (Object* v : values) decref(v);
    *error = std::move(problem);
    return false;
  };
  bool keyword_only = false, seen_default = false;
  for (std::string_view part : split_params(text)) {
    if (part.empty()) return fail("empty parameter");
    if (part == "/") {
      if (keyword_only || sig->params.empty() ||
          sig->params.back().kind == Signature::Kind::positional_only)
        return fail("'/' in the wrong place");
      for (Signature::Param& p : sig->params) p.kind = Signature::Kind::positional_only;
      continue;
    }
    if (part == "*" || part[0] == '*') {
      if (keyword_only) return fail("a second '*'");
      keyword_only = true;
      if (part == "*") continue;
      std::string_view name = part.substr(1);
      if (!is_identifier(name)) return fail(cat("'", name, "' is not a parameter name"));
      sig->params.push_back({std::string(name), Signature::Kind::varargs, -1});
      sig->has_varargs = true;
      continue;
    }
    Signature::Param p;
    size_t eq = part.find('=');
    p.name = std::string(trim(part.substr(0, eq)));
    if (!is_identifier(p.name)) return fail(cat("'", p.name, "' is not a parameter name"));
    for (const Signature::Param& q : sig->params)
      if (q.name == p.name) return fail(cat("duplicate parameter '", p.name, "'"));
    p.kind = keyword_only ? Signature::Kind::keyword_only : Signature::Kind::positional;
    if (eq != std::string_view::npos) {
      std::string_view value = trim(part.substr(eq + 1));
      Object* v = literal(value);
      if (!v) {
        if (error_occurred()) clear_error();
        return fail(cat("default '", value, "' of '", p.name, "' is not a literal"));
      }
      p.default_index = int(values.size());
      values.push_back(v);
      if (!keyword_only) seen_default = true;
    } else if (seen_default && !keyword_only) {
      return fail(cat("parameter '", p.name, "' without a default follows one with a default"));
    }
    if (!keyword_only) ++sig->positional_count;
    sig->params.push_back(std::move(p));
  }
  *defaults = new_tuple_steal(std::move(values));
  return true;
}

bool bind_signature(const Signature& sig, TupleObject* defaults, std::string_view qualname,
                    Object* const* args, size_t nargs, TupleObject* kwnames, Object** out,
                    Ref<>* owned) {
  const size_t total = sig.params.size();
  for (size_t i = 0; i < total; ++i) out[i] = nullptr;
  size_t npos = sig.positional_count;
  size_t n = std::min(nargs, npos);
  for (size_t i = 0; i < n; ++i) out[i] = args[i];
  size_t varargs_slot = total;
  if (sig.has_varargs) {
    for (size_t i = 0; i < total; ++i)
      if (sig.params[i].kind == Signature::Kind::varargs) varargs_slot = i;
    std::vector<Object*> extra;
    for (size_t i = n; i < nargs; ++i) extra.push_back(new_ref(args[i]));
    *owned = Ref<>::steal(new_tuple_steal(std::move(extra)));
    out[varargs_slot] = owned->get();
  }
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  for (size_t k = 0; k < nkw; ++k) {
    std::string_view key = as_str(kwnames->items[k])->view();
    size_t found = total;
    bool positional_only = false;
    for (size_t i = 0; i < total; ++i) {
      if (sig.params[i].name != key) continue;
      if (sig.params[i].kind == Signature::Kind::positional_only) positional_only = true;
      else if (sig.params[i].kind != Signature::Kind::varargs) found = i;
    }
    if (found == total) {
      if (positional_only)
        type_error(cat(qualname, "() got some positional-only arguments passed as keyword arguments: '", key, "'"));
      else
        type_error(cat(qualname, "() got an unexpected keyword argument '", key, "'"));
      return false;
    }
    if (out[found]) {
      type_error(cat(qualname, "() got multiple values for argument '", key, "'"));
      return false;
    }
    out[found] = args[nargs + k];
  }
  if (nargs > npos && !sig.has_varargs) return too_many_positional(sig, qualname, nargs, out);
  for (auto kind : {Signature::Kind::positional, Signature::Kind::keyword_only}) {
    std::vector<std::string_view> absent;
    for (size_t i = 0; i < total; ++i) {
      const Signature::Param& p = sig.params[i];
      bool same_group = kind == Signature::Kind::keyword_only ? p.kind == kind
                                                              : i < npos;
      if (!same_group || out[i]) continue;
      if (p.default_index >= 0) out[i] = defaults->items[size_t(p.default_index)];
      else absent.push_back(p.name);
    }
    if (!absent.empty())
      return missing(qualname, absent, kind == Signature::Kind::keyword_only ? "keyword-only" : "positional");
  }
  return true;
}

}  // namespace gopy
