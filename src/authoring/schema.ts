import { z } from 'zod';

/**
 * The file formats trainers write, as one schema per file kind. The same schemas type the
 * loader's output and are exported as JSON Schema (`npm run schema`) for editor autocompletion.
 */

const id = z.string().regex(/^[a-z0-9_]+$/);
export const text = z.string().trim().min(1);
const quality = z.enum(['good', 'acceptable', 'poor']);

/** When a choice is offered or a text variant shown; every part given must hold. */
export const conditionSchema = z
  .strictObject({
    flag: id.optional(),
    notFlag: id.optional(),
    chose: z.string().regex(/^[a-z0-9_]+\.[a-z0-9_]+$/).optional(),
  })
  .refine((c) => c.flag !== undefined || c.notFlag !== undefined || c.chose !== undefined, { message: 'empty condition' });

const variants = z.array(z.strictObject({ when: conditionSchema, text })).min(1).optional();

export const choiceSchema = z.strictObject({
  id,
  text,
  points: z.number().int().min(0).max(10),
  quality,
  feedback: text,
  references: z.array(id).min(1).optional(),
  sets: z.array(id).min(1).optional(),
  when: conditionSchema.optional(),
  next: id,
});

/** A short name for a decision, read in LMS reports (SCORM 2004 interaction descriptions hold 250 characters). */
const label = text.max(250).optional();

export const situationSchema = z.strictObject({
  kind: z.literal('situation'),
  label,
  text,
  variants,
  choices: z.array(choiceSchema).min(1).max(9),
});

export const optionSchema = z.strictObject({
  id,
  text,
  correct: z.boolean(),
  feedback: text,
  references: z.array(id).min(1).optional(),
});

export const questionSchema = z.strictObject({
  kind: z.literal('question'),
  label,
  text,
  points: z.number().int().min(1).max(10),
  options: z.array(optionSchema).min(2).max(9),
  next: id,
});

export const endingSchema = z.strictObject({
  kind: z.literal('ending'),
  outcome: quality,
  title: text,
  text,
  variants,
  takeaways: z.array(text).min(1).max(8),
});

export const referenceSchema = z.strictObject({ id, text, url: z.url().optional() });

export const scenarioSchema = z.strictObject({
  id,
  version: z.number().int().min(1),
  title: text,
  summary: text,
  audiences: z.array(id).min(1),
  topics: z.array(id).min(1),
  estimatedMinutes: z.number().int().min(1).max(60),
  contentNote: text.optional(),
  learningGoals: z.array(text).min(1),
  references: z.array(referenceSchema).optional(),
  start: id,
  nodes: z.record(id, z.discriminatedUnion('kind', [situationSchema, questionSchema, endingSchema])),
});

export const courseSchema = z.strictObject({
  id,
  version: z.number().int().min(1),
  title: text,
  description: text,
  passMark: z.number().min(0).max(100),
  replays: z.enum(['first', 'best', 'latest']),
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
  /** Named values scenarios can use as `{{region.<name>}}`. */
  values: z.record(id, text).optional(),
  whatToDo: z.array(text).min(1),
  contacts: z.array(contactSchema).min(1),
});

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type CourseFile = z.infer<typeof courseSchema>;
export type RegionFile = z.infer<typeof regionSchema>;
export type NodeFile = ScenarioFile['nodes'][string];
