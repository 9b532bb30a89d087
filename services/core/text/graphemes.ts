/** Grapheme clusters (UAX #29, extended): ZWJ sequences, skin tones, flags, keycaps and variation selectors stay whole. */
const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * Texts made only of code units that never join a neighbour (ASCII without CR, Latin-1 and Latin Extended,
 * Greek and Cyrillic letters without combining marks, general punctuation without joiners and bidi controls)
 * have one grapheme per code unit: they skip ICU, which costs more than everything else the segmenter does.
 */
const SIMPLE = /^[\t\n\x20-\x7E\u00A0-\u02FF\u0370-\u0482\u048A-\u052F\u2010-\u2027\u2030-\u205E]*$/;

export interface Grapheme {
  text: string;
  /** UTF-16 offset in the string it came from. */
  index: number;
}

export function isSimpleText(text: string): boolean {
  return SIMPLE.test(text);
}

export function graphemes(text: string): Grapheme[] {
  const out: Grapheme[] = [];
  if (SIMPLE.test(text)) {
    for (let i = 0; i < text.length; i++) out.push({ text: text[i], index: i });
    return out;
  }
  for (const { segment, index } of segmenter.segment(text)) out.push({ text: segment, index });
  return out;
}
