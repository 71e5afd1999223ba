#!/usr/bin/env python3
"""Who runs and who waits for a core while the streaming benchmark runs.

Every second, per group of threads (the server's by thread name, the client's, Redis, PostgreSQL,
everything else), the CPU time they ran and the time they were runnable but waiting for a core,
from /proc/<pid>/task/<tid>/schedstat (Linux; both in ms per second). Prints only the busy seconds
(more than 1.2 cores used). Usage, while bench/streaming/run.sh runs:

    python3 bench/streaming/schedstat.py <seconds> > /tmp/schedstat.txt
"""
import collections
import os
import re
import sys
import time


def groups():
    out = collections.defaultdict(lambda: [0, 0, 0])
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            cmd = open(f'/proc/{pid}/cmdline', 'rb').read().replace(b'\0', b' ').decode()
            comm = open(f'/proc/{pid}/comm').read().strip()
            tids = os.listdir(f'/proc/{pid}/task')
        except OSError:
            continue
        if '-jar' in cmd and '.jar' in cmd:
            process = 'server'
        elif 'StreamingBench' in cmd:
            process = 'client'
        elif comm.startswith('redis'):
            process = 'redis'
        elif comm.startswith('postgres') or comm.startswith('postmaster'):
            process = 'postgres'
        else:
            process = 'other'
        for tid in tids:
            try:
                name = open(f'/proc/{pid}/task/{tid}/comm').read().strip()
                ran, waited, slices = map(int, open(f'/proc/{pid}/task/{tid}/schedstat').read().split())
            except (OSError, ValueError):
                continue
            key = process + ':' + re.sub(r'[-#]?\d+$', '', name) if process in ('server', 'client') else process
            group = out[key]
            group[0] += ran
            group[1] += waited
            group[2] += slices
    return out


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 120
    previous = groups()
    start = time.time()
    while time.time() - start < seconds:
        time.sleep(1)
        current = groups()
        delta = {k: [current[k][i] - previous.get(k, [0, 0, 0])[i] for i in range(3)] for k in current}
        previous = current
        cores = sum(v[0] for v in delta.values()) / 1e9
        if cores < 1.2:
            continue
        busiest = sorted(delta.items(), key=lambda kv: -kv[1][0])[:14]
        print(f"t={time.time() - start:.0f}s cores={cores:.2f} " + " | ".join(
            f"{k} ran={v[0] / 1e6:.0f} waited={v[1] / 1e6:.0f}" for k, v in busiest if v[0] > 20e6), flush=True)


if __name__ == '__main__':
    main()
