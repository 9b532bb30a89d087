export { graphemes, type Grapheme } from './graphemes.js';
export { isEmoji, emojiKey, type SymbolTest } from './emoji.js';
export { matchForm, normalizeText, foldYo, scriptOf, type Script } from './normalize.js';
export { tokenize, type Token, type TokenKind } from './tokenize.js';
export { validateText, utf8Length, noContent } from './validate.js';
export { detectLang, langOfScript } from './lang.js';
