// ---
// name: fact_sources
// title: {zh: 事实的来源文章与句子, en: Source articles and sentences behind a fact}
// description: For the relationships of one node (by id), the articles and evidence spans each one was derived from.
// params:
//   id: {type: string, example: "union:茂名市总工会", description: graph id of the node}
// tags: [provenance]
// ---
MATCH (n {id: $id})-[r]-(m)
WHERE type(r) <> 'MENTIONS'
UNWIND coalesce(r.sources, []) AS src
OPTIONAL MATCH (a:Article {id: src})
RETURN type(r) AS relationship, m.name AS other, src AS source, a.path AS article,
       [e IN coalesce(r.evidence, []) WHERE e STARTS WITH src + '#'] AS evidence
ORDER BY relationship, other
