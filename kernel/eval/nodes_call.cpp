// Calls, function creation, comprehensions and generator expressions
// (CPython: Python/ceval.c CALL, CALL_FUNCTION_EX, MAKE_FUNCTION; PEP 709 inlining).
#include "eval/nodes_expr.hpp"
#include "eval/nodes_stmt.hpp"
#include "gopy/object_num.hpp"
#include "object/strcat.hpp"
#include "object/type_init.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject genexpr_type;

namespace {

// Evaluates argument nodes into `out` (new references); false on error (all released).
bool eval_args(Frame& f, const std::vector<ExprPtr>& nodes, std::vector<Object*>& out) {
  for (auto& n : nodes) {
    Object* v = n->eval(f);
    if (!v) {
      for (Object* o : out) decref(o);
      out.clear();
      return false;
    }
    out.push_back(v);
  }
  return true;
}

void release(std::vector<Object*>& v) {
  for (Object* o : v) decref(o);
}

Object* zero_arg_super(Frame& f, const CallNode& c, Object* super_callable) {
  if (c.super_class_slot < 0) return set_error(&exc_RuntimeError, "super(): no arguments");
  Object* cls = static_cast<CellObject*>(f.slots[c.super_class_slot])->ref;
  if (!cls) return set_error(&exc_RuntimeError, "super(): empty __class__ cell");
  Object* self = f.slots[c.super_self_slot];
  if (c.super_self_is_cell && self) self = static_cast<CellObject*>(self)->ref;
  if (!self) return set_error(&exc_RuntimeError, "super(): arg[0] deleted");
  (void)super_callable;
  return new_super(static_cast<TypeObject*>(cls), self);
}

}  // namespace

Object* CallNode::eval(Frame& f) {
  Object* fn = func->eval(f);
  if (!fn) return nullptr;
  if (super_class_slot >= -1 && fn == &super_type && args.empty() && kwvalues.empty() && kwstar.empty()) {
    f.lineno = lineno;
    Object* r = zero_arg_super(f, *this, fn);
    decref(fn);
    return r;
  }
  Object* r;
  if (simple) {
    Object* stack[8];
    size_t n = args.size() + kwvalues.size();
    std::vector<Object*> heap;
    Object** argv = stack;
    if (n > 8) {
      heap.resize(n);
      argv = heap.data();
    }
    size_t done = 0;
    for (; done < args.size(); ++done) {
      argv[done] = args[done]->eval(f);
      if (!argv[done]) break;
    }
    if (done == args.size()) {
      for (size_t k = 0; k < kwvalues.size(); ++k, ++done) {
        argv[done] = kwvalues[k]->eval(f);
        if (!argv[done]) break;
      }
    }
    if (done == n) {
      f.lineno = lineno;
      r = call(fn, argv, args.size(), kwnames);
    } else {
      r = nullptr;
    }
    for (size_t i = 0; i < done; ++i) decref(argv[i]);
    decref(fn);
    return r;
  }
  // The general form: *args and **kwargs (CPython: CALL_FUNCTION_EX).
  std::vector<Object*> pos;
  bool ok = true;
  for (size_t i = 0; ok && i < args.size(); ++i) {
    Object* v = args[i]->eval(f);
    if (!v) {
      ok = false;
      break;
    }
    if (starred[i]) {
      Object* it = get_iter(v);
      if (!it) {
        if (error_matches(&exc_TypeError)) {
          clear_error();
          type_error(cat(callable_check(fn) && fn->type == &function_type
                             ? as_str(static_cast<FunctionObject*>(fn)->qualname)->utf8 + "()"
                             : std::string("function"),
                         " argument after * must be an iterable, not ", v->type->name));
        }
        ok = false;
      } else {
        while (Object* x = iter_next(it)) pos.push_back(x);
        decref(it);
        ok = !error_occurred();
      }
      decref(v);
    } else {
      pos.push_back(v);
    }
  }
  DictObject* kw = new_dict();
  if (ok && kwnames) {
    for (size_t k = 0; k < kwvalues.size(); ++k) {
      Object* v = kwvalues[k]->eval(f);
      if (!v) {
        ok = false;
        break;
      }
      dict_set_item(kw, kwnames->items[k], v);
      decref(v);
    }
  }
  for (size_t k = 0; ok && k < kwstar.size(); ++k) {
    Object* m = kwstar[k]->eval(f);
    if (!m) {
      ok = false;
      break;
    }
    if (!is_dict(m)) {
      ok = false;
      type_error(cat("argument after ** must be a mapping, not ", m->type->name));
    } else {
      dict_for_each(static_cast<DictObject*>(m), [&](Object* key, Object* value) {
        if (!ok) return;
        if (!is_str(key)) {
          type_error("keywords must be strings");
          ok = false;
        } else if (dict_get_str(kw, as_str(key))) {
          type_error(cat(fn->type == &function_type ? static_cast<FunctionObject*>(fn)->qualname->utf8 : "function",
                         "() got multiple values for keyword argument '", as_str(key)->utf8, "'"));
          ok = false;
        } else {
          dict_set_item(kw, key, value);
        }
      });
    }
    decref(m);
  }
  r = nullptr;
  if (ok) {
    std::vector<Object*> names;
    std::vector<Object*> argv(pos);
    dict_for_each(kw, [&](Object* key, Object* value) {
      names.push_back(new_ref(key));
      argv.push_back(value);
    });
    TupleObject* kwn = names.empty() ? nullptr : new_tuple_steal(std::move(names));
    f.lineno = lineno;
    r = call(fn, argv.data(), pos.size(), kwn);
    xdecref(kwn);
  }
  decref(kw);
  release(pos);
  decref(fn);
  return r;
}

Object* MethodCallNode::eval(Frame& f) {
  Object* o = obj->eval(f);
  if (!o) return nullptr;
  Object* stack[9];
  std::vector<Object*> heap;
  size_t n = args.size();
  Object** argv = stack;
  if (n + 1 > 9) {
    heap.resize(n + 1);
    argv = heap.data();
  }
  argv[0] = o;
  size_t done = 0;
  for (; done < n; ++done) {
    argv[done + 1] = args[done]->eval(f);
    if (!argv[done + 1]) break;
  }
  Object* r = nullptr;
  if (done == n) {
    size_t npos = n - (kwnames ? kwnames->items.size() : 0);
    f.lineno = lineno;
    // Look the attribute up on the type: a plain function there (not shadowed by the
    // instance dict) is called with the object prepended, with no bound method made.
    Object* descr = o->type->tp_getattr ? nullptr : type_lookup(o->type, name);
    bool direct = false;
    if (descr && (descr->type == &function_type ||
                  (descr->type == &builtin_function_type && static_cast<BuiltinFunctionObject*>(descr)->is_method))) {
      direct = !object_own_attr(o, name);
    }
    if (direct) {
      r = call(descr, argv, npos + 1, kwnames);
    } else {
      Object* m = get_attr(o, name);
      if (m) {
        r = call(m, argv + 1, npos, kwnames);
        decref(m);
      }
    }
  }
  for (size_t i = 0; i < done; ++i) decref(argv[i + 1]);
  decref(o);
  return r;
}

Object* MakeFunctionNode::eval(Frame& f) {
  auto* fn = make<FunctionObject>();
  fn->code = new_ref(code);
  fn->globals = new_ref(f.globals);
  fn->name = new_ref(code->name);
  fn->qualname = new_ref(code->qualname);
  if (Object* m = dict_get_str(f.globals, "__name__")) fn->module = new_ref(m);
  if (!defaults.empty()) {
    std::vector<Object*> d;
    if (!eval_args(f, defaults, d)) {
      decref(fn);
      return nullptr;
    }
    fn->defaults = new_tuple_steal(std::move(d));
  }
  if (!kwdefaults.empty()) {
    fn->kwdefaults = new_dict();
    for (size_t i = 0; i < kwdefaults.size(); ++i) {
      Object* v = kwdefaults[i]->eval(f);
      if (!v) {
        decref(fn);
        return nullptr;
      }
      dict_set_item(fn->kwdefaults, kwdefault_names[i], v);
      decref(v);
    }
  }
  if (!closure_slots.empty()) {
    std::vector<Object*> cells;
    for (int s : closure_slots) cells.push_back(new_ref(f.slots[s]));
    fn->closure = new_tuple_steal(std::move(cells));
  }
  return fn;
}

// ---- comprehensions (inlined) ----

int ComprehensionNode::run(Frame& f, size_t level, Object* result) {
  ComprehensionClause& c = clauses[level];
  Object* iterable = c.iter->eval(f);
  if (!iterable) return -1;
  Object* it = get_iter(iterable);
  decref(iterable);
  if (!it) return -1;
  int status = 0;
  while (Object* x = iter_next(it)) {
    int r = c.target->assign(f, x);
    decref(x);
    if (r < 0) {
      status = -1;
      break;
    }
    bool pass = true;
    for (auto& cond : c.ifs) {
      Object* t = cond->eval(f);
      int truth = t ? object_is_true(t) : -1;
      xdecref(t);
      if (truth < 0) {
        status = -1;
        break;
      }
      if (!truth) {
        pass = false;
        break;
      }
    }
    if (status < 0) break;
    if (!pass) continue;
    if (level + 1 < clauses.size()) {
      if (run(f, level + 1, result) < 0) {
        status = -1;
        break;
      }
      continue;
    }
    Object* v = elt->eval(f);
    if (!v) {
      status = -1;
      break;
    }
    if (kind == list) {
      static_cast<ListObject*>(result)->items.push_back(v);
      continue;
    }
    if (kind == set) {
      r = set_add(static_cast<SetObject*>(result), v);
      decref(v);
    } else {
      Object* val = value->eval(f);
      r = val ? dict_set_item(static_cast<DictObject*>(result), v, val) : -1;
      decref(v);
      xdecref(val);
    }
    if (r < 0) {
      status = -1;
      break;
    }
  }
  decref(it);
  if (status == 0 && error_occurred()) status = -1;
  return status;
}

Object* ComprehensionNode::eval(Frame& f) {
  // The comprehension's variables are hidden: save what the slots held and restore it.
  std::vector<Object*> saved;
  for (int s : hidden_slots) {
    saved.push_back(f.slots[s]);
    f.slots[s] = nullptr;
  }
  for (int s : fresh_cells) {
    saved.push_back(f.slots[s]);
    f.slots[s] = new_cell(nullptr);
  }
  Object* result = kind == list ? static_cast<Object*>(new_list()) : kind == set ? static_cast<Object*>(new_set())
                                                                               : static_cast<Object*>(new_dict());
  if (run(f, 0, result) < 0) {
    decref(result);
    result = nullptr;
  }
  size_t k = 0;
  for (int s : hidden_slots) {
    xdecref(f.slots[s]);
    f.slots[s] = saved[k++];
  }
  for (int s : fresh_cells) {
    xdecref(f.slots[s]);
    f.slots[s] = saved[k++];
  }
  return result;
}

// ---- generator expressions ----

namespace {

struct GenExprObject : GcObject {
  FunctionObject* fn;  // owned: code, globals, closure
  std::vector<Object*> iters;  // owned; one per active clause
  Object** slots = nullptr;    // owned references
  int nslots = 0;
  bool started = false, done = false;
  GenExprObject(FunctionObject* f, Object* first) : GcObject(&genexpr_type), fn(f) {
    CodeObject* code = f->code;
    nslots = code->nslots();
    slots = new Object*[size_t(nslots)]();
    for (int i = 0; i < int(code->cellnames.size()); ++i) slots[code->first_cell() + i] = new_cell(nullptr);
    if (f->closure)
      for (size_t i = 0; i < f->closure->items.size(); ++i)
        slots[code->first_free() + int(i)] = new_ref(f->closure->items[i]);
    iters.push_back(first);
  }
  ~GenExprObject() override {
    clear_refs();
    delete[] slots;
  }
  void clear_refs() override {
    for (int i = 0; i < nslots; ++i) {
      Object* o = slots[i];
      slots[i] = nullptr;
      xdecref(o);
    }
    std::vector<Object*> its;
    its.swap(iters);
    for (Object* o : its) xdecref(o);
    FunctionObject* f = fn;
    fn = nullptr;
    xdecref(f);
    done = true;
  }
  int traverse(VisitFn visit, void* arg) override {
    for (int i = 0; i < nslots; ++i)
      if (int r = visit_ref(slots[i], visit, arg)) return r;
    if (int r = visit_all(iters, visit, arg)) return r;
    return visit_ref(fn, visit, arg);
  }
};

Object* genexpr_next_impl(GenExprObject* g, Frame& f) {
  GenPlan& plan = *g->fn->code->gen;
  for (;;) {
    size_t level = g->iters.size() - 1;
    Object* x = iter_next(g->iters[level]);
    if (!x) {
      if (error_occurred()) return nullptr;
      if (level == 0) return nullptr;
      decref(g->iters.back());
      g->iters.pop_back();
      continue;
    }
    ComprehensionClause& c = plan.clauses[level];
    f.lineno = c.target->lineno;
    int r = c.target->assign(f, x);
    decref(x);
    if (r < 0) return nullptr;
    bool pass = true;
    for (auto& cond : c.ifs) {
      Object* t = cond->eval(f);
      int truth = t ? object_is_true(t) : -1;
      xdecref(t);
      if (truth < 0) return nullptr;
      if (!truth) {
        pass = false;
        break;
      }
    }
    if (!pass) continue;
    if (level + 1 < plan.clauses.size()) {
      Object* iterable = plan.clauses[level + 1].iter->eval(f);
      if (!iterable) return nullptr;
      Object* it = get_iter(iterable);
      decref(iterable);
      if (!it) return nullptr;
      g->iters.push_back(it);
      continue;
    }
    f.lineno = plan.elt->lineno;
    return plan.elt->eval(f);
  }
}

Object* genexpr_next(Object* o) {
  auto* g = static_cast<GenExprObject*>(o);
  if (g->done) return nullptr;
  ThreadState* ts = get_thread_state();
  if (ts->depth >= ts->interp->recursion_limit || cpp_stack_exhausted(ts))
    return set_error(&exc_RecursionError, "maximum recursion depth exceeded");
  Frame f{g->fn->code, g->slots, g->fn->globals, ts->interp->builtins_dict, nullptr};
  f.lineno = g->fn->code->firstlineno;
  incref(g);
  Object* r;
  {
    ActiveFrame active(ts, f);
    r = genexpr_next_impl(g, f);
  }
  if (!r) {
    if (error_occurred()) {
      traceback_here(f);
      ts->traceback_pending = true;
    }
    g->clear_refs();
  }
  decref(g);
  return r;
}

Object* self_iter(Object* o) { return new_ref(o); }

}  // namespace

Object* GenExprNode::eval(Frame& f) {
  Object* iterable = first_iter->eval(f);
  if (!iterable) return nullptr;
  Object* it = get_iter(iterable);
  decref(iterable);
  if (!it) return nullptr;
  Object* fn = maker->eval(f);
  if (!fn) {
    decref(it);
    return nullptr;
  }
  return make<GenExprObject>(static_cast<FunctionObject*>(fn), it);
}

void init_genexpr_type() {
  make_static_type(&genexpr_type, &type_type, "generator", &object_type, 0);
  genexpr_type.tp_iter = self_iter;
  genexpr_type.tp_iternext = genexpr_next;
}

}  // namespace gopy
