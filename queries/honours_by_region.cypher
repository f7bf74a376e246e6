// ---
// name: honours_by_region
// title: {zh: 各地区荣誉获得者统计, en: Honoured people per district}
// description: >-
//   For every district (county-level place) or city, how many people received an honour
//   of the given level, and how many honours. Optionally within one city or province.
// params:
//   level: {type: string, default: null, example: provincial, description: "honour level; null for all"}
//   within: {type: string, default: null, example: 茂名市, description: city or province name or code; null for everywhere}
//   limit: {type: int, default: 100, example: 20}
// tags: [honours, regions]
// ---
OPTIONAL MATCH (rg:Place)
WHERE $within IS NOT NULL AND (rg.name = $within OR rg.code = $within OR $within IN coalesce(rg.aliases, []))
OPTIONAL MATCH (sub:Place)-[:BROADER*0..2]->(rg)
WITH collect(DISTINCT sub.code) AS codes
MATCH (p:Person)-[r:RECEIVED]->(h:Honour)
WHERE $level IS NULL OR h.level = $level
MATCH (p)-[:LOCATED_IN]->(pl:Place)
WHERE $within IS NULL OR pl.code IN codes
RETURN pl.name AS district, pl.code AS code, count(DISTINCT p) AS people, count(r) AS honours,
       collect(DISTINCT h.name)[0..5] AS top_honours
ORDER BY people DESC, district
LIMIT $limit
