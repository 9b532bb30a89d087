// How tests find their servers: the Docker ping, the fallback order and the error when there is nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { dockerAnswers, uniquePrefix } from '../../support/index.js';
import { rootPath } from '../../../services/lib/paths.js';

async function withSocketServer(status: number, run: (dockerHost: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hb-docker-'));
  const socket = join(dir, 'docker.sock');
  const server: Server = createServer((req, res) => {
    res.statusCode = req.url === '/_ping' ? status : 404;
    res.end('OK');
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  try {
    await run(`unix://${socket}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a Docker engine counts as answering only when GET /_ping on its socket is 200', async () => {
  await withSocketServer(200, async (host) => assert.equal(await dockerAnswers({ DOCKER_HOST: host }), true));
  await withSocketServer(500, async (host) => assert.equal(await dockerAnswers({ DOCKER_HOST: host }), false));
  assert.equal(await dockerAnswers({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' }), false);
});

test('with no servers in the environment, no servers.env and no Docker, the error says to use make test', async () => {
  const runDir = mkdtempSync(join(tmpdir(), 'hb-run-'));
  const servers = pathToFileURL(rootPath('dist/test/support/servers.js')).href;
  const script = `import(${JSON.stringify(servers)}).then((m) => m.kafkaBrokers()).then(
    (b) => { console.log('resolved ' + b); process.exit(0); },
    (e) => { console.log(e.message); process.exit(3); })`;
  const env = { PATH: process.env.PATH, HB_RUN_DIR: runDir, DOCKER_HOST: 'unix:///nonexistent/docker.sock' };
  try {
    const err = await promisify(execFile)(process.execPath, ['-e', script], { env }).then(
      () => assert.fail('kafkaBrokers() resolved without any server'),
      (e: { code: number; stdout: string }) => e,
    );
    assert.equal(err.code, 3);
    assert.match(err.stdout, /KAFKA_BROKERS is not set and no Docker engine answers.*make test/);
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
});

test('unique prefixes are distinct and valid as topic, group and Redis key prefixes', () => {
  const prefixes = new Set(Array.from({ length: 1000 }, () => uniquePrefix('My Test!')));
  assert.equal(prefixes.size, 1000);
  for (const p of prefixes) assert.match(p, /^mytest[a-z0-9]+$/);
});
