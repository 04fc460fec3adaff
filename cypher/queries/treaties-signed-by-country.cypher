// Which treaties a country signed, and when.
// params: {"country": "United States"}
MATCH (c:Country {name: $country})-[r:SIGNED]->(t:Treaty)
RETURN t.name AS treaty, r.date AS date, r.evidence AS evidence
ORDER BY treaty
