"""NumPy implementations of the JMH workloads in src/bench/java/theorycheck/bench (same work,
straightforward vectorized NumPy), for side-by-side timing. bench/side_by_side.py times them next
to the JMH runs and compares results; alone: python3 bench/numpy_ref.py [workload ...]

Workload names (Java benchmark in parentheses): minnorm_gd (minnormGd), logistic_maxmargin
(logisticGd), diag_net (diagNetGd), relu_net (mlpGd), double_descent (doubleDescentSweep)."""
import numpy as np, time, sys, json

def minnorm_gd(seed=0, m=50, n=200, tol=1e-6, max_it=20000):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((m, n)); w_true = np.zeros(n); w_true[:10] = rng.standard_normal(10)
    y = X @ w_true + 0.01 * rng.standard_normal(m)
    lam = np.linalg.eigvalsh(X.T @ X / m).max(); a = 1.5 / lam
    w = np.zeros(n); it = 0
    for it in range(max_it):
        g = X.T @ (X @ w - y) / m
        if np.linalg.norm(g) < tol: break
        w -= a * g
    wstar = np.linalg.pinv(X) @ y
    return it, np.linalg.norm(w - wstar) / np.linalg.norm(wstar)

def logistic_maxmargin(seed=0, m=200, iters=50000, lr=0.1):
    rng = np.random.default_rng(seed)
    X = np.vstack([rng.standard_normal((m//2, 2)) + 2, rng.standard_normal((m//2, 2)) - 2])
    y = np.r_[np.ones(m//2), -np.ones(m//2)]
    Z = X * y[:, None]; w = np.zeros(2)
    for _ in range(iters):
        z = Z @ w
        g = -(Z.T @ (1.0 / (1.0 + np.exp(z)))) / m
        w -= lr * g
    return w / np.linalg.norm(w)

def diag_net(seed=0, d=100, m=40, k=5, alpha=1e-2, lr=1e-2, iters=20000):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((m, d)); b = np.zeros(d); b[:k] = 1.0; y = X @ b
    up = alpha * np.ones(d); vm = alpha * np.ones(d)
    for _ in range(iters):
        beta = up**2 - vm**2
        r = X @ beta - y
        g = X.T @ r / m
        up -= lr * 2 * g * up; vm += lr * 2 * g * vm
    return np.abs(up**2 - vm**2).sum()

def relu_net(seed=0, h=100, m=20, iters=20000, lr=1e-2):
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 2*np.pi, (m, 1)); y = np.sin(x) + 0.1 * rng.standard_normal((m, 1))
    W1 = 0.5*rng.standard_normal((1, h)); b1 = 0.5*rng.standard_normal(h); W2 = rng.standard_normal((h, 1))/np.sqrt(h); b2 = 0.0
    for _ in range(iters):
        pre = x @ W1 + b1; a = np.maximum(pre, 0); out = a @ W2 + b2
        r = (out - y) / m
        gW2 = a.T @ r; gb2 = r.sum(); da = r @ W2.T * (pre > 0)
        gW1 = x.T @ da; gb1 = da.sum(0)
        W1 -= lr*gW1; b1 -= lr*gb1; W2 -= lr*gW2; b2 -= lr*gb2
    return float(((out - y)**2).mean())

def double_descent(seed=0, m=50, ns=(10,20,30,40,45,50,55,60,80,100,150,200,300,500), trials=20, sigma=0.5):
    rng = np.random.default_rng(seed); out = []
    for n in ns:
        risks = []
        for _ in range(trials):
            beta = rng.standard_normal(n) / np.sqrt(n)
            X = rng.standard_normal((m, n)); y = X @ beta + sigma * rng.standard_normal(m)
            bh = np.linalg.pinv(X) @ y
            risks.append(np.sum((bh - beta)**2) + sigma**2)
        out.append(float(np.mean(risks)))
    return out

W = {"minnorm_gd": minnorm_gd, "logistic_maxmargin": logistic_maxmargin, "diag_net": diag_net, "relu_net": relu_net, "double_descent": double_descent}
if __name__ == "__main__":
    names = sys.argv[1:] or list(W)
    for nm in names:
        t = time.perf_counter(); r = W[nm](); dt = time.perf_counter() - t
        print(json.dumps({"workload": nm, "seconds": round(dt, 4), "result": r if not hasattr(r, 'tolist') else r.tolist()}, default=float))
