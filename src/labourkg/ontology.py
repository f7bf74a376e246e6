"""Read ``ontology/`` (OWL + SKOS in Turtle) into the structures the rest of labourkg uses.

Everything the graph is made of -- node labels, relationship types, keys, indexed
properties, and the concepts of the honour, skill, industry and region schemes -- is
derived here from the Turtle files, so the ontology stays the single source of truth.

Parsing Turtle with rdflib takes about a second, so the derived structures are cached as
JSON in ``$LABOURKG_HOME/cache`` keyed by the files' contents.

>>> onto = load_ontology()
>>> onto.label("Person")
'Person'
>>> onto.node_type("Person").id_prefix
'person'
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from labourkg.resources import home_dir, ontology_dir

LK = "https://w3id.org/labourkg/ontology#"
LKV = "https://w3id.org/labourkg/vocab/"
CACHE_VERSION = 3


class UnknownTermError(KeyError):
    """A label, relationship type or concept that the ontology does not define."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class NodeType:
    label: str
    iri: str
    id_prefix: str
    key: str
    name_zh: str
    name_en: str
    comment: str
    scheme: str | None = None  # local name of the SKOS scheme that populates it
    parents: tuple[str, ...] = ()  # graph labels of superclasses that are node types too


@dataclass(frozen=True)
class RelType:
    type: str
    iri: str
    name_zh: str
    name_en: str
    comment: str
    domain: tuple[str, ...] = ()  # graph labels; empty = any
    range: tuple[str, ...] = ()


@dataclass(frozen=True)
class PropertyDef:
    name: str
    iri: str
    indexed: bool
    datatype: str | None
    domain: tuple[str, ...] = ()


@dataclass(frozen=True)
class Concept:
    """A SKOS concept. ``id`` is its graph id (``industry:C39``) or, for enum schemes, its local name."""

    id: str
    iri: str
    scheme: str
    name: str
    name_en: str | None = None
    aliases: tuple[str, ...] = ()
    notations: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    attrs: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def local(self) -> str:
        return local_name(self.iri)

    def attr(self, name: str) -> str | None:
        values = self.attrs.get(name, ())
        return values[0] if values else None


def local_name(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1]
    return iri


@dataclass(eq=False)  # hashed by identity: templates are cached per ontology
class Ontology:
    node_types: dict[str, NodeType]
    rel_types: dict[str, RelType]
    properties: dict[str, PropertyDef]
    concepts: dict[str, list[Concept]]  # scheme local name -> concepts
    version: str = ""
    source_hash: str = ""
    _by_id: dict[str, Concept] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {c.id: c for cs in self.concepts.values() for c in cs}

    # --- terms, validated: code asks for a label through here, so a typo fails loudly
    def label(self, name: str) -> str:
        if name not in self.node_types:
            raise UnknownTermError(f"label {name!r} is not defined in the ontology")
        return name

    def rel(self, name: str) -> str:
        if name not in self.rel_types:
            raise UnknownTermError(f"relationship type {name!r} is not defined in the ontology")
        return name

    def prop(self, name: str) -> str:
        if name not in self.properties:
            raise UnknownTermError(f"property {name!r} is not defined in the ontology")
        return name

    def node_type(self, label: str) -> NodeType:
        return self.node_types[self.label(label)]

    def id_for(self, label: str, local: str) -> str:
        """Graph id of a node of ``label`` named ``local``: ``person:高凤林``."""
        return f"{self.node_type(label).id_prefix}:{local}"

    def label_of_id(self, node_id: str) -> str | None:
        prefix = node_id.split(":", 1)[0]
        for nt in self.node_types.values():
            if nt.id_prefix == prefix:
                return nt.label
        return None

    def indexed_properties(self) -> list[tuple[str, str]]:
        """(label, property) pairs the store should index: every key, and every ``lk:indexed`` property
        on the labels of its domain (all labels when it has none)."""
        pairs: set[tuple[str, str]] = set()
        for nt in self.node_types.values():
            pairs.add((nt.label, nt.key))
            for p in self.properties.values():
                if p.indexed and (not p.domain or nt.label in p.domain):
                    pairs.add((nt.label, p.name))
        return sorted(pairs)

    # --- vocabularies
    def scheme(self, name: str) -> list[Concept]:
        if name not in self.concepts:
            raise UnknownTermError(f"concept scheme {name!r} is not defined in the ontology")
        return self.concepts[name]

    def concept(self, concept_id: str) -> Concept:
        try:
            return self._by_id[concept_id]
        except KeyError:
            raise UnknownTermError(f"concept {concept_id!r} is not defined in the ontology") from None

    def find_concept(self, concept_id: str) -> Concept | None:
        return self._by_id.get(concept_id)

    def scheme_label(self, scheme: str) -> str | None:
        """The node label a scheme's concepts are loaded as (``regions`` -> ``Place``)."""
        for nt in self.node_types.values():
            if nt.scheme == scheme:
                return nt.label
        return None

    def graph_schemes(self) -> Iterable[tuple[str, str]]:
        """(scheme, label) for every scheme that becomes nodes."""
        for nt in self.node_types.values():
            if nt.scheme and nt.scheme in self.concepts:
                yield nt.scheme, nt.label


# ---------------------------------------------------------------- reading Turtle


def _turtle_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*.ttl") if p.name != "shapes.ttl")


def _files_hash(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    h.update(str(CACHE_VERSION).encode())
    return h.hexdigest()[:16]


def parse_graph(directory: Path | None = None):  # -> rdflib.Graph
    """All Turtle files of the ontology (without the SHACL shapes) as one rdflib graph."""
    import rdflib

    g = rdflib.Graph()
    for f in _turtle_files(directory or ontology_dir()):
        g.parse(f, format="turtle")
    return g


def model_graph(directory: Path | None = None):  # -> rdflib.Graph
    """The OWL model alone: the top-level Turtle files of ``ontology/`` (not the vocabularies under
    ``vocab/``, not the shapes). Cached; do not modify the returned graph."""
    return _model_graph(Path(directory or ontology_dir()).resolve())


@cache
def _model_graph(directory: Path):  # -> rdflib.Graph
    import rdflib

    g = rdflib.Graph()
    for f in sorted(directory.glob("*.ttl")):
        if f.name != "shapes.ttl":
            g.parse(f, format="turtle")
    return g


def _lit(g, s, p, lang: str | None) -> str | None:
    for o in g.objects(s, p):
        if getattr(o, "language", None) == lang:
            return str(o)
    return None


def _build(directory: Path, source_hash: str) -> Ontology:
    from rdflib import OWL, RDF, RDFS, SKOS, Literal, Namespace, URIRef

    lk = Namespace(LK)
    g = parse_graph(directory)

    def labels_of(nodes) -> tuple[str, ...]:
        out: list[str] = []
        for n in nodes:
            gl = g.value(n, lk.graphLabel)
            if gl is not None:
                out.append(str(gl))
                continue
            members = g.value(n, OWL.unionOf)
            if members is not None:
                from rdflib.collection import Collection

                out.extend(str(g.value(m, lk.graphLabel)) for m in Collection(g, members) if g.value(m, lk.graphLabel))
        return tuple(out)

    node_types: dict[str, NodeType] = {}
    for cls in g.subjects(lk.graphLabel, None):
        label = str(g.value(cls, lk.graphLabel))
        scheme = g.value(cls, lk.conceptScheme)
        parents = labels_of(o for o in g.objects(cls, RDFS.subClassOf) if isinstance(o, URIRef))
        node_types[label] = NodeType(
            label=label,
            iri=str(cls),
            id_prefix=str(g.value(cls, lk.idPrefix) or label.lower()),
            key=str(g.value(cls, lk.key) or "id"),
            name_zh=_lit(g, cls, RDFS.label, "zh") or label,
            name_en=_lit(g, cls, RDFS.label, "en") or label,
            comment=_lit(g, cls, RDFS.comment, "en") or "",
            scheme=local_name(str(scheme)) if scheme is not None else None,
            parents=parents,
        )

    # every node type with all its (transitive) superclasses, so that a domain or range
    # given as a superclass (lk:Agent, lk:Organization) covers its sub-classes
    ancestors: dict[str, set] = {}
    for nt in node_types.values():
        seen: set = set()
        todo = [URIRef(nt.iri)]
        while todo:
            c = todo.pop()
            if c in seen:
                continue
            seen.add(c)
            todo.extend(o for o in g.objects(c, RDFS.subClassOf) if isinstance(o, URIRef))
        ancestors[nt.label] = seen

    def expand(classes: Iterable) -> tuple[str, ...]:
        from rdflib.collection import Collection

        out: set[str] = set()
        for n in classes:
            if n == OWL.Thing:
                return ()
            members = g.value(n, OWL.unionOf)
            targets = list(Collection(g, members)) if members is not None else [n]
            for t in targets:
                out.update(label for label, anc in ancestors.items() if t in anc)
        return tuple(sorted(out))

    rel_types: dict[str, RelType] = {}
    for prop in g.subjects(lk.graphType, None):
        t = str(g.value(prop, lk.graphType))
        rel_types[t] = RelType(
            type=t,
            iri=str(prop),
            name_zh=_lit(g, prop, RDFS.label, "zh") or t,
            name_en=_lit(g, prop, RDFS.label, "en") or t,
            comment=_lit(g, prop, RDFS.comment, "en") or "",
            domain=expand(g.objects(prop, RDFS.domain)),
            range=expand(g.objects(prop, RDFS.range)),
        )

    properties: dict[str, PropertyDef] = {}
    for prop in g.subjects(lk.graphProperty, None):
        name = str(g.value(prop, lk.graphProperty))
        indexed = g.value(prop, lk.indexed)
        rng = g.value(prop, RDFS.range)
        properties[name] = PropertyDef(
            name=name,
            iri=str(prop),
            indexed=bool(indexed is not None and indexed.toPython()),
            datatype=local_name(str(rng)) if rng is not None else None,
            domain=expand(g.objects(prop, RDFS.domain)),
        )

    scheme_prefix = {nt.scheme: nt.id_prefix for nt in node_types.values() if nt.scheme}
    concepts: dict[str, list[Concept]] = {}
    skip = {SKOS.prefLabel, SKOS.altLabel, SKOS.notation, SKOS.broader, SKOS.related, SKOS.inScheme,
            SKOS.topConceptOf, RDF.type}
    # a concept in several schemes (lke:national is an honour level and a studio level) is listed in each
    in_schemes = [(c, local_name(str(s))) for c in sorted(set(g.subjects(RDF.type, SKOS.Concept)))
                  for s in sorted(set(g.objects(c, SKOS.inScheme)) | set(g.objects(c, SKOS.topConceptOf)))]
    for c, scheme in in_schemes:
        prefix = scheme_prefix.get(scheme)

        def cid(iri, prefix=prefix) -> str:
            return f"{prefix}:{local_name(str(iri))}" if prefix else local_name(str(iri))

        attrs: dict[str, list[str]] = {}
        for p, o in g.predicate_objects(c):
            if p in skip or not str(p).startswith(LK):
                continue
            value = str(o) if isinstance(o, Literal) else local_name(str(o))
            attrs.setdefault(local_name(str(p)), []).append(value)
        name = _lit(g, c, SKOS.prefLabel, "zh") or _lit(g, c, SKOS.prefLabel, None) or local_name(str(c))
        concepts.setdefault(scheme, []).append(
            Concept(
                id=cid(c),
                iri=str(c),
                scheme=scheme,
                name=name,
                name_en=_lit(g, c, SKOS.prefLabel, "en"),
                aliases=tuple(sorted(str(o) for o in g.objects(c, SKOS.altLabel) if getattr(o, "language", "zh") in ("zh", None))),
                notations=tuple(sorted(str(o) for o in g.objects(c, SKOS.notation))),
                broader=tuple(sorted(cid(o) for o in g.objects(c, SKOS.broader))),
                related=tuple(sorted(cid(o) for o in g.objects(c, SKOS.related))),
                attrs={k: tuple(sorted(v)) for k, v in attrs.items()},
            )
        )
    version = str(g.value(URIRef("https://w3id.org/labourkg/ontology"), OWL.versionInfo) or "")
    return Ontology(node_types, rel_types, properties, concepts, version=version, source_hash=source_hash)


def _to_json(onto: Ontology) -> dict:
    return {
        "node_types": {k: asdict(v) for k, v in onto.node_types.items()},
        "rel_types": {k: asdict(v) for k, v in onto.rel_types.items()},
        "properties": {k: asdict(v) for k, v in onto.properties.items()},
        "concepts": {k: [asdict(c) for c in v] for k, v in onto.concepts.items()},
        "version": onto.version,
        "source_hash": onto.source_hash,
    }


def _tuples(d: dict) -> dict:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in d.items()}


def _from_json(data: dict) -> Ontology:
    concepts = {
        k: [Concept(**{**_tuples(c), "attrs": {a: tuple(v) for a, v in c["attrs"].items()}}) for c in v]
        for k, v in data["concepts"].items()
    }
    return Ontology(
        node_types={k: NodeType(**_tuples(v)) for k, v in data["node_types"].items()},
        rel_types={k: RelType(**_tuples(v)) for k, v in data["rel_types"].items()},
        properties={k: PropertyDef(**_tuples(v)) for k, v in data["properties"].items()},
        concepts=concepts,
        version=data["version"],
        source_hash=data["source_hash"],
    )


def load_ontology(directory: Path | None = None, *, use_cache: bool = True) -> Ontology:
    """Load the ontology from ``directory`` (default: the packaged ``ontology/``)."""
    directory = Path(directory) if directory else ontology_dir()
    return _load_cached(directory.resolve(), use_cache)


@cache
def _load_cached(directory: Path, use_cache: bool) -> Ontology:
    files = _turtle_files(directory)
    if not files:
        raise FileNotFoundError(f"no Turtle files in {directory}")
    digest = _files_hash(files)
    cache_file = home_dir() / "cache" / f"ontology-{digest}.json"
    if use_cache and cache_file.exists():
        try:
            return _from_json(json.loads(cache_file.read_text(encoding="utf-8")))
        except (ValueError, TypeError, KeyError):
            pass  # an older cache layout: rebuild
    onto = _build(directory, digest)
    if use_cache:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(_to_json(onto), ensure_ascii=False), encoding="utf-8")
        tmp.replace(cache_file)
    return onto
