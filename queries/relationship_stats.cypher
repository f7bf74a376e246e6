// ---
// name: relationship_stats
// title: {zh: 图谱关系统计, en: "Graph statistics: relationships per type"}
// description: >-
//   Number of relationships of every type of the ontology, one row per type in the
//   ontology's order. Each count is a single type count (no scan); FalkorDB leaves out
//   the types that have no relationship yet, Neo4j gives them 0.
// params: {}
// tags: [stats]
// ---
MATCH ()-[r:WORKS_FOR]->() RETURN 'WORKS_FOR' AS type, count(r) AS relationships
UNION ALL
MATCH ()-[r:RECEIVED]->() RETURN 'RECEIVED' AS type, count(r) AS relationships
UNION ALL
MATCH ()-[r:LEADS]->() RETURN 'LEADS' AS type, count(r) AS relationships
UNION ALL
MATCH ()-[r:MEMBER_OF]->() RETURN 'MEMBER_OF' AS type, count(r) AS relationships
UNION ALL
MATCH ()-[r:BASED_AT]->() RETURN 'BASED_AT' AS type, count(r) AS relationships
UNION ALL
MATCH ()-[r:HELPED]->() RETURN 'HELPED' AS type, count(r) AS relationships
UNION ALL
MATCH ()-[r:VISITED]->() RETURN 'VISITED' AS type, count(r) AS relationships
UNION ALL
MATCH ()-[r:ORGANISED]->() RETURN 'ORGANISED' AS type, count(r) AS relationships
UNION ALL
MATCH ()-[r:ATTENDED]->() RETURN 'ATTENDED' AS type, count(r) AS relationships
UNION ALL
MATCH ()-[r:PART_OF]->() RETURN 'PART_OF' AS type, count(r) AS relationships
UNION ALL
MATCH ()-[r:LOCATED_IN]->() RETURN 'LOCATED_IN' AS type, count(r) AS relationships
UNION ALL
MATCH ()-[r:HAS_SKILL]->() RETURN 'HAS_SKILL' AS type, count(r) AS relationships
UNION ALL
MATCH ()-[r:IN_INDUSTRY]->() RETURN 'IN_INDUSTRY' AS type, count(r) AS relationships
UNION ALL
MATCH ()-[r:NEEDS]->() RETURN 'NEEDS' AS type, count(r) AS relationships
UNION ALL
MATCH ()-[r:MENTIONS]->() RETURN 'MENTIONS' AS type, count(r) AS relationships
UNION ALL
MATCH ()-[r:ENGAGED]->() RETURN 'ENGAGED' AS type, count(r) AS relationships
UNION ALL
MATCH ()-[r:BROADER]->() RETURN 'BROADER' AS type, count(r) AS relationships
UNION ALL
MATCH ()-[r:RELATED]->() RETURN 'RELATED' AS type, count(r) AS relationships
