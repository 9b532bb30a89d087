/** Upper-cases the first letter: москва → Москва. */
export function capitalise(word: string): string {
  return word ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** Gives `form` the capital first letter `model` has (Москва + loct → Москве, В + сне → Во). */
export function matchCase(model: string, form: string): string {
  const first = model[0];
  return first !== undefined && first !== first.toLowerCase() ? capitalise(form) : form;
}
