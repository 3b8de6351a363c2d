import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';

/** A file's bytes, read in pieces: a `File` in the page's worker, a file on disk in the CLI. */
export interface ByteSource {
  readonly name: string;
  /** Bytes in all, when known: for progress. */
  readonly size?: number;
  /** The first bytes, to tell the format and encoding. */
  head(length: number): Promise<Uint8Array>;
  /** The whole file in pieces, in order. */
  chunks(): AsyncIterable<Uint8Array>;
  /** The whole file at once (an .xlsx is a zip, read whole). */
  bytes(): Promise<ArrayBuffer>;
}

/** One row's cells as text, with its 1-based row number in the file. */
export type RowSink = (cells: readonly string[], row: number) => void;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Moodle writes UTF-8 (with or without BOM) and, for its "Excel" CSV, UTF-16LE with BOM. */
export function sniffEncoding(head: Uint8Array): Encoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** An .xlsx (or any zip) starts with `PK\3\4`. */
export const isZip = (head: Uint8Array): boolean => head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

/**
 * The smallest readable stream papaparse accepts (`readable`, `read`, `on`): it lets the same
 * streaming parser run in the page's worker and in Node, fed text we decoded ourselves, so a
 * character split across two pieces of the file is never broken.
 */
class TextFeed {
  readonly readable = true;
  readonly #listeners = new Map<string, ((value?: unknown) => void)[]>();
  read(): void {}
  pause(): void {}
  resume(): void {}
  on(event: string, listener: (value?: unknown) => void): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }
  removeListener(event: string, listener: (value?: unknown) => void): this {
    this.#listeners.set(event, (this.#listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }
  emit(event: string, value?: unknown): void {
    for (const listener of this.#listeners.get(event) ?? []) listener(value);
  }
}

const FIRST_PIECE = 64 * 1024;

/** Text rows, streamed: the delimiter (tab, comma, semicolon) is found from the first rows. */
export async function readTextRows(chunks: AsyncIterable<Uint8Array>, encoding: Encoding, sink: RowSink): Promise<void> {
  const feed = new TextFeed();
  let row = 0;
  let failure: unknown = null;
  const done = new Promise<void>((resolve, reject) => {
    Papa.parse(feed as unknown as File, {
      skipEmptyLines: 'greedy',
      delimitersToGuess: ['\t', ';', ',', '|'],
      step: (result: Papa.ParseStepResult<string[]>) => {
        row++;
        try {
          sink(result.data, row);
        } catch (error) {
          failure ??= error;
        }
      },
      complete: () => (failure ? reject(failure as Error) : resolve()),
      error: (error: Error) => reject(error),
    });
  });
  // The BOM is dropped by the decoder (ignoreBOM false).
  const decoder = new TextDecoder(encoding);
  // The delimiter is guessed from the first piece the parser sees: give it enough rows.
  let pending = '';
  const send = (text: string, last: boolean) => {
    pending += text;
    if (pending && (last || pending.length >= FIRST_PIECE || sent)) {
      feed.emit('data', pending);
      pending = '';
      sent = true;
    }
  };
  let sent = false;
  for await (const chunk of chunks) send(decoder.decode(chunk, { stream: true }), false);
  send(decoder.decode(), true);
  feed.emit('end');
  await done;
}

const cellText = (cell: unknown): string => {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 16).replace('T', ' ');
  return String(cell);
};

/** The first sheet of an .xlsx, row by row. */
export async function readXlsxRows(bytes: ArrayBuffer, sink: RowSink): Promise<void> {
  const [sheet] = await readXlsxFile(bytes);
  (sheet?.data ?? []).forEach((cells, i) => {
    if (cells.every((c) => c === null || c === '')) return;
    sink(cells.map(cellText), i + 1);
  });
}

/** What a file's first bytes say it is not: old binary Excel (OLE), or other binary data (NUL bytes outside UTF-16). */
export function notReadable(head: Uint8Array): 'oldExcel' | 'notText' | null {
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'oldExcel';
  if (isZip(head) || sniffEncoding(head) !== 'utf-8') return null;
  return head.includes(0) ? 'notText' : null;
}

/** Any file the report reads, as rows of text. */
export async function readRows(source: ByteSource, sink: RowSink): Promise<'xlsx' | 'text'> {
  const head = await source.head(4);
  if (isZip(head)) {
    await readXlsxRows(await source.bytes(), sink);
    return 'xlsx';
  }
  await readTextRows(source.chunks(), sniffEncoding(head), sink);
  return 'text';
}
