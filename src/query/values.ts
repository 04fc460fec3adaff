/**
 * Cypher values inside the engine, and their plain-JSON form: the one shape both backends print,
 * so an in-memory row and a Neo4j row can be compared as they are.
 */

export type PropertyValue = null | boolean | number | string | PropertyValue[];
export type Properties = Record<string, PropertyValue>;

/** Properties, or how to compute them: a view of a large graph maps only what queries touch. */
type LazyProperties = Properties | (() => Properties);

export class NodeValue {
  readonly outgoing: RelationshipValue[] = [];
  readonly incoming: RelationshipValue[] = [];
  private mapped?: Properties;
  private both?: RelationshipValue[];
  constructor(
    /** Unique within one graph view. */
    readonly key: string,
    readonly labels: readonly string[],
    private readonly source: LazyProperties,
    /** The node's position in its graph view: walks keep per-node state in arrays by it. */
    readonly index: number,
  ) {}

  get properties(): Properties {
    return (this.mapped ??= typeof this.source === 'function' ? this.source() : this.source);
  }

  /** Outgoing, then incoming relationships, a self-loop once: what an undirected hop walks. */
  get adjacent(): readonly RelationshipValue[] {
    return (this.both ??= [...this.outgoing, ...this.incoming.filter((relationship) => relationship.start !== relationship.end)]);
  }
}

export class RelationshipValue {
  private mapped?: Properties;
  constructor(
    readonly key: string,
    readonly type: string,
    readonly start: NodeValue,
    readonly end: NodeValue,
    private readonly source: LazyProperties,
  ) {}

  get properties(): Properties {
    return (this.mapped ??= typeof this.source === 'function' ? this.source() : this.source);
  }
}

export class PathValue {
  /** nodes[i] -relationships[i]- nodes[i+1]. */
  constructor(
    readonly nodes: readonly NodeValue[],
    readonly relationships: readonly RelationshipValue[],
  ) {}
}

export type Value = PropertyValue | NodeValue | RelationshipValue | PathValue | Value[] | { [key: string]: Value };

export type PlainValue = null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };

/** A node as both backends print it. Nodes are known by their `id` property, never by an internal id. */
// Type aliases, not interfaces: an alias is a PlainValue map as it is (an interface has no index signature).
export type PlainNode = {
  labels: string[];
  properties: Record<string, PlainValue>;
};

export type PlainRelationship = {
  type: string;
  /** `id` properties of the start and end nodes. */
  start: PlainValue;
  end: PlainValue;
  properties: Record<string, PlainValue>;
};

export function isMap(value: Value): value is { [key: string]: Value } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof NodeValue) && !(value instanceof RelationshipValue) && !(value instanceof PathValue);
}

export function plainNode(labels: readonly string[], properties: Record<string, PlainValue>): PlainNode {
  return { labels: [...labels].sort(), properties: sortKeys(properties) };
}

export function plainRelationship(type: string, start: PlainValue, end: PlainValue, properties: Record<string, PlainValue>): PlainRelationship {
  return { type, start, end, properties: sortKeys(properties) };
}

export function plainPath(nodes: PlainNode[], relationships: PlainRelationship[]): { nodes: PlainNode[]; relationships: PlainRelationship[] } {
  return { nodes, relationships };
}

export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function toPlain(value: Value): PlainValue {
  if (value instanceof NodeValue) return plainNodeOf(value);
  if (value instanceof RelationshipValue) return plainRelationshipOf(value);
  if (value instanceof PathValue) return plainPath(value.nodes.map(plainNodeOf), value.relationships.map(plainRelationshipOf));
  if (Array.isArray(value)) return value.map(toPlain);
  if (isMap(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlain(item)]));
  return value;
}

const plainNodeOf = (node: NodeValue): PlainNode => plainNode(node.labels, node.properties);
const plainRelationshipOf = (relationship: RelationshipValue): PlainRelationship =>
  plainRelationship(relationship.type, relationship.start.properties.id ?? null, relationship.end.properties.id ?? null, relationship.properties);
