import { readFileSync, statSync } from 'node:fs';
import { problem, type Problem } from './problems.ts';

/** Trainers' files are a few kilobytes; anything this large is a mistake, refused before parsing. */
export const FILE_SIZE_LIMIT = 1024 * 1024;

/** Line and column (in bytes) of a byte offset. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

/** Offset of the first byte that is not valid UTF-8, found by decoding one byte at a time. */
function firstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let sequenceStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    try {
      if (decoder.decode(bytes.subarray(i, i + 1), { stream: true }) !== '') sequenceStart = i + 1;
    } catch {
      return sequenceStart;
    }
  }
  return sequenceStart;
}

/**
 * The text of a trainer's file, or the problem that stops it being read: missing or
 * unreadable, too large, not UTF-8, or empty.
 */
export function readTrainerFile(path: string, file: string): { content: string } | { problem: Problem } {
  const start = { line: 1, col: 1 };
  try {
    const { size } = statSync(path);
    if (size > FILE_SIZE_LIMIT) {
      const kb = (n: number) => Math.ceil(n / 1024);
      return { problem: problem('error', file, start, 'file_too_large', { size: kb(size), limit: kb(FILE_SIZE_LIMIT) }) };
    }
    const bytes = readFileSync(path);
    let content: string;
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { problem: problem('error', file, bytePosition(bytes, firstInvalidByte(bytes)), 'file_not_utf8') };
    }
    if (content.replace(/^\uFEFF/, '').trim() === '') return { problem: problem('error', file, start, 'file_empty') };
    return { content };
  } catch (error) {
    return { problem: problem('error', file, start, 'file_unreadable', { detail: (error as Error).message }) };
  }
}
