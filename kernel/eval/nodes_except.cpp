// raise, try/except/else/finally, assert, import and the def/class statements
// (CPython: Python/ceval.c RAISE_VARARGS / do_raise, PUSH_EXC_INFO, IMPORT_NAME,
// IMPORT_FROM, import_all_from, LOAD_BUILD_CLASS).
#include "eval/nodes_expr.hpp"
#include "eval/nodes_stmt.hpp"
#include "gopy/object_num.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

namespace {

// Pushes an exception as "being handled" for the lifetime of the guard.
struct HandledGuard {
  ThreadState* ts;
  HandledException entry;
  HandledGuard(ThreadState* t, Object* exc) : ts(t) {
    entry.exc = exc;
    entry.previous = ts->handled;
    ts->handled = &entry;
  }
  ~HandledGuard() { ts->handled = entry.previous; }
};

// An exception instance from `raise X` / `from Y` operands (classes are instantiated).
Object* make_exception(Object* v, bool is_cause) {
  if (is_exception_class(v)) {
    Object* inst = call0(v);
    if (!inst) return nullptr;
    if (!is_exception_instance(inst)) {
      decref(inst);
      return type_error(cat("calling ", static_cast<TypeObject*>(v)->name,
                            " should have returned an instance of BaseException, not ", inst->type->name));
    }
    return inst;
  }
  if (is_exception_instance(v)) return new_ref(v);
  return type_error(is_cause ? "exception causes must derive from BaseException"
                             : "exceptions must derive from BaseException");
}

}  // namespace

Exec RaiseNode::exec(Frame& f) {
  ThreadState* ts = get_thread_state();
  if (!exc) {
    Object* current = ts->handled ? ts->handled->exc : nullptr;
    if (!current) {
      set_error(&exc_RuntimeError, "No active exception to reraise");
      return Exec::error;
    }
    restore_error(new_ref(current));
    return Exec::error;
  }
  Object* v = exc->eval(f);
  if (!v) return Exec::error;
  Object* inst = make_exception(v, false);
  decref(v);
  if (!inst) return Exec::error;
  if (cause) {
    Object* c = cause->eval(f);
    if (!c) {
      decref(inst);
      return Exec::error;
    }
    Object* cause_inst = c == None() ? nullptr : make_exception(c, true);
    bool bad = c != None() && !cause_inst;
    decref(c);
    if (bad) {
      decref(inst);
      return Exec::error;
    }
    auto* e = static_cast<BaseExceptionObject*>(inst);
    Object* old = e->cause;
    e->cause = cause_inst;
    e->suppress_context = true;
    xdecref(old);
  }
  f.lineno = lineno;
  raise_object(inst);
  decref(inst);
  return Exec::error;
}

Exec TryNode::exec(Frame& f) {
  ThreadState* ts = get_thread_state();
  Exec r = exec_block(body, f);
  if (r == Exec::error && !handlers.empty()) {
    traceback_here(f);
    Object* exc = fetch_error();
    {
      HandledGuard guard(ts, exc);
      const Handler* chosen = nullptr;
      bool failed = false;
      for (const Handler& h : handlers) {
        if (!h.type) {
          chosen = &h;
          break;
        }
        f.lineno = h.lineno;
        Object* spec = h.type->eval(f);
        if (!spec) {
          failed = true;
          break;
        }
        int m = exception_matches(exc, spec);
        decref(spec);
        if (m < 0) {
          failed = true;
          break;
        }
        if (m) {
          chosen = &h;
          break;
        }
      }
      if (failed) {
        r = Exec::error;
        traceback_here(f);
      } else if (!chosen) {
        restore_error(new_ref(exc));
        r = Exec::error;
      } else {
        if (chosen->name && chosen->name->assign(f, exc) < 0) {
          r = Exec::error;
        } else {
          r = exec_block(chosen->body, f);
          if (r == Exec::error) traceback_here(f);
          if (chosen->name) {
            // `except E as e` unbinds e afterwards (CPython: compiler_try_except).
            Object* pending = fetch_error();
            if (chosen->name->del(f) < 0) clear_error();
            if (pending) restore_error(pending);
          }
        }
      }
    }
    decref(exc);
  } else if (r == Exec::normal && !orelse.empty()) {
    r = exec_block(orelse, f);
  }
  if (finalbody.empty()) return r;
  return run_finally(f, r);
}

Exec TryNode::run_finally(Frame& f, Exec outcome) {
  ThreadState* ts = get_thread_state();
  Object* saved_exc = nullptr;
  Object* saved_ret = nullptr;
  if (outcome == Exec::error) {
    traceback_here(f);
    saved_exc = fetch_error();
  } else if (outcome == Exec::return_) {
    saved_ret = f.retval;
    f.retval = nullptr;
  }
  Exec r;
  {
    HandledGuard guard(ts, saved_exc ? saved_exc : (ts->handled ? ts->handled->exc : nullptr));
    r = exec_block(finalbody, f);
  }
  if (r == Exec::normal) {
    if (saved_exc) restore_error(saved_exc);
    if (saved_ret) f.retval = saved_ret;
    return outcome;
  }
  // The finally block itself returned, broke out, continued or raised: that wins.
  xdecref(saved_exc);
  xdecref(saved_ret);
  return r;
}

Exec AssertNode::exec(Frame& f) {
  Object* t = test->eval(f);
  if (!t) return Exec::error;
  int truth = object_is_true(t);
  decref(t);
  if (truth < 0) return Exec::error;
  if (truth) return Exec::normal;
  Object* exc;
  if (msg) {
    Object* m = msg->eval(f);
    if (!m) return Exec::error;
    exc = new_exception_args(&exc_AssertionError, &m, 1);
    decref(m);
  } else {
    exc = new_exception_args(&exc_AssertionError, nullptr, 0);
  }
  if (!exc) return Exec::error;
  raise_object(exc);
  decref(exc);
  return Exec::error;
}

// ---- import ----

Object* import_module_level(Frame& f, StrObject* name, Object* fromlist, int level) {
  Interpreter* interp = get_thread_state()->interp;
  if (interp->import_hook) return interp->import_hook(interp, name, f.globals, fromlist, level);
  if (level == 0)
    if (Object* m = dict_get_str(interp->modules, name)) return new_ref(m);
  Object* exc = new_exception(&exc_ModuleNotFoundError, cat("No module named '", name->utf8, "'"));
  if (!exc) return nullptr;
  Object* n = name;
  static_cast<BaseExceptionObject*>(exc)->dict = new_dict();
  dict_set_str(static_cast<BaseExceptionObject*>(exc)->dict, "name", n);
  raise_object(exc);
  decref(exc);
  return nullptr;
}

Exec ImportNode::exec(Frame& f) {
  Object* top = import_module_level(f, module_name, None(), level);
  if (!top) return Exec::error;
  Object* bound = top;
  if (!bind_top) {
    // `import a.b.c as x` binds x to a.b.c.
    std::string_view rest = module_name->view();
    size_t dot = rest.find('.');
    while (dot != std::string_view::npos) {
      rest = rest.substr(dot + 1);
      dot = rest.find('.');
      Object* next = get_attr(bound, rest.substr(0, dot));
      if (bound != top) decref(bound);
      if (!next) {
        decref(top);
        return Exec::error;
      }
      bound = next;
    }
  }
  int st = target->assign(f, bound);
  if (bound != top) decref(bound);
  decref(top);
  return st < 0 ? Exec::error : Exec::normal;
}

Exec ImportFromNode::exec(Frame& f) {
  Object* module = import_module_level(f, module_name, names, level);
  if (!module) return Exec::error;
  if (star) {
    // CPython: import_all_from (public names, or __all__).
    DictObject* d = module->type == &module_type ? static_cast<ModuleObject*>(module)->dict : nullptr;
    int st = 0;
    if (d) {
      std::vector<std::pair<Object*, Object*>> items;
      dict_for_each(d, [&](Object* k, Object* v) {
        if (is_str(k) && !as_str(k)->view().starts_with("_")) items.emplace_back(new_ref(k), new_ref(v));
      });
      for (auto& [k, v] : items) {
        if (st == 0) st = dict_set_item(f.locals ? f.locals : f.globals, k, v);
        decref(k);
        decref(v);
      }
    }
    decref(module);
    return st < 0 ? Exec::error : Exec::normal;
  }
  for (size_t i = 0; i < targets.size(); ++i) {
    auto* attr = as_str(names->items[i]);
    int err;
    Object* v = lookup_attr(module, attr, &err);
    if (!v && !err) {
      std::string mname = "?";
      std::string where;
      if (module->type == &module_type) {
        DictObject* d = static_cast<ModuleObject*>(module)->dict;
        if (Object* n = dict_get_str(d, "__name__"); n && is_str(n)) mname = as_str(n)->utf8;
        if (Object* p = dict_get_str(d, "__file__"); p && is_str(p)) where = " (" + as_str(p)->utf8 + ")";
        else where = " (unknown location)";
        // A submodule imported as a side effect lives in sys.modules.
        Interpreter* interp = get_thread_state()->interp;
        if (Object* sub = dict_get_str(interp->modules, mname + "." + attr->utf8)) v = new_ref(sub);
      }
      if (!v) {
        Object* exc = new_exception(&exc_ImportError,
                                    cat("cannot import name '", attr->utf8, "' from '", mname, "'", where));
        if (exc) {
          raise_object(exc);
          decref(exc);
        }
      }
    }
    if (!v) {
      decref(module);
      return Exec::error;
    }
    int st = targets[i]->assign(f, v);
    decref(v);
    if (st < 0) {
      decref(module);
      return Exec::error;
    }
  }
  decref(module);
  return Exec::normal;
}

// ---- definitions ----

Exec FunctionDefNode::exec(Frame& f) {
  Object* fn = make->eval(f);
  if (!fn) return Exec::error;
  int st = target->assign(f, fn);
  decref(fn);
  return st < 0 ? Exec::error : Exec::normal;
}

Exec ClassDefNode::exec(Frame& f) {
  std::vector<Object*> base_objs;
  for (auto& b : bases) {
    Object* v = b->eval(f);
    if (!v) {
      for (Object* o : base_objs) decref(o);
      return Exec::error;
    }
    base_objs.push_back(v);
  }
  TupleObject* base_tuple = new_tuple_steal(std::move(base_objs));
  DictObject* ns = new_dict();
  if (Object* m = dict_get_str(f.globals, "__name__")) dict_set_str(ns, "__module__", m);
  dict_set_str(ns, "__qualname__", qualname);
  Object* body = body_fn->eval(f);
  Object* cell = body ? run_class_body(static_cast<FunctionObject*>(body), ns) : nullptr;
  xdecref(body);
  Object* cls = nullptr;
  if (cell) {
    f.lineno = lineno;
    cls = build_class(name, base_tuple, ns, qualname);
    if (cls && cell->type == &cell_type) {
      auto* c = static_cast<CellObject*>(cell);
      Object* old = c->ref;
      c->ref = new_ref(cls);
      xdecref(old);
    }
    decref(cell);
  }
  decref(ns);
  decref(base_tuple);
  if (!cls) return Exec::error;
  int st = target->assign(f, cls);
  decref(cls);
  return st < 0 ? Exec::error : Exec::normal;
}

}  // namespace gopy
