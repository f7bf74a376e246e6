// ---
// name: entity_lookup
// title: {zh: 按名称或别名查找实体, en: Look up an entity by name or alias}
// description: Nodes whose name or one of whose aliases equals the given text, or whose name contains it.
// params:
//   name: {type: string, example: 茂名市总工会, description: a name, an alias, or part of a name}
//   limit: {type: int, default: 20}
// tags: [lookup]
// ---
MATCH (n)
WHERE n.name = $name OR $name IN coalesce(n.aliases, []) OR n.name CONTAINS $name
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, coalesce(n.aliases, []) AS aliases,
       size(coalesce(n.sources, [])) AS sources
ORDER BY CASE WHEN n.name = $name THEN 0 ELSE 1 END, size(n.name), name
LIMIT $limit
