/**
 * What the page learns about a package before launching it: the server's list, and from the
 * package's `imsmanifest.xml` the version, the launch file and the pass mark the LMS must preload
 * (1.2 `adlcp:masteryscore`, 2004 `imsss:minNormalizedMeasure`).
 */
import type { ScormVersion } from './conformance.ts';

export interface PackageListing {
  name: string;
  file: string;
  version: ScormVersion | null;
  size: number;
  modified: string;
}

export interface PackageInfo {
  name: string;
  version: ScormVersion;
  /** Launch file relative to the package root, e.g. `index.html`. */
  launch: string;
  /** 1.2 `cmi.student_data.mastery_score` (0–100), if the manifest gives one. */
  masteryScore: string | null;
  /** 2004 `cmi.scaled_passing_score` (−1…1), if the manifest gives one. */
  scaledPassingScore: string | null;
  /** 2004 `cmi.completion_threshold`, if the manifest gives one. */
  completionThreshold: string | null;
  title: string;
}

export const packageUrl = (name: string, path = ''): string => `pkg/${encodeURIComponent(name)}/${path}`;

export async function listPackages(): Promise<PackageListing[]> {
  const res = await fetch('api/packages', { cache: 'no-store' });
  if (!res.ok) throw new Error(`GET /api/packages answered ${res.status}`);
  return (await res.json()) as PackageListing[];
}

/** Elements by local name, whatever prefix the manifest gave their namespace. */
const byLocalName = (doc: Document, name: string): Element[] =>
  [...doc.getElementsByTagName('*')].filter((el) => el.localName === name);

/** The manifest's facts; `listed` (from the file name) wins over the manifest's schemaversion. */
export async function readPackage(listing: PackageListing): Promise<PackageInfo> {
  const res = await fetch(packageUrl(listing.name, 'imsmanifest.xml'), { cache: 'no-store' });
  if (!res.ok) throw new Error(`${listing.name} has no imsmanifest.xml (${res.status})`);
  const doc = new DOMParser().parseFromString(await res.text(), 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) throw new Error(`${listing.name}: imsmanifest.xml is not well-formed XML`);

  const schemaVersion = byLocalName(doc, 'schemaversion')[0]?.textContent?.trim() ?? '';
  const version: ScormVersion = listing.version ?? (schemaVersion === '1.2' ? '1.2' : '2004');
  const text = (name: string): string | null => byLocalName(doc, name)[0]?.textContent?.trim() || null;

  // The default organization's first item with a resource decides what to launch.
  const organizations = byLocalName(doc, 'organizations')[0];
  const defaultOrg = organizations?.getAttribute('default');
  const org = byLocalName(doc, 'organization').find((o) => o.getAttribute('identifier') === defaultOrg) ?? byLocalName(doc, 'organization')[0];
  const item = org ? [...org.getElementsByTagName('*')].find((el) => el.localName === 'item' && el.getAttribute('identifierref')) : undefined;
  const resource = byLocalName(doc, 'resource').find((r) => r.getAttribute('identifier') === item?.getAttribute('identifierref'));
  const href = resource?.getAttribute('href') ?? 'index.html';
  const params = item?.getAttribute('parameters') ?? '';

  const threshold = byLocalName(doc, 'completionThreshold')[0];
  return {
    name: listing.name,
    version,
    launch: href + params,
    masteryScore: version === '1.2' ? text('masteryscore') : null,
    scaledPassingScore: version === '2004' ? text('minNormalizedMeasure') : null,
    completionThreshold: version === '2004' ? (threshold?.getAttribute('minProgressMeasure') ?? threshold?.textContent?.trim() ?? null) || null : null,
    title: text('title') ?? listing.name,
  };
}
