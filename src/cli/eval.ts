import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { markdownTable } from 'markdown-table';
import { UserError } from '../errors.js';
import { readDocuments } from '../ingest/index.js';
import type { SourceDocument } from '../types.js';
import {
  evaluateConll04,
  evaluateConll2003,
  evaluateCoref,
  evaluateGold,
  parseGoldFile,
  type CorefReport,
  type GoldDocument,
  type GoldRelationError,
  type GoldReport,
  type NerReport,
  type PrfTable,
  type SpanRelationReport,
} from '../eval/index.js';
import { parseConllu } from '../syntax/conllu.js';
import { evaluateUd, type UdReport } from '../syntax/evaluate.js';
import { syntaxModel } from '../syntax/index.js';

interface EvalOptions {
  conll?: string;
  conll04?: string;
  coref?: string;
  trees?: CorefReport['syntax'];
  gold?: string;
  corpus: string[];
  json?: boolean;
  limit?: number;
  verbose?: boolean;
  ud?: string;
}

export function register(program: Command): void {
  program
    .command('eval')
    .description('Score the extraction against annotated text: precision, recall and F1, and the most frequent errors.')
    .option('--conll <file>', 'CoNLL-2003 NER file (TOKEN POS CHUNK NER lines): exact-span PER/LOC/ORG, MISC excluded')
    .option('--conll04 <file>', 'CoNLL04 JSON file: relations (Kill, Live_In, Located_In, OrgBased_In, Work_For) and NER')
    .option('--coref <file>', 'CoNLL-U with coreference chains (GUM: Entity= in MISC): share of third-person pronouns linked to their chain')
    .addOption(
      new Option('--trees <source>', "with --coref: grammatical roles from none (word order), our parser, or the file's own (gold) trees").choices(['none', 'parser', 'gold']),
    )
    .option('--gold <dir>', 'a directory of our own gold files (one JSON per document, see README) or one such file')
    .option('--corpus <file>', 'with --gold: a JSONL corpus holding the documents by id (repeatable)', collect, [])
    .option('--ud <file>', 'a UD CoNLL-U treebank: UPOS accuracy, UAS and LAS of `kg parse` on its gold words (universal relations, punctuation included)')
    .option('--json', 'print the report as JSON instead of tables')
    .option('--verbose', "with --gold: each document's missed and spurious entities and relations")
    .option('--limit <n>', 'score only the first N documents (CoNLL04, UD: sentences)', positiveInteger)
    .addHelpText(
      'after',
      `
Examples:
  kg eval --conll ../shared/data/conll2003/valid.txt
  kg eval --conll04 ../shared/data/conll04/conll04_dev.json --json
  kg eval --coref ../shared/data/ud/en_gum/dev.conllu
  kg eval --gold data/gold
  kg eval --gold test/gold/news-dev --corpus ../shared/data/news/reuters.jsonl --corpus ../shared/data/news/bbc_all.jsonl
  kg eval --ud ../shared/data/ud/en_ewt/test.conllu`,
    )
    .action(async (options: EvalOptions) => {
      const given = [options.conll, options.conll04, options.coref, options.gold, options.ud].filter((value) => value !== undefined);
      if (given.length !== 1) throw new UserError('give exactly one of --conll FILE, --conll04 FILE, --coref FILE, --gold DIR or --ud FILE');
      if (options.trees !== undefined && options.coref === undefined) throw new UserError('--trees goes with --coref FILE');
      if (options.gold === undefined && options.corpus.length > 0) throw new UserError('--corpus goes with --gold DIR');
      const evaluateOptions = { limit: options.limit, onProgress: progress };
      let report: NerReport | { relations: SpanRelationReport; entities: NerReport } | GoldReport | CorefReport | UdReport;
      let text: string;
      if (options.coref !== undefined) {
        const coref = evaluateCoref(await readText(options.coref), { ...evaluateOptions, name: basename(options.coref), trees: options.trees ?? 'none' });
        [report, text] = [coref, formatCoref(coref)];
      } else if (options.ud !== undefined) {
        const treebank = parseConllu(await readText(options.ud), options.ud).slice(0, options.limit);
        const ud = evaluateUd(treebank, syntaxModel());
        [report, text] = [ud, formatUd(basename(options.ud), ud)];
      } else if (options.conll !== undefined) {
        const ner = evaluateConll2003(await readText(options.conll), { ...evaluateOptions, name: basename(options.conll) });
        [report, text] = [ner, formatNer('CoNLL-2003 NER (exact span, MISC excluded)', ner)];
      } else if (options.conll04 !== undefined) {
        const conll04 = evaluateConll04(await readText(options.conll04), { ...evaluateOptions, name: basename(options.conll04) });
        report = conll04;
        text = [
          formatRelations('CoNLL04 relations', conll04.relations),
          formatNer('CoNLL04 NER (Other excluded), for information', conll04.entities),
        ].join('\n');
      } else {
        const gold = evaluateGold(await readGoldDocuments(options.gold!, options.corpus), evaluateOptions);
        [report, text] = [gold, formatGold(gold, options.verbose === true)];
      }
      if (process.stderr.isTTY) process.stderr.write('\n');
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : text);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a positive integer');
  return number;
}

function progress(done: number, total: number): void {
  if (process.stderr.isTTY && (done === total || done % 25 === 0)) process.stderr.write(`\rkg eval: ${done}/${total} documents`);
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new UserError(`${path}: cannot read the file`);
  }
}

/**
 * Every `*.json` gold file of a directory (or the one file given), with the text it annotates: the
 * corpus record whose id is its `document` when corpora are given, else the file at that path.
 */
async function readGoldDocuments(path: string, corpora: string[]): Promise<GoldDocument[]> {
  const info = await stat(path).catch(() => {
    throw new UserError(`${path}: no such file or directory`);
  });
  const files = info.isDirectory()
    ? (await readdir(path)).filter((name) => name.endsWith('.json')).sort().map((name) => join(path, name))
    : [path];
  if (files.length === 0) throw new UserError(`${path}: no gold files (*.json) in this directory`);
  const golds = await Promise.all(files.map(async (file) => ({ file, gold: parseGoldFile(await readText(file), file) })));
  const byId = corpora.length > 0 ? await readCorpusDocuments(corpora, new Set(golds.flatMap(({ gold }) => gold.document ?? []))) : undefined;
  return Promise.all(
    golds.map(async ({ file, gold }): Promise<GoldDocument> => {
      const id = basename(file, '.json');
      if (gold.text !== undefined) return { id, source: file, text: gold.text, gold };
      if (byId === undefined) {
        const source = resolve(dirname(file), gold.document!);
        const text = await readFile(source, 'utf8').catch(() => {
          throw new UserError(`${file}: cannot read the document ${source} (if "${gold.document}" is a corpus id, give --corpus FILE.jsonl)`);
        });
        return { id, source, text, gold };
      }
      const document = byId.get(gold.document!);
      if (document === undefined) throw new UserError(`${file}: document "${gold.document}" is in none of ${corpora.join(', ')}`);
      const { source, text, title, date } = document;
      return { id, source, text, gold, ...(title && { title }), ...(date && { date }) };
    }),
  );
}

/** The documents of the JSONL corpora whose ids are wanted, read line by line. */
async function readCorpusDocuments(corpora: string[], wanted: Set<string>): Promise<Map<string, SourceDocument>> {
  const found = new Map<string, SourceDocument>();
  for await (const document of readDocuments(corpora)) {
    if (wanted.has(document.id)) found.set(document.id, document);
  }
  return found;
}

function formatNer(title: string, report: NerReport): string {
  const { falsePositives, falseNegatives, wrongType } = report.errors;
  return [
    `## ${title}: ${report.documents} documents\n`,
    scoreTable(report),
    `\nMost frequent false positives\n`,
    listTable(['text', 'predicted', 'count'], falsePositives.map((e) => [e.text, e.type, String(e.count)])),
    `\nMost frequent false negatives\n`,
    listTable(['text', 'gold', 'count'], falseNegatives.map((e) => [e.text, e.type, String(e.count)])),
    `\nMost frequent wrong types\n`,
    listTable(['text', 'gold', 'predicted', 'count'], wrongType.map((e) => [e.text, e.gold, e.predicted, String(e.count)])),
    '',
  ].join('\n');
}

function formatCoref(report: CorefReport): string {
  const row = (name: string, s: CorefReport['personPronouns']): string[] => [name, s.accuracy.toFixed(3), String(s.correct), String(s.total), String(s.linked), s.precision.toFixed(3)];
  const header = ['pronouns', 'accuracy', 'correct', 'total', 'linked', 'precision'];
  const roles = { none: 'roles from word order', parser: "roles from our parser's trees", gold: "roles from the file's trees" }[report.syntax];
  return [
    `## Pronoun resolution: ${report.documents} documents, ${roles}\n`,
    markdownTable([header, row('third person', report.pronouns), row('person chains', report.personPronouns)], { align: ['l', 'r', 'r', 'r', 'r', 'r'] }),
    `\nBy form\n`,
    markdownTable([header, ...Object.entries(report.pronouns.byForm).map(([form, s]) => row(form, s))], { align: ['l', 'r', 'r', 'r', 'r', 'r'] }),
    '',
  ].join('\n');
}

function formatRelations(title: string, report: SpanRelationReport): string {
  const errors = (rows: SpanRelationReport['errors']['falsePositives']): string =>
    listTable(['type', 'source', 'target', 'count'], rows.map((e) => [e.type, e.source, e.target, String(e.count)]));
  return [
    `## ${title}: ${report.documents} sentences\n`,
    scoreTable(report),
    `\nMost frequent false positives\n`,
    errors(report.errors.falsePositives),
    `\nMost frequent false negatives\n`,
    errors(report.errors.falseNegatives),
    '',
  ].join('\n');
}

function formatGold(report: GoldReport, verbose: boolean): string {
  const { entities, relations } = report;
  const optional = (count: number, what: string): string => `\n${count} predicted ${what} matched optional gold ones (not scored).\n`;
  return [
    `## Gold entities: ${report.documents} documents\n`,
    scoreTable(entities),
    optional(entities.optionalMatches, 'entities'),
    `## Gold relations\n`,
    scoreTable(relations),
    optional(relations.optionalMatches, 'relations'),
    verbose ? formatGoldErrors(report) : "--verbose lists each document's missed and spurious entities and relations.\n",
  ].join('\n');
}

/** Each document's errors: missed (false negatives) and spurious (false positives, with the sentence). */
function formatGoldErrors({ entities, relations }: GoldReport): string {
  const fact = (e: GoldRelationError): string => `${e.type}(${e.source} → ${e.target})`;
  const lines = new Map<string, string[]>();
  const add = (document: string, line: string): void => {
    lines.set(document, [...(lines.get(document) ?? []), line]);
  };
  for (const e of relations.falseNegatives) add(e.document, `- missed ${fact(e)}`);
  for (const e of relations.falsePositives) {
    add(e.document, `- spurious ${fact(e)}${e.reason === 'duplicate' ? ' (duplicate)' : ''}${e.sentence ? `: "${oneLine(e.sentence)}"` : ''}`);
  }
  for (const e of entities.falseNegatives) add(e.document, `- missed entity ${e.type} "${e.name}"`);
  for (const e of entities.falsePositives) add(e.document, `- spurious entity ${e.type} "${e.name}" (${e.reason})`);
  if (lines.size === 0) return 'No errors.\n';
  return [...lines].sort(([a], [b]) => a.localeCompare(b)).map(([document, rows]) => `### ${document}\n\n${rows.join('\n')}\n`).join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function formatUd(name: string, report: UdReport): string {
  return [
    `## ${name}: ${report.sentences} sentences, ${report.words} words (gold tokenization)\n`,
    markdownTable(
      [
        ['UPOS', 'UAS', 'LAS', 'words/s'],
        [report.upos.toFixed(4), report.uas.toFixed(4), report.las.toFixed(4), String(report.wordsPerSecond)],
      ],
      { align: ['r', 'r', 'r', 'r'] },
    ),
    `\nMost frequent relation confusions (universal relations)\n`,
    listTable(['gold', 'predicted', 'count'], report.confusions.map((c) => [c.gold, c.predicted, String(c.count)])),
    '',
  ].join('\n');
}

function listTable(header: string[], rows: string[][]): string {
  return rows.length === 0 ? '(none)' : markdownTable([header, ...rows]);
}

function scoreTable({ perType, micro }: PrfTable): string {
  const row = (name: string, s: PrfTable['micro']): string[] => [
    name,
    s.precision.toFixed(3),
    s.recall.toFixed(3),
    s.f1.toFixed(3),
    String(s.tp),
    String(s.fp),
    String(s.fn),
  ];
  return markdownTable(
    [['type', 'precision', 'recall', 'F1', 'tp', 'fp', 'fn'], ...Object.entries(perType).map(([type, s]) => row(type, s)), row('micro', micro)],
    { align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'] },
  );
}
