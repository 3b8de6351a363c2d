/** What the map remembers across the reloads that every save causes, for this tab only. */
export interface MapSettings {
  open: boolean;
  /** A scenario picked in the list; `null` follows the learner. */
  scenarioId: string | null;
  /** `null` until the trainer zooms: then the map fits its width. */
  scale: number | null;
}

const KEY = 'trygg-dev:map';

export function loadSettings(): MapSettings {
  try {
    return { open: false, scenarioId: null, scale: null, ...(JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Partial<MapSettings>) };
  } catch {
    return { open: false, scenarioId: null, scale: null };
  }
}

export function saveSettings(settings: MapSettings): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Storage blocked: the map just forgets its settings on reload.
  }
}
