// ---
// name: skill_supply_demand
// title: {zh: 技能供需分布（按区县）, en: Skill supply and demand by district}
// description: >-
//   For a skill (or any narrower skill): per district, how many people, studios and teams
//   have it and how many enterprises need it (smes_needing_skill with `unserved` lists
//   those nobody has helped yet).
// params:
//   skill: {type: string, example: 焊接, description: skill name or alias}
// tags: [skills, needs, regions]
// ---
MATCH (s:Skill)
WHERE s.name = $skill OR $skill IN coalesce(s.aliases, [])
MATCH (k:Skill)-[:BROADER*0..2]->(s)
WITH collect(DISTINCT k) AS ks
UNWIND ks AS k
OPTIONAL MATCH (k)<-[:NEEDS]-(e:Enterprise)
WITH ks, collect(DISTINCT e) AS es
UNWIND CASE WHEN size(es) = 0 THEN [null] ELSE es END AS e
WITH ks, e.region_code AS code, count(e) AS enterprises
WITH ks, collect(CASE WHEN code IS NULL THEN null ELSE {code: code, enterprises: enterprises} END) AS demand
UNWIND ks AS k
OPTIONAL MATCH (k)<-[:HAS_SKILL]-(prov)
WHERE prov:Person OR prov:Studio OR prov:ServiceTeam
WITH demand, collect(DISTINCT prov) AS ps
UNWIND CASE WHEN size(ps) = 0 THEN [null] ELSE ps END AS prov
WITH demand, prov.region_code AS code, count(prov) AS providers
WITH demand, collect(CASE WHEN code IS NULL THEN null ELSE {code: code, providers: providers} END) AS supply
UNWIND [d IN demand | d.code] + [x IN supply | x.code] AS code
WITH DISTINCT code, demand, supply
WITH code, [d IN demand WHERE d.code = code] AS ds, [x IN supply WHERE x.code = code] AS xs
OPTIONAL MATCH (pl:Place {code: code})
RETURN code, pl.name AS district, coalesce(xs[0].providers, 0) AS providers,
       coalesce(ds[0].enterprises, 0) AS enterprises
ORDER BY enterprises DESC, providers DESC, code
