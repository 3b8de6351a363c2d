import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { describablePlaces, describedSchema, exportSchema, fileKinds, fileSchemas, type FileKind } from '../../src/authoring/json-schema.ts';

const root = resolve(import.meta.dirname, '../..');
const descriptions = (lang: string) => JSON.parse(readFileSync(join(root, 'locales', lang, 'schema.json'), 'utf8')) as Record<string, string>;
const sv = descriptions('sv');

const validators = Object.fromEntries(
  fileKinds.map((kind) => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    return [kind, ajv.compile(describedSchema(kind, sv).schema)];
  }),
) as Record<FileKind, ReturnType<Ajv['compile']>>;

const yamlIn = (dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.yaml')).map((f) => join(dir, f));
const realFiles: [FileKind, string][] = [
  ...yamlIn('scenarios').map((f): [FileKind, string] => ['scenario', f]),
  ['course', 'course/course.yaml'],
  ...yamlIn('course/regions').map((f): [FileKind, string] => ['region', f]),
];

describe('descriptions', () => {
  it('every place in every schema has a Swedish description', () => {
    for (const kind of fileKinds) expect(describedSchema(kind, sv).missing, kind).toEqual([]);
  });

  it('no description, Swedish or English, is for a place that does not exist', () => {
    const places = new Set(fileKinds.flatMap((kind) => [...describablePlaces(kind, exportSchema(kind)).keys()]));
    for (const lang of ['sv', 'en']) expect(Object.keys(descriptions(lang)).filter((key) => !places.has(key)), lang).toEqual([]);
  });
});

describe('the exported JSON Schema', () => {
  it.each(realFiles)('accepts %s file %s, and its $schema line points at it', (kind, file) => {
    const content = readFileSync(join(root, file), 'utf8');
    const validate = validators[kind];
    expect(validate(parse(content)), JSON.stringify(validate.errors)).toBe(true);
    const modeline = /^# yaml-language-server: \$schema=(\S+)$/m.exec(content);
    expect(modeline, file).not.toBeNull();
    expect(relative(root, resolve(root, dirname(file), modeline![1]!))).toBe(`schema/${kind}.schema.json`);
  });

  const scenario = parse(readFileSync(join(root, 'scenarios/akuten_vantetid.yaml'), 'utf8')) as Record<string, unknown>;
  const course = parse(readFileSync(join(root, 'course/course.yaml'), 'utf8')) as Record<string, unknown>;
  const region = parse(readFileSync(join(root, 'course/regions/generic.yaml'), 'utf8')) as Record<string, unknown>;
  const start = scenario.start as string;
  const nodes = scenario.nodes as Record<string, Record<string, unknown>>;
  const firstNode = nodes[start]!;
  const firstChoice = (firstNode.choices as Record<string, unknown>[])[0]!;
  const withNode = (node: Record<string, unknown>) => ({ ...scenario, nodes: { ...nodes, [start]: node } });
  const withChoice = (choice: Record<string, unknown>) => withNode({ ...firstNode, choices: [choice] });

  // Each case is judged by zod (the format's one definition) and by the exported schema, which must agree.
  const cases: [string, FileKind, unknown, boolean][] = [
    ['an unknown key', 'scenario', { ...scenario, author: 'X' }, false],
    ['a missing title', 'scenario', { ...scenario, title: undefined }, false],
    ['an id with å', 'scenario', { ...scenario, id: 'väntetid' }, false],
    ['a node id with a hyphen', 'scenario', { ...scenario, nodes: { ...nodes, 'ny-nod': firstNode } }, false],
    ['an unknown node kind', 'scenario', withNode({ ...firstNode, kind: 'scene' }), false],
    ['blank text', 'scenario', withNode({ ...firstNode, text: '   ' }), false],
    ['points as text', 'scenario', withChoice({ ...firstChoice, points: '2' }), false],
    ['points above 10', 'scenario', withChoice({ ...firstChoice, points: 11 }), false],
    ['a fractional point', 'scenario', withChoice({ ...firstChoice, points: 1.5 }), false],
    ['an unknown quality', 'scenario', withChoice({ ...firstChoice, quality: 'bra' }), false],
    ['an empty condition', 'scenario', withChoice({ ...firstChoice, when: {} }), false],
    ['chose without a node', 'scenario', withChoice({ ...firstChoice, when: { chose: 'bekrafta_oron' } }), false],
    ['a condition with two parts', 'scenario', withChoice({ ...firstChoice, when: { flag: 'larmat', chose: 'a.b' } }), true],
    ['an empty sets list', 'scenario', withChoice({ ...firstChoice, sets: [] }), false],
    ['ten choices', 'scenario', withNode({ ...firstNode, choices: Array.from({ length: 10 }, (_, i) => ({ ...firstChoice, id: `c${i}` })) }), false],
    ['a reference without text', 'scenario', { ...scenario, references: [{ id: 'afs' }] }, false],
    ['a reference with a web address', 'scenario', { ...scenario, references: [{ id: 'afs', text: 'AFS', url: 'https://www.av.se/' }] }, true],
    ['a reference with a broken address', 'scenario', { ...scenario, references: [{ id: 'afs', text: 'AFS', url: 'av se' }] }, false],
    ['a pass mark over 100', 'course', { ...course, passMark: 101 }, false],
    ['an unknown replay policy', 'course', { ...course, replays: 'all' }, false],
    ['an audience without scenarios', 'course', { ...course, audiences: { staff: { title: 'M', scenarios: [] } } }, false],
    ['a phone number with letters', 'region', { ...region, contacts: [{ id: 'x', name: 'X', when: 'Nu', phone: '08-ABC' }] }, false],
    ['a region value key with a capital', 'region', { ...region, values: { Larm: '1234' } }, false],
    ['region values', 'region', { ...region, values: { larmnummer: '1234' } }, true],
    ['a phone number left for the region (FYLL I)', 'region', { ...region, contacts: [{ id: 'x', name: 'X', when: 'Nu', phone: 'FYLL I' }] }, true],
    ['an address that is neither a URL nor FYLL I', 'region', { ...region, contacts: [{ id: 'x', name: 'X', when: 'Nu', url: 'FYLL' }] }, false],
    ['a step for some audiences', 'region', { ...region, whatToDo: [{ text: 'Ring 112.', audiences: ['elected'] }] }, true],
    ['a step with audiences but no text', 'region', { ...region, whatToDo: [{ audiences: ['elected'] }] }, false],
  ];

  it.each(cases)('judges %s in a %s file as zod does', (_, kind, data, valid) => {
    expect(fileSchemas[kind].safeParse(data).success).toBe(valid);
    expect(validators[kind](data)).toBe(valid);
  });
});
