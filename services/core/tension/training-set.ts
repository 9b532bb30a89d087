/** Parses data/tension/train.tsv (item, type, phase; `-` for unlabelled); bad lines are errors, never skipped. */
import { HyperBridgeError } from '../../lib/errors.js';
import { PHASES, TENSION_TYPES, type TensionType } from '../types.js';
import type { PhaseClass } from './model.js';

export interface TrainingRow {
  item: string;
  type: TensionType | null;
  phase: PhaseClass | null;
}

export function parseTrainingSet(text: string): TrainingRow[] {
  const rows: TrainingRow[] = [];
  text.split('\n').forEach((line, n) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [item, type, phase] = line.split('\t');
    const bad = (why: string) => new HyperBridgeError('HB_ERR_MODEL_LOAD', 'classify', `tension training set line ${n + 1}: ${why}`);
    if (!item || type === undefined || phase === undefined) throw bad('expected item<TAB>type<TAB>phase');
    if (type !== '-' && !(TENSION_TYPES as readonly string[]).includes(type)) throw bad(`unknown type "${type}"`);
    if (phase !== '-' && phase !== 'none' && !(PHASES as readonly string[]).includes(phase)) throw bad(`unknown phase "${phase}"`);
    rows.push({ item, type: type === '-' ? null : (type as TensionType), phase: phase === '-' ? null : (phase as PhaseClass) });
  });
  return rows;
}
