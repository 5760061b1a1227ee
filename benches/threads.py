#!/usr/bin/env python3
"""Runs a command and samples how many of its threads are runnable, for the serial
phases of `benches/compare.sh`.

Usage: threads.py INTERVAL_MS CMD ARGS...  (the command's stdout goes to /dev/null)

Every INTERVAL_MS the state of each thread of the process (/proc/PID/task/*/stat) is
read; a sample counts the threads in state R (running or waiting for a core: on a
shared machine a runnable thread may be waiting, which still counts as wanting a core).
Prints one line: wall seconds, samples, and the share of samples with 0, 1 and 2 or
more runnable threads. With `-j 2`, the share with exactly one runnable thread is the
time the run spends in serial phases (reading a chunk, writing results, a chunk's
last page): the bound the issue sets is 2% of wall time. Threads in I/O wait (state D)
are counted with the runnable ones. With THREADS_TIMELINE=1, a second line gives the
share of one-runnable-thread samples in each twentieth of the run (where the serial
phases are: start, end, or throughout).
"""
import os
import subprocess
import sys
import time


def main():
    interval = float(sys.argv[1]) / 1000.0
    cmd = sys.argv[2:]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    counts = {0: 0, 1: 0, 2: 0}
    samples = 0
    timeline = []
    task_dir = f"/proc/{proc.pid}/task"
    while proc.poll() is None:
        running = 0
        try:
            for tid in os.listdir(task_dir):
                try:
                    with open(f"{task_dir}/{tid}/stat", "rb") as f:
                        stat = f.read()
                except OSError:
                    continue
                state = stat[stat.rindex(b")") + 2 : stat.rindex(b")") + 3]
                if state in (b"R", b"D"):
                    running += 1
        except OSError:
            break
        if proc.poll() is not None:
            break
        counts[min(running, 2)] += 1
        timeline.append(running == 1)
        samples += 1
        time.sleep(interval)
    wall = time.monotonic() - start
    if proc.returncode != 0:
        print(f"threads.py: the command failed with status {proc.returncode}", file=sys.stderr)
        sys.exit(1)
    n = max(samples, 1)
    print(f"{wall:.3f} {samples} {counts[0] / n:.4f} {counts[1] / n:.4f} {counts[2] / n:.4f}")
    if os.environ.get("THREADS_TIMELINE") == "1" and timeline:
        k = len(timeline)
        parts = [timeline[i * k // 20 : (i + 1) * k // 20] for i in range(20)]
        print(" ".join(f"{100 * sum(p) / max(len(p), 1):.0f}" for p in parts))


if __name__ == "__main__":
    main()
