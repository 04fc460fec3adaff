import { ENTITY_LABEL } from '../store/model.js';
import type { Entity, Relation } from '../types.js';

/** A value an XML graph format stores as such; everything else is written as JSON. */
export type XmlScalar = string | number | boolean;
export type XmlAttributes = Map<string, XmlScalar>;

/**
 * Characters XML 1.0 allows (https://www.w3.org/TR/xml/#charsets): tab, newline, carriage return,
 * and everything from U+0020 up except lone surrogates, U+FFFE and U+FFFF.
 */
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text as an XML reader will give it back: characters XML 1.0 cannot hold (other C0 control
 * characters, lone surrogates, U+FFFE/U+FFFF) are removed, since not even `&#x1;` may encode
 * them, and line ends become `\n`, as every XML parser normalizes them. Everything else, emoji
 * included, is kept.
 */
export function cleanXmlText(text: string): string {
  return text.replace(XML_FORBIDDEN, '').replace(/\r\n?/g, '\n');
}

/**
 * An entity's attributes in the XML formats: `first` (a format's own, such as GraphML's `label`),
 * Neo4j's `labels` (`:Entity:Person`), then the entity's fields.
 */
export function entityXmlAttributes(entity: Entity, first: object = {}): XmlAttributes {
  return xmlAttributes({ ...first, labels: `:${ENTITY_LABEL}:${entity.type}`, ...entity });
}

/**
 * A relation's attributes in the XML formats: `first`, its properties as attributes of their own (`place`,
 * `date`, as in Neo4j), then type, confidence and evidence; source and target are the edge's ends.
 */
export function relationXmlAttributes(relation: Relation, first: object = {}): XmlAttributes {
  const { source: _source, target: _target, properties, ...rest } = relation;
  return xmlAttributes({ ...first, ...properties, ...rest });
}

/** Scalars stay typed; arrays and objects become JSON; absent values are left out; text is cleaned. */
export function xmlAttributes(record: object): XmlAttributes {
  const attributes: XmlAttributes = new Map();
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined || value === null) continue;
    const scalar = typeof value === 'object' ? JSON.stringify(value) : (value as XmlScalar);
    attributes.set(cleanXmlText(name), typeof scalar === 'string' ? cleanXmlText(scalar) : scalar);
  }
  return attributes;
}

/**
 * Element ids for the XML formats: the graph key when it is usable (non-empty and unique after
 * cleaning), otherwise `n17` / `e17`, so no two elements ever share an id.
 */
export class XmlIds {
  private readonly byKey = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(private readonly prefix: string) {}

  take(key: string): string {
    const cleaned = cleanXmlText(key);
    let id = cleaned !== '' && !this.used.has(cleaned) ? cleaned : `${this.prefix}${this.byKey.size}`;
    for (let suffix = 1; this.used.has(id); suffix++) id = `${this.prefix}${this.byKey.size}-${suffix}`;
    this.used.add(id);
    this.byKey.set(key, id);
    return id;
  }

  idOf(key: string): string {
    return this.byKey.get(key)!;
  }
}
