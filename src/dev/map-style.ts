import type { Quality } from '../model/scenario.ts';

/**
 * How the map draws each quality. Hues picked to stay apart under protanopia, deuteranopia
 * and tritanopia (blue, amber, crimson; simulated ΔE ≥ 38) and at ≥ 4.4:1 against white;
 * the dash pattern repeats the distinction for anyone who cannot tell colours apart at all.
 */
export const QUALITY_STYLE: Readonly<Record<Quality, { readonly colour: string; readonly dash: string }>> = {
  good: { colour: '#005ab5', dash: '' },
  acceptable: { colour: '#a66b00', dash: '9 5' },
  poor: { colour: '#c2185b', dash: '2 5' },
};

/** Light fills for endings by outcome, so an ending's result shows before its caption is read. */
export const OUTCOME_FILL: Readonly<Record<Quality, string>> = {
  good: '#e6f0fa',
  acceptable: '#fbf1de',
  poor: '#fbe6ee',
};

export const HIGHLIGHT = { fill: '#fff2b3', stroke: '#1f2328' } as const;
