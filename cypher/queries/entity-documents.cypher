// Where an entity is mentioned: the documents, most mentions first.
// params: {"name": "Putin"}
MATCH (e:Entity {name: $name})-[m:MENTIONED_IN]->(d:Document)
RETURN d.id AS document, d.title AS title, m.count AS mentions
ORDER BY mentions DESC, document
