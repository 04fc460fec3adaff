import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/pipeline/analyze.js';
import { getGazetteer } from '../../../src/pipeline/entities/gazetteer.js';
import { findMentions } from '../../../src/pipeline/entities/index.js';
import { relationsOfRule } from '../../../src/pipeline/relations/index.js';
import { RELATION_RULES, type RelationRule } from '../../../src/pipeline/relations/rules.js';
import { resolve } from '../../../src/pipeline/resolve.js';

/** What one rule alone states in a text, as "TYPE source → target". */
function ruleFinds(rule: RelationRule, text: string): string[] {
  const analyzed = analyze(text);
  const resolved = resolve('test', analyzed, findMentions(analyzed, getGazetteer(), 'rules'), getGazetteer());
  const name = (id: string): string => resolved.entities.find((e) => e.id === id)?.name ?? id;
  return relationsOfRule('test', analyzed, resolved, getGazetteer(), rule).map((r) => `${r.type} ${name(r.source)} → ${name(r.target)}`);
}

describe('surface rules check themselves', () => {
  for (const rule of RELATION_RULES) {
    it(`${rule.pattern}: fires on its example, not on its near miss`, () => {
      expect(ruleFinds(rule, rule.example.text)).toContain(rule.example.expect);
      expect(ruleFinds(rule, rule.nearMiss)).toEqual([]);
    });
  }
});
