// ---
// name: entity_lookup
// title: {zh: 按名称或别名查找实体, en: Look up an entity by name or alias}
// description: >-
//   Nodes of any kind whose name or one of whose aliases equals the given text, or (with
//   `partial`) whose name contains it; exact names first. Exact names are found through
//   the name index of every label; aliases and partial names are checked on every label
//   but Enterprise and Article, and on enterprises too when `everywhere` is true.
// params:
//   name: {type: string, example: 茂名市总工会, description: a name, an alias, or part of a name}
//   partial: {type: bool, default: false, example: false, description: also names that contain the text}
//   everywhere: {type: bool, default: false, example: false, description: also check aliases and partial names of enterprises (slow on a large register)}
//   limit: {type: int, default: 20, example: 10}
// tags: [lookup]
// ---
OPTIONAL MATCH (e:Enterprise {name: $name})
WITH collect(e) AS hits
OPTIONAL MATCH (a:Article {name: $name})
WITH hits, collect(a) AS more
WITH hits + more AS hits
OPTIONAL MATCH (e:Enterprise)
WHERE $everywhere AND ($name IN coalesce(e.aliases, []) OR ($partial AND e.name CONTAINS $name))
WITH hits, collect(e) AS more
WITH hits + more AS hits
OPTIONAL MATCH (x:Person)
WHERE x.name = $name OR $name IN coalesce(x.aliases, []) OR ($partial AND x.name CONTAINS $name)
WITH hits, collect(x) AS more
WITH hits + more AS hits
OPTIONAL MATCH (x:Organization)
WHERE x.name = $name OR $name IN coalesce(x.aliases, []) OR ($partial AND x.name CONTAINS $name)
WITH hits, collect(x) AS more
WITH hits + more AS hits
OPTIONAL MATCH (x:Union)
WHERE x.name = $name OR $name IN coalesce(x.aliases, []) OR ($partial AND x.name CONTAINS $name)
WITH hits, collect(x) AS more
WITH hits + more AS hits
OPTIONAL MATCH (x:GovernmentBody)
WHERE x.name = $name OR $name IN coalesce(x.aliases, []) OR ($partial AND x.name CONTAINS $name)
WITH hits, collect(x) AS more
WITH hits + more AS hits
OPTIONAL MATCH (x:Studio)
WHERE x.name = $name OR $name IN coalesce(x.aliases, []) OR ($partial AND x.name CONTAINS $name)
WITH hits, collect(x) AS more
WITH hits + more AS hits
OPTIONAL MATCH (x:ServiceTeam)
WHERE x.name = $name OR $name IN coalesce(x.aliases, []) OR ($partial AND x.name CONTAINS $name)
WITH hits, collect(x) AS more
WITH hits + more AS hits
OPTIONAL MATCH (x:Event)
WHERE x.name = $name OR $name IN coalesce(x.aliases, []) OR ($partial AND x.name CONTAINS $name)
WITH hits, collect(x) AS more
WITH hits + more AS hits
OPTIONAL MATCH (x:Campaign)
WHERE x.name = $name OR $name IN coalesce(x.aliases, []) OR ($partial AND x.name CONTAINS $name)
WITH hits, collect(x) AS more
WITH hits + more AS hits
OPTIONAL MATCH (x:Place)
WHERE x.name = $name OR $name IN coalesce(x.aliases, []) OR ($partial AND x.name CONTAINS $name)
WITH hits, collect(x) AS more
WITH hits + more AS hits
OPTIONAL MATCH (x:Honour)
WHERE x.name = $name OR $name IN coalesce(x.aliases, []) OR ($partial AND x.name CONTAINS $name)
WITH hits, collect(x) AS more
WITH hits + more AS hits
OPTIONAL MATCH (x:Skill)
WHERE x.name = $name OR $name IN coalesce(x.aliases, []) OR ($partial AND x.name CONTAINS $name)
WITH hits, collect(x) AS more
WITH hits + more AS hits
OPTIONAL MATCH (x:Industry)
WHERE x.name = $name OR $name IN coalesce(x.aliases, []) OR ($partial AND x.name CONTAINS $name)
WITH hits, collect(x) AS more
WITH hits + more AS hits
UNWIND hits AS n
WITH DISTINCT n
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, coalesce(n.aliases, []) AS aliases,
       size(coalesce(n.sources, [])) AS sources
ORDER BY CASE WHEN n.name = $name THEN 0 WHEN $name IN coalesce(n.aliases, []) THEN 1 ELSE 2 END, size(n.name), name, id
LIMIT $limit
