import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRAST_PAIRS, DEFAULT_COLOURS, MIN_CONTRAST, PAGE_COLOUR, contrastRatio } from '../model/theme.ts';
import { audienceFigures } from './figures.ts';
import { strings } from './placeholders.ts';
import { problem, type Problem } from './problems.ts';
import { UNFILLED, type CourseFile, type RegionFile, type ScenarioFile } from './schema.ts';
import { suggestion } from './suggest.ts';
import type { YamlSource } from './yaml-source.ts';

export interface LoadedFile<T> {
  readonly file: string;
  readonly source: YamlSource;
  readonly data: T;
}

const baseName = (file: string) => file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');

/** Codes of the warnings for fields a region has still to fill in; the build refuses such a profile. */
export const UNFILLED_CODES: ReadonlySet<string> = new Set(['region_unfilled', 'region_unfilled_contact']);

/** One warning per value still reading `FYLL I`, naming the contact it belongs to. */
function unfilledFields({ file, source, data }: LoadedFile<RegionFile>): Problem[] {
  return [...strings(source.data)]
    .filter(({ text }) => text.trim() === UNFILLED)
    .map(({ path }) => {
      const field = String(path[path.length - 1]);
      const at = source.positionOf(path);
      const contact = path[0] === 'contacts' && typeof path[1] === 'number' ? data.contacts[path[1]]?.id : undefined;
      return contact === undefined
        ? problem('warning', file, at, 'region_unfilled', { field: path.join('.') })
        : problem('warning', file, at, 'region_unfilled_contact', { field, contact });
    });
}

/** A region's logo is embedded in every package: kept small. */
export const MAX_LOGO_BYTES = 50 * 1024;

/** A region's theme: text colours readable on their backgrounds, the logo there and small. */
function checkTheme(root: string, { file, source, data }: LoadedFile<RegionFile>): Problem[] {
  const theme = data.theme;
  if (!theme) return [];
  const problems: Problem[] = [];
  const colours = { ...DEFAULT_COLOURS, ...theme };
  for (const [text, background] of CONTRAST_PAIRS) {
    const set = [text, background].find((key) => key !== 'page' && theme[key] !== undefined);
    if (!set) continue;
    const backgroundColour = background === 'page' ? PAGE_COLOUR : colours[background];
    const ratio = contrastRatio(colours[text], backgroundColour);
    if (ratio >= MIN_CONTRAST) continue;
    const params = { text, textColour: colours[text], background, backgroundColour, ratio: ratio.toFixed(1).replace('.', ',') };
    problems.push(problem('error', file, source.positionOf(['theme', set]), background === 'page' ? 'theme_contrast_page' : 'theme_contrast', params));
  }
  if (theme.logo) {
    const at = source.positionOf(['theme', 'logo']);
    let bytes: number | null = null;
    try {
      bytes = statSync(join(root, 'course/regions', theme.logo)).size;
    } catch {
      problems.push(problem('error', file, at, 'theme_logo_missing', { logo: theme.logo }));
    }
    if (bytes !== null && bytes > MAX_LOGO_BYTES) problems.push(problem('error', file, at, 'theme_logo_too_large', { logo: theme.logo, kb: Math.ceil(bytes / 1024) }));
  }
  return problems;
}

/**
 * The audiences a profile's steps and contacts are for, against the course's. One profile
 * serves courses with fewer audiences too, so a name the course lacks is fine, unless it is
 * close to one it has: that is a typo hiding the step or contact, a warning. An audience of
 * the course with no contact under "Behöver du stöd?" is an error: that panel would be empty.
 */
function checkRegionAudiences({ file, source, data }: LoadedFile<RegionFile>, audiences: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const named = (path: (string | number)[], list: readonly string[] | undefined) =>
    list?.forEach((audience, j) => {
      const close = audiences.includes(audience) ? {} : suggestion(audience, audiences);
      if ('suggestion' in close) problems.push(problem('warning', file, source.positionOf([...path, 'audiences', j]), 'region_unknown_audience', { audience, ...close }));
    });
  data.whatToDo.forEach((step, i) => named(['whatToDo', i], typeof step === 'string' ? undefined : step.audiences));
  data.contacts.forEach((contact, i) => named(['contacts', i], contact.audiences));
  for (const audience of audiences) {
    const support = data.contacts.some((c) => c.support === true && (c.audiences?.includes(audience) ?? true));
    if (!support) problems.push(problem('error', file, source.positionOf(['contacts']), 'region_no_support', { audience }));
  }
  return problems;
}

/**
 * Region profiles: id as the file name, each id once, each contact once, every field
 * left for the region to fill in, a readable theme, and, with the course's audiences, the
 * audiences its steps and contacts name and a support contact for each.
 */
export function checkRegions(root: string, regions: readonly LoadedFile<RegionFile>[], audiences?: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const { file, source, data } of regions) {
    if (data.id !== baseName(file)) problems.push(problem('error', file, source.positionOf(['id']), 'region_id_mismatch', { id: data.id, fileName: baseName(file) }));
    const first = seen.get(data.id);
    if (first) problems.push(problem('error', file, source.positionOf(['id']), 'region_id_clash', { id: data.id, other: first }));
    else seen.set(data.id, file);
    const contacts = new Set<string>();
    data.contacts.forEach((c, i) => {
      if (contacts.has(c.id)) problems.push(problem('error', file, source.positionOf(['contacts', i, 'id']), 'duplicate_contact', { contact: c.id }));
      contacts.add(c.id);
    });
    problems.push(...unfilledFields({ file, source, data }));
    problems.push(...checkTheme(root, { file, source, data }));
    if (audiences) problems.push(...checkRegionAudiences({ file, source, data }, audiences));
  }
  return problems;
}

/**
 * course.yaml against the scenarios: every listed scenario exists (once per audience; a file
 * of that name with errors of its own is not reported again, see `written`), every
 * audience a scenario names exists, every scenario is used; then, per audience, that the
 * best learner can pass and that the suspend data fits SCORM 1.2.
 */
export function checkCourse(course: LoadedFile<CourseFile>, scenarios: readonly LoadedFile<ScenarioFile>[], written: ReadonlySet<string>): Problem[] {
  const { file, source, data } = course;
  const problems: Problem[] = [];
  const byId = new Map(scenarios.map((s) => [s.data.id, s.data]));
  const audiences = Object.keys(data.audiences);
  const listed = new Set<string>();
  for (const [audience, lists] of Object.entries(data.audiences)) {
    const entries = [...lists.scenarios.map((id, i) => ({ id, at: ['scenarios', i] as const })), ...(lists.optional ?? []).map((id, i) => ({ id, at: ['optional', i] as const }))];
    entries.forEach(({ id, at: where }) => {
      const at = source.positionOf(['audiences', audience, ...where]);
      if (listed.has(`${audience}/${id}`)) problems.push(problem('error', file, at, 'duplicate_audience_scenario', { audience, scenario: id }));
      else if (!byId.has(id) && !written.has(id)) problems.push(problem('error', file, at, 'unknown_scenario', { audience, scenario: id, ...suggestion(id, byId.keys()) }));
      listed.add(`${audience}/${id}`);
      listed.add(id);
    });
  }
  // Under `skipping: alternative` a skipped required scenario is done only through its short version.
  if (data.skipping === 'alternative') {
    for (const [audience, { scenarios: ids }] of Object.entries(data.audiences)) {
      ids.forEach((id, i) => {
        if (byId.has(id) && !byId.get(id)?.alternative) {
          problems.push(problem('error', file, source.positionOf(['audiences', audience, 'scenarios', i]), 'alternative_missing', { audience, scenario: id }));
        }
      });
    }
  }
  for (const s of scenarios) {
    s.data.audiences.forEach((audience, i) => {
      if (!(audience in data.audiences)) {
        problems.push(problem('error', s.file, s.source.positionOf(['audiences', i]), 'unknown_audience', { audience, ...suggestion(audience, audiences) }));
      }
    });
    if (!listed.has(s.data.id)) problems.push(problem('warning', s.file, s.source.positionOf(['id']), 'scenario_unused', { scenario: s.data.id }));
  }
  for (const f of audienceFigures(data, byId)) {
    const at = source.positionOf(['audiences'], f.audience);
    if (f.unfinishable.length) {
      problems.push(problem('error', file, source.positionOf(['passMark']), 'pass_mark_unfinishable', { audience: f.audience, scenarios: f.unfinishable.join(', ') }));
    } else if (!f.reachable) {
      problems.push(problem('error', file, source.positionOf(['passMark']), 'pass_mark_unreachable', { audience: f.audience, passMark: f.passMark, best: f.bestPercent }));
    }
    if (f.suspendData > f.suspendDataLimit) {
      problems.push(problem('error', file, at, 'suspend_data_too_long', { audience: f.audience, length: f.suspendData, limit: f.suspendDataLimit }));
    }
    if (f.growing.length) {
      problems.push(problem('warning', file, at, 'suspend_data_grows', { audience: f.audience, scenarios: f.growing.join(', '), length: f.suspendData, limit: f.suspendDataLimit }));
    }
  }
  return problems;
}
