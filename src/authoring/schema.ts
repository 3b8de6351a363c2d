import { z } from 'zod';

/**
 * The file formats trainers write, as one schema per file kind. The same schemas type the
 * loader's output and are exported as JSON Schema for editor autocompletion.
 */

const id = z.string().regex(/^[a-z0-9_]+$/);
const text = z.string().trim().min(1);
const quality = z.enum(['good', 'acceptable', 'poor']);

export const choiceSchema = z.strictObject({
  id,
  text,
  points: z.number().int().min(0).max(10),
  quality,
  feedback: text,
  source: text.optional(),
  next: id,
});

export const situationSchema = z.strictObject({
  kind: z.literal('situation'),
  text,
  choices: z.array(choiceSchema).min(1).max(9),
});

export const endingSchema = z.strictObject({
  kind: z.literal('ending'),
  outcome: quality,
  title: text,
  text,
  takeaways: z.array(text).min(1).max(8),
});

export const scenarioSchema = z.strictObject({
  id,
  version: z.number().int().min(1),
  title: text,
  summary: text,
  estimatedMinutes: z.number().int().min(1).max(60),
  contentNote: text.optional(),
  start: id,
  nodes: z.record(id, z.discriminatedUnion('kind', [situationSchema, endingSchema])),
});

export const courseSchema = z.strictObject({
  id,
  version: z.number().int().min(1),
  title: text,
  description: text,
  passMark: z.number().min(0).max(100),
  audiences: z.record(id, z.strictObject({ title: text, scenarios: z.array(id).min(1) })),
});

export const contactSchema = z.strictObject({
  id,
  name: text,
  when: text,
  phone: z.string().regex(/^[0-9 +-]+$/).optional(),
  url: z.url().optional(),
  note: text.optional(),
});

export const regionSchema = z.strictObject({
  id,
  name: text,
  whatToDo: z.array(text).min(1),
  contacts: z.array(contactSchema).min(1),
});

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type CourseFile = z.infer<typeof courseSchema>;
export type RegionFile = z.infer<typeof regionSchema>;
