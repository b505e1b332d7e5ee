// Linked into every plugin that carries its own copy of the C++ runtime
// (cmake/GopyCxxRuntime.cmake). That copy's exception support allocates an emergency pool
// (about 73 KiB) when the plugin is loaded and never frees it: a plugin unloaded by
// finalize and loaded again by the next initialization would leave one pool behind each
// time. The runtime's own release hook frees it when the plugin is unloaded; no exception
// of this copy can be in flight then.
namespace __gnu_cxx {
void __freeres() noexcept;
}

namespace {
[[gnu::destructor]] void release_private_cxx_runtime() { __gnu_cxx::__freeres(); }
}  // namespace
