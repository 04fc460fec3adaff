// People and the offices they hold: leaders and officials, their title and the country or organization.
// params: {}
MATCH (p:Person)-[r:LEADER_OF|WORKS_FOR]->(o:Entity)
RETURN p.name AS person, r.title AS title, o.name AS of, type(r) AS relation
ORDER BY person, of
