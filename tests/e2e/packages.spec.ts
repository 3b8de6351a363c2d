import { expect, test } from './fixtures.ts';
import { unzipSync } from 'fflate';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateManifest } from '../../scorm/package.ts';

const dist = resolve(import.meta.dirname, '../../dist');
const zips = readdirSync(dist).filter((f) => f.endsWith('.zip'));

test('the build wrote a SCORM 1.2 and a 2004 package for the staff audience', () => {
  expect(zips).toEqual(expect.arrayContaining([
    'trygg-i-uppdraget-generic-staff-scorm12.zip',
    'trygg-i-uppdraget-generic-staff-scorm2004.zip',
  ]));
});

for (const zip of zips) {
  test(`${zip}: the manifest passes the official XSDs and the rules, and lists every file`, async () => {
    const version = zip.endsWith('-scorm12.zip') ? '1.2' : '2004';
    const files = unzipSync(readFileSync(resolve(dist, zip)));
    const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
    expect(await validateManifest(manifest, version, Object.keys(files))).toEqual([]);
    // The player inside is told which API to look for, and carries its security policy.
    const html = new TextDecoder().decode(files['index.html']);
    expect(html).toContain(`<meta name="scorm-version" content="${version}"`);
    expect(html).toContain('Content-Security-Policy');
    // One script starts the player; the other scripts are scenario texts it imports when needed.
    expect(html.match(/<script\b[^>]*>/g)).toEqual([expect.stringMatching(/ src="\.\/assets\/index-[\w-]+\.js"/)]);
  });
}
