import { describe, expect, it } from 'vitest';
import { names } from './helpers.js';

describe('name spans', () => {
  it("keeps an unknown possessive inside a company's name", () => {
    expect(names("Shares of Brennan's Garden Supplies Inc rose sharply.")).toContain("Organization:Brennan's Garden Supplies Inc");
  });

  it('ends a name at a known possessive owner: the owner and the owned are two names', () => {
    const found = names("Lebanon's foreign minister flew to Damascus. Germany's Helmut Kohl arrived later.");
    expect(found).toContain('Country:Lebanon');
    expect(found).toContain('Country:Germany');
    expect(found).toContain('Person:Helmut Kohl');
    expect(found.some((name) => name.includes("Germany's"))).toBe(false);
  });

  it('ends a name at a spaced dash, but keeps a hyphenated name whole', () => {
    const found = names('MARKET REPORT - Brazil - Folha de Sao Paulo. The Asia-Pacific region grew.');
    expect(found).toContain('Country:Brazil');
    expect(found.some((name) => name.includes('Brazil -'))).toBe(false);
  });

  it('takes an unknown capitalised first word as a name, a common English word not', () => {
    const found = names('Tarkan Ozbek scored twice for the visitors.\n\nStandings were not available.');
    expect(found).toContain('Person:Tarkan Ozbek');
    expect(found.some((name) => name.includes('Standings'))).toBe(false);
  });
});
