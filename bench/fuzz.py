"""Fuzz `extract_page` for longer than CI does: hypothesis, or coverage-guided with atheris.

Run: python bench/fuzz.py [--examples N] [--no-corpus]
     python bench/fuzz.py --atheris [--runs N] [--no-corpus]

The default mode runs `tests/test_fuzz.py` with `PUBHARVEST_FUZZ_EXAMPLES=N` per test
(random, not derandomized) and `PUBHARVEST_FUZZ_CORPUS=1`, so that the shared corpus
pages (`../shared/corpus/pages`, when present) are mutated too. `--atheris` (needs
`pip install atheris`) runs libFuzzer over the same check (`tests/test_fuzz.py:check`),
seeded with the golden pages and the corpus pages copied into a temporary folder (never
into the repository), with pubharvest's modules instrumented for coverage. Both print
how many inputs ran; a failure prints the input that caused it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus" / "pages"


def run_hypothesis(examples: int, corpus: bool) -> int:
    """Run the fuzz tests with more (random) examples; return pytest's exit code."""
    import pytest

    os.environ["PUBHARVEST_FUZZ_EXAMPLES"] = str(examples)
    os.environ["PUBHARVEST_FUZZ_CORPUS"] = "1" if corpus else "0"
    return int(pytest.main([str(REPO / "tests" / "test_fuzz.py"), "-q", "-s",
                            "-p", "no:cacheprovider"]))


def run_atheris(runs: int, corpus: bool) -> int:
    """Fuzz the check with libFuzzer for `runs` inputs in a child; return its exit code.

    libFuzzer ends its process when done, so it runs as `fuzz.py --seeds DIR` and this
    process copies the seeds in, reads the count and removes the folder afterwards.
    """
    seeds = Path(tempfile.mkdtemp(prefix="pubharvest-fuzz-"))
    try:
        sources = sorted((REPO / "tests" / "pages").rglob("*.html"))
        if corpus and CORPUS.is_dir():
            sources += sorted(CORPUS.glob("*.html"))
        for number, path in enumerate(sources):
            shutil.copyfile(path, seeds / f"{number:05d}.html")
        child = subprocess.Popen([sys.executable, __file__, "--seeds", str(seeds), "--runs",
                                  str(runs)], stderr=subprocess.PIPE, text=True)
        ran = "unknown"
        try:
            assert child.stderr is not None
            for line in child.stderr:  # libFuzzer's progress, passed through as it comes
                sys.stderr.write(line)
                if match := re.match(r"^(?:#(\d+)\s|Done (\d+) runs)", line):
                    ran = match.group(1) or match.group(2)
            child.wait()
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        print(f"fuzz inputs: {ran} ({len(sources)} seed pages); exit {child.returncode}")
        return child.returncode
    finally:
        shutil.rmtree(seeds, ignore_errors=True)


def atheris_child(seeds: Path, runs: int) -> None:
    """Run libFuzzer over the seeds folder (it never returns)."""
    import atheris

    sys.path.insert(0, str(REPO / "tests"))
    with atheris.instrument_imports(include=["harvester", "feeds"]):
        import test_fuzz

    def one(data: bytes) -> None:
        test_fuzz.check(data, "https://www.example.org/publications/2024/05/x", None)

    atheris.Setup([sys.argv[0], f"-runs={runs}", "-max_len=2000000", "-rss_limit_mb=4096",
                   str(seeds)], one)
    atheris.Fuzz()


def main() -> int:
    """Parse the arguments and fuzz."""
    # This folder holds feeds.py (a benchmark), which would shadow the `feeds` package.
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000,
                        help="hypothesis examples per fuzz test (default 5000)")
    parser.add_argument("--atheris", action="store_true", help="coverage-guided, with atheris")
    parser.add_argument("--runs", type=int, default=20000, help="atheris inputs (default 20000)")
    parser.add_argument("--no-corpus", action="store_true",
                        help="only the golden pages, not ../shared/corpus/pages")
    parser.add_argument("--seeds", type=Path, help=argparse.SUPPRESS)  # the atheris child
    args = parser.parse_args()
    if args.seeds:
        atheris_child(args.seeds, args.runs)
    if args.atheris:
        return run_atheris(args.runs, not args.no_corpus)
    return run_hypothesis(args.examples, not args.no_corpus)


if __name__ == "__main__":
    sys.exit(main())
