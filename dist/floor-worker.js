import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 865:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e3: () => (/* binding */ jobFloor)
});

// UNUSED EXPORTS: floorJobDraws, floorJobKey, jsPermutationFloor

;// CONCATENATED MODULE: ./src/analyze/stats/vectors.ts
/**
 * Numerical building blocks for comparing label distributions (spec: README.md, "Metric formulas").
 *
 * Pure and dependency-free on purpose: the gate runs on every pull request, so the numbers must be
 * reproducible bit for bit on any runner, and they are checked against an independent implementation
 * (scipy, see scripts/reference-stats.py and __tests__/fixtures/stats-reference.json).
 *
 * Conventions shared by every module of this folder:
 * - Distributions are given as counts or shares over the same classes (same index = same class) and
 *   are normalized internally, so `[2, 6]` and `[0.25, 0.75]` mean the same thing.
 * - Inputs must be finite and non-negative; anything else is a programming error (RangeError).
 * - A distribution with total 0 has no shares, so distances involving one are NaN (a comparison
 *   with NaN is false, so a rule gated on them cannot fire by accident). Callers should skip them.
 *
 * This module holds the input checks those conventions need.
 */
const isFiniteNumber = Number.isFinite;
/** Sum of a count/share vector, rejecting values that cannot be counts. */
function vectors_totalOf(values, name) {
    let total = 0;
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (!isFiniteNumber(v) || v < 0) {
            throw new RangeError(`${name}[${i}] must be a finite non-negative number, got ${v}`);
        }
        total += v;
    }
    return total;
}
/** The common length of two distributions over the same classes; a RangeError when they differ. */
function vectors_sameLength(p, q) {
    if (p.length !== q.length) {
        throw new RangeError(`distributions must have the same classes: ${p.length} vs ${q.length}`);
    }
    return p.length;
}

;// CONCATENATED MODULE: ./src/analyze/stats/divergence.ts
/**
 * Distances between two label distributions: the Jensen-Shannon divergence and distance, and the
 * L-infinity distance of the shares (conventions: see vectors.ts).
 */

// Bound once for the hot loops; see sampling.ts for why this matters under Jest.
const { abs, log1p, max, min, sqrt, LN2 } = Math;
/**
 * g(r) = (1+r) ln(1+r) + (1-r) ln(1-r) for r in [-1, 1].
 *
 * One class contributes s * g(r) / 4 nats to the JS divergence, where s = p_i + q_i and
 * r = (p_i - q_i) / s. Written this way the first-order terms of p ln(p/m) and q ln(q/m) cancel
 * analytically instead of numerically: for nearly equal shares the naive sum loses all digits, here
 * the Taylor series sum_{k>=1} r^(2k) / (k (2k-1)) keeps full relative accuracy, so identical
 * distributions give exactly 0 and tiny differences are not buried under rounding noise.
 */
function symmetricEntropyGap(r) {
    const a = abs(r);
    if (a < 0.5) {
        const r2 = r * r;
        let power = r2;
        let sum = 0;
        // r2 <= 1/4, so the terms shrink at least 4x each step: <= 27 iterations for full precision.
        for (let k = 1; k < 60; k++) {
            const term = power / (k * (2 * k - 1));
            sum += term;
            if (term <= sum * 1e-17)
                break;
            power *= r2;
        }
        return sum;
    }
    // 0 * ln 0 = 0: at r = +-1 one of the classes is absent from one side.
    const plus = (1 + a) * log1p(a);
    const minus = a === 1 ? 0 : (1 - a) * log1p(-a);
    return plus + minus;
}
/**
 * Jensen-Shannon divergence with log base 2: JSD = 1/2 KL(p||m) + 1/2 KL(q||m), m = (p+q)/2.
 * In [0, 1]; 0 for identical distributions, 1 for disjoint supports. No smoothing: m > 0 wherever
 * p or q is, and classes absent from both sides contribute nothing. NaN when either side is empty.
 */
function jsDivergence(p, q) {
    const k = sameLength(p, q);
    const totalP = totalOf(p, 'p');
    const totalQ = totalOf(q, 'q');
    if (totalP === 0 || totalQ === 0)
        return NaN;
    let nats4 = 0; // 4 x divergence in nats
    for (let i = 0; i < k; i++) {
        const pi = p[i];
        const qi = q[i];
        if (pi === 0 && qi === 0)
            continue;
        nats4 += classNats4(pi, qi, totalP, totalQ);
    }
    return divergenceOfNats4(nats4);
}
/**
 * One class's term of `jsDivergence`'s sum (4 x its contribution in nats), for counts or shares
 * `pi` and `qi` (not both 0) of sides totalling `totalP` and `totalQ`.
 */
function classNats4(pi, qi, totalP, totalQ) {
    // Cross-multiplied so integer counts give r without normalization rounding.
    const crossP = pi * totalQ;
    const crossQ = qi * totalP;
    const r = (crossP - crossQ) / (crossP + crossQ);
    return (pi / totalP + qi / totalQ) * symmetricEntropyGap(r);
}
/** The divergence in bits, clamped to [0, 1], from the sum of the classes' `classNats4`. */
function divergenceOfNats4(nats4) {
    const bits = nats4 / (4 * LN2);
    return min(1, max(0, bits));
}
/**
 * Jensen-Shannon distance sqrt(JSD), log base 2, in [0, 1] (a metric, unlike the divergence).
 * Equals scipy.spatial.distance.jensenshannon(p, q, base=2). NaN when either side is empty.
 */
function jsDistance(p, q) {
    return sqrt(jsDivergence(p, q));
}
/**
 * L-infinity distance max_i |p_i - q_i| of the normalized shares, as a fraction in [0, 1]
 * (the "largest per-class share difference"). NaN when either side is empty.
 */
function lInfinity(p, q) {
    const k = sameLength(p, q);
    const totalP = totalOf(p, 'p');
    const totalQ = totalOf(q, 'q');
    if (totalP === 0 || totalQ === 0)
        return NaN;
    let max = 0;
    for (let i = 0; i < k; i++) {
        const diff = Math.abs(p[i] / totalP - q[i] / totalQ);
        if (diff > max)
            max = diff;
    }
    return max;
}

;// CONCATENATED MODULE: ./src/analyze/stats/special.ts
/**
 * Special functions: ln Gamma, the chi-square upper tail (through the regularized incomplete gamma
 * function, kept in log space) and ln k! for the samplers. Checked against scipy (see vectors.ts).
 */
// Bound once for the loop that fills the log-factorial table; see sampling.ts.
const { log } = Math;
/**
 * Lanczos coefficients (g = 671/128, 14 terms) from Numerical Recipes, 3rd ed., `gammln`, written
 * as the shortest literals of the same doubles: relative error below ~1e-15 for all x > 0.
 */
const LANCZOS = (/* unused pure expression or super */ null && ([
    57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202,
    0.00003399464998481189, 0.00004652362892704858, -0.00009837447530487956, 0.0001580887032249125,
    -0.00021026444172410488, 0.00021743961811521265, -0.0001643181065367639, 0.00008441822398385275,
    -0.000026190838401581408, 0.0000036899182659531625
]));
const SQRT_2PI = 2.5066282746310007;
/** ln Gamma(x) for x > 0 (NaN otherwise). */
function logGamma(x) {
    if (!(x > 0))
        return NaN;
    if (x === Infinity)
        return Infinity;
    let y = x;
    const t = x + 5.2421875;
    const lead = (x + 0.5) * Math.log(t) - t;
    let series = 0.9999999999999971;
    for (const c of LANCZOS)
        series += c / ++y;
    return lead + Math.log((SQRT_2PI * series) / x);
}
const EPSILON = Number.EPSILON;
/** Guards the Lentz recurrences against division by zero. */
const TINY = 1e-300;
/** Both expansions converge in O(sqrt(a)) steps; this is far beyond any df the gate produces. */
const MAX_ITERATIONS = 1_000_000;
/**
 * ln Q(a, x), the log of the regularized upper incomplete gamma function Gamma(a, x) / Gamma(a).
 *
 * Everything is kept in log space until the very end, so a tail of 1e-250 (a heavily shifted split
 * with thousands of segments) is returned with full relative precision instead of as 0, and the
 * log itself stays finite long after exp() would underflow.
 * Method (Numerical Recipes 6.2): for x < a + 1 the power series of P = 1 - Q converges fast and
 * Q is not small there (Q >= 0.08 for a >= 1/2, i.e. df >= 1), so Q = 1 - P loses nothing;
 * otherwise the continued fraction for Q itself, evaluated with the modified Lentz algorithm.
 */
function logRegularizedGammaQ(a, x) {
    if (Number.isNaN(a) || Number.isNaN(x) || !(a > 0))
        return NaN;
    if (x <= 0)
        return 0;
    if (x === Infinity)
        return -Infinity;
    if (x < a + 1) {
        // P(a, x) = x^a e^-x / Gamma(a + 1) * sum_n x^n / ((a+1)...(a+n))
        let term = 1;
        let sum = 1;
        let ap = a;
        for (let n = 0; n < MAX_ITERATIONS; n++) {
            ap += 1;
            term *= x / ap;
            sum += term;
            if (term < sum * EPSILON)
                break;
        }
        const logP = a * Math.log(x) - x - logGamma(a + 1) + Math.log(sum);
        return Math.log1p(-Math.exp(logP));
    }
    // Q(a, x) = x^a e^-x / Gamma(a) * 1 / (x + 1 - a - 1(1 - a) / (x + 3 - a - 2(2 - a) / (x + 5 - a ...)))
    let b = x + 1 - a;
    let c = 1 / TINY;
    let d = 1 / b;
    let h = d;
    for (let i = 1; i < MAX_ITERATIONS; i++) {
        const an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (Math.abs(d) < TINY)
            d = TINY;
        c = b + an / c;
        if (Math.abs(c) < TINY)
            c = TINY;
        d = 1 / d;
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) <= EPSILON)
            break;
    }
    return a * Math.log(x) - x - logGamma(a) + Math.log(h);
}
/**
 * ln P(X >= x) for X ~ chi-square(df): ln Q(df/2, x/2). Finite even when the tail underflows a double.
 * df = 0 is the point mass at 0 (0 for x <= 0, -Infinity above).
 */
function logChiSquareSurvival(x, df) {
    if (Number.isNaN(x) || Number.isNaN(df) || df < 0)
        return NaN;
    if (df === 0)
        return x <= 0 ? 0 : -Infinity;
    return logRegularizedGammaQ(df / 2, x / 2);
}
/**
 * Chi-square upper tail P(X >= x) = Q(df/2, x/2), the p-value of a chi-square test.
 * Relative error ~1e-13 for df up to ~1000 (~1e-10 at df = 1e5, from ln Gamma of a large argument)
 * all the way down to ~1e-308: a p of 1e-250 keeps its digits. Below that the result is a
 * subnormal with fewer digits, and 0 only when the true value is below ~5e-324 (scipy already
 * returns 0 under ~1e-308; use `logChiSquareSurvival` to compare such tails). Matches
 * scipy.stats.chi2.sf.
 */
function chiSquareSurvival(x, df) {
    return Math.exp(logChiSquareSurvival(x, df));
}
/**
 * Stirling-series tail fc(k) = ln k! - [(k + 1/2) ln(k + 1) - (k + 1) + ln sqrt(2 pi)]:
 * a table for small k, the asymptotic series above. Also used by the binomial sampler of the tests.
 */
const STIRLING_TAIL = [
    0.08106146679532733, 0.04134069595540946, 0.02767792568499805, 0.020790672103765395,
    0.016644691189822147, 0.013876128823071987, 0.011896709945892425, 0.010411265261973668,
    0.009255462182711227, 0.008330563433361249
];
function stirlingTail(k) {
    if (k < 10)
        return STIRLING_TAIL[k];
    // 1/(12z) - 1/(360z^3) + 1/(1260z^5) - 1/(1680z^7), z = k + 1: error < 4e-13 from k = 10 on.
    const z = k + 1;
    const z2 = z * z;
    return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / 1680 / z2) / z2) / z2) / z;
}
/** ln k! for 0 <= k < LOG_FACTORIAL_CACHE, filled from `logFactorialStirling` on first use. */
const LOG_FACTORIAL_CACHE = 1024;
let logFactorialTable;
/** 1/2 ln(2 pi). */
const HALF_LOG_2PI = 0.9189385332046728;
/**
 * ln k! = (k + 1/2) ln(k + 1) - (k + 1) + ln sqrt(2 pi) + fc(k): series error < 4e-13, plus the
 * rounding of a double (~1e-16 relative, so ~2e-6 absolute at k = 1e9: it blurs the acceptance
 * boundary of `hypergeometricHrua`'s log test in sampling.ts by that much, far below anything measurable).
 */
function logFactorialStirling(k) {
    return (k + 0.5) * log(k + 1) - (k + 1) + HALF_LOG_2PI + stirlingTail(k);
}
/** ln k! for an integer k >= 0: a table lookup below 1024, one log above. */
function logFactorial(k) {
    if (k < LOG_FACTORIAL_CACHE) {
        if (logFactorialTable === undefined) {
            logFactorialTable = new Float64Array(LOG_FACTORIAL_CACHE);
            for (let i = 0; i < LOG_FACTORIAL_CACHE; i++)
                logFactorialTable[i] = logFactorialStirling(i);
        }
        return logFactorialTable[k];
    }
    return logFactorialStirling(k);
}

;// CONCATENATED MODULE: ./src/analyze/stats/sampling.ts
/**
 * Random variates for the permutation floor: a seeded PRNG and an exact, O(1) hypergeometric
 * sampler (the draws behind a random re-split of two splits' pooled counts).
 */

// Math functions of the hot loops (the distances and the samplers behind the noise floor), bound
// once. Plain Node optimizes `Math.log` and a module-level binding alike, but inside Jest's vm
// context every global lookup (`Math`, `Number`, `Infinity`) goes through an interceptor and costs
// ~30x a multiplication, which made the Monte Carlo tests crawl.
const { exp, floor, imul, log: sampling_log, max: sampling_max, min: sampling_min, sqrt: sampling_sqrt } = Math;
const POSITIVE_INFINITY = Number.POSITIVE_INFINITY;
/**
 * mulberry32: a tiny, fast 32-bit PRNG, good enough for Monte Carlo quantiles and fully reproducible
 * from its seed. Returns uniforms strictly inside (0, 1), so log(u) is always finite.
 */
function mulberry32(seed) {
    // Kept in an Int32Array so V8 does not box a fresh heap number for the state on every call.
    const state = new Int32Array([seed | 0]);
    return () => {
        const t0 = (state[0] + 0x6d2b79f5) | 0;
        state[0] = t0;
        let t = t0;
        t = imul(t ^ (t >>> 15), t | 1);
        t ^= t + imul(t ^ (t >>> 7), t | 61);
        return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
    };
}
/**
 * Hypergeometric draw with small mean (< 10) in the reduced form `good <= total / 2`,
 * `sample <= total / 2` (so the support starts at 0): inversion, walking the pmf up from 0 with
 * P(x+1) = P(x) (good - x)(sample - x) / ((x + 1)(total - good - sample + x + 1)). Exact; about
 * mean + 1 steps. P(0) = C(total - good, sample) / C(total, sample) > 1e-11 here, computed as a
 * product when short and from log-factorials otherwise. As in numpy's binomial inversion, a walk
 * that rounding pushes past mean + 10 sd (probability < 1e-13) restarts.
 */
function hypergeometricByInversion(good, sample, total, random) {
    const shorter = sampling_min(good, sample);
    const longer = sampling_max(good, sample);
    let p0;
    if (shorter <= 16) {
        // P(0) = prod_{j < shorter} (total - longer - j) / (total - j)
        p0 = 1;
        for (let j = 0; j < shorter; j++)
            p0 *= (total - longer - j) / (total - j);
    }
    else {
        p0 = exp(logFactorial(total - good) +
            logFactorial(total - sample) -
            logFactorial(total) -
            logFactorial(total - good - sample));
    }
    const mean = (sample * good) / total;
    const bound = sampling_min(shorter, mean + 10 * sampling_sqrt(mean + 1));
    const offset = total - good - sample + 1;
    let x = 0;
    let pmf = p0;
    let u = random();
    while (u > pmf) {
        x++;
        if (x > bound) {
            x = 0;
            pmf = p0;
            u = random();
        }
        else {
            u -= pmf;
            pmf *= ((good - x + 1) * (sample - x + 1)) / (x * (offset + x - 1));
        }
    }
    return x;
}
/**
 * f(k) / f(mode) as the product of the consecutive pmf ratios from the mode to k (with
 * r(j) = f(j+1) / f(j) = (good - j)(sample - j) / ((j + 1)(offset + j + 1))), stopping early once
 * the running product, which only falls away from the mode, is below `floorValue`: the caller only
 * asks whether it stays at or above that.
 */
function pmfRatioFromMode(good, sample, offset, mode, k, floorValue) {
    let ratio = 1;
    if (k > mode) {
        for (let j = mode; j < k && ratio >= floorValue; j++) {
            ratio *= ((good - j) * (sample - j)) / ((j + 1) * (offset + j + 1));
        }
    }
    else {
        for (let j = mode; j > k && ratio >= floorValue; j--) {
            ratio *= (j * (offset + j)) / ((good - j + 1) * (sample - j + 1));
        }
    }
    return ratio;
}
/**
 * ln (k! (good-k)! (sample-k)! (offset+k)!): the pmf of the reduced hypergeometric is proportional
 * to its exponential's inverse, so ln f(k) / f(mode) is this at the mode minus this at k.
 */
function logPmfDenominator(good, sample, offset, k) {
    return (logFactorial(k) + logFactorial(good - k) + logFactorial(sample - k) + logFactorial(offset + k));
}
/** 2 sqrt(2/e) and 3 - 2 sqrt(3/e): the table-mountain hat of Stadlober's ratio-of-uniforms. */
const HRUA_D1 = 1.7155277699214135;
const HRUA_D2 = 0.8989161620588988;
/**
 * A candidate that the squeezes leave undecided is tested with the exact pmf ratio f(k) / f(mode)
 * as a product of consecutive ratios when the sd is at most HRUA_DIRECT_SD or the candidate at
 * most HRUA_DIRECT_STEPS from the mode: a few multiplications per step, stopping as soon as the
 * running product (which only falls away from the mode) drops below u^2, so O(sd) steps and no
 * logarithm. Otherwise four log-factorials are cheaper.
 */
const HRUA_DIRECT_SD = 16;
const HRUA_DIRECT_STEPS = 32;
/**
 * Hypergeometric draw in the same reduced form for mean >= 10: HRUA, ratio of uniforms with a
 * table-mountain hat (E. Stadlober, "The ratio of uniforms approach for generating discrete
 * random variates", J. Comput. Appl. Math. 31, 1990; numpy's `random_hypergeometric` uses it too).
 * A candidate k = floor(a + h (v - 1/2) / u) is accepted iff u^2 <= f(k) / f(mode). Exact apart from
 * candidates beyond 16 sd, which are rejected (probability far below 1e-50). O(1) expected time
 * whatever the counts: ~1.4 candidates (2.8 uniforms) per draw, ~85% of them decided by cheap
 * squeezes, the rest by a short product or by log-factorials (table lookups below 1024, one log
 * each above). The squeezes only shortcut the exact test: the draws are the same, uniform for
 * uniform, as with the log-factorial test alone.
 */
function hypergeometricHrua(good, sample, total, random) {
    const bad = total - good;
    const offset = bad - sample; // >= 0 in the reduced form
    const p = good / total;
    const a = sample * p + 0.5;
    const variance = ((total - sample) * sample * p * (1 - p)) / (total - 1);
    const c = sampling_sqrt(variance + 0.5);
    const h = HRUA_D1 * c + HRUA_D2;
    const mode = floor(((sample + 1) * (good + 1)) / (total + 2));
    const end = sampling_min(sampling_min(sample, good) + 1, floor(a + 16 * c));
    const direct = c <= HRUA_DIRECT_SD ? POSITIVE_INFINITY : HRUA_DIRECT_STEPS;
    // Slope terms at the mode end of the range; an Infinity or NaN at the edge of the support only
    // disables a squeeze (its comparison is then false).
    const innerSlope = (offset + 2 * mode) / (mode * (offset + mode));
    const outerSlope = (good + sample - 2 * mode) / ((good - mode) * (sample - mode));
    let g = 0; // ln of 1 / f(mode) up to the common constant, computed on first need
    let haveG = false;
    for (;;) {
        const u = random();
        const v = random();
        const candidate = a + (h * (v - 0.5)) / u;
        if (candidate < 0 || candidate >= end)
            continue;
        const k = floor(candidate);
        const steps = k - mode;
        if (steps === 0)
            return k;
        // Squeezes from log-concavity. With r(j) = f(j+1) / f(j) = (good - j)(sample - j) /
        // ((j + 1)(offset + j + 1)), ln r has slope -(1/(good-j) + 1/(sample-j) + 1/(j+1) +
        // 1/(offset+j+1)), each term monotone in j. Its largest (`steep`) and smallest (`flat`)
        // magnitudes between the mode and k, with r(mode) <= 1 <= r(mode - 1), bracket
        // t = ln f(k) / f(mode) between -steep e(e+1)/2 and -flat e(e-1)/2, e = |k - mode|.
        // 1/x + 1/y is written (x + y) / (x y): divisions dominate the cost of a candidate.
        const e = steps > 0 ? steps : -steps;
        let x = steps > 0 ? good - k + 1 : k + 1;
        let y = steps > 0 ? sample - k + 1 : offset + k + 1;
        const steep = (x + y) / (x * y) + (steps > 0 ? innerSlope : outerSlope);
        // u(4 - u) - 3 >= 2 ln u (equal at u = 1): quick accept.
        if (u * (4 - u) - 3 <= -0.5 * steep * e * (e + 1))
            return k;
        x = steps > 0 ? k : good - k;
        y = steps > 0 ? offset + k : sample - k;
        const flat = (x + y) / (x * y) + (steps > 0 ? outerSlope : innerSlope);
        // 2 ln u >= u - 1/u (equal at u = 1), times u > 0: quick reject.
        if (u * u - 1 > -0.5 * flat * e * (e - 1) * u)
            continue;
        if (steps <= direct && steps >= -direct) {
            const u2 = u * u;
            if (u2 <= pmfRatioFromMode(good, sample, offset, mode, k, u2))
                return k;
            continue;
        }
        if (!haveG) {
            haveG = true;
            g = logPmfDenominator(good, sample, offset, mode);
        }
        // t = ln f(k) / f(mode)
        const t = g - logPmfDenominator(good, sample, offset, k);
        // Accept iff 2 ln u <= t, with Stadlober's squeezes first.
        if (u * (4 - u) - 3 <= t)
            return k;
        if (u * (u - t) >= 1)
            continue;
        if (2 * sampling_log(u) <= t)
            return k;
    }
}
/**
 * One Hypergeometric(good, bad, sample) draw: how many of `good` marked items land in a simple
 * random sample of `sample` items drawn without replacement from good + bad. Exact (see
 * `hypergeometricHrua` for the one caveat beyond 16 sd) and O(1) expected time for any counts.
 * Reduces to `good <= bad` and `sample <= total / 2` by symmetry, then inversion for a small mean,
 * HRUA otherwise. Unchecked, as it runs in the permutation floor's inner loop: the arguments must
 * be non-negative safe integers with sample <= good + bad.
 */
function hypergeometric(good, bad, sample, random) {
    const total = good + bad;
    if (sample === 0 || good === 0)
        return 0;
    if (bad === 0)
        return sample;
    if (sample === total)
        return good;
    const fewer = sampling_min(good, bad);
    const drawn = sampling_min(sample, total - sample);
    const x = drawn * fewer < 10 * total
        ? hypergeometricByInversion(fewer, drawn, total, random)
        : hypergeometricHrua(fewer, drawn, total, random);
    // Undo the reductions: counts of the more common kind, then of the items not drawn.
    const ofGood = good > bad ? drawn - x : x;
    return drawn < sample ? good - ofGood : ofGood;
}

;// CONCATENATED MODULE: ./src/analyze/stats/permutation-floor.ts
/**
 * The sampling-noise floor of the split-distribution rule: the Jensen-Shannon distance that a
 * random re-split of the same items reaches (a permutation null). Conventions: see vectors.ts.
 */



/** Fixed so a report never changes between runs of the same data. */
const DEFAULT_SEED = 0x5eed_da7a;
/** A class's kept terms reach this many counts either side of its mean (6 sd, when less). */
const MAX_TERM_REACH = 128;
/** At most this many terms are kept in all (4 MiB): with more classes each reaches less far. */
const MAX_TERMS = 1 << 19;
/**
 * The trials' distance terms (`classNats4`) of each class by its count in the first group, computed
 * once per count: a class draws the same few dozen counts again and again (all within a few
 * standard deviations of its mean), and computing each term every time took a fifth of the floor's
 * time (the benchmark's 400 classes: 90 -> 71 ms for its two floors, warm). A term is the same
 * arithmetic on the same numbers whether looked up or not, so the distances are bit for bit those
 * of `jsDistance`. Counts beyond the kept range are computed each time.
 */
class ClassTerms {
    pooled;
    nA;
    nB;
    /** Each class's first kept count (a double: counts may pass 2^31). */
    lows;
    starts;
    sizes;
    values;
    constructor(pooled, nA, nB) {
        this.pooled = pooled;
        this.nA = nA;
        this.nB = nB;
        const classes = pooled.length;
        const total = nA + nB;
        const reaches = pooled.map(count => {
            // The hypergeometric's variance: count (nA / total) (nB / total) (total - count) / (total - 1).
            const variance = (((count * nA) / total) * nB * (total - count)) / (total * (total - 1));
            return Math.min(MAX_TERM_REACH, Math.ceil(6 * Math.sqrt(variance)) + 2);
        });
        const wanted = reaches.reduce((sum, reach) => sum + 2 * reach + 1, 0);
        const scale = Math.min(1, MAX_TERMS / wanted);
        this.lows = new Float64Array(classes);
        this.starts = new Int32Array(classes);
        this.sizes = new Int32Array(classes);
        let size = 0;
        for (let i = 0; i < classes; i++) {
            const count = pooled[i];
            const mean = Math.floor((count * nA) / total);
            const reach = Math.floor(reaches[i] * scale);
            const low = Math.max(0, mean - reach);
            const high = Math.min(count, nA, mean + reach);
            this.lows[i] = low;
            this.starts[i] = size;
            this.sizes[i] = Math.max(0, high - low + 1);
            size += this.sizes[i];
        }
        this.values = new Float64Array(size).fill(NaN); // a term is never NaN: count > 0
    }
    /** Class `i`'s term when `x` of its items are in the first group. */
    of(i, x) {
        const at = x - this.lows[i];
        if (at < 0 || at >= this.sizes[i])
            return classNats4(x, this.pooled[i] - x, this.nA, this.nB);
        const slot = this.starts[i] + at;
        let term = this.values[slot];
        if (term !== term) {
            term = classNats4(x, this.pooled[i] - x, this.nA, this.nB);
            this.values[slot] = term;
        }
        return term;
    }
}
/** Quantile with linear interpolation between order statistics (numpy's default, "type 7"). */
function quantileOfSorted(sorted, q) {
    const position = q * (sorted.length - 1);
    const lower = Math.floor(position);
    const upper = Math.min(lower + 1, sorted.length - 1);
    const weight = position - lower;
    return sorted[lower] + weight * (sorted[upper] - sorted[lower]);
}
/**
 * Work budget in class-draws (trials x classes present): 1000 trials at 1000 classes, ~150 ms in
 * plain Node for a million segments. More classes reduce the default trials (never below
 * MIN_PERMUTATION_TRIALS); an explicit `trials` is not capped.
 */
const PERMUTATION_BUDGET = 1_000_000;
const MIN_PERMUTATION_TRIALS = 200;
function defaultTrials(classes) {
    return Math.min(1000, Math.max(MIN_PERMUTATION_TRIALS, Math.floor(PERMUTATION_BUDGET / classes)));
}
/** The same text for the same counts and quantile: a job's floor is looked up by it. */
function floorJobKey(job) {
    return `${job.quantile}|${job.a.join(',')}|${job.b.join(',')}`;
}
/** About how many hypergeometric draws a job's floor takes at the default trials. */
function floorJobDraws(job) {
    let classes = 0;
    for (let i = 0; i < job.a.length; i++)
        if (job.a[i] + job.b[i] > 0)
            classes++;
    return classes < 2 ? 0 : classes * defaultTrials(classes);
}
/** A job's floor at the default trials and seed. */
function jobFloor(job) {
    return jsPermutationFloor(job.a, job.b, { quantile: job.quantile });
}
/**
 * The Jensen-Shannon distance that random assignment alone reaches between two splits with counts
 * `a` and `b` (same classes, same order): pool the items of both, re-split them at random into
 * groups of the original sizes nA and nB, take the JS distance of the two groups, repeat, and
 * return the requested quantile (default 0.999 over 1000 seeded re-randomizations).
 *
 * Why a permutation null rather than a multinomial one (two samples drawn from the pooled shares,
 * the floor this one replaced): it conditions on the observed pooled counts, which are exactly what a random split of a fixed population keeps, so
 * under "the split is a random sample of the same population" the observed distance and the
 * simulated ones are exchangeable. The calibration is then exact for every split size, with no
 * plug-in estimate of the population shares (that estimate misses rare classes and makes the
 * multinomial floor optimistic for small splits: its 0.999 quantile is exceeded by 0.3-3% of
 * honest splits of 5-20 segments over 10-100 Zipf-like classes, and by ~15% of 10-segment splits
 * over 100 equally common classes). Here, averaged over seeds, the observed distance exceeds the
 * type-7 q-quantile of T trials with probability at most (T - floor(q (T - 1))) / (T + 1):
 * 2/1001 ~ 0.2% at the defaults, less when distances tie (tiny splits). Measured on ~30 000 honest
 * random splits of 5 to 25 000 segments over 10-200 classes, each with its own floor: 0.03-0.3%
 * per regime, 0.15% overall. A stratified split is closer than a random one, so it is safe too.
 *
 * A re-split is a multivariate hypergeometric draw, made by sequential conditional hypergeometric
 * draws per class (`hypergeometric`, sampling.ts), so a trial costs O(classes) whatever the sample sizes.
 *
 * Counts must be non-negative integers. Deterministic for a given seed. Classes absent from both
 * splits are ignored. Returns 0 when fewer than two classes are present (every re-split is then
 * identical) and NaN when either split is empty, consistently with `jsDistance`.
 */
function jsPermutationFloor(a, b, options = {}) {
    const k = vectors_sameLength(a, b);
    const quantile = options.quantile ?? 0.999;
    const seed = options.seed ?? DEFAULT_SEED;
    if (!(quantile >= 0 && quantile <= 1))
        throw new RangeError(`quantile must be in [0, 1]`);
    if (options.trials !== undefined && (!Number.isInteger(options.trials) || options.trials < 1)) {
        throw new RangeError(`trials must be a positive integer, got ${options.trials}`);
    }
    const pooled = [];
    let nA = 0;
    let nB = 0;
    for (let i = 0; i < k; i++) {
        const x = a[i];
        const y = b[i];
        if (!Number.isSafeInteger(x) || x < 0) {
            throw new RangeError(`a[${i}] must be a non-negative integer count, got ${x}`);
        }
        if (!Number.isSafeInteger(y) || y < 0) {
            throw new RangeError(`b[${i}] must be a non-negative integer count, got ${y}`);
        }
        nA += x;
        nB += y;
        if (x + y > 0)
            pooled.push(x + y);
    }
    if (!Number.isSafeInteger(nA + nB))
        throw new RangeError('total count is too large');
    if (nA === 0 || nB === 0)
        return NaN;
    const classes = pooled.length;
    if (classes < 2)
        return 0;
    const trials = options.trials ?? defaultTrials(classes);
    const random = mulberry32(seed);
    const terms = new ClassTerms(pooled, nA, nB);
    const distances = new Float64Array(trials);
    const total = nA + nB;
    for (let t = 0; t < trials; t++) {
        // Class i takes x of the slots left in A: Hypergeometric(pooled_i, rest of the pool, slots).
        // The groups have nA and nB items: their JS distance is summed class by class, in jsDistance's
        // order.
        let left = total;
        let slots = nA;
        let nats4 = 0;
        for (let i = 0; i < classes; i++) {
            const count = pooled[i];
            left -= count;
            const x = slots === 0 ? 0 : hypergeometric(count, left, slots, random);
            nats4 += terms.of(i, x);
            slots -= x;
        }
        distances[t] = Math.sqrt(divergenceOfNats4(nats4));
    }
    distances.sort();
    return quantileOfSorted(distances, quantile);
}


/***/ }),

/***/ 960:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(474);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_events__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _analyze_stats_permutation_floor_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(865);
/* harmony import */ var _young_generation_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(938);
/**
 * The worker thread that computes a large dataset's split-distance noise floors
 * (dist/floor-worker.js; see gate/noise-floors.ts) and posts them back, in the jobs' order.
 */




(0,_young_generation_js__WEBPACK_IMPORTED_MODULE_3__/* .keepYoungGenerationSmallInWorker */ .yS)();
// The jobs are the first message: the thread is started before they are known (part-thread.ts).
const [jobs] = (await (0,node_events__WEBPACK_IMPORTED_MODULE_0__.once)(node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.parentPort, 'message'));
node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.parentPort.postMessage(jobs.map(_analyze_stats_permutation_floor_js__WEBPACK_IMPORTED_MODULE_2__/* .jobFloor */ .e3));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 938:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  yS: () => (/* binding */ keepYoungGenerationSmallInWorker)
});

// UNUSED EXPORTS: WORKER_KEEP_ARG, keepYoungGenerationSmall, scavengeAloneOnFewCores, setUpHeap, workerArgv

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:v8"
const external_node_v8_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");
;// CONCATENATED MODULE: ./src/young-generation.ts
/**
 * How the process's V8 heap is set up for the gate: the main thread's young generation kept at
 * V8's starting size, and, on two cores or fewer, scavenges run by the collecting thread alone
 * (`scavengeAloneOnFewCores`).
 *
 * The main thread's young generation, kept at V8's starting size. Node lets it grow to 32 MB
 * (Node 20) or 64 MB (Node 24) of committed memory while a large file is read, although the
 * gate's short-lived garbage (field text, one row's values) dies long before a small one fills;
 * the workers are started with small limits of their own (gate/part-thread.ts). Measured on the
 * benchmark's files at 1.6 M and 6.4 M rows: 20 to 28 MB less peak memory, no slower.
 *
 * Node has no option for the main thread's heap once it runs, so this sets V8's growth factor
 * with `v8.setFlagsFromString`: V8 reads the factor each time it considers growing the young
 * generation, and at 1 it stays at its first size. The flag is one for the whole process, and in
 * Node 20 every new thread's heap sets it back to at least 2 when it starts, so each worker sets
 * it again as its first step (`keepYoungGenerationSmallInWorker`, told to by an argument). Left
 * alone when the user chose a young-generation flag of their own (NODE_OPTIONS or node's
 * arguments).
 */


const GROWTH_FLAG = '--semi-space-growth-factor=1';
/** Given to worker threads (appended to their process.argv) when the main thread keeps it. */
const WORKER_KEEP_ARG = '--dataset-gate-small-young-generation';
let kept = false;
/** The shells' (cli.ts run as a program, index.ts) first step: the heap set up as above. */
function setUpHeap() {
    keepYoungGenerationSmall();
    scavengeAloneOnFewCores();
}
/** Part of `setUpHeap`. Returns whether the flag was set. */
function keepYoungGenerationSmall(env = process.env, execArgv = process.execArgv, setFlags = setFlagsFromString) {
    kept = !userChose(/semi[-_]space/, env, execArgv);
    if (kept)
        setFlags(GROWTH_FLAG);
    return kept;
}
/** The arguments a worker thread is started with: the flag is set again when the main thread set it. */
function workerArgv() {
    return kept ? [WORKER_KEEP_ARG] : [];
}
/** A worker's first step: its heap's start has just set the process's factor back to 2. */
function keepYoungGenerationSmallInWorker(argv = process.argv, setFlags = external_node_v8_namespaceObject.setFlagsFromString) {
    if (argv.includes(WORKER_KEEP_ARG))
        setFlags(GROWTH_FLAG);
}
const ONE_THREAD_SCAVENGE = '--no-parallel-scavenge';
/**
 * Part of `setUpHeap`: on a machine with at most two cores, a young-generation collection runs on
 * the thread that needs it alone. A large dataset is read by two JavaScript threads at once, so the
 * helper threads a parallel scavenge hands work to find no idle core, and the collecting thread
 * waits for them: measured on 2 cores, the main thread's scavenges took 0.2 to 12 ms each while the
 * worker read (0.26 ms reading alone), and with this flag the benchmark's 1.6 M-row files ran up to
 * 4% faster, more when the machine was busy (no change with one thread). With more cores the
 * helpers have room, and V8's default stays. The flag is one for the process (the workers' heaps
 * read it too) and is read at each scavenge. Left alone when the user chose a parallel- or
 * single-threaded-GC flag of their own. Returns whether the flag was set.
 */
function scavengeAloneOnFewCores(env = process.env, execArgv = process.execArgv, cores = availableParallelism(), setFlags = setFlagsFromString) {
    if (userChose(/parallel[-_]scavenge|single[-_]threaded/, env, execArgv) || cores > 2)
        return false;
    setFlags(ONE_THREAD_SCAVENGE);
    return true;
}
/** Whether a flag matching `flag` is among the user's own (NODE_OPTIONS or node's arguments). */
function userChose(flag, env, execArgv) {
    return [env.NODE_OPTIONS ?? '', ...execArgv].some(option => flag.test(option));
}


/***/ }),

/***/ 474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(960);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
