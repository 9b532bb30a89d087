/**
 * A stage process running the fixture handlers through the same runService as service-main.js: lets the
 * delivery tests be run (HB_TEST_STAGE_ENTRY=fixture) where the domain stages' data is not built yet.
 */
import { loadConfig } from '../../../services/lib/config.js';
import { runService, isStageName } from '../../../services/runtime/index.js';
import { fixtureHandlers } from '../../runtime/fixture-handlers.js';

const stage = process.argv[2] ?? '';
if (!isStageName(stage)) process.exit(2);
await runService({ handler: fixtureHandlers()[stage], close: async () => undefined }, loadConfig());
