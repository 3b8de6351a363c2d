import type { ByteSource } from '../import/rows.ts';

const PIECE = 1 << 20;

/** A picked or dropped file, read in 1 MB pieces inside the worker. */
export function blobSource(file: File): ByteSource {
  return {
    name: file.name,
    size: file.size,
    head: async (length) => new Uint8Array(await file.slice(0, length).arrayBuffer()),
    chunks: async function* () {
      for (let at = 0; at < file.size; at += PIECE) yield new Uint8Array(await file.slice(at, at + PIECE).arrayBuffer());
    },
    bytes: () => file.arrayBuffer(),
  };
}
