"""Resolve the SME, gather candidates, and combine the signals into one score in [0, 1].

``score(ix, target, weights, cands=None)`` is the whole ranking model: the CLI, the API, the
campaign assignment and the evaluation all call it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from labourkg.errors import InvalidRequest, NotFoundError
from labourkg.ontology import Ontology
from labourkg.recommend import signals as sig
from labourkg.recommend.projection import LABEL_CODE, RecIndex
from labourkg.recommend.signals import Expansion
from labourkg.recommend.weights import SIGNALS, Weights
from labourkg.vocab import normalise, vocab_index


@dataclass
class Target:
    """The SME as the scorer sees it."""

    node: int  # enterprise node idx, -1 when described in the call
    name: str
    needs: list[int]  # skill node idx
    need_edges: list[bool]  # True: (SME)-[:NEEDS]->(skill) is in the graph; False: found in the text
    need_forms: list[str]  # the text that named the need
    industries: list[int]  # industry node idx
    place: int  # place node idx, -1
    needs_text: str | None = None
    need_w: np.ndarray = field(default_factory=lambda: np.zeros(0))


def segment(ix: RecIndex, text: str | None) -> list[tuple[int, str]]:
    """Skills named in a free-text need: leftmost-longest matches of every skill name and alias in the
    graph (vocabulary concepts and the specialties registers brought in), no overlaps.

    A need that names no skill exactly falls back to the skill whose name shares the most
    character bigrams with it (at least half of the skill name's bigrams)."""
    if not text or not text.strip():
        return []
    norm = normalise(text)
    out: list[tuple[int, str]] = []
    seen: set[int] = set()
    if ix.lexicon is not None:
        for m in ix.lexicon.finditer(norm):
            s = ix.lexicon_forms[m.group()]
            if s not in seen:
                seen.add(s)
                out.append((s, m.group()))
    if out:
        return out
    grams = {norm[i:i + 2] for i in range(len(norm) - 1)}
    best, best_score, best_form = -1, 0.0, ""
    for form, s in ix.lexicon_forms.items():
        fg = {form[i:i + 2] for i in range(len(form) - 1)}
        if len(fg) < 2:
            continue
        score = len(fg & grams) / len(fg)
        if score > best_score:
            best, best_score, best_form = s, score, form
    return [(best, best_form)] if best >= 0 and best_score >= 0.5 else []


def _need_weights(ix: RecIndex, needs: list[int]) -> np.ndarray:
    return np.array([ix.idf[ix.skill_pos[s]] for s in needs], np.float64) if needs else np.zeros(0)


def resolve_enterprise(ix: RecIndex, enterprise_id: str, needs_text: str | None = None, *,
                       node: int | None = None) -> Target:
    """An SME in the graph, by graph id or register id (or projection ``node``); ``needs_text`` is its
    needs property (read by the caller when the projection has no NEEDS edges for it)."""
    proj = ix.proj
    i = node if node is not None else proj.index(enterprise_id)
    if i < 0 or proj.label[i] != LABEL_CODE["Enterprise"]:
        i = proj.by_register_id(enterprise_id, ("Enterprise",))
    if i < 0:
        raise NotFoundError(f"no enterprise with graph id or register id {enterprise_id!r}")
    needs = [int(s) for s in proj.neighbours("NEEDS", i) if ix.skill_pos[s] >= 0]
    edges = [True] * len(needs)
    forms = [proj.names.get(s) or "" for s in needs]
    for s, form in segment(ix, needs_text):
        if s not in needs:
            needs.append(s)
            edges.append(False)
            forms.append(form)
    industries = [int(x) for x in proj.neighbours("IN_INDUSTRY", i) if ix.division[x] >= 0]
    places = [int(x) for x in proj.neighbours("LOCATED_IN", i)]
    place = places[0] if places else _place_by_code(ix, proj.codes[i])
    return Target(i, proj.names.get(i) or proj.ids[i], needs, edges, forms, industries, place, needs_text,
                  _need_weights(ix, needs))


def _place_by_code(ix: RecIndex, code: str | None) -> int:
    if not code:
        return -1
    i = ix.proj.index(f"place:{code}")
    return i if i >= 0 and ix.proj.label[i] == LABEL_CODE["Place"] else -1


def resolve_described(ix: RecIndex, onto: Ontology, *, industries: list[str], region: str | None,
                      needs: str | None) -> Target:
    """An SME described in the call (not in the graph)."""
    if not (needs or "").strip() and not industries:
        raise InvalidRequest("describe the SME's need (needs) or give at least one industry")
    proj = ix.proj
    ind_nodes: list[int] = []
    for item in industries:
        c = vocab_index(onto, "industries").lookup(item)
        i = proj.index(c.id) if c else -1
        if c is None:
            raise InvalidRequest(f"unknown industry {item!r}: give a GB/T 4754-2017 code (C39) or name")
        if i < 0:
            raise NotFoundError(f"industry {c.id} is not in the graph: load the vocabulary first")
        ind_nodes.append(i)
    place = -1
    if region:
        c = vocab_index(onto, "regions").lookup(region)
        if c is None:
            raise InvalidRequest(f"unknown region {region!r}: give a county/city name or a GB/T 2260 code")
        place = proj.index(c.id)
    found = segment(ix, needs)
    need_nodes = [s for s, _ in found]
    if (needs or "").strip() and not need_nodes and not ind_nodes:
        raise InvalidRequest(f"no known skill in the need {needs!r} and no industry given")
    return Target(-1, "（新企业）", need_nodes, [False] * len(need_nodes), [f for _, f in found], ind_nodes, place,
                  needs, _need_weights(ix, need_nodes))


@dataclass
class Scored:
    """Scores of candidate providers (positions), with every signal, for one target."""

    cands: np.ndarray  # provider positions
    total: np.ndarray
    parts: dict[str, np.ndarray]
    expansions: list[list[Expansion]]
    history_counts: np.ndarray  # aligned with cands
    similar_counts: np.ndarray


def seeds_of(target: Target, weights: Weights) -> tuple[list[int], list[float]]:
    """The PPR restart distribution: the SME node, its needs (by specificity), and for a described SME
    its industries and region."""
    seeds: list[int] = []
    w: list[float] = []
    need_share = 1.0
    if target.node >= 0:
        seeds.append(target.node)
        w.append(weights.ppr_seed_sme)
        need_share = 1.0 - weights.ppr_seed_sme
    elif target.industries or target.place >= 0:
        ctx = [*target.industries, *([target.place] if target.place >= 0 else [])]
        share = 0.3 if target.needs else 1.0
        seeds += ctx
        w += [share / len(ctx)] * len(ctx)
        need_share = 1.0 - share
    if target.needs:
        nw = target.need_w / target.need_w.sum()
        seeds += target.needs
        w += list(need_share * nw)
    return seeds, w


class SignalMemo:
    """The two signals that depend on an SME only through its needs (skill match) or its industries
    (industry match), kept across ``score`` calls on one index.

    Campaign assignment scores thousands of SMEs in a row, and many share their needs (10k SMEs of
    the 0.1 benchmark have 2.7k distinct need lists) and industries (760 sets, 330 of them shared).
    The skill vector of the last needs is kept (the caller orders SMEs by needs); the industry
    values over every provider are kept for an industry set from its second use, up to
    ``max_bytes``. Values are those of the signal functions themselves, so ``score``
    returns the same numbers with or without a memo."""

    def __init__(self, ix: RecIndex, max_bytes: int = 64 << 20) -> None:
        self.ix = ix
        self._skill_key: tuple[tuple[int, ...], bytes] | None = None
        self._skill: tuple[np.ndarray, list[list[Expansion]]] = (np.zeros(0), [])
        self._industry: dict[tuple[int, ...], tuple[np.ndarray, np.ndarray]] = {}
        self._industry_max = max(1, max_bytes // max(1, ix.n_providers))
        self._seen: set[tuple[int, ...]] = set()

    def skill_scores(self, needs: list[int], need_w: np.ndarray) -> tuple[np.ndarray, list[list[Expansion]]]:
        """``signals.skill_scores`` (the arrays are shared between calls: read them, do not write)."""
        key = (tuple(needs), np.asarray(need_w, np.float64).tobytes())
        if key != self._skill_key:
            self._skill = sig.skill_scores(self.ix, needs, need_w)
            self._skill_key = key
        return self._skill

    def industry_match(self, industries: list[int], cands: np.ndarray) -> np.ndarray:
        """``signals.industry_match``: per provider it depends on the industry set only."""
        if not industries or not len(cands):
            return sig.industry_match(self.ix, industries, cands)
        key = tuple(sorted(set(industries)))
        hit = self._industry.get(key)
        if hit is None:
            if key not in self._seen:  # values over every provider cost 4x those of the candidates
                self._seen.add(key)
                return sig.industry_match(self.ix, industries, cands)
            hit = self._keep_industry(key)
        return hit[0][hit[1][cands]]

    def _keep_industry(self, key: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
        every = sig.industry_match(self.ix, list(key), np.arange(self.ix.n_providers))
        values, codes = np.unique(every, return_inverse=True)  # a few distinct values: 1 byte per provider
        hit = (values, codes.astype(np.uint8 if len(values) <= 256 else np.int64))
        if len(self._industry) >= self._industry_max:
            self._industry.pop(next(iter(self._industry)))
        self._industry[key] = hit
        return hit


def score(ix: RecIndex, target: Target, weights: Weights, *, cands: np.ndarray | None = None,
          mask: np.ndarray | None = None, k: int | None = None, memo: SignalMemo | None = None) -> Scored:
    """Score providers for ``target``. Without ``cands`` the candidates are the providers any signal
    but industry/region/credibility reaches (skill, PPR, history), or, for an SME with no need, those
    of its industry division; ``mask`` (per provider, bool) filters them (kind, region, capacity).

    With ``k`` the result keeps only candidates that may still be among the ``k`` best (exact
    pruning: ``top_k(scored, k)`` is the same as without it). Industry is at most 1, so a
    candidate whose other signals plus the industry weight stay below the ``k``-th best score of
    the other signals alone can never reach the top ``k``; it is dropped before its industry is
    computed (the costly signal: a gather over each candidate's industries).

    ``memo`` (a ``SignalMemo`` of ``ix``) reuses signals across calls; the result is the same."""
    wn = weights.normalised()
    skill_all, exps = memo.skill_scores(target.needs, target.need_w) if memo is not None \
        else sig.skill_scores(ix, target.needs, target.need_w)
    own = sig.engagement_counts(ix, target.node)
    sim_all = sig.similar_counts(ix, target.needs, target.need_w, own, target.node) if wn["similar"] > 0 \
        else np.zeros(ix.n_providers)
    ppr_all = sig.ppr_scores(ix, *seeds_of(target, weights), alpha=weights.alpha, eps=weights.eps,
                             max_work=weights.ppr_max_work, max_rounds=weights.ppr_rounds) if wn["ppr"] > 0 else np.zeros(ix.n_providers)
    if cands is None:
        reach = (skill_all > 0) | (own > 0) | (sim_all > 0) | (ppr_all > 0)
        if not target.needs and target.industries:
            divs = np.unique(ix.division[np.asarray(target.industries)])
            sub = ix.prov_ind.tocoo()
            reach[sub.row[np.isin(ix.division[sub.col], divs)]] = True
        if mask is not None:
            reach &= mask
        cands = np.flatnonzero(reach)
    elif mask is not None:
        cands = cands[mask[cands]]
    parts = {
        "skill": skill_all[cands],
        "region": sig.region_match(ix, target.place, cands),  # three gathers: cheap on every candidate
        "credibility": ix.credibility[cands],
        "ppr": sig.relative(ppr_all[cands]),  # relative to the best of all candidates, before pruning
        "history": sig.history(own[cands]),
        "similar": sig.similar(sim_all[cands]),
    }
    if k is not None and 0 < k < len(cands):
        lower = np.zeros(len(cands))  # the score without industry: a lower bound
        for s in ("skill", "region", "credibility", "ppr", "history", "similar"):
            if wn[s] > 0:
                lower += wn[s] * parts[s]
        upper = lower + (wn["industry"] if target.industries else 0.0)
        kth = min(float(np.partition(lower, len(lower) - k)[len(lower) - k]), 1.0)
        keep = np.flatnonzero(upper >= kth - 1e-9)  # margin: float order of the sums
        if len(keep) < len(cands):
            cands = cands[keep]
            parts = {name: v[keep] for name, v in parts.items()}
    parts = {
        "skill": parts["skill"],
        "industry": memo.industry_match(target.industries, cands) if memo is not None
        else sig.industry_match(ix, target.industries, cands),
        "region": parts["region"],
        "credibility": parts["credibility"],
        "ppr": parts["ppr"],
        "history": parts["history"],
        "similar": parts["similar"],
    }
    total = np.zeros(len(cands))
    for s in SIGNALS:
        if wn[s] > 0:
            total += wn[s] * parts[s]
    return Scored(cands, np.clip(total, 0.0, 1.0), parts, exps, own[cands], sim_all[cands])


def top_k(scored: Scored, k: int, tie: np.ndarray | None = None) -> np.ndarray:
    """Indices into ``scored.cands`` of the ``k`` best, descending (ties: ``tie`` desc, then position)."""
    n = len(scored.total)
    if n == 0:
        return np.zeros(0, np.int64)
    key2 = tie if tie is not None else np.zeros(n)
    if n > 4 * k:
        part = np.argpartition(-scored.total, k - 1)[:k]
        thr = scored.total[part].min()
        pool = np.flatnonzero(scored.total >= thr)
    else:
        pool = np.arange(n)
    order = np.lexsort((scored.cands[pool], -key2[pool], -scored.total[pool]))
    return pool[order][:k]
