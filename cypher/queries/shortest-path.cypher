// How two entities are connected: the shortest chain of relations between them (documents left out).
// params: {"from": "George W. Bush", "to": "Anti-Ballistic Missile Treaty"}
MATCH (a:Entity {name: $from}), (b:Entity {name: $to})
MATCH path = shortestPath((a)-[:MET_WITH|MET_AT|PLANS_SUMMIT|INVITED|SIGNED|WITHDRAWS_FROM|LEADER_OF|LOCATED_IN|HELD_IN|ATTENDED|VISITED|WORKS_FOR|BASED_IN|LIVES_IN|KILLED|NEGOTIATES_WITH|SUPPORTS|OPPOSES*..6]-(b))
RETURN path, length(path) AS hops
