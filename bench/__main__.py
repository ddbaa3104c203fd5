"""`python -m bench` (or `make bench`): run every benchmark module and print their tables.

A benchmark module is any module in bench/ with a `main()` that prints a markdown table; each
runs in its own process, so one that fails does not stop the others. `python -m bench weight
load` runs only those.
"""

import ast
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST = ["weight", "load", "instructions", "lighthouse"]


def modules() -> list[str]:
    """The modules that define a top-level main(), the usual ones first."""
    found = [
        path.stem
        for path in sorted(HERE.glob("*.py"))
        if not path.stem.startswith("_")
        and any(
            isinstance(node, ast.FunctionDef) and node.name == "main"
            for node in ast.parse(path.read_text(encoding="utf-8")).body
        )
    ]
    return sorted(
        found, key=lambda name: (FIRST.index(name) if name in FIRST else len(FIRST), name)
    )


def main(names: list[str]) -> int:
    summary = []
    for name in names or modules():
        started = time.monotonic()
        print(f"\n<!-- bench.{name} -->", flush=True)
        result = subprocess.run([sys.executable, "-m", f"bench.{name}"], cwd=HERE.parent)  # noqa: S603
        summary.append((name, time.monotonic() - started, result.returncode))
    print("\n## Benchmarks run\n\n| module | seconds | result |\n| --- | ---: | --- |")
    for name, seconds, code in summary:
        print(f"| bench.{name} | {seconds:.0f} | {'ok' if code == 0 else f'failed ({code})'} |")
    return 1 if any(code for _n, _s, code in summary) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
