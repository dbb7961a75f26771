"""Does the suite pass on a busy machine? `python bench/loaded_suite.py` (issue 17).

Starts one CPU-bound process per core (`python -c 'while 1: pass'`, as CI's neighbours may be), runs the README's
test command (`pytest`) `--runs` times in a row (default 5) while they spin, stops them, and prints each run's
outcome, wall time and the closing line of pytest. Exit code 0 only if every run passed. The busy processes are
stopped on every way out, ctrl+c included. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def spin(count: int) -> list[subprocess.Popen[bytes]]:
    return [subprocess.Popen([sys.executable, "-c", "while 1: pass"]) for _ in range(count)]


def stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        process.kill()
    for process in processes:
        process.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="how many runs of the suite (default 5)")
    parser.add_argument("--busy", type=int, default=os.cpu_count() or 1, help="busy processes (default: one a core)")
    parser.add_argument("pytest_args", nargs="*", help="passed on to pytest, after --")
    args = parser.parse_args()
    busy = spin(args.busy)
    outcomes = []
    try:
        for run in range(1, args.runs + 1):
            start = time.monotonic()
            result = subprocess.run(
                [sys.executable, "-m", "pytest", *args.pytest_args], cwd=REPO, capture_output=True, text=True
            )
            elapsed = time.monotonic() - start
            lines = [line for line in result.stdout.splitlines() if line.strip()]
            closing = lines[-1] if lines else "(no output)"
            outcomes.append(result.returncode)
            print(f"run {run}: exit {result.returncode} in {elapsed:.1f} s beside {args.busy} busy: {closing}")
            if result.returncode:
                failed = [line for line in lines if line.startswith(("FAILED", "ERROR"))]
                print("\n".join(f"    {line}" for line in failed), flush=True)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        stop(busy)
    return 0 if outcomes and not any(outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
