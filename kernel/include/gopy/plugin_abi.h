/* The plugin ABI: the C-compatible contract between the gopy kernel and a plugin
 * shared object. Only C types cross it; a C++ exception never does (the SDK wrapper in
 * gopy/plugin.hpp catches them at the boundary and turns them into an error).
 *
 * A plugin exports one entry symbol (named in its manifest) of type gopy_plugin_entry_fn.
 * It returns a descriptor with the ABI the plugin was built against and its callbacks. */
#ifndef GOPY_PLUGIN_ABI_H
#define GOPY_PLUGIN_ABI_H
#include "gopy/api_begin.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Kernel ABI version. A plugin loads when its major equals the kernel's and its minor
 * is at most the kernel's (the rule Qt, GStreamer and OBS use). 1.1: the context
 * accessors of gopy.h. 2.0: the object header lost its live-list links (only objects
 * the cycle collector tracks carry links, in GcObject). 2.1: the module API (gopy/module.h),
 * module plugins imported on demand, and the C-only identity "c". */
#define GOPY_ABI_MAJOR 2
#define GOPY_ABI_MINOR 1

/* What a plugin's attach/detach callback receives. The rest of the runtime (the read
 * configuration, the Environment, the path-configuration view) is read through gopy.h's
 * gopy_PluginConfig_* / gopy_PluginEnv_* / gopy_PluginPathConfig_* accessors, which take
 * this context; kernel_private is the kernel's, for them and for set_error. */
typedef struct gopy_plugin_context {
  uint32_t struct_size;  /* sizeof(gopy_plugin_context) as the kernel built it */
  const char* plugin_name;
  const char* phase;     /* "core" or "main" */
  int order;
  void* interp;          /* the gopy::Interpreter being initialized or finalized */
  /* Report why attach/detach failed; the callback then returns non-zero. */
  void (*set_error)(struct gopy_plugin_context* ctx, const char* func, const char* message);
  void* kernel_private;
} gopy_plugin_context;

/* 0 on success; non-zero after ctx->set_error(). */
typedef int (*gopy_plugin_callback)(gopy_plugin_context* ctx);

typedef struct gopy_plugin_descriptor {
  uint32_t abi_major;
  uint32_t abi_minor;
  const char* abi_identity; /* compiler + standard library identity, see GOPY_ABI_IDENTITY */
  const char* name;
  gopy_plugin_callback attach;
  gopy_plugin_callback detach;
} gopy_plugin_descriptor;

typedef const gopy_plugin_descriptor* (*gopy_plugin_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#include "gopy/api_end.h"
#endif /* GOPY_PLUGIN_ABI_H */
