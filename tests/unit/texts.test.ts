import { describe, expect, it } from 'vitest';
import { Texts } from '../../src/i18n/texts.ts';

const texts = new Texts(
  {
    sv: {
      ui: { menu: { minutes: '{{count}} minut', minutes_one: '{{count}} minut', minutes_other: '{{count}} minuter' }, only: 'bara svenska', notice: 'Scenariot ”$t(scenario.a:title)” börjar om' },
      'scenario.a': { title: 'Hot i väntrummet' },
      region: { steps: ['Ring {{region.name}}', 'Skriv'] },
    },
    en: { ui: { menu: { minutes_one: '{{count}} minute', minutes_other: '{{count}} minutes' } }, 'scenario.a': { title: 'Threats in the waiting room' } },
  },
  'sv',
);

describe('the player texts', () => {
  it('picks the plural form by count in each language', () => {
    expect(texts.fixed('sv')('menu.minutes', { count: 1 })).toBe('1 minut');
    expect(texts.fixed('sv')('menu.minutes', { count: 5 })).toBe('5 minuter');
    expect(texts.fixed('en')('menu.minutes', { count: 5 })).toBe('5 minutes');
  });

  it('writes numbers as the language does: a decimal comma in Swedish', () => {
    const scores = new Texts({ sv: { ui: { score: 'Ditt resultat: {{percent, number}} %.' } }, en: { ui: { score: 'Your result: {{percent, number}}%.' } } }, 'sv');
    expect(scores.fixed('sv')('score', { percent: 92.41 })).toBe('Ditt resultat: 92,41 %.');
    expect(scores.fixed('en')('score', { percent: 92.41 })).toBe('Your result: 92.41%.');
    expect(scores.fixed('sv')('score', { percent: 70 })).toBe('Ditt resultat: 70 %.');
  });

  it('falls back to Swedish, then to the default value, then to the key', () => {
    expect(texts.fixed('en')('only')).toBe('bara svenska');
    expect(texts.fixed('en')('missing', { defaultValue: '' })).toBe('');
    expect(texts.fixed('en')('scenario.b:title')).toBe('scenario.b:title');
  });

  it('nests other texts, interpolates nested values and returns objects when asked', () => {
    expect(texts.fixed('sv')('notice')).toBe('Scenariot ”Hot i väntrummet” börjar om');
    expect(texts.fixed('sv')('region:steps', { returnObjects: true, region: { name: '1177' } })).toEqual(['Ring 1177', 'Skriv']);
    expect(texts.fixed('sv')('app', { lng: 'en' })).toBe('app');
  });

  it('takes a scenario’s texts as they arrive, keeping those already there', () => {
    texts.add('en', 'scenario.a', { nodes: { start: { text: 'You are at reception.' } } });
    expect(texts.fixed('en')('scenario.a:nodes.start.text')).toBe('You are at reception.');
    expect(texts.fixed('en')('scenario.a:title')).toBe('Threats in the waiting room');
  });
});
