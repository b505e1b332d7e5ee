#!/usr/bin/env bash
# Installs what gopy needs on Debian 12 (idempotent: does nothing when all is there).
set -euo pipefail
packages=(
  cmake ninja-build g++ ccache pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-filesystem1.81-dev
  libcli11-dev catch2 libicu-dev
  libedit-dev                   # the REPL's line editor (libgopy_lineedit.so)
  libssl-dev                    # hashlib and hmac (OpenSSL's libcrypto, the _hashlib plugin)
  clang-14 libclang-rt-14-dev   # the fuzz tree (scripts/fuzz); the runtime is only a Recommends
  valgrind hyperfine python3
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
