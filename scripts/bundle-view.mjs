// `npm run build`: the view's page script bundled once (dist/view/page.js), so `kg view` needs no esbuild.
import { writeFileSync } from 'node:fs';
import { bundlePageScript, PAGE_SCRIPT } from '../dist/view/bundle.js';

writeFileSync(PAGE_SCRIPT, await bundlePageScript());
