// ---
// name: honours_by_level
// title: {zh: 按级别和年份统计荣誉, en: Honours by level and year}
// description: Recipients of honours of one level (or all levels), per honour and year.
// params:
//   level: {type: string, default: null, example: national, description: "national, provincial, municipal … or null for all"}
//   year: {type: int, default: null, example: 2023, description: conferral year, null for all}
// tags: [honours]
// ---
MATCH (a)-[r:RECEIVED]->(h:Honour)
WHERE ($level IS NULL OR h.level = $level) AND ($year IS NULL OR r.year = $year)
RETURN h.name AS honour, h.level AS level, r.year AS year, count(DISTINCT a) AS recipients,
       collect(DISTINCT a.name)[0..10] AS examples
ORDER BY recipients DESC, honour, year
