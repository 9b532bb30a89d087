/** The Avro specification's single-object encoding: C3 01, the writer schema's CRC-64-AVRO (8 bytes LE), the body. */
import { HyperBridgeError } from '../lib/errors.js';

export const SINGLE_OBJECT_MARKER: Readonly<Buffer> = Buffer.from([0xc3, 0x01]);
export const HEADER_BYTES = 10;

export function singleObjectHeader(fingerprintHex: string): Buffer {
  return Buffer.concat([SINGLE_OBJECT_MARKER, Buffer.from(fingerprintHex, 'hex')]);
}

/** Splits a single-object encoded record into its writer fingerprint (hex) and its body. */
export function splitSingleObject(bytes: Uint8Array): { fingerprint: string; body: Buffer } {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < HEADER_BYTES) {
    throw new HyperBridgeError('HB_ERR_AVRO_DECODE', 'avro', `${buf.length} bytes: shorter than the ${HEADER_BYTES}-byte single-object header`);
  }
  if (buf[0] !== SINGLE_OBJECT_MARKER[0] || buf[1] !== SINGLE_OBJECT_MARKER[1]) {
    throw new HyperBridgeError('HB_ERR_AVRO_DECODE', 'avro', `marker ${buf.subarray(0, 2).toString('hex')} is not c301: not Avro single-object encoding`);
  }
  return { fingerprint: buf.subarray(2, HEADER_BYTES).toString('hex'), body: buf.subarray(HEADER_BYTES) };
}
