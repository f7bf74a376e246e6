// ---
// name: people_at_organisation
// title: {zh: 某单位的劳模工匠, en: People working for an organisation}
// description: >-
//   People who work for an organisation (enterprise, union, government body or other, by
//   name or alias), with their position, honours and skills, and the studios hosted there.
// params:
//   organisation: {type: string, example: 茂名市华隆化学原料有限责任公司, description: organisation name or alias}
//   limit: {type: int, default: 100, example: 20}
// tags: [people, organisations]
// ---
OPTIONAL MATCH (o1:Enterprise {name: $organisation})
OPTIONAL MATCH (o2:Union {name: $organisation})
OPTIONAL MATCH (o3:GovernmentBody {name: $organisation})
OPTIONAL MATCH (o4:Organization {name: $organisation})
WITH [x IN [o1, o2, o3, o4] WHERE x IS NOT NULL] AS exact
OPTIONAL MATCH (a:Organization) WHERE size(exact) = 0 AND $organisation IN coalesce(a.aliases, [])
OPTIONAL MATCH (b:Union) WHERE size(exact) = 0 AND $organisation IN coalesce(b.aliases, [])
OPTIONAL MATCH (c:GovernmentBody) WHERE size(exact) = 0 AND $organisation IN coalesce(c.aliases, [])
WITH exact, collect(DISTINCT a) + collect(DISTINCT b) + collect(DISTINCT c) AS by_alias
UNWIND exact + by_alias AS o
MATCH (p:Person)-[w:WORKS_FOR]->(o)
OPTIONAL MATCH (p)-[:RECEIVED]->(h:Honour)
OPTIONAL MATCH (p)-[:HAS_SKILL]->(s:Skill)
WITH o, p, w, collect(DISTINCT h.name) AS honours, collect(DISTINCT s.name) AS skills
OPTIONAL MATCH (st:Studio)-[:BASED_AT]->(o)
RETURN o.name AS organisation, p.id AS id, p.name AS name, w.position AS position, honours, skills,
       collect(DISTINCT st.name) AS studios
ORDER BY name, id
LIMIT $limit
