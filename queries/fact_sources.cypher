// ---
// name: fact_sources
// title: {zh: 事实的来源文章与句子, en: Source articles and sentences behind a fact}
// description: >-
//   The sources behind the relationships of one node (by graph id; its label follows from
//   the id prefix), optionally only of one relationship type and with one other node:
//   for each source, the register row or the article (path, title, date) and the
//   evidence spans as code-point offsets into the article's decoded text, with the
//   surface forms of both ends as the article writes them. The graph does not store the
//   article text; `labourkg query fact_sources --evidence-text` reads the sentences from
//   the article files.
// params:
//   id: {type: string, example: "person:张伟", description: graph id of the node}
//   type: {type: string, default: null, example: null, description: relationship type such as RECEIVED or HELPED; null for all}
//   other: {type: string, default: null, example: null, description: graph id of the other node; null for all}
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
MATCH (n)-[r]-(m)
WHERE type(r) <> 'MENTIONS' AND ($type IS NULL OR type(r) = $type) AND ($other IS NULL OR m.id = $other)
UNWIND coalesce(r.sources, []) AS src
OPTIONAL MATCH (a:Article {id: src})
OPTIONAL MATCH (a)-[ms:MENTIONS]->(n)
OPTIONAL MATCH (a)-[mo:MENTIONS]->(m)
WITH n, r, m, src, a, ms, mo, [e IN coalesce(r.evidence, []) WHERE e STARTS WITH (src + '#')] AS evs
RETURN n.id AS id, type(r) AS relationship, CASE WHEN startNode(r).id = n.id THEN 'out' ELSE 'in' END AS direction,
       m.id AS other_id, m.name AS other, src AS source, a.path AS article, a.title AS title, a.date AS date,
       [e IN evs | toInteger(split(split(e, '#')[1], '-')[0])] AS starts,
       [e IN evs | toInteger(split(split(e, '#')[1], '-')[1])] AS ends,
       coalesce(ms.texts, []) AS subject_texts, coalesce(mo.texts, []) AS object_texts
ORDER BY relationship, other_id, source
