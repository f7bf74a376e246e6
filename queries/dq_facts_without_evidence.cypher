// ---
// name: dq_facts_without_evidence
// title: {zh: 数据质量：缺少证据的文章事实, en: "Data quality: article facts without evidence"}
// description: >-
//   Relationships that an article supports (its id is in `sources`) but that carry no
//   non-empty evidence span from that article (none, or only start = end), so no
//   sentence can be shown for them.
// params:
//   limit: {type: int, default: 100, example: 20}
// tags: [quality, provenance]
// ---
MATCH (a:Article)-[:MENTIONS]->(x)-[r]->(y)
WHERE type(r) <> 'MENTIONS' AND a.id IN coalesce(r.sources, [])
  AND NOT any(e IN coalesce(r.evidence, []) WHERE (e STARTS WITH (a.id + '#'))
              AND (split(split(e, '#')[1], '-')[0] <> split(split(e, '#')[1], '-')[1]))
RETURN DISTINCT a.path AS article, x.id AS subject, type(r) AS relationship, y.id AS object
ORDER BY article, subject, relationship, object
LIMIT $limit
