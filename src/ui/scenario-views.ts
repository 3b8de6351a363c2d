/**
 * The views the first screen does not show: inside a scenario, the summary and review, with
 * the player texts only they use. They are a chunk of their own, fetched with the scenarios'
 * structure (before any of them can be shown), so the first script carries only the frame,
 * the start screen and the list.
 */
import './content-note.ts';
import './course-review.ts';
import './course-summary.ts';
import './ending-view.ts';
import './feedback-view.ts';
import './situation-view.ts';

export { default as laterTexts } from 'virtual:course-later-ui';
