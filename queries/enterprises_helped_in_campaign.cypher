// ---
// name: enterprises_helped_in_campaign
// title: {zh: 专项行动中帮扶的企业, en: Enterprises helped in a campaign}
// description: >-
//   Enterprises helped within a campaign (e.g. 劳模工匠助企行): help given by the service
//   teams that are part of the campaign and by their leaders and members (register
//   engagements and article reports), plus help reported in articles that mention the
//   campaign. With a `period` only register engagements of that quarter are listed.
// params:
//   campaign: {type: string, example: 劳模工匠助企行, description: campaign name or alias}
//   period: {type: string, default: null, example: 2024Q3, description: quarter such as 2025Q1; null for all}
//   limit: {type: int, default: 200, example: 50}
// tags: [campaigns, enterprises, engagements]
// ---
MATCH (c:Campaign)
WHERE c.name = $campaign OR $campaign IN coalesce(c.aliases, [])
OPTIONAL MATCH (t:ServiceTeam)-[:PART_OF]->(c)
OPTIONAL MATCH (m:Person)-[:MEMBER_OF|LEADS]->(t)
WITH c, collect(DISTINCT t) + collect(DISTINCT m) AS providers
UNWIND CASE WHEN size(providers) = 0 THEN [null] ELSE providers END AS prov
OPTIONAL MATCH (prov)-[r:ENGAGED|HELPED]->(e:Enterprise)
WHERE $period IS NULL OR r.period = $period
WITH c, collect(CASE WHEN e IS NULL THEN null ELSE
       {provider: prov.name, kind: labels(prov)[0], via: type(r), id: e.id, enterprise: e.name,
        date: r.date, period: r.period, service_type: r.service_type, outcome: r.outcome} END) AS by_teams
OPTIONAL MATCH (a:Article)-[:MENTIONS]->(c)
OPTIONAL MATCH (a)-[:MENTIONS]->(e2:Enterprise)<-[r2:HELPED]-(prov2)
WHERE a.id IN coalesce(r2.sources, []) AND ($period IS NULL OR r2.period = $period)
WITH c, by_teams, collect(CASE WHEN e2 IS NULL THEN null ELSE
       {provider: prov2.name, kind: labels(prov2)[0], via: type(r2), id: e2.id, enterprise: e2.name,
        date: r2.date, period: r2.period, service_type: r2.service_type, outcome: r2.outcome} END) AS by_articles
UNWIND by_teams + by_articles AS h
RETURN DISTINCT c.name AS campaign, h.provider AS provider, h.kind AS provider_kind, h.via AS via,
       h.id AS enterprise_id, h.enterprise AS enterprise, h.date AS date, h.period AS period,
       h.service_type AS service_type, h.outcome AS outcome
ORDER BY coalesce(date, ''), enterprise, provider
LIMIT $limit
