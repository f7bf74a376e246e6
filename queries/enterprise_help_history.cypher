// ---
// name: enterprise_help_history
// title: {zh: 企业获得帮扶的记录, en: Help history of one enterprise}
// description: >-
//   Everyone who helped an enterprise (by name, register id or credit code): register
//   engagements with date, type and outcome, and help reported in articles, with the
//   teams and campaigns the provider belongs to.
// params:
//   enterprise: {type: string, example: 茂名市华隆化学原料有限责任公司, description: enterprise name, register id or credit code}
// tags: [enterprises, engagements]
// ---
OPTIONAL MATCH (e1:Enterprise {name: $enterprise})
OPTIONAL MATCH (e2:Enterprise {register_id: $enterprise})
OPTIONAL MATCH (e3:Enterprise {credit_code: $enterprise})
WITH [x IN [e1, e2, e3] WHERE x IS NOT NULL] AS found
UNWIND found AS e
WITH DISTINCT e
MATCH (e)<-[r:ENGAGED|HELPED]-(prov)
OPTIONAL MATCH (prov)-[:MEMBER_OF|LEADS]->(t:ServiceTeam)
OPTIONAL MATCH (t)-[:PART_OF]->(c:Campaign)
OPTIONAL MATCH (prov)-[:PART_OF]->(c2:Campaign)
RETURN e.name AS enterprise, prov.name AS provider, labels(prov)[0] AS provider_kind, type(r) AS via,
       r.date AS date, r.period AS period, r.service_type AS service_type, r.outcome AS outcome,
       collect(DISTINCT t.name) AS teams, collect(DISTINCT c.name) + collect(DISTINCT c2.name) AS campaigns,
       r.sources AS sources
ORDER BY coalesce(date, ''), provider
