// Tab completion in the REPL, as rlcompleter's Completer over __main__: keywords and the
// names of __main__ and builtins for a plain word, the attributes of a dotted name's
// object for `obj.attr`. Exceptions while completing are swallowed: a completion never
// prints a traceback. CPython: Lib/rlcompleter.py Completer.complete, global_matches,
// attr_matches, get_class_members.
#include "lifecycle/repl_completer.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/eval.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "object/type_internal.hpp"

namespace gopy {

namespace {

// CPython: keyword.kwlist + keyword.softkwlist
constexpr std::string_view kKeywords[] = {
    "False", "None",   "True",    "and",    "as",     "assert", "async", "await",
    "break", "class",  "continue", "def",   "del",    "elif",   "else",  "except",
    "finally", "for",  "from",    "global", "if",     "import", "in",    "is",
    "lambda", "nonlocal", "not",  "or",     "pass",   "raise",  "return", "try",
    "while", "with",   "yield",   "_",      "case",   "match",  "type"};

DictObject* builtins_names() { return get_thread_state()->interp->builtins_dict; }

bool starts_with(std::string_view word, std::string_view prefix) { return word.substr(0, prefix.size()) == prefix; }

// CPython: Completer._callable_postfix
std::string with_callable_postfix(Object* value, std::string word) {
  if (callable_check(value)) word += '(';
  return word;
}

std::vector<std::string> global_matches(std::string_view text) {
  std::vector<std::string> matches;
  std::set<std::string, std::less<>> seen{"__builtins__"};
  for (std::string_view kw : kKeywords) {
    if (!starts_with(kw, text)) continue;
    seen.emplace(kw);
    std::string word(kw);
    if (kw == "try" || kw == "finally") word += ':';
    else if (kw != "False" && kw != "None" && kw != "True" && kw != "break" && kw != "continue" &&
             kw != "pass" && kw != "else" && kw != "_")
      word += ' ';
    matches.push_back(std::move(word));
  }
  for (DictObject* names : {main_module()->dict, builtins_names()}) {
    if (!names) continue;
    dict_for_each(names, [&](Object* key, Object* value) {
      if (!isinstance_of(key, &str_type)) return;
      const std::string& word = as_str(key)->utf8;
      if (!starts_with(word, text) || seen.count(word)) return;
      seen.insert(word);
      matches.push_back(with_callable_postfix(value, word));
    });
  }
  return matches;
}

// The object a dotted name such as `a.b.c` names in __main__ (then builtins), evaluated
// as CPython's eval(expr) would for plain names; null with the error cleared otherwise.
Object* eval_dotted_name(std::string_view expr) {
  size_t dot = expr.find('.');
  std::string first(expr.substr(0, dot));
  Object* obj = dict_get_str(main_module()->dict, first);
  if (!obj && builtins_names()) obj = dict_get_str(builtins_names(), first);
  if (!obj) return nullptr;
  incref(obj);
  while (dot != std::string_view::npos) {
    size_t next = expr.find('.', dot + 1);
    size_t len = next == std::string_view::npos ? std::string_view::npos : next - dot - 1;
    Object* attr = get_attr(obj, expr.substr(dot + 1, len));
    decref(obj);
    if (!attr) {
      clear_error();
      return nullptr;
    }
    obj = attr;
    dot = next;
  }
  return obj;
}

void add_dict_keys(Object* dict, std::set<std::string>& words) {
  if (!dict || !isinstance_of(dict, &dict_type)) return;
  dict_for_each(static_cast<DictObject*>(dict), [&](Object* key, Object*) {
    if (isinstance_of(key, &str_type)) words.insert(as_str(key)->utf8);
  });
}

// The names dir(obj) lists: dir() itself when builtins has it, else what its default
// gathers: the instance's __dict__, and for a type the dicts along its __mro__.
// Errors are cleared. CPython: Objects/object.c _dir_object, Objects/typeobject.c
// merge_class_dict.
void add_dir_names(Object* obj, std::set<std::string>& words) {
  if (Object* dir = builtins_names() ? dict_get_str(builtins_names(), "dir") : nullptr) {
    Object* names = call1(dir, obj);
    if (names && names->type == &list_type) {
      for (Object* n : static_cast<ListObject*>(names)->items)
        if (isinstance_of(n, &str_type)) words.insert(as_str(n)->utf8);
    }
    xdecref(names);
    clear_error();
    return;
  }
  if (isinstance_of(obj, &type_type)) {
    auto* type = static_cast<TypeObject*>(obj);
    if (type->mro) {
      for (Object* t : type->mro->items) add_dict_keys(type_dict(static_cast<TypeObject*>(t)), words);
    } else {
      add_dict_keys(type_dict(type), words);
    }
    return;
  }
  if (isinstance_of(obj, &module_type)) {
    add_dict_keys(static_cast<ModuleObject*>(obj)->dict, words);
    return;
  }
  Object* dict = get_attr(obj, "__dict__");
  if (!dict) clear_error();
  add_dict_keys(dict, words);
  xdecref(dict);
}

// CPython: rlcompleter.get_class_members (dir of the class and of each base, recursively)
void add_class_members(TypeObject* klass, std::set<std::string>& words) {
  add_dir_names(klass, words);
  if (!klass->bases) return;
  for (Object* base : klass->bases->items)
    if (isinstance_of(base, &type_type)) add_class_members(static_cast<TypeObject*>(base), words);
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); }

// CPython: Completer.attr_matches; `text` matches r"(\w+(\.\w+)*)\.(\w*)" at its start.
std::vector<std::string> attr_matches(std::string_view text) {
  std::vector<std::string> matches;
  size_t last_dot = text.rfind('.');
  std::string_view expr = text.substr(0, last_dot);
  std::string_view attr = text.substr(last_dot + 1);
  // Every part of expr, and attr, must be \w+ (attr may be empty); anything after attr's
  // word characters is ignored, as re.match ignores a tail.
  size_t attr_len = 0;
  while (attr_len < attr.size() && is_word_char(attr[attr_len])) ++attr_len;
  attr = attr.substr(0, attr_len);
  size_t start = 0;
  while (start <= expr.size()) {
    size_t end = expr.find('.', start);
    if (end == std::string_view::npos) end = expr.size();
    if (end == start) return matches;
    for (size_t i = start; i < end; ++i)
      if (!is_word_char(expr[i])) return matches;
    start = end + 1;
  }
  Object* obj = eval_dotted_name(expr);
  if (!obj) return matches;
  std::set<std::string> words;
  add_dir_names(obj, words);
  words.erase("__builtins__");
  words.insert("__class__");
  add_class_members(obj->type, words);
  // An empty attr hides the _private names, "_" the __dunder__ ones, unless nothing else
  // matches.
  std::string noprefix = attr.empty() ? "_" : attr == "_" ? "__" : "";
  for (;;) {
    for (const std::string& word : words) {
      if (!starts_with(word, attr)) continue;
      if (!noprefix.empty() && starts_with(word, noprefix)) continue;
      std::string match = std::string(expr) + "." + word;
      // A property is not evaluated: calling its getter could have effects.
      Object* on_type = type_lookup(obj->type, word);
      if (on_type && on_type->type->name == "property") {
        matches.push_back(std::move(match));
        continue;
      }
      Object* value = get_attr(obj, word);
      if (value) {
        matches.push_back(with_callable_postfix(value, std::move(match)));
        decref(value);
      } else {
        clear_error();
        matches.push_back(std::move(match));
      }
    }
    if (!matches.empty() || noprefix.empty()) break;
    noprefix = noprefix == "_" ? "__" : "";
  }
  decref(obj);
  std::sort(matches.begin(), matches.end());
  return matches;
}

std::vector<std::string> g_matches;

}  // namespace

std::vector<std::string> completion_matches(std::string_view text) {
  // A pending exception (there should be none at a prompt) must not leak into the
  // completion's own calls, nor their errors out of it.
  Object* pending = fetch_error();
  bool dotted = text.find('.') != std::string_view::npos;
  std::vector<std::string> matches = dotted ? attr_matches(text) : global_matches(text);
  clear_error();
  if (pending) restore_error(pending);
  return matches;
}

char* complete_for_line_editor(const char* text, int state) {
  std::string_view word(text);
  // An empty word indents: Tab at the start of a line inserts a tab.
  if (word.find_first_not_of(" \t") == std::string_view::npos) return state == 0 ? strdup("\t") : nullptr;
  if (state == 0) g_matches = completion_matches(word);
  if (state < 0 || static_cast<size_t>(state) >= g_matches.size()) return nullptr;
  return strdup(g_matches[static_cast<size_t>(state)].c_str());
}

}  // namespace gopy
