/** infra/docker-compose.yml as typed data: the container form of the test servers. */
import { readFileSync } from 'node:fs';
import { rootPath } from '../../services/lib/paths.js';
import { readYamlSubset, type YamlValue } from './yaml.js';

export const COMPOSE_FILE = rootPath('infra/docker-compose.yml');

export interface PortMapping {
  host: number;
  container: number;
}

export interface ComposeService {
  image: string;
  ports: PortMapping[];
  environment: Record<string, string>;
  /** The command in exec form, when the file gives one. */
  command: string[] | null;
}

export interface Compose {
  services: Record<string, ComposeService>;
  /** The `export KAFKA_BROKERS=… REDIS_URL=…` line the file's header tells users to run. */
  exported: Record<string, string>;
}

function fail(reason: string): never {
  throw new Error(`${COMPOSE_FILE}: ${reason}`);
}

function isMap(value: YamlValue): value is { [key: string]: YamlValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function portMapping(name: string, value: YamlValue): PortMapping {
  const match = /^(?:127\.0\.0\.1:)?(\d+):(\d+)(?:\/tcp)?$/.exec(String(value));
  if (!match) fail(`service ${name}: port "${String(value)}" is not HOST:CONTAINER`);
  return { host: Number(match[1]), container: Number(match[2]) };
}

function service(name: string, value: YamlValue): ComposeService {
  if (!isMap(value)) fail(`service ${name} is not a map`);
  if (typeof value.image !== 'string') fail(`service ${name} has no image`);
  const ports = value.ports ?? [];
  if (!Array.isArray(ports)) fail(`service ${name}: ports is not a list`);
  const environment = value.environment ?? {};
  if (!isMap(environment)) fail(`service ${name}: environment is not a map`);
  const command = value.command ?? null;
  if (command !== null && !(Array.isArray(command) && command.every((c) => typeof c === 'string'))) {
    fail(`service ${name}: command must be a list of strings`);
  }
  return {
    image: value.image,
    command: command as string[] | null,
    ports: ports.map((p) => portMapping(name, p)),
    environment: Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, String(v)])),
  };
}

function exportedVariables(source: string): Record<string, string> {
  const line = /^#\s*export\s+(.+)$/m.exec(source);
  if (!line) return {};
  return Object.fromEntries(line[1].trim().split(/\s+/).map((pair) => {
    const eq = pair.indexOf('=');
    return [pair.slice(0, eq), pair.slice(eq + 1)];
  }));
}

export function loadCompose(file = COMPOSE_FILE): Compose {
  const source = readFileSync(file, 'utf8');
  const doc = readYamlSubset(source);
  if (!isMap(doc.services ?? null)) fail('no services map');
  const services = doc.services as { [key: string]: YamlValue };
  return {
    services: Object.fromEntries(Object.entries(services).map(([name, v]) => [name, service(name, v)])),
    exported: exportedVariables(source),
  };
}
