import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildManifest, type ManifestInput, type ScormVersion } from '../../scorm/manifest.ts';
import { InvalidPackageError, validateManifest, writePackage } from '../../scorm/package.ts';
import { checkManifestRules } from '../../scorm/rules.ts';
import { parseXml } from '../../scorm/xml-tree.ts';
import { officialSchemaFiles } from '../../scorm/xsd.ts';

const courseFiles = ['index.html', 'assets/app.js', 'assets/app.css', 'bilder/hot och våld.svg'];

function input(version: ScormVersion, files = courseFiles): ManifestInput {
  return {
    version,
    identifier: 'trygg_i_uppdraget_generic_staff',
    courseVersion: '1',
    title: 'Trygg i uppdraget – hot & våld <grund>',
    passMark: 70,
    launch: 'index.html',
    files,
  };
}

/** Replaces `from` (which must occur) in the manifest, so a test cannot silently break nothing. */
function mutate(manifest: string, from: string | RegExp, to: string): string {
  const changed = manifest.replace(from, to);
  if (changed === manifest) throw new Error(`mutation did not apply: ${String(from)}`);
  return changed;
}

const versions: ScormVersion[] = ['1.2', '2004'];
const schemaNames = new Map<ScormVersion, string[]>();
beforeAll(async () => {
  for (const v of versions) schemaNames.set(v, [...(await officialSchemaFiles(v)).keys()]);
});
const packageFiles = (v: ScormVersion): string[] => ['imsmanifest.xml', ...(schemaNames.get(v) ?? []), ...courseFiles];

describe.each(versions)('SCORM %s manifest', (version) => {
  const good = buildManifest(input(version));
  const scormType = version === '1.2' ? 'adlcp:scormtype' : 'adlcp:scormType';
  const problemsOf = (manifest: string, files = packageFiles(version)) => validateManifest(manifest, version, files);
  const expectRejected = async (manifest: string, ...patterns: RegExp[]) => {
    const problems = (await problemsOf(manifest)).join('\n');
    for (const pattern of patterns) expect(problems).toMatch(pattern);
  };

  it('passes the official XSDs and the rules', async () => {
    expect(await problemsOf(good)).toEqual([]);
  });

  it('escapes the title and percent-encodes file names', () => {
    expect(good).toContain('<title>Trygg i uppdraget – hot &amp; våld &lt;grund&gt;</title>');
    expect(good).toContain('<file href="bilder/hot%20och%20v%C3%A5ld.svg"/>');
  });

  it('rejects a wrong namespace', async () => {
    const wrong = version === '1.2' ? 'http://www.imsglobal.org/xsd/imscp_v1p1' : 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
    await expectRejected(mutate(good, /xmlns="[^"]*"/, `xmlns="${wrong}"`), /root must be <manifest> in namespace/, /No matching global declaration/);
  });

  it('rejects an identifierref to nothing', async () => {
    await expectRejected(mutate(good, 'identifierref="trygg_i_uppdraget_generic_staff_res"', 'identifierref="nope"'), /identifierref="nope", which matches no resource/);
  });

  it('rejects a duplicate identifier', async () => {
    await expectRejected(mutate(good, '_sco"', '_org"'), /identifier "trygg_i_uppdraget_generic_staff_org" is already used on line \d+/);
  });

  it('rejects a default that names no organization', async () => {
    await expectRejected(mutate(good, 'default="trygg_i_uppdraget_generic_staff_org"', 'default="other"'), /default="other"> must name one of its organizations/);
  });

  it('rejects identifierref on an item with child items', async () => {
    const nested = mutate(good, /(<item identifier="[^"]*_sco" identifierref="[^"]*" isvisible="true">\s*<title>[^<]*<\/title>)/, '$1<item identifier="child" identifierref="trygg_i_uppdraget_generic_staff_res"><title>x</title></item>');
    await expectRejected(nested, /item "trygg_i_uppdraget_generic_staff_sco" has child items, so it must not have identifierref/);
  });

  it('rejects a leading-slash, backslash or ".." href', async () => {
    await expectRejected(mutate(good, 'href="assets/app.js"', 'href="/assets/app.js"'), /href "\/assets\/app.js" must be relative/);
    await expectRejected(mutate(good, 'href="assets/app.js"', 'href="assets\\app.js"'), /must use '\/' between folders/);
    await expectRejected(mutate(good, 'href="assets/app.js"', 'href="../assets/app.js"'), /must not contain '\.\.'/);
  });

  it('rejects a file the manifest does not list, and a listed file the package lacks', async () => {
    expect((await problemsOf(good, [...packageFiles(version), 'assets/extra.css'])).join('\n')).toMatch(/the package contains "assets\/extra.css", but no <file> lists it/);
    const missing = packageFiles(version).filter((f) => f !== 'assets/app.css');
    expect((await problemsOf(good, missing)).join('\n')).toMatch(/<file> lists "assets\/app.css", but the package does not contain it/);
  });

  it('rejects a resource without the scorm type attribute', async () => {
    await expectRejected(mutate(good, ` ${scormType}="sco"`, ''), new RegExp(`lacks ${scormType}`));
  });

  it('rejects unknown extension elements (strict wildcards)', async () => {
    await expectRejected(mutate(good, '</item>', '<adlcp:bogus/></item>'), /bogus': No matching global element declaration/);
  });

  it('rejects a manifest that is not well-formed', async () => {
    await expectRejected(mutate(good, '</manifest>', '</manifes>'), /not well-formed: line \d+: <\/manifes> does not close <manifest>/);
  });

  if (version === '1.2') {
    it('rejects a missing or non-numeric masteryscore', async () => {
      await expectRejected(mutate(good, /<adlcp:masteryscore>70<\/adlcp:masteryscore>/, ''), /needs <adlcp:masteryscore>/);
      await expectRejected(mutate(good, '>70<', '>high<'), /masteryscore "high" must be a number 0–100/);
    });
  } else {
    it('puts the pass mark into minNormalizedMeasure', () => {
      expect(good).toContain('<imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>');
    });

    it('rejects deliveryControls before objectives', async () => {
      const swapped = mutate(good, /(<imsss:objectives>[^]*<\/imsss:objectives>)(\s*)(<imsss:deliveryControls[^>]*>)/, '$3$2$1');
      await expectRejected(swapped, /imsss\}objectives': This element is not expected/);
    });

    it('rejects minNormalizedMeasure 1.5', async () => {
      await expectRejected(mutate(good, '>0.7<', '>1.5<'), /minNormalizedMeasure': \[facet 'maxInclusive'\]/, /minNormalizedMeasure "1.5" must be a decimal between 0 and 1/);
    });

    it('rejects missing satisfiedByMeasure and content-set delivery controls', async () => {
      await expectRejected(mutate(good, 'satisfiedByMeasure="true"', 'satisfiedByMeasure="false"'), /primaryObjective satisfiedByMeasure="true"/);
      await expectRejected(mutate(good, 'objectiveSetByContent="true"', ''), /deliveryControls completionSetByContent="true" objectiveSetByContent="true"/);
    });

    it('rejects the 1.2 spelling adlcp:scormtype', async () => {
      await expectRejected(mutate(good, 'adlcp:scormType=', 'adlcp:scormtype='), /lacks adlcp:scormType/, /scormtype': No matching global attribute/);
    });
  }
});

describe('buildManifest input checks', () => {
  it.each([
    [{ identifier: '1course' }, /identifier "1course"/],
    [{ passMark: 72.5 }, /passMark 72.5 must be an integer/],
    [{ launch: 'start.html' }, /launch file "start.html" is not among the files/],
    [{ files: ['index.html', '/abs.js'] }, /file "\/abs.js" must be a relative path/],
  ])('rejects %o', (change, pattern) => {
    expect(() => buildManifest({ ...input('2004'), ...change })).toThrow(pattern);
  });
});

describe('xml-tree', () => {
  it('resolves namespaces and decodes entities', () => {
    const root = parseXml('<?xml version="1.0"?><a xmlns="urn:a" xmlns:b="urn:b"><b:c b:x="1 &amp; 2">&lt;&#229;<![CDATA[&]]></b:c></a>');
    expect(root).toMatchObject({ ns: 'urn:a', local: 'a' });
    expect(root.children[0]).toMatchObject({ ns: 'urn:b', local: 'c', text: '<å&', attributes: [{ ns: 'urn:b', local: 'x', value: '1 & 2' }] });
  });

  it.each([
    ['<a><b></a>', /<\/a> does not close <b>/],
    ['<a>', /never closed/],
    ['<a x="1" x="2"/>', /appears twice/],
    ['<p:a/>', /prefix "p" is not declared/],
    ['<a>x & y</a>', /'&' must be escaped/],
    ['<!DOCTYPE a><a/>', /DOCTYPE/],
    ['<a/><b/>', /content after the root/],
    ['<a x=1/>', /must be quoted/],
  ])('rejects %s', (xml, pattern) => {
    expect(() => parseXml(xml)).toThrow(pattern);
    expect(checkManifestRules(xml, { version: '1.2', packageFiles: [] })[0]).toMatch(/not well-formed/);
  });
});

describe('writePackage', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scorm-package-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const files = new Map(courseFiles.map((f) => [f, new TextEncoder().encode(`content of ${f}`)]));
  const manifest = { identifier: 'trygg', courseVersion: '3', title: 'Trygg i uppdraget', passMark: 80, launch: 'index.html' };

  it.each(versions)('SCORM %s zip holds the manifest, the XSDs at root and every file, reproducibly', async (version) => {
    const outFile = join(dir, version, 'course.zip');
    const result = await writePackage({ version, outFile, files, manifest });
    const first = await readFile(outFile);
    const entries = unzipSync(first);
    const schemas = await officialSchemaFiles(version);
    expect(Object.keys(entries).sort()).toEqual(['imsmanifest.xml', ...schemas.keys(), ...courseFiles].sort());
    for (const [path, data] of [...files, ...schemas]) expect(entries[path]).toEqual(data);
    expect(new TextDecoder().decode(entries['imsmanifest.xml'])).toContain('identifier="trygg"');
    expect(result).toEqual({ bytes: first.length, fileCount: 1 + schemas.size + courseFiles.length });

    const again = join(dir, version, 'again.zip');
    await writePackage({ version, outFile: again, files, manifest });
    expect(Buffer.compare(first, await readFile(again))).toBe(0);
  });

  it('accepts a full ManifestInput that agrees with the package, and refuses one that does not', async () => {
    const full = { ...manifest, version: '1.2' as const, files: [...courseFiles].reverse() };
    await expect(writePackage({ version: '1.2', outFile: join(dir, 'full.zip'), files, manifest: full })).resolves.toMatchObject({ fileCount: 9 });
    const wrong = writePackage({ version: '2004', outFile: join(dir, 'wrong.zip'), files, manifest: { ...full, files: ['index.html'] } });
    await expect(wrong).rejects.toThrow(/manifest.version 1.2 ≠ version 2004\n- manifest.files differs/);
  });

  it('refuses a course file that would overwrite a root schema file', async () => {
    const clash = new Map([...files, ['imscp_v1p1.xsd', new Uint8Array()]]);
    await expect(writePackage({ version: '2004', outFile: join(dir, 'clash.zip'), files: clash, manifest })).rejects.toThrow(InvalidPackageError);
  });
});
