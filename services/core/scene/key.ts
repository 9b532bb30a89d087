import type { Component } from '../types.js';

/** What stands for a component in the key and the mnemonic: its concept, else its lemma (the emoji itself). */
export function componentForm(component: Component): string {
  return component.concept ?? component.lemma;
}

/** The lossless form: `пепел·вспышка·жизнь·тишина`. */
export function conceptKey(components: readonly Component[]): string {
  return components.map(componentForm).join('·');
}

/**
 * The glued display form: words by concept (or lemma), emoji as themselves, so `⚡🜂🫁` stays an emoji line
 * and «…тишина не станет теплом» glues to …тишинажар.
 */
export function mnemonicOf(components: readonly Component[]): string {
  return components.map((c) => (c.kind === 'emoji' ? c.text : componentForm(c))).join('');
}
