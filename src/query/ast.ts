/** The syntax tree of the read-only Cypher subset `kg query` runs. */
import type { Position } from './errors.js';

interface Located {
  /** The exact source text: Neo4j names an unaliased column by it. */
  text: string;
  position: Position;
}

export type BinaryOperator =
  | 'OR' | 'XOR' | 'AND'
  | '=' | '<>' | '<' | '>' | '<=' | '>='
  | 'IN' | 'STARTS WITH' | 'ENDS WITH' | 'CONTAINS' | '=~'
  | '+' | '-' | '*' | '/' | '%' | '^';

export type Expression = Located & ExpressionBody;

/** An expression without its source text and position: what the parser builds before `finish` locates it. */
export type ExpressionBody =
  | { kind: 'literal'; value: null | boolean | number | string }
  | { kind: 'parameter'; name: string }
  | { kind: 'variable'; name: string }
  | { kind: 'property'; object: Expression; key: string }
  | { kind: 'index'; object: Expression; index: Expression }
  | { kind: 'slice'; object: Expression; from?: Expression; to?: Expression }
  | { kind: 'list'; items: Expression[] }
  | { kind: 'map'; entries: Array<[string, Expression]> }
  | { kind: 'call'; name: string; args: Expression[]; distinct: boolean; star: boolean }
  | { kind: 'binary'; operator: BinaryOperator; left: Expression; right: Expression }
  | { kind: 'not'; operand: Expression }
  | { kind: 'negate'; operand: Expression }
  | { kind: 'isNull'; operand: Expression; negated: boolean }
  | { kind: 'hasLabels'; operand: Expression; labels: string[] }
  | { kind: 'case'; subject?: Expression; whens: Array<[Expression, Expression]>; otherwise?: Expression }
  | { kind: 'listComprehension'; variable: string; source: Expression; where?: Expression; map?: Expression }
  | { kind: 'quantifier'; quantifier: 'all' | 'any' | 'none' | 'single'; variable: string; source: Expression; where: Expression }
  | { kind: 'pattern'; pattern: PatternPart };

export type Direction = 'out' | 'in' | 'both';

export interface NodePattern {
  variable?: string;
  labels: string[];
  properties?: Expression;
  position: Position;
}

export interface RelationshipPattern {
  variable?: string;
  types: string[];
  direction: Direction;
  properties?: Expression;
  /** Variable length `*min..max`; absent for a single hop. `max` absent = unbounded. */
  length?: { min: number; max?: number };
  position: Position;
}

/** `p = (a)-[r]->(b)`, or `shortestPath(...)`: nodes[i] -rels[i]- nodes[i+1]. */
export interface PatternPart {
  variable?: string;
  shortest?: 'one' | 'all';
  nodes: NodePattern[];
  relationships: RelationshipPattern[];
  position: Position;
}

export interface ProjectionItem {
  expression: Expression;
  /** Column name: the alias, or the expression's text. */
  name: string;
}

export interface SortItem {
  expression: Expression;
  descending: boolean;
}

export interface Projection {
  distinct: boolean;
  /** `WITH *` / `RETURN *`: keep every variable in scope (plus `items`). */
  star: boolean;
  items: ProjectionItem[];
  orderBy: SortItem[];
  skip?: Expression;
  limit?: Expression;
}

export type Clause =
  | { kind: 'match'; optional: boolean; patterns: PatternPart[]; where?: Expression; position: Position }
  | { kind: 'unwind'; expression: Expression; variable: string; position: Position }
  | { kind: 'with'; projection: Projection; where?: Expression; position: Position }
  | { kind: 'return'; projection: Projection; position: Position };

/** Single queries joined by UNION (`all` keeps duplicates). */
export interface Query {
  parts: Clause[][];
  unionAll: boolean;
}
