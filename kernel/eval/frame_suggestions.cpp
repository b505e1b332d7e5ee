// What the "Did you mean" suggestions need from the frame a NameError or AttributeError
// was raised in: its visible names and its `self` (CPython reads them from tb_frame when
// printing; gopy's traceback entries keep no frame, so they are taken as the innermost
// entry is added). CPython: Lib/traceback.py _compute_suggestion_error.
#include "eval/ceval_ops.hpp"
#include "object/suggestions.hpp"

namespace gopy {
namespace {

void add_dict_names(std::vector<std::string_view>& out, DictObject* d) {
  if (!d) return;
  for (const auto& e : d->entries)
    if (e.key && e.value && is_str(e.key)) out.push_back(as_str(e.key)->view());
}

// A bound plain local, cell or free variable of the frame.
Object* frame_value(const Frame& f, int slot) {
  Object* v = f.slots[slot];
  if (v && slot >= f.code->first_cell()) v = static_cast<CellObject*>(v)->ref;
  return v;
}

}  // namespace

void note_innermost_frame(BaseExceptionObject* exc, Frame& f) {
  bool name_error = isinstance_of(exc, &exc_NameError);
  if (!name_error && !isinstance_of(exc, &exc_AttributeError)) return;
  CodeObject* co = f.code;
  Object* self = nullptr;
  std::vector<std::string_view> names;
  for (int slot = 0, n = co->nslots(); slot < n; ++slot) {
    StrObject* name = slot < co->nlocals            ? co->varnames[size_t(slot)]
                      : slot < co->first_free()     ? co->cellnames[size_t(slot - co->first_cell())]
                                                    : co->freenames[size_t(slot - co->first_free())];
    Object* v = frame_value(f, slot);
    if (!v) continue;
    if (name->view() == "self") self = v;
    if (name_error) names.push_back(name->view());
  }
  if (name_error) {
    add_dict_names(names, f.locals);
    add_dict_names(names, f.globals);
    add_dict_names(names, f.builtins);
  }
  Ref<> hold_self = Ref<>::borrow(self);
  // The suggestion may run attribute lookups: the raised exception waits meanwhile.
  Object* raised = fetch_error();
  remember_innermost_frame(exc, names, self);
  restore_error(raised);
}

}  // namespace gopy
