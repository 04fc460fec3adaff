// Who met whom, where and when, with the sentences that say so.
// params: {}
MATCH (a:Entity)-[r:MET_WITH]->(b:Entity)
RETURN a.name AS who, b.name AS met, r.place AS place, r.date AS date, r.evidence AS evidence
ORDER BY who, met
