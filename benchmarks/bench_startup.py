"""How fast the command line starts: the median wall time of `quotes --help`, `--version`, each
command's `--help`, and a real search on a small database, next to the interpreter's own start
(`python -c pass`); and what `import quotes.cli` costs (`python -X importtime`).

    python benchmarks/bench_startup.py                 # this checkout
    python benchmarks/bench_startup.py --tree ../main  # another checkout, for before/after

The target is under 0.3 s per command on an idle machine; on a busy one compare two trees side
by side (run both in one go) rather than with a fixed figure.
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

COMMANDS = [
    ["--help"],
    ["--version"],
    ["search", "--help"],
    ["ingest", "--help"],
    ["report", "--help"],
    ["search", "Patrushev", "--limit", "1"],
]


def median_time(command: list[str], env: dict[str, str], repeat: int, cwd: Path) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(
            command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            check=False,
        )  # fmt: skip
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def import_cost(tree: Path, env: dict[str, str]) -> float:
    """Cumulative microseconds of `import quotes.cli`, as -X importtime reports it."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import quotes.cli"],
        cwd=tree, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    for line in done.stderr.splitlines():
        if line.rstrip().endswith("| quotes.cli"):
            return int(line.split("|")[1]) / 1e6
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, action="append", help="checkout(s) to measure")
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()
    trees = options.tree or [Path(__file__).resolve().parents[1]]
    with tempfile.TemporaryDirectory() as folder:
        for tree in trees:
            tree = tree.resolve()
            env = {**os.environ, "PYTHONPATH": str(tree)}
            env["QUOTES_DATABASE_URL"] = f"sqlite:///{folder}/{tree.name}.db"
            subprocess.run(
                [sys.executable, "-m", "quotes", "ingest", "seeds"],
                cwd=tree, env=env, capture_output=True, check=False,
            )  # fmt: skip
            floor = median_time([sys.executable, "-c", "pass"], env, options.repeat, tree)
            print(f"{tree}: python -c pass {floor:.3f} s; import quotes.cli "
                  f"{import_cost(tree, env):.3f} s")  # fmt: skip
            for args in COMMANDS:
                command = [sys.executable, "-m", "quotes", *args]
                took = median_time(command, env, options.repeat, tree)
                print(f"  quotes {' '.join(args):<40} {took:.3f} s")


if __name__ == "__main__":
    main()
