/**
 * Refuses texts the compressor cannot take, each with its own error code. The length check comes first and
 * costs nothing for an oversized text: a UTF-16 string longer than the byte limit cannot fit in it.
 */
import { HyperBridgeError } from '../../lib/errors.js';

/** C0 (except tab, line feed, carriage return), DEL, C1, and the left-to-right bidi controls. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A\u202C\u202D\u2066\u2068\u2069]/u;
/** Lone surrogates cannot be encoded as UTF-8. */
const LONE_SURROGATE = /\p{Surrogate}/u;
/** Strong right-to-left scripts and the right-to-left marks and overrides. */
const RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\u200F\u202B\u202E\u2067]/u;

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function validateText(text: string, maxTextBytes: number, stage: string): void {
  if (text.length > maxTextBytes || utf8Length(text) > maxTextBytes) {
    throw new HyperBridgeError('HB_ERR_TEXT_TOO_LONG', stage, `the text is longer than ${maxTextBytes} bytes (HB_MAX_TEXT_BYTES)`);
  }
  if (LONE_SURROGATE.test(text)) throw new HyperBridgeError('HB_ERR_INVALID_UTF8', stage, 'the text holds a lone surrogate');
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new HyperBridgeError('HB_ERR_CONTROL_CHARS', stage, `the text contains the control character U+${code}`);
  }
  if (RTL.test(text)) throw new HyperBridgeError('HB_ERR_RTL_TEXT', stage, 'right-to-left text is not supported (Russian, English and emoji are)');
  if (text.trim() === '') throw new HyperBridgeError('HB_ERR_EMPTY_INPUT', stage);
}

/** After tokenising: a text with neither words nor emoji says what it holds instead. */
export function noContent(stage: string, hasDigits: boolean, hasPunct: boolean): HyperBridgeError {
  const what = hasDigits && hasPunct ? 'digits and punctuation' : hasDigits ? 'digits' : 'punctuation';
  return new HyperBridgeError('HB_ERR_NO_CONTENT', stage, `the text holds only ${what}: no words or emoji`);
}
