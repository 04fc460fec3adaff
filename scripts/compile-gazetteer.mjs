// `npm run build`: the gazetteer built once from its npm datasets and data/gazetteers/, written
// where the built code reads it (dist/gazetteer.json).
import { writeFileSync } from 'node:fs';
import { buildGazetteer, compileGazetteer, COMPILED_GAZETTEER } from '../dist/pipeline/entities/gazetteer.js';

writeFileSync(COMPILED_GAZETTEER, compileGazetteer(buildGazetteer()));
