import type { ReportCourse, ReportDecision } from './course-model.ts';
import type { LearnerRecord } from './learners.ts';
import type { DecisionRow, ReportData, ScenarioRow } from './summary.ts';
import { protect, type Figure } from './suppress.ts';

/**
 * Scenarios and decisions. Per scenario the unknowns are its choices' counts (the graph's
 * edges); anyone can work out how many reached a decision from the choices leading to it,
 * so flow through each decision is known, and a decision answered by too few is hidden with
 * whatever else would give its counts away (see `suppress.ts`).
 */
export function scenarioFigures(records: readonly LearnerRecord[], course: ReportCourse, minGroup: number): Pick<ReportData, 'scenarios' | 'decisions' | 'unknownAnswers'> {
  let unknownAnswers = 0;
  const scenarios: ScenarioRow[] = [];
  const decisions: DecisionRow[] = [];
  const scenarioIds = [...new Set(course.audiences.flatMap((a) => a.scenarios))];
  const tallies = new Map(scenarioIds.map((id) => [id, { counts: new Map<string, number>(), endings: new Map<string, number>(), played: 0, finished: 0, skipped: 0, short: 0 }]));
  const parts = new Map<string, readonly [string, string]>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  // One pass over every learner's decisions: the first answer at each decision, and the first ending reached.
  for (const r of records) {
    const seen = new Map<string, Set<string>>();
    const ended = new Set<string>();
    for (const d of r.decisions ?? []) {
      let part = parts.get(d.id);
      if (!part) parts.set(d.id, (part = [d.id.slice(0, d.id.indexOf('.')), d.id.slice(d.id.indexOf('.') + 1)]));
      const [sid, node] = part;
      const scenario = course.scenarios[sid];
      const tally = tallies.get(sid);
      if (!scenario || !tally) {
        unknownAnswers++;
        continue;
      }
      let nodes = seen.get(sid);
      if (!nodes) {
        seen.set(sid, (nodes = new Set()));
        tally.played++;
      }
      if (nodes.has(node)) continue;
      nodes.add(node);
      // Taken in place of the scenario: its short version's first question.
      if (node === scenario.alternative) tally.short++;
      const spec = scenario.nodes[node];
      const choice = spec && spec.kind !== 'ending' ? spec.choices.find((c) => c.id === d.response) : undefined;
      if (!choice) {
        unknownAnswers++;
        continue;
      }
      bump(tally.counts, `${node}.${choice.id}`);
      if (!ended.has(sid) && scenario.nodes[choice.next]?.kind === 'ending') {
        ended.add(sid);
        tally.finished++;
        bump(tally.endings, choice.next);
      }
    }
    for (const sid of r.skipped) {
      const tally = tallies.get(sid);
      if (tally) tally.skipped++;
    }
  }
  for (const id of scenarioIds) {
    const scenario = course.scenarios[id];
    const tally = tallies.get(id);
    if (!scenario || !tally) continue;
    const { counts, endings, played, finished, skipped, short } = tally;
    const nodes = Object.values(scenario.nodes);
    const decisionNodes = nodes.filter((n): n is ReportDecision => n.kind !== 'ending');
    const edges = decisionNodes.flatMap((n) => n.choices.filter((c) => c.next in scenario.nodes).map((c) => ({ node: n.id, choice: c.id, next: c.next })));
    const answered = (node: string) => edges.filter((e) => e.node === node).reduce((s, e) => s + (counts.get(`${e.node}.${e.choice}`) ?? 0), 0);
    // The unknowns: each choice's count, then per decision after the start how many reached it
    // and did not answer (never negative: nobody answers a decision they did not reach). Anyone
    // can bound a decision's answers by the choices leading to it; how many stopped is not shown.
    const actual = edges.map((e) => counts.get(`${e.node}.${e.choice}`) ?? 0);
    const arrivals = (node: string) => edges.reduce((s, e, j) => s + (e.next === node ? (actual[j] ?? 0) : 0), 0);
    // The short version's first question is a way in of its own, like the start.
    const entry = (node: string) => node === scenario.start || node === scenario.alternative;
    const stopping = decisionNodes.filter((n) => !entry(n.id) && arrivals(n.id) >= answered(n.id));
    const vector = (pick: (e: (typeof edges)[number]) => number, slack: (node: string) => number = () => 0) => [...edges.map(pick), ...stopping.map((n) => slack(n.id))];
    const figures: Figure[] = [
      ...edges.map((e) => ({ id: `${e.node}.${e.choice}`, group: e.node, vector: vector((x) => (x === e ? 1 : 0)), primary: answered(e.node) > 0 && answered(e.node) < minGroup, cost: answered(e.node) })),
      ...nodes.filter((n) => n.kind === 'ending').map((n) => ({ id: `ending:${n.id}`, vector: vector((e) => (e.next === n.id ? 1 : 0)), primary: played > 0 && played < minGroup, cost: endings.get(n.id) ?? 0 })),
      // Nobody at a decision (or in a scenario) is nothing to protect: its counts are 0 for all to see.
      { id: 'played', fixed: true, primary: false, cost: 0, vector: vector((e) => (entry(e.node) ? 1 : 0)) },
      { id: 'finished', fixed: true, primary: false, cost: 0, vector: vector((e) => (scenario.nodes[e.next]?.kind === 'ending' ? 1 : 0)) },
      // How many took the short version is shown as it is, like played and skipped.
      { id: 'short', fixed: true, primary: false, cost: 0, vector: vector((e) => (e.node === scenario.alternative ? 1 : 0)) },
      // Answers = arrivals − those who stopped there (a decision reached again by a loop may break this: then it is left out).
      ...stopping.map((n) => ({ id: `flow:${n.id}`, fixed: true, primary: false, cost: 0, vector: vector((e) => (e.node === n.id ? 1 : 0) - (e.next === n.id ? 1 : 0), (m) => (m === n.id ? 1 : 0)) })),
    ];
    const unknowns = [...actual, ...stopping.map((n) => arrivals(n.id) - answered(n.id))];
    const hidden = protect(figures.map((f) => ({ ...f, value: f.vector.reduce((s, c, j) => s + c * (unknowns[j] ?? 0), 0) })));
    for (const n of decisionNodes) {
      const total = answered(n.id);
      const shown = total > 0 && !n.choices.some((c) => hidden.has(`${n.id}.${c.id}`));
      const choices = n.choices.map((c) => {
        const count = counts.get(`${n.id}.${c.id}`) ?? 0;
        return { id: c.id, count, share: total > 0 ? count / total : 0 };
      });
      const shareOf = (q: string) => choices.filter((c) => n.choices.find((x) => x.id === c.id)?.quality === q).reduce((s, c) => s + c.share, 0);
      decisions.push({
        scenario: id,
        node: n.id,
        answered: total >= minGroup ? total : null,
        choices: shown ? choices : null,
        poorShare: shown ? shareOf('poor') : null,
        acceptableShare: shown ? shareOf('acceptable') : null,
      });
    }
    const endingRows = nodes.filter((n) => n.kind === 'ending').map((n) => ({ id: n.id, count: hidden.has(`ending:${n.id}`) ? null : (endings.get(n.id) ?? 0) }));
    scenarios.push({ scenario: id, played, skipped, short, finished, endings: played < minGroup ? null : endingRows });
  }
  return { scenarios, decisions, unknownAnswers };
}
