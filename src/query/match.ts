/**
 * Pattern matching as pull-based iterators: each pattern starts where the plan says (a bound
 * variable, an index, the rarest label or type) and walks its hops along adjacency lists, yielding
 * one match at a time, so a LIMIT or an existence test stops the walk. Variable-length hops are a
 * depth-first walk over trails (no relationship twice) holding only the current trail;
 * shortestPath is a breadth-first search.
 */
import type { Expression, NodePattern, RelationshipPattern } from './ast.js';
import { equals } from './compare.js';
import { QueryError } from './errors.js';
import { evaluate, extend, truth, type EvaluationContext, type Row } from './evaluate.js';
import type { GraphView } from './graph-view.js';
import type { Hop, MatchPlan, PartPlan, Seek } from './plan.js';
import { NodeValue, PathValue, RelationshipValue, isMap, type Value } from './values.js';

type Constraint = Record<string, Value> | undefined;

interface Step {
  hop: Hop;
  pattern: RelationshipPattern;
  target: NodePattern;
  targetConstraint: Constraint;
  properties: Constraint;
  /** The allowed types; absent = any. */
  types?: ReadonlySet<string>;
  direction: Hop['direction'];
}

/** Every row a MATCH gives for one incoming row (OPTIONAL: a row of nulls when none). */
export function* matchClause(plan: MatchPlan, row: Row, context: EvaluationContext): Generator<Row> {
  let found = false;
  if (passes(plan.preFilters, row, context)) {
    const matches = plan.parts.length === 1 ? matchPart(plan.parts[0]!, row, context, []) : matchParts(plan.parts, 0, row, context, []);
    for (const matched of matches) {
      found = true;
      yield matched;
    }
  }
  if (plan.clause.optional && !found) {
    let empty = row;
    for (const variable of plan.newVariables) empty = extend(empty, variable, null);
    yield empty;
  }
}

/**
 * The patterns one after the other. `taken` holds the relationships of the match in progress, all
 * patterns together: relationships stay unique across the patterns of one MATCH.
 */
function* matchParts(parts: readonly PartPlan[], index: number, row: Row, context: EvaluationContext, taken: RelationshipValue[]): Generator<Row> {
  if (index === parts.length - 1) {
    yield* matchPart(parts[index]!, row, context, taken);
    return;
  }
  for (const next of matchPart(parts[index]!, row, context, taken)) yield* matchParts(parts, index + 1, next, context, taken);
}

/** Whether a pattern predicate (`(a)-[:X]->()` in WHERE) has at least one match: stops at the first. */
export function patternExists(plan: PartPlan, row: Row, context: EvaluationContext): boolean {
  const walk = matchPart(plan, row, context, []);
  const found = !walk.next().done;
  walk.return(undefined);
  return found;
}

/** The rows matching one pattern; while a row is out, `taken` ends with the relationships it took. */
function* matchPart(plan: PartPlan, input: Row, context: EvaluationContext, taken: RelationshipValue[]): Generator<Row> {
  const { part } = plan;
  const nodeConstraints = part.nodes.map((node) => constraint(node.properties, input, context));
  if (part.shortest) {
    yield* matchShortest(plan, input, context, nodeConstraints, constraint(part.relationships[0]!.properties, input, context), taken);
    return;
  }
  const steps = stepsOf(plan, nodeConstraints, input, context);
  // What the walk holds, by pattern position: nodes, and (for a path variable) each hop's
  // relationships and inner nodes in pattern order.
  const nodes: NodeValue[] = new Array(part.nodes.length);
  const hops: Array<{ relationships: RelationshipValue[]; inner: NodeValue[] }> = new Array(part.relationships.length);
  const withPath = part.variable !== undefined;
  const { clause } = plan;
  const startPattern = part.nodes[plan.start]!;
  const startConstraint = nodeConstraints[plan.start];

  /** The row once every hop is taken, with the path; undefined when a last filter drops it. */
  function completed(row: Row): Row | undefined {
    const complete = withPath ? bind(row, part.variable, pathOf(nodes, hops)) : row;
    return passes(plan.finalFilters, complete, context) ? complete : undefined;
  }

  function* expand(stepIndex: number, row: Row): Generator<Row> {
    const step = steps[stepIndex];
    if (!step) {
      const complete = completed(row);
      if (complete) yield complete;
      return;
    }
    const from = nodes[step.hop.from]!;
    const bound = step.pattern.variable ? row.get(step.pattern.variable) : undefined;
    const forward = step.hop.to > step.hop.from;
    if (!step.pattern.length) {
      for (const relationship of relationshipsFrom(from, step)) {
        context.guard.tick(clause);
        if (taken.includes(relationship)) continue;
        const next = otherEnd(relationship, from);
        if (bound !== undefined && bound !== relationship) continue;
        if (!nodeMatches(next, step.target, step.targetConstraint, row)) continue;
        const nextRow = bind(row, step.pattern.variable, relationship, step.target.variable, next);
        if (!passes(step.hop.filters, nextRow, context)) continue;
        nodes[step.hop.to] = next;
        if (withPath) hops[step.hop.relationship] = { relationships: [relationship], inner: [] };
        taken.push(relationship);
        try {
          // The last hop yields its rows itself: one generator fewer for every row.
          if (stepIndex === steps.length - 1) {
            const complete = completed(nextRow);
            if (complete) yield complete;
          } else {
            yield* expand(stepIndex + 1, nextRow);
          }
        } finally {
          taken.pop();
        }
      }
      return;
    }
    if (bound !== undefined) throw new QueryError(`variable-length relationship \`${step.pattern.variable}\` is already bound`, step.pattern.position);
    const { min, max = Infinity } = step.pattern.length;
    if (step.hop.distinctEnds) {
      for (const node of trailEnds(from, step, min, max, context, clause)) {
        if (!nodeMatches(node, step.target, step.targetConstraint, row)) continue;
        const nextRow = bind(row, undefined, null, step.target.variable, node);
        if (!passes(step.hop.filters, nextRow, context)) continue;
        nodes[step.hop.to] = node;
        yield* expand(stepIndex + 1, nextRow);
      }
      return;
    }
    const trail: RelationshipValue[] = [];
    const trailNodes: NodeValue[] = [];
    // The walk's stack: per depth, the relationships to try and how far along they are.
    const lists: Array<readonly RelationshipValue[]> = [];
    const positions: number[] = [];
    const last = stepIndex === steps.length - 1;
    const arrives = (node: NodeValue): boolean => trail.length >= min && nodeMatches(node, step.target, step.targetConstraint, row);
    /** The rows of a trail ending at `node` (which `arrives`). */
    const arrive = function* (node: NodeValue): Generator<Row> {
      // A walk against the arrow collects the hops backwards; the variable and the path list them in pattern order.
      const relationships = step.pattern.variable || withPath ? (forward ? [...trail] : [...trail].reverse()) : trail;
      const nextRow = bind(row, step.pattern.variable, relationships, step.target.variable, node);
      if (!passes(step.hop.filters, nextRow, context)) return;
      nodes[step.hop.to] = node;
      if (withPath) {
        const inner = trailNodes.slice(0, -1);
        hops[step.hop.relationship] = { relationships, inner: forward ? inner : inner.reverse() };
      }
      const before = taken.length;
      taken.push(...trail);
      try {
        if (last) {
          const complete = completed(nextRow);
          if (complete) yield complete;
        } else {
          yield* expand(stepIndex + 1, nextRow);
        }
      } finally {
        taken.length = before;
      }
    };
    if (arrives(from)) yield* arrive(from);
    if (max > 0) {
      lists.push(relationshipsFrom(from, step));
      positions.push(0);
    }
    while (lists.length > 0) {
      context.guard.tick(clause);
      const depth = lists.length - 1;
      const list = lists[depth]!;
      if (positions[depth]! >= list.length) {
        lists.pop();
        positions.pop();
        trail.pop();
        trailNodes.pop();
        continue;
      }
      const relationship = list[positions[depth]!++]!;
      if (taken.includes(relationship) || trail.includes(relationship)) continue;
      const node = otherEnd(relationship, trailNodes.at(-1) ?? from);
      trail.push(relationship);
      trailNodes.push(node);
      if (arrives(node)) yield* arrive(node);
      if (trail.length < max) {
        lists.push(relationshipsFrom(node, step));
        positions.push(0);
      } else {
        trail.pop();
        trailNodes.pop();
      }
    }
  }

  for (const start of candidates(plan.seek, startPattern, startConstraint, input, context)) {
    context.guard.tick(clause);
    if (!nodeMatches(start, startPattern, startConstraint, input)) continue;
    const row = bind(input, startPattern.variable, start);
    if (!passes(plan.startFilters, row, context)) continue;
    nodes[plan.start] = start;
    yield* expand(0, row);
  }
}

/**
 * Each node at the end of some trail of `min` (at most 1) to `max` hops from `start`, once:
 * breadth-first, as a node other than the start is the end of a trail exactly when a shortest path
 * reaches it in time. The start itself ends a trail when a cycle runs through it within `max` hops
 * (or when `min` is 0): an edge between two branches of the search closes the shortest such cycle.
 */
function* trailEnds(start: NodeValue, step: StepFilter, min: number, max: number, context: EvaluationContext, clause: PartPlan['clause']): Generator<NodeValue> {
  if (min === 0) yield start;
  // Per node: its distance, the relationship that found it, and the first relationship of its branch.
  interface Reached {
    distance: number;
    parent?: RelationshipValue;
    branch?: RelationshipValue;
  }
  const reached = new Map<NodeValue, Reached>([[start, { distance: 0 }]]);
  let shortestCycle = Infinity;
  let frontier = [start];
  while (frontier.length > 0) {
    const next: NodeValue[] = [];
    for (const node of frontier) {
      const here = reached.get(node)!;
      for (const relationship of relationshipsFrom(node, step)) {
        context.guard.tick(clause);
        const other = otherEnd(relationship, node);
        const there = reached.get(other);
        if (!there) {
          if (here.distance + 1 > max) continue;
          reached.set(other, { distance: here.distance + 1, parent: relationship, branch: here.branch ?? relationship });
          next.push(other);
          yield other;
          continue;
        }
        if (relationship === there.parent || relationship === here.parent) continue;
        // A relationship outside the search tree closes a cycle through the start when it leads
        // back to the start, or (either way) joins two branches.
        const closes = other === start || (step.direction === 'both' && here.branch !== there.branch);
        if (closes) shortestCycle = Math.min(shortestCycle, here.distance + there.distance + 1);
      }
    }
    frontier = next;
  }
  if (min === 1 && shortestCycle <= max) yield start;
}

const fixedSteps = new WeakMap<PartPlan, Step[]>();

/** The hops with their constraints: made once per pattern when it has no property maps (they depend on the row). */
function stepsOf(plan: PartPlan, nodeConstraints: Constraint[], row: Row, context: EvaluationContext): Step[] {
  const { part } = plan;
  const fixed = part.nodes.every((node) => !node.properties) && part.relationships.every((relationship) => !relationship.properties);
  if (fixed && fixedSteps.has(plan)) return fixedSteps.get(plan)!;
  const steps = plan.hops.map((hop): Step => {
    const pattern = part.relationships[hop.relationship]!;
    return {
      hop,
      pattern,
      target: part.nodes[hop.to]!,
      targetConstraint: nodeConstraints[hop.to],
      properties: constraint(pattern.properties, row, context),
      types: typeSet(pattern),
      direction: hop.direction,
    };
  });
  if (fixed) fixedSteps.set(plan, steps);
  return steps;
}

/** The path in pattern order from the nodes and hops the walk holds. */
function pathOf(nodes: readonly NodeValue[], hops: ReadonlyArray<{ relationships: RelationshipValue[]; inner: NodeValue[] }>): PathValue {
  const pathNodes = [nodes[0]!];
  const relationships: RelationshipValue[] = [];
  hops.forEach((hop, index) => {
    pathNodes.push(...hop.inner);
    if (hop.relationships.length > 0) pathNodes.push(nodes[index + 1]!);
    relationships.push(...hop.relationships);
  });
  return new PathValue(pathNodes, relationships);
}

function passes(filters: readonly Expression[], row: Row, context: EvaluationContext): boolean {
  for (const filter of filters) if (truth(evaluate(filter, row, context)) !== true) return false;
  return true;
}

function* matchShortest(plan: PartPlan, row: Row, context: EvaluationContext, nodeConstraints: Constraint[], relationshipConstraint: Constraint, taken: RelationshipValue[]): Generator<Row> {
  const { part } = plan;
  const [fromPattern, toPattern] = part.nodes as [NodePattern, NodePattern];
  const relationship = part.relationships[0]!;
  if (relationship.length && relationship.length.min > 1) throw new QueryError('shortestPath needs a minimal length of 0 or 1', relationship.position);
  const max = relationship.length ? (relationship.length.max ?? Infinity) : 1;
  const step = { types: typeSet(relationship), properties: relationshipConstraint, direction: relationship.direction };
  const targets = [...candidates(plan.endSeek!, toPattern, nodeConstraints[1], row, context)].filter((node) => nodeMatches(node, toPattern, nodeConstraints[1], row));
  for (const from of candidates(plan.seek, fromPattern, nodeConstraints[0], row, context)) {
    if (!nodeMatches(from, fromPattern, nodeConstraints[0], row)) continue;
    const fromRow = bind(row, fromPattern.variable, from);
    for (const to of targets) {
      context.guard.tick(plan.clause);
      if (to === from) continue;
      if (toPattern.variable && fromRow.has(toPattern.variable) && fromRow.get(toPattern.variable) !== to) continue;
      const paths = part.shortest === 'all' ? allShortestPaths(from, to, step, max) : [shortestPath(from, to, step, max)].filter((path) => path !== undefined);
      for (const path of paths) {
        const hops = relationship.length ? [...path.relationships] : path.relationships[0]!;
        const result = bind(bind(fromRow, toPattern.variable, to, relationship.variable, hops), part.variable, path);
        const before = taken.length;
        taken.push(...path.relationships);
        try {
          yield result;
        } finally {
          taken.length = before;
        }
      }
    }
  }
}

type Direction = 'out' | 'in' | 'both';
type StepFilter = { types?: ReadonlySet<string>; properties: Constraint; direction: Direction };

/** One shortest path: breadth-first from both ends at once, always growing the smaller frontier. */
function shortestPath(from: NodeValue, to: NodeValue, step: StepFilter, max: number): PathValue | undefined {
  const backward: StepFilter = { ...step, direction: step.direction === 'out' ? 'in' : step.direction === 'in' ? 'out' : 'both' };
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
      for (const relationship of relationshipsFrom(node, direction)) {
        const neighbour = otherEnd(relationship, node);
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
function allShortestPaths(from: NodeValue, to: NodeValue, step: StepFilter, max: number): PathValue[] {
  const parents = new Map<NodeValue, Array<[NodeValue, RelationshipValue]>>([[from, []]]);
  let frontier = [from];
  for (let depth = 0; depth < max && frontier.length > 0 && !parents.has(to); depth++) {
    const discovered = new Map<NodeValue, Array<[NodeValue, RelationshipValue]>>();
    for (const node of frontier) {
      for (const relationship of relationshipsFrom(node, step)) {
        const next = otherEnd(relationship, node);
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

/** The relationships leaving `node` the way the step allows (the node's own list when nothing is filtered). */
function relationshipsFrom(node: NodeValue, step: StepFilter): readonly RelationshipValue[] {
  const { types, properties, direction } = step;
  if (!types && !properties && direction !== 'both') return direction === 'out' ? node.outgoing : node.incoming;
  const found: RelationshipValue[] = [];
  if (direction !== 'in') {
    for (const relationship of node.outgoing) {
      if ((!types || types.has(relationship.type)) && propertiesMatch(relationship, properties)) found.push(relationship);
    }
  }
  if (direction !== 'out') {
    for (const relationship of node.incoming) {
      // A self-loop is in both lists; an undirected hop takes it once.
      if (direction === 'both' && relationship.start === relationship.end) continue;
      if ((!types || types.has(relationship.type)) && propertiesMatch(relationship, properties)) found.push(relationship);
    }
  }
  return found;
}

const typeSets = new WeakMap<RelationshipPattern, ReadonlySet<string>>();

/** The types a relationship pattern allows, as a set made once; absent = any. */
function typeSet(pattern: RelationshipPattern): ReadonlySet<string> | undefined {
  if (pattern.types.length === 0) return undefined;
  let types = typeSets.get(pattern);
  if (!types) typeSets.set(pattern, (types = new Set(pattern.types)));
  return types;
}

/** The node at the other end of a relationship taken from `from` (a self-loop leads back). */
function otherEnd(relationship: RelationshipValue, from: NodeValue): NodeValue {
  return relationship.start === from ? relationship.end : relationship.start;
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
  for (const key in required) if (equals(properties[key] ?? null, required[key]!) !== true) return false;
  return true;
}

function nodeMatches(node: NodeValue, pattern: NodePattern, required: Constraint, row: Row): boolean {
  if (pattern.variable) {
    const bound = row.get(pattern.variable);
    if (bound !== undefined && bound !== node) return false;
  }
  for (const label of pattern.labels) if (!node.labels.includes(label)) return false;
  return propertiesMatch(node, required);
}

/** The nodes a seek finds; the caller still tests labels and properties. */
function candidates(seek: Seek, pattern: NodePattern, required: Constraint, row: Row, context: EvaluationContext): readonly NodeValue[] {
  const { view } = context;
  switch (seek.kind) {
    case 'bound': {
      const bound = row.get(seek.variable)!;
      if (bound === null) return [];
      if (!(bound instanceof NodeValue)) throw new QueryError(`\`${seek.variable}\` is not a node`, pattern.position);
      return [bound];
    }
    case 'id':
    case 'name': {
      const value = seek.value === 'properties' ? required?.[seek.kind] : evaluate(seek.value, row, context);
      if (typeof value !== 'string') return [];
      return (seek.kind === 'id' ? view.byId : view.byName).get(value) ?? [];
    }
    case 'type':
      return typeEnds(view, seek.types, seek.direction);
    case 'label':
      return view.byLabel.get(seek.label) ?? [];
    case 'all':
      return view.nodes;
  }
}

const typeEndsCache = new WeakMap<GraphView, Map<string, NodeValue[]>>();

/** The distinct nodes a walk over relationships of these types may leave from, once per view. */
function typeEnds(view: GraphView, types: readonly string[], direction: Direction): NodeValue[] {
  let cache = typeEndsCache.get(view);
  if (!cache) typeEndsCache.set(view, (cache = new Map()));
  const key = `${direction}:${[...types].sort().join('|')}`;
  let ends = cache.get(key);
  if (!ends) {
    const found = new Set<NodeValue>();
    for (const type of types) {
      for (const relationship of view.byType.get(type) ?? []) {
        if (direction !== 'in') found.add(relationship.start);
        if (direction !== 'out') found.add(relationship.end);
      }
    }
    cache.set(key, (ends = [...found]));
  }
  return ends;
}

/** The row plus one or two bindings; unnamed pattern elements, and variables bound already, add nothing. */
function bind(row: Row, variable: string | undefined, value: Value, otherVariable?: string, otherValue?: Value): Row {
  let next = row;
  if (variable && !row.has(variable)) next = extend(next, variable, value);
  if (otherVariable && !row.has(otherVariable)) next = extend(next, otherVariable, otherValue!);
  return next;
}
