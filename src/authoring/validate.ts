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

/** Turns a schema issue into a trainer's problem at the right line. */
function toProblem(file: string, source: YamlSource, issue: z.core.$ZodIssue, keys: () => Set<string>): Problem[] {
  const path = issue.path;
  const at = (p: readonly PropertyKey[], key?: string) => source.positionOf(p, key);
  const last = path[path.length - 1];
  switch (issue.code) {
    case 'unrecognized_keys':
      // A key the format knows, but not here, is nearly always indented one level wrong.
      return issue.keys.map((key) =>
        keys().has(key)
          ? problem('error', file, at(path, key), 'schema_misplaced_key', { key })
          : problem('error', file, at(path, key), 'schema_unknown_key', { key, ...suggestion(key, keys()) }),
      );
    case 'invalid_type':
      if (valueAt(source.data, path) === undefined) {
        return [problem('error', file, at(path.slice(0, -1)), 'schema_required', { key: String(last) })];
      }
      return [problem('error', file, at(path), 'schema_type', { expected: issue.expected })];
    case 'invalid_value':
      return [problem('error', file, at(path), 'schema_value', { allowed: issue.values.join(', ') })];
    case 'invalid_union':
      if ('note' in issue && issue.note === 'No matching discriminator') return [problem('error', file, at(path), 'schema_kind')];
      return [problem('error', file, at(path), 'schema_other', { detail: issue.message })];
    case 'invalid_format':
      return [problem('error', file, at(path), issue.format === 'regex' ? 'schema_id' : 'schema_other', { detail: issue.message })];
    case 'invalid_key':
      return [problem('error', file, at(path), 'schema_id')];
    case 'too_small':
      return [problem('error', file, at(path), 'schema_too_small', { minimum: String(issue.minimum) })];
    case 'too_big':
      return [problem('error', file, at(path), 'schema_too_big', { maximum: String(issue.maximum) })];
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
