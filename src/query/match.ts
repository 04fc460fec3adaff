/**
 * Pattern matching: walk a pattern chain from its more selective end (a bound variable, an `id`
 * property, the smallest label), hop by hop along adjacency lists; variable-length hops are a
 * bounded depth-first walk over trails; shortestPath is a breadth-first search.
 */
import type { Expression, NodePattern, PatternPart, RelationshipPattern } from './ast.js';
import { equals } from './compare.js';
import { QueryError } from './errors.js';
import { evaluate, type EvaluationContext, type Row } from './evaluate.js';
import { NodeValue, PathValue, RelationshipValue, isMap, type Value } from './values.js';

type Constraint = Record<string, Value> | undefined;

interface Step {
  pattern: RelationshipPattern;
  direction: RelationshipPattern['direction'];
  properties: Constraint;
  /** The allowed types; absent = any. */
  types?: ReadonlySet<string>;
}

function typeSet(pattern: RelationshipPattern): ReadonlySet<string> | undefined {
  return pattern.types.length > 0 ? new Set(pattern.types) : undefined;
}

interface PartialMatch {
  row: Row;
  nodes: NodeValue[];
  relationships: RelationshipValue[];
}

/** One way a pattern matches: the row extended with its variables, and the relationships it took. */
export type PatternMatch = [Row, readonly RelationshipValue[]];

/** Every way `part` matches. `used` holds relationships taken by earlier parts of the same MATCH. */
export function* matchPattern(part: PatternPart, row: Row, context: EvaluationContext, used: ReadonlySet<RelationshipValue>): Generator<PatternMatch> {
  const nodeConstraints = part.nodes.map((node) => constraint(node.properties, row, context));
  const relationshipConstraints = part.relationships.map((relationship) => constraint(relationship.properties, row, context));
  if (part.shortest) {
    yield* matchShortest(part, row, context, nodeConstraints, relationshipConstraints[0]);
    return;
  }
  // Walk from the cheaper end; a reversed walk flips every arrow.
  const last = part.nodes.length - 1;
  const reversed = part.nodes.length > 1 && cost(part.nodes[last]!, nodeConstraints[last], row, context) < cost(part.nodes[0]!, nodeConstraints[0], row, context);
  const order = part.nodes.map((_, i) => (reversed ? last - i : i));
  const steps: Step[] = order.slice(1).map((nodeIndex) => {
    const relationshipIndex = reversed ? nodeIndex : nodeIndex - 1;
    const pattern = part.relationships[relationshipIndex]!;
    const direction = reversed && pattern.direction !== 'both' ? (pattern.direction === 'out' ? 'in' : 'out') : pattern.direction;
    return { pattern, direction, properties: relationshipConstraints[relationshipIndex], types: typeSet(pattern) };
  });
  const first = part.nodes[order[0]!]!;
  const firstConstraint = nodeConstraints[order[0]!];
  for (const start of startNodes(first, firstConstraint, steps[0], row, context)) {
    if (!nodeMatches(start, first, firstConstraint, row)) continue;
    const startRow = bind(row, first.variable, start);
    for (const match of expand({ row: startRow, nodes: [start], relationships: [] }, 0)) {
      if (!part.variable) {
        yield [match.row, match.relationships];
        continue;
      }
      const path = reversed ? new PathValue([...match.nodes].reverse(), [...match.relationships].reverse()) : new PathValue(match.nodes, match.relationships);
      yield [bind(match.row, part.variable, path), match.relationships];
    }
  }

  function* expand(partial: PartialMatch, stepIndex: number): Generator<PartialMatch> {
    const step = steps[stepIndex];
    if (!step) {
      yield partial;
      return;
    }
    const target = part.nodes[order[stepIndex + 1]!]!;
    const targetConstraint = nodeConstraints[order[stepIndex + 1]!];
    const from = partial.nodes.at(-1)!;
    const bound = step.pattern.variable ? partial.row.get(step.pattern.variable) : undefined;
    if (!step.pattern.length) {
      for (const [relationship, next] of neighbours(from, step)) {
        if (used.has(relationship) || partial.relationships.includes(relationship)) continue;
        if (bound !== undefined && bound !== relationship) continue;
        if (!nodeMatches(next, target, targetConstraint, partial.row)) continue;
        const nextRow = bind(partial.row, step.pattern.variable, relationship, target.variable, next);
        yield* expand({ row: nextRow, nodes: [...partial.nodes, next], relationships: [...partial.relationships, relationship] }, stepIndex + 1);
      }
      return;
    }
    if (bound !== undefined) throw new QueryError(`variable-length relationship \`${step.pattern.variable}\` is already bound`, step.pattern.position);
    const { min, max = Infinity } = step.pattern.length;
    const trail: RelationshipValue[] = [];
    const trailNodes: NodeValue[] = [];
    function* walk(node: NodeValue): Generator<PartialMatch> {
      if (trail.length >= min && nodeMatches(node, target, targetConstraint, partial.row)) {
        // A reversed walk collects the hops backwards; the variable lists them in pattern order.
        const hops = reversed ? [...trail].reverse() : [...trail];
        const nextRow = bind(partial.row, step!.pattern.variable, hops, target.variable, node);
        yield* expand({ row: nextRow, nodes: [...partial.nodes, ...trailNodes], relationships: [...partial.relationships, ...trail] }, stepIndex + 1);
      }
      if (trail.length >= max) return;
      for (const [relationship, next] of neighbours(node, step!)) {
        if (used.has(relationship) || trail.includes(relationship) || partial.relationships.includes(relationship)) continue;
        trail.push(relationship);
        trailNodes.push(next);
        yield* walk(next);
        trail.pop();
        trailNodes.pop();
      }
    }
    yield* walk(from);
  }
}

function* matchShortest(part: PatternPart, row: Row, context: EvaluationContext, nodeConstraints: Constraint[], relationshipConstraint: Constraint): Generator<PatternMatch> {
  const [fromPattern, toPattern] = part.nodes as [NodePattern, NodePattern];
  const relationship = part.relationships[0]!;
  if (relationship.length && relationship.length.min > 1) throw new QueryError('shortestPath needs a minimal length of 0 or 1', relationship.position);
  const max = relationship.length ? (relationship.length.max ?? Infinity) : 1;
  const step: Step = { pattern: relationship, direction: relationship.direction, properties: relationshipConstraint, types: typeSet(relationship) };
  const targets = [...candidates(toPattern, nodeConstraints[1], row, context)].filter((node) => nodeMatches(node, toPattern, nodeConstraints[1], row));
  for (const from of candidates(fromPattern, nodeConstraints[0], row, context)) {
    if (!nodeMatches(from, fromPattern, nodeConstraints[0], row)) continue;
    const fromRow = bind(row, fromPattern.variable, from);
    for (const to of targets) {
      if (to === from) continue;
      if (toPattern.variable && fromRow.has(toPattern.variable) && fromRow.get(toPattern.variable) !== to) continue;
      const paths = part.shortest === 'all' ? allShortestPaths(from, to, step, max) : [shortestPath(from, to, step, max)].filter((path) => path !== undefined);
      for (const path of paths) {
        const hops = relationship.length ? [...path.relationships] : path.relationships[0]!;
        let result = bind(bind(fromRow, toPattern.variable, to), relationship.variable, hops);
        result = bind(result, part.variable, path);
        yield [result, path.relationships];
      }
    }
  }
}

/** One shortest path: breadth-first from both ends at once, always growing the smaller frontier. */
function shortestPath(from: NodeValue, to: NodeValue, step: Step, max: number): PathValue | undefined {
  const backward: Step = { ...step, direction: step.direction === 'out' ? 'in' : step.direction === 'in' ? 'out' : 'both' };
  type Parents = Map<NodeValue, [NodeValue, RelationshipValue] | undefined>;
  const fromParents: Parents = new Map([[from, undefined]]);
  const toParents: Parents = new Map([[to, undefined]]);
  let fromFrontier = [from];
  let toFrontier = [to];
  for (let hops = 0; hops < max && fromFrontier.length > 0 && toFrontier.length > 0; hops++) {
    const forward = fromFrontier.length <= toFrontier.length;
    const [frontier, parents, others, direction] = forward ? [fromFrontier, fromParents, toParents, step] : [toFrontier, toParents, fromParents, backward];
    const next: NodeValue[] = [];
    for (const node of frontier) {
      for (const [relationship, neighbour] of neighbours(node, direction)) {
        if (parents.has(neighbour)) continue;
        parents.set(neighbour, [node, relationship]);
        if (others.has(neighbour)) return joinHalves(neighbour, fromParents, toParents);
        next.push(neighbour);
      }
    }
    if (forward) fromFrontier = next;
    else toFrontier = next;
  }
  return undefined;
}

function joinHalves(meeting: NodeValue, fromParents: Map<NodeValue, [NodeValue, RelationshipValue] | undefined>, toParents: Map<NodeValue, [NodeValue, RelationshipValue] | undefined>): PathValue {
  const nodes = [meeting];
  const relationships: RelationshipValue[] = [];
  for (let link = fromParents.get(meeting); link; link = fromParents.get(link[0])) {
    nodes.unshift(link[0]);
    relationships.unshift(link[1]);
  }
  for (let link = toParents.get(meeting); link; link = toParents.get(link[0])) {
    nodes.push(link[0]);
    relationships.push(link[1]);
  }
  return new PathValue(nodes, relationships);
}

/** Every shortest path: breadth-first from the start, keeping every parent on a shortest route. */
function allShortestPaths(from: NodeValue, to: NodeValue, step: Step, max: number): PathValue[] {
  const parents = new Map<NodeValue, Array<[NodeValue, RelationshipValue]>>([[from, []]]);
  let frontier = [from];
  for (let depth = 0; depth < max && frontier.length > 0 && !parents.has(to); depth++) {
    const discovered = new Map<NodeValue, Array<[NodeValue, RelationshipValue]>>();
    for (const node of frontier) {
      for (const [relationship, next] of neighbours(node, step)) {
        if (parents.has(next)) continue;
        const list = discovered.get(next);
        if (list) list.push([node, relationship]);
        else discovered.set(next, [[node, relationship]]);
      }
    }
    for (const [node, list] of discovered) parents.set(node, list);
    frontier = [...discovered.keys()];
  }
  if (!parents.has(to)) return [];
  const paths: PathValue[] = [];
  const back = (node: NodeValue, nodes: NodeValue[], relationships: RelationshipValue[]): void => {
    if (node === from) {
      paths.push(new PathValue([from, ...nodes], relationships));
      return;
    }
    for (const [previous, relationship] of parents.get(node)!) {
      back(previous, [node, ...nodes], [relationship, ...relationships]);
    }
  };
  back(to, [], []);
  return paths;
}

/** Relationships leaving `node` the way the step allows, with the node at their other end. */
function* neighbours(node: NodeValue, step: Step): Generator<[RelationshipValue, NodeValue]> {
  const { types } = step;
  const accept = (relationship: RelationshipValue): boolean => (!types || types.has(relationship.type)) && propertiesMatch(relationship.properties, step.properties);
  if (step.direction !== 'in') for (const relationship of node.outgoing) if (accept(relationship)) yield [relationship, relationship.end];
  if (step.direction !== 'out') {
    for (const relationship of node.incoming) {
      // A self-loop is in both lists; an undirected hop takes it once.
      if (step.direction === 'both' && relationship.start === relationship.end) continue;
      if (accept(relationship)) yield [relationship, relationship.start];
    }
  }
}

function constraint(expression: Expression | undefined, row: Row, context: EvaluationContext): Constraint {
  if (!expression) return undefined;
  const value = evaluate(expression, row, context);
  if (!isMap(value)) throw new QueryError('a property constraint must be a map', expression.position);
  return value;
}

function propertiesMatch(properties: Record<string, Value>, required: Constraint): boolean {
  if (!required) return true;
  for (const [key, value] of Object.entries(required)) if (equals(properties[key] ?? null, value) !== true) return false;
  return true;
}

function nodeMatches(node: NodeValue, pattern: NodePattern, required: Constraint, row: Row): boolean {
  if (pattern.variable) {
    const bound = row.get(pattern.variable);
    if (bound !== undefined && bound !== node) return false;
  }
  return pattern.labels.every((label) => node.labels.includes(label)) && propertiesMatch(node.properties, required);
}

/** Start nodes for a pattern node: its binding, the `id` or `name` index, the smallest label list, or all. */
function candidates(pattern: NodePattern, required: Constraint, row: Row, context: EvaluationContext): readonly NodeValue[] {
  if (pattern.variable && row.has(pattern.variable)) {
    const bound = row.get(pattern.variable)!;
    if (bound === null) return [];
    if (!(bound instanceof NodeValue)) throw new QueryError(`\`${pattern.variable}\` is not a node`, pattern.position);
    return [bound];
  }
  const { id, name } = required ?? {};
  if (typeof id === 'string') return context.view.byId.get(id) ?? [];
  if (typeof name === 'string') return context.view.byName.get(name) ?? [];
  let smallest: readonly NodeValue[] = context.view.nodes;
  for (const label of pattern.labels) {
    const list = context.view.byLabel.get(label) ?? [];
    if (list.length < smallest.length) smallest = list;
  }
  return smallest;
}

/**
 * Where a walk may start: the node candidates, or, when the first hop names relationship types that
 * are rarer than those candidates, the nodes at the right end of those relationships.
 */
function startNodes(pattern: NodePattern, required: Constraint, step: Step | undefined, row: Row, context: EvaluationContext): Iterable<NodeValue> {
  const nodes = candidates(pattern, required, row, context);
  if (!step || step.pattern.types.length === 0 || (step.pattern.length && step.pattern.length.min === 0)) return nodes;
  const relationships = step.pattern.types.flatMap((type) => context.view.byType.get(type) ?? []);
  if (relationships.length >= nodes.length) return nodes;
  const starts = new Set<NodeValue>();
  for (const relationship of relationships) {
    if (step.direction !== 'in') starts.add(relationship.start);
    if (step.direction !== 'out') starts.add(relationship.end);
  }
  return starts;
}

function cost(pattern: NodePattern, required: Constraint, row: Row, context: EvaluationContext): number {
  return candidates(pattern, required, row, context).length;
}

/** The row plus one or two bindings (unnamed pattern elements bind nothing), copied once. */
function bind(row: Row, variable: string | undefined, value: Value, otherVariable?: string, otherValue?: Value): Row {
  if (!variable && !otherVariable) return row;
  const next = new Map(row);
  if (variable) next.set(variable, value);
  if (otherVariable) next.set(otherVariable, otherValue!);
  return next;
}
