"""Time the store commands on the bundled dataset: `python bench/store.py [--runs N]`.

Each command runs as a user runs it (a fresh process), N times; prints min and median wall time and peak memory.
Not part of the test suite: timings are too noisy for CI.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def measure(command: list[str], runs: int) -> tuple[float, float, float]:
    seconds = []
    peak_kb = 0
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
        _, status, usage = os.wait4(process.pid, 0)
        seconds.append(time.perf_counter() - start)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed with exit code {process.returncode}")
        peak_kb = max(peak_kb, usage.ru_maxrss)
    return min(seconds), statistics.median(seconds), peak_kb / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    python = [sys.executable, "-m", "parlertui"]
    with tempfile.TemporaryDirectory() as folder:
        target = str(Path(folder) / "events.sqlite")
        cases = {
            "python -c pass (floor)": [sys.executable, "-c", "pass"],
            "parlertui --version": [*python, "--version"],
            "parlertui build": [*python, "build", "-o", target],
            "parlertui check": [*python, "check", target],
        }
        print(f"{'command':28} {'min':>8} {'median':>8} {'peak RSS':>10}   ({runs} runs each)")
        for name, command in cases.items():
            low, middle, peak = measure(command, runs)
            print(f"{name:28} {low * 1000:6.0f}ms {middle * 1000:6.0f}ms {peak:8.1f}MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
