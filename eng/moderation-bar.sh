#!/usr/bin/env bash
# Measures the moderation bar of issue 5 on simulated worlds: simulate, moderate with both policies, eval.
# Usage: eng/moderation-bar.sh WORKDIR SEED SCALE [--set NAME=VALUE]...
# Prints one line per policy: wrongful suspensions, noise left alone, abusive caught, and the confusion rows.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$1"; seed="$2"; scale="$3"; shift 3
world="$work/world"
"$root/tansiq" simulate --out "$world" --seed "$seed" --scale "$scale" "$@" >/dev/null
for policy in tansiq threshold; do
  "$root/tansiq" moderate --policy "$policy" --reports "$world/reports.csv" --accounts "$world/accounts.csv" \
    --follows "$world/follows.csv" --out "$work/$policy" >/dev/null
  out=$("$root/tansiq" eval --truth "$world/truth.json" --moderate "$work/$policy" --out "$work/$policy/eval.json")
  echo "== $policy seed=$seed scale=$scale $*"
  echo "$out" | grep -v '^wrote'
done
