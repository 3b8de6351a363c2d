import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/report.json';
import sv from '../../../locales/sv/report.json';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('the report\'s texts', () => {
  it('has every text in Swedish and English', () => {
    expect(keys(en).sort()).toEqual(keys(sv).sort());
  });

  it('has a message for every problem the importers report, and every key the page and CLI use', () => {
    const dir = join(import.meta.dirname, '../../../src/report');
    const sources = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(d, e.name)) : e.name.endsWith('.ts') ? [readFileSync(join(d, e.name), 'utf8')] : []));
    const code = sources(dir).join('\n');
    const codes = [...code.matchAll(/code: '([a-zA-Z]+)'/g)].map((m) => `problem.${m[1]}`);
    const used = [...code.matchAll(/\bt\('([a-zA-Z.]+)'/g)].map((m) => m[1]!);
    const known = new Set(keys(sv));
    expect([...codes, ...used].filter((k) => !known.has(k))).toEqual([]);
  });
});
