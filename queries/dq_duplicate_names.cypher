// ---
// name: dq_duplicate_names
// title: {zh: 数据质量：疑似重复的名称, en: "Data quality: names that look like duplicates"}
// description: >-
//   Groups of nodes of one kind (people, organisations, studios, teams, events, campaigns)
//   that share a name, or where one node's name is another node's alias: candidates for
//   merging, with their ids, register ids, employers and number of sources; up to `limit`
//   groups per kind, in name order. People of the same name may be different people: the
//   employers help decide.
// params:
//   limit: {type: int, default: 100, example: 20, description: at most this many groups per kind}
// tags: [quality]
// ---
MATCH (n:Person)
UNWIND [n.name] + [a IN coalesce(n.aliases, []) WHERE a <> n.name] AS key
WITH key, collect(n) AS nodes
WHERE size(nodes) > 1
WITH key, nodes
ORDER BY key
LIMIT $limit
UNWIND nodes AS n
OPTIONAL MATCH (n)-[:WORKS_FOR]->(o)
WITH key, n, collect(o.name) AS employers
ORDER BY n.id
WITH key, collect({id: n.id, name: n.name, register_id: n.register_id, employers: employers,
                   sources: size(coalesce(n.sources, []))}) AS nodes
RETURN 'Person' AS label, key AS name, size(nodes) AS count, [x IN nodes | x.id] AS ids, nodes
ORDER BY name
UNION ALL
MATCH (n:Organization)
UNWIND [n.name] + [a IN coalesce(n.aliases, []) WHERE a <> n.name] AS key
WITH key, collect(n) AS nodes
WHERE size(nodes) > 1
WITH key, nodes
ORDER BY key
LIMIT $limit
UNWIND nodes AS n
OPTIONAL MATCH (n)-[:WORKS_FOR]->(o)
WITH key, n, collect(o.name) AS employers
ORDER BY n.id
WITH key, collect({id: n.id, name: n.name, register_id: n.register_id, employers: employers,
                   sources: size(coalesce(n.sources, []))}) AS nodes
RETURN 'Organization' AS label, key AS name, size(nodes) AS count, [x IN nodes | x.id] AS ids, nodes
ORDER BY name
UNION ALL
MATCH (n:Union)
UNWIND [n.name] + [a IN coalesce(n.aliases, []) WHERE a <> n.name] AS key
WITH key, collect(n) AS nodes
WHERE size(nodes) > 1
WITH key, nodes
ORDER BY key
LIMIT $limit
UNWIND nodes AS n
OPTIONAL MATCH (n)-[:WORKS_FOR]->(o)
WITH key, n, collect(o.name) AS employers
ORDER BY n.id
WITH key, collect({id: n.id, name: n.name, register_id: n.register_id, employers: employers,
                   sources: size(coalesce(n.sources, []))}) AS nodes
RETURN 'Union' AS label, key AS name, size(nodes) AS count, [x IN nodes | x.id] AS ids, nodes
ORDER BY name
UNION ALL
MATCH (n:GovernmentBody)
UNWIND [n.name] + [a IN coalesce(n.aliases, []) WHERE a <> n.name] AS key
WITH key, collect(n) AS nodes
WHERE size(nodes) > 1
WITH key, nodes
ORDER BY key
LIMIT $limit
UNWIND nodes AS n
OPTIONAL MATCH (n)-[:WORKS_FOR]->(o)
WITH key, n, collect(o.name) AS employers
ORDER BY n.id
WITH key, collect({id: n.id, name: n.name, register_id: n.register_id, employers: employers,
                   sources: size(coalesce(n.sources, []))}) AS nodes
RETURN 'GovernmentBody' AS label, key AS name, size(nodes) AS count, [x IN nodes | x.id] AS ids, nodes
ORDER BY name
UNION ALL
MATCH (n:Studio)
UNWIND [n.name] + [a IN coalesce(n.aliases, []) WHERE a <> n.name] AS key
WITH key, collect(n) AS nodes
WHERE size(nodes) > 1
WITH key, nodes
ORDER BY key
LIMIT $limit
UNWIND nodes AS n
OPTIONAL MATCH (n)-[:WORKS_FOR]->(o)
WITH key, n, collect(o.name) AS employers
ORDER BY n.id
WITH key, collect({id: n.id, name: n.name, register_id: n.register_id, employers: employers,
                   sources: size(coalesce(n.sources, []))}) AS nodes
RETURN 'Studio' AS label, key AS name, size(nodes) AS count, [x IN nodes | x.id] AS ids, nodes
ORDER BY name
UNION ALL
MATCH (n:ServiceTeam)
UNWIND [n.name] + [a IN coalesce(n.aliases, []) WHERE a <> n.name] AS key
WITH key, collect(n) AS nodes
WHERE size(nodes) > 1
WITH key, nodes
ORDER BY key
LIMIT $limit
UNWIND nodes AS n
OPTIONAL MATCH (n)-[:WORKS_FOR]->(o)
WITH key, n, collect(o.name) AS employers
ORDER BY n.id
WITH key, collect({id: n.id, name: n.name, register_id: n.register_id, employers: employers,
                   sources: size(coalesce(n.sources, []))}) AS nodes
RETURN 'ServiceTeam' AS label, key AS name, size(nodes) AS count, [x IN nodes | x.id] AS ids, nodes
ORDER BY name
UNION ALL
MATCH (n:Event)
UNWIND [n.name] + [a IN coalesce(n.aliases, []) WHERE a <> n.name] AS key
WITH key, collect(n) AS nodes
WHERE size(nodes) > 1
WITH key, nodes
ORDER BY key
LIMIT $limit
UNWIND nodes AS n
OPTIONAL MATCH (n)-[:WORKS_FOR]->(o)
WITH key, n, collect(o.name) AS employers
ORDER BY n.id
WITH key, collect({id: n.id, name: n.name, register_id: n.register_id, employers: employers,
                   sources: size(coalesce(n.sources, []))}) AS nodes
RETURN 'Event' AS label, key AS name, size(nodes) AS count, [x IN nodes | x.id] AS ids, nodes
ORDER BY name
UNION ALL
MATCH (n:Campaign)
UNWIND [n.name] + [a IN coalesce(n.aliases, []) WHERE a <> n.name] AS key
WITH key, collect(n) AS nodes
WHERE size(nodes) > 1
WITH key, nodes
ORDER BY key
LIMIT $limit
UNWIND nodes AS n
OPTIONAL MATCH (n)-[:WORKS_FOR]->(o)
WITH key, n, collect(o.name) AS employers
ORDER BY n.id
WITH key, collect({id: n.id, name: n.name, register_id: n.register_id, employers: employers,
                   sources: size(coalesce(n.sources, []))}) AS nodes
RETURN 'Campaign' AS label, key AS name, size(nodes) AS count, [x IN nodes | x.id] AS ids, nodes
ORDER BY name
