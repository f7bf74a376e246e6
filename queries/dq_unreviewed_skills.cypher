// ---
// name: dq_unreviewed_skills
// title: {zh: 数据质量：待审核的技能, en: "Data quality: unreviewed skills"}
// description: >-
//   Skills that came from free text (register cells, needs, articles) and are not in the
//   skill vocabulary yet (`reviewed` false), with how many people, studios, teams and
//   enterprises use them, most used first: candidates for the vocabulary.
// params:
//   limit: {type: int, default: 100, example: 20}
// tags: [quality, skills]
// ---
MATCH (s:Skill)
WHERE s.reviewed = false
OPTIONAL MATCH (x)-[:HAS_SKILL]->(s)
WITH s, count(DISTINCT x) AS holders
OPTIONAL MATCH (e:Enterprise)-[:NEEDS]->(s)
RETURN s.id AS id, s.name AS skill, holders, count(DISTINCT e) AS needed_by, coalesce(s.sources, [])[0..5] AS sources
ORDER BY holders + needed_by DESC, skill
LIMIT $limit
