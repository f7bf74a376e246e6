// ---
// name: entity_mentions
// title: {zh: 提及某实体的文章, en: Articles that mention an entity}
// description: >-
//   The articles that mention a node (by graph id), with each mention's surface text and
//   code-point offsets, newest first.
// params:
//   id: {type: string, example: "person:张伟", description: graph id of the node}
//   limit: {type: int, default: 100, example: 20}
// tags: [provenance]
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
MATCH (a:Article)-[m:MENTIONS]->(n)
RETURN n.id AS id, n.name AS name, a.id AS article_id, a.path AS article, a.title AS title, a.date AS date,
       m.texts AS texts, m.starts AS starts, m.ends AS ends
ORDER BY coalesce(date, '') DESC, article
LIMIT $limit
