#!/usr/bin/env python3
"""CPU and context switches of each process's threads, grouped by thread name, over a window.

Usage: scripts/thread-cpu.py SECONDS name=pid [name=pid ...]
Reads /proc/<pid>/task/<tid>/stat (utime + stime, in USER_HZ ticks of 10 ms) and .../status
(voluntary and nonvoluntary context switches) at the start and the end of the window; a thread
that ends meanwhile is left out. Names lose their trailing numbers, so a pool is one line.
"""
import collections
import os
import re
import sys
import time


def snapshot(pid):
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
            with open(f"/proc/{pid}/task/{tid}/status") as f:
                status = f.read()
        except OSError:
            continue
        # The name is in parentheses and may hold spaces: the fields start after the last ')'.
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        ticks = int(fields[11]) + int(fields[12])
        voluntary = int(re.search(r"^voluntary_ctxt_switches:\s+(\d+)", status, re.M).group(1))
        preempted = int(re.search(r"^nonvoluntary_ctxt_switches:\s+(\d+)", status, re.M).group(1))
        threads[tid] = (name, ticks, voluntary, preempted)
    return threads


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    seconds = float(sys.argv[1])
    processes = [arg.split("=", 1) for arg in sys.argv[2:]]
    before = {name: snapshot(pid) for name, pid in processes}
    time.sleep(seconds)
    for name, pid in processes:
        groups = collections.defaultdict(lambda: [0, 0, 0, 0])
        for tid, (thread, ticks, voluntary, preempted) in snapshot(pid).items():
            _, ticks0, voluntary0, preempted0 = before[name].get(tid, (thread, 0, 0, 0))
            group = groups[re.sub(r"[-#\s]*\d+$", "", thread)]
            group[0] += ticks - ticks0
            group[1] += voluntary - voluntary0
            group[2] += preempted - preempted0
            group[3] += 1
        total = sum(group[0] for group in groups.values())
        print(f"== {name}: {total * 10 / seconds:.0f} ms/s CPU")
        for thread, (ticks, voluntary, preempted, count) in sorted(groups.items(), key=lambda g: -g[1][0])[:8]:
            print(f"   {ticks * 10 / seconds:6.0f} ms/s  voluntary {voluntary / seconds:7.0f}/s  "
                  f"preempted {preempted / seconds:6.0f}/s  x{count}  {thread}")


if __name__ == "__main__":
    main()
