import type { ChoiceSpec, SituationSpec } from '../model/scenario.ts';

/**
 * The order a learner sees a situation's choices in. Written order gives the best choice away
 * (trainers tend to write it first), so each attempt draws a seed and every situation's choices
 * are shuffled from it, by scenario and node: the same attempt always shows the same order
 * (resumed, replayed from its log or reviewed), another attempt or learner another one.
 */

/** FNV-1a: a 32-bit hash of a text, to seed the generator per situation. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: a small, fast generator of numbers in [0, 1) from a 32-bit state. */
function generator(state: number): () => number {
  let s = state;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Indexes 0…count-1 in the order this attempt shows a situation's choices (Fisher–Yates). */
export function choiceOrder(seed: string, scenarioId: string, nodeId: string, count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  const next = generator(hash(`${seed}:${scenarioId}:${nodeId}`));
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** A new attempt's seed: six base-36 characters, as the progress log stores it. */
export function newSeed(random: () => number = Math.random): string {
  return Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0');
}

/** The choices a situation offers, in the order this attempt shows them (written order where `shuffle: false`). */
export function shownChoices(seed: string, scenarioId: string, node: SituationSpec, offered: (choice: ChoiceSpec) => boolean): ChoiceSpec[] {
  const order = node.shuffle === false ? node.choices.map((_, i) => i) : choiceOrder(seed, scenarioId, node.id, node.choices.length);
  return order.map((i) => node.choices[i] as ChoiceSpec).filter(offered);
}
