// "Did you mean" suggestions (CPython: Lib/traceback.py _compute_suggestion_error,
// Python/suggestions.c levenshtein_distance, _Py_CalculateSuggestions).
#include "object/suggestions.hpp"

#include <algorithm>

#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {
namespace {

constexpr size_t kMaxCandidates = 750;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;

// A case flip costs less than any other substitution.
size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c; };
  return lower(a) == lower(b) ? kCaseCost : kMoveCost;
}

// The edit distance of the UTF-8 texts, or max_cost + 1 once it must exceed max_cost.
size_t edit_distance(std::string_view a, std::string_view b, size_t max_cost) {
  while (!a.empty() && !b.empty() && a.front() == b.front()) a.remove_prefix(1), b.remove_prefix(1);
  while (!a.empty() && !b.empty() && a.back() == b.back()) a.remove_suffix(1), b.remove_suffix(1);
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  size_t row[kMaxStringSize];
  for (size_t i = 0; i < a.size(); ++i) row[i] = (i + 1) * kMoveCost;
  size_t result = 0;
  for (size_t bi = 0; bi < b.size(); ++bi) {
    size_t distance = result = bi * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t ai = 0; ai < a.size(); ++ai) {
      size_t substitute = distance + substitution_cost(b[bi], a[ai]);
      distance = row[ai];
      result = std::min(std::min(result, distance) + kMoveCost, substitute);
      row[ai] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

void add_keys(std::vector<std::string>& out, Object* d) {
  if (!d || !is_dict(d)) return;
  for (const auto& e : static_cast<DictObject*>(d)->entries)
    if (e.key && e.value && is_str(e.key)) out.push_back(as_str(e.key)->utf8);
}

void add_type_attrs(std::vector<std::string>& out, TypeObject* t) {
  if (t->mro) {
    for (Object* base : t->mro->items) add_keys(out, type_dict(static_cast<TypeObject*>(base)));
  } else {
    for (; t; t = t->base) add_keys(out, type_dict(t));
  }
}

// sorted(obj.__dir__()) for the objects gopy has: the instance's (or module's) dict and
// the attributes of its type's MRO; a class's own MRO and its metaclass's.
std::vector<std::string> attribute_names(Object* obj) {
  std::vector<std::string> names;
  if (is_type_object(obj)) add_type_attrs(names, static_cast<TypeObject*>(obj));
  int err = 0;
  if (Object* d = lookup_attr(obj, intern("__dict__"), &err)) {
    if (!is_type_object(obj)) add_keys(names, d);
    decref(d);
  }
  if (err) clear_error();
  add_type_attrs(names, obj->type);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::string attribute_suggestion(Object* exc, std::string_view wrong) {
  Object* obj = exception_get_attr(exc, "obj");
  if (!obj) return "";
  Ref<> hold = Ref<>::borrow(obj);
  std::vector<std::string> names = attribute_names(obj);
  bool hide_underscored = !wrong.starts_with("_") && static_cast<BaseExceptionObject*>(exc)->frame_hint != True();
  std::vector<std::string_view> candidates;
  for (const auto& n : names)
    if (!hide_underscored || !n.starts_with("_")) candidates.push_back(n);
  return closest_name(candidates, wrong);
}

}  // namespace

std::string closest_name(const std::vector<std::string_view>& candidates, std::string_view name) {
  if (candidates.size() >= kMaxCandidates) return "";
  std::string_view best;
  size_t best_distance = SIZE_MAX;
  bool found = false;
  for (std::string_view c : candidates) {
    if (c == name) continue;
    size_t max_distance = (name.size() + c.size() + 3) * kMoveCost / 6;
    if (found) max_distance = std::min(max_distance, best_distance - 1);
    size_t d = edit_distance(name, c, max_distance);
    if (d > max_distance) continue;
    if (!found || d < best_distance) {
      best = c;
      best_distance = d;
      found = true;
    }
  }
  return std::string(best);
}

// `from m import wrong`: the closest public name of m (of its top package for a dotted
// m, as __import__ answers). CPython: Lib/traceback.py _compute_suggestion_error
std::string import_suggestion(Object* exc) {
  Object* wrong = exception_get_attr(exc, "name_from");
  Object* module_name = exception_get_attr(exc, "name");
  if (!wrong || !is_str(wrong) || !module_name || !is_str(module_name)) return "";
  std::string_view top = as_str(module_name)->view();
  top = top.substr(0, top.find('.'));
  Object* mod = dict_get_str(get_thread_state()->interp->modules, top);
  if (!mod) return "";
  Ref<> hold = Ref<>::borrow(mod);
  std::string_view w = as_str(wrong)->view();
  std::vector<std::string> names = attribute_names(mod);
  std::vector<std::string_view> candidates;
  for (const auto& n : names)
    if (w.starts_with("_") || !n.starts_with("_")) candidates.push_back(n);
  std::string suggestion = closest_name(candidates, w);
  return suggestion.empty() ? "" : cat(". Did you mean: '", suggestion, "'?");
}

std::string exception_suggestion(Object* exc) {
  bool attribute = isinstance_of(exc, &exc_AttributeError);
  if (isinstance_of(exc, &exc_ImportError)) return import_suggestion(exc);
  if (!attribute && !isinstance_of(exc, &exc_NameError)) return "";
  Object* name = exception_get_attr(exc, "name");
  if (!name || !is_str(name)) return "";
  std::string suggestion;
  if (attribute) {
    suggestion = attribute_suggestion(exc, as_str(name)->view());
  } else if (Object* hint = static_cast<BaseExceptionObject*>(exc)->frame_hint; hint && is_str(hint)) {
    suggestion = as_str(hint)->utf8;
  }
  return suggestion.empty() ? "" : cat(". Did you mean: '", suggestion, "'?");
}

void remember_innermost_frame(Object* exc, const std::vector<std::string_view>& frame_names, Object* self) {
  auto* e = static_cast<BaseExceptionObject*>(exc);
  if (isinstance_of(exc, &exc_AttributeError)) {
    Object* obj = exception_get_attr(exc, "obj");
    if (self && obj == self) {
      xdecref(e->frame_hint);
      e->frame_hint = new_ref(True());
    }
    return;
  }
  if (!isinstance_of(exc, &exc_NameError)) return;
  Object* name = exception_get_attr(exc, "name");
  if (!name || !is_str(name)) return;
  Ref<> hold = Ref<>::borrow(name);
  std::string suggestion;
  // In a method, an attribute of the instance by that name wins.
  if (self) {
    int err = 0;
    Object* v = lookup_attr(self, as_str(name), &err);
    if (err) clear_error();
    if (v) {
      decref(v);
      suggestion = cat("self.", as_str(name)->utf8);
    }
  }
  if (suggestion.empty()) suggestion = closest_name(frame_names, as_str(name)->view());
  if (suggestion.empty()) return;
  xdecref(e->frame_hint);
  e->frame_hint = new_str(suggestion);
}

}  // namespace gopy
