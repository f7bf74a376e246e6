// ---
// name: graph_stats
// title: {zh: 图谱统计, en: Graph statistics}
// description: Number of nodes per label, most frequent first.
// params: {}
// tags: [quality]
// ---
MATCH (n)
WITH labels(n)[0] AS label, count(*) AS nodes
RETURN label, nodes
ORDER BY nodes DESC, label
