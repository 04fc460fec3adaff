// The facts one document gives: every relation with evidence from that document.
// params: {"document": "cnn-2001-putin-bush-abm"}
MATCH (a:Entity)-[r]->(b:Entity)
WHERE $document IN r.evidenceDocuments
RETURN a.name AS subject, type(r) AS relation, b.name AS object, r.evidence AS evidence
ORDER BY relation, subject, object
