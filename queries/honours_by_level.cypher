// ---
// name: honours_by_level
// title: {zh: 按级别、年份和地区统计荣誉, en: Honours by level, year and region}
// description: >-
//   Recipients of honours per honour and conferral year, for one honour level (or all),
//   one year (or all) and one region (or all). A region is a province, city or district
//   by name, short name or GB/T 2260 code, and includes the districts under it; a
//   recipient is in it by its register region code or its LOCATED_IN place.
// params:
//   level: {type: string, default: null, example: provincial, description: "honour level: national, provincial, municipal, county, industry, enterprise; null for all"}
//   year: {type: int, default: null, example: 2021, description: conferral year; null for all}
//   region: {type: string, default: null, example: 茂名市, description: province, city or district name or code; null for all}
// tags: [honours]
// ---
OPTIONAL MATCH (rg:Place)
WHERE $region IS NOT NULL AND (rg.name = $region OR rg.code = $region OR $region IN coalesce(rg.aliases, []))
OPTIONAL MATCH (sub:Place)-[:BROADER*0..2]->(rg)
WITH collect(DISTINCT sub.code) AS codes
MATCH (a)-[r:RECEIVED]->(h:Honour)
WHERE ($level IS NULL OR h.level = $level) AND ($year IS NULL OR r.year = $year)
OPTIONAL MATCH (a)-[:LOCATED_IN]->(pl:Place)
WITH h, r, a, codes, collect(pl.code) AS located
WHERE $region IS NULL OR a.region_code IN codes OR any(c IN located WHERE c IN codes)
RETURN h.name AS honour, h.level AS level, r.year AS year, count(DISTINCT a) AS recipients,
       collect(DISTINCT a.name)[0..10] AS examples
ORDER BY recipients DESC, honour, year
