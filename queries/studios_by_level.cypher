// ---
// name: studios_by_level
// title: {zh: 按级别查看创新工作室及领衔人荣誉, en: Studios by level with their leaders' honours}
// description: >-
//   Innovation studios of one level (or all), optionally in one region, with the host
//   organisation, the leader and the leader's honours, and the number of members.
// params:
//   level: {type: string, default: null, example: provincial, description: "studio level: national, provincial, municipal, enterprise; null for all"}
//   region: {type: string, default: null, example: 茂名市, description: province, city or district name or code; null for all}
//   limit: {type: int, default: 100, example: 20}
// tags: [studios, honours]
// ---
OPTIONAL MATCH (rg:Place)
WHERE $region IS NOT NULL AND (rg.name = $region OR rg.code = $region OR $region IN coalesce(rg.aliases, []))
OPTIONAL MATCH (sub:Place)-[:BROADER*0..2]->(rg)
WITH collect(DISTINCT sub.code) AS codes
MATCH (s:Studio)
WHERE ($level IS NULL OR s.level = $level) AND ($region IS NULL OR s.region_code IN codes)
WITH s
ORDER BY s.name, s.id
LIMIT $limit
OPTIONAL MATCH (leader:Person)-[:LEADS]->(s)
OPTIONAL MATCH (leader)-[r:RECEIVED]->(h:Honour)
WITH s, leader, collect(DISTINCT h.name + CASE WHEN r.year IS NULL THEN '' ELSE ' ' + toString(r.year) END) AS leader_honours
OPTIONAL MATCH (s)-[:BASED_AT]->(host)
OPTIONAL MATCH (s)-[:LOCATED_IN]->(pl:Place)
OPTIONAL MATCH (m:Person)-[:MEMBER_OF]->(s)
RETURN s.id AS id, s.name AS studio, s.level AS level, collect(DISTINCT host.name) AS hosts,
       collect(DISTINCT pl.name) AS districts, leader.name AS leader, leader_honours,
       count(DISTINCT m) AS members
ORDER BY studio, id, leader
