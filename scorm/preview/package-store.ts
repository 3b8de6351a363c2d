/**
 * The built packages (`dist/*.zip`), unzipped into memory and read again whenever a zip's mtime
 * changes, so a rebuild shows up on the next request without restarting the preview server.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';

export type PackageVersion = '1.2' | '2004';

export interface PackageSummary {
  /** File name without `.zip`; the page addresses the package by it (`/pkg/<name>/…`). */
  name: string;
  file: string;
  /** From the name's suffix, `-scorm12.zip` or `-scorm2004.zip`; null when the name says neither. */
  version: PackageVersion | null;
  size: number;
  modified: string;
}

interface Unzipped {
  mtimeMs: number;
  size: number;
  files: Map<string, Uint8Array>;
}

export function versionFromName(file: string): PackageVersion | null {
  if (file.endsWith('-scorm12.zip')) return '1.2';
  if (file.endsWith('-scorm2004.zip')) return '2004';
  return null;
}

/** A package name is a plain file name: no separators, no dot segments. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class PackageStore {
  readonly #dir: string;
  readonly #cache = new Map<string, Unzipped>();

  constructor(distDir: string) {
    this.#dir = distDir;
  }

  list(): PackageSummary[] {
    let names: string[];
    try {
      names = readdirSync(this.#dir).filter((f) => f.endsWith('.zip')).sort();
    } catch {
      return []; // no dist/ yet: nothing built
    }
    return names.flatMap((file) => {
      try {
        const stat = statSync(join(this.#dir, file));
        const name = file.slice(0, -'.zip'.length);
        return [{ name, file, version: versionFromName(file), size: stat.size, modified: stat.mtime.toISOString() }];
      } catch {
        return [];
      }
    });
  }

  /** Unzips every package now, so the first request does not wait; broken zips are reported, not fatal. */
  warm(onError: (file: string, error: unknown) => void = () => {}): void {
    for (const { name, file } of this.list()) {
      try {
        this.#load(name);
      } catch (error) {
        onError(file, error);
      }
    }
  }

  /** The bytes of one file of a package, or null if there is no such package or file. */
  file(name: string, path: string): Uint8Array | null {
    if (!SAFE_NAME.test(name)) return null;
    const pkg = this.#load(name);
    if (!pkg) return null;
    return pkg.files.get(path) ?? (path === '' || path.endsWith('/') ? (pkg.files.get(`${path}index.html`) ?? null) : null);
  }

  #load(name: string): Unzipped | null {
    const zipPath = join(this.#dir, `${name}.zip`);
    let stat;
    try {
      stat = statSync(zipPath);
    } catch {
      this.#cache.delete(name);
      return null;
    }
    const cached = this.#cache.get(name);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
    const entries = unzipSync(readFileSync(zipPath));
    const files = new Map<string, Uint8Array>();
    for (const [path, bytes] of Object.entries(entries)) if (!path.endsWith('/')) files.set(path, bytes);
    const unzipped = { mtimeMs: stat.mtimeMs, size: stat.size, files };
    this.#cache.set(name, unzipped);
    return unzipped;
  }
}
