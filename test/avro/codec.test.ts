import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { decodeEvent, encodeEvent, loadCatalogue, TOPIC_RECORDS, type TopicKind } from '../../services/avro/index.js';
import { isValidUtf8 } from '../../services/avro/utf8.js';
import { HyperBridgeError, type ErrorCode } from '../../services/lib/errors.js';
import { deadLetter, message, SAMPLES, sceneEvent } from './samples.js';

const rejects = (fn: () => unknown, code: ErrorCode, reason?: RegExp): void => {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof HyperBridgeError, String(err));
    assert.equal(err.code, code, err.message);
    if (reason) assert.match(err.message, reason);
    return true;
  });
};

test('every topic event round-trips unchanged, with the current schema in the header', () => {
  const catalogue = loadCatalogue();
  for (const { kind, event } of SAMPLES) {
    const bytes = encodeEvent(kind, event);
    const newest = catalogue.schemas.filter((e) => e.name === TOPIC_RECORDS[kind]).at(-1)!;
    assert.equal(bytes.subarray(0, 2).toString('hex'), 'c301');
    assert.equal(bytes.subarray(2, 10).toString('hex'), newest.fingerprint, kind);
    const decoded = decodeEvent(bytes, kind);
    assert.equal(decoded.kind, kind);
    assert.deepEqual(decoded.schema, { name: newest.name, version: newest.version, fingerprint: newest.fingerprint });
    assert.deepStrictEqual(decoded.event, event);
  }
});

test('decoding without an expected kind tells the kind from the fingerprint', () => {
  const decoded = decodeEvent(encodeEvent('deadletter', deadLetter));
  assert.equal(decoded.kind, 'deadletter');
  if (decoded.kind === 'deadletter') assert.ok(decoded.event.payload instanceof Uint8Array);
});

test('the scene topics carry distinct record types', () => {
  const kinds: TopicKind[] = ['ingested', 'classified', 'rendered', 'verified'];
  const headers = kinds.map((k) => encodeEvent(k, sceneEvent('verified')).subarray(2, 10).toString('hex'));
  assert.equal(new Set(headers).size, 4);
  rejects(() => decodeEvent(encodeEvent('ingested', sceneEvent('ingested')), 'classified'), 'HB_ERR_UNKNOWN_FINGERPRINT', /IngestedScene/);
});

test('bad marker, short, truncated and trailing bytes are HB_ERR_AVRO_DECODE', () => {
  const good = encodeEvent('raw', message);
  rejects(() => decodeEvent(Buffer.from('{"text":"not avro"}'), 'raw'), 'HB_ERR_AVRO_DECODE', /marker/);
  rejects(() => decodeEvent(good.subarray(0, 7), 'raw'), 'HB_ERR_AVRO_DECODE', /shorter/);
  rejects(() => decodeEvent(good.subarray(0, good.length - 3), 'raw'), 'HB_ERR_AVRO_DECODE', /truncated/);
  rejects(() => decodeEvent(Buffer.concat([good, Buffer.from([0])]), 'raw'), 'HB_ERR_AVRO_DECODE', /trailing/);
  rejects(() => decodeEvent(new Uint8Array(0)), 'HB_ERR_AVRO_DECODE');
});

test('a string that is not UTF-8 is HB_ERR_INVALID_UTF8, naming its field', () => {
  const good = encodeEvent('raw', message);
  const at = good.indexOf(Buffer.from('пепел'));
  const bad = Buffer.from(good);
  bad[at + 1] = 0xff;
  rejects(() => decodeEvent(bad, 'raw'), 'HB_ERR_INVALID_UTF8', /DialogueMessage\.text/);
  const conversation = Buffer.from(good);
  conversation[conversation.indexOf(Buffer.from('диалог'))] = 0xc0; // an overlong lead byte
  rejects(() => decodeEvent(conversation, 'raw'), 'HB_ERR_INVALID_UTF8', /DialogueMessage\.conversationId/);
  // Bytes fields carry anything.
  const letter = { ...deadLetter, payload: new Uint8Array([0xff, 0xfe, 0xc3]) };
  assert.deepStrictEqual(decodeEvent(encodeEvent('deadletter', letter), 'deadletter').event, letter);
});

test('an unknown fingerprint is HB_ERR_UNKNOWN_FINGERPRINT', () => {
  const bytes = Buffer.from(encodeEvent('raw', message));
  bytes.fill(0x5a, 2, 10);
  rejects(() => decodeEvent(bytes), 'HB_ERR_UNKNOWN_FINGERPRINT', /5a5a5a5a5a5a5a5a/);
  // A catalogued named type that is not a topic record is not accepted either.
  const component = loadCatalogue().schemas.find((e) => e.name === 'io.hyperbridge.Component')!;
  Buffer.from(component.fingerprint, 'hex').copy(bytes, 2);
  rejects(() => decodeEvent(bytes), 'HB_ERR_UNKNOWN_FINGERPRINT');
});

test('a persona outside the contract is refused on both sides', () => {
  const bad = { ...message, request: { ...message.request, persona: 'body_poet' } };
  rejects(() => encodeEvent('raw', bad as never), 'HB_ERR_BAD_MESSAGE', /DialogueMessage\.request\.persona/);
  // Written by another producer with the same schema: the string is valid Avro but not a persona.
  const good = encodeEvent('raw', message);
  const at = good.indexOf(Buffer.from('body-poet'));
  const tampered = Buffer.from(good);
  tampered.write('body_poet', at);
  rejects(() => decodeEvent(tampered, 'raw'), 'HB_ERR_AVRO_DECODE', /persona/);
});

test('an invalid event names the invalid paths, not the text', () => {
  const { text: _text, ...noText } = message;
  rejects(() => encodeEvent('raw', noText as never), 'HB_ERR_BAD_MESSAGE', /text: expected string, got undefined/);
  const badScene = structuredClone(sceneEvent('classified'));
  (badScene.scene.components[0] as { kind: string }).kind = 'noun';
  rejects(() => encodeEvent('classified', badScene), 'HB_ERR_BAD_MESSAGE', /scene\.components\.0\.kind/);
  rejects(() => encodeEvent('nope' as TopicKind, message as never), 'HB_ERR_BAD_MESSAGE');
});

test('a record claiming more array items than it has bytes is refused before any allocation', () => {
  const header = encodeEvent('raw', message).subarray(0, 10);
  // Six empty or null fields, then request.styles claiming 2^27 items (zig-zag varint), then nothing.
  const body = Buffer.from([0, 0, 0, 0, 0, 0, 0x80, 0x80, 0x80, 0x80, 0x01, 0]);
  rejects(() => decodeEvent(Buffer.concat([header, body]), 'raw'), 'HB_ERR_AVRO_DECODE', /block of 134217728 items/);
});

test('corrupted records fail cleanly or decode, never crash', () => {
  let seed = 11;
  const random = (n: number): number => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
  const records = SAMPLES.map(({ kind, event }) => encodeEvent(kind, event));
  for (let i = 0; i < 3000; i++) {
    const bytes = Buffer.from(records[i % records.length]!);
    for (let flips = 1 + random(3); flips > 0; flips--) bytes[10 + random(bytes.length - 10)] = random(256);
    try {
      decodeEvent(bytes);
    } catch (err) {
      assert.ok(err instanceof HyperBridgeError, String(err));
      assert.ok(err.code === 'HB_ERR_AVRO_DECODE' || err.code === 'HB_ERR_INVALID_UTF8', err.message);
    }
  }
});

test('random bodies behind a valid header fail cleanly or decode, never crash or hang', () => {
  let seed = 7;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const headers = SAMPLES.map(({ kind, event }) => encodeEvent(kind, event).subarray(0, 10));
  for (let i = 0; i < 3000; i++) {
    const body = Buffer.from(Array.from({ length: Math.floor(random() * 64) }, () => Math.floor(random() * 256)));
    try {
      decodeEvent(Buffer.concat([headers[i % headers.length]!, body]));
    } catch (err) {
      assert.ok(err instanceof HyperBridgeError, String(err));
      assert.ok(err.code === 'HB_ERR_AVRO_DECODE' || err.code === 'HB_ERR_INVALID_UTF8', err.message);
    }
  }
});

test('the UTF-8 check agrees with node on random and edge-case byte strings', () => {
  let seed = 5;
  const random = (n: number): number => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
  const edges = [[0xc0, 0x80], [0xc2, 0x80], [0xe0, 0x9f, 0x80], [0xe0, 0xa0, 0x80], [0xed, 0xa0, 0x80], [0xed, 0x9f, 0xbf],
    [0xef, 0xbf, 0xbf], [0xf0, 0x8f, 0xbf, 0xbf], [0xf0, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80],
    [0xf5, 0x80, 0x80, 0x80], [0xe2, 0x82], [0xd0], [0x41, 0xf0, 0x9f, 0x94, 0xa5]];
  // Byte strings made mostly of UTF-8 lead and continuation bytes, so that valid ones come up too.
  const alphabet = [0x41, 0x80, 0xbf, 0xc2, 0xd0, 0xe0, 0xed, 0xf0, 0xf4, 0x9f, 0xa0, 0x90, 0x8f, 0xff];
  const cases = [...edges, ...Array.from({ length: 20000 }, () => Array.from({ length: random(6) }, () => (random(4) === 0 ? random(256) : alphabet[random(alphabet.length)]!)))];
  for (const bytes of cases) {
    const buf = Buffer.from([0x20, ...bytes, 0x20]);
    assert.equal(isValidUtf8(buf, 1, buf.length - 1), isUtf8(Buffer.from(bytes)), Buffer.from(bytes).toString('hex'));
  }
});
