"""Personalised PageRank computed locally: forward push (Andersen, Chung and Lang 2006).

Pure functions on a CSR transition matrix ``(indptr, indices, probs)`` whose rows sum to 1
(``probs[k]`` is the probability of moving along edge ``k``). The work of one call is bounded
by ``1 / (alpha * eps)`` edge updates and by ``max_work``, whatever the size of the graph: it
touches only the neighbourhood that holds the mass, never the whole graph.

The push is vectorised: every round pushes all nodes whose residual is at least
``eps * degree`` at once (a synchronous variant of ACL's push; the same invariant
``ppr = p + sum_u r[u] * ppr_u`` holds after every round).

>>> import numpy as np
>>> indptr, indices, probs = csr_from_edges(3, [(0, 1), (1, 2)])  # a path 0 - 1 - 2
>>> nodes, values = forward_push(indptr, indices, probs, [0], [1.0], alpha=0.2, eps=1e-9)
>>> exact = power_iteration(indptr, indices, probs, [0], [1.0], alpha=0.2)
>>> bool(np.allclose(values, exact[nodes], atol=1e-6))
True
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

_LOCAL = threading.local()


def _workspace(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per-thread arrays of the graph's size, reset after each call on the touched entries only."""
    ws = getattr(_LOCAL, "ws", None)
    if ws is None or len(ws[0]) != n:
        ws = (np.zeros(n, np.float64), np.zeros(n, np.float64), np.zeros(n, np.int32), np.zeros(n, bool))
        _LOCAL.ws = ws
    return ws


def distinct(values: np.ndarray, stamp: np.ndarray) -> np.ndarray:
    """The distinct values of an integer array in O(len) with a scratch array (no sort, no hashing).

    >>> import numpy as np
    >>> distinct(np.array([3, 1, 3, 2, 1]), np.zeros(5, np.int64)).tolist()
    [3, 2, 1]
    """
    pos = np.arange(len(values), dtype=stamp.dtype)
    stamp[values] = pos  # the last write of each value wins
    return values[stamp[values] == pos]


def gather_rows(indptr: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Edge positions of ``rows`` in a CSR, and how many each row has.

    >>> import numpy as np
    >>> gather_rows(np.array([0, 2, 3, 5]), np.array([2, 0]))
    (array([3, 4, 0, 1]), array([2, 2]))
    """
    starts = indptr[rows]
    lens = indptr[rows + 1] - starts
    total = int(lens.sum())
    if total == 0:
        return np.zeros(0, np.int64), lens
    shift = np.repeat(starts - (np.cumsum(lens) - lens), lens)
    return shift + np.arange(total), lens


def forward_push(
    indptr: np.ndarray,
    indices: np.ndarray,
    probs: np.ndarray,
    seeds: Sequence[int] | np.ndarray,
    weights: Sequence[float] | np.ndarray,
    *,
    alpha: float = 0.15,
    eps: float = 1e-5,
    max_work: int = 400_000,
    max_rounds: int = 1000,
    degree: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Approximate PPR from ``seeds`` (restart distribution ``weights``, normalised to sum 1).

    Returns ``(nodes, values)`` for the nodes the push touched; ``values`` is ``p + alpha * r``
    (the settled mass plus one restart step of the residual), which is within
    ``eps * degree(v)`` of the exact PPR of every node ``v`` when neither ``max_work`` (edge
    updates) nor ``max_rounds`` (synchronous push rounds, i.e. hops) stopped the push early.

    >>> import numpy as np
    >>> ip, ix, pr = csr_from_edges(4, [(0, 1), (0, 2), (2, 3)])
    >>> nodes, vals = forward_push(ip, ix, pr, [0], [1.0], alpha=0.5, eps=1e-4)
    >>> int(nodes[np.argmax(vals)])  # the seed keeps the most mass
    0
    """
    n = len(indptr) - 1
    seeds = np.asarray(seeds, np.int64)
    w = np.asarray(weights, np.float64)
    if not len(seeds) or w.sum() <= 0:
        return np.zeros(0, np.int64), np.zeros(0)
    w = w / w.sum()
    deg = np.diff(indptr) if degree is None else degree
    p, r, stamp, mark = _workspace(n)
    frontier = distinct(seeds, stamp)
    touched = [frontier]
    mark[frontier] = True
    np.add.at(r, seeds, w)
    first = True
    work = rounds = 0
    try:
        while len(frontier) and work < max_work and rounds < max_rounds:
            rounds += 1
            if first:
                active = frontier  # the seeds push once whatever their degree (hubs as seeds)
                first = False
            else:
                active = frontier[r[frontier] >= eps * np.maximum(deg[frontier], 1)]
            if not len(active):
                break
            ru = r[active].copy()
            r[active] = 0.0
            p[active] += alpha * ru
            pos, lens = gather_rows(indptr, active)
            if not len(pos):
                continue
            tgt = indices[pos]
            vals = np.repeat((1.0 - alpha) * ru, lens) * probs[pos]
            work += len(pos)
            frontier = distinct(tgt, stamp)
            # sum the pushes per target on the compact frontier (bincount, not the slow np.add.at)
            stamp[frontier] = np.arange(len(frontier), dtype=stamp.dtype)
            r[frontier] += np.bincount(stamp[tgt], weights=vals, minlength=len(frontier))
            new = frontier[~mark[frontier]]
            mark[new] = True
            touched.append(new)
        nodes = np.concatenate(touched)
        values = p[nodes] + alpha * r[nodes]
        return nodes, values
    finally:
        for t in touched:
            p[t] = 0.0
            r[t] = 0.0
            mark[t] = False


def power_iteration(
    indptr: np.ndarray,
    indices: np.ndarray,
    probs: np.ndarray,
    seeds: Sequence[int],
    weights: Sequence[float],
    *,
    alpha: float = 0.15,
    tol: float = 1e-12,
    max_iter: int = 10_000,
) -> np.ndarray:
    """Exact PPR over the whole graph (for tests and small graphs): ``x = alpha s + (1-alpha) P^T x``.

    >>> ip, ix, pr = csr_from_edges(2, [(0, 1)])
    >>> [round(float(v), 4) for v in power_iteration(ip, ix, pr, [0], [1.0], alpha=0.5)]
    [0.6667, 0.3333]
    """
    import scipy.sparse as sp

    n = len(indptr) - 1
    m = sp.csr_matrix((probs, indices, indptr), shape=(n, n)).T.tocsr()
    s = np.zeros(n)
    np.add.at(s, np.asarray(seeds, np.int64), np.asarray(weights, np.float64))
    s /= s.sum()
    x = s.copy()
    for _ in range(max_iter):
        nxt = alpha * s + (1.0 - alpha) * (m @ x)
        if np.abs(nxt - x).sum() < tol:
            return nxt
        x = nxt
    return x


def csr_from_edges(n: int, edges: Sequence[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row-stochastic CSR of an undirected, unweighted graph (for examples and tests).

    >>> ip, ix, pr = csr_from_edges(3, [(0, 1), (1, 2)])
    >>> ip.tolist(), ix.tolist(), pr.tolist()
    ([0, 1, 3, 4], [1, 0, 2, 1], [1.0, 0.5, 0.5, 1.0])
    """
    rows = [a for a, b in edges] + [b for a, b in edges]
    cols = [b for a, b in edges] + [a for a, b in edges]
    order = np.lexsort((cols, rows))
    r, c = np.asarray(rows, np.int64)[order], np.asarray(cols, np.int64)[order]
    indptr = np.zeros(n + 1, np.int64)
    np.cumsum(np.bincount(r, minlength=n), out=indptr[1:])
    deg = np.diff(indptr)
    return indptr, c, (1.0 / deg[r]).astype(np.float64)
