import { z } from 'zod';
import { HEX_COLOUR } from '../model/theme.ts';

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

/**
 * The player shows choices in an order of their own per learner, so that their place gives
 * nothing away; `shuffle: false` keeps the written order where it carries meaning (a scale).
 */
const shuffle = z.literal(false).optional();

export const situationSchema = z.strictObject({
  kind: z.literal('situation'),
  label,
  text,
  variants,
  shuffle,
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
  shuffle,
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
  /**
   * The short version a learner may take instead of the scenario (after skipping it): what to do
   * and whom to call, then knowledge questions from `start`, without the story.
   */
  alternative: z.strictObject({ text, start: id }).optional(),
  start: id,
  nodes: z.record(id, z.discriminatedUnion('kind', [situationSchema, questionSchema, endingSchema])),
});

/**
 * The start screen's introduction: why the course matters, a few figures (each naming its
 * source in its own text) and the model prevent – handle – follow up. Kept in lists of short
 * items so it reads as a screen, not a page.
 */
export const introSchema = z.strictObject({
  heading: text,
  facts: z.array(text).min(1).max(4),
  model: z.strictObject({
    heading: text,
    steps: z.array(z.strictObject({ title: text, text })).min(1).max(4),
  }),
});

export const courseSchema = z.strictObject({
  id,
  version: z.number().int().min(1),
  title: text,
  description: text,
  intro: introSchema.optional(),
  passMark: z.number().min(0).max(100),
  replays: z.enum(['first', 'best', 'latest']),
  /**
   * What a skipped scenario counts as: `alternative`, done only once the learner has taken its
   * short version (every required scenario then needs one); `counts`, done when skipped.
   */
  skipping: z.enum(['alternative', 'counts']).optional(),
  /**
   * Per audience: the required core (`scenarios`, what completion and the score rest on) and
   * scenarios offered besides it (`optional`), clearly marked and outside the result.
   */
  audiences: z.record(id, z.strictObject({ title: text, scenarios: z.array(id).min(1), optional: z.array(id).optional() })),
});

/**
 * What a region profile says where a local detail is still to be filled in by the region.
 * A visible word rather than `null` or an empty value: a trainer who is not a programmer sees
 * at a glance, and can search for, what is left to do, while an empty value is also what a
 * slip of the keyboard leaves behind and cannot say "left for the region on purpose". It is
 * meant for the fields that hold local facts shown as written (`localName`, `phone`, `url`);
 * the check warns wherever it stands and the build packages no profile that has one.
 */
export const UNFILLED = 'FYLL I';
const unfilled = z.literal(UNFILLED);

/** Audience ids from course.yaml; absent means every audience. */
const audienceList = z.array(id).min(1);

export const contactSchema = z.strictObject({
  id,
  name: text,
  /** The function's or system's own name in the region (a proper name, not translated). */
  localName: text.optional(),
  when: text,
  phone: z.union([unfilled, z.string().regex(/^[0-9 +-]+$/)]).optional(),
  url: z.union([unfilled, z.url()]).optional(),
  note: text.optional(),
  /** Offered under "Behöver du stöd?" on every screen, not only on the closing card. */
  support: z.boolean().optional(),
  audiences: audienceList.optional(),
});

/** A step of "what to do": plain text for every audience, or text with the audiences it is for. */
export const stepSchema = z.union([text, z.strictObject({ text, audiences: audienceList })]);

const colour = z.string().regex(HEX_COLOUR);

/** A region's look: colours as #rrggbb and a small logo file beside the profile. */
export const themeSchema = z.strictObject({
  primary: colour.optional(),
  onPrimary: colour.optional(),
  heading: colour.optional(),
  logo: z.string().regex(/^[a-z0-9_-]+\.(svg|png)$/).optional(),
});

export const regionSchema = z.strictObject({
  id,
  name: text,
  /** Named values scenarios can use as `{{region.<name>}}`. */
  values: z.record(id, text).optional(),
  whatToDo: z.array(stepSchema).min(1),
  contacts: z.array(contactSchema).min(1),
  theme: themeSchema.optional(),
});

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type CourseFile = z.infer<typeof courseSchema>;
export type RegionFile = z.infer<typeof regionSchema>;
export type StepFile = RegionFile['whatToDo'][number];
export type NodeFile = ScenarioFile['nodes'][string];
