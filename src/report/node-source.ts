import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ByteSource } from './import/rows.ts';

/** A file on disk, streamed in 1 MB pieces (Node only: the CLI and tests). */
export function fileSource(path: string): ByteSource {
  return {
    name: basename(path),
    size: statSync(path).size,
    head: async (length) => {
      const fd = openSync(path, 'r');
      try {
        const buffer = new Uint8Array(length);
        const read = readSync(fd, buffer, 0, length, 0);
        return buffer.subarray(0, read);
      } finally {
        closeSync(fd);
      }
    },
    chunks: () => createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>,
    bytes: async () => {
      const b = readFileSync(path);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    },
  };
}
