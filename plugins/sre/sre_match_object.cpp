// Match objects (CPython: Modules/_sre/sre.c match_* and _sre_SRE_Match_*_impl): groups by
// number or name, spans, expand, and the attributes and repr CPython gives.
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "sre_module.hpp"

namespace gopy::sre_module {

namespace {

int group_count(MatchData* m) { return static_cast<int>(m->slots->size() / 2); }

// CPython: match_getindex. The group index for an int or a group name; -1 with
// IndexError("no such group") otherwise.
ssize group_index(MatchData* m, Object* key) {
  ssize index = -1;
  if (is_int(key) || key->type->nb_index) {
    Ref<> i = Ref<>::steal(is_int(key) ? new_ref(key) : key->type->nb_index(key));
    if (!i) return -1;
    int64_t v = 0;
    if (!int_to_int64(i.get(), &v)) v = -1;
    index = v;
  } else {
    DictObject* names = pattern_data(m->pattern)->groupindex;
    Object* found = dict_get_item(names, key);
    if (!found && error_occurred()) return -1;
    int64_t v = -1;
    if (found && is_int(found) && int_to_int64(found, &v)) index = v;
  }
  if (index < 0 || index >= group_count(m)) {
    if (!error_occurred()) index_error("no such group");
    return -1;
  }
  return index;
}

Object* group_value(MatchData* m, ssize g, Object* dflt) {
  ssize b = (*m->slots)[2 * g], e = (*m->slots)[2 * g + 1];
  if (b < 0 || e < 0) return new_ref(dflt);
  return slice_of(m->string, b, e);
}

Object* group_by_key(MatchData* m, Object* key) {
  ssize g = group_index(m, key);
  if (g < 0) return nullptr;
  return group_value(m, g, None());
}

MatchData* data(gopy_Object* self) { return match_data(obj(self)); }

gopy_Object* m_group(gopy_Object* self, gopy_Object* const* args) {
  MatchData* m = data(self);
  auto* groups = static_cast<TupleObject*>(obj(args[0]));
  size_t n = groups->items.size();
  if (n == 0) return handle(group_value(m, 0, None()));
  if (n == 1) return handle(group_by_key(m, groups->items[0]));
  std::vector<Object*> values;
  for (Object* key : groups->items) {
    Object* v = group_by_key(m, key);
    if (!v) {
      for (Object* x : values) decref(x);
      return nullptr;
    }
    values.push_back(v);
  }
  return handle(new_tuple_steal(std::move(values)));
}

gopy_Object* m_groups(gopy_Object* self, gopy_Object* const* args) {
  MatchData* m = data(self);
  std::vector<Object*> values;
  for (int g = 1; g < group_count(m); ++g) {
    Object* v = group_value(m, g, obj(args[0]));
    if (!v) {
      for (Object* x : values) decref(x);
      return nullptr;
    }
    values.push_back(v);
  }
  return handle(new_tuple_steal(std::move(values)));
}

gopy_Object* m_groupdict(gopy_Object* self, gopy_Object* const* args) {
  MatchData* m = data(self);
  Ref<DictObject> out = Ref<DictObject>::steal(new_dict());
  const auto& names = pattern_data(m->pattern)->program->group_names;
  for (const auto& [name, g] : names) {
    Ref<> key = Ref<>::steal(new_str_from_cps(name));
    Ref<> value = Ref<>::steal(group_value(m, g, obj(args[0])));
    if (!key || !value || dict_set_item(out.get(), key.get(), value.get()) < 0) return nullptr;
  }
  return handle(out.release());
}

ssize slot_of(gopy_Object* self, gopy_Object* key, int end) {
  MatchData* m = data(self);
  ssize g = group_index(m, obj(key));
  if (g < 0) return -2;
  return (*m->slots)[2 * g + end];
}

gopy_Object* m_start(gopy_Object* self, gopy_Object* const* args) {
  ssize v = slot_of(self, args[0], 0);
  return v == -2 ? nullptr : handle(new_int(v));
}
gopy_Object* m_end(gopy_Object* self, gopy_Object* const* args) {
  ssize v = slot_of(self, args[0], 1);
  return v == -2 ? nullptr : handle(new_int(v));
}

Object* span_tuple(ssize b, ssize e) {
  Ref<> x = Ref<>::steal(new_int(b));
  Ref<> y = Ref<>::steal(new_int(e));
  return new_tuple_from({x.get(), y.get()});
}

gopy_Object* m_span(gopy_Object* self, gopy_Object* const* args) {
  MatchData* m = data(self);
  ssize g = group_index(m, obj(args[0]));
  if (g < 0) return nullptr;
  return handle(span_tuple((*m->slots)[2 * g], (*m->slots)[2 * g + 1]));
}

gopy_Object* m_expand(gopy_Object* self, gopy_Object* const* args) {
  MatchData* m = data(self);
  sre::Template t;
  if (!template_of(m->pattern, obj(args[0]), &t)) return nullptr;
  std::string out;
  expand_into(t, m, &out);
  return handle(joined(out, pattern_data(m->pattern)->program->bytes));
}

gopy_Object* m_copy(gopy_Object* self, gopy_Object* const*) { return gopy_NewRef(self); }

gopy_Object* m_get_pos(gopy_Object* self) { return handle(new_int(data(self)->pos)); }
gopy_Object* m_get_endpos(gopy_Object* self) { return handle(new_int(data(self)->endpos)); }
gopy_Object* m_get_lastindex(gopy_Object* self) {
  int i = data(self)->lastindex;
  return i >= 0 ? handle(new_int(i)) : gopy_NewRef(gopy_None());
}
gopy_Object* m_get_lastgroup(gopy_Object* self) {
  MatchData* m = data(self);
  for (const auto& [name, g] : pattern_data(m->pattern)->program->group_names)
    if (g == m->lastindex) return handle(new_str_from_cps(name));
  return gopy_NewRef(gopy_None());
}
gopy_Object* m_get_re(gopy_Object* self) { return gopy_NewRef(handle(data(self)->pattern)); }
gopy_Object* m_get_string(gopy_Object* self) { return gopy_NewRef(handle(data(self)->string)); }
gopy_Object* m_get_regs(gopy_Object* self) {
  MatchData* m = data(self);
  std::vector<Object*> spans;
  for (int g = 0; g < group_count(m); ++g) spans.push_back(span_tuple((*m->slots)[2 * g], (*m->slots)[2 * g + 1]));
  return handle(new_tuple_steal(std::move(spans)));
}

}  // namespace

const gopy_FunctionDef kMatchMethods[] = {
    {"group", m_group, "*groups", nullptr},
    {"groups", m_groups, "default=None", nullptr},
    {"groupdict", m_groupdict, "default=None", nullptr},
    {"start", m_start, "group=0, /", nullptr},
    {"end", m_end, "group=0, /", nullptr},
    {"span", m_span, "group=0, /", nullptr},
    {"expand", m_expand, "template", nullptr},
    {"__copy__", m_copy, "", nullptr},
    {"__deepcopy__", m_copy, "memo, /", nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

const gopy_GetSetDef kMatchGetSet[] = {
    {"pos", m_get_pos, nullptr, nullptr},
    {"endpos", m_get_endpos, nullptr, nullptr},
    {"lastindex", m_get_lastindex, nullptr, nullptr},
    {"lastgroup", m_get_lastgroup, nullptr, nullptr},
    {"re", m_get_re, nullptr, nullptr},
    {"string", m_get_string, nullptr, nullptr},
    {"regs", m_get_regs, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

Object* match_subscript(Object* self, Object* key) { return group_by_key(match_data(self), key); }

// CPython: Modules/_sre/sre.c match_repr
gopy_Object* match_repr(gopy_Object* self) {
  MatchData* m = data(self);
  Ref<> group0 = Ref<>::steal(group_value(m, 0, None()));
  if (!group0) return nullptr;
  std::string shown = cut_repr(group0.get(), 50);
  if (error_occurred()) return nullptr;
  std::string out = "<re.Match object; span=(" + std::to_string((*m->slots)[0]) + ", " +
                    std::to_string((*m->slots)[1]) + "), match=" + shown + ">";
  return handle(new_str(out));
}

int match_traverse(gopy_Object* self, gopy_VisitFn visit, void* arg) {
  MatchData* d = data(self);
  if (!d) return 0;
  if (d->pattern) {
    if (int r = visit(handle(d->pattern), arg)) return r;
  }
  if (d->string) return visit(handle(d->string), arg);
  return 0;
}

void match_clear(gopy_Object* self) {
  MatchData* d = data(self);
  if (!d) return;  // already cleared: the instance's type is no longer ours
  Object* p = d->pattern;
  Object* s = d->string;
  d->pattern = nullptr;
  d->string = nullptr;
  xdecref(p);
  xdecref(s);
}

void match_free(void* raw) {
  auto* d = static_cast<MatchData*>(raw);
  delete d->slots;
  d->slots = nullptr;
}

}  // namespace gopy::sre_module
