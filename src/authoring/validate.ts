import { z } from 'zod';
import { problem, type Problem } from './problems.ts';
import { suggestion } from './suggest.ts';
import { parseYaml, type YamlSource } from './yaml-source.ts';

export interface Validated<T> {
  readonly file: string;
  readonly source: YamlSource;
  /** Present when the file is valid against its schema. */
  readonly data?: T;
  readonly problems: readonly Problem[];
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const step of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[step];
  return value;
}

/** Every key any object in the schema allows, for suggesting the one a misspelt key meant. */
function schemaKeys(schema: z.ZodType, into = new Set<string>()): Set<string> {
  if (schema instanceof z.ZodObject) {
    for (const [key, value] of Object.entries(schema.shape)) {
      into.add(key);
      schemaKeys(value as z.ZodType, into);
    }
  } else if (schema instanceof z.ZodArray) schemaKeys(schema.element as z.ZodType, into);
  else if (schema instanceof z.ZodRecord) schemaKeys(schema.valueType as z.ZodType, into);
  else if (schema instanceof z.ZodUnion) for (const option of schema.options) schemaKeys(option as z.ZodType, into);
  else if (schema instanceof z.ZodOptional) schemaKeys(schema.unwrap() as z.ZodType, into);
  return into;
}

/** The key a value is written under: for an item of a list, the list's key. */
const keyOf = (path: readonly PropertyKey[]): string => String([...path].reverse().find((step) => typeof step === 'string') ?? '');

/**
 * A value out of range, named by its key with what is allowed: a number too small or large, a
 * text empty or too long, a list with too few or too many items (with how many it has).
 */
function rangeParams(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, value: unknown): Record<string, string | number> {
  const key = keyOf(issue.path);
  const bound: Record<string, string> = issue.code === 'too_big' ? { maximum: String(issue.maximum) } : { minimum: String(issue.minimum) };
  switch (issue.origin) {
    case 'number':
    case 'int':
    case 'bigint':
      return { key, ...bound, context: 'number' };
    case 'string': {
      const length = typeof value === 'string' ? value.trim().length : 0;
      // The texts' minimum is one character: below it, the text is empty (or only spaces).
      return { key, ...bound, length, context: issue.code === 'too_small' && length === 0 ? 'empty' : 'string' };
    }
    case 'array':
    case 'set':
      return { key, ...bound, count: Array.isArray(value) ? value.length : 0, context: 'array' };
    default:
      return { key, ...bound };
  }
}

/** Turns a schema issue into a trainer's problem at the right line. */
function toProblem(file: string, source: YamlSource, issue: z.core.$ZodIssue, keys: () => Set<string>): Problem[] {
  const path = issue.path;
  const at = (p: readonly PropertyKey[], key?: string) => source.positionOf(p, key);
  const last = path[path.length - 1];
  const missing = valueAt(source.data, path) === undefined;
  // A missing key is reported where the block that lacks it starts: at its own key (a node's
  // id, say), or at the first line of a list item, so it reads as "this block lacks …".
  const owner = path.slice(0, -1);
  const ownerKey = owner[owner.length - 1];
  const ownerAt = () => (typeof ownerKey === 'string' ? at(owner.slice(0, -1), ownerKey) : at(owner));
  switch (issue.code) {
    case 'unrecognized_keys':
      // A key the format knows, but not here, is nearly always indented one level wrong.
      return issue.keys.map((key) =>
        keys().has(key)
          ? problem('error', file, at(path, key), 'schema_misplaced_key', { key })
          : problem('error', file, at(path, key), 'schema_unknown_key', { key, ...suggestion(key, keys()) }),
      );
    case 'invalid_type':
      if (missing) return [problem('error', file, ownerAt(), 'schema_required', { key: String(last) })];
      return [problem('error', file, at(path), 'schema_type', { expected: issue.expected })];
    case 'invalid_value':
      // zod reports a missing key whose value is one of a list (outcome, quality, …) as a
      // value not in the list; to the trainer it is a key to add, with the values to choose from.
      if (missing) return [problem('error', file, ownerAt(), 'schema_required', { key: String(last), allowed: issue.values.join(', '), context: 'values' })];
      return [problem('error', file, at(path), 'schema_value', { allowed: issue.values.join(', ') })];
    case 'invalid_union':
      if ('note' in issue && issue.note === 'No matching discriminator') {
        // Likewise a node with no `kind` at all: zod says only that no kind matched.
        if (missing && 'options' in issue && Array.isArray(issue.options)) {
          return [problem('error', file, ownerAt(), 'schema_required', { key: String(last), allowed: issue.options.join(', '), context: 'values' })];
        }
        return [problem('error', file, at(path), 'schema_kind')];
      }
      return [problem('error', file, at(path), 'schema_other', { detail: issue.message })];
    case 'invalid_format':
      return [problem('error', file, at(path), issue.format === 'regex' ? 'schema_id' : 'schema_other', { detail: issue.message })];
    case 'invalid_key':
      return [problem('error', file, at(path), 'schema_id')];
    case 'too_small':
    case 'too_big':
      return [problem('error', file, at(path), `schema_${issue.code}`, rangeParams(issue, valueAt(source.data, path)))];
    default:
      return [problem('error', file, at(path), 'schema_other', { detail: issue.message })];
  }
}

/** What usually causes each kind of YAML syntax error: the message (`yaml_syntax_*`) says how to fix that. */
const YAML_HINTS: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: 'tab',
  BAD_INDENT: 'indent',
  BLOCK_AS_IMPLICIT_KEY: 'indent',
  MULTILINE_IMPLICIT_KEY: 'indent',
  UNEXPECTED_TOKEN: 'indent',
  BAD_PROP_ORDER: 'indent',
  MISSING_CHAR: 'quote',
  BAD_DQ_ESCAPE: 'quote',
  BAD_SCALAR_START: 'start',
  MULTIPLE_DOCS: 'documents',
};

/** Parses a YAML (or JSON) text and checks it against a schema, keeping positions. */
export function validateText<T>(file: string, content: string, schema: z.ZodType<T>): Validated<T> {
  const source = parseYaml(file, content);
  if (source.syntaxErrors.length) {
    // One slip (an indent, a quote) makes the parser stumble on every line after it: the
    // first error is the one to fix, the rest mostly follow from it. Keys written twice
    // before that are separate slips, so each is named.
    const [first] = source.syntaxErrors.filter((e) => e.duplicateKey === undefined);
    const before = (e: { position: { line: number; col: number } }) =>
      !first || e.position.line < first.position.line || (e.position.line === first.position.line && e.position.col < first.position.col);
    const problems = [
      ...source.syntaxErrors.flatMap((e) =>
        e.duplicateKey !== undefined && before(e) ? [problem('error', file, e.position, 'duplicate_key', { key: e.duplicateKey })] : [],
      ),
      ...(first ? [problem('error', file, first.position, `yaml_syntax_${YAML_HINTS[first.code] ?? 'other'}`, { detail: first.message })] : []),
    ];
    return { file, source, problems };
  }
  const result = schema.safeParse(source.data);
  if (result.success) return { file, source, data: result.data, problems: [] };
  const keys = () => schemaKeys(schema);
  return { file, source, problems: result.error.issues.flatMap((issue) => toProblem(file, source, issue, keys)) };
}
