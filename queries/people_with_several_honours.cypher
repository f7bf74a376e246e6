// ---
// name: people_with_several_honours
// title: {zh: 获得多项荣誉的人物, en: People with several honours}
// description: >-
//   People who received at least `min` distinct honours (optionally counting only one
//   level), with the honours and years, their district and employer.
// params:
//   min: {type: int, default: 2, example: 2, description: at least this many distinct honours}
//   level: {type: string, default: null, example: null, description: "count only honours of this level; null for all"}
//   limit: {type: int, default: 100, example: 20}
// tags: [honours, people]
// ---
MATCH (p:Person)-[:RECEIVED]->(h:Honour)
WHERE $level IS NULL OR h.level = $level
WITH p, count(DISTINCT h) AS count
WHERE count >= $min
WITH p, count
ORDER BY count DESC, p.name, p.id
LIMIT $limit
MATCH (p)-[r:RECEIVED]->(h:Honour)
WHERE $level IS NULL OR h.level = $level
WITH p, count, collect(h.name + CASE WHEN r.year IS NULL THEN '' ELSE ' ' + toString(r.year) END) AS honours
OPTIONAL MATCH (p)-[:LOCATED_IN]->(pl:Place)
OPTIONAL MATCH (p)-[:WORKS_FOR]->(o)
RETURN p.id AS id, p.name AS name, count, honours,
       collect(DISTINCT pl.name) AS districts, collect(DISTINCT o.name) AS employers
ORDER BY count DESC, name, id
