/**
 * Kafka and Redis in containers through testcontainers, for machines with a Docker engine and no servers in the
 * environment. Images and broker settings come from infra/docker-compose.yml, so both container paths agree.
 * Ryuk (testcontainers' reaper) removes the containers when the test process exits.
 */
import { createServer } from 'node:net';
import { loadCompose, type ComposeService } from './compose.js';

const KAFKA_PORT = 9092;
const REDIS_PORT = 6379;

function composeService(name: string): ComposeService {
  const service = loadCompose().services[name];
  if (!service) throw new Error(`infra/docker-compose.yml has no ${name} service`);
  return service;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The broker must advertise the address clients reach it at, so its host port is chosen before it starts. */
export async function startKafkaContainer(): Promise<string> {
  const { GenericContainer, Wait, getContainerRuntimeClient } = await import('testcontainers');
  const service = composeService('kafka');
  const host = (await getContainerRuntimeClient()).info.containerRuntime.host;
  const hostPort = await freePort();
  const container = await new GenericContainer(service.image)
    .withEnvironment({
      ...service.environment,
      KAFKA_LISTENERS: `PLAINTEXT://:${KAFKA_PORT},CONTROLLER://:9093`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${hostPort}`,
    })
    .withExposedPorts({ container: KAFKA_PORT, host: hostPort })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(180_000)
    .start();
  return `${container.getHost()}:${hostPort}`;
}

export async function startRedisContainer(): Promise<string> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const service = composeService('redis');
  let redis = new GenericContainer(service.image).withExposedPorts(REDIS_PORT);
  if (service.command) redis = redis.withCommand(service.command);
  const container = await redis
    .withWaitStrategy(Wait.forLogMessage(/Ready to accept connections/))
    .start();
  return `redis://${container.getHost()}:${container.getMappedPort(REDIS_PORT)}`;
}
