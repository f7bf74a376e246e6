// ---
// name: graph_stats
// title: {zh: 图谱节点统计, en: "Graph statistics: nodes per label"}
// description: >-
//   Number of nodes of every label of the ontology (zero included), one row per label in
//   the ontology's order. Each count is a single label count, so it costs nothing on a
//   large graph.
// params: {}
// tags: [stats]
// ---
OPTIONAL MATCH (n:Person) RETURN 'Person' AS label, count(n) AS nodes
UNION ALL
OPTIONAL MATCH (n:Organization) RETURN 'Organization' AS label, count(n) AS nodes
UNION ALL
OPTIONAL MATCH (n:Enterprise) RETURN 'Enterprise' AS label, count(n) AS nodes
UNION ALL
OPTIONAL MATCH (n:Union) RETURN 'Union' AS label, count(n) AS nodes
UNION ALL
OPTIONAL MATCH (n:GovernmentBody) RETURN 'GovernmentBody' AS label, count(n) AS nodes
UNION ALL
OPTIONAL MATCH (n:Studio) RETURN 'Studio' AS label, count(n) AS nodes
UNION ALL
OPTIONAL MATCH (n:ServiceTeam) RETURN 'ServiceTeam' AS label, count(n) AS nodes
UNION ALL
OPTIONAL MATCH (n:Event) RETURN 'Event' AS label, count(n) AS nodes
UNION ALL
OPTIONAL MATCH (n:Campaign) RETURN 'Campaign' AS label, count(n) AS nodes
UNION ALL
OPTIONAL MATCH (n:Place) RETURN 'Place' AS label, count(n) AS nodes
UNION ALL
OPTIONAL MATCH (n:Article) RETURN 'Article' AS label, count(n) AS nodes
UNION ALL
OPTIONAL MATCH (n:Honour) RETURN 'Honour' AS label, count(n) AS nodes
UNION ALL
OPTIONAL MATCH (n:Skill) RETURN 'Skill' AS label, count(n) AS nodes
UNION ALL
OPTIONAL MATCH (n:Industry) RETURN 'Industry' AS label, count(n) AS nodes
