#!/usr/bin/env python3
"""Reference values for src/analyze/stats.ts from an independent implementation (scipy).

Writes __tests__/fixtures/stats-reference.json, which __tests__/stats.test.ts reads; the tests do not
need Python. Regenerate after changing the cases below:

    python3 scripts/reference-stats.py        # needs numpy and scipy (written with scipy 1.17)

Every chi-square tail is cross-checked against mpmath at 50 digits when mpmath is installed, and
its log is taken from mpmath so that tails below the double range still have a reference.
The JSON is pretty-printed with prettier afterwards when npx is available (the repository's lint
runs `prettier --check .`).
"""

import json
import math
import pathlib
import shutil
import subprocess

import numpy as np
import scipy
from scipy import stats
from scipy.spatial.distance import jensenshannon
from scipy.special import gammaln
from scipy.stats.contingency import association

try:
    import mpmath

    mpmath.mp.dps = 50
except ImportError:  # the cross-check is optional, scipy alone is the reference
    mpmath = None

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "__tests__" / "fixtures" / "stats-reference.json"

rng = np.random.default_rng(101)

# Split x class tables of segment counts (two rows: JS, L-infinity, chi-square and Cramer's V).
TWO_ROW_TABLES = {
    "2x2": [[30, 70], [45, 55]],
    "2x3": [[120, 80, 40], [30, 25, 5]],
    # UCF101-like: 101 classes, ~70-120 training and ~25-50 test videos per class.
    "2x101 ucf101-like": [
        rng.integers(70, 121, size=101).tolist(),
        rng.integers(25, 51, size=101).tolist(),
    ],
    # A class absent from both splits (dropped) and classes absent from one split (kept).
    "2x6 zero columns": [[10, 0, 5, 0, 20, 0], [8, 0, 0, 3, 15, 0]],
    # Test split heavily shifted: p around 1e-200 and below, must not collapse to 0.
    "2x3 shifted": [[950, 350, 200], [200, 350, 950]],
    "2x5 shifted": [[1000, 600, 400, 300, 200], [150, 250, 400, 700, 1100]],
    # So shifted that p underflows the double range (scipy and the TypeScript code both give 0).
    "2x3 underflow": [[5000, 10, 3000], [10, 5000, 2000]],
    # Nearly identical large splits: tiny distances need full relative precision.
    "2x3 near-identical": [[100000, 200000, 300000], [100001, 199999, 300000]],
    "2x4 disjoint": [[5, 7, 0, 0], [0, 0, 3, 9]],
    # Unnormalized, non-integer shares (the distance functions normalize internally).
    "2x3 shares": [[0.2, 0.3, 0.5], [0.5, 0.3, 0.2]],
}

# Attribute x label tables for Cramer's V (chi-square too).
MULTI_ROW_TABLES = {
    "5x4 camera x label": [
        [40, 12, 9, 30],
        [11, 38, 14, 10],
        [8, 10, 42, 12],
        [25, 20, 18, 22],
        [5, 6, 7, 50],
    ],
    # A zero row and a zero column, dropped before the test (min(r, c) becomes 4 - 1 = 3 columns).
    "5x4 with zero row and column": [
        [20, 0, 5, 5],
        [0, 0, 0, 0],
        [3, 0, 25, 4],
        [6, 0, 2, 30],
        [10, 0, 10, 10],
    ],
    # A near-perfect give-away: the attribute almost determines the label.
    "4x4 confounded": [
        [97, 1, 1, 1],
        [2, 95, 2, 1],
        [0, 1, 99, 0],
        [1, 1, 0, 98],
    ],
    "3x6 weak": [
        [10, 12, 11, 9, 13, 10],
        [11, 10, 12, 10, 9, 12],
        [12, 9, 10, 13, 11, 10],
    ],
}

# (x, df) points for the chi-square upper tail, including the extremes the gate can produce.
SURVIVAL_POINTS = [
    (1e4, 3),
    (5000, 999),
    (0.001, 1),
    (50, 100),
    (0, 5),
    (1, 1),
    (3.841458820694124, 1),
    (30, 1),
    (100, 10),
    (10, 4.5),
    (1200, 3),
    (1400, 2),
    (1440, 2),
    (1500, 50),
    (2000, 999),
    (999, 999),
    (900, 999),
    (1e5, 1e5),
    (1.02e5, 1e5),
    (1e5, 3),
]

LOG_GAMMA_POINTS = [1e-3, 0.5, 1, 1.5, 2, 2.5, 10, 100.5, 499.5, 5e4, 1e6]


def reduced(table):
    """Drop all-zero rows and columns, as the TypeScript code does (integer counts only)."""
    t = np.asarray(table, dtype=np.int64)
    t = t[t.sum(axis=1) > 0]
    return t[:, t.sum(axis=0) > 0]


def log_survival(x, df):
    """ln P(X >= x) for X ~ chi2(df), finite even when the tail underflows a double."""
    if mpmath is not None:
        q = mpmath.gammainc(mpmath.mpf(df) / 2, mpmath.mpf(x) / 2, mpmath.inf, regularized=True)
        return float(mpmath.log(q))
    value = float(stats.chi2.logsf(x, df))
    return value if math.isfinite(value) else None  # JSON has no -Infinity


def survival(x, df):
    p = float(stats.chi2.sf(x, df))
    if mpmath is not None:
        log_exact = log_survival(x, df)
        exact = math.exp(log_exact) if log_exact > -745 else 0.0
        if exact > 1e-300:
            assert abs(p - exact) <= 1e-10 * exact, (x, df, p, exact)
    return p


def chi_square(table):
    t = reduced(table)
    if t.shape[0] < 2 or t.shape[1] < 2:
        return {"statistic": 0.0, "degreesOfFreedom": 0, "pValue": 1.0, "logPValue": 0.0}
    res = stats.chi2_contingency(t, correction=False)
    statistic, dof = float(res.statistic), int(res.dof)
    # chi2_contingency's p comes from chi2.sf already; recompute to be explicit about tiny tails.
    p = survival(statistic, dof)
    assert p == float(res.pvalue) or abs(p - res.pvalue) <= 1e-12 * p
    return {
        "statistic": statistic,
        "degreesOfFreedom": dof,
        "pValue": p,
        "logPValue": log_survival(statistic, dof),
    }


def cramers_v(table):
    t = reduced(table)
    if min(t.shape) < 2:
        return 0.0
    return float(association(t, method="cramer", correction=False))


def js_distance_exact(p, q):
    tp, tq = mpmath.fsum(p), mpmath.fsum(q)
    total = mpmath.mpf(0)
    for a, b in zip(p, q):
        a, b = mpmath.mpf(a) / tp, mpmath.mpf(b) / tq
        m = (a + b) / 2
        if a > 0:
            total += a * mpmath.log(a / m, 2) / 2
        if b > 0:
            total += b * mpmath.log(b / m, 2) / 2
    return float(mpmath.sqrt(total))


def two_row_case(name, table):
    p, q = np.asarray(table[0], dtype=float), np.asarray(table[1], dtype=float)
    case = {
        "name": name,
        "table": table,
        "jsDistance": float(jensenshannon(p, q, base=2)),
        "lInfinity": float(np.max(np.abs(p / p.sum() - q / q.sum()))),
    }
    if mpmath is not None:
        # 50-digit value: scipy's direct formula loses digits for nearly identical distributions.
        case["jsDistanceExact"] = js_distance_exact(table[0], table[1])
    if all(float(v).is_integer() for row in table for v in row):  # tests need counts
        case.update(chi_square(table), cramersV=cramers_v(table))
    return case


def multi_row_case(name, table):
    return {"name": name, "table": table, **chi_square(table), "cramersV": cramers_v(table)}


def main():
    reference = {
        "generator": "scripts/reference-stats.py",
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "mpmath": mpmath.__version__ if mpmath is not None else None,
        "twoRowTables": [two_row_case(n, t) for n, t in TWO_ROW_TABLES.items()],
        "multiRowTables": [multi_row_case(n, t) for n, t in MULTI_ROW_TABLES.items()],
        "chiSquareSurvival": [
            {"x": x, "df": df, "p": survival(x, df), "logP": log_survival(x, df)}
            for x, df in SURVIVAL_POINTS
        ],
        "logGamma": [{"x": x, "value": float(gammaln(x))} for x in LOG_GAMMA_POINTS],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(reference, indent=2) + "\n")
    if shutil.which("npx"):
        subprocess.run(["npx", "prettier", "--write", str(OUT)], cwd=ROOT, check=False)
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
