// _zipimport: the native half of zipimport (lib/python3.14/zipimport.py): an archive's
// table of contents and a member's data. A problem with the archive is a ValueError with
// CPython's message, which zipimport raises again as ZipImportError.
#include <map>
#include <new>
#include <string>

#include "gopy/module.h"
#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/plugin.hpp"
#include "zip_archive.hpp"

namespace gopy_zipimport {
namespace {

using namespace gopy;

bool path_arg(const char* fname, Object* o, std::string* out) {
  if (is_str(o) && str_fs_encode(as_str(o), out)) return true;
  if (!error_occurred()) type_error(std::string(fname) + "() argument must be str, not " + o->type->name);
  return false;
}

// _read_directory(archive) -> {name: (path, compress, data_size, file_size, file_offset,
// time, date, crc)}, the tuple CPython's _zip_directory_cache holds.
Object* m_read_directory(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("_read_directory", kw) || !check_nargs("_read_directory", n, 1, 1)) return nullptr;
  std::string archive, error;
  if (!path_arg("_read_directory", a[0], &archive)) return nullptr;
  std::map<std::string, ZipEntry> entries;
  if (!read_directory(archive, &entries, &error)) return set_error(&exc_ValueError, error);
  DictObject* toc = new_dict();
  for (const auto& [name, e] : entries) {
    Object* items[8] = {new_str_fs(e.path), new_int(e.compress), new_int(e.data_size), new_int(e.file_size),
                        new_int(e.file_offset), new_int(e.time), new_int(e.date), new_int(int64_t(e.crc))};
    TupleObject* t = new_tuple_from({items[0], items[1], items[2], items[3], items[4], items[5], items[6], items[7]});
    for (Object* item : items) decref(item);
    Object* key = new_str_fs(name);
    int rc = dict_set_item(toc, key, t);
    decref(key);
    decref(t);
    if (rc < 0) {
      decref(toc);
      return nullptr;
    }
  }
  return toc;
}

// _get_data(archive, toc_entry) -> bytes: the member, inflated.
Object* m_get_data(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("_get_data", kw) || !check_nargs("_get_data", n, 2, 2)) return nullptr;
  std::string archive, error, data;
  if (!path_arg("_get_data", a[0], &archive)) return nullptr;
  if (!is_tuple(a[1]) || static_cast<TupleObject*>(a[1])->items.size() != 8)
    return type_error("_get_data() argument 2 must be a table of contents entry");
  const auto& items = static_cast<TupleObject*>(a[1])->items;
  int64_t fields[5];
  for (int i = 0; i < 5; ++i)
    if (!int_to_int64(items[size_t(i) + 1], &fields[i])) return nullptr;
  ZipEntry e;
  e.compress = int(fields[0]);
  e.data_size = fields[1];
  e.file_size = fields[2];
  e.file_offset = fields[3];
  if (e.compress != 0 && e.compress != 8) return set_error(&exc_ValueError, "can't decompress data; zlib not available");
  if (!read_data(archive, e, &data, &error)) return set_error(&exc_ValueError, error);
  return new_bytes(data);
}

int exec_module(gopy_plugin_context*, gopy_Object* handle) {
  auto* module = reinterpret_cast<ModuleObject*>(handle);
  try {
    if (add_module_function(module, "_read_directory", m_read_directory) < 0) return -1;
    if (add_module_function(module, "_get_data", m_get_data) < 0) return -1;
    return 0;
  } catch (const std::bad_alloc&) {
    no_memory();
    return -1;
  }
}

const gopy_ModuleDef kModule = {
    GOPY_MODULE_API_VERSION, "_zipimport", "Zip archive reading for zipimport.", nullptr, nullptr, nullptr, nullptr,
    exec_module,
};

gopy::Status attach(gopy_plugin_context&) { return gopy::Status::ok(); }
gopy::Status detach(gopy_plugin_context&) { return gopy::Status::ok(); }

}  // namespace
}  // namespace gopy_zipimport

GOPY_PLUGIN(gopy_plugin__zipimport, "_zipimport", gopy_zipimport::attach, gopy_zipimport::detach)
GOPY_MODULE_INIT(_zipimport, gopy_zipimport::kModule)
