import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listenError, startPreviewServer } from '../../scorm/preview/serve.ts';

const root = resolve(import.meta.dirname, '../..');

/** A port some other program holds for the length of the test. */
const taken: Server = createServer();
const port = await new Promise<number>((done) => taken.listen(0, '127.0.0.1', () => done((taken.address() as { port: number }).port)));
afterAll(() => new Promise<void>((done) => taken.close(() => done())));

const busy = (source: string) =>
  `port ${port} (${source}) on 127.0.0.1 is already in use, perhaps by an earlier npm start or a browser-test run. Stop that program, or choose another port: ` +
  `npm start -- --port ${port + 1}, npx tsx scorm/preview/serve.ts --port ${port + 1}, or PREVIEW_PORT=${port + 1} in the environment (the browser tests read the same variable).`;

describe('the preview server on a port that is taken', () => {
  it('says which port, where it came from and how to choose another', async () => {
    await expect(startPreviewServer({ port, portSource: 'from --port', onWarning: () => {} })).rejects.toThrow(busy('from --port'));
  });

  it('passes other errors through as they are', () => {
    const other = Object.assign(new Error('boom'), { code: 'EMFILE' });
    expect(listenError(other, port, 'the default')).toBe(other);
  });

  it('the command prints that, not a stack, and exits non-zero, with --port or PREVIEW_PORT', { timeout: 30_000 }, () => {
    const serve = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scorm/preview/serve.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 20_000 });
    const byFlag = serve(['--port', String(port)]);
    expect(byFlag.status).toBe(1);
    expect(byFlag.stderr.trim()).toBe(`preview: ${busy('from --port')}`);
    const byEnv = serve([], { PREVIEW_PORT: String(port) });
    expect(byEnv.status).toBe(1);
    expect(byEnv.stderr.trim()).toBe(`preview: ${busy('from PREVIEW_PORT')}`);
  });
});
