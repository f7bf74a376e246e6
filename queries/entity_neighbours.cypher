// ---
// name: entity_neighbours
// title: {zh: 实体的关系一览, en: Relationships of one entity}
// description: >-
//   A node (by graph id; the label follows from the id prefix) and its relationships
//   other than MENTIONS, grouped by type and direction, with the names of up to 20
//   neighbours per group and the number of sources.
// params:
//   id: {type: string, example: "union:茂名市总工会", description: graph id of the node}
// tags: [lookup]
// ---
OPTIONAL MATCH (n0:Person {id: $id}) WHERE $id STARTS WITH 'person:'
OPTIONAL MATCH (n1:Organization {id: $id}) WHERE $id STARTS WITH 'org:'
OPTIONAL MATCH (n2:Enterprise {id: $id}) WHERE $id STARTS WITH 'enterprise:'
OPTIONAL MATCH (n3:Union {id: $id}) WHERE $id STARTS WITH 'union:'
OPTIONAL MATCH (n4:GovernmentBody {id: $id}) WHERE $id STARTS WITH 'gov:'
OPTIONAL MATCH (n5:Studio {id: $id}) WHERE $id STARTS WITH 'studio:'
OPTIONAL MATCH (n6:ServiceTeam {id: $id}) WHERE $id STARTS WITH 'team:'
OPTIONAL MATCH (n7:Event {id: $id}) WHERE $id STARTS WITH 'event:'
OPTIONAL MATCH (n8:Campaign {id: $id}) WHERE $id STARTS WITH 'campaign:'
OPTIONAL MATCH (n9:Place {id: $id}) WHERE $id STARTS WITH 'place:'
OPTIONAL MATCH (n10:Article {id: $id}) WHERE $id STARTS WITH 'article:'
OPTIONAL MATCH (n11:Honour {id: $id}) WHERE $id STARTS WITH 'honour:'
OPTIONAL MATCH (n12:Skill {id: $id}) WHERE $id STARTS WITH 'skill:'
OPTIONAL MATCH (n13:Industry {id: $id}) WHERE $id STARTS WITH 'industry:'
WITH coalesce(n0, n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, n11, n12, n13) AS n
WHERE n IS NOT NULL
MATCH (n)-[r]-(m)
WHERE type(r) <> 'MENTIONS'
WITH n, type(r) AS relationship, CASE WHEN startNode(r).id = n.id THEN 'out' ELSE 'in' END AS direction,
     labels(m)[0] AS other_kind, m.name AS other_name
ORDER BY other_name
RETURN n.id AS id, n.name AS name, relationship, direction, other_kind, count(*) AS count,
       collect(other_name)[0..20] AS others
ORDER BY relationship, direction, other_kind
