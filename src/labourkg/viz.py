"""Interactive graph views as self-contained HTML (pyvis, vis.js inlined: works with no network)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from labourkg import cypher
from labourkg.errors import NotFoundError
from labourkg.ontology import Ontology, load_ontology
from labourkg.store.base import GraphStore

# pyvis's page template links bootstrap from a CDN even with cdn_resources="in_line"; the view
# does not use it, and a page that must work offline may not fetch anything
_REMOTE_TAG = re.compile(r"<(script|link)\b[^>]*\b(?:src|href)=\"https?://[^>]*>(?:\s*</script>)?", re.I)

# one colour per label, so a studio always looks like a studio
COLOURS = {
    "Person": "#e15759", "Studio": "#f28e2b", "ServiceTeam": "#edc948", "Enterprise": "#4e79a7",
    "Union": "#b07aa1", "GovernmentBody": "#9c755f", "Organization": "#76b7b2", "Honour": "#ff9da7",
    "Skill": "#59a14f", "Industry": "#8cd17d", "Place": "#bab0ac", "Event": "#d37295", "Campaign": "#fabfd2",
    "Article": "#d4d4d4",
}


def _label(node: dict[str, Any]) -> str:
    labels = node.get("_labels") or ["?"]
    return labels[0]


def find_node(store: GraphStore, onto: Ontology, ref: str) -> tuple[str, str]:
    """(label, id) of a node given by graph id, register id, or exact name."""
    label = onto.label_of_id(ref)
    if label:
        rows = store.read(cypher.node_by_id_label(onto, label), {"id": ref}).rows
        if rows:
            return label, ref
    for lab in onto.node_types:  # one indexed look-up per label, not a scan of every node
        rows = store.read(cypher.find_by_name_or_register_id(onto, lab), {"ref": ref}).rows
        if rows:
            return lab, rows[0][0]
    raise NotFoundError(f"no node with id, register id or name {ref!r}")


class GraphView:
    """Collects nodes and edges (deduplicated) and writes one offline HTML page."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[tuple[str, str, str], dict[str, Any]] = {}

    def add_node(self, node_id: str, label: str, name: str, *, size: int = 14, title: str | None = None,
                 highlight: bool = False) -> None:
        if node_id in self.nodes and not highlight:
            return
        self.nodes[node_id] = {  # colour by label (no vis "group": its palette would override the colour)
            "label": name or node_id, "color": COLOURS.get(label, "#cccccc"), "kind": label,
            "title": title or f"{label}: {name}\n{node_id}", "size": size * (2 if highlight else 1),
            "borderWidth": 3 if highlight else 1,
        }

    def add_edge(self, src: str, dst: str, rel: str, title: str | None = None, width: float = 1.0) -> None:
        self.edges[(src, dst, rel)] = {"label": rel, "title": title or rel, "width": width}

    def add_path(self, path: list[dict[str, Any]]) -> None:
        """A path as the stores return it: node dicts alternating with relationship dicts."""
        prev: dict[str, Any] | None = None
        rel: dict[str, Any] | None = None
        for item in path:
            if "_labels" in item:
                self.add_node(item.get("id", "?"), _label(item), item.get("name") or item.get("title") or "")
                if prev is not None and rel is not None:
                    self.add_edge(prev["id"], item.get("id", "?"), rel.get("_type", "?"))
                prev, rel = item, None
            else:
                rel = item

    def legend_html(self) -> str:
        """Title, a colour key for the labels present (names from the ontology) and how to use the view."""
        from labourkg.ontology import load_ontology

        onto = load_ontology()
        present = sorted({n["kind"] for n in self.nodes.values()})
        keys = "".join(
            f'<span class="lk-key"><i style="background:{COLOURS.get(g, "#ccc")}"></i>'
            f"{html.escape(onto.node_types[g].name_zh if g in onto.node_types else g)}</span>"
            for g in present
        )
        return (
            '<div class="lk-head"><h1>' + html.escape(self.title) + "</h1>"
            f'<div class="lk-legend">{keys}</div>'
            f'<div class="lk-help">{len(self.nodes)} 个节点, {len(self.edges)} 条关系 · 拖动平移, 滚轮缩放, '
            "悬停查看详情 (drag to pan, scroll to zoom, hover for details)</div></div>"
        )

    def write(self, out: Path) -> Path:
        from pyvis.network import Network

        net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
        for nid, attrs in self.nodes.items():
            net.add_node(nid, **attrs)
        for (s, d, _), attrs in self.edges.items():
            net.add_edge(s, d, **attrs)
        net.set_options('{"physics": {"stabilization": {"iterations": 150}, "barnesHut": {"springLength": 140}},'
                        ' "edges": {"arrows": {"to": {"enabled": true, "scaleFactor": 0.5}}, "font": {"size": 9}}}')
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        page = _REMOTE_TAG.sub("", net.generate_html(notebook=False))
        page = page.replace("<head>", f"<head><title>{html.escape(self.title)}</title><style>{_CSS}</style>", 1)
        page = page.replace("<body>", "<body>" + self.legend_html(), 1)
        out.write_text(page, encoding="utf-8")
        return out


_CSS = (
    "body{font-family:'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif;margin:8px}"
    ".lk-head h1{font-size:20px;margin:4px 0}.lk-legend{margin:4px 0}"
    ".lk-key{display:inline-block;margin-right:12px;font-size:13px}"
    ".lk-key i{display:inline-block;width:11px;height:11px;border-radius:50%;margin-right:4px;vertical-align:middle}"
    ".lk-help{color:#666;font-size:12px}"
)


def ego_view(store: GraphStore, ref: str, out: Path, *, hops: int = 2, limit: int = 300,
             onto: Ontology | None = None) -> Path:
    """Write the neighbourhood of one node (up to ``hops``) as an HTML page."""
    onto = onto or load_ontology()
    label, node_id = find_node(store, onto, ref)
    res = store.read(cypher.ego_network(onto, label, hops), {"id": node_id, "limit": limit})
    view = GraphView(f"{ref}")
    for centre, path in res.rows:
        view.add_node(node_id, label, centre.get("name") or node_id, highlight=True)
        if path:
            view.add_path(path)
    return view.write(out)


def recommendation_view(response: dict[str, Any], out: Path) -> Path:
    """The SME, its recommended providers, and the paths that explain each score."""
    ent = response.get("enterprise") or {}
    view = GraphView(f"推荐: {ent.get('name') or 'SME'}")
    if ent.get("id"):
        view.add_node(ent["id"], "Enterprise", ent.get("name") or ent["id"], highlight=True)
    for rec in response.get("recommendations", []):
        label = {"person": "Person", "studio": "Studio", "team": "ServiceTeam"}.get(rec["kind"], "Person")
        view.add_node(rec["id"], label, rec["name"], size=10 + int(20 * rec["score"]),
                      title=f"{rec['name']} score {rec['score']:.3f}\n" + "\n".join(rec["reasons"]))
        for path in rec.get("paths", []):
            prev: dict[str, Any] | None = None
            rel: dict[str, Any] | None = None
            for step in path:
                if "rel" in step:
                    rel = step
                    continue
                view.add_node(step["id"], step.get("label", "?"), step.get("name") or step["id"])
                if prev is not None and rel is not None:
                    a, b = (step["id"], prev["id"]) if rel.get("reverse") else (prev["id"], step["id"])
                    view.add_edge(a, b, rel["rel"])
                prev, rel = step, None
    return view.write(out)
