#!/bin/sh
# Fails (exit 1, listing each hit) when a file of gopy's kernel/, plugins/ or host/ outside
# the environment module reads the process environment itself: getenv, secure_getenv,
# environ or __environ. Everything else goes through the runtime's gopy::Environment.
# Exempt: the environment module (kernel/config/environment.cpp and
# kernel/include/gopy/environment.hpp), host/sanitizer_options.cpp, which runs before
# the runtime exists, and the fault injection (kernel/object/alloc_fault.cpp's
# GOPY_FAIL_ALLOC, fs_fault.cpp's GOPY_FAIL_FS), armed when libgopy loads, before any
# Environment exists. A "environ" string literal names an attribute (posix.environ, made
# from the Environment), not the C library's. The tests are not scanned.
# Usage: no_getenv.sh <source root>
root=${1:?usage: no_getenv.sh <source root>}
cd "$root" || exit 2
dirs=
for dir in kernel plugins host; do
  [ -d "$dir" ] && dirs="$dirs $dir"
done
[ -n "$dirs" ] || { echo "no_getenv: nothing to scan under $root" >&2; exit 2; }
# shellcheck disable=SC2086
hits=$(grep -rnwE 'getenv|secure_getenv|environ|__environ' \
         --include='*.c' --include='*.cc' --include='*.cpp' --include='*.h' --include='*.hpp' \
         $dirs |
       grep -v -e '^kernel/config/environment\.cpp:' \
               -e '^kernel/include/gopy/environment\.hpp:' \
               -e '^host/sanitizer_options\.cpp:' \
               -e '^kernel/object/alloc_fault\.cpp:' \
               -e '^kernel/object/fs_fault\.cpp:' |
       grep -v -e '"environ"')
if [ -n "$hits" ]; then
  echo "no_getenv: the process environment is read outside the environment module" \
       "(use the runtime's gopy::Environment):" >&2
  echo "$hits" >&2
  exit 1
fi
echo "no_getenv: kernel/, plugins/ and host/ read the environment through gopy::Environment only"
