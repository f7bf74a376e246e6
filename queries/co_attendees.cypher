// ---
// name: co_attendees
// title: {zh: 共同出席活动的人物, en: People who appear together at events}
// description: >-
//   Pairs of people who attended (presided over, spoke at) the same events, with the
//   shared events; for one person (name or alias) their co-attendees, or all pairs.
// params:
//   person: {type: string, default: null, example: 张伟, description: person name or alias; null for all pairs}
//   min_shared: {type: int, default: 1, example: 1, description: at least this many shared events}
//   limit: {type: int, default: 100, example: 20}
// tags: [people, events]
// ---
MATCH (p:Person)-[:ATTENDED]->(ev:Event)<-[:ATTENDED]-(q:Person)
WHERE p.id <> q.id
  AND (($person IS NULL AND p.id < q.id) OR p.name = $person OR $person IN coalesce(p.aliases, []))
WITH p, q, collect(DISTINCT ev.name) AS events
WHERE size(events) >= $min_shared
RETURN p.name AS person, q.name AS other, size(events) AS shared, events, p.id AS person_id, q.id AS other_id
ORDER BY shared DESC, person, other
LIMIT $limit
