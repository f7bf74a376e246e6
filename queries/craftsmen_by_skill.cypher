// ---
// name: craftsmen_by_skill
// title: {zh: 按技能和区县查找劳模工匠, en: Craftsmen by skill and district}
// description: >-
//   People with a skill (by name or alias, or any narrower skill), optionally in one
//   district, city or province (places under it included), with their employer, district
//   and honours.
// params:
//   skill: {type: string, example: 焊接, description: skill name or alias}
//   region: {type: string, default: null, example: 茂名市, description: province, city or district name or code; null for all}
//   limit: {type: int, default: 50, example: 20}
// tags: [people, skills]
// ---
OPTIONAL MATCH (rg:Place)
WHERE $region IS NOT NULL AND (rg.name = $region OR rg.code = $region OR $region IN coalesce(rg.aliases, []))
OPTIONAL MATCH (sub:Place)-[:BROADER*0..2]->(rg)
WITH collect(DISTINCT sub.code) AS codes
MATCH (s:Skill)
WHERE s.name = $skill OR $skill IN coalesce(s.aliases, [])
MATCH (k:Skill)-[:BROADER*0..2]->(s)
MATCH (p:Person)-[:HAS_SKILL]->(k)
OPTIONAL MATCH (p)-[:LOCATED_IN]->(pl:Place)
WITH p, codes, collect(DISTINCT k.name) AS skills, collect(DISTINCT pl.name) AS districts,
     collect(DISTINCT pl.code) AS place_codes
WHERE $region IS NULL OR p.region_code IN codes OR any(c IN place_codes WHERE c IN codes)
OPTIONAL MATCH (p)-[:WORKS_FOR]->(o)
OPTIONAL MATCH (p)-[:RECEIVED]->(h:Honour)
RETURN p.id AS id, p.name AS name, p.register_id AS register_id, skills, districts,
       collect(DISTINCT o.name) AS employers, collect(DISTINCT h.name) AS honours
ORDER BY name, id
LIMIT $limit
