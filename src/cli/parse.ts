import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { UserError } from '../errors.js';
import { readDocuments } from '../ingest/index.js';
import { analyze } from '../pipeline/analyze.js';
import { clean } from '../pipeline/clean.js';
import { commentValue, formatConllu, parseConllu, parsedToConllu, type ConlluSentence } from '../syntax/conllu.js';
import { parseSentence, parseWords, syntaxModel, type ParsedSentence } from '../syntax/index.js';
import { writeOutput } from './output.js';

interface ParseOptions {
  format: 'conllu' | 'json';
  tokenized?: string;
  output?: string;
}

export function register(program: Command): void {
  program
    .command('parse')
    .summary('tag and parse sentences: UD parts of speech, lemmas and dependencies')
    .description(
      'Split documents into sentences and words (UD English tokenization), and print each word with its part of speech, lemma, head and dependency relation.\n' +
        'With --tokenized, parse the words of a CoNLL-U file as they are (same sentences, ids and multiword tokens).',
    )
    .argument('[inputs...]', 'files, directories (.txt, .html, .htm, .jsonl) or - for stdin, as for kg extract')
    .addOption(new Option('--format <format>', 'conllu: CoNLL-U, offsets as TokenRange=start:end in MISC; json: sentences with tokens').choices(['conllu', 'json']).default('conllu'))
    .option('--tokenized <file>', 'a CoNLL-U file whose words are parsed as given (for evaluation)')
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ kg parse data/sample/cnn-2001-putin-bush-abm.txt
  $ kg parse story.txt --format json
  $ kg parse --tokenized ../shared/data/ud/en_ewt/test.conllu > predicted.conllu`,
    )
    .action(async (inputs: string[], options: ParseOptions) => {
      if (inputs.length > 0 && options.tokenized !== undefined) throw new UserError('give input documents or --tokenized FILE, not both');
      if (inputs.length === 0 && options.tokenized === undefined) throw new UserError('give input documents (or - for stdin), or --tokenized FILE');
      syntaxModel();
      const output = options.tokenized !== undefined ? await parseTokenized(options.tokenized, options.format) : await parseDocuments(inputs, options.format);
      if (options.output) await writeOutput(options.output, output);
      else process.stdout.write(output);
    });
}

async function parseDocuments(inputs: string[], format: ParseOptions['format']): Promise<string> {
  const documents: { document: string; sentences: ParsedSentence[] }[] = [];
  const conllu: ConlluSentence[] = [];
  for await (const document of readDocuments(inputs)) {
    // Cleaning keeps every offset, so sentence and token offsets index the original text.
    const text = clean(document.text);
    const sentences = analyze(text).sentences.map((sentence) => parseSentence(text, sentence.start, sentence.end));
    documents.push({ document: document.id, sentences });
    sentences.forEach((parsed, index) => conllu.push(parsedToConllu(parsed, `${document.id}-${index + 1}`, document.text)));
  }
  return format === 'json' ? `${JSON.stringify(documents, null, 2)}\n` : formatConllu(conllu);
}

async function parseTokenized(path: string, format: ParseOptions['format']): Promise<string> {
  const treebank = parseConllu(await readFile(path, 'utf8').catch(() => Promise.reject(new UserError(`${path}: cannot read the file`))), path);
  const parsed = treebank.map((sentence) => parseWords(sentence.words.map((word) => word.form), commentValue(sentence, 'text')));
  if (format === 'json') return `${JSON.stringify(parsed, null, 2)}\n`;
  treebank.forEach((sentence, s) => {
    sentence.words.forEach((word, i) => {
      const token = parsed[s]!.tokens[i]!;
      Object.assign(word, { lemma: token.lemma, upos: token.upos, xpos: '_', feats: '_', head: token.head, deprel: token.deprel, deps: '_' });
    });
  });
  return formatConllu(treebank);
}
