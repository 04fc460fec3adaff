// The most connected entities: relations to other entities, then documents that mention them.
// params: {"limit": 10}
MATCH (e:Entity)
OPTIONAL MATCH (e)-[r]-(:Entity)
WITH e, count(r) AS relations
OPTIONAL MATCH (e)-[m:MENTIONED_IN]->(:Document)
RETURN e.name AS entity, e.type AS type, relations, count(m) AS documents
ORDER BY relations DESC, documents DESC, entity
LIMIT $limit
