import { mkdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Option, type Command } from 'commander';
import { UserError } from '../errors.js';
import { EXPORT_FORMATS, exportGraph, type ExportFormat } from '../export/index.js';
import { writeNeo4jAdminImport } from '../export/neo4j-admin.js';
import { buildGraph, type KnowledgeGraph } from '../graph/build.js';
import { outputError, writeOutput } from './output.js';
import { addGraphSourceOptions, loadGraphJson, type GraphSourceOptions } from './inputs.js';

type ExportCommandFormat = ExportFormat | 'neo4j-admin';

interface ExportOptions extends GraphSourceOptions {
  format?: ExportCommandFormat;
  output: string;
}

/** `--format`, else the output's extension (graph.graphml → graphml); a folder needs --format neo4j-admin. */
function chosenFormat(options: ExportOptions): ExportCommandFormat {
  if (options.format) return options.format;
  const extension = extname(options.output).slice(1).toLowerCase();
  if (Object.hasOwn(EXPORT_FORMATS, extension)) return extension as ExportFormat;
  throw new UserError(`${options.output}: cannot tell the format from the name; give --format ${[...Object.keys(EXPORT_FORMATS), 'neo4j-admin'].join('|')}`);
}

export function register(program: Command): void {
  addGraphSourceOptions(program.command('export').description('Write the graph as GraphML, GEXF, a Cypher script or JSON, for Gephi, yEd, Cytoscape or Neo4j.'))
    .addOption(new Option('--format <format>', "file format (default: from the output's extension)").choices([...Object.keys(EXPORT_FORMATS), 'neo4j-admin']))
    .requiredOption('-o, --output <file>', 'where to write it (replaced whole, never left half-written); neo4j-admin: a folder')
    .addHelpText(
      'after',
      `
Examples:
  $ kg export data/sample/cnn-2001-putin-bush-abm.txt -o graph.graphml   # Gephi, yEd, Cytoscape (format from the extension)
  $ kg export --graph graph.json -o graph.gexf                               # Gephi, coloured by type
  $ kg export --graph graph.json -o graph.cypher && cypher-shell -f graph.cypher
  $ kg export --graph docs.jsonl --format neo4j-admin -o import/ && npm run neo4j:import import/   # bulk: CSV for neo4j-admin database import`,
    )
    .action(async (inputs: string[], options: ExportOptions) => {
      const format = chosenFormat(options);
      const json = await loadGraphJson(inputs, options);
      if (format === 'neo4j-admin') await writeImportFolder(buildGraph(json), options.output);
      else await writeOutput(options.output, await exportGraph(buildGraph(json), format));
      process.stderr.write(`wrote ${options.output}: ${json.entities.length} entities, ${json.relations.length} relations (${format})\n`);
    });
}

/**
 * The CSV files, `import.sh` (the exact `neo4j-admin database import full` command, run from the
 * folder) and `import-arguments.json` (the same arguments, for `npm run neo4j:import`).
 */
async function writeImportFolder(graph: KnowledgeGraph, folder: string): Promise<void> {
  const { files, arguments: args } = writeNeo4jAdminImport(graph);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw outputError(folder, error);
  }
  for (const [name, text] of files) await writeOutput(join(folder, name), text);
  const command = `neo4j-admin ${args.join(' ')}`;
  await writeOutput(
    join(folder, 'import.sh'),
    `#!/bin/sh\n# Stop the server first (the import replaces database "neo4j"), then start it again.\ncd "$(dirname "$0")" && ${command}\n`,
  );
  await writeOutput(join(folder, 'import-arguments.json'), `${JSON.stringify(args, null, 2)}\n`);
  process.stderr.write(`${command}\n`);
}
