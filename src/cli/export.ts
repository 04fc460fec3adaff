import { Option, type Command } from 'commander';
import { EXPORT_FORMATS, exportGraph, type ExportFormat } from '../export/index.js';
import { buildGraph } from '../graph/build.js';
import { writeOutput } from './output.js';
import { addGraphSourceOptions, loadGraphJson, type GraphSourceOptions } from './inputs.js';

interface ExportOptions extends GraphSourceOptions {
  format: ExportFormat;
  output: string;
}

export function register(program: Command): void {
  addGraphSourceOptions(program.command('export').description('Write the graph as GraphML, GEXF, a Cypher script or JSON, for Gephi, yEd, Cytoscape or Neo4j.'))
    .addOption(new Option('--format <format>', 'file format').choices(Object.keys(EXPORT_FORMATS)).makeOptionMandatory())
    .requiredOption('-o, --output <file>', 'where to write it (replaced whole, never left half-written)')
    .addHelpText(
      'after',
      `
Examples:
  $ kg export data/sample/cnn-2001-putin-bush-abm.txt --format graphml -o graph.graphml   # Gephi, yEd, Cytoscape
  $ kg export --graph graph.json --format gexf -o graph.gexf                               # Gephi, coloured by type
  $ kg export --graph graph.json --format cypher -o graph.cypher && cypher-shell -f graph.cypher`,
    )
    .action(async (inputs: string[], options: ExportOptions) => {
      const json = await loadGraphJson(inputs, options);
      await writeOutput(options.output, await exportGraph(buildGraph(json), options.format));
      process.stderr.write(`wrote ${options.output}: ${json.entities.length} entities, ${json.relations.length} relations (${options.format})\n`);
    });
}
