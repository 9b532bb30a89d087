import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { createMetrics, startMetricsServer } from '../../services/runtime/index.js';

test('/metrics, /healthz and /readyz (ready only once the consumer joined)', async () => {
  const metrics = createMetrics();
  metrics.messages.inc({ stage: 'render' });
  metrics.latency.observe({ stage: 'render' }, 0.003);
  let ready = false;
  const server = await startMetricsServer(0, metrics.registry, { ready: () => ready });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    assert.equal((await fetch(`${base}/readyz`)).status, 503);
    ready = true;
    assert.equal((await fetch(`${base}/readyz`)).status, 200);
    const body = await (await fetch(`${base}/metrics`)).text();
    assert.match(body, /hb_stage_messages_total\{stage="render"\} 1/);
    assert.match(body, /hb_stage_latency_seconds_bucket/);
    assert.match(body, /hb_process_resident_memory_bytes/);
    assert.equal((await fetch(`${base}/nothing`)).status, 404);
  } finally {
    server.close();
  }
});
