import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where `npm run build` writes the bundled page script: dist/view/page.js. */
export const PAGE_SCRIPT = new URL('./page.js', import.meta.url);

/**
 * The page script (`browser/app.js` once compiled, `browser/app.ts` in the sources) bundled by
 * esbuild with sigma and graphology from node_modules, so the page needs no network. Run at
 * `npm run build`; at run time only from the sources, where there is no dist/view/page.js (esbuild
 * is a development dependency).
 */
export async function bundlePageScript(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [appEntry()],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'eof',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

function appEntry(): string {
  for (const name of ['app.js', 'app.ts']) {
    const path = fileURLToPath(new URL(`./browser/${name}`, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error('the page script src/view/browser/app.ts is missing');
}
