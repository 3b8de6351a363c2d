import type { Dialect } from './dialect.ts';
import {
  DESCRIPTION_LIMIT_2004,
  LOCATION_LIMIT_2004,
  SUSPEND_DATA_LIMIT_2004,
  clampText,
  interactionResult,
  scaledScore,
  scorm2004Duration,
  scorm2004Timestamp,
  scoreRead,
  scoreValue,
  singleLine,
} from './formats.ts';

const score = (prefix: string, value: number | null) =>
  value === null
    ? []
    : ([
        [`${prefix}.scaled`, scaledScore(value, 100)],
        [`${prefix}.min`, '0'],
        [`${prefix}.max`, '100'],
        [`${prefix}.raw`, scoreValue(value)],
      ] as const);

const success = (passed: boolean | null) => (passed === null ? 'unknown' : passed ? 'passed' : 'failed');

export const scorm2004: Dialect = {
  version: '2004',
  kind: 'scorm2004',
  elements: {
    entry: 'cmi.entry',
    mode: 'cmi.mode',
    credit: 'cmi.credit',
    language: 'cmi.learner_preference.language',
    suspendData: 'cmi.suspend_data',
    location: 'cmi.location',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
  },
  suspendDataLimit: SUSPEND_DATA_LIMIT_2004,
  locationLimit: LOCATION_LIMIT_2004,
  resultAtLaunch: (get) => {
    if (get('cmi.completion_status') !== 'completed') return null;
    const success = get('cmi.success_status');
    return { passed: success === 'passed' ? true : success === 'failed' ? false : null, score: scoreRead(get('cmi.score.raw')) };
  },
  readableResponse: 'learner_response',
  // A finished attempt is suspended too. Moodle (mod/scorm/datamodels/scorm_13lib.php) hands a SCO
  // its earlier data on relaunch only when the last exit was "suspend": after "normal" a review
  // launch gets an empty data model (no suspend data, no interactions, status unknown), the course
  // cannot show what the learner did, and Moodle's player then stores total_time "P" (the sum of two
  // zero durations). Status and score are final either way; whether the next launch reviews the
  // attempt or starts a new one, the LMS decides from the status.
  exitValue: () => 'suspend',
  sessionTime: scorm2004Duration,
  interaction: (n, d) => {
    const p = `cmi.interactions.${n}`;
    return [
      [`${p}.id`, d.id],
      [`${p}.type`, 'choice'],
      [`${p}.objectives.0.id`, d.objectiveId],
      [`${p}.timestamp`, scorm2004Timestamp(d.at)],
      [`${p}.correct_responses.0.pattern`, d.correctResponse],
      [`${p}.learner_response`, d.response],
      [`${p}.result`, interactionResult('2004', d.quality)],
      [`${p}.latency`, scorm2004Duration(d.latencyMs)],
      [`${p}.description`, clampText(singleLine(d.description), DESCRIPTION_LIMIT_2004)],
    ];
  },
  objective: (n, o, isNew) => {
    const p = `cmi.objectives.${n}`;
    return [
      ...(isNew ? [[`${p}.id`, o.id] as const, [`${p}.description`, clampText(singleLine(o.description), DESCRIPTION_LIMIT_2004)] as const] : []),
      ...score(`${p}.score`, o.score),
      [`${p}.success_status`, success(o.passed)],
      [`${p}.completion_status`, o.completed ? 'completed' : 'incomplete'],
    ];
  },
  status: (s) => ({
    status: [
      ['cmi.success_status', success(s.passed)],
      ['cmi.completion_status', s.completed ? 'completed' : 'incomplete'],
    ],
    score: score('cmi.score', s.score),
  }),
};
