import { mkdtemp, symlink, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { countDocuments, readDocuments, type ReadOptions } from '../../src/ingest/index.js';
import type { SourceDocument } from '../../src/types.js';

const FIXTURES = 'test/fixtures/ingest';
const ARTICLES = `${FIXTURES}/articles`;
const BAD = `${FIXTURES}/bad`;

async function read(inputs: string[], options: ReadOptions = {}): Promise<SourceDocument[]> {
  const documents: SourceDocument[] = [];
  for await (const document of readDocuments(inputs, options)) documents.push(document);
  return documents;
}

async function readSkipping(inputs: string[]): Promise<{ documents: SourceDocument[]; skipped: string[] }> {
  const skipped: string[] = [];
  const documents = await read(inputs, { skipErrors: true, onSkip: (error) => skipped.push(error.message) });
  return { documents, skipped };
}

function stdin(text: string | Buffer): AsyncIterable<Buffer> {
  return Readable.from([Buffer.from(text)]);
}

describe('readDocuments: input kinds', () => {
  it('reads a text file whole, with its stem as id and its path as source', async () => {
    const [document, ...rest] = await read([`${ARTICLES}/shanghai.txt`]);
    expect(rest).toEqual([]);
    expect(document).toEqual({
      id: 'shanghai',
      source: `${ARTICLES}/shanghai.txt`,
      text: 'Russian President Vladimir Putin met U.S. President George W. Bush in Shanghai on Sunday.\n',
    });
  });

  it('keeps the raw HTML as text and takes <title> (entities decoded, whitespace collapsed) as title', async () => {
    const [page] = await read([`${ARTICLES}/page.html`]);
    expect(page!.id).toBe('page');
    expect(page!.title).toBe('Blair & Chirac meet in London');
    expect(page!.text).toContain('<p>British Prime Minister Tony Blair met');
  });

  it('reads JSONL records line by line: id or <stem>-<line>, title/date/url, file:line as source', async () => {
    const documents = await read([`${ARTICLES}/corpus.jsonl`]);
    expect(documents).toEqual([
      {
        id: 'wire-1',
        source: `${ARTICLES}/corpus.jsonl:1`,
        title: 'Leaders meet',
        date: '1987-02-26',
        url: 'https://example.org/wire-1',
        text: 'Japanese Prime Minister Yasuhiro Nakasone met Ronald Reagan in Washington.',
      },
      { id: 'corpus-3', source: `${ARTICLES}/corpus.jsonl:3`, text: 'Soviet leader Mikhail Gorbachev arrived in Reykjavik on Friday.' },
      { id: '42', source: `${ARTICLES}/corpus.jsonl:4`, text: 'Chancellor Helmut Kohl spoke in Bonn.' },
    ]);
  });

  it('walks a directory recursively: document files only, shallow first, clashing stems made unique by path', async () => {
    const documents = await read([ARTICLES]);
    expect(documents.map((d) => [d.id, d.source])).toEqual([
      ['wire-1', `${ARTICLES}/corpus.jsonl:1`],
      ['corpus-3', `${ARTICLES}/corpus.jsonl:3`],
      ['42', `${ARTICLES}/corpus.jsonl:4`],
      ['page', `${ARTICLES}/page.html`],
      ['shanghai', `${ARTICLES}/shanghai.txt`],
      ['more/shanghai', `${ARTICLES}/more/shanghai.txt`],
    ]);
  });

  it('gives the same file named twice two ids', async () => {
    const documents = await read([`${ARTICLES}/shanghai.txt`, `${ARTICLES}/shanghai.txt`]);
    expect(documents.map((d) => d.id)).toEqual(['shanghai', `${ARTICLES}/shanghai`]);
  });

  it('reads plain text from stdin as one document', async () => {
    const documents = await read(['-'], { stdin: stdin('Bush met Putin.\n{"not": "JSONL, since the first line is prose"}\n') });
    expect(documents).toEqual([
      { id: 'stdin', source: 'stdin', text: 'Bush met Putin.\n{"not": "JSONL, since the first line is prose"}\n' },
    ]);
  });

  it('reads JSONL from stdin when its first non-blank line is a JSON object', async () => {
    const documents = await read(['-'], { stdin: stdin('\n{"text": "Bush met Putin."}\r\n{"id": "b", "text": "Blair met Chirac."}') });
    expect(documents).toEqual([
      { id: 'stdin-2', source: 'stdin:2', text: 'Bush met Putin.' },
      { id: 'b', source: 'stdin:3', text: 'Blair met Chirac.' },
    ]);
  });

  it('streams: the first document arrives before a later bad line is read', async () => {
    const documents = readDocuments(['-'], { stdin: stdin('{"text": "Bush met Putin."}\n{"text": \n') });
    expect((await documents.next()).value).toMatchObject({ id: 'stdin-1' });
    await expect(documents.next()).rejects.toThrow('stdin:2: malformed JSON');
  });
});

describe('readDocuments: bad input', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'kg-ingest-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it.each([
    [`${BAD}/records.jsonl`, `${BAD}/records.jsonl:2: malformed JSON`],
    [`${BAD}/image.txt`, `${BAD}/image.txt: binary data (contains NUL bytes)`],
    [`${BAD}/latin1.txt`, `${BAD}/latin1.txt:3: invalid UTF-8`],
    [`${BAD}/empty.txt`, `${BAD}/empty.txt: empty document`],
    [`${BAD}/missing.txt`, `${BAD}/missing.txt: no such file or directory`],
  ])('%s: fails with a UserError naming the file (and line)', async (input, message) => {
    const failure = read([input]).catch((error: unknown) => error);
    const error = await failure;
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain(message);
  });

  it('reports every bad JSONL line and keeps the good ones with --skip-errors', async () => {
    const { documents, skipped } = await readSkipping([`${BAD}/records.jsonl`]);
    expect(documents.map((d) => d.id)).toEqual(['ok-1', 'ok-2']);
    expect(skipped).toEqual([
      expect.stringMatching(/^test\/fixtures\/ingest\/bad\/records\.jsonl:2: malformed JSON \(.+\)$/),
      `${BAD}/records.jsonl:3: the record has no string "text" field`,
      `${BAD}/records.jsonl:5: expected a JSON object {"text": …}, found an array`,
      `${BAD}/records.jsonl:6: empty document ("text" is blank)`,
    ]);
  });

  it('skips bad files of a directory and goes on with the next input', async () => {
    const { documents, skipped } = await readSkipping([BAD, `${ARTICLES}/shanghai.txt`, `${BAD}/missing.txt`]);
    expect(documents.map((d) => d.id)).toEqual(['ok-1', 'ok-2', 'shanghai']);
    expect(skipped.map((message) => message.split(':')[0])).toEqual([
      `${BAD}/empty.txt`,
      `${BAD}/image.txt`,
      `${BAD}/latin1.txt`,
      ...Array(4).fill(`${BAD}/records.jsonl`),
      `${BAD}/missing.txt`,
    ]);
  });

  it('reports a file that cannot be read, and a directory without documents', async () => {
    await symlink('loop.txt', join(scratch, 'loop.txt'));
    await mkdir(join(scratch, 'nothing'));
    const { documents, skipped } = await readSkipping([scratch, join(scratch, 'nothing'), join(scratch, 'loop.txt')]);
    expect(documents).toEqual([]);
    expect(skipped).toEqual([
      `${join(scratch, 'loop.txt')}: cannot read (ELOOP)`,
      `${join(scratch, 'nothing')}: no .txt, .html, .htm, .jsonl files in this directory`,
      `${join(scratch, 'loop.txt')}: cannot read (ELOOP)`,
    ]);
  });

  it('refuses binary data and invalid UTF-8 in JSONL, naming the line', async () => {
    const skipped: string[] = [];
    const documents = await read(['-'], {
      skipErrors: true,
      onSkip: (error) => skipped.push(error.message),
      stdin: stdin(Buffer.concat([Buffer.from('{"text": "Fran'), Buffer.from([0xe7]), Buffer.from('ois"}\n{"text": "ok"}\n{"text": "a\0b"}\n{"text": "never read"}\n')])),
    });
    expect(documents.map((d) => d.text)).toEqual(['ok']);
    expect(skipped).toEqual([
      'stdin:1: invalid UTF-8',
      'stdin:3: binary data (contains NUL bytes), not JSONL; the rest of stdin is skipped',
    ]);
  });
});

describe('countDocuments', () => {
  it('counts files and non-blank JSONL lines, for a progress bar', async () => {
    expect(await countDocuments([ARTICLES, `${BAD}/records.jsonl`])).toBe(3 + 3 + 6);
  });

  it('cannot know how much stdin holds', async () => {
    expect(await countDocuments(['-', ARTICLES])).toBeUndefined();
  });
});
