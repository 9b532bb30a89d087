/**
 * `node dist/services/runtime/service-main.js <stage>`: one stage as its own process, configured from the
 * environment (and hyperbridge.config.json). Exits 0 after SIGTERM/SIGINT, 1 when it cannot start or fails,
 * 2 for a usage error.
 */
import { loadConfig } from '../lib/config.js';
import { HyperBridgeError } from '../lib/errors.js';
import { createLogger } from '../lib/logger.js';
import { startService } from './service.js';
import { STAGE_NAMES, isStageName } from './stage.js';

const stage = process.argv[2] ?? '';
if (!isStageName(stage)) {
  process.stderr.write(`usage: service-main.js ${STAGE_NAMES.join('|')}\n`);
  process.exit(2);
}
try {
  const config = loadConfig();
  await startService(stage, config, { logger: createLogger(config.HB_LOG_LEVEL, { service: stage }) });
} catch (err) {
  const error = err instanceof HyperBridgeError ? err : new HyperBridgeError('HB_ERR_INTERNAL', stage, String(err));
  process.stderr.write(`${JSON.stringify({ error: error.toJSON() })}\n`);
  process.exit(1);
}
