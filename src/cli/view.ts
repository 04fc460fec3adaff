import type { Command } from 'commander';
import { buildGraph } from '../graph/build.js';
import { renderViewHtml } from '../view/html.js';
import { writeOutput } from './output.js';
import { addGraphSourceOptions, loadGraphJson, type GraphSourceOptions } from './inputs.js';

interface ViewOptions extends GraphSourceOptions {
  output: string;
}

export function register(program: Command): void {
  addGraphSourceOptions(program.command('view').description('Write one self-contained HTML file that shows the graph and the evidence behind each relation.'))
    .requiredOption('-o, --output <file.html>', 'where to write the page (opens offline in any browser)')
    .addHelpText(
      'after',
      `
Examples:
  $ kg view data/sample/cnn-2001-putin-bush-abm.txt -o graph.html && xdg-open graph.html
  $ kg view --graph graph.json -o graph.html            # a saved extraction (kg extract -o graph.json)`,
    )
    .action(async (inputs: string[], options: ViewOptions) => {
      const json = await loadGraphJson(inputs, options);
      await writeOutput(options.output, await renderViewHtml(buildGraph(json)));
      process.stderr.write(`wrote ${options.output}: ${json.entities.length} entities, ${json.relations.length} relations\n`);
    });
}
