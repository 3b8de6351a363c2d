import type { ScormVersion } from './formats.ts';

const API_NAME: Record<ScormVersion, string> = { '1.2': 'API', '2004': 'API_1484_11' };
const MAX_DEPTH = 500;

/** Reads a property of a window that may be cross-origin (which throws) or gone. */
function peek(win: Window | null | undefined, name: string): unknown {
  try {
    return (win as unknown as Record<string, unknown> | null | undefined)?.[name] ?? null;
  } catch {
    return null;
  }
}

function searchUp(start: Window | null, name: string): unknown {
  let win = start;
  for (let depth = 0; win && depth < MAX_DEPTH; depth++) {
    const api = peek(win, name);
    if (api) return api;
    const parent = peek(win, 'parent') as Window | null;
    if (!parent || parent === win) return null;
    win = parent;
  }
  return null;
}

/**
 * The LMS API object of one SCORM version: up through the parents of the course window,
 * then through the opener's (LMSs that launch in a new window), as in the ADL algorithm.
 */
export function findApi(win: Window, version: ScormVersion): unknown {
  const name = API_NAME[version];
  const own = searchUp(win, name);
  if (own) return own;
  const top = peek(win, 'top') as Window | null;
  const opener = peek(top, 'opener') as Window | null;
  return opener ? searchUp(opener, name) : null;
}
