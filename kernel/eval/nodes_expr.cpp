// Evaluation of the expression nodes: names, operators, containers, subscripts,
// attributes and f-strings (CPython: Python/ceval.c, the matching bytecodes).
#include "eval/nodes_expr.hpp"

#include "gopy/object_ascii.hpp"
#include "gopy/object_num.hpp"
#include "object/strcat.hpp"

namespace gopy {

// ---- names ----

Object* LocalLoad::eval(Frame& f) {
  Object* v = f.slots[slot];
  if (!v) {
    return set_error(&exc_UnboundLocalError,
                     cat("cannot access local variable '", name->utf8, "' where it is not associated with a value"));
  }
  return new_ref(v);
}

Object* CellLoad::eval(Frame& f) {
  Object* v = static_cast<CellObject*>(f.slots[slot])->ref;
  if (!v) {
    if (is_free)
      return set_error(&exc_NameError, cat("cannot access free variable '", name->utf8,
                                           "' where it is not associated with a value in enclosing scope"));
    return set_error(&exc_UnboundLocalError,
                     cat("cannot access local variable '", name->utf8, "' where it is not associated with a value"));
  }
  return new_ref(v);
}

static std::nullptr_t name_error(StrObject* name) {
  Object* exc = new_exception(&exc_NameError, cat("name '", name->utf8, "' is not defined"));
  if (!exc) return nullptr;
  // NameError.name (CPython sets it for the suggestions machinery).
  static_cast<BaseExceptionObject*>(exc)->dict = new_dict();
  dict_set_str(static_cast<BaseExceptionObject*>(exc)->dict, "name", name);
  raise_object(exc);
  decref(exc);
  return nullptr;
}

Object* GlobalLoad::eval(Frame& f) {
  if (Object* v = dict_get_str(f.globals, name)) return new_ref(v);
  if (Object* v = dict_get_str(f.builtins, name)) return new_ref(v);
  return name_error(name);
}

Object* NameLoad::eval(Frame& f) {
  if (f.locals)
    if (Object* v = dict_get_str(f.locals, name)) return new_ref(v);
  if (cell_slot >= 0) {
    Object* v = static_cast<CellObject*>(f.slots[cell_slot])->ref;
    if (v) return new_ref(v);
  }
  if (Object* v = dict_get_str(f.globals, name)) return new_ref(v);
  if (Object* v = dict_get_str(f.builtins, name)) return new_ref(v);
  return name_error(name);
}

// ---- operators ----

Object* BinaryNode::eval(Frame& f) {
  Object* a = left->eval(f);
  if (!a) return nullptr;
  Object* b = right->eval(f);
  if (!b) {
    decref(a);
    return nullptr;
  }
  f.lineno = lineno;
  Object* r = binary_op(a, b, op);
  decref(a);
  decref(b);
  return r;
}

static inline bool small_pair(Object* a, Object* b, int64_t* x, int64_t* y) {
  if (a->type != &int_type || b->type != &int_type) return false;
  auto* ia = static_cast<IntObject*>(a);
  auto* ib = static_cast<IntObject*>(b);
  if (ia->big || ib->big) return false;
  *x = ia->small;
  *y = ib->small;
  return true;
}

Object* AddNode::eval(Frame& f) {
  Object* a = left->eval(f);
  if (!a) return nullptr;
  Object* b = right->eval(f);
  if (!b) {
    decref(a);
    return nullptr;
  }
  int64_t x, y, r;
  Object* result;
  if (small_pair(a, b, &x, &y) && !__builtin_add_overflow(x, y, &r)) {
    result = new_int(r);
  } else if (a->type == &str_type && b->type == &str_type) {
    result = str_concat(a, b);
  } else {
    f.lineno = lineno;
    result = binary_op(a, b, BinaryOp::add);
  }
  decref(a);
  decref(b);
  return result;
}

Object* SubNode::eval(Frame& f) {
  Object* a = left->eval(f);
  if (!a) return nullptr;
  Object* b = right->eval(f);
  if (!b) {
    decref(a);
    return nullptr;
  }
  int64_t x, y, r;
  Object* result;
  if (small_pair(a, b, &x, &y) && !__builtin_sub_overflow(x, y, &r)) {
    result = new_int(r);
  } else {
    f.lineno = lineno;
    result = binary_op(a, b, BinaryOp::sub);
  }
  decref(a);
  decref(b);
  return result;
}

Object* UnaryNode::eval(Frame& f) {
  Object* a = operand->eval(f);
  if (!a) return nullptr;
  Object* r = unary_op(a, op);
  decref(a);
  return r;
}

Object* NotNode::eval(Frame& f) {
  Object* a = operand->eval(f);
  if (!a) return nullptr;
  int t = object_is_true(a);
  decref(a);
  if (t < 0) return nullptr;
  return new_bool(!t);
}

Object* BoolOpNode::eval(Frame& f) {
  Object* v = nullptr;
  for (size_t i = 0; i < values.size(); ++i) {
    v = values[i]->eval(f);
    if (!v || i + 1 == values.size()) return v;
    int t = object_is_true(v);
    if (t < 0) {
      decref(v);
      return nullptr;
    }
    if (t != int(is_and)) return v;  // `and` stops at a false value, `or` at a true one
    decref(v);
  }
  return v;
}

Object* compare_values(Object* a, Object* b, CmpKind op) {
  switch (op) {
    case CmpKind::is: return new_bool(a == b);
    case CmpKind::is_not: return new_bool(a != b);
    case CmpKind::in:
    case CmpKind::not_in: {
      int r = sequence_contains(b, a);
      if (r < 0) return nullptr;
      return new_bool(op == CmpKind::in ? r : !r);
    }
    default: break;
  }
  int64_t x, y;
  if (small_pair(a, b, &x, &y)) {
    bool t = false;
    switch (op) {
      case CmpKind::lt: t = x < y; break;
      case CmpKind::le: t = x <= y; break;
      case CmpKind::eq: t = x == y; break;
      case CmpKind::ne: t = x != y; break;
      case CmpKind::gt: t = x > y; break;
      case CmpKind::ge: t = x >= y; break;
      default: break;
    }
    return new_bool(t);
  }
  return rich_compare(a, b, static_cast<CompareOp>(int(op)));
}

Object* CompareNode::eval(Frame& f) {
  Object* a = left->eval(f);
  if (!a) return nullptr;
  for (size_t i = 0; i < ops.size(); ++i) {
    Object* b = comparators[i]->eval(f);
    if (!b) {
      decref(a);
      return nullptr;
    }
    f.lineno = lineno;
    Object* r = compare_values(a, b, ops[i]);
    decref(a);
    if (!r || i + 1 == ops.size()) {
      decref(b);
      return r;
    }
    int t = r == True() ? 1 : r == False() ? 0 : object_is_true(r);
    if (t <= 0) {
      decref(b);
      if (t < 0) {
        decref(r);
        return nullptr;
      }
      return r;
    }
    decref(r);
    a = b;
  }
  return a;
}

Object* IfExpNode::eval(Frame& f) {
  Object* t = test->eval(f);
  if (!t) return nullptr;
  int truth = object_is_true(t);
  decref(t);
  if (truth < 0) return nullptr;
  return truth ? body->eval(f) : orelse->eval(f);
}

// ---- containers ----

// Appends the items of an iterable (a starred element) to `items`.
static bool extend_from(std::vector<Object*>& items, Object* iterable) {
  Object* it = get_iter(iterable);
  if (!it) return false;
  while (Object* x = iter_next(it)) items.push_back(x);
  decref(it);
  return !error_occurred();
}

Object* SeqBuildNode::eval(Frame& f) {
  std::vector<Object*> items;
  items.reserve(elts.size());
  for (size_t i = 0; i < elts.size(); ++i) {
    Object* v = elts[i]->eval(f);
    bool ok = v != nullptr;
    if (ok && starred[i]) {
      if (!v->type->tp_iter && !v->type->mp_subscript) {
        type_error(cat("Value after * must be an iterable, not ", v->type->name));
        ok = false;
      } else {
        ok = extend_from(items, v);
      }
      decref(v);
    } else if (ok) {
      items.push_back(v);
    }
    if (!ok) {
      for (Object* o : items) decref(o);
      return nullptr;
    }
  }
  if (kind == list) return new_list_steal(std::move(items));
  if (kind == tuple) return new_tuple_steal(std::move(items));
  SetObject* s = new_set();
  bool failed = false;
  for (Object* o : items) {
    if (!failed && set_add(s, o) < 0) failed = true;
    decref(o);
  }
  if (failed) {
    decref(s);
    return nullptr;
  }
  return s;
}

Object* DictBuildNode::eval(Frame& f) {
  DictObject* d = new_dict();
  for (size_t i = 0; i < values.size(); ++i) {
    if (!keys[i]) {
      Object* m = values[i]->eval(f);
      int r = m ? dict_update(d, m) : -1;
      if (m && r < 0 && error_matches(&exc_TypeError) && !is_dict(m)) {
        clear_error();
        type_error(cat("'", m->type->name, "' object is not a mapping"));
      }
      xdecref(m);
      if (r < 0) {
        decref(d);
        return nullptr;
      }
      continue;
    }
    Object* k = keys[i]->eval(f);
    if (!k) {
      decref(d);
      return nullptr;
    }
    Object* v = values[i]->eval(f);
    int r = v ? dict_set_item(d, k, v) : -1;
    decref(k);
    xdecref(v);
    if (r < 0) {
      decref(d);
      return nullptr;
    }
  }
  return d;
}

Object* SliceNode::eval(Frame& f) {
  Object* parts[3] = {nullptr, nullptr, nullptr};
  ExprNode* nodes[3] = {lower.get(), upper.get(), step.get()};
  for (int i = 0; i < 3; ++i) {
    if (!nodes[i]) continue;
    parts[i] = nodes[i]->eval(f);
    if (!parts[i]) {
      for (int k = 0; k < i; ++k) xdecref(parts[k]);
      return nullptr;
    }
  }
  Object* s = new_slice(parts[0], parts[1], parts[2]);
  for (Object* p : parts) xdecref(p);
  return s;
}

Object* SubscriptNode::eval(Frame& f) {
  Object* o = value->eval(f);
  if (!o) return nullptr;
  Object* k = index->eval(f);
  if (!k) {
    decref(o);
    return nullptr;
  }
  f.lineno = lineno;
  Object* r;
  int64_t i;
  if (o->type == &list_type && k->type == &int_type && int_to_int64(k, &i)) {
    auto& items = static_cast<ListObject*>(o)->items;
    if (i < 0) i += int64_t(items.size());
    r = (i >= 0 && i < int64_t(items.size())) ? new_ref(items[size_t(i)]) : index_error("list index out of range");
  } else {
    r = get_item(o, k);
  }
  decref(o);
  decref(k);
  return r;
}

Object* AttributeNode::eval(Frame& f) {
  Object* o = value->eval(f);
  if (!o) return nullptr;
  f.lineno = lineno;
  Object* r = get_attr(o, name);
  decref(o);
  return r;
}

Object* JoinedStrNode::eval(Frame& f) {
  std::string out;
  for (auto& p : parts) {
    Object* v = p->eval(f);
    if (!v) return nullptr;
    out += as_str(v)->utf8;
    decref(v);
  }
  return new_str(out);
}

Object* FormattedValueNode::eval(Frame& f) {
  Object* v = value->eval(f);
  if (!v) return nullptr;
  if (conversion == 's' || conversion == 'r' || conversion == 'a') {
    Object* c = conversion == 's' ? object_str(v) : conversion == 'r' ? object_repr(v) : object_ascii(v);
    decref(v);
    if (!c) return nullptr;
    v = c;
  }
  Object* s = spec ? spec->eval(f) : new_str("");
  if (!s) {
    decref(v);
    return nullptr;
  }
  Object* r;
  if (as_str(s)->length == 0 && v->type == &str_type) r = new_ref(v);
  else if (as_str(s)->length == 0 && (v->type == &int_type || v->type == &float_type)) r = object_str(v);
  else r = format_object(v, s);
  decref(v);
  decref(s);
  return r;
}

Object* NamedExprNode::eval(Frame& f) {
  Object* v = value->eval(f);
  if (!v) return nullptr;
  if (target->assign(f, v) < 0) {
    decref(v);
    return nullptr;
  }
  return v;
}

}  // namespace gopy
