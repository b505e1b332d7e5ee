// Execution of statements and assignment targets (CPython: Python/ceval.c and the
// exception-table semantics of Python/compile.c compiler_try_except / try_finally).
#include "eval/nodes_stmt.hpp"

#include "eval/nodes_expr.hpp"
#include "gopy/object_num.hpp"
#include "gopy/signals.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

// ---- targets ----

int LocalTarget::assign(Frame& f, Object* v) {
  Object* old = f.slots[slot];
  f.slots[slot] = new_ref(v);
  xdecref(old);
  return 0;
}
int LocalTarget::del(Frame& f) {
  Object* old = f.slots[slot];
  if (!old) {
    set_error(&exc_UnboundLocalError,
              cat("cannot access local variable '", name->utf8, "' where it is not associated with a value"));
    return -1;
  }
  f.slots[slot] = nullptr;
  decref(old);
  return 0;
}

int CellTarget::assign(Frame& f, Object* v) {
  auto* c = static_cast<CellObject*>(f.slots[slot]);
  Object* old = c->ref;
  c->ref = new_ref(v);
  xdecref(old);
  return 0;
}
int CellTarget::del(Frame& f) {
  auto* c = static_cast<CellObject*>(f.slots[slot]);
  if (!c->ref) {
    set_error(&exc_UnboundLocalError,
              cat("cannot access local variable '", name->utf8, "' where it is not associated with a value"));
    return -1;
  }
  Object* old = c->ref;
  c->ref = nullptr;
  decref(old);
  return 0;
}

static int del_name(DictObject* d, StrObject* name) {
  if (!dict_get_str(d, name)) {
    set_error(&exc_NameError, cat("name '", name->utf8, "' is not defined"));
    return -1;
  }
  return dict_del_item(d, name);
}

int GlobalTarget::assign(Frame& f, Object* v) { return dict_set_item(f.globals, name, v); }
int GlobalTarget::del(Frame& f) { return del_name(f.globals, name); }
int NameTarget::assign(Frame& f, Object* v) { return dict_set_item(f.locals, name, v); }
int NameTarget::del(Frame& f) { return del_name(f.locals, name); }

int AttributeTarget::assign(Frame& f, Object* v) {
  Object* o = obj->eval(f);
  if (!o) return -1;
  f.lineno = lineno;
  int r = set_attr(o, name, v);
  decref(o);
  return r;
}
int AttributeTarget::del(Frame& f) {
  Object* o = obj->eval(f);
  if (!o) return -1;
  int r = del_attr(o, name);
  decref(o);
  return r;
}

int SubscriptTarget::assign(Frame& f, Object* v) {
  Object* o = obj->eval(f);
  if (!o) return -1;
  Object* k = index->eval(f);
  if (!k) {
    decref(o);
    return -1;
  }
  f.lineno = lineno;
  int r;
  int64_t i;
  if (o->type == &list_type && k->type == &int_type && int_to_int64(k, &i) && i >= 0 &&
      i < int64_t(static_cast<ListObject*>(o)->items.size())) {
    Object*& slot = static_cast<ListObject*>(o)->items[size_t(i)];
    Object* old = slot;
    slot = new_ref(v);
    decref(old);
    r = 0;
  } else {
    r = set_item(o, k, v);
  }
  decref(o);
  decref(k);
  return r;
}
int SubscriptTarget::del(Frame& f) {
  Object* o = obj->eval(f);
  if (!o) return -1;
  Object* k = index->eval(f);
  if (!k) {
    decref(o);
    return -1;
  }
  int r = del_item(o, k);
  decref(o);
  decref(k);
  return r;
}

// CPython: Python/ceval.c unpack_iterable (with its error texts).
int UnpackTarget::assign(Frame& f, Object* v) {
  std::vector<Object*> items;
  if (v->type == &tuple_type || v->type == &list_type) {
    auto& src = v->type == &tuple_type ? static_cast<TupleObject*>(v)->items : static_cast<ListObject*>(v)->items;
    for (Object* o : src) items.push_back(new_ref(o));
  } else {
    Object* it = get_iter(v);
    if (!it) {
      if (error_matches(&exc_TypeError)) {
        clear_error();
        type_error(cat("cannot unpack non-iterable ", v->type->name, " object"));
      }
      return -1;
    }
    size_t limit = star_index < 0 ? elts.size() + 1 : SIZE_MAX;
    while (items.size() < limit) {
      Object* x = iter_next(it);
      if (!x) break;
      items.push_back(x);
    }
    decref(it);
    if (error_occurred()) {
      for (Object* o : items) decref(o);
      return -1;
    }
  }
  size_t n = elts.size();
  int status = 0;
  if (star_index < 0) {
    if (items.size() != n) {
      if (items.size() < n)
        value_error(cat("not enough values to unpack (expected ", n, ", got ", items.size(), ")"));
      else if (v->type == &tuple_type || v->type == &list_type)
        value_error(cat("too many values to unpack (expected ", n, ", got ", items.size(), ")"));
      else
        value_error(cat("too many values to unpack (expected ", n, ")"));
      status = -1;
    } else {
      for (size_t i = 0; i < n && status == 0; ++i) status = elts[i]->assign(f, items[i]);
    }
  } else {
    size_t before = size_t(star_index), after = n - before - 1;
    if (items.size() < before + after) {
      value_error(cat("not enough values to unpack (expected at least ", before + after, ", got ", items.size(), ")"));
      status = -1;
    } else {
      for (size_t i = 0; i < before && status == 0; ++i) status = elts[i]->assign(f, items[i]);
      if (status == 0) {
        ListObject* mid = new_list();
        for (size_t i = before; i < items.size() - after; ++i) mid->items.push_back(new_ref(items[i]));
        status = elts[before]->assign(f, mid);
        decref(mid);
      }
      for (size_t i = 0; i < after && status == 0; ++i)
        status = elts[before + 1 + i]->assign(f, items[items.size() - after + i]);
    }
  }
  for (Object* o : items) decref(o);
  return status;
}
int UnpackTarget::del(Frame& f) {
  for (auto& e : elts)
    if (e->del(f) < 0) return -1;
  return 0;
}

// ---- simple statements ----

Exec ExprStmtNode::exec(Frame& f) {
  Object* v = value->eval(f);
  if (!v) return Exec::error;
  decref(v);
  return Exec::normal;
}

Exec AssignNode::exec(Frame& f) {
  Object* v = value->eval(f);
  if (!v) return Exec::error;
  for (auto& t : targets) {
    f.lineno = lineno;
    if (t->assign(f, v) < 0) {
      decref(v);
      return Exec::error;
    }
  }
  decref(v);
  return Exec::normal;
}

// Whether the variable `target` writes holds `v` now: then that variable's reference and
// the reader's are all there are when v's count is 2, and `s += t` may append in place.
static bool variable_holds(TargetNode* target, Frame& f, Object* v) {
  if (auto* t = dynamic_cast<LocalTarget*>(target)) return f.slots[t->slot] == v;
  if (auto* t = dynamic_cast<GlobalTarget*>(target)) return dict_get_str(f.globals, t->name) == v;
  if (auto* t = dynamic_cast<NameTarget*>(target)) return f.locals && dict_get_str(f.locals, t->name) == v;
  return false;
}

Exec AugAssignNode::exec(Frame& f) {
  if (load) {
    Object* cur = load->eval(f);
    if (!cur) return Exec::error;
    Object* v = value->eval(f);
    if (!v) {
      decref(cur);
      return Exec::error;
    }
    Object* r;
    int64_t x, y, s;
    if (cur->type == &int_type && v->type == &int_type && int_to_int64(cur, &x) && int_to_int64(v, &y) &&
        op == BinaryOp::add && !__builtin_add_overflow(x, y, &s)) {
      r = new_int(s);
    } else if (op == BinaryOp::add && cur->type == &str_type && v->type == &str_type) {
      // CPython: Python/bytecodes.c BINARY_OP_INPLACE_ADD_UNICODE
      Object* text = cur;
      cur = nullptr;
      r = str_append_inplace(&text, v, variable_holds(store.get(), f, text) ? 2 : 1) ? text : nullptr;
    } else {
      r = inplace_op(cur, v, op);
    }
    xdecref(cur);
    decref(v);
    if (!r) return Exec::error;
    int st = store->assign(f, r);
    decref(r);
    return st < 0 ? Exec::error : Exec::normal;
  }
  Object* o = obj->eval(f);
  if (!o) return Exec::error;
  Object* k = nullptr;
  Object* cur;
  if (attr) {
    cur = get_attr(o, attr);
  } else {
    k = index->eval(f);
    cur = k ? get_item(o, k) : nullptr;
  }
  Object* v = cur ? value->eval(f) : nullptr;
  Object* r = v ? inplace_op(cur, v, op) : nullptr;
  int st = -1;
  if (r) st = attr ? set_attr(o, attr, r) : set_item(o, k, r);
  xdecref(r);
  xdecref(v);
  xdecref(cur);
  xdecref(k);
  decref(o);
  return st < 0 ? Exec::error : Exec::normal;
}

Exec DeleteNode::exec(Frame& f) {
  for (auto& t : targets)
    if (t->del(f) < 0) return Exec::error;
  return Exec::normal;
}

Exec ReturnNode::exec(Frame& f) {
  Object* v = value ? value->eval(f) : new_none();
  if (!v) return Exec::error;
  f.retval = v;
  return Exec::return_;
}

// ---- control flow ----

static inline int truth(Frame& f, ExprNode* test) {
  Object* t = test->eval(f);
  if (!t) return -1;
  if (t == True()) return 1;
  if (t == False()) return 0;
  int r = object_is_true(t);
  decref(t);
  return r;
}

Exec IfNode::exec(Frame& f) {
  int t = truth(f, test.get());
  if (t < 0) return Exec::error;
  return exec_block(t ? body : orelse, f);
}

Exec WhileNode::exec(Frame& f) {
  for (;;) {
    f.lineno = lineno;
    int t = truth(f, test.get());
    if (t < 0) return Exec::error;
    if (!t) return exec_block(orelse, f);
    Exec r = exec_block(body, f);
    if (r == Exec::break_) return Exec::normal;
    if (r == Exec::return_ || r == Exec::error) return r;
    // The back-edge is a safe point for a pending signal (CPython: JUMP_BACKWARD).
    if (check_signals() < 0) {
      f.lineno = lineno;
      return Exec::error;
    }
  }
}

Exec ForNode::exec(Frame& f) {
  Object* iterable = iter->eval(f);
  if (!iterable) return Exec::error;
  Object* it = get_iter(iterable);
  decref(iterable);
  if (!it) return Exec::error;
  UnaryFn next = it->type->tp_iternext;
  Exec result = Exec::normal;
  for (;;) {
    Object* x = next(it);
    if (!x) {
      if (error_occurred()) {
        f.lineno = lineno;
        result = Exec::error;
      } else {
        result = exec_block(orelse, f);
      }
      break;
    }
    if (fast_slot >= 0) {
      Object* old = f.slots[fast_slot];
      f.slots[fast_slot] = x;
      xdecref(old);
    } else {
      int st = target->assign(f, x);
      decref(x);
      if (st < 0) {
        result = Exec::error;
        break;
      }
    }
    Exec r = exec_block(body, f);
    if (r == Exec::break_) break;
    if (r == Exec::return_ || r == Exec::error) {
      result = r;
      break;
    }
    if (check_signals() < 0) {
      f.lineno = lineno;
      result = Exec::error;
      break;
    }
  }
  decref(it);
  return result;
}

}  // namespace gopy
