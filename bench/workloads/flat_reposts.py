#!/usr/bin/env python3
"""Writes N reposts with flat popularity in the coordination-network-toolkit's CSV (cnt-csv) to stdout.

Every repost picks its post uniformly among P posts and its account uniformly among A accounts, at a time up to
`--spread` seconds after the post; no post is much more popular than another, so the co-repost work is the plain
cost of reading and sweeping (no fan crowds). Deterministic for a given --seed. Used by docs/benchmarks.md:

    python3 bench/workloads/flat_reposts.py --reposts 1000000 > flat-1m.csv
"""
import argparse
import random
import sys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reposts", type=int, default=1_000_000)
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--accounts", type=int, default=5_000)
    parser.add_argument("--spread", type=int, default=3_600, help="seconds after a post within which it is reposted")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    start = 1_600_000_000
    period = 30 * 86_400
    post_time = [start + rng.randrange(period) for _ in range(args.posts)]
    rows = []
    for i in range(args.reposts):
        post = rng.randrange(args.posts)
        rows.append((post_time[post] + rng.randrange(args.spread), rng.randrange(args.accounts), post))
    rows.sort()
    out = sys.stdout
    out.write("message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n")
    base = 10_000_000
    for i, (time, account, post) in enumerate(rows):
        out.write(f"{base + args.posts + i},{1000 + account},,{base + post},,,{time},\n")


if __name__ == "__main__":
    main()
