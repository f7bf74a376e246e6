// ---
// name: dq_nodes_without_source
// title: {zh: 数据质量：无来源的节点, en: "Data quality: nodes with no source"}
// description: >-
//   Nodes whose `sources` list is missing or empty (so nothing says where they come from),
//   per label, with a few examples. Articles are sources themselves and are left out.
// params:
//   examples: {type: int, default: 10, example: 5, description: how many example ids per label}
// tags: [quality]
// ---
MATCH (n)
WHERE NOT n:Article AND size(coalesce(n.sources, [])) = 0
WITH labels(n)[0] AS label, n
ORDER BY n.id
RETURN label, count(n) AS nodes, collect(n.id)[0..$examples] AS examples
ORDER BY nodes DESC, label
