// ---
// name: event_organisers
// title: {zh: 活动与专项行动的组织者, en: Who organised which events and campaigns}
// description: >-
//   Events, campaigns and service teams with the organisations that organised or set them
//   up, the campaign an event belongs to, and the articles that report it. Optionally only
//   one organiser (name or alias) or only one kind (Event, Campaign, ServiceTeam).
// params:
//   organiser: {type: string, default: null, example: 茂名市总工会, description: organiser name or alias; null for all}
//   kind: {type: string, default: null, example: null, description: "Event, Campaign or ServiceTeam; null for all"}
//   limit: {type: int, default: 200, example: 50}
// tags: [events, campaigns, organisations]
// ---
OPTIONAL MATCH (ev:Event)
WITH collect(ev) AS xs
OPTIONAL MATCH (c:Campaign)
WITH xs, collect(c) AS more
WITH xs + more AS xs
OPTIONAL MATCH (t:ServiceTeam)
WITH xs, collect(t) AS more
WITH xs + more AS xs
UNWIND xs AS x
MATCH (x)<-[r:ORGANISED]-(o)
WHERE ($organiser IS NULL OR o.name = $organiser OR $organiser IN coalesce(o.aliases, []))
  AND ($kind IS NULL OR labels(x)[0] = $kind)
OPTIONAL MATCH (x)-[:PART_OF]->(c:Campaign)
RETURN o.name AS organiser, labels(o)[0] AS organiser_kind, labels(x)[0] AS kind, x.id AS id, x.name AS name,
       x.date AS date, collect(DISTINCT c.name) AS campaigns, size(coalesce(r.sources, [])) AS sources
ORDER BY organiser, kind, name
LIMIT $limit
