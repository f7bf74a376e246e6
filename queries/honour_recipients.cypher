// ---
// name: honour_recipients
// title: {zh: 某项荣誉的获得者, en: Recipients of one honour}
// description: >-
//   People, studios, teams and organisations that received an honour (by name or alias,
//   e.g. 全国劳模), with the year, their district and employer.
// params:
//   honour: {type: string, example: 广东省劳动模范, description: honour name or alias}
//   year: {type: int, default: null, example: 2018, description: conferral year; null for all}
//   limit: {type: int, default: 100, example: 20}
// tags: [honours, people]
// ---
MATCH (h:Honour)
WHERE h.name = $honour OR $honour IN coalesce(h.aliases, [])
MATCH (a)-[r:RECEIVED]->(h)
WHERE $year IS NULL OR r.year = $year
OPTIONAL MATCH (a)-[:LOCATED_IN]->(pl:Place)
OPTIONAL MATCH (a)-[:WORKS_FOR]->(o)
RETURN h.name AS honour, r.year AS year, a.id AS id, a.name AS name, labels(a)[0] AS kind,
       collect(DISTINCT pl.name) AS districts, collect(DISTINCT o.name) AS employers
ORDER BY year DESC, name
LIMIT $limit
