// ---
// name: smes_needing_skill
// title: {zh: 需要某项技能的企业, en: Enterprises that need a skill}
// description: >-
//   Enterprises whose needs call for a skill (by name or alias, or any narrower skill),
//   optionally in one region and only those nobody has engaged or helped yet, with the
//   matching skills and how many providers have helped them. The first `limit` found are
//   listed, sorted by register id (the query stops as soon as it has them).
// params:
//   skill: {type: string, example: 焊接, description: skill name or alias}
//   region: {type: string, default: null, example: null, description: province, city or district name or code; null for all}
//   unserved: {type: bool, default: false, example: true, description: only enterprises nobody has engaged or helped}
//   limit: {type: int, default: 100, example: 20}
// tags: [enterprises, needs, skills]
// ---
MATCH (s:Skill)
WHERE s.name = $skill OR $skill IN coalesce(s.aliases, [])
MATCH (k:Skill)-[:BROADER*0..2]->(s)
WITH collect(DISTINCT k) AS ks
OPTIONAL MATCH (rg:Place)
WHERE $region IS NOT NULL AND (rg.name = $region OR rg.code = $region OR $region IN coalesce(rg.aliases, []))
OPTIONAL MATCH (sub:Place)-[:BROADER*0..2]->(rg)
WITH ks, collect(DISTINCT sub.code) AS codes
UNWIND ks AS k
MATCH (k)<-[:NEEDS]-(e:Enterprise)
WHERE ($region IS NULL OR e.region_code IN codes)
  AND (NOT $unserved OR (NOT (e)<-[:ENGAGED]-() AND NOT (e)<-[:HELPED]-()))
WITH DISTINCT ks, e
LIMIT $limit
OPTIONAL MATCH (e)-[:NEEDS]->(k2:Skill)
WITH e, ks, collect(DISTINCT k2) AS needed
WITH e, [x IN needed WHERE x IN ks | x.name] AS skills
OPTIONAL MATCH (e)-[:LOCATED_IN]->(pl:Place)
OPTIONAL MATCH (prov)-[:ENGAGED|HELPED]->(e)
RETURN e.id AS id, e.name AS enterprise, e.register_id AS register_id, skills,
       collect(DISTINCT pl.name) AS districts, e.needs AS needs, count(DISTINCT prov) AS helped_by
ORDER BY register_id, enterprise
