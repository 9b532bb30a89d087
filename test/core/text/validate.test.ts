import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateText, utf8Length } from '../../../services/core/text/index.js';
import { HyperBridgeError } from '../../../services/lib/errors.js';

const code = (fn: () => void): string => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof HyperBridgeError);
    return err.code;
  }
  return 'none';
};

test('each bad input has its own code', () => {
  assert.equal(code(() => validateText('', 100, 'ingest')), 'HB_ERR_EMPTY_INPUT');
  assert.equal(code(() => validateText(' \t\n ', 100, 'ingest')), 'HB_ERR_EMPTY_INPUT');
  assert.equal(code(() => validateText('жар\u0007', 100, 'ingest')), 'HB_ERR_CONTROL_CHARS');
  assert.equal(code(() => validateText('a\u009Fb', 100, 'ingest')), 'HB_ERR_CONTROL_CHARS');
  assert.equal(code(() => validateText('שלום', 100, 'ingest')), 'HB_ERR_RTL_TEXT');
  assert.equal(code(() => validateText('مرحبا', 100, 'ingest')), 'HB_ERR_RTL_TEXT');
  assert.equal(code(() => validateText('abc\u202Edef', 100, 'ingest')), 'HB_ERR_RTL_TEXT');
  assert.equal(code(() => validateText('a\uD800b', 100, 'ingest')), 'HB_ERR_INVALID_UTF8');
  assert.equal(code(() => validateText('жар\tи\nтишина\r\n', 100, 'ingest')), 'none');
  assert.equal(code(() => validateText('👩🏽‍💻', 100, 'ingest')), 'none');
});

test('the length limit counts UTF-8 bytes and is checked before anything else', () => {
  assert.equal(utf8Length('жар'), 6);
  assert.equal(utf8Length('🔥'), 4);
  assert.equal(code(() => validateText('ж'.repeat(8), 16, 'ingest')), 'none');
  assert.equal(code(() => validateText('ж'.repeat(9), 16, 'ingest')), 'HB_ERR_TEXT_TOO_LONG');
  // Too long and full of control characters and RTL: the length wins.
  assert.equal(code(() => validateText('\u0000שׁ'.repeat(100), 16, 'ingest')), 'HB_ERR_TEXT_TOO_LONG');
});

test('errors name the stage', () => {
  try {
    validateText('', 10, 'scene');
    assert.fail('no error');
  } catch (err) {
    assert.equal((err as HyperBridgeError).stage, 'scene');
  }
});
