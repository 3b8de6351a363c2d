import { z } from 'zod';
import { conditionSchema, courseSchema, regionSchema, scenarioSchema, text } from './schema.ts';

/**
 * The file formats as JSON Schema (draft-07, what yaml-language-server supports), for editors:
 * validation while typing, autocompletion, and hover help from descriptions kept in
 * `locales/<lng>/schema.json`.
 */

export const fileSchemas = { scenario: scenarioSchema, course: courseSchema, region: regionSchema } as const;
export type FileKind = keyof typeof fileSchemas;
export const fileKinds = Object.keys(fileSchemas) as FileKind[];

export type JsonSchema = z.core.JSONSchema.JSONSchema;

/** zod's conversion, plus what its refinements check and JSON Schema cannot infer. */
export function exportSchema(kind: FileKind): JsonSchema {
  const converted = z.toJSONSchema(fileSchemas[kind], {
    target: 'draft-07',
    io: 'input',
    // One self-contained file per kind; editors show a $ref's description poorly.
    reused: 'inline',
    override: ({ zodSchema, jsonSchema }) => {
      // `.trim().min(1)`: text of spaces only is empty.
      if (zodSchema === text) jsonSchema.pattern = '\\S';
      // The refinement that a condition names at least one of flag, notFlag, chose.
      if (zodSchema === conditionSchema) jsonSchema.minProperties = 1;
    },
  });
  // Inlined copies of a reused schema are the same object; each place gets its own description.
  return structuredClone(converted);
}

const isSchema = (s: unknown): s is JsonSchema => typeof s === 'object' && s !== null && !Array.isArray(s);

/**
 * Every place a trainer can hover, keyed by its property path: `scenario` is the file itself,
 * `scenario.title` a property, list items share their list's path, `.*` is any key of a map
 * (`scenario.nodes.*`), and `(situation)` one kind of a union (`scenario.nodes.*(situation).text`).
 */
export function describablePlaces(kind: FileKind, schema: JsonSchema): Map<string, JsonSchema> {
  const places = new Map<string, JsonSchema>();
  const place = (s: JsonSchema, path: string) => {
    places.set(path, s);
    descend(s, path);
  };
  const descend = (s: JsonSchema, path: string) => {
    for (const [key, child] of Object.entries(s.properties ?? {})) if (isSchema(child)) place(child, `${path}.${key}`);
    if (isSchema(s.additionalProperties)) place(s.additionalProperties, `${path}.*`);
    if (isSchema(s.items)) descend(s.items, path);
    for (const [index, branch] of (s.oneOf ?? s.anyOf ?? []).entries()) {
      const kindOf = isSchema(branch.properties?.kind) ? branch.properties.kind.const : undefined;
      place(branch, `${path}(${String(kindOf ?? index)})`);
    }
  };
  place(schema, kind);
  return places;
}

/** The schema of a file kind with descriptions; `missing` lists places without one. */
export function describedSchema(kind: FileKind, descriptions: Readonly<Record<string, string>>): { schema: JsonSchema; missing: string[] } {
  const schema = exportSchema(kind);
  const missing: string[] = [];
  for (const [path, place] of describablePlaces(kind, schema)) {
    const description = descriptions[path];
    if (description === undefined) missing.push(path);
    else place.description = description;
  }
  return { schema, missing };
}
