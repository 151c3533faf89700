#!/usr/bin/env bash
# Service throughput and latency (docs/benchmarks-service.md). Usage:
#   eng/bench-service.sh WORLD_DIR [--db CONNECTION]
# WORLD_DIR holds accounts.csv, follows.csv and reports-sorted.csv (reports in time order), e.g.
#   ./tansiq moderate world --out /tmp/bw --size million
#   (head -1 /tmp/bw/reports.csv; tail -n +2 /tmp/bw/reports.csv | sort -t, -k4,4n -s) > /tmp/bw/reports-sorted.csv
# Starts `./tansiq serve` on a fresh database (SQLite in a temporary directory unless --db), loads it from a second
# process (`./tansiq serve load`): accounts and follows (untimed), 100 reports (warm-up: the world is built), then
# BATCHED reports in requests of 5,000 and SINGLE reports one per request, printing the load client's lines and the
# server's CPU seconds for each phase.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
world="$1"; shift
batched="${BATCHED:-500000}"; single="${SINGLE:-5000}"
data="$(mktemp -d /tmp/tansiq-bench.XXXXXX)"
store=(--data "$data")
[ "${1:-}" = "--db" ] && store=(--db "$2")
key=$("$root/tansiq" serve keys add "${store[@]}" --role ingest --name bench | tail -1)
"$root/tansiq" serve "${store[@]}" --urls http://127.0.0.1:0 --detection-interval 1000000 >"$data/out" 2>"$data/err" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 240); do grep -qs listening "$data/out" && break; sleep 0.5; done
url=$(grep -o 'http://[0-9.:]*' "$data/out" | head -1)
pid=$(pgrep -P $server || echo $server)
cpu() { awk '{printf "%.2f", ($14+$15)/100}' /proc/$server/stat; }
load() { "$root/tansiq" serve load --url "$url" --key "$key" "$@"; }
echo "server $url (${store[*]}); $(uptime)"
load --accounts "$world/accounts.csv" --follows "$world/follows.csv" --reports "$world/reports-sorted.csv" --batch 100 --limit 100 >/dev/null
c0=$(cpu); echo "BATCHED: $(load --reports "$world/reports-sorted.csv" --batch 5000 --skip 100 --limit "$batched")"
c1=$(cpu); echo "  server CPU $(echo "$c1 - $c0" | bc) s; $(uptime)"
echo "SINGLE: $(load --reports "$world/reports-sorted.csv" --batch 1 --skip $((100 + batched)) --limit "$single")"
c2=$(cpu); echo "  server CPU $(echo "$c2 - $c1" | bc) s; $(uptime)"
curl -s "$url/metrics" | grep -E '^tansiq_(decision_latency|reports_stored|replays)'
