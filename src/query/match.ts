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

/**
 * Receives each way a pattern matches: the row extended with its variables, and the relationships
 * it took. Returning true stops the matching (an existence test needs one match).
 */
export type MatchVisitor = (row: Row, relationships: readonly RelationshipValue[]) => boolean | void;

/** Every way `part` matches, to `visit`. `used` holds relationships taken by earlier parts of the same MATCH. Returns true when stopped. */
export function matchPattern(part: PatternPart, row: Row, context: EvaluationContext, used: ReadonlySet<RelationshipValue>, visit: MatchVisitor): boolean {
  const nodeConstraints = part.nodes.map((node) => constraint(node.properties, row, context));
  const relationshipConstraints = part.relationships.map((relationship) => constraint(relationship.properties, row, context));
  if (part.shortest) return matchShortest(part, row, context, nodeConstraints, relationshipConstraints[0], visit);
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

  const complete = (match: PartialMatch): boolean | void => {
    if (!part.variable) return visit(match.row, match.relationships);
    const path = reversed ? new PathValue([...match.nodes].reverse(), [...match.relationships].reverse()) : new PathValue(match.nodes, match.relationships);
    return visit(bind(match.row, part.variable, path), match.relationships);
  };

  const expand = (partial: PartialMatch, stepIndex: number): boolean => {
    const step = steps[stepIndex];
    if (!step) return complete(partial) === true;
    const target = part.nodes[order[stepIndex + 1]!]!;
    const targetConstraint = nodeConstraints[order[stepIndex + 1]!];
    const from = partial.nodes[partial.nodes.length - 1]!;
    const bound = step.pattern.variable ? partial.row.get(step.pattern.variable) : undefined;
    if (!step.pattern.length) {
      return forEachNeighbour(from, step, (relationship, next) => {
        if (used.has(relationship) || partial.relationships.includes(relationship)) return false;
        if (bound !== undefined && bound !== relationship) return false;
        if (!nodeMatches(next, target, targetConstraint, partial.row)) return false;
        const nextRow = bind(partial.row, step.pattern.variable, relationship, target.variable, next);
        return expand({ row: nextRow, nodes: [...partial.nodes, next], relationships: [...partial.relationships, relationship] }, stepIndex + 1);
      });
    }
    if (bound !== undefined) throw new QueryError(`variable-length relationship \`${step.pattern.variable}\` is already bound`, step.pattern.position);
    const { min, max = Infinity } = step.pattern.length;
    const trail: RelationshipValue[] = [];
    const trailNodes: NodeValue[] = [];
    const walk = (node: NodeValue): boolean => {
      if (trail.length >= min && nodeMatches(node, target, targetConstraint, partial.row)) {
        // A reversed walk collects the hops backwards; the variable lists them in pattern order.
        const hops = reversed ? [...trail].reverse() : [...trail];
        const nextRow = bind(partial.row, step.pattern.variable, hops, target.variable, node);
        if (expand({ row: nextRow, nodes: [...partial.nodes, ...trailNodes], relationships: [...partial.relationships, ...trail] }, stepIndex + 1)) return true;
      }
      if (trail.length >= max) return false;
      return forEachNeighbour(node, step, (relationship, next) => {
        if (used.has(relationship) || trail.includes(relationship) || partial.relationships.includes(relationship)) return false;
        trail.push(relationship);
        trailNodes.push(next);
        const stopped = walk(next);
        trail.pop();
        trailNodes.pop();
        return stopped;
      });
    };
    return walk(from);
  };

  const first = part.nodes[order[0]!]!;
  const firstConstraint = nodeConstraints[order[0]!];
  for (const start of startNodes(first, firstConstraint, steps[0], row, context)) {
    if (!nodeMatches(start, first, firstConstraint, row)) continue;
    if (expand({ row: bind(row, first.variable, start), nodes: [start], relationships: [] }, 0)) return true;
  }
  return false;
}

function matchShortest(part: PatternPart, row: Row, context: EvaluationContext, nodeConstraints: Constraint[], relationshipConstraint: Constraint, visit: MatchVisitor): boolean {
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
        const result = bind(bind(fromRow, toPattern.variable, to, relationship.variable, hops), part.variable, path);
        if (visit(result, path.relationships)) return true;
      }
    }
  }
  return false;
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
    let meeting: NodeValue | undefined;
    for (const node of frontier) {
      forEachNeighbour(node, direction, (relationship, neighbour) => {
        if (parents.has(neighbour)) return false;
        parents.set(neighbour, [node, relationship]);
        if (others.has(neighbour)) meeting = neighbour;
        else next.push(neighbour);
        return meeting !== undefined;
      });
      if (meeting) return joinHalves(meeting, fromParents, toParents);
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
      forEachNeighbour(node, step, (relationship, next) => {
        if (parents.has(next)) return false;
        const list = discovered.get(next);
        if (list) list.push([node, relationship]);
        else discovered.set(next, [[node, relationship]]);
        return false;
      });
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

/** Each relationship leaving `node` the way the step allows, with the node at its other end, until `visit` returns true. */
function forEachNeighbour(node: NodeValue, step: Step, visit: (relationship: RelationshipValue, next: NodeValue) => boolean): boolean {
  const { types, properties, direction } = step;
  if (direction !== 'in') {
    for (const relationship of node.outgoing) {
      if ((types && !types.has(relationship.type)) || !propertiesMatch(relationship, properties)) continue;
      if (visit(relationship, relationship.end)) return true;
    }
  }
  if (direction !== 'out') {
    for (const relationship of node.incoming) {
      // A self-loop is in both lists; an undirected hop takes it once.
      if (direction === 'both' && relationship.start === relationship.end) continue;
      if ((types && !types.has(relationship.type)) || !propertiesMatch(relationship, properties)) continue;
      if (visit(relationship, relationship.start)) return true;
    }
  }
  return false;
}

function constraint(expression: Expression | undefined, row: Row, context: EvaluationContext): Constraint {
  if (!expression) return undefined;
  const value = evaluate(expression, row, context);
  if (!isMap(value)) throw new QueryError('a property constraint must be a map', expression.position);
  return value;
}

/** Reads the properties only when there is a constraint: mapping them is lazy and not free. */
function propertiesMatch(element: NodeValue | RelationshipValue, required: Constraint): boolean {
  if (!required) return true;
  const { properties } = element;
  for (const [key, value] of Object.entries(required)) if (equals(properties[key] ?? null, value) !== true) return false;
  return true;
}

function nodeMatches(node: NodeValue, pattern: NodePattern, required: Constraint, row: Row): boolean {
  if (pattern.variable) {
    const bound = row.get(pattern.variable);
    if (bound !== undefined && bound !== node) return false;
  }
  return pattern.labels.every((label) => node.labels.includes(label)) && propertiesMatch(node, required);
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
