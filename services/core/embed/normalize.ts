/**
 * The one key normalisation, identical to the builder's (tools/model/hbmodel/normalize.py): lower case,
 * ё folded to е, stress marks removed; emoji lose their presentation selectors and skin tones, which change
 * how an emoji looks, not what it means.
 */
const EMOJI_MODIFIERS = /[\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}]/gu;
const STRESS = /[\u0300\u0301]/g;

export function stripEmojiModifiers(emoji: string): string {
  return emoji.replace(EMOJI_MODIFIERS, '');
}

export function foldKey(lemma: string): string {
  const lower = lemma.trim().toLowerCase();
  // Fast path: plain lower-case keys need no Unicode normalisation.
  const stressFree = /[\u0300\u0301\u00c0-\u024f]/.test(lower) ? lower.normalize('NFD').replace(STRESS, '').normalize('NFC') : lower;
  return stripEmojiModifiers(stressFree.replace(/ё/g, 'е'));
}
