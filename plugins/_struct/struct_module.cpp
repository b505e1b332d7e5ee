// The _struct module plugin: pack, unpack and their kin over parsed format layouts; the
// struct package (lib/python3.14/struct.py) defines the public API and struct.error over it
// (CPython: Modules/_struct.c).
#include <cstring>

#include "../common/native_module.hpp"
#include "struct_internal.hpp"

namespace gopy::structmod {
namespace {

ModuleObject* the_module = nullptr;  // borrowed: set by the exec hook, the module lives in sys.modules

using native::guarded;

bool need_format(size_t nargs) {
  if (nargs == 0) {
    type_error("missing format argument");
    return false;
  }
  return true;
}

bool readable(Object* o, std::string_view* data) {
  if (bytes_like_view(o, data)) return true;
  type_error(std::string("a bytes-like object is required, not '") + type_name(o) + "'");
  return false;
}

// The writable bytes of a bytearray or of a memoryview over one.
bool writable(Object* o, char** data, size_t* size) {
  if (is_bytearray(o)) {
    *data = as_bytearray(o)->data.data();
    *size = as_bytearray(o)->data.size();
    return true;
  }
  if (is_memoryview(o)) {
    auto* mv = static_cast<MemoryViewObject*>(o);
    if (mv->base && !mv->readonly && is_bytearray(mv->base)) {
      *data = as_bytearray(mv->base)->data.data() + mv->offset;
      *size = size_t(mv->length);
      return true;
    }
  }
  type_error(std::string("argument must be read-write bytes-like object, not ") + type_name(o));
  return false;
}

// Checks that `need` bytes fit at *offset in a buffer of `len` bytes, a negative offset
// counting from the end, and makes *offset absolute (CPython: s_pack_into,
// Struct_unpack_from_impl). False with struct.error.
bool place(ssize* offset, ssize need, ssize len, const char* op, const char* verb, const char* short_of) {
  std::string message;
  if (*offset < 0 && *offset + need > 0) {
    message = std::string(short_of) + " " + std::to_string(need) + " bytes at offset " + std::to_string(*offset);
  } else if (*offset < 0 && *offset + len < 0) {
    message = "offset " + std::to_string(*offset) + " out of range for " + std::to_string(len) + "-byte buffer";
  } else {
    if (*offset < 0) *offset += len;
    if (len - *offset >= need) return true;
    message = std::string(op) + " requires a buffer of at least " + std::to_string(need + *offset) + " bytes for " +
              verb + " " + std::to_string(need) + " bytes at offset " + std::to_string(*offset) +
              " (actual buffer size is " + std::to_string(len) + ")";
  }
  struct_error(message);
  return false;
}

Object* calcsize(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return guarded([&]() -> Object* {
    // METH_O in CPython, whose errors name it with its module.
    if (!check_no_kwargs("_struct.calcsize", kwnames) || !check_nargs("_struct.calcsize", nargs, 1, 1)) return nullptr;
    const Layout* l = layout_for(args[0]);
    return l ? new_int(int64_t(l->size)) : nullptr;
  });
}

Object* pack(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return guarded([&]() -> Object* {
    if (!check_no_kwargs("pack", kwnames) || !need_format(nargs)) return nullptr;
    const Layout* l = layout_for(args[0]);
    if (!l) return nullptr;
    if (nargs - 1 != l->items)
      return struct_error("pack expected " + std::to_string(l->items) + " items for packing (got " +
                          std::to_string(nargs - 1) + ")");
    std::string out(l->size, '\0');
    if (!pack_values(*l, args + 1, out.data())) return nullptr;
    return new_bytes(out);
  });
}

// pack_into(format, buffer, offset, *values)
Object* pack_into(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return guarded([&]() -> Object* {
    if (!check_no_kwargs("pack_into", kwnames) || !need_format(nargs)) return nullptr;
    const Layout* l = layout_for(args[0]);
    if (!l) return nullptr;
    if (nargs != l->items + 3) {
      if (nargs == 1) return struct_error("pack_into expected buffer argument");
      if (nargs == 2) return struct_error("pack_into expected offset argument");
      return struct_error("pack_into expected " + std::to_string(l->items) + " items for packing (got " +
                          std::to_string(nargs - 3) + ")");
    }
    char* data = nullptr;
    size_t size = 0;
    if (!writable(args[1], &data, &size)) return nullptr;
    ssize offset = 0;
    if (!index_as_ssize(args[2], &offset)) return nullptr;
    if (!place(&offset, ssize(l->size), ssize(size), "pack_into", "packing", "no space to pack")) return nullptr;
    std::string out(l->size, '\0');
    if (!pack_values(*l, args + 3, out.data())) return nullptr;
    std::memcpy(data + offset, out.data(), out.size());
    return new_none();
  });
}

Object* unpack(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return guarded([&]() -> Object* {
    if (!check_no_kwargs("unpack", kwnames) || !check_nargs("unpack", nargs, 2, 2)) return nullptr;
    const Layout* l = layout_for(args[0]);
    std::string_view data;
    if (!l || !readable(args[1], &data)) return nullptr;
    if (data.size() != l->size) return struct_error("unpack requires a buffer of " + std::to_string(l->size) + " bytes");
    return unpack_values(*l, data.data());
  });
}

// unpack_from(format, buffer, offset)
Object* unpack_from(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return guarded([&]() -> Object* {
    if (!check_no_kwargs("unpack_from", kwnames) || !check_nargs("unpack_from", nargs, 3, 3)) return nullptr;
    const Layout* l = layout_for(args[0]);
    std::string_view data;
    if (!l || !readable(args[1], &data)) return nullptr;
    ssize offset = 0;
    if (!index_as_ssize(args[2], &offset)) return nullptr;
    if (!place(&offset, ssize(l->size), ssize(data.size()), "unpack_from", "unpacking", "not enough data to unpack"))
      return nullptr;
    return unpack_values(*l, data.data() + offset);
  });
}

// iter_unpack's values, all at once: a list of tuples.
Object* unpack_all(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return guarded([&]() -> Object* {
    // The errors of CPython's _struct.iter_unpack (clinic, two positional-only arguments).
    if (!check_no_kwargs("_struct.iter_unpack", kwnames) || !check_nargs("iter_unpack", nargs, 2, 2)) return nullptr;
    const Layout* l = layout_for(args[0]);
    std::string_view data;
    if (!l || !readable(args[1], &data)) return nullptr;
    if (l->size == 0) return struct_error("cannot iteratively unpack with a struct of length 0");
    if (data.size() % l->size)
      return struct_error("iterative unpacking requires a buffer of a multiple of " + std::to_string(l->size) + " bytes");
    Ref<ListObject> out = Ref<ListObject>::steal(new_list());
    for (size_t at = 0; at < data.size(); at += l->size) {
      Object* t = unpack_values(*l, data.data() + at);
      if (!t) return nullptr;
      out->items.push_back(t);
    }
    return out.release();
  });
}

int exec_module(gopy_plugin_context*, gopy_Object* module) {
  the_module = reinterpret_cast<ModuleObject*>(module);
  return native::add_functions(module, {
                                           {"calcsize", calcsize},
                                           {"pack", pack},
                                           {"pack_into", pack_into},
                                           {"unpack", unpack},
                                           {"unpack_from", unpack_from},
                                           {"_unpack_all", unpack_all},
                                       });
}

const gopy_ModuleDef kModule = {GOPY_MODULE_API_VERSION, "_struct", "struct's native packer and unpacker",
                                nullptr, nullptr, nullptr, nullptr, exec_module};

}  // namespace

std::nullptr_t struct_error(const std::string& message) {
  return native::raise_module_error(the_module, "error", message);
}

}  // namespace gopy::structmod

GOPY_NATIVE_MODULE_PLUGIN(gopy_plugin__struct, "_struct")
GOPY_MODULE_INIT(_struct, gopy::structmod::kModule)
