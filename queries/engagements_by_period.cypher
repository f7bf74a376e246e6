// ---
// name: engagements_by_period
// title: {zh: 各季度服务企业情况, en: Engagements per quarter and service type}
// description: >-
//   Register engagements per quarter and service type between two quarters (inclusive):
//   number of engagements, distinct enterprises served and distinct providers.
// params:
//   from: {type: string, default: "2000Q1", example: 2024Q1, description: first quarter, e.g. 2024Q1}
//   to: {type: string, default: "2999Q4", example: 2024Q4, description: last quarter, e.g. 2025Q1}
// tags: [engagements]
// ---
MATCH (p)-[r:ENGAGED]->(e:Enterprise)
WHERE r.period >= $from AND r.period <= $to
RETURN r.period AS period, r.service_type AS service_type, count(r) AS engagements,
       count(DISTINCT e) AS enterprises, count(DISTINCT p) AS providers
ORDER BY period, service_type
