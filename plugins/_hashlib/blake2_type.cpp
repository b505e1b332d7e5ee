// _blake2: the blake2b and blake2s types (CPython: Modules/blake2module.c), their
// constructors' keyword parameters and CPython's range errors.
#include <cstdio>
#include <variant>

#include "blake2.hpp"
#include "blake2_type.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_num.hpp"
#include "hash_common.hpp"
#include "native/native_type.hpp"

namespace gopy_hash {

using namespace gopy;

namespace {

using Blake2b = Blake2<uint64_t>;
using Blake2s = Blake2<uint32_t>;

TypeObject* b_type = nullptr;  // borrowed from the module
TypeObject* s_type = nullptr;

struct Blake2Object : Object {
  std::variant<Blake2b, Blake2s> state;
  explicit Blake2Object(TypeObject* t) : Object(t) {}
  bool is_b() const { return state.index() == 0; }
};

Blake2Object* self_of(Object* const* a) { return static_cast<Blake2Object*>(a[0]); }

void feed(Blake2Object* o, std::string_view data) {
  auto* p = reinterpret_cast<const unsigned char*>(data.data());
  std::visit([&](auto& s) { s.update(p, data.size()); }, o->state);
}

std::string digest_of(const Blake2Object* o) {
  return std::visit([](const auto& s) { return s.final(); }, o->state);
}

// The constructor's parameters, in order: data is positional-only, the rest keyword-only.
constexpr const char* kParams[] = {"data",       "digest_size", "key",        "salt",       "person",
                                   "fanout",     "depth",       "leaf_size",  "node_offset", "node_depth",
                                   "inner_size", "last_node",   "usedforsecurity", "string"};
constexpr size_t kParamCount = sizeof kParams / sizeof kParams[0];

bool bind(const char* type, Object* const* args, size_t nargs, TupleObject* kwnames, Object** out) {
  if (nargs > 1)
    return type_error(std::string(type) + "() takes at most 1 positional argument (" + std::to_string(nargs) + " given)"),
           false;
  if (nargs == 1) out[0] = args[0];
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  for (size_t i = 0; i < nkw; ++i) {
    std::string_view name = as_str(kwnames->items[i])->view();
    size_t at = 1;
    while (at < kParamCount && name != kParams[at]) ++at;
    if (at == kParamCount)
      return type_error(std::string(type) + "() got an unexpected keyword argument '" + std::string(name) + "'"), false;
    if (out[at]) return type_error(std::string(type) + "() got multiple values for argument '" + std::string(name) + "'"), false;
    out[at] = args[nargs + i];
  }
  return true;
}

bool int_arg(Object* o, int64_t fallback, int64_t* out) {
  if (!o) {
    *out = fallback;
    return true;
  }
  if (!is_int(o)) return type_error(std::string("'") + type_name(o) + "' object cannot be interpreted as an integer"), false;
  if (!int_to_int64(o, out)) return set_error(&exc_OverflowError, "Python int too large to convert to C long"), false;
  return true;
}

bool bytes_arg(Object* o, std::string_view* out) {
  if (!o) return true;
  if (!bytes_like_view(o, out))
    return type_error(std::string("a bytes-like object is required, not '") + type_name(o) + "'"), false;
  return true;
}

// CPython: py_blake2_new's checks, with its messages.
bool params_of(bool is_b, Object** a, Blake2Params* p) {
  const int out_max = is_b ? 64 : 32, salt_max = is_b ? 16 : 8;
  const char* which = is_b ? "Blake2b" : "Blake2s";
  int64_t digest_size, fanout, depth, leaf_size, node_offset, node_depth, inner_size;
  if (!int_arg(a[1], out_max, &digest_size) || !bytes_arg(a[2], &p->key) || !bytes_arg(a[3], &p->salt) ||
      !bytes_arg(a[4], &p->person) || !int_arg(a[5], 1, &fanout) || !int_arg(a[6], 1, &depth) ||
      !int_arg(a[7], 0, &leaf_size) || !int_arg(a[8], 0, &node_offset) || !int_arg(a[9], 0, &node_depth) ||
      !int_arg(a[10], 0, &inner_size))
    return false;
  if (digest_size <= 0 || digest_size > out_max)
    return value_error(std::string("digest_size for ") + which + " must be between 1 and " + std::to_string(out_max) +
                       " bytes, here it is " + std::to_string(digest_size)),
           false;
  if (p->salt.size() > size_t(salt_max))
    return value_error("maximum salt length is " + std::to_string(salt_max) + " bytes"), false;
  if (p->person.size() > size_t(salt_max))
    return value_error("maximum person length is " + std::to_string(salt_max) + " bytes"), false;
  if (fanout < 0 || fanout > 255) return value_error("fanout must be between 0 and 255"), false;
  if (depth <= 0 || depth > 255) return value_error("depth must be between 1 and 255"), false;
  if (leaf_size < 0 || leaf_size > int64_t(0xFFFFFFFF)) return set_error(&exc_OverflowError, "leaf_size is too large"), false;
  if (node_offset < 0 || (!is_b && node_offset > int64_t(0xFFFFFFFFFFFF)))
    return set_error(&exc_OverflowError, "node_offset is too large"), false;
  if (node_depth < 0 || node_depth > 255) return value_error("node_depth must be between 0 and 255"), false;
  if (inner_size < 0 || inner_size > out_max)
    return value_error("inner_size must be between 0 and is " + std::to_string(out_max)), false;
  if (p->key.size() > size_t(out_max))
    return value_error("maximum key length is " + std::to_string(out_max) + " bytes"), false;
  p->digest_size = int(digest_size);
  p->fanout = int(fanout);
  p->depth = int(depth);
  p->leaf_size = uint32_t(leaf_size);
  p->node_offset = uint64_t(node_offset);
  p->node_depth = int(node_depth);
  p->inner_size = int(inner_size);
  if (a[11]) {
    int truth = object_is_true(a[11]);
    if (truth < 0) return false;
    p->last_node = truth;
  }
  return true;
}

Object* blake2_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kwnames) {
  bool is_b = type == b_type;
  Object* bound[kParamCount] = {};
  if (!bind(is_b ? "blake2b" : "blake2s", args, nargs, kwnames, bound)) return nullptr;
  Blake2Params params;
  Object* data = nullptr;
  if (!params_of(is_b, bound, &params) || !data_argument(bound[0], bound[13], &data)) return nullptr;
  std::string_view view;
  if (data && !data_of(data, &view)) return nullptr;
  return guarded([&]() -> Object* {
    Ref<Blake2Object> o = Ref<Blake2Object>::steal(make<Blake2Object>(type));
    if (is_b) o->state.emplace<Blake2b>().init(params);
    else o->state.emplace<Blake2s>().init(params);
    feed(o.get(), view);
    return o.release();
  });
}

Object* b_update(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_method_args(a[0], "update", kw, n - 1, 1, 1)) return nullptr;
  std::string_view data;
  if (!data_of(a[1], &data)) return nullptr;
  feed(self_of(a), data);
  return new_none();
}

Object* b_digest(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_method_args(a[0], "digest", kw, n - 1, 0, 0)) return nullptr;
  return new_bytes(digest_of(self_of(a)));
}

Object* b_hexdigest(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_method_args(a[0], "hexdigest", kw, n - 1, 0, 0)) return nullptr;
  std::string d = digest_of(self_of(a));
  return new_str(hex_of(reinterpret_cast<const unsigned char*>(d.data()), d.size()));
}

Object* b_copy(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_method_args(a[0], "copy", kw, n - 1, 0, 0)) return nullptr;
  Blake2Object* self = self_of(a);
  auto* copy = make<Blake2Object>(self->type);
  copy->state = self->state;
  return copy;
}

Object* b_getattr(Object* o, StrObject* attr) {
  auto* self = static_cast<Blake2Object*>(o);
  std::string_view name = attr->view();
  if (name == "name") return new_str(self->is_b() ? "blake2b" : "blake2s");
  if (name == "digest_size") return new_int(std::visit([](const auto& s) { return s.digest_size; }, self->state));
  if (name == "block_size") return new_int(self->is_b() ? 128 : 64);
  return generic_getattr(o, attr);
}

}  // namespace

int add_blake2_types(ModuleObject* module) {
  const char* names[2] = {"blake2b", "blake2s"};
  TypeObject** slots[2] = {&b_type, &s_type};
  for (int i = 0; i < 2; ++i) {
    native::NativeType* t = native::make_type(
        "_blake2", names[i], blake2_new,
        {{"update", b_update}, {"digest", b_digest}, {"hexdigest", b_hexdigest}, {"copy", b_copy}}, false);
    t->tp_getattr = b_getattr;
    const bool is_b = i == 0;
    const struct {
      const char* name;
      int value;
    } sizes[] = {{"SALT_SIZE", is_b ? 16 : 8}, {"PERSON_SIZE", is_b ? 16 : 8}, {"MAX_KEY_SIZE", is_b ? 64 : 32},
                 {"MAX_DIGEST_SIZE", is_b ? 64 : 32}};
    int r = 0;
    for (const auto& s : sizes) {
      Ref<> value = Ref<>::steal(new_int(s.value));
      if (r == 0) r = dict_set_str(t->dict, s.name, value.get());
    }
    if (r == 0) r = dict_set_str(module->dict, names[i], t);
    *slots[i] = t;
    decref(t);
    if (r < 0) return -1;
  }
  return 0;
}

}  // namespace gopy_hash
