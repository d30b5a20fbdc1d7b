"""JMH workloads and their NumPy versions in one run: medians, ratios, and result checks.

    mvn -B -Pbench package -DskipTests && python3 bench/side_by_side.py

For each workload, its JMH benchmark (single-shot, one full run per measurement, the counts in
TrainingBenchmarks) and then the NumPy version from bench/numpy_ref.py (one warm-up run, then
--numpy-runs timed runs, BLAS on one thread like the Java core) run back to back, so both see the
same machine load; the load average is printed after each workload. Before timing, `theorycheck.bench.Workloads` runs every Java workload
once and prints its result, which is checked against the NumPy result of the same problem kind
(different random numbers, so the checks compare statistics, not values):

- mlpGd / relu_net: both end with a training mean squared error below MLP_MSE_LIMIT.
- doubleDescentSweep / double_descent: both risk curves peak at n = m = 50, and at every n at least
  10 from m the two mean risks differ by at most 4·√2 standard errors (the Java sweep's, for the
  difference of two independent means of 20 draws each).

Prints a Markdown table (the README's benchmark table) and exits 1 if a check fails.
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

# The Java core runs on one thread; so does NumPy's BLAS here, or on a loaded machine its idle
# threads would spin against the benchmark (set before numpy is imported; an explicit setting wins).
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np  # noqa: E402
import numpy_ref  # noqa: E402

# (JMH benchmark, NumPy function, what it is)
WORKLOADS = [
    ("minnormGd", "minnorm_gd", "X 50×200, GD on (1/2m)‖Xw−y‖² at 1.5/λmax until ‖∇‖ < 1e-6"),
    ("logisticGd", "logistic_maxmargin", "200 points in 2-D, no bias, step 0.1, 50 000 GD steps on mean logistic loss"),
    ("diagNetGd", "diag_net", "X 40×100, depth-2 diagonal net from 0.01·1, step 0.01, 20 000 GD steps"),
    ("mlpGd", "relu_net", "20 points of sin x + noise, one hidden ReLU layer of width 100, step 0.01, 20 000 GD steps"),
    ("doubleDescentSweep", "double_descent", "min-norm X⁺y risk at m = 50 over 14 feature counts n, 20 draws each"),
]
# The speed target of each workload: Java median at most this share of NumPy's.
TARGET = {"minnormGd": 0.1, "logisticGd": 0.5, "diagNetGd": 0.5, "mlpGd": 0.5, "doubleDescentSweep": 0.5}
MLP_MSE_LIMIT = 0.02  # = Workloads.MLP_MSE_LIMIT
EXAMPLES = 50  # = DoubleDescentSweep.EXAMPLES
CHECK_GAP = 10  # = DoubleDescentSweep.CHECK_GAP
STD_ERRS = 4.0


def load():
    return "load average %.2f %.2f %.2f" % os.getloadavg()


def java_results(jar):
    out = subprocess.run(["java", "-cp", jar, "theorycheck.bench.Workloads"], check=True, capture_output=True,
                         text=True).stdout
    return {r["workload"]: r for r in (json.loads(line) for line in out.splitlines() if line.startswith("{"))}


def jmh_median_ms(jar, benchmark, extra):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        path = f.name
    try:
        cmd = ["java", "-jar", jar, "TrainingBenchmarks\\." + benchmark + "$", "-rf", "json", "-rff", path] + extra
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        with open(path) as f:
            data = json.load(f)
    finally:
        os.unlink(path)
    raw = [v for fork in data[0]["primaryMetric"]["rawData"] for v in fork]
    return statistics.median(raw), len(raw)


def numpy_median_ms(name, runs):
    fn = numpy_ref.W[name]
    result = fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(1000 * (time.perf_counter() - start))
    return statistics.median(times), result


def check_mlp(java, numpy_mse):
    java_mse = 2 * java["loss"]  # the Java objective is half the mean squared error
    ok = java_mse < MLP_MSE_LIMIT and numpy_mse < MLP_MSE_LIMIT
    return ok, "training MSE: Java %.4g, NumPy %.4g (both must be < %g)" % (java_mse, numpy_mse, MLP_MSE_LIMIT)


def check_double_descent(java, numpy_mean):
    ns = java["features"]
    jm, se = java["mean"], java["std_err"]
    lines = []
    ok = True
    j_peak = ns[max(range(len(ns)), key=lambda i: jm[i])]
    n_peak = ns[max(range(len(ns)), key=lambda i: numpy_mean[i])]
    if j_peak != EXAMPLES or n_peak != EXAMPLES:
        ok = False
    lines.append("peak at n = %d (Java), n = %d (NumPy); m = %d" % (j_peak, n_peak, EXAMPLES))
    for i, n in enumerate(ns):
        if abs(n - EXAMPLES) < CHECK_GAP:
            continue
        allowed = STD_ERRS * math.sqrt(2) * se[i]
        diff = abs(jm[i] - numpy_mean[i])
        if diff > allowed:
            ok = False
            lines.append("n = %d: Java %.4f, NumPy %.4f, |difference| %.4f > %.4f" % (n, jm[i], numpy_mean[i], diff,
                                                                                      allowed))
    largest = max((abs(jm[i] - numpy_mean[i]) / (math.sqrt(2) * se[i]), n) for i, n in enumerate(ns)
                  if abs(n - EXAMPLES) >= CHECK_GAP)
    lines.append("largest |Java − NumPy| away from the peak: %.2f standard errors (at n = %d; allowed %.0f)"
                 % (largest[0], largest[1], STD_ERRS))
    return ok, "; ".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", default="target/benchmarks.jar")
    parser.add_argument("--numpy-runs", type=int, default=10)
    parser.add_argument("--jmh", default="", help="extra JMH options, e.g. \"-wi 3 -i 5\" for a quick look")
    parser.add_argument("--only", default="", help="comma-separated JMH benchmark names (default: all)")
    args = parser.parse_args()
    if not os.path.exists(args.jar):
        sys.exit("no %s: build it first with mvn -B -Pbench package -DskipTests" % args.jar)
    only = [w for w in args.only.split(",") if w]
    unknown = [w for w in only if w not in TARGET]
    if unknown:
        sys.exit("unknown workload %s; known: %s" % (", ".join(unknown), ", ".join(TARGET)))

    print("NumPy %s, %s; %s" % (np.__version__, sys.version.split()[0], load()), flush=True)
    java = java_results(args.jar)
    rows = []
    failed = False
    for bench, np_name, what in WORKLOADS:
        if only and bench not in only:
            continue
        j_ms, j_count = jmh_median_ms(args.jar, bench, args.jmh.split())
        n_ms, np_result = numpy_median_ms(np_name, args.numpy_runs)
        ratio = j_ms / n_ms
        verdict = "yes" if ratio <= TARGET[bench] else "no"
        print("%-19s Java %9.2f ms (median of %d)  NumPy %9.2f ms (median of %d)  ratio %.2f (target ≤ %.1f: %s)  [%s]"
              % (bench, j_ms, j_count, n_ms, args.numpy_runs, ratio, TARGET[bench], verdict, load()), flush=True)
        if bench == "mlpGd":
            ok, text = check_mlp(java[bench], np_result)
        elif bench == "doubleDescentSweep":
            ok, text = check_double_descent(java[bench], np_result)
        else:
            ok, text = True, ""
        if text:
            print("    %s: %s" % ("same result" if ok else "RESULT MISMATCH", text), flush=True)
        failed |= not ok
        rows.append((bench, what, j_ms, n_ms, ratio, TARGET[bench]))

    print("\n| workload | what | Java core | NumPy | ratio | target |")
    print("|---|---|---|---|---|---|")
    for bench, what, j_ms, n_ms, ratio, target in rows:
        print("| `%s` | %s | %s | %s | %.2f | ≤ %.1f |" % (bench, what, fmt(j_ms), fmt(n_ms), ratio, target))
    print("\n%s" % load())
    sys.exit(1 if failed else 0)


def fmt(ms):
    return "%.2f ms" % ms if ms < 10 else "%.0f ms" % ms


if __name__ == "__main__":
    main()
