// ---
// name: engagements_by_period
// title: {zh: 某地区各季度服务企业情况, en: Engagements per quarter in a region}
// description: >-
//   Register engagements with the enterprises of one region (district, city or province,
//   places under it included) per quarter, service type and kind of provider, between
//   two quarters (inclusive): number of engagements, distinct enterprises served and
//   distinct providers. The scan starts from the region's enterprises (region-code
//   index); a whole province of a million enterprises takes seconds, a city or district
//   well under one.
// params:
//   region: {type: string, example: 茂南区, description: province, city or district name or code}
//   from: {type: string, default: "2000Q1", example: 2024Q1, description: first quarter, e.g. 2024Q1}
//   to: {type: string, default: "2999Q4", example: 2024Q4, description: last quarter, e.g. 2025Q1}
// tags: [engagements, regions]
// ---
MATCH (rg:Place)
WHERE rg.name = $region OR rg.code = $region OR $region IN coalesce(rg.aliases, [])
MATCH (sub:Place)-[:BROADER*0..2]->(rg)
WITH DISTINCT sub.code AS code
MATCH (e:Enterprise {region_code: code})
MATCH (e)<-[r:ENGAGED]-(p)
WHERE r.period >= $from AND r.period <= $to
RETURN r.period AS period, r.service_type AS service_type, labels(p)[0] AS provider_kind, count(r) AS engagements,
       count(DISTINCT e) AS enterprises, count(DISTINCT p) AS providers
ORDER BY period, service_type, provider_kind
