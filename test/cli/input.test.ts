import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readInputs, type InputItem } from '../../services/cli/input.js';

async function collect(bytes: Buffer, maxLineBytes = 1000): Promise<InputItem[]> {
  const items: InputItem[] = [];
  // Chunks of 3 bytes split multi-byte letters across chunks: lines must still decode whole.
  const chunks = [];
  for (let i = 0; i < bytes.length; i += 3) chunks.push(bytes.subarray(i, i + 3));
  for await (const item of readInputs({ positionals: [], file: '-', maxLineBytes, stdin: Readable.from(chunks) })) items.push(item);
  return items;
}

test('lines, JSON lines, CRLF and split multi-byte letters', async () => {
  const items = await collect(Buffer.from('пепелвспышка\r\n{"text":"жар","id":7,"conversationId":"c1","speaker":"анна"}\nemberwind'));
  assert.deepEqual(items.map((i) => i.message), [
    { id: 'stdin:1', conversationId: 'stdin', speaker: null, text: 'пепелвспышка' },
    { id: '7', conversationId: 'c1', speaker: 'анна', text: 'жар' },
    { id: 'stdin:3', conversationId: 'stdin', speaker: null, text: 'emberwind' },
  ]);
});

test('every bad line yields its error at its position, and the rest goes on', async () => {
  const bad = Buffer.concat([
    Buffer.from('{not json\n'),
    Buffer.from('{"id":1}\n'),
    Buffer.from([0xd0, 0x0a]),
    Buffer.from('x'.repeat(50) + '\n'),
    Buffer.from('[1]\n'),
    Buffer.from('ok\n'),
  ]);
  const items = await collect(bad, 20);
  assert.deepEqual(items.map((i) => i.error?.code ?? null), [
    'HB_ERR_NOT_JSON', 'HB_ERR_BAD_MESSAGE', 'HB_ERR_INVALID_UTF8', 'HB_ERR_TEXT_TOO_LONG', null, null,
  ]);
  assert.equal(items[3].input.length, 20, 'an over-long line is not buffered whole');
  assert.deepEqual(items.map((i) => i.index), [0, 1, 2, 3, 4, 5]);
});

test('positional inputs and --input are exclusive', async () => {
  const gen = readInputs({ positionals: ['a'], file: 'x', maxLineBytes: 10 });
  await assert.rejects(gen.next(), /either as arguments or with --input/);
});
