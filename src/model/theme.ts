/**
 * The colours a region profile may set, the course's own, and the contrast rule they must
 * meet. Shared by the checker (which refuses a theme that fails it) and the player's styles.
 */

export interface ThemeColours {
  /** Buttons, links and progress. */
  readonly primary: string;
  /** Text on primary buttons. */
  readonly onPrimary: string;
  readonly heading: string;
}

/** A region's theme as the player receives it: colours it sets and its logo as a data URL. */
export interface ThemeSpec extends Partial<ThemeColours> {
  readonly logo?: string;
}

export const DEFAULT_COLOURS: ThemeColours = { primary: '#0b5394', onPrimary: '#ffffff', heading: '#102a43' };

/** The page's background, which themes do not change: links and headings sit on it. */
export const PAGE_COLOUR = '#f7f8fa';

/** WCAG 2.1 AA for normal text. */
export const MIN_CONTRAST = 4.5;

/** Each pair a theme must keep readable: text colour, background colour (`page` is the page). */
export const CONTRAST_PAIRS: readonly (readonly [keyof ThemeColours, keyof ThemeColours | 'page'])[] = [
  ['onPrimary', 'primary'],
  ['primary', 'page'],
  ['heading', 'page'],
];

export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const s = parseInt(hex.slice(i, i + 2), 16) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}
