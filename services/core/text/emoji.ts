/**
 * Emoji detection on whole grapheme clusters. Unicode's RGI set covers what emoji-test.txt lists as
 * fully-qualified; Extended_Pictographic adds the unqualified forms people type (☺ without VS16). Symbols that
 * Unicode does not class as emoji (the seed's alchemical 🜂) count as emoji when the lexicon maps them, so the
 * caller passes that test in: the core stays free of data.
 */
// Built at run time: TypeScript's ES2022 target rejects the v flag in a literal, Node 20 supports it.
const RGI = new RegExp('^\\p{RGI_Emoji}$', 'v');
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const REGIONAL_INDICATOR = /^\p{Regional_Indicator}$/u;

export type SymbolTest = (grapheme: string) => boolean;

export function isEmoji(grapheme: string, isMappedSymbol: SymbolTest = () => false): boolean {
  return RGI.test(grapheme) || PICTOGRAPHIC.test(grapheme) || REGIONAL_INDICATOR.test(grapheme) || isMappedSymbol(grapheme);
}

const PRESENTATION = /[\uFE0E\uFE0F]/gu;
const SKIN_TONE = /[\u{1F3FB}-\u{1F3FF}]/gu;

/** The key under which an emoji is looked up: without variation selectors and skin tones (👍🏽 means 👍). */
export function emojiKey(grapheme: string): string {
  return grapheme.replace(PRESENTATION, '').replace(SKIN_TONE, '');
}
