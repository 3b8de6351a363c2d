import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/authoring/load.ts';
import { checkerText, hasErrors } from '../../src/authoring/problems.ts';
import { brokenCases, projectWith } from './checker-fixtures.ts';

const text = await checkerText(resolve(import.meta.dirname, '../..'));
const textEn = await checkerText(resolve(import.meta.dirname, '../..'), 'en');

/** Each broken case (`tests/fixtures/broken/<case>/`) and exactly what the checker says about it. */
const expected: Record<string, string[]> = {
  'all-conditional': [
    'scenarios/disken.yaml:47:3: fel: I situationen "efter" finns inget val att göra för den som kommer hit via disken.larma → fragan.rapport: alla val har villkor (when) som inte är uppfyllda. Lägg till ett val utan villkor.',
  ],
  'bad-theme': [
    'course/regions/generic.yaml:8:12: fel: Färgerna onPrimary (#ffffff) och primary (#7aa7d9) har kontrasten 2,5:1. Text behöver minst 4,5:1 mot sin bakgrund för att alla ska kunna läsa den (WCAG 2.1 AA). Välj en mörkare eller ljusare färg.',
    'course/regions/generic.yaml:8:12: fel: Färgen primary (#7aa7d9) har kontrasten 2,4:1 mot sidans bakgrund (#f7f8fa). Text behöver minst 4,5:1 mot sin bakgrund för att alla ska kunna läsa den (WCAG 2.1 AA). Välj en mörkare färg.',
    'course/regions/generic.yaml:9:12: fel: Färgen heading (#FFFFFF) har kontrasten 1,1:1 mot sidans bakgrund (#f7f8fa). Text behöver minst 4,5:1 mot sin bakgrund för att alla ska kunna läsa den (WCAG 2.1 AA). Välj en mörkare färg.',
    'course/regions/generic.yaml:10:9: fel: Logotypen saknas.svg finns inte i course/regions/. Lägg filen där, bredvid regionprofilen, eller rätta filnamnet.',
  ],
  'bad-region': [
    'course/regions/norr.yaml:1:5: fel: Regionens id "nord" ska vara samma som filnamnet (norr.yaml). Byt namn på filen eller ändra id.',
    'course/regions/norr.yaml:11:9: fel: Kontakten "chef" finns två gånger. Ge varje kontakt ett eget id.',
    'course/regions/norr.yaml:6:17: varning: Målgruppen "staf" finns inte i course/course.yaml, så det här visas inte för den målgrupp du troligen menade. Rätta namnet till ett id som under audiences i course.yaml. Menade du "staff"?',
    'course/regions/norr.yaml:8:3: fel: Målgruppen "staff" får ingen kontakt under "Behöver du stöd?": ingen kontakt med support: true gäller för den. Lägg till support: true på en kontakt som gäller målgruppen, till exempel 112 eller säkerhetsfunktionen.',
    'locales/en/regions/nord.json:1:1: varning: Översättningsfilen saknas (en). Den svenska texten visas i stället. Skapa den med npm run translate -- en och läs in den med npm run translate -- en --import.',
    'scenarios/disken.yaml:28:15: fel: Platshållaren "region.larm" saknas i regionprofilen course/regions/norr.yaml. Lägg till larm under values där, eller rätta namnet.',
    'locales/en/scenarios/disken.json:21:19: fel: Platshållaren "region.larm" saknas i regionprofilen course/regions/norr.yaml. Lägg till larm under values där, eller rätta namnet.',
  ],
  'choice-lengths': [
    'scenarios/disken.yaml:15:3: varning: Det bästa valet går att känna igen på längden: i 3 av 3 beslut är det bästa valet (flest poäng, eller rätt svar) längre än alla andra (disken, fragan, efter), och de bästa valen är i snitt 47 tecken långa, de andra 14. Deltagaren kan då klara scenariot genom att välja det längsta alternativet. Korta de bästa valen och gör de svagare lika konkreta och trovärdiga, tills det bästa valet är längst i högst hälften av besluten och de bästa i snitt är högst 15 % längre än de andra.',
  ],
  'dead-end': [
    'scenarios/disken.yaml:89:3: fel: Noden "slut_ensam" nås aldrig från start. Låt ett val leda hit eller ta bort noden.',
    'scenarios/disken.yaml:84:3: fel: Noden snurr leder bara tillbaka till sig själv: den som kommer hit når aldrig något slut. Låt ett val leda mot ett slut, och kontrollera villkoren (when) på de val som gör det.',
    'scenarios/disken.yaml:79:3: fel: Från noden "vag" går det inte att nå något slut. Låt minst ett val leda vidare mot ett slut.',
  ],
  'duplicate-choice': [
    'scenarios/disken.yaml:27:13: fel: Valet "lugna" finns två gånger i samma situation. Ge varje val ett eget id.',
  ],
  'duplicate-node': [
    'scenarios/disken.yaml:79:3: fel: Nyckeln "slut_bra" står två gånger på samma nivå. Ta bort den ena eller ge den ett eget namn.',
  ],
  'empty-file': [
    'scenarios/tom.yaml:1:1: fel: Filen är tom. Skriv innehållet eller ta bort filen.',
  ],
  'ending-never-reached': [
    'scenarios/disken.yaml:80:3: fel: Slutet "slut_ensam" nås aldrig: alla vägar hit har villkor (when) som aldrig kan vara uppfyllda. Ändra villkoren eller låt ett val utan villkor leda hit.',
  ],
  'flag-never-set': [
    'scenarios/disken.yaml:51:23: fel: Flaggan "lung" läses här men sätts aldrig av något val, så villkoret fungerar inte som tänkt. Lägg till sets: [lung] på ett val eller rätta stavningen. Menade du "lugn"?',
    'scenarios/disken.yaml:25:16: varning: Flaggan "lugn" sätts här men läses aldrig i något villkor (when). Använd den i ett villkor eller ta bort den.',
  ],
  'huge-file': [
    'scenarios/stor.yaml:1:1: fel: Filen är 5120 kB, över gränsen 1024 kB, och läses inte. En scenariofil är bara några kB: kontrollera att det är rätt fil, och dela upp den om den verkligen är så stor.',
  ],
  'id-file-mismatch': [
    'scenarios/vid_disken.yaml:1:5: fel: Scenariots id "disken" ska vara samma som filnamnet (vid_disken.yaml). Byt namn på filen eller ändra id.',
    'locales/en/scenarios/disken.json:1:1: varning: Översättningsfilen saknas (en). Den svenska texten visas i stället. Skapa den med npm run translate -- en och läs in den med npm run translate -- en --import.',
  ],
  'invalid-utf8': [
    'scenarios/latin1.yaml:3:10: fel: Filen är inte sparad som UTF-8 (teckenkodningen blir fel på den här raden). Spara den som UTF-8 i din editor, så blir å, ä och ö rätt.',
  ],
  'missing-start': [
    'scenarios/disken.yaml:13:8: fel: Startnoden "disk" finns inte. Skriv id för en nod under nodes. Menade du "disken"?',
    'course/course.yaml:5:11: fel: Målgruppen "staff" kan aldrig bli godkänd: disken går inte att slutföra, så kursen blir aldrig klar. Rätta felen i scenariot.',
  ],
  'missing-outcome': [
    'scenarios/disken.yaml:73:3: fel: Nyckeln "outcome" saknas här. Lägg till den med ett av värdena: good, acceptable, poor.',
  ],
  'missing-target': [
    'scenarios/disken.yaml:72:15: fel: Valet leder till "slut_ensm", som inte finns. Skriv id för en nod under nodes. Menade du "slut_ensam"?',
  ],
  'missing-translation': [
    'locales/en/scenarios/disken.json:1:1: varning: Översättning saknas för "title" (en). Den svenska texten visas i stället. Kör npm run translate -- en, skriv översättningen i arbetsfilen under translations/en/ och läs in den med npm run translate -- en --import.',
  ],
  'orphaned-translation': [
    'locales/en/scenarios/disken.json:3:3: varning: Översättningen "subtitle" (en) hör inte till någon text i källan. Ta bort den.',
  ],
  'out-of-range': [
    'scenarios/disken.yaml:21:17: fel: "points" är för stort: högst 10. Ändra värdet.',
    'scenarios/disken.yaml:31:19: fel: Texten i "feedback" är tom. Skriv en text.',
    'scenarios/disken.yaml:35:12: fel: Texten i "label" är för lång: 260 tecken, högst 250. Korta den.',
    'scenarios/disken.yaml:39:7: fel: Listan "options" har för få poster (1): minst 2. Lägg till fler.',
    'scenarios/disken.yaml:75:16: fel: Listan "takeaways" har för många poster (9): högst 8. Ta bort några.',
  ],
  'pass-mark-unreachable': [
    'scenarios/disken.yaml:52:3: fel: Noden "efter" nås aldrig från start. Låt ett val leda hit eller ta bort noden.',
    'scenarios/disken.yaml:78:3: fel: Noden "slut_bra" nås aldrig från start. Låt ett val leda hit eller ta bort noden.',
    'scenarios/disken.yaml:84:3: fel: Noden "slut_ensam" nås aldrig från start. Låt ett val leda hit eller ta bort noden.',
    'scenarios/disken.yaml:47:3: fel: Noden snurr leder bara tillbaka till sig själv: den som kommer hit når aldrig något slut. Låt ett val leda mot ett slut, och kontrollera villkoren (when) på de val som gör det.',
    'scenarios/disken.yaml:15:3: fel: Från noden "disken" går det inte att nå något slut. Låt minst ett val leda vidare mot ett slut.',
    'scenarios/disken.yaml:33:3: fel: Från noden "fragan" går det inte att nå något slut. Låt minst ett val leda vidare mot ett slut.',
    'course/course.yaml:5:11: fel: Målgruppen "staff" kan aldrig bli godkänd: disken går inte att slutföra, så kursen blir aldrig klar. Rätta felen i scenariot.',
  ],
  'placeholder-missing': [
    'scenarios/disken.yaml:28:15: fel: Platshållaren "region.larmm" saknas i regionprofilen course/regions/generic.yaml. Lägg till larmm under values där, eller rätta namnet. Menade du "larm"?',
  ],
  'placeholder-unknown': [
    'scenarios/disken.yaml:17:11: fel: Platshållaren "regin.name" är okänd. I texter kan du bara använda region.name och region.<namn> för ett namn under values i regionprofilerna. Menade du "region.name"?',
  ],
  'scenario-id-clash': [
    'scenarios/disken_kopia.yaml:1:5: fel: Scenariots id "disken" ska vara samma som filnamnet (disken_kopia.yaml). Byt namn på filen eller ändra id.',
    'scenarios/disken_kopia.yaml:1:5: fel: Scenariot "disken" finns redan i scenarios/disken.yaml. Två filer kan inte ha samma id: ändra id i den ena (och filnamnet, så att de stämmer).',
  ],
  'stale-translation': [
    'locales/en/scenarios/disken.json:2:3: varning: Översättningen "title" (en) gjordes för en äldre svensk text. Kör npm run translate -- en, uppdatera översättningen, skriv status: klar och läs in den med npm run translate -- en --import.',
  ],
  'suspend-data-too-long': [
    'course/course.yaml:8:3: fel: Målgruppen "staff": sparade framsteg (suspend_data) kan bli 4802 tecken, mer än de 4096 som SCORM 1.2 tillåter. Dela målgruppens scenarier på två målgrupper eller korta de längsta vägarna.',
  ],
  'title-too-long': [
    'scenarios/disken.yaml:3:8: varning: Titeln är 294 tecken. LMS-rapporter i SCORM 2004 visar bara 250 tecken och kortar resten. Korta titeln.',
  ],
  'trap-loop': [
    'scenarios/disken.yaml:89:81: fel: Flaggan "aldrig" läses här men sätts aldrig av något val, så villkoret fungerar inte som tänkt. Lägg till sets: [aldrig] på ett val eller rätta stavningen.',
    'scenarios/disken.yaml:90:3: fel: Slutet "slut_ensam" nås aldrig: alla vägar hit har villkor (when) som aldrig kan vara uppfyllda. Ändra villkoren eller låt ett val utan villkor leda hit.',
    'scenarios/disken.yaml:79:3: fel: Noderna snurr, virvel bildar en slinga utan väg ut: den som kommer in i den når aldrig något slut. Låt ett val i slingan leda mot ett slut, och kontrollera villkoren (when) på de val som gör det.',
  ],
  'trap-loop-conditional': [
    'scenarios/disken.yaml:79:3: fel: Den som kommer till snurr via disken.lugna → fragan.rapport → efter.ga_hem kommer aldrig därifrån till något slut: valen som leder ut har villkor (when) som inte är uppfyllda för den vägen. Ändra villkoren eller lägg till ett val utan villkor som leder ut.',
    'course/course.yaml:8:3: varning: Målgruppen "staff": disken har slingor som kan gås runt hur många gånger som helst, och varje varv gör sparade framsteg (suspend_data) längre än 47 tecken. Efter mycket många varv går de över 4096 tecken i SCORM 1.2. Överväg att slingan leder ut efter ett par varv.',
  ],
  'unknown-audience': [
    'scenarios/disken.yaml:5:13: fel: Målgruppen "staf" finns inte i course/course.yaml. Rätta namnet eller lägg till målgruppen där. Menade du "staff"?',
  ],
  'unknown-chose': [
    'scenarios/disken.yaml:65:24: fel: Villkoret chose pekar på "disken.lugn", som inte är något val i scenariot. Skriv nodens id, en punkt och valets id. Menade du "disken.lugna"?',
  ],
  'unknown-key': [
    'scenarios/disken.yaml:1:1: fel: Nyckeln "estimatedMinutes" saknas här. Lägg till den.',
    'scenarios/disken.yaml:7:1: fel: Okänd nyckel "estimatedMinuts". Ta bort den eller rätta stavningen. Menade du "estimatedMinutes"?',
  ],
  'unknown-reference': [
    'scenarios/disken.yaml:24:22: fel: Källan "afz" finns inte under references. Lägg till den där eller rätta stavningen. Menade du "afs"?',
    'scenarios/disken.yaml:11:9: varning: Källan "afs" används inte av något val. Hänvisa till den med references eller ta bort den.',
  ],
  'unknown-scenario': [
    'course/course.yaml:12:9: fel: Målgruppen "staff" listar scenariot "disk", som inte finns i scenarios/. Rätta id eller lägg till scenarios/disk.yaml. Menade du "disken"?',
  ],
  'unreachable-node': [
    'scenarios/disken.yaml:79:3: fel: Noden "slut_ensam" nås aldrig från start. Låt ett val leda hit eller ta bort noden.',
  ],
  'wrong-type': [
    'scenarios/disken.yaml:21:17: fel: Här ska det stå ett tal. Ändra värdet.',
  ],
  'tab-indent': [
    'scenarios/disken.yaml:76:1: fel: Filen är inte giltig YAML här. Raden är indragen med tabb. Använd bara mellanslag för indrag. (YAML-tolkens förklaring: Tabs are not allowed as indentation)',
  ],
  'misplaced-key': [
    'scenarios/disken.yaml:67:9: fel: Nyckeln "next" saknas här. Lägg till den.',
    'scenarios/disken.yaml:72:5: fel: Nyckeln "next" hör inte hemma på den här nivån. Kontrollera indraget: den ska troligen stå längre in eller längre ut, under rätt block (jämför med exemplet i scenarios/README.md).',
  ],
  'yaml-syntax': [
    'scenarios/disken.yaml:85:1: fel: Filen är inte giltig YAML här. Ett citattecken eller en klammer öppnas men stängs aldrig. Text med kolon eller citattecken skriver du enklast efter | på egna rader. (YAML-tolkens förklaring: Missing closing "quote)',
  ],
};

const disposers: (() => void)[] = [];
afterAll(() => disposers.forEach((d) => d()));

function check(caseName?: string) {
  const { root, dispose } = projectWith(caseName);
  disposers.push(dispose);
  return loadProject(root);
}

describe('the checker on the fixtures', () => {
  it('finds nothing wrong with the base project, and can pass it', () => {
    const { project, problems } = check();
    expect(problems.map(text.format)).toEqual([]);
    expect(text.tables(project)).toEqual([
      'Scenarier',
      'scenario  noder  beslut  slut  poäng min–max  vägar',
      '────────  ─────  ──────  ────  ─────────────  ─────',
      'disken        5       3     2            1–5     10',
      '',
      'Målgrupper',
      'målgrupp  scenarier  maxpoäng  godkänt vid  går att klara  suspend_data högst',
      '────────  ─────────  ────────  ───────────  ─────────────  ──────────────────',
      'staff             1         5         70 %             ja           45 / 4096',
    ]);
  });

  it('has a case for every broken fixture and at least 25 of them', () => {
    expect(brokenCases()).toEqual(Object.keys(expected).sort());
    expect(brokenCases().length).toBeGreaterThanOrEqual(25);
  });

  it.each(Object.entries(expected))('%s', (caseName, messages) => {
    const { problems } = check(caseName);
    expect(problems.map(text.format)).toEqual(messages);
    // Every case is an error that stops the build, or a warning the build lets through.
    expect(hasErrors(problems)).toBe(messages.some((m) => /: fel: /.test(m)));
  }, 30_000); // suspend-data-too-long writes and checks 4,050 questions

  it('says the same in English on request', () => {
    const { problems } = check('missing-target');
    expect(problems.map(textEn.format)).toEqual([
      'scenarios/disken.yaml:72:15: error: The choice leads to "slut_ensm", which does not exist. Write the id of a node under nodes. Did you mean "slut_ensam"?',
    ]);
    expect(check('out-of-range').problems.map(textEn.format)).toEqual([
      'scenarios/disken.yaml:21:17: error: "points" is too large: at most 10. Change the value.',
      'scenarios/disken.yaml:31:19: error: The text of "feedback" is empty. Write a text.',
      'scenarios/disken.yaml:35:12: error: The text of "label" is too long: 260 characters, at most 250. Shorten it.',
      'scenarios/disken.yaml:39:7: error: The list "options" has too few items (1): at least 2. Add more.',
      'scenarios/disken.yaml:75:16: error: The list "takeaways" has too many items (9): at most 8. Remove some.',
    ]);
  });
});
