// The C++ side of the plugin SDK: what a plugin author includes.
//
//   #include "gopy/plugin.hpp"
//   static gopy::Status attach(gopy_plugin_context& ctx) { ...; return gopy::Status::ok(); }
//   static gopy::Status detach(gopy_plugin_context& ctx) { ...; return gopy::Status::ok(); }
//   GOPY_PLUGIN(gopy_plugin_example, "example", attach, detach)
//
// GOPY_PLUGIN defines the entry symbol named in the manifest. It returns a descriptor that
// embeds the ABI this plugin was compiled against (checked by the kernel before it calls
// into the plugin) and wraps both callbacks so that an error Status, or any C++ exception
// escaping them, becomes an error reported through ctx.set_error: nothing but C types
// crosses the shared-object boundary.
#pragma once
#include "gopy/api_begin.h"

#include <exception>
#include <string>
#include <version>  // defines the standard library's identity macros

#include "gopy/plugin_abi.h"
#include "gopy/status.hpp"

// The compiler and standard-library identity that is part of the ABI tag. C++ objects
// cross the boundary by pointer (the interpreter, its objects), so plugin and kernel must
// agree on the compiler, the standard library and the language standard.
#define GOPY_ABI_STR2_(x) #x
#define GOPY_ABI_STR_(x) GOPY_ABI_STR2_(x)

#if defined(__clang__)
#define GOPY_ABI_COMPILER_ "clang-" GOPY_ABI_STR_(__clang_major__) "." GOPY_ABI_STR_(__clang_minor__)
#elif defined(__GNUC__)
#define GOPY_ABI_COMPILER_ "gcc-" GOPY_ABI_STR_(__GNUC__) "." GOPY_ABI_STR_(__GNUC_MINOR__)
#elif defined(_MSC_VER)
#define GOPY_ABI_COMPILER_ "msvc-" GOPY_ABI_STR_(_MSC_VER)
#else
#define GOPY_ABI_COMPILER_ "unknown-compiler"
#endif

#if defined(_GLIBCXX_RELEASE)
#define GOPY_ABI_STDLIB_ "libstdc++-" GOPY_ABI_STR_(_GLIBCXX_RELEASE)
#elif defined(_LIBCPP_VERSION)
#define GOPY_ABI_STDLIB_ "libc++-" GOPY_ABI_STR_(_LIBCPP_VERSION)
#elif defined(_MSVC_STL_VERSION)
#define GOPY_ABI_STDLIB_ "msvcstl-" GOPY_ABI_STR_(_MSVC_STL_VERSION)
#else
#define GOPY_ABI_STDLIB_ "unknown-stdlib"
#endif

#if __cplusplus > 202002L
#define GOPY_ABI_STANDARD_ "c++2b"
#elif __cplusplus == 202002L
#define GOPY_ABI_STANDARD_ "c++20"
#else
#define GOPY_ABI_STANDARD_ "c++" GOPY_ABI_STR_(__cplusplus)
#endif

// e.g. "gcc-12.2/libstdc++-12/c++20"
#define GOPY_ABI_IDENTITY GOPY_ABI_COMPILER_ "/" GOPY_ABI_STDLIB_ "/" GOPY_ABI_STANDARD_

#if defined(_WIN32)
#define GOPY_PLUGIN_EXPORT __declspec(dllexport)
#else
#define GOPY_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

namespace gopy::sdk {

// A plugin callback written in C++: returns a Status, may throw.
using Callback = Status (*)(gopy_plugin_context& ctx);

inline void report(gopy_plugin_context* ctx, const char* func, const std::string& message) {
  if (ctx != nullptr && ctx->set_error != nullptr) ctx->set_error(ctx, func, message.c_str());
}

// The C-callable wrapper around a C++ callback: the boundary where exceptions stop.
template <Callback Fn>
int boundary(gopy_plugin_context* ctx) noexcept {
  try {
    Status status = Fn(*ctx);
    if (!status.is_exception()) return 0;
    std::string message = status.message();
    if (status.is_exit()) message = "requested exit " + std::to_string(status.exit_code());
    report(ctx, status.func().c_str(), message);
    return 1;
  } catch (const std::exception& e) {
    report(ctx, ctx != nullptr ? ctx->plugin_name : "plugin",
           std::string("uncaught C++ exception: ") + e.what());
  } catch (...) {
    report(ctx, ctx != nullptr ? ctx->plugin_name : "plugin", "uncaught C++ exception");
  }
  return 1;
}

}  // namespace gopy::sdk

// Defines `extern "C" const gopy_plugin_descriptor* ENTRY(void)`, the symbol the manifest's
// "entry" names. NAME is the plugin's name as in its manifest.
#define GOPY_PLUGIN(ENTRY, NAME, ATTACH, DETACH)                                          \
  extern "C" GOPY_PLUGIN_EXPORT const gopy_plugin_descriptor* ENTRY(void) {               \
    static const gopy_plugin_descriptor descriptor = {                                    \
        GOPY_ABI_MAJOR, GOPY_ABI_MINOR, GOPY_ABI_IDENTITY, NAME,                          \
        &::gopy::sdk::boundary<ATTACH>, &::gopy::sdk::boundary<DETACH>};                  \
    return &descriptor;                                                                   \
  }
#include "gopy/api_end.h"
