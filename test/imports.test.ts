import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The edges of the house (exports, the HTML view, the query engine, the Neo4j store) meet only
 * through the store's data model: none imports another's modules, so each can change alone.
 */
const SRC = resolve(import.meta.dirname, '../src');
const EDGES = ['export', 'view', 'query', 'store'];
const MEETING_POINT = 'store/model.ts';

/** Relative module specifiers of `import … from`, `export … from`, `import '…'` and `import('…')`, types included. */
function importedPaths(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1]!);
  return [...new Set(specifiers)];
}

/** `from → to` for every import of one edge folder's module into another's, other than the model; paths relative to src/. */
function sidewaysImports(file: string, source: string): string[] {
  const from = relative(SRC, file);
  const folder = from.split('/')[0]!;
  if (!EDGES.includes(folder)) return [];
  return importedPaths(source)
    .map((specifier) => relative(SRC, resolve(dirname(file), specifier)).replace(/\.js$/, '.ts'))
    .filter((to) => {
      const target = to.split('/')[0]!;
      return target !== folder && EDGES.includes(target) && to !== MEETING_POINT;
    })
    .map((to) => `${from} → ${to}`);
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('imports between export/, view/, query/ and store/', () => {
  it('go only through src/store/model.ts', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => sidewaysImports(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('are found in every form an import takes, types and re-exports included', () => {
    const file = join(SRC, 'view/some-view.ts');
    const source = [
      "import { planLoad } from '../store/model.js';",
      "import type { GraphView } from '../query/graph-view.js';",
      "export { cypherLiteral } from '../export/cypher-literal.js';",
      "const load = () => import('../store/load.js');",
      "import { buildGraph } from '../graph/build.js';",
      "import { viewData } from './view-data.js';",
    ].join('\n');
    expect(sidewaysImports(file, source)).toEqual([
      'view/some-view.ts → query/graph-view.ts',
      'view/some-view.ts → export/cypher-literal.ts',
      'view/some-view.ts → store/load.ts',
    ]);
    // The CLI and the pipeline are not edges: they may use any of them.
    expect(sidewaysImports(join(SRC, 'cli/some-command.ts'), "import { loadGraph } from '../store/load.js';")).toEqual([]);
  });
});
