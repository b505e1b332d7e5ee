// The evaluation loop (CPython: Python/ceval.c _PyEval_EvalFrameDefault, Python/bytecodes.c).
// One invocation runs an entry frame and every Python frame it calls: a Python-to-Python
// call pushes a frame on the data stack and continues here; a return pops it. Dispatch is
// a computed goto over the opcode table.
#include <new>

#include "eval/ceval_match.hpp"
#include "eval/ceval_ops.hpp"
#include "eval/intrinsics.hpp"
#include "eval/code.hpp"
#include "gopy/object_num.hpp"
#include "gopy/signals.hpp"
#include "object/descr_internal.hpp"
#include "object/dict_internal.hpp"
#include "object/exception_group.hpp"
#include "object/type_internal.hpp"
#include "object/seq_internal.hpp"
#include "object/str_internal.hpp"
#include "object/strcat.hpp"

namespace gopy {

void traceback_here(Frame& f, int instr) {
  ThreadState* ts = get_thread_state();
  if (!ts->traceback_pending || !ts->current_exception) return;
  ts->traceback_pending = false;
  auto* exc = static_cast<BaseExceptionObject*>(ts->current_exception);
  if (!exc->traceback) note_innermost_frame(exc, f);
  SourceSpan span;
  if (instr >= 0 && size_t(instr) < f.code->spans.size()) span = f.code->spans[size_t(instr)];
  traceback_add(exc, f.code->filename, f.code->name, f.lineno, span);
}

std::nullptr_t recursion_error() { return set_error(&exc_RecursionError, "maximum recursion depth exceeded"); }

namespace {

inline bool small_int(Object* o, int64_t* v) {
  if (o->type != &int_type) return false;
  auto* i = static_cast<IntObject*>(o);
  if (i->big) return false;
  *v = i->small;
  return true;
}

// Arithmetic with the int and str fast paths (no allocation for small results).
[[gnu::always_inline]] inline Object* fast_binary(Object* a, Object* b, BinaryOp op, bool inplace) {
  int64_t x, y, r;
  if (small_int(a, &x) && small_int(b, &y)) {
    switch (op) {
      case BinaryOp::add:
        if (!__builtin_add_overflow(x, y, &r)) return new_int(r);
        break;
      case BinaryOp::sub:
        if (!__builtin_sub_overflow(x, y, &r)) return new_int(r);
        break;
      case BinaryOp::mul:
        if (!__builtin_mul_overflow(x, y, &r)) return new_int(r);
        break;
      case BinaryOp::floordiv:
        if (y > 0) return new_int(x >= 0 ? x / y : -((-x - 1) / y) - 1);
        break;
      case BinaryOp::mod:
        if (y > 0) {
          int64_t m = x % y;
          return new_int(m < 0 ? m + y : m);
        }
        break;
      case BinaryOp::and_: return new_int(x & y);
      case BinaryOp::or_: return new_int(x | y);
      case BinaryOp::xor_: return new_int(x ^ y);
      default: break;
    }
  } else if (op == BinaryOp::add && a->type == &str_type && b->type == &str_type) {
    return str_concat(a, b);
  }
  return inplace ? inplace_op(a, b, op) : binary_op(a, b, op);
}

// Whether the variable that `store` (the instruction after an in-place `+`) assigns holds
// `v`: then that variable's reference and the stack's are all `v` has when its count is 2.
inline bool store_target_holds(const Frame* f, const Instr& store, Object* v) {
  switch (store.op) {
    case Op::STORE_FAST: return f->slots[store.a] == v;
    case Op::STORE_GLOBAL: return dict_get_str(f->globals, static_cast<StrObject*>(f->code->consts[size_t(store.a)])) == v;
    case Op::STORE_NAME:
      return f->locals && dict_get_str(f->locals, static_cast<StrObject*>(f->code->consts[size_t(store.a)])) == v;
    default: return false;
  }
}

// -1 error, else the truth of a small-int comparison or of the full one.
inline int fast_compare_truth(Object* a, Object* b, CmpKind op) {
  int64_t x, y;
  if (small_int(a, &x) && small_int(b, &y)) {
    switch (op) {
      case CmpKind::lt: return x < y;
      case CmpKind::le: return x <= y;
      case CmpKind::eq: return x == y;
      case CmpKind::ne: return x != y;
      case CmpKind::gt: return x > y;
      case CmpKind::ge: return x >= y;
      default: break;
    }
  }
  return compare_truth(a, b, op);
}

inline int truth(Object* v) {
  if (v == True()) return 1;
  if (v == False() || v == None()) return 0;
  return object_is_true(v);
}

// Links a frame as the thread's innermost one.
inline void link_frame(ThreadState* ts, Frame* f) {
  f->back = ts->frame;
  ts->frame = f;
  ++ts->depth;
  if (f->exc_level) {
    // A resumed generator's handled exceptions chain onto the resumer's.
    f->handled[0].previous = ts->handled;
    ts->handled = &f->handled[f->exc_level - 1];
  }
}

inline void unlink_frame(ThreadState* ts, Frame* f) {
  if (f->exc_level) ts->handled = f->handled[0].previous;
  ts->frame = f->back;
  --ts->depth;
}

// LOAD_GLOBAL through its cache: the entry found last time while neither dict changed
// its keys; else a full lookup that refills the cache.
inline Object* cached_load_global(Frame* f, NameCache& c, StrObject* name) {
  DictObject* g = f->globals;
  if (c.globals == g && c.globals_version == g->version) {
    if (!c.in_builtins) return new_ref(g->entries[size_t(c.index)].value);
    DictObject* b = f->builtins;
    if (c.builtins == b && c.builtins_version == b->version) return new_ref(b->entries[size_t(c.index)].value);
  }
  ssize ix = dict_str_index(g, name);
  if (ix >= 0) {
    c = {g, g->version, nullptr, 0, int32_t(ix), false};
    return new_ref(g->entries[size_t(ix)].value);
  }
  DictObject* b = f->builtins;
  ix = dict_str_index(b, name);
  if (ix >= 0) {
    c = {g, g->version, b, b->version, int32_t(ix), true};
    return new_ref(b->entries[size_t(ix)].value);
  }
  return name_error(name);
}

// STORE_GLOBAL: an existing key's value is replaced in place (no key change, so the
// caches stay valid); else the dict insertion.
inline int cached_store_global(Frame* f, NameCache& c, StrObject* name, Object* v) {
  DictObject* g = f->globals;
  if (c.globals == g && c.globals_version == g->version && !c.in_builtins) {
    Object*& slot = g->entries[size_t(c.index)].value;
    Object* old = slot;
    slot = v;
    decref(old);
    return 0;
  }
  int r = dict_set_item(g, name, v);
  decref(v);
  if (r < 0) return r;
  ssize ix = dict_str_index(g, name);
  if (ix >= 0) c = {g, g->version, nullptr, 0, int32_t(ix), false};
  return 0;
}

// The instance dict if the object has one already (a plain instance keeps its attributes
// inline until something asks for the dict; asking would make it).
inline DictObject* existing_instance_dict(Object* o) {
  if (o->type->flags & TypeFlags::plain_instances) return static_cast<InstanceObject*>(o)->dict;
  return *o->type->instance_dict(o);
}

// The cell holding `name` per the cache, or null (a miss): an inline value of a plain
// instance without a dict, or an instance dict entry's value.
inline Object** cached_instance_cell(Object* o, const AttrCache& c, StrObject* name) {
  if (o->type != c.type || c.index < 0 || c.epoch != type_epoch()) return nullptr;
  if (c.inline_value) {
    auto* inst = static_cast<InstanceObject*>(o);
    InstanceValues* v = inst->values;
    // The shared keys only grow, so a name keeps its index; cells below `attrs` are set.
    if (inst->dict || !v || uint32_t(c.index) >= v->attrs) return nullptr;
    return &v->cells()[v->slots + uint32_t(c.index)];
  }
  DictObject* d = existing_instance_dict(o);
  if (!d || size_t(c.index) >= d->entries.size()) return nullptr;
  DictEntry* e = &d->entries[size_t(c.index)];
  return e->key == name ? &e->value : nullptr;
}

// STORE_ATTR of the attribute that comes next in its class's shared order (an instance
// being initialized): the value (its reference) goes into the next inline cell, which the
// instance already has room for (CPython: STORE_ATTR_INSTANCE_VALUE). False: not this case.
inline bool cached_instance_append(Object* o, const AttrCache& c, Object* value) {
  if (o->type != c.type || !c.inline_value || c.epoch != type_epoch()) return false;
  auto* inst = static_cast<InstanceObject*>(o);
  InstanceValues* v = inst->values;
  if (inst->dict || !v || uint32_t(c.index) != v->attrs || v->slots + v->attrs >= v->capacity) return false;
  v->cells()[v->slots + v->attrs] = value;
  ++v->attrs;
  return true;
}

// How many shared keys a plain instance's class has, when the instance keeps its
// attributes inline (none can be outside them); else -1.
inline int64_t inline_keys_count(Object* o) {
  if (!(o->type->flags & TypeFlags::plain_instances) || static_cast<InstanceObject*>(o)->dict) return -1;
  return o->type->shared_keys ? int64_t(o->type->shared_keys->used) : 0;
}

// Whether no attribute of the object's own hides the method LOAD_METHOD's cache holds: the
// class's shared keys are still the ones that did not include the name, or a lookup.
inline bool method_not_shadowed(Object* o, const AttrCache& c, StrObject* name) {
  if (c.keys_seen >= 0 && inline_keys_count(o) == c.keys_seen) return true;
  return !object_own_attr(o, name);
}

// Whether a call binds its arguments to the parameters one by one, in order: no keywords,
// defaults, *args, **kwargs, cells or closure (the frame takes the references as they are).
inline bool binds_positionally(const FunctionObject* fn, size_t nargs, const TupleObject* kwnames) {
  const CodeObject* code = fn->code;
  return !kwnames && nargs == size_t(code->argcount) && code->positional_only_call && !fn->closure;
}

// A slice bound as a slice object would give it: None, or a small int (anything else,
// which may run __index__, takes the slice object's path).
inline bool slice_bound(Object* part, ssize absent, ssize* out) {
  int64_t v;
  if (!part || part == None()) {
    *out = absent;
    return true;
  }
  if (!small_int(part, &v)) return false;
  *out = ssize(v);
  return true;
}

// `s[start:stop:step]` of an exact str with bounds that are None or small ints, without a
// slice object (CPython 3.12: BINARY_SLICE); null when this is not the case (nothing set).
inline Object* str_slice_of_parts(Object* container, Object* const parts[3]) {
  if (container->type != &str_type) return nullptr;
  ssize start, stop, step;
  if (!slice_bound(parts[2], 1, &step) || step == 0) return nullptr;
  if (!slice_bound(parts[0], step < 0 ? INT64_MAX / 2 : 0, &start) ||
      !slice_bound(parts[1], step < 0 ? INT64_MIN / 2 : INT64_MAX / 2, &stop))
    return nullptr;
  auto* s = static_cast<StrObject*>(container);
  ssize n = slice_adjust(s->length, &start, &stop, step);
  if (start == 0 && step == 1 && n == s->length) return new_ref(container);  // as str_subscript
  return str_slice(s, start, n, step);
}

// str(x): an int's decimal digits directly, anything else through its __str__.
inline Object* str_of(Object* x) { return x->type == &int_type ? int_to_decimal_str(x) : object_str(x); }

// After a slow attribute access: remember where the instance keeps `name` when the type
// has no data descriptor for it and attribute access is the generic one.
void fill_instance_cache(Object* o, AttrCache& c, StrObject* name, bool store) {
  if (cached_instance_cell(o, c, name)) return;  // already right (a store that added the key)
  TypeObject* t = o->type;
  if ((store ? t->tp_setattr != nullptr : t->tp_getattr != nullptr) || !t->instance_dict) return;
  if (Object* descr = type_lookup(t, name); descr && descr_is_data(descr)) {
    // A property outranks the instance's own attributes: only the type and epoch matter.
    if (!store && descr->type == &property_type) {
      c.type = t;
      c.epoch = type_epoch();
      c.index = -1;
      c.property = static_cast<PropertyObject*>(descr);
    }
    return;
  }
  c.property = nullptr;
  ssize ix = -1;
  bool inline_value = false;
  if ((t->flags & TypeFlags::plain_instances) && !static_cast<InstanceObject*>(o)->dict) {
    InstanceValues* v = static_cast<InstanceObject*>(o)->values;
    Object* index = t->shared_keys ? dict_get_str(t->shared_keys, name) : nullptr;
    if (index && v && int_small_value(index) < v->attrs) ix = ssize(int_small_value(index));
    inline_value = true;
  } else if (DictObject* d = existing_instance_dict(o)) {
    ix = dict_str_index(d, name);
  }
  if (ix < 0) return;
  c.type = t;
  c.epoch = type_epoch();
  c.index = int32_t(ix);
  c.inline_value = inline_value;
}

// "__init__", interned once per interpreter.
StrObject* init_name() {
  static StrObject* name = nullptr;
  static uint64_t generation = 0;
  if (generation != interpreter_generation()) {
    name = intern("__init__");
    generation = interpreter_generation();
  }
  return name;
}

// Module code compiles its names as globals; run by exec()/eval() with a separate locals
// mapping, they are the locals' names (CPython: LOAD_NAME / STORE_NAME at module level).
static inline bool separate_module_locals(Frame* f, CodeObject* co) {
  return f->locals && f->locals != f->globals && co->kind == CodeKind::module;
}

StrObject* slot_name(CodeObject* co, int slot) {
  if (slot < co->nlocals) return co->varnames[size_t(slot)];
  if (slot < co->first_free()) return co->cellnames[size_t(slot - co->first_cell())];
  return co->freenames[size_t(slot - co->first_free())];
}

}  // namespace

Object* eval_frame(ThreadState* ts, Frame* f, bool throwing) {
  // C++ reached this loop (a special method, a builtin calling back): the C++ stack is
  // the limit here, besides the Python depth.
  if (cpp_stack_exhausted(ts) ? (recursion_error(), true) : !check_recursion(ts)) {
    if (f->gen) f->finished = true;
    return nullptr;
  }
  f->entry = true;
  link_frame(ts, f);

  static void* const dispatch[] = {
#define GOPY_OP_LABEL(name) &&op_##name,
      GOPY_OPCODES(GOPY_OP_LABEL)
#undef GOPY_OP_LABEL
  };

  CodeObject* co;
  const Instr* ip;
  const Instr* ins;
  Object** sp;
  Object** slots;
  Object** consts;
  // The shared call sequence's operands (set before `goto do_call`).
  Object** call_base;  // the first stack entry the call consumes
  Object* callable;
  Object** argv;
  size_t nargs;
  TupleObject* kwnames;
  Object* retval;
  bool resume_error = throwing;

#define LOAD_FRAME()               \
  do {                             \
    co = f->code;                  \
    ip = f->ip;                    \
    sp = f->sp;                    \
    slots = f->slots;              \
    consts = co->consts.data();    \
  } while (0)
#define SAVE_FRAME() \
  do {               \
    f->ip = ip;      \
    f->sp = sp;      \
  } while (0)
#define NEXT()                         \
  do {                                 \
    ins = ip++;                        \
    goto* dispatch[size_t(ins->op)];   \
  } while (0)
#define TARGET(name) op_##name:
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define NAME(i) (static_cast<StrObject*>(consts[i]))
#define JUMP_TO(t) (ip = co->instrs.data() + (t))
// The frame this invocation started with ends (returns or raises to C++).
#define LEAVE_ENTRY_FRAME(result)  \
  do {                             \
    if (f->gen) f->finished = true; \
    SAVE_FRAME();                  \
    unlink_frame(ts, f);           \
    return (result);               \
  } while (0)
// A frame called from this loop ends: its caller continues.
#define POP_CALLED_FRAME()       \
  do {                           \
    Frame* caller = f->back;     \
    SAVE_FRAME();                \
    unlink_frame(ts, f);         \
    release_frame(ts, f);        \
    f = caller;                  \
    LOAD_FRAME();                \
  } while (0)
// The result `r` (null: an error) replaces the top value, or the top two.
#define REPLACE_TOP(r)   \
  do {                   \
    if (!(r)) goto error; \
    decref(TOP());       \
    TOP() = (r);         \
    NEXT();              \
  } while (0)
#define REPLACE_TWO(r)   \
  do {                   \
    if (!(r)) goto error; \
    decref(POP());       \
    decref(TOP());       \
    TOP() = (r);         \
    NEXT();              \
  } while (0)

  LOAD_FRAME();
  for (;;) {
    try {
      if (resume_error) {
        resume_error = false;
        goto error;
      }
      NEXT();

      TARGET(NOP) NEXT();
      TARGET(RESUME) {
        // A pending signal is acted on, and a scheduled collection runs, as the frame
        // starts (CPython: the eval breaker).
        if (check_signals() < 0) goto error;
        gc_safe_point(ts->interp);
        NEXT();
      }
      TARGET(POP_TOP) {
        Object* v = POP();
        xdecref(v);
        NEXT();
      }
      TARGET(DUP_TOP) {
        Object* v = TOP();
        incref(v);
        PUSH(v);
        NEXT();
      }
      TARGET(ROT_TWO) {
        Object* top = TOP();
        sp[-1] = sp[-2];
        sp[-2] = top;
        NEXT();
      }
      TARGET(ROT_THREE) {
        Object* top = TOP();
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = top;
        NEXT();
      }
      TARGET(LOAD_CONST) {
        Object* v = consts[ins->a];
        incref(v);
        PUSH(v);
        NEXT();
      }
      TARGET(LOAD_FAST) {
        Object* v = slots[ins->a];
        if (!v) {
          unbound_local_error(slot_name(co, ins->a));
          goto error;
        }
        incref(v);
        PUSH(v);
        NEXT();
      }
      TARGET(STORE_FAST) {
        Object* old = slots[ins->a];
        slots[ins->a] = POP();
        xdecref(old);
        NEXT();
      }
      TARGET(DELETE_FAST) {
        Object* old = slots[ins->a];
        if (!old) {
          unbound_local_error(slot_name(co, ins->a));
          goto error;
        }
        slots[ins->a] = nullptr;
        decref(old);
        NEXT();
      }
      TARGET(CLEAR_FAST) {
        Object* old = slots[ins->a];
        slots[ins->a] = nullptr;
        xdecref(old);
        NEXT();
      }
      TARGET(MAKE_CELL) {
        Object* old = slots[ins->a];
        slots[ins->a] = new_cell(nullptr);
        xdecref(old);
        NEXT();
      }
      TARGET(LOAD_DEREF) {
        Object* v = static_cast<CellObject*>(slots[ins->a])->ref;
        if (!v) {
          if (ins->a >= co->first_free()) unbound_free_error(slot_name(co, ins->a));
          else unbound_local_error(slot_name(co, ins->a));
          goto error;
        }
        incref(v);
        PUSH(v);
        NEXT();
      }
      TARGET(STORE_DEREF) {
        auto* c = static_cast<CellObject*>(slots[ins->a]);
        Object* old = c->ref;
        c->ref = POP();
        xdecref(old);
        NEXT();
      }
      TARGET(DELETE_DEREF) {
        auto* c = static_cast<CellObject*>(slots[ins->a]);
        Object* old = c->ref;
        if (!old) {
          unbound_local_error(slot_name(co, ins->a));
          goto error;
        }
        c->ref = nullptr;
        decref(old);
        NEXT();
      }
      TARGET(LOAD_GLOBAL) {
        Object* v;
        if (separate_module_locals(f, co)) [[unlikely]]
          v = load_name(f, NAME(ins->a), -1);
        else
          v = ins->b ? cached_load_global(f, co->name_caches[ins->b - 1u], NAME(ins->a))
                     : load_global(f, NAME(ins->a));
        if (!v) goto error;
        PUSH(v);
        NEXT();
      }
      TARGET(STORE_GLOBAL) {
        if (separate_module_locals(f, co)) [[unlikely]] {
          if (store_name(f->locals, NAME(ins->a), TOP()) < 0) goto error;
          decref(POP());
          NEXT();
        }
        if (ins->b) {
          // The value's reference moves into the dict (or is dropped on failure).
          Object* v = POP();
          if (cached_store_global(f, co->name_caches[ins->b - 1u], NAME(ins->a), v) < 0) goto error;
          NEXT();
        }
        int r = dict_set_item(f->globals, NAME(ins->a), TOP());
        if (r < 0) goto error;
        decref(POP());
        NEXT();
      }
      TARGET(DELETE_GLOBAL) {
        if (delete_from(separate_module_locals(f, co) ? f->locals : f->globals, NAME(ins->a)) < 0) goto error;
        NEXT();
      }
      TARGET(LOAD_NAME) {
        Object* v = load_name(f, NAME(ins->a), int(ins->b) - 1);
        if (!v) goto error;
        PUSH(v);
        NEXT();
      }
      TARGET(STORE_NAME) {
        int r = store_name(f->locals, NAME(ins->a), TOP());
        if (r < 0) goto error;
        decref(POP());
        NEXT();
      }
      TARGET(DELETE_NAME) {
        if (delete_from(f->locals, NAME(ins->a)) < 0) goto error;
        NEXT();
      }
      TARGET(LOAD_ATTR) {
        Object* o = TOP();
        Object* v;
        AttrCache* c = ins->b ? &co->attr_caches[ins->b - 1u] : nullptr;
        if (Object** cell = c ? cached_instance_cell(o, *c, NAME(ins->a)) : nullptr) {
          v = new_ref(*cell);
        } else if (c && c->property && o->type == c->type && c->epoch == type_epoch() && c->property->fget) {
          Ref<> fget = Ref<>::borrow(c->property->fget);
          v = call1(fget.get(), o);
          if (!v) goto error;
        } else {
          v = get_attr(o, NAME(ins->a));
          if (!v) goto error;
          if (c) fill_instance_cache(o, *c, NAME(ins->a), false);
        }
        decref(o);
        TOP() = v;
        NEXT();
      }
      TARGET(STORE_ATTR) {
        // stack: value, obj
        Object* o = TOP();
        AttrCache* c = ins->b ? &co->attr_caches[ins->b - 1u] : nullptr;
        if (c && !o->type->tp_setattr) {
          if (Object** cell = cached_instance_cell(o, *c, NAME(ins->a))) {
            Object* old = *cell;
            *cell = SECOND();  // the stack's reference moves into the instance
            decref(old);
            decref(o);
            sp -= 2;
            NEXT();
          }
          if (cached_instance_append(o, *c, SECOND())) {
            decref(o);
            sp -= 2;
            NEXT();
          }
        }
        int r = set_attr(o, NAME(ins->a), SECOND());
        if (r < 0) goto error;
        if (c) fill_instance_cache(o, *c, NAME(ins->a), true);
        decref(POP());
        decref(POP());
        NEXT();
      }
      TARGET(DELETE_ATTR) {
        if (del_attr(TOP(), NAME(ins->a)) < 0) goto error;
        decref(POP());
        NEXT();
      }
      TARGET(LOAD_METHOD) {
        Object* func;
        Object* self;
        Object* o = TOP();
        if (ins->b) {
          // A method found on the type before, while no type changed and no attribute of
          // the instance's own shadows it.
          AttrCache& c = co->attr_caches[ins->b - 1u];
          if (o->type == c.type && c.method && c.epoch == type_epoch()) {
            if (method_not_shadowed(o, c, NAME(ins->a))) {
              PUSH(o);  // the object's reference moves to the self slot
              TOP() = o;
              SECOND() = new_ref(c.method);
              NEXT();
            }
          }
        }
        if (!load_method(o, NAME(ins->a), &func, &self)) goto error;
        if (ins->b && self && !o->type->tp_getattr) {
          AttrCache& c = co->attr_caches[ins->b - 1u];
          c.type = o->type;
          c.epoch = type_epoch();
          c.method = func;
          c.keys_seen = inline_keys_count(o);
          if (c.keys_seen >= 0 && o->type->shared_keys && dict_get_str(o->type->shared_keys, NAME(ins->a)))
            c.keys_seen = -1;  // an instance may one day have the name: look each time
        }
        decref(TOP());
        TOP() = func;
        PUSH(self);
        NEXT();
      }
      TARGET(BINARY_SUBSCR) {
        Object* o = SECOND();
        Object* k = TOP();
        Object* r;
        int64_t i;
        if (o->type == &list_type && small_int(k, &i)) {
          auto& items = static_cast<ListObject*>(o)->items;
          if (i < 0) i += int64_t(items.size());
          r = (i >= 0 && i < int64_t(items.size())) ? new_ref(items[size_t(i)]) : index_error("list index out of range");
        } else if (o->type == &tuple_type && small_int(k, &i)) {  // CPython: BINARY_SUBSCR_TUPLE_INT
          auto& items = static_cast<TupleObject*>(o)->items;
          if (i < 0) i += int64_t(items.size());
          r = (i >= 0 && i < int64_t(items.size())) ? new_ref(items[size_t(i)]) : index_error("tuple index out of range");
        } else {
          r = get_item(o, k);
        }
        REPLACE_TWO(r);
      }
      TARGET(STORE_SUBSCR) {
        // stack: value, obj, key
        Object* v = sp[-3];
        Object* o = sp[-2];
        Object* k = sp[-1];
        int64_t i;
        if (o->type == &list_type && small_int(k, &i) && i >= 0 &&
            i < int64_t(static_cast<ListObject*>(o)->items.size())) {
          Object*& slot = static_cast<ListObject*>(o)->items[size_t(i)];
          Object* old = slot;
          slot = new_ref(v);
          decref(old);
        } else if (set_item(o, k, v) < 0) {
          goto error;
        }
        decref(POP());
        decref(POP());
        decref(POP());
        NEXT();
      }
      TARGET(DELETE_SUBSCR) {
        if (del_item(SECOND(), TOP()) < 0) goto error;
        decref(POP());
        decref(POP());
        NEXT();
      }
      TARGET(BINARY_OP) {
        Object* r = fast_binary(SECOND(), TOP(), BinaryOp(ins->a), false);
        REPLACE_TWO(r);
      }
      TARGET(INPLACE_OP) {
        if (BinaryOp(ins->a) == BinaryOp::add && SECOND()->type == &str_type && TOP()->type == &str_type) {
          // CPython: Python/bytecodes.c BINARY_OP_INPLACE_ADD_UNICODE: a string only the
          // variable being assigned holds grows in place. The stack's reference moves into
          // the append, which leaves the result (or null) in its place.
          ssize owners = store_target_holds(f, *ip, SECOND()) ? 2 : 1;
          bool ok = str_append_inplace(&SECOND(), TOP(), owners);
          decref(POP());
          if (!ok) {
            --sp;
            goto error;
          }
          NEXT();
        }
        Object* r = fast_binary(SECOND(), TOP(), BinaryOp(ins->a), true);
        REPLACE_TWO(r);
      }
      TARGET(UNARY_OP) {
        Object* r = unary_op(TOP(), UnaryOp(ins->a));
        REPLACE_TOP(r);
      }
      TARGET(UNARY_NOT) {
        int t = truth(TOP());
        if (t < 0) goto error;
        decref(TOP());
        TOP() = new_bool(!t);
        NEXT();
      }
      TARGET(COMPARE_OP) {
        Object* r = compare_values(SECOND(), TOP(), CmpKind(ins->a));
        REPLACE_TWO(r);
      }
      TARGET(COMPARE_JUMP_IF_FALSE) {
        int t = fast_compare_truth(SECOND(), TOP(), CmpKind(ins->b));
        if (t < 0) goto error;
        decref(POP());
        decref(POP());
        if (!t) JUMP_TO(ins->a);
        NEXT();
      }
      TARGET(JUMP) {
        JUMP_TO(ins->a);
        NEXT();
      }
      TARGET(JUMP_BACKWARD) {
        // The back edge is a safe point for a pending signal and a scheduled collection
        // (CPython: JUMP_BACKWARD and its eval breaker check).
        if (check_signals() < 0) goto error;
        gc_safe_point(ts->interp);
        JUMP_TO(ins->a);
        NEXT();
      }
      TARGET(POP_JUMP_IF_FALSE) {
        int t = truth(TOP());
        if (t < 0) goto error;
        decref(POP());
        if (!t) JUMP_TO(ins->a);
        NEXT();
      }
      TARGET(POP_JUMP_IF_TRUE) {
        int t = truth(TOP());
        if (t < 0) goto error;
        decref(POP());
        if (t) JUMP_TO(ins->a);
        NEXT();
      }
      TARGET(JUMP_IF_FALSE_OR_POP) {
        int t = truth(TOP());
        if (t < 0) goto error;
        if (!t) {
          JUMP_TO(ins->a);
        } else {
          decref(POP());
        }
        NEXT();
      }
      TARGET(JUMP_IF_TRUE_OR_POP) {
        int t = truth(TOP());
        if (t < 0) goto error;
        if (t) {
          JUMP_TO(ins->a);
        } else {
          decref(POP());
        }
        NEXT();
      }
      TARGET(GET_ITER) {
        Object* it = get_iter(TOP());
        REPLACE_TOP(it);
      }
      TARGET(FOR_ITER) {
        Object* it = TOP();
        Object* x = it->type->tp_iternext(it);
        if (x) {
          PUSH(x);
          NEXT();
        }
        if (error_occurred()) {
          if (!error_matches(&exc_StopIteration)) goto error;
          clear_error();
        }
        decref(POP());
        JUMP_TO(ins->a);
        NEXT();
      }
      TARGET(RETURN_VALUE) {
        retval = POP();
        if (f->entry) LEAVE_ENTRY_FRAME(retval);
        if (f->init_call) {
          // The instance is already on the caller's stack; __init__ must return None.
          POP_CALLED_FRAME();
          if (retval != None()) {
            type_error(cat("__init__() should return None, not '", retval->type->name, "'"));
            decref(retval);
            goto error;
          }
          decref(retval);
          NEXT();
        }
        POP_CALLED_FRAME();
        PUSH(retval);
        NEXT();
      }
      TARGET(BUILD_TUPLE) {
        {
          size_t n = size_t(ins->a);
          std::vector<Object*> items(sp - n, sp);
          sp -= n;
          PUSH(new_tuple_steal(std::move(items)));
        }
        NEXT();
      }
      TARGET(BUILD_LIST) {
        {
          size_t n = size_t(ins->a);
          std::vector<Object*> items(sp - n, sp);
          sp -= n;
          PUSH(new_list_steal(std::move(items)));
        }
        NEXT();
      }
      TARGET(BUILD_SET) {
        size_t n = size_t(ins->a);
        SetObject* s = new_set();
        bool failed = false;
        for (Object** p = sp - n; p < sp; ++p)
          if (!failed && set_add(s, *p) < 0) failed = true;
        for (size_t i = 0; i < n; ++i) decref(POP());
        if (failed) {
          decref(s);
          goto error;
        }
        PUSH(s);
        NEXT();
      }
      TARGET(BUILD_MAP) {
        size_t n = size_t(ins->a);
        DictObject* d = new_dict();
        bool failed = false;
        for (Object** p = sp - 2 * n; p < sp; p += 2)
          if (!failed && dict_set_item(d, p[0], p[1]) < 0) failed = true;
        for (size_t i = 0; i < 2 * n; ++i) decref(POP());
        if (failed) {
          decref(d);
          goto error;
        }
        PUSH(d);
        NEXT();
      }
      TARGET(LIST_APPEND) {
        auto* l = static_cast<ListObject*>(sp[-1 - ins->a]);
        l->items.push_back(TOP());
        --sp;
        NEXT();
      }
      TARGET(SET_ADD) {
        auto* s = static_cast<SetObject*>(sp[-1 - ins->a]);
        if (set_add(s, TOP()) < 0) goto error;
        decref(POP());
        NEXT();
      }
      TARGET(MAP_ADD) {
        auto* d = static_cast<DictObject*>(sp[-2 - ins->a]);
        if (dict_set_item(d, SECOND(), TOP()) < 0) goto error;
        decref(POP());
        decref(POP());
        NEXT();
      }
      TARGET(LIST_EXTEND) {
        auto* l = static_cast<ListObject*>(sp[-1 - ins->a]);
        if (display_extend(l, TOP()) < 0) goto error;
        decref(POP());
        NEXT();
      }
      TARGET(LIST_TO_TUPLE) {
        {
          auto* l = static_cast<ListObject*>(TOP());
          std::vector<Object*> items;
          items.swap(l->items);
          TOP() = new_tuple_steal(std::move(items));
          decref(l);
        }
        NEXT();
      }
      TARGET(LIST_TO_SET) {
        // A constant display's frozenset merges in its table order (CPython: SET_UPDATE).
        if (TOP()->type == &frozenset_type) {
          SetObject* s = new_set();
          if (set_update(s, TOP()) < 0) {
            decref(s);
            goto error;
          }
          decref(TOP());
          TOP() = s;
          NEXT();
        }
        auto* l = static_cast<ListObject*>(TOP());
        SetObject* s = new_set();
        for (Object* o : l->items) {
          if (set_add(s, o) < 0) {
            decref(s);
            goto error;
          }
        }
        TOP() = s;
        decref(l);
        NEXT();
      }
      TARGET(DICT_UPDATE) {
        auto* d = static_cast<DictObject*>(sp[-1 - ins->a]);
        if (display_dict_update(d, TOP()) < 0) goto error;
        decref(POP());
        NEXT();
      }
      TARGET(BUILD_SLICE) {
        int mask = ins->b;
        Object* parts[3] = {nullptr, nullptr, nullptr};
        int n = 0;
        for (int i = 0; i < 3; ++i)
          if (mask & (1 << i)) ++n;
        Object** p = sp - n;
        for (int i = 0; i < 3; ++i)
          if (mask & (1 << i)) parts[i] = *p++;
        if (ip->op == Op::BINARY_SUBSCR) {
          // container[parts] at once: the result replaces the container, the subscript
          // instruction is done.
          if (Object* r = str_slice_of_parts(sp[-n - 1], parts)) {
            for (int i = 0; i < n; ++i) decref(POP());
            decref(TOP());
            TOP() = r;
            ++ip;
            NEXT();
          }
          if (error_occurred()) goto error;  // the slice failed (memory)
        }
        Object* s = new_slice(parts[0], parts[1], parts[2]);
        for (int i = 0; i < n; ++i) decref(POP());
        PUSH(s);
        NEXT();
      }
      // (Locals with destructors live in inner blocks: a computed goto out of a scope
      // runs no destructors.)
      TARGET(UNPACK_SEQUENCE) {
        {
          // CPython: Python/bytecodes.c UNPACK_SEQUENCE_TUPLE / _LIST: an exact tuple or
          // list of the right length spreads its items without a temporary vector.
          Object* seq = TOP();
          if (seq->type == &tuple_type || seq->type == &list_type) {
            auto& src = seq->type == &tuple_type ? static_cast<TupleObject*>(seq)->items
                                                 : static_cast<ListObject*>(seq)->items;
            if (ins->a > 0 && src.size() == size_t(ins->a)) {
              sp[-1] = new_ref(src[ins->a - 1]);
              for (int i = ins->a - 1; i-- > 0;) PUSH(new_ref(src[i]));
              decref(seq);
              NEXT();
            }
          }
          std::vector<Object*> items;
          if (!unpack_iterable(TOP(), ins->a, -1, 0, items)) goto error;
          decref(POP());
          for (size_t i = items.size(); i-- > 0;) PUSH(items[i]);
        }
        NEXT();
      }
      TARGET(UNPACK_EX) {
        {
          std::vector<Object*> items;
          if (!unpack_iterable(TOP(), ins->a + ins->b + 1, ins->a, ins->b, items)) goto error;
          decref(POP());
          for (size_t i = items.size(); i-- > 0;) PUSH(items[i]);
        }
        NEXT();
      }
      // ---- pattern matching and intrinsics (ceval_match.cpp, intrinsics.cpp) ----
      TARGET(COPY) {
        Object* v = sp[-ins->a];
        incref(v);
        PUSH(v);
        NEXT();
      }
      TARGET(SWAP) {
        Object* top = TOP();
        sp[-1] = sp[-ins->a];
        sp[-ins->a] = top;
        NEXT();
      }
      TARGET(GET_LEN) {
        ssize n = object_length(TOP());
        if (n < 0) goto error;
        Object* len = new_int(n);
        PUSH(len);
        NEXT();
      }
      TARGET(MATCH_SEQUENCE) {
        Object* r = new_bool(match_is_sequence(TOP()));
        PUSH(r);
        NEXT();
      }
      TARGET(MATCH_MAPPING) {
        Object* r = new_bool(match_is_mapping(TOP()));
        PUSH(r);
        NEXT();
      }
      TARGET(MATCH_KEYS) {
        SAVE_FRAME();
        Object* values = match_keys(SECOND(), TOP());
        if (!values) goto error;
        PUSH(values);
        NEXT();
      }
      TARGET(MATCH_CLASS) {
        SAVE_FRAME();
        Object* attrs = match_class(sp[-3], SECOND(), ins->a, TOP());
        if (!attrs) goto error;
        decref(POP());
        decref(POP());
        decref(TOP());
        TOP() = attrs;
        NEXT();
      }
      TARGET(CALL_INTRINSIC_1) {
        SAVE_FRAME();
        Object* r = call_intrinsic_1(f, ins->a, TOP());
        REPLACE_TOP(r);
      }
      TARGET(CALL_INTRINSIC_2) {
        SAVE_FRAME();
        Object* r = call_intrinsic_2(f, ins->a, SECOND(), TOP());
        REPLACE_TWO(r);
      }
      TARGET(CALL) {
        size_t n = size_t(ins->a);
        kwnames = ins->b ? static_cast<TupleObject*>(consts[ins->b - 1]) : nullptr;
        call_base = sp - n - 1;
        callable = call_base[0];
        argv = call_base + 1;
        nargs = n - (kwnames ? kwnames->items.size() : 0);
        goto do_call;
      }
      TARGET(CALL_METHOD) {
        size_t n = size_t(ins->a);
        kwnames = ins->b ? static_cast<TupleObject*>(consts[ins->b - 1]) : nullptr;
        call_base = sp - n - 2;
        callable = call_base[0];
        nargs = n - (kwnames ? kwnames->items.size() : 0);
        if (call_base[1]) {
          argv = call_base + 1;
          ++nargs;
        } else {
          argv = call_base + 2;
        }
        goto do_call;
      }
    do_call : {
      if (callable->type == &function_type) {
        auto* fn = static_cast<FunctionObject*>(callable);
        CodeObject* fc = fn->code;
        if (!fc->is_generator) {
          // A Python-to-Python call: a new frame in this same loop.
          if (!check_recursion(ts)) goto error;
          bool positional = binds_positionally(fn, nargs, kwnames);
          Frame* nf = push_frame(ts, fc, positional ? int(nargs) : 0);
          if (!nf) {
            no_memory();
            goto error;
          }
          if (positional) {
            // The arguments' references move into the new frame's slots.
            for (size_t i = 0; i < nargs; ++i) nf->slots[i] = argv[i];
            for (Object** p = call_base + 1; p < argv; ++p) xdecref(*p);  // a null self slot
            for (Object** p = argv + nargs; p < sp; ++p) decref(*p);
          } else {
            if (!bind_call(fn, nf, argv, nargs, kwnames)) {
              release_frame(ts, nf);
              goto error;
            }
            for (Object** p = call_base + 1; p < sp; ++p) xdecref(*p);
          }
          nf->func = fn;  // the callable's stack reference
          nf->globals = fn->globals;
          nf->builtins = fn->builtins;
          nf->locals = nullptr;
          sp = call_base;
          SAVE_FRAME();
          link_frame(ts, nf);
          f = nf;
          LOAD_FRAME();
          NEXT();
        }
      }
      if (callable->type == &type_type && static_cast<TypeObject*>(callable)->tp_init == python_init_slot()) {
        // Instantiating a class with a Python __init__: the instance is made here and
        // __init__ runs in this loop (CPython: CALL_ALLOC_AND_ENTER_INIT).
        auto* t = static_cast<TypeObject*>(callable);
        Object* init = type_lookup(t, init_name());
        if (init && init->type == &function_type && !static_cast<FunctionObject*>(init)->code->is_generator &&
            t->tp_new) {
          auto* fn = static_cast<FunctionObject*>(init);
          SAVE_FRAME();
          Object* obj = t->tp_new(t, argv, nargs, kwnames);
          if (!obj) goto error;
          if (obj->type != t) {
            // __new__ made something else: its own type's __init__, if any (CPython: type_call).
            if (isinstance_of(obj, t) && obj->type->tp_init && obj->type->tp_init(obj, argv, nargs, kwnames) < 0) {
              decref(obj);
              goto error;
            }
            while (sp > call_base) xdecref(POP());
            PUSH(obj);
            NEXT();
          }
          // The instance replaces the class on the stack; __init__ gets (instance, args),
          // the instance also in the slot before the arguments (CALL_METHOD's null self).
          call_base[0] = obj;
          decref(callable);
          if (argv - 1 != call_base) argv[-1] = new_ref(obj);
          if (!check_recursion(ts)) goto error;
          bool positional = binds_positionally(fn, nargs + 1, kwnames);
          Frame* nf = push_frame(ts, fn->code, positional ? int(nargs + 1) : 0);
          if (!nf) {
            no_memory();
            goto error;
          }
          if (positional) {
            // The references move into the frame; the instance's slot 0 is argv[-1]'s
            // reference, or a new one when that is the instance's place on the stack.
            nf->slots[0] = argv - 1 == call_base ? new_ref(obj) : argv[-1];
            for (size_t i = 0; i < nargs; ++i) nf->slots[i + 1] = argv[i];
            sp = call_base + 1;
          } else {
            if (!bind_call(fn, nf, argv - 1, nargs + 1, kwnames)) {
              release_frame(ts, nf);
              goto error;
            }
            while (sp > call_base + 1) xdecref(POP());
          }
          nf->func = static_cast<FunctionObject*>(new_ref<Object>(fn));
          nf->globals = fn->globals;
          nf->builtins = fn->builtins;
          nf->init_call = true;
          SAVE_FRAME();
          link_frame(ts, nf);
          f = nf;
          LOAD_FRAME();
          NEXT();
        }
      }
      SAVE_FRAME();
      // str(x) is x's str, without the type call (CPython: CALL_NO_KW_STR_1).
      Object* r = callable == &str_type && nargs == 1 && !kwnames ? str_of(argv[0]) : call(callable, argv, nargs, kwnames);
      if (!r) goto error;
      while (sp > call_base) xdecref(POP());
      PUSH(r);
      NEXT();
    }
      TARGET(CALL_SUPER0) {
        Object* fn = TOP();
        Object* r;
        if (fn == &super_type) {
          int b = ins->b;
          r = zero_arg_super(f, ins->a - 1, b ? b / 2 - 1 : -1, b & 1);
        } else {
          r = call(fn, nullptr, 0, nullptr);
        }
        REPLACE_TOP(r);
      }
      TARGET(CALL_EX) {
        // stack: func, list, dict
        Object* r = call_with_list_dict(sp[-3], static_cast<ListObject*>(sp[-2]), static_cast<DictObject*>(sp[-1]));
        if (!r) goto error;
        decref(POP());
        decref(POP());
        decref(TOP());
        TOP() = r;
        NEXT();
      }
      TARGET(CALL_STAR_EXTEND) {
        if (call_star_extend(sp[-3], static_cast<ListObject*>(sp[-2]), TOP()) < 0) goto error;
        decref(POP());
        NEXT();
      }
      TARGET(CALL_KW_ADD) {
        if (call_kw_add(sp[-4], static_cast<DictObject*>(SECOND()), NAME(ins->a), TOP()) < 0) goto error;
        decref(POP());
        NEXT();
      }
      TARGET(CALL_KW_MERGE) {
        if (call_kw_merge(sp[-4], static_cast<DictObject*>(SECOND()), TOP()) < 0) goto error;
        decref(POP());
        NEXT();
      }
      TARGET(MAKE_FUNCTION) {
        Object* kwdefaults = (ins->b & 2) ? POP() : nullptr;
        Object* defaults = (ins->b & 1) ? POP() : nullptr;
        Object* fn = make_function(f, static_cast<CodeObject*>(consts[ins->a]), defaults, kwdefaults);
        xdecref(defaults);
        xdecref(kwdefaults);
        PUSH(fn);
        NEXT();
      }
      TARGET(BUILD_CLASS) {
        // stack: bases, keywords (a dict or None), body function
        SAVE_FRAME();
        Object* cls = build_class_from_body(f, NAME(ins->a), static_cast<StrObject*>(consts[ins->b]),
                                            static_cast<TupleObject*>(sp[-3]), SECOND(), TOP());
        if (!cls) goto error;
        decref(POP());
        decref(POP());
        decref(TOP());
        TOP() = cls;
        NEXT();
      }
      TARGET(RAISE) {
        Object* cause = ins->a == 2 ? sp[-1] : nullptr;
        Object* exc = ins->a >= 1 ? sp[-ins->a] : nullptr;
        do_raise(exc, cause);
        for (int i = 0; i < ins->a; ++i) decref(POP());
        if (!exc) goto exception_unwind;  // a bare raise adds no traceback entry here
        goto error;
      }
      TARGET(RERAISE) {
        restore_error(POP());
        goto exception_unwind;
      }
      TARGET(PUSH_EXC_INFO) {
        HandledException* h = &f->handled[ins->a];
        h->exc = TOP();
        h->previous = ts->handled;
        ts->handled = h;
        f->exc_level = ins->a + 1;
        NEXT();
      }
      TARGET(POP_EXCEPT) {
        ts->handled = f->handled[ins->a].previous;
        f->exc_level = ins->a;
        NEXT();
      }
      TARGET(CHECK_EXC_MATCH) {
        int m = exception_matches(SECOND(), TOP());
        if (m < 0) goto error;
        decref(TOP());
        TOP() = new_bool(m);
        NEXT();
      }
      TARGET(ASSERT_FAIL) {
        assert_fail(ins->a ? TOP() : nullptr);
        if (ins->a) decref(POP());
        goto error;
      }
      TARGET(IMPORT_NAME) {
        SAVE_FRAME();
        Object* m = import_name(f, NAME(ins->a), TOP(), ins->b);
        REPLACE_TOP(m);
      }
      TARGET(IMPORT_SUBATTR) {
        Object* m = import_subattr(TOP(), NAME(ins->a));
        REPLACE_TOP(m);
      }
      TARGET(IMPORT_FROM) {
        Object* v = import_from(TOP(), NAME(ins->a));
        if (!v) goto error;
        PUSH(v);
        NEXT();
      }
      TARGET(IMPORT_STAR) {
        if (import_star(f, TOP()) < 0) goto error;
        decref(POP());
        NEXT();
      }
      TARGET(FORMAT_VALUE) {
        Object* spec = ins->b ? TOP() : nullptr;
        Object* v = sp[-1 - ins->b];
        Object* r = format_value(v, ins->a, spec);
        if (!r) goto error;
        if (spec) decref(POP());
        decref(TOP());
        TOP() = r;
        NEXT();
      }
      TARGET(BUILD_STRING) {
        size_t n = size_t(ins->a);
        Object* s = build_string(sp - n, n);
        for (size_t i = 0; i < n; ++i) decref(POP());
        PUSH(s);
        NEXT();
      }
      TARGET(PRINT_EXPR) {
        if (print_expr(TOP()) < 0) goto error;
        decref(POP());
        NEXT();
      }
      TARGET(GET_YIELD_FROM_ITER) {
        if (TOP()->type != &generator_type) {
          Object* it = get_iter(TOP());
          if (!it) goto error;
          decref(TOP());
          TOP() = it;
        }
        NEXT();
      }
      TARGET(SEND) {
        // stack: iter, value
        Object* it = SECOND();
        Object* v = TOP();
        Object* result = nullptr;
        Object* r;
        SAVE_FRAME();
        if (is_gen_or_coro(it)) {
          r = generator_send(it, v, &result);
        } else {
          if (v == None()) r = it->type->tp_iternext ? it->type->tp_iternext(it) : iter_next(it);
          else r = call_method(it, "send", &v, 1);
          if (!r && !error_occurred()) {
            result = new_none();
          } else if (!r && error_matches(&exc_StopIteration)) {
            Object* e = fetch_error();
            result = exception_get_attr(e, "value");
            result = result ? new_ref(result) : new_none();
            decref(e);
          }
        }
        if (r) {
          decref(TOP());
          TOP() = r;
          NEXT();
        }
        if (!result) goto error;
        decref(POP());
        decref(TOP());
        TOP() = result;
        JUMP_TO(ins->a);
        NEXT();
      }
      TARGET(YIELD_VALUE) {
        retval = POP();
        SAVE_FRAME();
        unlink_frame(ts, f);
        return retval;
      }

      TARGET(BEFORE_WITH) {
        SAVE_FRAME();
        Object* exit;
        Object* entered = with_enter(TOP(), ins->a != 0, &exit);
        if (!entered) goto error;
        decref(TOP());
        TOP() = exit;
        PUSH(entered);
        NEXT();
      }
      TARGET(WITH_EXCEPT_START) {
        SAVE_FRAME();
        Object* r = with_exit_on_exception(SECOND(), TOP());
        if (!r) goto error;
        PUSH(r);
        NEXT();
      }
      TARGET(GET_AWAITABLE) {
        SAVE_FRAME();
        Object* it = get_awaitable(TOP(), ins->a);
        REPLACE_TOP(it);
      }
      TARGET(CHECK_EG_MATCH) {
        Object *match, *rest;
        SAVE_FRAME();
        if (exception_group_match(SECOND(), TOP(), &match, &rest, co->filename, co->name, co->line_at(ip - 1)) < 0)
          goto error;
        decref(SECOND());
        decref(TOP());
        SECOND() = rest;
        TOP() = match;
        NEXT();
      }
      TARGET(PREP_RERAISE_STAR) {
        Object* r = exception_group_prep_reraise(TOP(), static_cast<ListObject*>(SECOND()));
        REPLACE_TOP(r);
      }
      TARGET(ASYNC_GEN_WRAP) {
        Object* w = async_gen_wrap(TOP());
        TOP() = w;
        NEXT();
      }
      TARGET(GET_AITER) {
        SAVE_FRAME();
        Object* it = get_aiter(TOP());
        REPLACE_TOP(it);
      }
      TARGET(GET_ANEXT) {
        SAVE_FRAME();
        Object* awaitable = get_anext(TOP());
        if (!awaitable) goto error;
        PUSH(awaitable);
        NEXT();
      }

    error:
      // The failing instruction is ip - 1: its line goes into the traceback.
      f->lineno = co->line_at(ip - 1);
      traceback_here(*f, int(ip - 1 - co->instrs.data()));
    exception_unwind : {
      int h = co->handler_of[size_t(ip - 1 - co->instrs.data())];
      if (h >= 0) {
        const ExceptionHandler& eh = co->handlers[size_t(h)];
        Object** target = f->stack_base + eh.depth;
        while (sp > target) xdecref(POP());
        PUSH(fetch_error());
        JUMP_TO(eh.target);
        NEXT();
      }
      // No handler: the frame ends with the exception; its caller adds its own entry.
      while (sp > f->stack_base) xdecref(POP());
      if (f->exc_level) {
        ts->handled = f->handled[0].previous;
        f->exc_level = 0;
      }
      ts->traceback_pending = true;
      if (f->entry) LEAVE_ENTRY_FRAME(nullptr);
      POP_CALLED_FRAME();
      goto error;
    }
    } catch (const std::bad_alloc&) {
      // An allocation deep in a helper failed: a MemoryError raised by the instruction
      // that was running (the value stack is consistent there: operands are popped only
      // after the operation succeeds).
      raise_memory_error_for_bad_alloc();
      resume_error = true;
    }
  }
#undef LOAD_FRAME
#undef SAVE_FRAME
#undef NEXT
#undef TARGET
#undef PUSH
#undef POP
#undef TOP
#undef SECOND
#undef NAME
#undef JUMP_TO
#undef REPLACE_TOP
#undef LEAVE_ENTRY_FRAME
#undef POP_CALLED_FRAME
#undef REPLACE_TWO
}

}  // namespace gopy
