import { describe, expect, it } from 'vitest';
import { range, wholeRange } from '../../../src/report/linear-program.ts';

describe('the small simplex behind suppression by bounds', () => {
  it('finds a value pinned by bounds and flow', () => {
    // x3 − x2 = 1 and x1 + x3 = 1 with all x ≥ 0: x3 can only be 1.
    expect(range([0, 0, 0, 1], [[0, 0, -1, 1], [0, 1, 0, 1]], [1, 1])).toEqual({ min: 1, max: 1 });
  });
  it('finds the range of a free share, an unbounded one, and none when nothing fits', () => {
    expect(range([1, 0], [[1, 1]], [3])).toEqual({ min: 0, max: 3 });
    expect(range([1, 0], [[1, -1]], [2])).toEqual({ min: 2, max: Infinity });
    expect(range([1], [[1], [1]], [1, 2])).toBeNull();
  });
  it('in whole counts, finds what the relaxation misses (x1 + 2·x2 = 1 leaves x2 only 0)', () => {
    expect(range([0, 0, 1], [[0, 1, 2]], [1])).toEqual({ min: 0, max: 0.5 });
    expect(wholeRange([0, 0, 1], [[0, 1, 2]], [1])).toEqual({ min: 0, max: 0 });
    expect(wholeRange([0, 0, 1, 1], [[0, 1, 1, 1], [0, 0, 1, -1]], [1, 0])).toEqual({ min: 0, max: 0 });
  });

  it('copes with redundant rows', () => {
    expect(range([1, 0, 0], [[1, 1, 0], [1, 1, 0], [0, 1, 1]], [2, 2, 2])).toEqual({ min: 0, max: 2 });
  });
});
