/**
 * The plan phase, between check and execute: for each MATCH, the order of its patterns and where
 * each pattern starts (a bound variable, the `id` or `name` index, the rarest label or relationship
 * type), the walk from there, and the WHERE conditions split into pieces tested as soon as their
 * variables are bound. Estimates come from the graph view's label and type counts.
 */
import type { Clause, Expression, NodePattern, PatternPart } from './ast.js';
import type { CheckedQuery } from './check.js';
import type { GraphView } from './graph-view.js';
import { aggregatesIn, children, conjuncts, freeVariables, patternExpressions, patternVariables } from './syntax.js';

/** How the start nodes of a pattern are found. */
export type Seek =
  | { kind: 'bound'; variable: string }
  | { kind: 'id' | 'name'; value: Expression | 'properties' }
  | { kind: 'type'; types: readonly string[]; direction: 'out' | 'in' | 'both' }
  | { kind: 'label'; label: string }
  | { kind: 'all' };

/** One relationship of the pattern, walked from node `from` to node `to` (indexes into the pattern). */
export interface Hop {
  relationship: number;
  from: number;
  to: number;
  /** The direction as walked: a hop walked against the pattern's arrow flips it. */
  direction: 'out' | 'in' | 'both';
  /** WHERE pieces whose variables are all bound once this hop is taken. */
  filters: Expression[];
  /**
   * A variable-length hop whose trails only matter by where they end (the rows go straight into
   * DISTINCT or DISTINCT aggregates): each reachable node once, breadth-first, as Neo4j prunes.
   */
  distinctEnds?: boolean;
}

export interface PartPlan {
  part: PatternPart;
  /** The clause it belongs to, named when a limit stops the query. */
  clause: Clause;
  start: number;
  seek: Seek;
  /** Estimated start nodes. */
  estimate: number;
  /** WHERE pieces tested once the start node is bound. */
  startFilters: Expression[];
  hops: Hop[];
  /** WHERE pieces that need the path variable. */
  finalFilters: Expression[];
  /** shortestPath: how the other end's candidates are found. */
  endSeek?: Seek;
}

export interface MatchPlan {
  clause: Extract<Clause, { kind: 'match' }>;
  /** WHERE pieces that read only variables bound before the MATCH: tested once per incoming row. */
  preFilters: Expression[];
  parts: PartPlan[];
  /** Variables the MATCH binds (null when an OPTIONAL MATCH finds nothing). */
  newVariables: string[];
}

export interface QueryPlan {
  checked: CheckedQuery;
  matches: ReadonlyMap<Clause, MatchPlan>;
  /** Pattern predicates in expressions: every variable is bound, so they start at one of them. */
  patterns: ReadonlyMap<PatternPart, PartPlan>;
}

export function planQuery(checked: CheckedQuery, view: GraphView): QueryPlan {
  const matches = new Map<Clause, MatchPlan>();
  const patterns = new Map<PatternPart, PartPlan>();
  const stats = new Statistics(view);
  for (const clauses of checked.query.parts) {
    for (const clause of clauses) {
      const scope = checked.scopes.get(clause)!;
      if (clause.kind === 'match') matches.set(clause, planMatch(clause, scope, stats, onlyDistinctRowsMatter(clauses[clauses.indexOf(clause) + 1])));
      for (const expression of clauseExpressions(clause)) planPatternPredicates(expression, clause, stats, patterns);
    }
  }
  return { checked, matches, patterns };
}

/** A readable outline of the plan (`kg query --explain`), one line per pattern. */
export function describePlan(plan: QueryPlan): string[] {
  const lines: string[] = [];
  for (const [clause, match] of plan.matches) {
    lines.push(`${match.clause.optional ? 'OPTIONAL MATCH' : 'MATCH'} (line ${clause.position.line})`);
    for (const part of match.parts) lines.push(`  ${describePart(part)}`);
  }
  for (const part of plan.patterns.values()) lines.push(`pattern predicate (line ${part.part.position.line}): ${describePart(part)}`);
  return lines;
}

function describePart(plan: PartPlan): string {
  const node = plan.part.nodes[plan.start]!;
  const name = node.variable ?? `node ${plan.start + 1}`;
  const seek = plan.seek;
  const how =
    seek.kind === 'bound' ? 'bound'
    : seek.kind === 'id' || seek.kind === 'name' ? `${seek.kind} index`
    : seek.kind === 'type' ? `relationship type ${seek.types.join('|')}`
    : seek.kind === 'label' ? `label ${seek.label}`
    : 'all nodes';
  const filters = plan.startFilters.length + plan.hops.reduce((sum, hop) => sum + hop.filters.length, 0) + plan.finalFilters.length;
  return `start at ${name} by ${how} (~${plan.estimate}), ${plan.hops.length} hop(s)${filters ? `, ${filters} filter(s) on the way` : ''}`;
}

/** Label and relationship-type counts, read once per plan. */
class Statistics {
  constructor(readonly view: GraphView) {}

  nodes(labels: readonly string[]): { count: number; label?: string } {
    let best: { count: number; label?: string } = { count: this.view.nodes.length };
    for (const label of labels) {
      const count = this.view.byLabel.get(label)?.length ?? 0;
      if (count < best.count || best.label === undefined) best = { count, label };
    }
    return best;
  }

  relationships(types: readonly string[]): number {
    return types.reduce((sum, type) => sum + (this.view.byType.get(type)?.length ?? 0), 0);
  }
}

function planMatch(clause: Extract<Clause, { kind: 'match' }>, scope: ReadonlySet<string>, stats: Statistics, distinctRows: boolean): MatchPlan {
  const pieces = (clause.where ? conjuncts(clause.where) : []).map((expression) => ({ expression, needs: freeVariables(expression), placed: false }));
  const newVariables = [...new Set(patternVariables(clause.patterns))].filter((name) => !scope.has(name));
  const bound = new Set(scope);
  const preFilters = take(pieces, bound);

  const remaining = [...clause.patterns];
  const parts: PartPlan[] = [];
  while (remaining.length > 0) {
    // The next pattern is the one that starts cheapest given what is bound: connected patterns
    // start at a shared variable, so a MATCH of several patterns expands instead of re-scanning.
    const candidates = remaining.map((part) => planPart(part, clause, bound, stats, pieces.filter((piece) => !piece.placed).map((piece) => piece.expression)));
    const best = candidates.reduce((a, b) => (b.estimate < a.estimate ? b : a));
    remaining.splice(remaining.indexOf(best.part), 1);
    placeFilters(best, bound, pieces);
    parts.push(best);
  }
  const [only] = parts;
  if (distinctRows && parts.length === 1 && only!.hops.length === 1 && !only!.part.variable && !only!.part.shortest) {
    const hop = only!.hops[0]!;
    const relationship = only!.part.relationships[0]!;
    // Below a minimum of 2 the ends of trails are the nodes within reach (and the start, on a cycle).
    if (relationship.length && relationship.length.min <= 1 && !relationship.variable) hop.distinctEnds = true;
  }
  return { clause, preFilters, parts, newVariables };
}

/** A WITH / RETURN that drops duplicate rows anyway: DISTINCT, or only DISTINCT, min and max aggregates. */
function onlyDistinctRowsMatter(next: Clause | undefined): boolean {
  if (!next || (next.kind !== 'with' && next.kind !== 'return')) return false;
  const { projection } = next;
  const calls = projection.items.flatMap((item) => aggregatesIn(item.expression));
  // Aggregates see every row before DISTINCT applies: then they must not count duplicates.
  if (calls.length > 0) return calls.every((call) => call.distinct || call.name === 'min' || call.name === 'max');
  return projection.distinct;
}

type Piece = { expression: Expression; needs: Set<string>; placed: boolean };

/** The pieces whose variables are now all bound, marked as placed. */
function take(pieces: Piece[], bound: ReadonlySet<string>): Expression[] {
  const ready: Expression[] = [];
  for (const piece of pieces) {
    if (piece.placed || ![...piece.needs].every((name) => bound.has(name))) continue;
    piece.placed = true;
    ready.push(piece.expression);
  }
  return ready;
}

/** Attach each WHERE piece to the first point of the walk where its variables are bound; extends `bound`. */
function placeFilters(plan: PartPlan, bound: Set<string>, pieces: Piece[]): void {
  const bindNode = (index: number) => {
    const variable = plan.part.nodes[index]!.variable;
    if (variable) bound.add(variable);
  };
  bindNode(plan.start);
  plan.startFilters = take(pieces, bound);
  for (const hop of plan.hops) {
    const variable = plan.part.relationships[hop.relationship]!.variable;
    if (variable) bound.add(variable);
    bindNode(hop.to);
    hop.filters = take(pieces, bound);
  }
  if (plan.part.variable) bound.add(plan.part.variable);
  plan.finalFilters = take(pieces, bound);
}

/** Where `part` starts and how it is walked, given the bound variables and the WHERE pieces. */
function planPart(part: PatternPart, clause: Clause, bound: ReadonlySet<string>, stats: Statistics, where: Expression[]): PartPlan {
  const seeks = part.nodes.map((node, index) => nodeSeek(part, index, node, bound, stats, where));
  if (part.shortest) {
    const [from, to] = seeks as [SeekChoice, SeekChoice];
    return { part, clause, start: 0, seek: from.seek, estimate: from.estimate * to.estimate, startFilters: [], hops: [], finalFilters: [], endSeek: to.seek };
  }
  const best = seeks.reduce((a, b) => (b.estimate < a.estimate ? b : a));
  return { part, clause, start: best.index, seek: best.seek, estimate: best.estimate, startFilters: [], hops: walk(part, best.index, best.leftFirst), finalFilters: [] };
}

interface SeekChoice {
  index: number;
  seek: Seek;
  estimate: number;
  /** A relationship-type start walks the typed hop first. */
  leftFirst: boolean;
}

function nodeSeek(part: PatternPart, index: number, node: NodePattern, bound: ReadonlySet<string>, stats: Statistics, where: Expression[]): SeekChoice {
  const choice = (seek: Seek, estimate: number, leftFirst = false): SeekChoice => ({ index, seek, estimate, leftFirst });
  if (node.variable && bound.has(node.variable)) return choice({ kind: 'bound', variable: node.variable }, 1);
  for (const key of ['id', 'name'] as const) {
    if (propertyKeys(node).includes(key)) return choice({ kind: key, value: 'properties' }, key === 'id' ? 1 : 2);
    const value = node.variable ? equalityValue(where, node.variable, key, bound) : undefined;
    if (value) return choice({ kind: key, value }, key === 'id' ? 1 : 2);
  }
  const byLabel = stats.nodes(node.labels);
  let best = choice(byLabel.label === undefined ? { kind: 'all' } : { kind: 'label', label: byLabel.label }, byLabel.count);
  // The nodes at one end of a rare relationship type (a hop with a minimum of 0 may stay put).
  const sides = [
    { relationship: part.relationships[index], outward: true, leftFirst: false },
    { relationship: part.relationships[index - 1], outward: false, leftFirst: true },
  ];
  for (const { relationship, outward, leftFirst } of sides) {
    if (!relationship || relationship.types.length === 0 || (relationship.length && relationship.length.min === 0)) continue;
    const count = stats.relationships(relationship.types);
    if (count >= best.estimate) continue;
    const direction = outward ? relationship.direction : flip(relationship.direction);
    best = choice({ kind: 'type', types: relationship.types, direction }, count, leftFirst);
  }
  return best;
}

function propertyKeys(node: NodePattern): string[] {
  return node.properties?.kind === 'map' ? node.properties.entries.map(([key]) => key) : [];
}

/** `WHERE n.key = value` (either side) with a value computable before `n` is bound. */
function equalityValue(where: Expression[], variable: string, key: string, bound: ReadonlySet<string>): Expression | undefined {
  for (const piece of where) {
    if (piece.kind !== 'binary' || piece.operator !== '=') continue;
    for (const [side, other] of [[piece.left, piece.right], [piece.right, piece.left]] as const) {
      if (side.kind !== 'property' || side.key !== key || side.object.kind !== 'variable' || side.object.name !== variable) continue;
      if ([...freeVariables(other)].every((name) => bound.has(name))) return other;
    }
  }
  return undefined;
}

function flip(direction: 'out' | 'in' | 'both'): 'out' | 'in' | 'both' {
  return direction === 'out' ? 'in' : direction === 'in' ? 'out' : 'both';
}

/** The hops from `start` to the right end and to the left end, in the order walked. */
function walk(part: PatternPart, start: number, leftFirst: boolean): Hop[] {
  const right: Hop[] = [];
  for (let i = start; i < part.relationships.length; i++) right.push({ relationship: i, from: i, to: i + 1, direction: part.relationships[i]!.direction, filters: [] });
  const left: Hop[] = [];
  for (let i = start - 1; i >= 0; i--) left.push({ relationship: i, from: i + 1, to: i, direction: flip(part.relationships[i]!.direction), filters: [] });
  return leftFirst ? [...left, ...right] : [...right, ...left];
}

function planPatternPredicates(expression: Expression, clause: Clause, stats: Statistics, into: Map<PatternPart, PartPlan>): void {
  if (expression.kind === 'pattern') {
    const part = expression.pattern;
    const plan = planPart(part, clause, new Set(patternVariables([part])), stats, []);
    placeFilters(plan, new Set(), []);
    into.set(part, plan);
  }
  for (const child of children(expression)) planPatternPredicates(child, clause, stats, into);
}

function clauseExpressions(clause: Clause): Expression[] {
  switch (clause.kind) {
    case 'match':
      return [...(clause.where ? [clause.where] : []), ...clause.patterns.flatMap(patternExpressions)];
    case 'unwind':
      return [clause.expression];
    case 'with':
    case 'return': {
      const { projection } = clause;
      return [
        ...projection.items.map((item) => item.expression),
        ...projection.orderBy.map((sort) => sort.expression),
        ...(clause.kind === 'with' && clause.where ? [clause.where] : []),
      ];
    }
  }
}
