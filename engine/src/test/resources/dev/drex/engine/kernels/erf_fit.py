# Reproduces the erf coefficients of ElementwiseScalar (P0..P5, Q0..Q7). Python 3 + numpy.
#   |x| <  0.75: erf(x)/x = P(x^2)                                  (degree 5)
#   |z| >= 0.75: erfc(z) exp(z^2) = t Q(t), t = 1/(1 + z/2), z <= 12 (degree 7)
# Fit: least squares on Chebyshev nodes, reweighted toward the minimax relative error, then rounded to float.
import math
import numpy as np

def cheb(lo, hi, m):
    k = np.arange(m)
    return (lo + hi) / 2 + (hi - lo) / 2 * np.cos((2 * k + 1) * np.pi / (2 * m))

def fit_minimax(u, f, deg, iters=60):
    A = np.vstack([u ** k for k in range(deg + 1)]).T
    w = np.ones(len(u))
    for _ in range(iters):
        sw = w / np.abs(f)
        c, *_ = np.linalg.lstsq(A * sw[:, None], f * sw, rcond=None)
        e = np.abs(A @ c - f) / np.abs(f)
        w = w * (e / e.max()) ** 0.5 + 1e-12
        w /= w.max()
    return c, e.max()

T = 0.75
x = cheb(1e-6, T, 600)
cP, eP = fit_minimax(x * x, np.array([math.erf(v) / v for v in x]), 5)
z = cheb(T, 12, 1500)
t = 1 / (1 + 0.5 * z)
cQ, eQ = fit_minimax(t, np.array([math.erfc(v) * math.exp(v * v) for v in z]) / t, 7)
print("P relative error", eP, ["%.9ef" % np.float32(c) for c in cP])
print("Q relative error", eQ, ["%.9ef" % np.float32(c) for c in cQ])
