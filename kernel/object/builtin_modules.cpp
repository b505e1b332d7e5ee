// The modules compiled into libgopy, each created on its first import.
// CPython: Python/import.c _PyImport_FindBuiltin over PyImport_Inittab.
#include "gopy/builtin_modules.hpp"

#include "gopy/gc.hpp"
#include "gopy/warnings.hpp"
#include "lifecycle/site.hpp"

#include "object/codec_internal.hpp"
#include "object/io_internal.hpp"

namespace gopy {

BuiltinModuleInit find_builtin_module(std::string_view name) {
  if (name == "codecs") return create_codecs_module;
  if (name == "io") return create_io_module;
  if (name == "_io") return create__io_module;
  if (name == "gc") return create_gc_module;
  if (name == "weakref") return create_weakref_module;
  if (name == "_weakref") return create__weakref_module;
  if (name == "_warnings") return create__warnings_module;
  if (name == "_site") return create__site_module;
  if (name == "_imp") return create__imp_module;
  return nullptr;
}

}  // namespace gopy
