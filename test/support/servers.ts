/**
 * Where integration tests find Kafka and Redis, in this order:
 * 1. the environment, KAFKA_BROKERS / REDIS_URL (what `make test` sets after `infra/servers.sh up`);
 * 2. infra/.run/servers.env, written by a running `infra/servers.sh up` (handy for running one test by hand);
 * 3. containers through testcontainers, when a Docker engine answers on its socket (one per test process, reused);
 * otherwise a clear error that says how to get servers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { rootPath } from '../../services/lib/paths.js';
import { dockerAnswers } from './docker.js';
import { startKafkaContainer, startRedisContainer } from './containers.js';

type ServerVariable = 'KAFKA_BROKERS' | 'REDIS_URL';

export const SERVERS_ENV_FILE = rootPath(process.env.HB_RUN_DIR ?? 'infra/.run', 'servers.env');

function fromServersEnvFile(name: ServerVariable): string | undefined {
  if (!existsSync(SERVERS_ENV_FILE)) return undefined;
  for (const line of readFileSync(SERVERS_ENV_FILE, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (line.slice(0, eq) === name && line.slice(eq + 1).trim() !== '') return line.slice(eq + 1).trim();
  }
  return undefined;
}

const started = new Map<ServerVariable, Promise<string>>();

function server(name: ServerVariable, startContainer: () => Promise<string>): Promise<string> {
  const configured = process.env[name]?.trim() || fromServersEnvFile(name);
  if (configured) return Promise.resolve(configured);
  let address = started.get(name);
  if (!address) {
    address = (async () => {
      if (!(await dockerAnswers())) {
        throw new Error(
          `${name} is not set and no Docker engine answers on its socket: run the integration tests with ` +
            '`make test` (which starts Kafka and Redis), or start them with `infra/servers.sh up`, ' +
            `or set ${name} yourself.`,
        );
      }
      return startContainer();
    })();
    started.set(name, address);
  }
  return address;
}

export async function kafkaBrokers(): Promise<string[]> {
  const brokers = await server('KAFKA_BROKERS', startKafkaContainer);
  return brokers.split(',').map((b) => b.trim()).filter(Boolean);
}

export function redisUrl(): Promise<string> {
  return server('REDIS_URL', startRedisContainer);
}

/** Environment for child processes (e.g. stage services) so they reach the same servers as the test. */
export async function serversEnv(): Promise<{ KAFKA_BROKERS: string; REDIS_URL: string }> {
  const [brokers, url] = await Promise.all([kafkaBrokers(), redisUrl()]);
  return { KAFKA_BROKERS: brokers.join(','), REDIS_URL: url };
}

/**
 * A prefix no other test (or earlier run against the same broker) uses, for topics, consumer groups,
 * transactional ids and Redis namespaces: lower-case letters and digits only, so it is valid everywhere.
 */
export function uniquePrefix(label = 't'): string {
  const clean = label.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 16) || 't';
  return `${clean}${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}

/**
 * Consumer session timeout for tests: kafkajs's 30 s default makes kill-and-takeover tests slow. The local
 * broker allows down to 1 s (group.min.session.timeout.ms in infra/kafka/broker.properties).
 */
export const TEST_SESSION_TIMEOUT_MS = 6000;
