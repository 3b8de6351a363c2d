import type { Dialect } from './dialect.ts';
import { LOCATION_LIMIT_12, scoreRead, SUSPEND_DATA_LIMIT_12, interactionResult, scorm12Duration, scorm12Time, scoreValue } from './formats.ts';

const score = (prefix: string, value: number | null) =>
  value === null ? [] : ([[`${prefix}.min`, '0'], [`${prefix}.max`, '100'], [`${prefix}.raw`, scoreValue(value)]] as const);

export const scorm12: Dialect = {
  version: '1.2',
  kind: 'scorm12',
  elements: {
    entry: 'cmi.core.entry',
    mode: 'cmi.core.lesson_mode',
    credit: 'cmi.core.credit',
    language: 'cmi.student_preference.language',
    suspendData: 'cmi.suspend_data',
    location: 'cmi.core.lesson_location',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
  },
  suspendDataLimit: SUSPEND_DATA_LIMIT_12,
  locationLimit: LOCATION_LIMIT_12,
  resultAtLaunch: (get) => {
    const status = get('cmi.core.lesson_status');
    if (!['passed', 'completed', 'failed'].includes(status)) return null;
    return { passed: status === 'completed' ? null : status === 'passed', score: scoreRead(get('cmi.core.score.raw')) };
  },
  // SCORM 1.2 interactions are write-only: content cannot read them back.
  readableResponse: null,
  exitValue: (finished) => (finished ? '' : 'suspend'),
  sessionTime: scorm12Duration,
  interaction: (n, d) => {
    const p = `cmi.interactions.${n}`;
    return [
      [`${p}.id`, d.id],
      [`${p}.objectives.0.id`, d.objectiveId],
      [`${p}.type`, 'choice'],
      [`${p}.time`, scorm12Time(d.at)],
      [`${p}.student_response`, d.response],
      [`${p}.correct_responses.0.pattern`, d.correctResponse],
      [`${p}.result`, interactionResult('1.2', d.quality)],
      [`${p}.latency`, scorm12Duration(d.latencyMs)],
    ];
  },
  objective: (n, o, isNew) => {
    const p = `cmi.objectives.${n}`;
    const status = !o.completed ? 'incomplete' : o.passed === null ? 'completed' : o.passed ? 'passed' : 'failed';
    return [...(isNew ? [[`${p}.id`, o.id] as const] : []), ...score(`${p}.score`, o.score), [`${p}.status`, status]];
  },
  // Score is written only with the final status: Moodle's mastery override recomputes
  // lesson_status from score.raw at LMSFinish, even over `incomplete`.
  status: (s) => ({
    status: [['cmi.core.lesson_status', !s.completed ? 'incomplete' : s.passed === null ? 'completed' : s.passed ? 'passed' : 'failed']],
    score: score('cmi.core.score', s.score),
  }),
};
