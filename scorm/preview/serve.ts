/**
 * The preview LMS's server: the built preview page (build/preview/) at `/`, the package list at
 * `/api/packages`, and each `dist/*.zip` unzipped in memory at `/pkg/<name>/<path>`. Node only, no
 * dependencies beyond fflate; binds to 127.0.0.1. Page and packages share one origin on purpose:
 * the course finds the LMS API by walking `window.parent`, which only works same-origin.
 *
 *   npx tsx scorm/preview/serve.ts [--port 4173] [--open]
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PackageStore } from './package-store.ts';

export interface PreviewServerOptions {
  /** 0 picks a free port (tests). Default 4173. */
  port?: number;
  /**
   * Project root; `dist/` and `build/preview/` are found under it. Default: this repository. A root
   * without `build/preview/` gets this repository's built page.
   */
  root?: string;
  /** Where the zips are; default `<root>/dist`. */
  distDir?: string;
  /** The built preview page; default `<root>/build/preview`. */
  pageDir?: string;
  /** Reports a zip that cannot be unzipped; default: a line on stderr. */
  onWarning?: (message: string) => void;
  /** Where the port came from (`--port`, `PREVIEW_PORT`), for the message when it is taken. */
  portSource?: string;
}

export interface PreviewServer {
  /** e.g. `http://127.0.0.1:4173/` */
  url: string;
  port: number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.xsd': 'application/xml; charset=utf-8',
  '.dtd': 'application/xml-dtd; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
};

export const contentType = (path: string): string => CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

const DEFAULT_ROOT = resolve(import.meta.dirname, '../..');

/**
 * A port that cannot be had, said as what to do: most often an earlier `npm start` or a
 * browser-test run still holds 4173, and Node's own "listen EADDRINUSE" names neither the way
 * out nor the variable the browser tests read. Other errors pass through as they are.
 */
export function listenError(error: Error & { code?: string }, port: number, source: string): Error {
  const another = port >= 1024 && port < 65535 ? port + 1 : 4174;
  const choose =
    `choose another port: npm start -- --port ${another}, npx tsx scorm/preview/serve.ts --port ${another}, ` +
    `or PREVIEW_PORT=${another} in the environment (the browser tests read the same variable).`;
  if (error.code === 'EADDRINUSE') {
    return new Error(`port ${port} (${source}) on 127.0.0.1 is already in use, perhaps by an earlier npm start or a browser-test run. Stop that program, or ${choose}`, { cause: error });
  }
  if (error.code === 'EACCES') {
    return new Error(`port ${port} (${source}) needs privileges this user does not have (ports below 1024 usually do), so ${choose}`, { cause: error });
  }
  return error;
}

/**
 * The path's segments, decoded; null if it is not a clean relative path (`..`, `.`, backslashes,
 * NUL, or undecodable escapes), whether written plainly or percent-encoded.
 */
export function cleanSegments(rawPath: string): string[] | null {
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (seg === '..' || seg === '.' || seg.includes('/') || seg.includes('\\') || seg.includes('\0')) return null;
    segments.push(seg);
  }
  return segments;
}

export async function startPreviewServer(options: PreviewServerOptions = {}): Promise<PreviewServer> {
  const root = resolve(options.root ?? DEFAULT_ROOT);
  // A test's root usually holds only dist/: the page then comes from this repository's build.
  const ownPage = join(root, 'build/preview');
  const pageDir = resolve(options.pageDir ?? (existsSync(ownPage) ? ownPage : join(DEFAULT_ROOT, 'build/preview')));
  const store = new PackageStore(resolve(options.distDir ?? join(root, 'dist')));
  const warn = options.onWarning ?? ((m: string) => console.error(m));
  store.warm((file, error) => warn(`preview: cannot unzip dist/${file}: ${String(error)}`));

  function send(res: ServerResponse, status: number, type: string, body: Uint8Array | string, head: boolean): void {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(head ? undefined : body);
  }
  const text = (res: ServerResponse, status: number, message: string, head: boolean): void =>
    send(res, status, 'text/plain; charset=utf-8', `${message}\n`, head);

  function pageFile(segments: string[]): Uint8Array | null {
    const path = resolve(pageDir, ...(segments.length === 0 || segments.at(-1) === '' ? [...segments.slice(0, -1), 'index.html'] : segments));
    if (path !== pageDir && !path.startsWith(pageDir + sep)) return null;
    try {
      return statSync(path).isFile() ? readFileSync(path) : null;
    } catch {
      return null;
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('Allow', 'GET, HEAD');
      return text(res, 405, 'Method not allowed', head);
    }
    const rawPath = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
    const segments = rawPath.startsWith('/') ? cleanSegments(rawPath.slice(1)) : null;
    if (!segments) return text(res, 400, 'Bad path', head);

    if (segments.join('/') === 'api/packages') {
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(store.list()), head);
    }
    if (segments[0] === 'pkg') {
      const [, name = '', ...rest] = segments;
      const path = rest.join('/');
      let bytes: Uint8Array | null;
      try {
        bytes = store.file(name, path);
      } catch (error) {
        return text(res, 500, `Cannot read ${name}.zip: ${String(error)}`, head);
      }
      if (!bytes) return text(res, 404, `Not in package ${name}: ${path}`, head);
      return send(res, 200, contentType(path || 'index.html'), bytes, head);
    }
    const bytes = pageFile(segments);
    if (bytes) return send(res, 200, contentType(segments.at(-1) || 'index.html'), bytes, head);
    if (segments.length <= 1 && (segments[0] ?? '') === '') {
      return text(res, 503, 'The preview page is not built. Run: npx vite build --config scorm/preview/vite.config.ts', head);
    }
    return text(res, 404, 'Not found', head);
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      if (!res.headersSent) text(res, 500, String(error), false);
      else res.destroy();
    }
  });
  const requested = options.port ?? 4173;
  await new Promise<void>((done, fail) => {
    server.once('error', (error) => fail(listenError(error, requested, options.portSource ?? 'the default')));
    server.listen(requested, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}

/** Opens the URL in the desktop's browser if there is one; never fails the server. */
function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener: the printed URL is enough.
  }
}

function argValue(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
}

async function main(args: string[]): Promise<void> {
  const given = argValue(args, '--port');
  const portSource = given !== undefined ? 'from --port' : process.env.PREVIEW_PORT !== undefined ? 'from PREVIEW_PORT' : 'the default';
  const raw = given ?? process.env.PREVIEW_PORT ?? '4173';
  const port = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`the port (${portSource}) must be a number from 0 to 65535, got "${raw}"`);
  }
  const root = argValue(args, '--root');
  const dist = argValue(args, '--dist');
  const server = await startPreviewServer({ port, portSource, ...(root ? { root } : {}), ...(dist ? { distDir: resolve(dist) } : {}) });
  console.log(`Preview LMS: ${server.url}`);
  if (args.includes('--open')) openBrowser(server.url);
  const stop = (): void => {
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const invokedAs = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (invokedAs === realpathSync(fileURLToPath(import.meta.url))) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`preview: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
