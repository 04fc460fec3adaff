// Planned summits: who plans to meet whom, where and when.
// params: {}
MATCH (a:Entity)-[r:PLANS_SUMMIT]->(b:Entity)
RETURN a.name AS party, b.name AS counterpart, r.place AS place, r.date AS date, r.evidence AS evidence
ORDER BY party, counterpart
