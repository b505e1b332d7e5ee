// Pattern and the finditer scanner (CPython: Modules/_sre/sre.c pattern_* and
// _sre_SRE_Pattern_*_impl, scanner_*): matching, findall, split and sub with sre's rules
// for empty matches (3.7+: an empty match right after a match is allowed, but never two
// matches at the same place).
#include <algorithm>

#include "gopy/object_bytes.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "sre_module.hpp"

namespace gopy::sre_module {

namespace {

using sre::Mode;

// One run of a pattern: the subject and its clamped range.
struct Run {
  Object* pattern;
  PatternData* p;
  Object* string;
  sre::Subject subject;
  int64_t pos = 0, endpos = 0;
};

bool start_run(gopy_Object* self, gopy_Object* string, gopy_Object* pos, gopy_Object* endpos, Run* run) {
  run->pattern = obj(self);
  run->p = pattern_data(run->pattern);
  run->string = obj(string);
  if (!subject_of(run->string, run->p->program->bytes, &run->subject)) return false;
  run->pos = 0;
  run->endpos = run->subject.length;
  if (pos && gopy_Long_AsInt64(pos, &run->pos) < 0) return false;
  if (endpos && gopy_Long_AsInt64(endpos, &run->endpos) < 0) return false;
  clamp_range(run->subject.length, &run->pos, &run->endpos);
  return true;
}

bool search_at(const Run& r, ssize from, Mode mode, bool must_advance, sre::Captures* caps) {
  return sre::run(*r.p->program, r.subject, from, r.endpos, mode, *r.p->state, caps, must_advance);
}

gopy_Object* match_with(gopy_Object* self, gopy_Object* const* args, Mode mode) {
  Run r;
  if (!start_run(self, args[0], args[1], args[2], &r)) return nullptr;
  sre::Captures caps;
  if (!search_at(r, r.pos, mode, false, &caps)) return gopy_NewRef(gopy_None());
  return handle(new_match(r.pattern, r.string, r.pos, r.endpos, caps));
}

gopy_Object* p_match(gopy_Object* self, gopy_Object* const* args) { return match_with(self, args, Mode::kMatch); }
gopy_Object* p_fullmatch(gopy_Object* self, gopy_Object* const* args) { return match_with(self, args, Mode::kFullMatch); }
gopy_Object* p_search(gopy_Object* self, gopy_Object* const* args) { return match_with(self, args, Mode::kSearch); }

Object* group_or(const Run& r, const sre::Captures& caps, int g, Object* dflt) {
  ssize b = caps.slots[2 * g], e = caps.slots[2 * g + 1];
  if (b < 0 || e < 0) return new_ref(dflt);
  return slice_of(r.string, b, e);
}

// CPython: Modules/_sre/sre.c _sre_SRE_Pattern_findall_impl
gopy_Object* p_findall(gopy_Object* self, gopy_Object* const* args) {
  Run r;
  if (!start_run(self, args[0], args[1], args[2], &r)) return nullptr;
  Ref<ListObject> list = Ref<ListObject>::steal(new_list());
  int groups = r.p->program->groups;
  ssize start = r.pos;
  bool must_advance = false;
  sre::Captures caps;
  Ref<> empty = Ref<>::steal(joined("", r.p->program->bytes));
  while (start <= r.endpos) {
    if (!search_at(r, start, Mode::kSearch, must_advance, &caps)) break;
    Ref<> item;
    if (groups == 0) {
      item = Ref<>::steal(slice_of(r.string, caps.slots[0], caps.slots[1]));
    } else if (groups == 1) {
      item = Ref<>::steal(group_or(r, caps, 1, empty.get()));
    } else {
      std::vector<Object*> values;
      values.reserve(static_cast<size_t>(groups));
      for (int g = 1; g <= groups; ++g) {
        Object* v = group_or(r, caps, g, empty.get());
        if (!v) {
          for (Object* x : values) decref(x);
          return nullptr;
        }
        values.push_back(v);
      }
      item = Ref<>::steal(new_tuple_steal(std::move(values)));
    }
    if (!item || list_append(list.get(), item.get()) < 0) return nullptr;
    must_advance = caps.slots[1] == caps.slots[0];
    start = caps.slots[1];
  }
  return handle(list.release());
}

Object* make_scanner(const Run& r) {
  Object* s = new_instance(kScannerType);
  if (!s) return nullptr;
  ScannerData* d = scanner_data(s);
  d->pattern = new_ref(r.pattern);
  d->string = new_ref(r.string);
  d->pos = r.pos;
  d->endpos = r.endpos;
  return s;
}

gopy_Object* p_scanner(gopy_Object* self, gopy_Object* const* args) {
  Run r;
  if (!start_run(self, args[0], args[1], args[2], &r)) return nullptr;
  return handle(make_scanner(r));
}

// CPython: _sre_SRE_Pattern_finditer_impl: iter(scanner.search, None), a callable_iterator
// (the scanner itself is no iterator).
gopy_Object* p_finditer(gopy_Object* self, gopy_Object* const* args) {
  Run r;
  if (!start_run(self, args[0], args[1], args[2], &r)) return nullptr;
  Ref<> scanner = Ref<>::steal(make_scanner(r));
  if (!scanner) return nullptr;
  Ref<> search = Ref<>::steal(get_attr(scanner.get(), "search"));
  if (!search) return nullptr;
  return handle(new_callable_iter(search.get(), None()));
}

// CPython: Modules/_sre/sre.c _sre_SRE_Pattern_split_impl
gopy_Object* p_split(gopy_Object* self, gopy_Object* const* args) {
  Run r;
  if (!start_run(self, args[0], nullptr, nullptr, &r)) return nullptr;
  int64_t maxsplit = 0;
  if (gopy_Long_AsInt64(args[1], &maxsplit) < 0) return nullptr;
  Ref<ListObject> list = Ref<ListObject>::steal(new_list());
  int groups = r.p->program->groups;
  ssize start = 0, last = 0;
  int64_t n = 0;
  bool must_advance = false;
  sre::Captures caps;
  while (!maxsplit || n < maxsplit) {
    if (!search_at(r, start, Mode::kSearch, must_advance, &caps)) break;
    Ref<> piece = Ref<>::steal(slice_of(r.string, last, caps.slots[0]));
    if (!piece || list_append(list.get(), piece.get()) < 0) return nullptr;
    for (int g = 1; g <= groups; ++g) {
      Ref<> v = Ref<>::steal(group_or(r, caps, g, None()));
      if (!v || list_append(list.get(), v.get()) < 0) return nullptr;
    }
    ++n;
    must_advance = caps.slots[1] == caps.slots[0];
    last = start = caps.slots[1];
  }
  Ref<> tail = Ref<>::steal(slice_of(r.string, last, r.subject.length));
  if (!tail || list_append(list.get(), tail.get()) < 0) return nullptr;
  return handle(list.release());
}

// The text of a str (UTF-8) or the bytes of a bytes-like object.
bool raw_text(Object* o, std::string_view* out) {
  if (is_str(o)) {
    *out = as_str(o)->view();
    return true;
  }
  return bytes_like_view(o, out);
}

// CPython: Modules/_sre/sre.c pattern_subx
gopy_Object* subx(gopy_Object* self, gopy_Object* const* args, bool with_count) {
  Object* repl = obj(args[0]);
  Run r;
  if (!start_run(self, args[1], nullptr, nullptr, &r)) return nullptr;
  int64_t count = 0;
  if (gopy_Long_AsInt64(args[2], &count) < 0) return nullptr;
  bool bytes = r.p->program->bytes;
  // The subject stays exported while sub runs, as CPython holds its buffer: a callable
  // cannot resize a bytearray under the search ("Existing exports of data").
  struct ExportGuard {
    ByteArrayObject* array = nullptr;
    ~ExportGuard() {
      if (array) --array->exports;
    }
  } guard;
  if (is_bytearray(r.string)) {
    guard.array = as_bytearray(r.string);
    ++guard.array->exports;
  }
  enum { kLiteral, kTemplate, kCallable } kind;
  sre::Template templ;
  std::string literal;
  // A replacement of the other kind (str for bytes) fails only when it is used, with
  // the error of the join CPython makes.
  std::string literal_mismatch;
  std::string_view text;
  if (callable_check(repl)) {
    kind = kCallable;
  } else if (raw_text(repl, &text)) {
    if (text.find('\\') == std::string_view::npos) {
      kind = kLiteral;
      literal.assign(text);
      if (is_str(repl) == bytes)
        literal_mismatch = std::string(bytes ? "expected a bytes-like object, " : "expected str instance, ") +
                           repl->type->name + " found";
    } else {
      if (!template_of(r.pattern, repl, &templ)) return nullptr;
      kind = templ.groups.empty() ? kLiteral : kTemplate;
      if (kind == kLiteral) literal = templ.literals[0];
    }
  } else {
    if (!template_of(r.pattern, repl, &templ)) return nullptr;
    kind = kTemplate;
  }
  std::string out;
  ssize start = 0, i = 0;
  int64_t n = 0;
  size_t items = 0;
  bool must_advance = false;
  sre::Captures caps;
  while (!count || n < count) {
    if (!search_at(r, start, Mode::kSearch, must_advance, &caps)) break;
    ssize b = caps.slots[0], e = caps.slots[1];
    if (i < b) {
      append_slice(r.string, i, b, &out);
      ++items;
    }
    if (kind == kLiteral) {
      if (!literal_mismatch.empty())
        return handle(type_error("sequence item " + std::to_string(items) + ": " + literal_mismatch));
      out += literal;
      ++items;
    } else {
      Ref<> m = Ref<>::steal(new_match(r.pattern, r.string, 0, r.subject.length, caps));
      if (!m) return nullptr;
      if (kind == kTemplate) {
        expand_into(templ, match_data(m.get()), &out);
        ++items;
      } else {
        Object* margs[] = {m.get()};
        Ref<> item = Ref<>::steal(call(repl, margs, 1));
        if (!item) return nullptr;
        if (item.get() != None()) {
          std::string_view piece;
          if (is_str(item.get()) == bytes || !raw_text(item.get(), &piece))
            return handle(type_error("sequence item " + std::to_string(items) + ": " +
                                     (bytes ? "expected a bytes-like object, " : "expected str instance, ") +
                                     item->type->name + " found"));
          out += piece;
          ++items;
        }
      }
    }
    i = e;
    ++n;
    must_advance = e == b;
    start = e;
  }
  if (i < r.subject.length) append_slice(r.string, i, r.subject.length, &out);
  Ref<> result = Ref<>::steal(joined(out, bytes));
  if (!result) return nullptr;
  if (!with_count) return handle(result.release());
  Ref<> num = Ref<>::steal(new_int(n));
  return handle(new_tuple_from({result.get(), num.get()}));
}

gopy_Object* p_sub(gopy_Object* self, gopy_Object* const* args) { return subx(self, args, false); }
gopy_Object* p_subn(gopy_Object* self, gopy_Object* const* args) { return subx(self, args, true); }

gopy_Object* p_copy(gopy_Object* self, gopy_Object* const*) { return gopy_NewRef(self); }

gopy_Object* p_get_pattern(gopy_Object* self) { return gopy_NewRef(handle(pattern_data(obj(self))->pattern)); }
gopy_Object* p_get_flags(gopy_Object* self) { return handle(new_int(pattern_data(obj(self))->program->flags)); }
gopy_Object* p_get_groups(gopy_Object* self) { return handle(new_int(pattern_data(obj(self))->program->groups)); }
gopy_Object* p_get_groupindex(gopy_Object* self) {
  // A read-only view, as CPython's: types.MappingProxyType over a copy (gopy has no
  // native mappingproxy), which keeps the pattern's own dict out of reach.
  Ref<> copy = Ref<>::steal(dict_copy(pattern_data(obj(self))->groupindex));
  if (!copy) return nullptr;
  // no named groups: a plain new dict (CPython: pattern_groupindex, a NULL groupindex)
  if (static_cast<DictObject*>(copy.get())->used == 0) return handle(copy.release());
  Ref<> types = Ref<>::steal(reinterpret_cast<Object*>(gopy_Import("types")));
  if (!types) return nullptr;
  Ref<> proxy_type = Ref<>::steal(get_attr(types.get(), "MappingProxyType"));
  if (!proxy_type) return nullptr;
  return handle(call1(proxy_type.get(), copy.get()));
}

// The scanner's step: the next match from where the last one ended.
Object* scanner_step(Object* self, Mode mode) {
  ScannerData* d = scanner_data(self);
  if (d->done || d->pos > d->endpos) {
    d->done = true;
    return nullptr;
  }
  PatternData* p = pattern_data(d->pattern);
  sre::Subject subject;
  if (!subject_of(d->string, p->program->bytes, &subject)) return nullptr;
  sre::Captures caps;
  if (!sre::run(*p->program, subject, d->pos, d->endpos, mode, *p->state, &caps, d->must_advance)) {
    d->done = true;
    return nullptr;
  }
  Object* m = new_match(d->pattern, d->string, d->pos, d->endpos, caps);
  d->must_advance = caps.slots[1] == caps.slots[0];
  d->pos = caps.slots[1];
  return m;
}

gopy_Object* s_match(gopy_Object* self, gopy_Object* const*) {
  Object* m = scanner_step(obj(self), Mode::kMatch);
  if (!m && !error_occurred()) return gopy_NewRef(gopy_None());
  return handle(m);
}
gopy_Object* s_search(gopy_Object* self, gopy_Object* const*) {
  Object* m = scanner_step(obj(self), Mode::kSearch);
  if (!m && !error_occurred()) return gopy_NewRef(gopy_None());
  return handle(m);
}

}  // namespace

const gopy_FunctionDef kPatternMethods[] = {
    {"match", p_match, "string, pos=0, endpos=9223372036854775807", nullptr},
    {"fullmatch", p_fullmatch, "string, pos=0, endpos=9223372036854775807", nullptr},
    {"search", p_search, "string, pos=0, endpos=9223372036854775807", nullptr},
    {"findall", p_findall, "string, pos=0, endpos=9223372036854775807", nullptr},
    {"finditer", p_finditer, "string, pos=0, endpos=9223372036854775807", nullptr},
    {"scanner", p_scanner, "string, pos=0, endpos=9223372036854775807", nullptr},
    {"split", p_split, "string, maxsplit=0", nullptr},
    {"sub", p_sub, "repl, string, count=0", nullptr},
    {"subn", p_subn, "repl, string, count=0", nullptr},
    {"__copy__", p_copy, "", nullptr},
    {"__deepcopy__", p_copy, "memo, /", nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

const gopy_GetSetDef kPatternGetSet[] = {
    {"pattern", p_get_pattern, nullptr, "The pattern string from which the RE object was compiled."},
    {"flags", p_get_flags, nullptr, "The regex matching flags."},
    {"groups", p_get_groups, nullptr, "The number of capturing groups in the pattern."},
    {"groupindex", p_get_groupindex, nullptr, "A dictionary mapping group names to group numbers."},
    {nullptr, nullptr, nullptr, nullptr},
};

const gopy_FunctionDef kScannerMethods[] = {
    {"match", s_match, "", nullptr},
    {"search", s_search, "", nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// CPython: Modules/_sre/sre.c pattern_repr
gopy_Object* pattern_repr(gopy_Object* self) {
  PatternData* d = pattern_data(obj(self));
  int flags = d->program->flags;
  if ((flags & (sre::kLocale | sre::kUnicode | sre::kAscii)) == sre::kUnicode) flags &= ~sre::kUnicode;
  static const struct {
    const char* name;
    int value;
  } kNames[] = {{"re.IGNORECASE", sre::kIgnoreCase}, {"re.LOCALE", sre::kLocale},   {"re.MULTILINE", sre::kMultiline},
                {"re.DOTALL", sre::kDotAll},         {"re.UNICODE", sre::kUnicode}, {"re.VERBOSE", sre::kVerbose},
                {"re.DEBUG", sre::kDebug},           {"re.ASCII", sre::kAscii}};
  std::string names;
  for (const auto& f : kNames) {
    if (!(flags & f.value)) continue;
    if (!names.empty()) names += "|";
    names += f.name;
    flags &= ~f.value;
  }
  if (flags) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%x", flags);
    if (!names.empty()) names += "|";
    names += buf;
  }
  std::string text = "re.compile(" + cut_repr(d->pattern, 200);
  if (error_occurred()) return nullptr;
  if (!names.empty()) text += ", " + names;
  text += ")";
  return handle(new_str(text));
}

Object* pattern_richcompare(Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::eq && op != CompareOp::ne) || a->type != b->type) return new_ref(NotImplemented());
  PatternData* x = pattern_data(a);
  PatternData* y = pattern_data(b);
  bool equal = a == b;
  if (!equal && x->program->flags == y->program->flags && x->program->bytes == y->program->bytes) {
    int same = object_eq(x->pattern, y->pattern);
    if (same < 0) return nullptr;
    equal = same == 1;
  }
  return new_bool(op == CompareOp::eq ? equal : !equal);
}

int64_t pattern_hash(Object* self) {
  PatternData* d = pattern_data(self);
  int64_t h = object_hash(d->pattern);
  if (h == -1) return -1;
  h ^= d->program->flags * 1000003LL;
  return h == -1 ? -2 : h;
}

int pattern_traverse(gopy_Object* self, gopy_VisitFn visit, void* arg) {
  PatternData* d = pattern_data(obj(self));
  if (!d) return 0;
  if (d->pattern) {
    if (int r = visit(handle(d->pattern), arg)) return r;
  }
  if (d->groupindex) return visit(handle(d->groupindex), arg);
  return 0;
}

void pattern_clear(gopy_Object* self) {
  PatternData* d = pattern_data(obj(self));
  if (!d) return;  // already cleared: the instance's type is no longer ours
  Object* p = d->pattern;
  Object* g = d->groupindex;
  d->pattern = nullptr;
  d->groupindex = nullptr;
  xdecref(p);
  xdecref(g);
}

void pattern_free(void* data) {
  auto* d = static_cast<PatternData*>(data);
  delete d->program;
  sre::MatchStateDeleter()(d->state);
  d->program = nullptr;
  d->state = nullptr;
}

int scanner_traverse(gopy_Object* self, gopy_VisitFn visit, void* arg) {
  ScannerData* d = scanner_data(obj(self));
  if (!d) return 0;
  if (d->pattern) {
    if (int r = visit(handle(d->pattern), arg)) return r;
  }
  if (d->string) return visit(handle(d->string), arg);
  return 0;
}

void scanner_clear(gopy_Object* self) {
  ScannerData* d = scanner_data(obj(self));
  if (!d) return;  // already cleared: the instance's type is no longer ours
  Object* p = d->pattern;
  Object* s = d->string;
  d->pattern = nullptr;
  d->string = nullptr;
  xdecref(p);
  xdecref(s);
}


}  // namespace gopy::sre_module
