#!/usr/bin/env bash
# Generates N independent worlds into DIR/w1..wN, runs detect on each (one at a time) and scores it.
set -euo pipefail
dir="${1:?usage: run.sh DIR [N]}"
n="${2:-30}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mkdir -p "$dir"
for s in $(seq 1 "$n"); do
  w="$dir/w$s"
  python3 "$here/gen.py" --seed "$s" --out "$w" > /dev/null
  rm -rf "$w/d"
  "$root/tansiq" detect "$w/messages.csv" --out "$w/d" > "$w/detect.log" 2>&1 || { echo "detect failed on world $s (see $w/detect.log)" >&2; continue; }
  python3 "$here/score.py" "$w" "$w/d" > "$w/score.txt"
  head -2 "$w/score.txt" | tr '\n' ' '; echo
done
