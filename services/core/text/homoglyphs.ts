/** Latin and Cyrillic letters that look the same in common fonts (upper and lower case). */
const PAIRS: ReadonlyArray<readonly [latin: string, cyrillic: string]> = [
  ['a', 'а'], ['c', 'с'], ['e', 'е'], ['o', 'о'], ['p', 'р'], ['x', 'х'], ['y', 'у'],
  ['A', 'А'], ['B', 'В'], ['C', 'С'], ['E', 'Е'], ['H', 'Н'], ['K', 'К'], ['M', 'М'], ['O', 'О'], ['P', 'Р'],
  ['T', 'Т'], ['X', 'Х'], ['Y', 'У'],
];

export const LATIN_TO_CYRILLIC: ReadonlyMap<string, string> = new Map(PAIRS.map(([l, c]) => [l, c]));
export const CYRILLIC_TO_LATIN: ReadonlyMap<string, string> = new Map(PAIRS.map(([l, c]) => [c, l]));
