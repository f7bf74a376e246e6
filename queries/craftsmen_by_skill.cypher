// ---
// name: craftsmen_by_skill
// title: {zh: 按技能和区县查找劳模工匠, en: Craftsmen by skill and district}
// description: People with a skill (by name or alias, or any narrower skill), optionally in one district, with their employer and district.
// params:
//   skill: {type: string, example: 焊接, description: skill name or alias}
//   region: {type: string, default: null, example: 茂南区, description: district or city name; null for all}
//   limit: {type: int, default: 50}
// tags: [people, skills]
// ---
MATCH (s:Skill)
WHERE s.name = $skill OR $skill IN coalesce(s.aliases, [])
MATCH (k:Skill)-[:BROADER*0..2]->(s)
MATCH (p:Person)-[:HAS_SKILL]->(k)
OPTIONAL MATCH (p)-[:LOCATED_IN]->(pl:Place)
WITH p, pl, collect(DISTINCT k.name) AS skills
WHERE $region IS NULL OR pl.name = $region OR $region IN coalesce(pl.aliases, [])
OPTIONAL MATCH (p)-[:WORKS_FOR]->(o)
RETURN p.id AS id, p.name AS name, p.register_id AS register_id, skills,
       pl.name AS district, collect(DISTINCT o.name) AS employers
ORDER BY name
LIMIT $limit
