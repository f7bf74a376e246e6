// ---
// name: article_stats
// title: {zh: 文章来源统计, en: Articles and what was extracted from them}
// description: >-
//   Every article (newest first) with its path, title, date, length, the number of
//   entities it mentions per kind and the number of relationships it supports.
// params:
//   limit: {type: int, default: 100, example: 20}
// tags: [stats, provenance]
// ---
MATCH (a:Article)
OPTIONAL MATCH (a)-[:MENTIONS]->(n)
WITH a, labels(n)[0] AS kind, count(n) AS entities
WITH a, toInteger(sum(entities)) AS entities, collect(CASE WHEN kind IS NULL THEN null ELSE kind + ':' + toString(entities) END) AS kinds
OPTIONAL MATCH (a)-[:MENTIONS]->(x)-[r]-()
WHERE type(r) <> 'MENTIONS' AND a.id IN coalesce(r.sources, [])
RETURN a.id AS id, a.path AS path, a.title AS title, a.date AS date, a.chars AS chars, entities, kinds,
       count(DISTINCT r) AS relationships
ORDER BY coalesce(date, '') DESC, path
LIMIT $limit
