"""The worst result per measure over several runs (seeds × shapes) of the benchmarks.

Not a test module. ``tools/bench-matrix.sh`` pipes the results.jsonl lines its runs
appended into ``python -m tests.benchmarks._matrix``. A measure is the benchmark and its
metric name with the numbers in it (rows, bundles) left out, so runs on data of other
sizes line up; the worst is the highest ratio to its baseline when every run has one,
else the highest value.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable


def worst(results: Iterable[dict]) -> list[dict]:
    """One summary per measure, in the order measures first appear."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for result in results:
        key = (result["benchmark"], re.sub(r"\d[\d,.]*", "#", result["metric"]))
        groups.setdefault(key, []).append(result)
    summaries = []
    for (benchmark, _metric), runs in groups.items():
        by_ratio = all(r.get("ratio") is not None for r in runs)
        field = "ratio" if by_ratio else "value"
        top = max(runs, key=lambda r: r[field])
        summaries.append({"benchmark": benchmark, "metric": top["metric"], "by": field,
                          "worst": top, "runs": runs})
    return summaries


def _label(result: dict) -> str:
    return f"seed {result.get('seed')} {result.get('shape')}"


def line(summary: dict) -> str:
    top = summary["worst"]
    if summary["by"] == "ratio":
        head = (f"{top['ratio']:.2f}x ({top['value']:.3g} {top['unit']} vs "
                f"{top['baseline_name']} {top['baseline']:.3g} {top['unit']})")
    else:
        head = f"{top['value']:.3g} {top['unit']}"
    target = "" if top.get("target") is None else f" | target {top['target']:g}"
    verdict = "" if top.get("passed") is None else (" PASS" if top["passed"] else " FAIL")
    each = ", ".join(f"{_label(r)}: " + (f"{r['ratio']:.2f}x" if summary["by"] == "ratio"
                                         else f"{r['value']:.3g}") for r in summary["runs"])
    return (f"WORST {summary['benchmark']} / {top['metric']}: {head}{target}{verdict} "
            f"at {_label(top)} [{each}]")


def main() -> int:
    results = [json.loads(text) for text in sys.stdin if text.strip()]
    if not results:
        print("no results (did every run fail before measuring?)")
        return 1
    for summary in worst(results):
        print(line(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
