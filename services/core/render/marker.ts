/**
 * Scene markers: what makes a rendering losslessly decompressible (seed 7.3.3).
 *
 * visible:   `Δ SCN-42 ⟨пепел·вспышка·жизнь·тишина⟩` appended as a trailer; when the mnemonic is not the key
 *            glued (an emoji scene), it follows the key: `Δ SCN-42 ⟨молния·огонь·дыхание⟩ ⚡🜂🫁`.
 * invisible: the same fields in zero-width characters, see markerInvisible.ts.
 * none:      nothing; decoding then goes by meaning.
 */
import type { MarkerMode } from '../types.js';
import { decodeInvisible, encodeInvisible, INVISIBLE_PATTERN, INVISIBLE_STRAY } from './markerInvisible.js';

export interface MarkerInfo {
  sceneId: string;
  key: string;
  mnemonic: string;
}

export interface FoundMarker {
  info: MarkerInfo;
  mode: Exclude<MarkerMode, 'none'>;
  /** False when a marker is present but damaged (checksum or shape). */
  ok: boolean;
}

const VISIBLE_PATTERN = /[ \t]*Δ (SCN-[0-9A-Za-z_-]+) ⟨([^⟩\n]*)⟩(?: ([^\s⟨⟩]+))?(?=\s|$)/u;
const VISIBLE_PATTERN_ALL = new RegExp(VISIBLE_PATTERN.source, 'gu');

const glued = (key: string): string => key.split('·').join('');

export function formatVisibleMarker(info: MarkerInfo): string {
  const tail = info.mnemonic && info.mnemonic !== glued(info.key) ? ` ${info.mnemonic}` : '';
  return `Δ ${info.sceneId} ⟨${info.key}⟩${tail}`;
}

/** The first grapheme or word boundary inside the text, so trimming can never reach the marker. */
function insidePosition(text: string): number {
  const space = text.search(/\s/u);
  if (space > 0) return space;
  if (text.length === 0) return 0;
  const first = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)[Symbol.iterator]().next();
  return first.done ? text.length : first.value.segment.length;
}

/** Puts the marker into the text; returns the text and the marker as placed (null for `none`). */
export function placeMarker(text: string, info: MarkerInfo, mode: MarkerMode): { text: string; marker: string | null } {
  if (mode === 'none') return { text, marker: null };
  if (mode === 'visible') {
    const marker = formatVisibleMarker(info);
    return { text: text.length > 0 ? `${text} ${marker}` : marker, marker };
  }
  const marker = encodeInvisible(info);
  const at = insidePosition(text);
  return { text: text.slice(0, at) + marker + text.slice(at), marker };
}

export function findMarker(text: string): FoundMarker | null {
  const visible = VISIBLE_PATTERN.exec(text);
  if (visible) {
    const key = visible[2]!;
    const info = { sceneId: visible[1]!, key, mnemonic: visible[3] ?? glued(key) };
    return { info, mode: 'visible', ok: key.length > 0 && !key.split('·').includes('') };
  }
  const invisible = INVISIBLE_PATTERN.exec(text);
  if (invisible) {
    const decoded = decodeInvisible(invisible[0]);
    if (decoded) return { info: decoded.info, mode: 'invisible', ok: decoded.ok };
  }
  return null;
}

/** The text without any marker, visible or invisible (and without stray zero-width marker characters). */
export function stripMarker(text: string): string {
  return text
    .replace(VISIBLE_PATTERN_ALL, '')
    .replace(new RegExp(INVISIBLE_PATTERN.source, 'gu'), '')
    .replace(INVISIBLE_STRAY, '')
    .trim();
}
