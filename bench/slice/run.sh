#!/usr/bin/env bash
# The language-slice benchmark: CPU-bound programs run under gopy and under Debian's
# /usr/bin/python3; prints each wall-time ratio gopy/python3 (median of N runs).
# Usage: bench/slice/run.sh [GOPY_BINARY] [RUNS]   (default build/bin/gopy, 5 runs)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
gopy="${1:-$here/../../build/bin/gopy}"
runs="${2:-5}"
python=/usr/bin/python3
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wall() {  # wall seconds of one run
  local start end
  start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
printf '%-10s %10s %10s %8s\n' program gopy_s python_s ratio
for prog in fib loops strings dicts methods; do
  g=$(for _ in $(seq "$runs"); do wall "$gopy" -S "$here/$prog.py"; done | median)
  p=$(for _ in $(seq "$runs"); do wall "$python" -S "$here/$prog.py"; done | median)
  printf '%-10s %10.3f %10.3f %8.2f\n' "$prog" "$g" "$p" "$(echo "$g / $p" | bc -l)"
done
