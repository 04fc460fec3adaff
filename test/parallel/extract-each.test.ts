import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import { DocumentExtractionError, extractEach } from '../../src/parallel/index.js';
import type { DocumentExtraction, SourceDocument } from '../../src/types.js';

const DOCUMENTS: SourceDocument[] = [
  'Russian President Vladimir Putin met U.S. President George W. Bush in Shanghai on Sunday.',
  'German Chancellor Gerhard Schroeder visited Paris on Monday and met French President Jacques Chirac.',
  'British Prime Minister Tony Blair flew to Washington, where he met Bush at the White House.',
  'Japanese Prime Minister Junichiro Koizumi arrived in Beijing for talks with Chinese leaders.',
  'Putin said Russia would not oppose the campaign, Interfax reported from Moscow.',
].map((text, index) => ({ id: `doc-${index + 1}`, text, source: `test:${index + 1}` }));

/** A document the pipeline cannot process: its text is not a string. */
const BROKEN = { id: 'broken', text: 42, source: 'test:broken' } as unknown as SourceDocument;

async function collect(iterable: AsyncIterable<DocumentExtraction>): Promise<DocumentExtraction[]> {
  const items: DocumentExtraction[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('extractEach', () => {
  it('gives the same extractions, in input order, in this thread and in a pool of threads', async () => {
    const inThread = await collect(extractEach(DOCUMENTS, { workers: 1 }));
    const pooled = await collect(extractEach(DOCUMENTS, { workers: 2 }));
    expect(inThread.map((e) => e.document.id)).toEqual(DOCUMENTS.map((d) => d.id));
    expect(inThread.some((e) => e.entities.length > 0)).toBe(true);
    expect(pooled).toEqual(inThread);
  });

  it('merges to the same graph for any number of workers', async () => {
    const one = await extract(DOCUMENTS, { workers: 1 });
    const three = await extract(DOCUMENTS, { workers: 3 });
    expect(JSON.stringify(three.json)).toBe(JSON.stringify(one.json));
  });

  it.each([1, 2])('names the document the pipeline fails on (workers: %i)', async (workers) => {
    const failure = await collect(extractEach([DOCUMENTS[0]!, BROKEN, DOCUMENTS[1]!], { workers })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DocumentExtractionError);
    expect((failure as Error).message).toMatch(/^document broken \(test:broken\): extraction failed: /);
  });

  it.each([1, 2])('with onSkip, reports the failing document and goes on (workers: %i)', async (workers) => {
    const skipped: string[] = [];
    const extractions = await collect(
      extractEach([DOCUMENTS[0]!, BROKEN, DOCUMENTS[1]!], { workers, onSkip: (error) => skipped.push(error.document.id) }),
    );
    expect(extractions.map((e) => e.document.id)).toEqual(['doc-1', 'doc-2']);
    expect(skipped).toEqual(['broken']);
  });

  it('reads only a bounded number of documents ahead of the consumer', async () => {
    let read = 0;
    async function* corpus(): AsyncGenerator<SourceDocument> {
      for (let index = 0; index < 200; index++) {
        read++;
        yield { ...DOCUMENTS[index % DOCUMENTS.length]!, id: `copy-${index}` };
      }
    }
    const workers = 2;
    for await (const extraction of extractEach(corpus(), { workers })) {
      expect(extraction.document.id).toBe('copy-0');
      // Give the pool time to run ahead if it were going to.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      break;
    }
    expect(read).toBeGreaterThan(1);
    expect(read).toBeLessThanOrEqual(4 * workers + 2);
  });
});
