// infra/docker-compose.yml must describe the same servers as infra/servers.sh and the config: same broker
// settings, same Kafka version, ports that the exported KAFKA_BROKERS / REDIS_URL actually reach.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadConfig, CONFIG_KEYS } from '../../../services/lib/config.js';
import { rootPath } from '../../../services/lib/paths.js';
import { loadCompose, readBrokerProperties, brokerEnvName, readYamlSubset } from '../../support/index.js';

const compose = loadCompose();
const kafka = compose.services.kafka;
const redis = compose.services.redis;

test('compose has exactly the kafka and redis services', () => {
  assert.deepEqual(Object.keys(compose.services).sort(), ['kafka', 'redis']);
});

test('the kafka image is the broker version of infra/kafka/pom.xml', () => {
  const version = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(rootPath('infra/kafka/pom.xml'), 'utf8'))?.[1];
  assert.ok(version, 'pom.xml names kafka.version');
  assert.equal(kafka.image, `apache/kafka:${version}`);
});

test('every setting of infra/kafka/broker.properties is in the container with the same value', () => {
  for (const [key, value] of readBrokerProperties()) {
    assert.equal(kafka.environment[brokerEnvName(key)], value, `${key} → ${brokerEnvName(key)}`);
  }
});

test('the exported KAFKA_BROKERS reaches the published, advertised broker port', () => {
  const config = loadConfig({ env: compose.exported });
  assert.ok(config.KAFKA_BROKERS && config.KAFKA_BROKERS.length === 1);
  const [host, port] = config.KAFKA_BROKERS[0].split(':');
  assert.ok(kafka.ports.some((p) => p.host === Number(port) && p.container === Number(port)));
  assert.match(kafka.environment.KAFKA_ADVERTISED_LISTENERS, new RegExp(`^PLAINTEXT://${host}:${port}$`));
  assert.match(kafka.environment.KAFKA_LISTENERS, new RegExp(`PLAINTEXT://:${port}(,|$)`));
  const controllerPort = /CONTROLLER:\/\/:(\d+)/.exec(kafka.environment.KAFKA_LISTENERS)?.[1];
  assert.equal(kafka.environment.KAFKA_CONTROLLER_QUORUM_VOTERS, `1@localhost:${controllerPort}`);
});

test('the exported REDIS_URL reaches the published Redis port', () => {
  const config = loadConfig({ env: compose.exported });
  const url = new URL(String(config.REDIS_URL));
  assert.equal(url.protocol, 'redis:');
  assert.ok(redis.ports.some((p) => p.host === Number(url.port) && p.container === 6379));
  assert.equal(redis.command?.[0], 'redis-server');
});

test('a record of the longest text the config allows fits the broker', () => {
  const maxText = CONFIG_KEYS.HB_MAX_TEXT_BYTES.default;
  // Room for the Avro record around the text, headers and the batch header.
  assert.ok(Number(kafka.environment.KAFKA_MESSAGE_MAX_BYTES) >= 2 * maxText + 64 * 1024);
  assert.ok(Number(kafka.environment.KAFKA_REPLICA_FETCH_MAX_BYTES) >= Number(kafka.environment.KAFKA_MESSAGE_MAX_BYTES));
});

test('the YAML reader refuses what it does not understand instead of misreading it', () => {
  assert.deepEqual(readYamlSubset('a:\n  b: "x"\n  c:\n    - 1\n    - \'y\'\n'), { a: { b: 'x', c: ['1', 'y'] } });
  assert.throws(() => readYamlSubset('a:\n  - b: c\n'), /maps inside lists/);
  assert.throws(() => readYamlSubset('a: 1\na: 2\n'), /duplicate key a/);
  assert.throws(() => readYamlSubset('a:\n\tb: 1\n'), /tabs/);
  assert.throws(() => readYamlSubset('a: [1,\n'), /outside the supported subset/);
});
