/**
 * Prometheus metrics of a stage process (prom-client) and the HTTP endpoint that serves them with the health
 * probes: /metrics, /healthz (the process is up), /readyz (the consumer has joined its group).
 * Later areas add their own counters to `registry`.
 */
import { createServer, type Server } from 'node:http';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface StageMetrics {
  registry: Registry;
  messages: Counter<'stage'>;
  errors: Counter<'stage' | 'code'>;
  deadLetters: Counter<'stage' | 'code'>;
  retries: Counter<'stage'>;
  latency: Histogram<'stage'>;
}

export function createMetrics(registry: Registry = new Registry(), withDefaults = true): StageMetrics {
  if (withDefaults) collectDefaultMetrics({ register: registry, prefix: 'hb_' });
  const registers = [registry];
  return {
    registry,
    messages: new Counter({ name: 'hb_stage_messages_total', help: 'Records a stage processed and passed on.', labelNames: ['stage'], registers }),
    errors: new Counter({ name: 'hb_stage_errors_total', help: 'Records a stage failed to process, by error code.', labelNames: ['stage', 'code'], registers }),
    deadLetters: new Counter({ name: 'hb_stage_dead_letters_total', help: 'Records a stage sent to the dead-letter topic, by error code.', labelNames: ['stage', 'code'], registers }),
    retries: new Counter({ name: 'hb_stage_retries_total', help: 'Retries of retriable errors.', labelNames: ['stage'], registers }),
    latency: new Histogram({
      name: 'hb_stage_latency_seconds',
      help: 'Time from taking a record to having its output ready, per stage.',
      labelNames: ['stage'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
  };
}

export interface Probes {
  ready(): boolean;
}

/** Resolves once listening; port 0 picks a free port (read it from `server.address()`). */
export async function startMetricsServer(port: number, registry: Registry, probes: Probes): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/metrics') {
      registry.metrics().then(
        (body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body),
        (err: Error) => res.writeHead(500).end(err.message),
      );
    } else if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    } else if (path === '/readyz') {
      const ready = probes.ready();
      res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' }).end(ready ? 'ready\n' : 'not ready\n');
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve());
  });
  return server;
}
