#!/usr/bin/env bash
# Measures the moderation bar of issue 5 on simulated worlds: simulate, moderate with both policies, eval.
# Usage: [MESSAGES=1] eng/moderation-bar.sh WORKDIR SEED SCALE [--set NAME=VALUE]...
# MESSAGES=1 also gives moderate the messages (exposure through replies and mentions, detect's clusters; slower).
# Prints one line per policy: wrongful suspensions, noise left alone, abusive caught, and the confusion rows.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$1"; seed="$2"; scale="$3"; shift 3
world="$work/world"
extra=()
if [ "${MESSAGES:-0}" = 1 ]; then extra=(--messages "$world/messages.csv"); fi
"$root/tansiq" simulate --out "$world" --seed "$seed" --scale "$scale" "$@" >/dev/null
for policy in tansiq threshold; do
  # The threshold policy does not look at who reports: the messages would change nothing but the time taken.
  if [ "$policy" = threshold ]; then inputs=(); else inputs=("${extra[@]}"); fi
  "$root/tansiq" moderate --policy "$policy" --reports "$world/reports.csv" --accounts "$world/accounts.csv" \
    --follows "$world/follows.csv" "${inputs[@]}" --out "$work/$policy" >/dev/null
  out=$("$root/tansiq" eval --truth "$world/truth.json" --moderate "$work/$policy" --out "$work/$policy/eval.json")
  echo "== $policy seed=$seed scale=$scale messages=${MESSAGES:-0} $*"
  echo "$out" | grep -v '^wrote'
done
