/** Test support: the servers integration tests run against, and helpers for isolating tests that share them. */
export { kafkaBrokers, redisUrl, serversEnv, uniquePrefix, TEST_SESSION_TIMEOUT_MS, SERVERS_ENV_FILE } from './servers.js';
export { dockerAnswers } from './docker.js';
export { loadCompose, type Compose, type ComposeService, type PortMapping } from './compose.js';
export { readBrokerProperties, brokerEnvName } from './kafka-settings.js';
export { readYamlSubset, type YamlValue, type YamlMap } from './yaml.js';
