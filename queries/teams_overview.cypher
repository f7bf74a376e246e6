// ---
// name: teams_overview
// title: {zh: 技术服务队及其成员和行业, en: Service teams with member counts and industries}
// description: >-
//   Technical service teams with their leader, number of members (leader included),
//   industries, service region, the organisations that set them up and the campaigns
//   they are part of; optionally only teams serving one industry (code or name, a
//   section includes its divisions) or one region.
// params:
//   industry: {type: string, default: null, example: C26, description: GB/T 4754 code or name; null for all}
//   region: {type: string, default: null, example: 茂名市, description: province, city or district name or code; null for all}
//   limit: {type: int, default: 100, example: 20}
// tags: [teams]
// ---
OPTIONAL MATCH (rg:Place)
WHERE $region IS NOT NULL AND (rg.name = $region OR rg.code = $region OR $region IN coalesce(rg.aliases, []))
OPTIONAL MATCH (sub:Place)-[:BROADER*0..2]->(rg)
WITH collect(DISTINCT sub.code) AS codes
MATCH (t:ServiceTeam)
WHERE $region IS NULL OR t.region_code IN codes
OPTIONAL MATCH (t)-[:IN_INDUSTRY]->(i:Industry)
OPTIONAL MATCH (i)-[:BROADER*0..1]->(ib:Industry)
WITH t, collect(DISTINCT substring(i.id, 9) + ' ' + i.name) AS industries,
     collect(DISTINCT ib.id) + collect(DISTINCT ib.name) AS industry_keys
WHERE $industry IS NULL OR ('industry:' + $industry) IN industry_keys OR $industry IN industry_keys
OPTIONAL MATCH (leader:Person)-[:LEADS]->(t)
OPTIONAL MATCH (m:Person)-[:MEMBER_OF|LEADS]->(t)
WITH t, industries, collect(DISTINCT leader.name) AS leaders, count(DISTINCT m) AS members
OPTIONAL MATCH (t)-[:LOCATED_IN]->(pl:Place)
OPTIONAL MATCH (org)-[:ORGANISED]->(t)
OPTIONAL MATCH (t)-[:PART_OF]->(c:Campaign)
RETURN t.id AS id, t.name AS team, leaders, members, industries, collect(DISTINCT pl.name) AS regions,
       collect(DISTINCT org.name) AS organisers, collect(DISTINCT c.name) AS campaigns
ORDER BY members DESC, team
LIMIT $limit
