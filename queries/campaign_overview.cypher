// ---
// name: campaign_overview
// title: {zh: 专项行动概览, en: Campaign overview}
// description: >-
//   Every campaign (or one, by name or alias) with its organisers, the events and service
//   teams that are part of it, the enterprises those teams engaged or helped, and the
//   number of articles that mention it.
// params:
//   campaign: {type: string, default: null, example: 劳模工匠助企行, description: campaign name or alias; null for all}
// tags: [campaigns]
// ---
MATCH (c:Campaign)
WHERE $campaign IS NULL OR c.name = $campaign OR $campaign IN coalesce(c.aliases, [])
OPTIONAL MATCH (o)-[:ORGANISED]->(c)
WITH c, collect(DISTINCT o.name) AS organisers
OPTIONAL MATCH (ev:Event)-[:PART_OF]->(c)
WITH c, organisers, collect(DISTINCT ev.name) AS events
OPTIONAL MATCH (t:ServiceTeam)-[:PART_OF]->(c)
OPTIONAL MATCH (t)-[:ENGAGED|HELPED]->(e:Enterprise)
WITH c, organisers, events, collect(DISTINCT t.name) AS teams, count(DISTINCT e) AS enterprises_by_teams
OPTIONAL MATCH (a:Article)-[:MENTIONS]->(c)
RETURN c.id AS id, c.name AS campaign, organisers, events, teams, enterprises_by_teams,
       count(DISTINCT a) AS articles
ORDER BY campaign
