/**
 * English indefinite article by sound, not letter: an hour, an honest man, a unicorn, a European, a one-off,
 * an FBI agent, a UFO. The exception lists are small and cover the common words; they are not exhaustive.
 */

/** Vowel letters sounding /j/ or /w/: a unicorn, a user, a European, a one-way street. */
const CONSONANT_SOUND = /^(eu|ewe|one\b|once|ouija|u[bcfgklmprstvz][aeiou])/;
/** uni- (unicorn, unit, universe) and unanimous sound /ju/; other un- words are the negating prefix (an unusual day). */
const UNI = /^(uni(?![nmd])|unanim)/;
/** Silent h: an hour, an honest, an heir. */
const VOWEL_SOUND_H = /^(hour|honest|honor|honour|heir)/;
/** Letters whose names start with a vowel sound, for acronyms read letter by letter (an FBI, an MRI). */
const VOWEL_SOUND_LETTERS = new Set('AEFHILMNORSX');
/** All capitals: read letter by letter (a UFO, a US city: U is "you"). */
const ACRONYM = /^[A-Z]{2,}$/;
/** Numbers said with a vowel first: eight, eighty, eleven, eighteen. */
const VOWEL_SOUND_NUMBER = /^(8|1[18](\D|$))/;

export function indefiniteArticle(nounPhrase: string): 'a' | 'an' {
  const first = nounPhrase.trim().split(/[\s-]/)[0] ?? '';
  if (!first) return 'a';
  if (ACRONYM.test(first)) return VOWEL_SOUND_LETTERS.has(first[0]!) ? 'an' : 'a';
  const word = first.toLowerCase();
  if (/^\d/.test(word)) return VOWEL_SOUND_NUMBER.test(word) ? 'an' : 'a';
  if (VOWEL_SOUND_H.test(word)) return 'an';
  if (!/^[aeiou]/.test(word)) return 'a';
  if (UNI.test(word)) return 'a';
  if (word.startsWith('un')) return 'an';
  return CONSONANT_SOUND.test(word) ? 'a' : 'an';
}

/** `a` or `an` before the phrase: withArticle('hour') → 'an hour'. */
export function withArticle(nounPhrase: string): string {
  return `${indefiniteArticle(nounPhrase)} ${nounPhrase.trim()}`;
}
