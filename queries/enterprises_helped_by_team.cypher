// ---
// name: enterprises_helped_by_team
// title: {zh: 服务队帮扶的企业, en: Enterprises helped by a service team}
// description: >-
//   Enterprises a technical service team helped, by itself or (with `members`) through its
//   leader and members: engagements from the register (ENGAGED, with date, quarter,
//   service type and outcome) and help reported in articles (HELPED). With a `period`
//   (e.g. 2025Q1) only register engagements of that quarter are listed.
// params:
//   team: {type: string, example: 茂南区劳模工匠技术服务队, description: team name, alias or register id}
//   period: {type: string, default: null, example: 2024Q3, description: quarter such as 2025Q1; null for all}
//   members: {type: bool, default: true, example: true, description: also count help given by the team's leader and members}
//   limit: {type: int, default: 200, example: 50}
// tags: [teams, enterprises, engagements]
// ---
MATCH (t:ServiceTeam)
WHERE t.name = $team OR t.register_id = $team OR $team IN coalesce(t.aliases, [])
OPTIONAL MATCH (m:Person)-[:MEMBER_OF|LEADS]->(t)
WITH t, CASE WHEN $members THEN collect(DISTINCT m) ELSE [] END + [t] AS providers
UNWIND providers AS prov
MATCH (prov)-[r:ENGAGED|HELPED]->(e:Enterprise)
WHERE $period IS NULL OR r.period = $period
RETURN t.name AS team, prov.name AS provider, labels(prov)[0] AS provider_kind, type(r) AS via,
       e.id AS enterprise_id, e.name AS enterprise, r.date AS date, r.period AS period,
       r.service_type AS service_type, r.outcome AS outcome
ORDER BY coalesce(date, ''), enterprise, provider
LIMIT $limit
