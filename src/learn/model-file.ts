/**
 * The file format of every learned model: a magic string, a format version, a SHA-256 of the body,
 * then the gzipped body: a JSON header (the model's kind, its metadata such as class names, and the
 * shape of each weight section) followed by each section's non-zero weights as delta-coded varint
 * positions and int16 values (the perceptron's quantization grid; see `finalize`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../io/write-file-atomic.js';
import { AveragedPerceptron } from './perceptron.js';

const MAGIC = Buffer.from('KGMODEL\0', 'latin1');
export const MODEL_FORMAT_VERSION = 1;
const PREAMBLE = MAGIC.length + 4 + 32;

/** A model in memory: what it is, its JSON metadata and its named weight sections. */
export interface ModelContents<Meta> {
  kind: string;
  meta: Meta;
  sections: Record<string, AveragedPerceptron>;
}

interface SectionHeader {
  name: string;
  classCount: number;
  bucketCount: number;
  scale: number;
  entries: number;
  positionBytes: number;
}

interface Header {
  kind: string;
  meta: unknown;
  sections: SectionHeader[];
}

export function encodeModel<Meta>(contents: ModelContents<Meta>): Buffer {
  const headers: SectionHeader[] = [];
  const blobs: Buffer[] = [];
  for (const [name, model] of Object.entries(contents.sections)) {
    if (!model.finalized) throw new Error(`model section ${name} is not finalized`);
    const { positions, values } = encodedWeights(model);
    headers.push({
      name,
      classCount: model.classCount,
      bucketCount: model.bucketCount,
      scale: model.scale,
      entries: values.length,
      positionBytes: positions.length,
    });
    blobs.push(positions, Buffer.from(values.buffer, values.byteOffset, values.byteLength));
  }
  const header = Buffer.from(JSON.stringify({ kind: contents.kind, meta: contents.meta, sections: headers } satisfies Header));
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32LE(header.length);
  const body = gzipSync(Buffer.concat([headerLength, header, ...blobs]), { level: 9 });
  const version = Buffer.alloc(4);
  version.writeUInt32LE(MODEL_FORMAT_VERSION);
  return Buffer.concat([MAGIC, version, createHash('sha256').update(body).digest(), body]);
}

/** Reads a model of the given kind; anything else (wrong kind, version, damage) is a `UserError`. */
export function decodeModel<Meta>(bytes: Buffer, source: string, kind: string): ModelContents<Meta> {
  const bad = (why: string) => new UserError(`${source}: not a usable ${kind} model (${why})`);
  if (bytes.length < PREAMBLE || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw bad('not a kg-extract model file');
  const version = bytes.readUInt32LE(MAGIC.length);
  if (version !== MODEL_FORMAT_VERSION) throw bad(`format version ${version}, this kg-extract reads ${MODEL_FORMAT_VERSION}`);
  const body = bytes.subarray(PREAMBLE);
  const checksum = createHash('sha256').update(body).digest();
  if (!checksum.equals(bytes.subarray(MAGIC.length + 4, PREAMBLE))) throw bad('checksum mismatch: the file is damaged or truncated');
  let payload: Buffer;
  let header: Header;
  let offset: number;
  try {
    payload = gunzipSync(body);
    const headerLength = payload.readUInt32LE(0);
    header = JSON.parse(payload.subarray(4, 4 + headerLength).toString('utf8')) as Header;
    offset = 4 + headerLength;
  } catch (error) {
    throw bad(`unreadable body: ${(error as Error).message}`);
  }
  if (header.kind !== kind) throw bad(`it holds a ${header.kind} model`);
  const sections: Record<string, AveragedPerceptron> = {};
  for (const section of header.sections) {
    const varints = payload.subarray(offset, offset + section.positionBytes);
    offset += section.positionBytes;
    const valueBytes = section.entries * 2;
    if (offset + valueBytes > payload.length) throw bad(`section ${section.name} is cut short`);
    const values = new Int16Array(payload.buffer.slice(payload.byteOffset + offset, payload.byteOffset + offset + valueBytes));
    offset += valueBytes;
    const positions = new Int32Array(section.entries);
    let position = 0;
    let read = 0;
    for (let i = 0; i < section.entries; i++) {
      let delta = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = varints[read++]!;
        delta += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      position += delta;
      positions[i] = position;
    }
    if (read !== varints.length || position >= section.classCount * section.bucketCount) throw bad(`section ${section.name} is malformed`);
    sections[section.name] = new AveragedPerceptron(section.classCount, section.bucketCount, { positions, values, scale: section.scale });
  }
  return { kind: header.kind, meta: header.meta as Meta, sections };
}

export async function saveModel<Meta>(path: string, contents: ModelContents<Meta>): Promise<void> {
  await writeFileAtomic(path, encodeModel(contents));
}

export function loadModel<Meta>(path: string, kind: string): ModelContents<Meta> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UserError(`cannot read the ${kind} model ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return decodeModel(bytes, path, kind);
}

/** The non-zero weights: positions as delta-coded LEB128 varints, values as int16 multiples of the scale. */
function encodedWeights(model: AveragedPerceptron): { positions: Buffer; values: Int16Array } {
  const { positions, values } = model.quantizedWeights();
  const bytes: number[] = [];
  let previous = 0;
  for (const position of positions) {
    let delta = position - previous;
    previous = position;
    while (delta >= 0x80) {
      bytes.push((delta % 0x80) | 0x80);
      delta = Math.floor(delta / 0x80);
    }
    bytes.push(delta);
  }
  return { positions: Buffer.from(bytes), values };
}
