// A traceback entry's attributes for Lib's traceback module (CPython: Python/traceback.c
// tb_getsetters, tb_memberlist). gopy's traceback entries keep the file, function, line
// and caret span rather than the frame, so `tb_frame` is a frame summary: f_code
// (co_filename, co_name, co_qualname), f_lineno, and empty f_globals/f_locals.
// `_gopy_line` and `_gopy_carets` give the line as read and the PEP 657 carets the
// interpreter prints under it; `type(tb)._gopy_suggestion(exc)` the "Did you mean" text.
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/class_method.hpp"
#include "object/source_line.hpp"
#include "object/suggestions.hpp"
#include "object/traceback_carets.hpp"
#include "object/type_internal.hpp"

namespace gopy {

namespace {

// A SimpleNamespace with the given attributes (values stolen).
Object* namespace_of(std::initializer_list<std::pair<const char*, Object*>> items) {
  NamespaceObject* ns = new_namespace();
  bool ok = true;
  for (const auto& [key, value] : items) {
    if (!value || dict_set_str(ns->dict, key, value) < 0) ok = false;
    xdecref(value);
  }
  if (!ok) {
    decref(ns);
    return nullptr;
  }
  return ns;
}

Object* frame_summary(TracebackObject* tb) {
  Object* code = namespace_of({{"co_filename", new_ref<Object>(tb->filename)},
                               {"co_name", new_ref<Object>(tb->funcname)},
                               {"co_qualname", new_ref<Object>(tb->funcname)}});
  if (!code) return nullptr;
  return namespace_of({{"f_code", code},
                       {"f_lineno", new_int(tb->lineno)},
                       {"f_globals", new_dict()},
                       {"f_locals", new_dict()},
                       {"f_back", new_none()}});
}

Object* traceback_getattr(Object* o, StrObject* name) {
  auto* tb = static_cast<TracebackObject*>(o);
  std::string_view n = name->view();
  if (n == "tb_next") return new_ref<Object>(tb->next ? static_cast<Object*>(tb->next) : None());
  if (n == "tb_lineno") return new_int(tb->lineno);
  if (n == "tb_lasti") return new_int(-1);
  if (n == "tb_frame") return frame_summary(tb);
  if (n == "_gopy_line") return new_str(raw_source_line(tb->filename->utf8, tb->lineno));
  if (n == "_gopy_carets")
    return new_str(traceback_carets(raw_source_line(tb->filename->utf8, tb->lineno), tb->span));
  return generic_getattr(o, name);
}

Object* traceback_suggestion(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("_gopy_suggestion", kwnames) || !check_nargs("_gopy_suggestion", nargs, 1, 1))
    return nullptr;
  if (!is_exception_instance(args[0])) return new_str("");
  return new_str(exception_suggestion(args[0]));
}

}  // namespace

void init_traceback_attrs() {
  traceback_type.tp_getattr = traceback_getattr;
  // The type's dict is filled on its first use in each interpreter (type_dict).
  traceback_type.lazy_methods = [] { add_static_method(&traceback_type, "_gopy_suggestion", traceback_suggestion); };
}

}  // namespace gopy
