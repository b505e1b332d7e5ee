#!/bin/sh
# gopy_dynamic_list.sh OUT OBJECT...: writes the linker's dynamic list for libgopy (ld
# --dynamic-list): every exported data object of the objects, except C++ virtual tables
# and type information (_ZTV, _ZTI, _ZTS). What the list names stays interposable, as an
# executable may hold a copy-relocated version of it; everything else libgopy exports is
# bound inside libgopy at link time: its functions (as -Bsymbolic-functions would) and its
# vtables and type information, so the dynamic loader does not look them up at every start.
# A copied vtable or type info is harmless: the copy has the same contents, and type info
# compares by name.
set -e
out=$1
shift
{
  echo '{'
  readelf -sW "$@" | awk '($4 == "OBJECT" || $4 == "TLS") && $5 != "LOCAL" && $6 == "DEFAULT" &&
                          $7 != "UND" && $8 !~ /^_ZT[VIS]/ { print "  " $8 ";" }' | sort -u
  echo '};'
} >"$out.tmp"
mv "$out.tmp" "$out"
