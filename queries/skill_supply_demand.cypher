// ---
// name: skill_supply_demand
// title: {zh: 技能供需分布（按区县）, en: Skill supply and demand by district}
// description: >-
//   For a skill (or any narrower skill): per district, how many people, studios and teams
//   have it and how many enterprises need it, and how many of those are not served yet.
// params:
//   skill: {type: string, example: 焊接, description: skill name or alias}
// tags: [skills, needs, regions]
// ---
MATCH (s:Skill)
WHERE s.name = $skill OR $skill IN coalesce(s.aliases, [])
MATCH (k:Skill)-[:BROADER*0..2]->(s)
WITH collect(DISTINCT k) AS ks
UNWIND ks AS k
OPTIONAL MATCH (k)<-[:HAS_SKILL]-(prov)
WHERE prov:Person OR prov:Studio OR prov:ServiceTeam
WITH ks, collect(DISTINCT CASE WHEN prov IS NULL THEN null ELSE {code: prov.region_code, id: prov.id} END) AS supply
UNWIND ks AS k
OPTIONAL MATCH (k)<-[:NEEDS]-(e:Enterprise)
OPTIONAL MATCH (h)-[:ENGAGED|HELPED]->(e)
WITH supply, e, count(h) AS helps
WITH supply, collect(DISTINCT CASE WHEN e IS NULL THEN null ELSE {code: e.region_code, id: e.id, open: helps = 0} END) AS demand
UNWIND [x IN supply | {code: x.code, kind: 'supply', id: x.id, open: false}] +
       [x IN demand | {code: x.code, kind: 'demand', id: x.id, open: x.open}] AS it
WITH it.code AS code,
     size(collect(DISTINCT CASE WHEN it.kind = 'supply' THEN it.id END)) AS providers,
     size(collect(DISTINCT CASE WHEN it.kind = 'demand' THEN it.id END)) AS enterprises,
     size(collect(DISTINCT CASE WHEN it.kind = 'demand' AND it.open THEN it.id END)) AS unserved
OPTIONAL MATCH (pl:Place {code: code})
RETURN code, pl.name AS district, providers, enterprises, unserved
ORDER BY enterprises DESC, providers DESC, coalesce(code, '')
