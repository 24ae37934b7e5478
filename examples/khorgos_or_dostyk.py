#!/usr/bin/env python3
"""A planner's question: which upgrade shortens China-Europe transit more, a wider Khorgos-Altynkol crossing or
the second Dostyk-Moyinty track? And where do trains wait in the baseline?

    PYTHONPATH=build/python python3 examples/khorgos_or_dostyk.py [-r REPLICATIONS] [--seed N]

Both variants run against one baseline run with common random numbers; the ranking's intervals are paired and
its `significant` column holds the false discovery rate at 5 % across the variants (docs/python.md).
"""
import argparse

import corridor

BASE = "scenarios/baseline-2025.yaml"
VARIANTS = ["scenarios/khorgos-expansion.yaml", "scenarios/dostyk-moyinty-double-track.yaml"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-r", "--replications", type=int, default=4)
    parser.add_argument("--seed", type=int, default=20250101)
    args = parser.parse_args()

    ranking = corridor.compare(BASE, VARIANTS, replications=args.replications, seed=args.seed,
                               rank_by="metrics.transit_days_mean")
    table = ranking.table.astype({"rank": int, "significant": int})
    print(f"Mean transit, days, over {args.replications} paired replications (lower is better):")
    print(table[["rank", "variant", "base", "value", "difference", "ci95_low", "ci95_high", "q_value",
                 "significant"]].to_string(index=False))

    base = ranking.comparisons[0].base
    waits = base.crossings.sort_values("mean_wait_h", ascending=False).head(3)
    print("\nLongest mean waits at border crossings in the baseline, hours:")
    print(waits[["element", "trains", "utilization", "mean_wait_h", "mean_wait_h_ci95"]].to_string(index=False))

    best = table.iloc[0]
    verdict = "a discovery at FDR 5 %" if best.significant == 1 else "not a discovery at FDR 5 % (q > 0.05)"
    print(f"\nBest for transit: {best.variant} ({best.difference:+.3f} days, 95 % CI "
          f"[{best.ci95_low:+.3f}, {best.ci95_high:+.3f}]; {verdict})")


if __name__ == "__main__":
    main()
