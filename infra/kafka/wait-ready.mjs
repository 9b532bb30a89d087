// Waits until the broker at argv[2] answers a metadata request and has a controller; exits 1 after argv[3]
// seconds, or at once when the broker's process (pid argv[4]) has died.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(fileURLToPath(new URL('../../package.json', import.meta.url)));
const { Kafka, logLevel } = require('kafkajs');

const [broker, seconds = '120', pid] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
const kafka = new Kafka({ clientId: 'hb-infra-wait', brokers: [broker], logLevel: logLevel.NOTHING, retry: { retries: 0 } });

const alive = () => {
  if (!pid) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
};

let lastError = 'no answer';
while (Date.now() < deadline) {
  if (!alive()) {
    console.error(`[infra] the Kafka broker (pid ${pid}) exited while starting`);
    process.exit(1);
  }
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.disconnect();
    if (cluster.controller !== null && cluster.brokers.length > 0) process.exit(0);
    lastError = 'no controller yet';
  } catch (err) {
    lastError = err instanceof Error ? err.message : String(err);
    await admin.disconnect().catch(() => {});
  }
  await new Promise((r) => setTimeout(r, 500));
}
console.error(`[infra] Kafka at ${broker} not ready after ${seconds}s: ${lastError}`);
process.exit(1);
