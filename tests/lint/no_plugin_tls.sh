#!/bin/sh
# Fails (exit 1, listing each hit) when a plugin's source declares thread-local storage
# (thread_local, __thread). Finalize unloads plugins, and a library's dynamic TLS block
# left behind by dlclose is what LeakSanitizer's exit-time tracer crashes on (it reads
# every thread's TLS vector); per-thread state belongs in libgopy, which stays loaded
# (eval/stack_bounds.hpp). Usage: no_plugin_tls.sh <source root>
root=${1:?usage: no_plugin_tls.sh <source root>}
cd "$root" || exit 2
[ -d plugins ] || { echo "no_plugin_tls: no plugins/ under $root" >&2; exit 2; }
hits=$(grep -rnwE 'thread_local|__thread' \
         --include='*.c' --include='*.cc' --include='*.cpp' --include='*.h' --include='*.hpp' \
         plugins | grep -vE '^[^:]+:[0-9]+: *//')
if [ -n "$hits" ]; then
  echo "no_plugin_tls: a plugin declares thread-local storage (keep it in libgopy):" >&2
  echo "$hits" >&2
  exit 1
fi
echo "no_plugin_tls: no plugin declares thread-local storage"
