// sys._configuration: PEP 432's read-only snapshot of the configuration the interpreter
// was initialized with (no CPython release has it). Two namespaces:
//   all_interpreters   the runtime-wide settings (the pre-configuration's rows),
//   active_interpreter this interpreter's settings (the configuration's rows),
// with the field names of the config spec table; hash_seed is left out, as the PEP asks.
// Lists are tuples, and no attribute can be set: a snapshot, not a control panel.
#include <optional>
#include <string>
#include <string_view>
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
  NamedFields fields;
  bool holds_type = true;

  explicit SnapshotObject(TypeObject* t) : GcObject(t) { incref(t); }
  ~SnapshotObject() override { clear_refs(); }
  void clear_refs() override {
    NamedFields old;
    old.swap(fields);
    old.clear();
    if (holds_type) {
      holds_type = false;
      decref(type);
    }
  }
  int traverse(VisitFn visit, void* arg) override {
    for (auto& field : fields)
      if (field.second)
        if (int r = visit(field.second.get(), arg)) return r;
    return holds_type ? visit(type, arg) : 0;
  }
};

SnapshotObject* as_snapshot(Object* o) { return static_cast<SnapshotObject*>(o); }

// "namespace(a=1, b='x')", as types.SimpleNamespace shows itself.
Object* snapshot_repr(Object* self) {
  std::string text = "namespace(";
  bool first = true;
  for (auto& [name, value] : as_snapshot(self)->fields) {
    Object* repr = object_repr(value.get());
    if (!repr) return nullptr;
    text += (first ? "" : ", ") + name + "=" + std::string(as_str(repr)->view());
    first = false;
    decref(repr);
  }
  return new_str(text + ")");
}

Object* snapshot_getattr(Object* self, StrObject* name) {
  for (auto& [field, value] : as_snapshot(self)->fields)
    if (field == name->view()) return new_ref(value.get());
  return generic_getattr(self, name);
}

int snapshot_setattr(Object*, StrObject*, Object*) {
  set_error(&exc_AttributeError, "readonly attribute");
  return -1;
}

// One heap type per interpreter, freed with its objects before the plugin unloads.
TypeObject* new_snapshot_type() {
  TypeObject* t = new_sys_type("namespace");
  t->tp_repr = snapshot_repr;
  t->tp_getattr = snapshot_getattr;
  t->tp_setattr = snapshot_setattr;
  return t;
}

Object* new_snapshot(TypeObject* type, NamedFields fields) {
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
    Object* operator()(const StringList& list) const { return str_tuple(list); }
  };
  return std::visit(Visitor{}, value);
}

}  // namespace

namespace {

Status fill_configuration(Interpreter* interp, const SysConfig& sys_config) {
  const Config* config = &sys_config.config;
  const PreConfig* preconfig = &sys_config.preconfig;
  NamedFields runtime_wide;
  NamedFields per_interpreter;
  for (const auto& [name, value] : config_dump(*config, *preconfig)) {
    const FieldSpec* spec = find_field(name);
    auto& into = spec && spec->is_preconfig() ? runtime_wide : per_interpreter;
    ORef object = own(to_object(value));
    into.emplace_back(std::string(name), std::move(object));
  }
  Ref<TypeObject> type = Ref<TypeObject>::steal(new_snapshot_type());
  ORef all = own(new_snapshot(type.get(), std::move(runtime_wide)));
  ORef active = own(new_snapshot(type.get(), std::move(per_interpreter)));
  ORef snapshot = own(new_snapshot(type.get(), {{"all_interpreters", all}, {"active_interpreter", active}}));
  int rc = dict_set_str(interp->sys_module->dict, "_configuration", snapshot.get());
  if (rc < 0 || error_occurred()) {
    clear_error();
    return Status::error(Status::Category::runtime, "sys", "could not build sys._configuration");
  }
  return Status::ok();
}

// The configuration kept for the interpreter whose sys._configuration is not made yet.
struct Deferred {
  Interpreter* interp = nullptr;
  SysConfig config;
};
std::optional<Deferred> deferred;

bool is_configuration_name(std::string_view name) { return name == "_configuration"; }

int make_configuration(Interpreter* interp) {
  if (!deferred || deferred->interp != interp) return 0;
  Status status = fill_configuration(interp, deferred->config);
  deferred.reset();
  if (!status.is_ok()) {
    set_error(&exc_RuntimeError, status.message());
    return -1;
  }
  return 0;
}

}  // namespace

void defer_configuration(Interpreter* interp, SysConfig config) {
  forget_configuration(interp);
  deferred = Deferred{interp, std::move(config)};
  add_lazy_sys_attributes(interp, is_configuration_name, make_configuration);
}

void forget_configuration(Interpreter* interp) {
  remove_lazy_sys_attributes(interp, make_configuration);
  deferred.reset();
}

}  // namespace gopy::sys
