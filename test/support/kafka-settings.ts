/** The fixed broker settings (infra/kafka/broker.properties), shared by the local broker and its container form. */
import { readFileSync } from 'node:fs';
import { rootPath } from '../../services/lib/paths.js';

export const BROKER_PROPERTIES_FILE = rootPath('infra/kafka/broker.properties');

export function readBrokerProperties(file = BROKER_PROPERTIES_FILE): Map<string, string> {
  const properties = new Map<string, string>();
  for (const raw of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`${file}: "${line}" is not key=value`);
    properties.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return properties;
}

/** The apache/kafka image's spelling of a property: KAFKA_ + upper case, dots → _, underscores → __, dashes → ___. */
export function brokerEnvName(property: string): string {
  return 'KAFKA_' + property.replaceAll('_', '__').replaceAll('-', '___').replaceAll('.', '_').toUpperCase();
}
