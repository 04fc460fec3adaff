// Everything known about one entity: each relation it takes part in, either way, with its evidence.
// params: {"name": "Putin"}
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.name = $name OR b.name = $name
RETURN a.name AS subject, type(r) AS relation, b.name AS object,
       r.place AS place, r.date AS date, r.title AS title, r.evidence AS evidence
ORDER BY relation, subject, object
