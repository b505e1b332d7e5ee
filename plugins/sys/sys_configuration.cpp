// sys._configuration: PEP 432's read-only snapshot of the configuration the interpreter
// was initialized with (no CPython release has it). Two namespaces:
//   all_interpreters   the runtime-wide settings (the pre-configuration's rows),
//   active_interpreter this interpreter's settings (the configuration's rows),
// with the field names of the config spec table; hash_seed is left out, as the PEP asks.
// Lists are tuples, and no attribute can be set: a snapshot, not a control panel.
#include <string>
#include <utility>
#include <vector>

#include "gopy/config_spec.hpp"
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "sys_module.hpp"

namespace gopy::sys {
namespace {

// A namespace whose attributes are fixed when it is made.
struct SnapshotObject : GcObject {
  std::vector<std::pair<std::string, Object*>> fields;
  bool holds_type = true;

  explicit SnapshotObject(TypeObject* t) : GcObject(t) { incref(t); }
  ~SnapshotObject() override { clear_refs(); }
  void clear_refs() override {
    std::vector<std::pair<std::string, Object*>> old;
    old.swap(fields);
    for (auto& field : old) xdecref(field.second);
    if (holds_type) {
      holds_type = false;
      decref(type);
    }
  }
  int traverse(VisitFn visit, void* arg) override {
    for (auto& field : fields)
      if (int r = visit_ref(field.second, visit, arg)) return r;
    return holds_type ? visit(type, arg) : 0;
  }
};

SnapshotObject* as_snapshot(Object* o) { return static_cast<SnapshotObject*>(o); }

// "namespace(a=1, b='x')", as types.SimpleNamespace shows itself.
Object* snapshot_repr(Object* self) {
  std::string text = "namespace(";
  bool first = true;
  for (auto& [name, value] : as_snapshot(self)->fields) {
    Object* repr = object_repr(value);
    if (!repr) return nullptr;
    text += (first ? "" : ", ") + name + "=" + std::string(as_str(repr)->view());
    first = false;
    decref(repr);
  }
  return new_str(text + ")");
}

Object* snapshot_getattr(Object* self, StrObject* name) {
  for (auto& [field, value] : as_snapshot(self)->fields)
    if (field == name->view()) return new_ref(value);
  return generic_getattr(self, name);
}

int snapshot_setattr(Object*, StrObject*, Object*) {
  set_error(&exc_AttributeError, "readonly attribute");
  return -1;
}

// One heap type per interpreter, freed with its objects before the plugin unloads.
TypeObject* new_snapshot_type() {
  auto* t = make<TypeObject>();
  t->type = new_ref(&type_type);
  t->name = "namespace";
  t->qualname = "namespace";
  t->module = "sys";
  t->flags = TypeFlags::heap;
  t->base = new_ref(&object_type);
  t->bases = new_tuple_from({&object_type});
  t->dict = new_dict();
  t->tp_repr = snapshot_repr;
  t->tp_getattr = snapshot_getattr;
  t->tp_setattr = snapshot_setattr;
  return t;
}

// Steals the values.
Object* new_snapshot(TypeObject* type, std::vector<std::pair<std::string, Object*>> fields) {
  auto* s = make<SnapshotObject>(type);
  s->fields = std::move(fields);
  return s;
}

Object* to_object(const ConfigValue& value) {
  struct Visitor {
    Object* operator()(std::monostate) const { return new_none(); }
    Object* operator()(bool b) const { return new_bool(b); }
    Object* operator()(std::int64_t v) const { return new_int(v); }
    Object* operator()(const std::string& s) const { return new_str_fs(s); }
    Object* operator()(const StringList& list) const {
      std::vector<Object*> items;
      for (const std::string& s : list) items.push_back(new_str_fs(s));
      return new_tuple_steal(std::move(items));
    }
  };
  return std::visit(Visitor{}, value);
}

}  // namespace

Status fill_configuration(Interpreter* interp, const SysConfig& sys_config) {
  const Config* config = &sys_config.config;
  const PreConfig* preconfig = &sys_config.preconfig;
  std::vector<std::pair<std::string, Object*>> runtime_wide;
  std::vector<std::pair<std::string, Object*>> per_interpreter;
  for (const auto& [name, value] : config_dump(*config, *preconfig)) {
    const FieldSpec* spec = find_field(name);
    auto& into = spec && spec->is_preconfig() ? runtime_wide : per_interpreter;
    into.emplace_back(std::string(name), to_object(value));
  }
  TypeObject* type = new_snapshot_type();
  Object* all = new_snapshot(type, std::move(runtime_wide));
  Object* active = new_snapshot(type, std::move(per_interpreter));
  Object* snapshot = new_snapshot(type, {{"all_interpreters", all}, {"active_interpreter", active}});
  decref(type);
  int rc = dict_set_str(interp->sys_module->dict, "_configuration", snapshot);
  decref(snapshot);
  if (rc < 0 || error_occurred()) {
    clear_error();
    return Status::error(Status::Category::runtime, "sys", "could not build sys._configuration");
  }
  return Status::ok();
}

}  // namespace gopy::sys
