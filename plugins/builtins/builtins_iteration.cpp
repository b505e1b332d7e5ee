// Built-in functions over iterables: iter, next, sorted, min, max, sum, any, all
// (CPython: Python/bltinmodule.c builtin_iter, builtin_next, min_max, builtin_sum_impl).
#include <cmath>
#include <cstdint>
#include <string_view>
#include <string>

#include "builtins_internal.hpp"
#include "gopy/object_bytes.hpp"

namespace gopy::builtins {
namespace {

Object* b_iter(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("iter", kw) || !check_nargs("iter", n, 1, 2)) return nullptr;
  if (n == 1) return get_iter(a[0]);
  if (!callable_check(a[0])) return type_error("iter(v, w): v must be callable");
  return new_callable_iter(a[0], a[1]);
}

Object* b_next(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("next", kw) || !check_nargs("next", n, 1, 2)) return nullptr;
  if (!a[0]->type->tp_iternext)
    return type_error(std::string("'") + a[0]->type->name + "' object is not an iterator");
  Object* r = a[0]->type->tp_iternext(a[0]);
  if (r) return r;
  if (error_occurred()) {
    if (n == 2 && error_matches(&exc_StopIteration)) {
      clear_error();
      return new_ref(a[1]);
    }
    return nullptr;
  }
  if (n == 2) return new_ref(a[1]);
  Object* exc = new_exception_args(&exc_StopIteration, nullptr, 0);
  if (exc) {
    raise_object(exc);
    decref(exc);
  }
  return nullptr;
}

Object* b_sorted(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (n != 1) return type_error(n == 0 ? "sorted expected 1 argument, got 0"
                                       : "sorted expected 1 argument, got " + std::to_string(n));
  if (!check_kwargs_allowed("sort", kw, {"key", "reverse"})) return nullptr;
  ListObject* l = list_from_iterable(a[0]);
  if (!l) return nullptr;
  Object* key = find_kwarg(a, n, kw, "key");
  Object* rev = find_kwarg(a, n, kw, "reverse");
  int reverse = rev ? object_is_true(rev) : 0;
  if (reverse < 0 || list_sort(l, key, reverse) < 0) {
    decref(l);
    return nullptr;
  }
  return l;
}

// CPython: Python/bltinmodule.c min_max
Object* min_max(Object* const* a, size_t n, TupleObject* kw, bool is_max) {
  const char* name = is_max ? "max" : "min";
  if (n == 0) return type_error(std::string(name) + " expected at least 1 argument, got 0");
  // CPython: _PyArg_ParseStackAndKeywords over "|$OO" (only keywords given).
  if (kw && kw->items.size() > 2)
    return type_error(std::string(name) + "() takes at most 2 keyword arguments (" + std::to_string(kw->items.size()) +
                      " given)");
  if (!check_kwargs_allowed(name, kw, {"key", "default"})) return nullptr;
  Object* key = find_kwarg(a, n, kw, "key");
  Object* dflt = find_kwarg(a, n, kw, "default");
  if (key == None()) key = nullptr;
  if (n == 0) return type_error(std::string(name) + " expected at least 1 argument, got 0");
  if (n > 1 && dflt)
    return type_error(std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
  Object* it;
  if (n == 1) {
    it = get_iter(a[0]);
  } else {
    std::vector<Object*> items;
    for (size_t i = 0; i < n; ++i) items.push_back(new_ref(a[i]));
    TupleObject* t = new_tuple_steal(std::move(items));
    it = get_iter(t);
    decref(t);
  }
  if (!it) return nullptr;
  Object* best = nullptr;
  Object* best_key = nullptr;
  bool failed = false;
  while (Object* x = iter_next(it)) {
    Object* k = key ? call1(key, x) : new_ref(x);
    if (!k) {
      decref(x);
      failed = true;
      break;
    }
    if (!best) {
      best = x;
      best_key = k;
      continue;
    }
    int better = rich_compare_bool(k, best_key, is_max ? CompareOp::gt : CompareOp::lt);
    if (better < 0) {
      decref(x);
      decref(k);
      failed = true;
      break;
    }
    if (better) {
      decref(best);
      decref(best_key);
      best = x;
      best_key = k;
    } else {
      decref(x);
      decref(k);
    }
  }
  decref(it);
  xdecref(best_key);
  if (failed || error_occurred()) {
    xdecref(best);
    return nullptr;
  }
  if (!best) {
    if (dflt) return new_ref(dflt);
    return value_error(std::string(name) + "() iterable argument is empty");
  }
  return best;
}

Object* b_max(Object*, Object* const* a, size_t n, TupleObject* kw) { return min_max(a, n, kw, true); }
Object* b_min(Object*, Object* const* a, size_t n, TupleObject* kw) { return min_max(a, n, kw, false); }

// CPython: Python/bltinmodule.c builtin_sum_impl (int fast path, then generic +).
// An int of a 128-bit value, through its decimal digits.
Object* int_from_int128(__int128 value) {
  if (value >= INT64_MIN && value <= INT64_MAX) return new_int(int64_t(value));
  unsigned __int128 magnitude = value < 0 ? -static_cast<unsigned __int128>(value) : static_cast<unsigned __int128>(value);
  char digits[48];
  char* start = digits + sizeof digits;
  for (; magnitude; magnitude /= 10) *--start = char('0' + int(magnitude % 10));
  Object* r = int_from_digits(std::string_view(start, size_t(digits + sizeof digits - start)), 10);
  if (!r || value > 0) return r;
  Object* negated = unary_op(r, UnaryOp::neg);
  decref(r);
  return negated;
}

Object* b_sum(Object*, Object* const* a, size_t n, TupleObject* kw) {
  // CPython: clinic's sum(iterable, /, start=0) (_PyArg_UnpackKeywords)
  if (size_t given = n + (kw ? kw->items.size() : 0); given > 2)
    return type_error("sum() takes at most 2 arguments (" + std::to_string(given) + " given)");
  if (!check_kwargs_allowed("sum", kw, {"start"})) return nullptr;
  if (n < 1) return type_error("sum() takes at least 1 positional argument (" + std::to_string(n) + " given)");
  Object* start = n > 1 ? a[1] : find_kwarg(a, n, kw, "start");
  // The iterator first, then the start's checks (CPython: builtin_sum_impl).
  Object* it = get_iter(a[0]);
  if (!it) return nullptr;
  const char* refused = !start ? nullptr
                        : is_str(start) ? "sum() can't sum strings [use ''.join(seq) instead]"
                        : is_bytes(start) ? "sum() can't sum bytes [use b''.join(seq) instead]"
                        : is_bytearray(start) ? "sum() can't sum bytearray [use b''.join(seq) instead]"
                                              : nullptr;
  if (refused) {
    decref(it);
    return type_error(refused);
  }
  Object* total = start ? new_ref(start) : new_int(0);
  while (Object* x = iter_next(it)) {
    int64_t first, v;
    if (total->type == &int_type && x->type == &int_type && int_to_int64(total, &first) && int_to_int64(x, &v)) {
      // Ints that fit in 64 bits are added in a 128-bit C integer, which no realistic
      // count of them overflows (CPython: builtin_sum_impl's i_result).
      __int128 acc = __int128(first) + v;
      decref(x);
      while ((x = iter_next(it)) != nullptr) {
        if (x->type != &int_type || !int_to_int64(x, &v)) break;
        acc += v;
        decref(x);
      }
      decref(total);
      total = int_from_int128(acc);
      if (!total || !x) {
        xdecref(x);
        break;
      }
    }
    if (total->type == &float_type && (x->type == &float_type || x->type == &int_type)) {
      // Floats are summed with Neumaier's compensation (CPython 3.12+).
      double f = static_cast<FloatObject*>(total)->value;
      double c = 0.0;
      bool more = true;
      Object* item = x;
      while (more) {
        double v;
        int64_t iv;
        if (item->type == &float_type) v = static_cast<FloatObject*>(item)->value;
        else if (item->type == &int_type && int_to_int64(item, &iv)) v = double(iv);
        else break;
        decref(item);
        item = nullptr;
        double t = f + v;
        if (std::fabs(f) >= std::fabs(v)) c += (f - t) + v;
        else c += (v - t) + f;
        f = t;
        item = iter_next(it);
        more = item != nullptr;
      }
      if (c != 0.0 && std::isfinite(c)) f += c;
      decref(total);
      total = new_float(f);
      if (!item) break;
      x = item;
    }
    Object* r = binary_op(total, x, BinaryOp::add);
    decref(x);
    decref(total);
    total = r;
    if (!total) break;
  }
  decref(it);
  if (total && error_occurred()) {
    decref(total);
    return nullptr;
  }
  return total;
}

Object* any_all(Object* const* a, size_t n, TupleObject* kw, bool is_any) {
  if (!check_no_kwargs(is_any ? "any" : "all", kw) || !check_nargs(is_any ? "any" : "all", n, 1, 1)) return nullptr;
  Object* it = get_iter(a[0]);
  if (!it) return nullptr;
  bool result = !is_any;
  while (Object* x = iter_next(it)) {
    int t = object_is_true(x);
    decref(x);
    if (t < 0) {
      decref(it);
      return nullptr;
    }
    if (bool(t) == is_any) {
      result = is_any;
      break;
    }
  }
  decref(it);
  if (error_occurred()) return nullptr;
  return new_bool(result);
}
Object* b_any(Object*, Object* const* a, size_t n, TupleObject* kw) { return any_all(a, n, kw, true); }
Object* b_all(Object*, Object* const* a, size_t n, TupleObject* kw) { return any_all(a, n, kw, false); }

}  // namespace

const FunctionDef kIterationFunctions[] = {
    {"iter", b_iter}, {"next", b_next}, {"sorted", b_sorted}, {"max", b_max},
    {"min", b_min},   {"sum", b_sum},   {"any", b_any},       {"all", b_all},
};
const size_t kIterationFunctionCount = sizeof(kIterationFunctions) / sizeof(kIterationFunctions[0]);

}  // namespace gopy::builtins
