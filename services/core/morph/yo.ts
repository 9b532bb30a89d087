/**
 * ё folding. az returns lemmas and forms spelled with ё (тёплый, ёлка), which is correct Russian for output;
 * texts usually write е, so anything that matches words against each other compares folded spellings.
 */
export function foldYo(text: string): string {
  return text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}
