import { UNFILLED_CODES } from './course-checks.ts';
import { problem, type Problem } from './problems.ts';

/**
 * The `FYLL I` warnings of each region profile as one line, at the first field left to fill
 * in. A profile the region has not filled in yet has eight or so of them, the same for every
 * profile, and listed in full they bury the trainer's own messages; the region needs the
 * whole list only when it sits down to fill the profile in (`npm run check -- --alla`), and
 * the build lists them anyway when it leaves the profile out. A profile with one field left
 * keeps its own message: it is as short, and says more.
 */
export function summariseUnfilled(problems: readonly Problem[]): Problem[] {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) if (UNFILLED_CODES.has(p.code)) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const summarised = new Set([...byFile].filter(([, list]) => list.length > 1).map(([file]) => file));
  return problems.flatMap((p) => {
    if (!UNFILLED_CODES.has(p.code) || !summarised.has(p.file)) return [p];
    const list = byFile.get(p.file) ?? [];
    return p === list[0] ? [problem('warning', p.file, p, 'region_unfilled_summary', { count: list.length })] : [];
  });
}
