import { css } from 'lit';
import type { ProblemLine } from 'virtual:course';
import { eventsToNode } from '../engine/jump.ts';
import { screenOf } from '../engine/screen.ts';
import type { Translate } from '../ui/shared.ts';
import { devText } from './dev-text.ts';
import './map-drawer.ts';
import type { DevInput, Preview } from './preview.ts';
import './problem-panel.ts';

/** Room for the open map beside the preview; on a narrow screen the map covers it instead. */
const pageStyles = css`
  :root {
    --dev-drawer-width: clamp(360px, 46vw, 820px);
  }
  body.dev-map-open {
    padding-right: var(--dev-drawer-width);
  }
  @media (max-width: 800px) {
    :root {
      --dev-drawer-width: 100vw;
    }
    body.dev-map-open {
      padding-right: 0;
    }
  }
`;

const POSITION_KEY = 'trygg-dev:position';

/**
 * Every save reloads the page, and the player resumes from its saved decisions; when a
 * structural edit makes that replay start a scenario over, this goes back to the node the
 * trainer was looking at, if it still exists and can be reached.
 */
function keepPosition(preview: Preview): void {
  const where = (): { scenarioId: string; nodeId: string } | null => {
    const screen = screenOf(preview.actor().getSnapshot());
    if (!('scenarioId' in screen)) return null;
    return { scenarioId: screen.scenarioId, nodeId: 'nodeId' in screen ? screen.nodeId : screen.endingId };
  };
  try {
    const saved = JSON.parse(sessionStorage.getItem(POSITION_KEY) ?? 'null') as ReturnType<typeof where>;
    const now = where();
    if (saved && (saved.scenarioId !== now?.scenarioId || saved.nodeId !== now.nodeId)) {
      const events = eventsToNode(preview.course, saved.scenarioId, saved.nodeId);
      if (events) preview.restart(events);
    }
    addEventListener('pagehide', () => sessionStorage.setItem(POSITION_KEY, JSON.stringify(where())));
  } catch {
    // Storage blocked: a reload resumes where the saved decisions lead, which is fine too.
  }
}

/** Puts the dev tools on the page: the checker's problems above the preview, the map beside it. */
export async function mountDevTools(input: DevInput): Promise<void> {
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageStyles.styleSheet as CSSStyleSheet];
  const views: { t: Translate }[] = [];
  const t = await devText((next) => views.forEach((v) => (v.t = next)));

  const problems: ProblemLine[] = [...input.problems];
  if (input.crash) {
    console.error(input.crash);
    problems.unshift({ severity: 'error', location: '', message: String(input.crash), text: String(input.crash) });
  }
  if (problems.length > 0) {
    const panel = document.createElement('problem-panel');
    Object.assign(panel, { t, problems, crashed: Boolean(input.crash), hasPreview: input.preview !== null, stale: input.stale });
    document.body.prepend(panel);
    views.push(panel);
  }
  if (input.preview) {
    keepPosition(input.preview);
    const drawer = document.createElement('map-drawer');
    Object.assign(drawer, { t, preview: input.preview });
    document.body.append(drawer);
    views.push(drawer);
  }
}
