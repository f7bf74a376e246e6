// ---
// name: engagements_by_period
// title: {zh: 各季度服务企业情况, en: Engagements per quarter and service type}
// description: >-
//   Register engagements per quarter, service type and kind of provider (Person, Studio,
//   ServiceTeam) between two quarters (inclusive): number of engagements, distinct
//   enterprises served and distinct providers. Rows come per provider kind (one block
//   each, in that order), so the scan starts from the providers, never from every node.
// params:
//   from: {type: string, default: "2000Q1", example: 2024Q1, description: first quarter, e.g. 2024Q1}
//   to: {type: string, default: "2999Q4", example: 2024Q4, description: last quarter, e.g. 2025Q1}
// tags: [engagements]
// ---
MATCH (p:Person)-[r:ENGAGED]->(e:Enterprise)
WHERE r.period >= $from AND r.period <= $to
RETURN r.period AS period, r.service_type AS service_type, 'Person' AS provider_kind, count(r) AS engagements,
       count(DISTINCT e) AS enterprises, count(DISTINCT p) AS providers
UNION ALL
MATCH (p:Studio)-[r:ENGAGED]->(e:Enterprise)
WHERE r.period >= $from AND r.period <= $to
RETURN r.period AS period, r.service_type AS service_type, 'Studio' AS provider_kind, count(r) AS engagements,
       count(DISTINCT e) AS enterprises, count(DISTINCT p) AS providers
UNION ALL
MATCH (p:ServiceTeam)-[r:ENGAGED]->(e:Enterprise)
WHERE r.period >= $from AND r.period <= $to
RETURN r.period AS period, r.service_type AS service_type, 'ServiceTeam' AS provider_kind, count(r) AS engagements,
       count(DISTINCT e) AS enterprises, count(DISTINCT p) AS providers
