// ---
// name: dq_duplicate_names
// title: {zh: 数据质量：疑似重复的名称, en: "Data quality: names that look like duplicates"}
// description: >-
//   Groups of nodes of one kind (people, organisations, studios, teams, events, campaigns)
//   that share a name, or where one node's name is another node's alias: candidates for
//   merging, with their ids, register ids and sources. People of the same name may be
//   different people: the employers help decide.
// params:
//   limit: {type: int, default: 100, example: 20}
// tags: [quality]
// ---
OPTIONAL MATCH (x0:Person)
WITH collect(x0) AS xs
OPTIONAL MATCH (x1:Organization)
WITH xs, collect(x1) AS more
WITH xs + more AS xs
OPTIONAL MATCH (x2:Union)
WITH xs, collect(x2) AS more
WITH xs + more AS xs
OPTIONAL MATCH (x3:GovernmentBody)
WITH xs, collect(x3) AS more
WITH xs + more AS xs
OPTIONAL MATCH (x4:Studio)
WITH xs, collect(x4) AS more
WITH xs + more AS xs
OPTIONAL MATCH (x5:ServiceTeam)
WITH xs, collect(x5) AS more
WITH xs + more AS xs
OPTIONAL MATCH (x6:Event)
WITH xs, collect(x6) AS more
WITH xs + more AS xs
OPTIONAL MATCH (x7:Campaign)
WITH xs, collect(x7) AS more
WITH xs + more AS xs
UNWIND xs AS n
UNWIND [n.name] + coalesce(n.aliases, []) AS key
WITH labels(n)[0] AS label, key, collect(DISTINCT n) AS nodes
WHERE size(nodes) > 1
UNWIND nodes AS n
OPTIONAL MATCH (n)-[:WORKS_FOR]->(o)
WITH label, key, n, collect(o.name) AS employers
ORDER BY n.id
WITH label, key, collect({id: n.id, name: n.name, register_id: n.register_id, employers: employers,
                          sources: size(coalesce(n.sources, []))}) AS nodes
RETURN label, key AS name, size(nodes) AS count, [x IN nodes | x.id] AS ids, nodes
ORDER BY label, name
LIMIT $limit
