import type { EntityType } from '../types.js';

/** `Person`, `George W. Bush` → `person:george-w-bush`: stable, readable ids. */
export function entityId(type: EntityType, name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${type.toLowerCase()}:${slug || 'unnamed'}`;
}
