// ---
// name: smes_unserved_needs
// title: {zh: 有技术需求但尚未获得服务的中小企业, en: SMEs with open needs and no engagement yet}
// description: >-
//   Enterprises that stated technical needs and that no one has engaged or helped yet,
//   optionally in one region (district, city or province), of one 专精特新 tier, size or
//   industry; with the skills derived from their needs. The first `limit` found (in the
//   store's order, which is load order on FalkorDB) are listed, sorted by region and
//   register id: the query stops as soon as it has them, so it stays fast on a register of
//   millions; raise `limit` to see more.
// params:
//   region: {type: string, default: null, example: 茂南区, description: province, city or district name or code; null for all}
//   tier: {type: string, default: null, example: null, description: "innovative, specialised or little_giant; null for all"}
//   size: {type: string, default: null, example: null, description: "大, 中, 小 or 微; null for all"}
//   industry: {type: string, default: null, example: null, description: GB/T 4754 code or name (a section includes its divisions); null for all}
//   limit: {type: int, default: 100, example: 20}
// tags: [enterprises, needs]
// ---
OPTIONAL MATCH (rg:Place)
WHERE $region IS NOT NULL AND (rg.name = $region OR rg.code = $region OR $region IN coalesce(rg.aliases, []))
OPTIONAL MATCH (sub:Place)-[:BROADER*0..2]->(rg)
WITH collect(DISTINCT sub.code) AS codes
MATCH (e:Enterprise)
WHERE ($region IS NULL OR e.region_code IN codes)
  AND e.needs IS NOT NULL AND e.needs <> ''
  AND ($tier IS NULL OR e.tier = $tier) AND ($size IS NULL OR e.size = $size)
  AND NOT (e)<-[:ENGAGED]-() AND NOT (e)<-[:HELPED]-()
  AND ($industry IS NULL OR (e)-[:IN_INDUSTRY]->(:Industry {id: 'industry:' + $industry})
       OR (e)-[:IN_INDUSTRY]->(:Industry {name: $industry})
       OR (e)-[:IN_INDUSTRY]->(:Industry)-[:BROADER]->(:Industry {id: 'industry:' + $industry}))
WITH e
LIMIT $limit
OPTIONAL MATCH (e)-[:NEEDS]->(s:Skill)
OPTIONAL MATCH (e)-[:LOCATED_IN]->(pl:Place)
RETURN e.id AS id, e.name AS enterprise, e.region_code AS region_code, e.register_id AS register_id, e.tier AS tier,
       e.size AS size, collect(DISTINCT pl.name) AS districts, e.needs AS needs, collect(DISTINCT s.name) AS skills
ORDER BY region_code, register_id, enterprise
