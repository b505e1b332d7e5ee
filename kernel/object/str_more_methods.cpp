// str methods beyond searching and case: expandtabs, removeprefix/removesuffix,
// maketrans/translate (CPython: Objects/unicodeobject.c).
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/args.hpp"
#include "object/class_method.hpp"
#include "object/expandtabs.hpp"
#include "object/str_internal.hpp"
#include "object/strcat.hpp"

namespace gopy {

namespace {

bool str_argument(Object* o, const char* fname) {
  if (is_str(o)) return true;
  type_error(cat(fname, "() argument must be str, not ", o->type->name));
  return false;
}

// CPython: Objects/unicodeobject.c unicode_expandtabs_impl
Object* m_expandtabs(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ssize tabsize;
  if (!expandtabs_arg(a, n, kw, &tabsize)) return nullptr;
  StrObject* self = as_str(a[0]);
  if (self->utf8.find('\t') == std::string::npos) return new_ref(a[0]);
  std::string out;
  ssize length = expand_tabs(self->utf8, tabsize, true, &out);
  if (length < 0) return overflow_error("new string is too long");
  return new_str_known(out, length, self->ascii);
}

Object* strip_affix(Object* const* a, size_t n, TupleObject* kw, const char* fname, bool prefix) {
  const std::string qualified = std::string("str.") + fname;  // METH_O errors name the type
  if (!check_no_kwargs(qualified.c_str(), kw) || !check_nargs(qualified.c_str(), n - 1, 1, 1) ||
      !str_argument(a[1], fname))
    return nullptr;
  StrObject* self = as_str(a[0]);
  StrObject* affix = as_str(a[1]);
  std::string_view text = self->utf8;
  bool found = prefix ? text.starts_with(affix->utf8) : text.ends_with(affix->utf8);
  if (!found || affix->utf8.empty()) return new_ref(a[0]);
  text = prefix ? text.substr(affix->utf8.size()) : text.substr(0, text.size() - affix->utf8.size());
  return new_str_known(text, self->length - affix->length, self->ascii);
}
// CPython: Objects/unicodeobject.c unicode_removeprefix_impl, unicode_removesuffix_impl
Object* m_removeprefix(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return strip_affix(a, n, kw, "removeprefix", true);
}
Object* m_removesuffix(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return strip_affix(a, n, kw, "removesuffix", false);
}

// The one-argument form: a dict whose keys are ordinals or one-character strs.
Object* maketrans_from_dict(Object* x) {
  if (!is_dict(x)) return type_error("if you give only one argument to maketrans it must be a dict");
  DictObject* table = new_dict();
  bool ok = true;
  dict_for_each(static_cast<DictObject*>(x), [&](Object* key, Object* value) {
    if (!ok) return;
    Object* k = nullptr;
    if (is_str(key)) {
      if (as_str(key)->length != 1) {
        // CPython's text lacks the spaces between its concatenated literals.
        value_error("string keys in translatetable must be of length 1");
        ok = false;
        return;
      }
      k = new_int(int64_t(as_str(key)->at(0)));
    } else if (is_int(key)) {
      k = new_ref(key);
    } else {
      type_error("keys in translate table mustbe strings or integers");
      ok = false;
      return;
    }
    ok = dict_set_item(table, k, value) == 0;
    decref(k);
  });
  if (!ok) {
    decref(table);
    return nullptr;
  }
  return table;
}

// CPython: Objects/unicodeobject.c unicode_maketrans_impl (a static method)
Object* m_maketrans(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("maketrans", kw) || !check_nargs("maketrans", n, 1, 3)) return nullptr;
  if (n == 1) return maketrans_from_dict(a[0]);
  // Argument Clinic checks y and z; the implementation then checks x.
  for (size_t i = 1; i < n; ++i)
    if (!is_str(a[i]))
      return type_error(cat("maketrans() argument ", i + 1, " must be str, not ", a[i]->type->name));
  if (!is_str(a[0])) return type_error("first maketrans argument must be a string if there is a second argument");
  const std::u32string& from = as_str(a[0])->cps();
  const std::u32string& to = as_str(a[1])->cps();
  if (from.size() != to.size()) return value_error("the first two maketrans arguments must have equal length");
  DictObject* table = new_dict();
  auto put = [&](char32_t k, Object* v) {
    Object* key = new_int(int64_t(k));
    int r = dict_set_item(table, key, v);
    decref(key);
    decref(v);
    return r == 0;
  };
  for (size_t i = 0; i < from.size(); ++i)
    if (!put(from[i], new_int(int64_t(to[i])))) return decref(table), nullptr;
  if (n == 3)
    for (char32_t c : as_str(a[2])->cps())
      if (!put(c, new_none())) return decref(table), nullptr;
  return table;
}

// CPython: Objects/unicodeobject.c unicode_translate, charmaptranslate_output
Object* m_translate(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("str.translate", kw) || !check_nargs("str.translate", n - 1, 1, 1)) return nullptr;
  Object* table = a[1];
  std::u32string out;
  for (char32_t c : as_str(a[0])->cps()) {
    Object* key = new_int(int64_t(c));
    Object* v = get_item(table, key);
    decref(key);
    if (!v) {
      if (!error_matches(&exc_LookupError)) return nullptr;
      clear_error();
      out += c;
      continue;
    }
    if (v == None()) {
      // deleted
    } else if (is_int(v)) {
      int64_t cp;
      if (!int_to_int64(v, &cp) || cp < 0 || cp > 0x10FFFF) {
        decref(v);
        return value_error("character mapping must be in range(0x110000)");
      }
      out += char32_t(cp);
    } else if (is_str(v)) {
      out += as_str(v)->cps();
    } else {
      decref(v);
      return type_error("character mapping must return integer, None or str");
    }
    decref(v);
  }
  return new_str_from_cps(out);
}

}  // namespace

void init_str_more_methods() {
  TypeObject* t = &str_type;
  add_method(t, "expandtabs", m_expandtabs);
  add_method(t, "removeprefix", m_removeprefix);
  add_method(t, "removesuffix", m_removesuffix);
  add_method(t, "translate", m_translate);
  add_static_method(t, "maketrans", m_maketrans);
}

}  // namespace gopy
