import type { Command } from 'commander';
import { buildGraph } from '../graph/build.js';
import { UserError } from '../errors.js';
import { neighbourhood } from '../view/focus.js';
import { renderViewHtml } from '../view/html.js';
import { writeOutput } from './output.js';
import { addGraphSourceOptions, loadGraphJson, type GraphSourceOptions } from './inputs.js';

interface ViewOptions extends GraphSourceOptions {
  output: string;
  focus?: string;
  hops: number;
}

export function register(program: Command): void {
  addGraphSourceOptions(program.command('view').description('Write one self-contained HTML file that shows the graph and the evidence behind each relation.'))
    .requiredOption('-o, --output <file.html>', 'where to write the page (opens offline in any browser)')
    .option('--focus <name>', 'only the neighbourhood of this entity (its name, an alias or its id)')
    .option('--hops <n>', 'with --focus: how many relations away to go', hopCount, 1)
    .addHelpText(
      'after',
      `
Examples:
  $ kg view data/sample/cnn-2001-putin-bush-abm.txt -o graph.html && xdg-open graph.html
  $ kg view --graph graph.json -o graph.html            # a saved extraction (kg extract -o graph.json)
  $ kg view --graph graph.json --focus "Ronald Reagan" --hops 2 -o reagan.html

Above 2,000 entities the page opens on a map of the corpus: communities of related entities in
their own colours and apart, the most connected entities named, the entities without relations
hidden behind a check box; the search box finds any entity.`,
    )
    .action(async (inputs: string[], options: ViewOptions) => {
      let graph = buildGraph(await loadGraphJson(inputs, options));
      if (options.focus !== undefined) graph = neighbourhood(graph, options.focus, options.hops);
      await writeOutput(options.output, await renderViewHtml(graph));
      process.stderr.write(`wrote ${options.output}: ${graph.order} entities, ${graph.size} relations\n`);
    });
}

function hopCount(text: string): number {
  const hops = Number(text);
  if (!Number.isInteger(hops) || hops < 0) throw new UserError(`--hops ${text}: expected a whole number, 0 or more`);
  return hops;
}
