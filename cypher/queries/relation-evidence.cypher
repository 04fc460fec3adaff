// The evidence for one relation: the sentences, and the documents they come from.
// params: {"source": "Putin", "type": "MET_WITH", "target": "George W. Bush"}
MATCH (a:Entity {name: $source})-[r]->(b:Entity {name: $target})
WHERE type(r) = $type
RETURN a.name AS subject, type(r) AS relation, b.name AS object, r.evidence AS evidence, r.evidenceDocuments AS documents
