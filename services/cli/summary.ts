/** The readable summary `run` prints on stderr: what came in, what came out, what failed and why. */
import type { SceneEvent } from '../core/events.js';

export interface RunSummary {
  messages: number;
  scenes: number;
  errors: Record<string, number>;
  verdicts: Record<string, number>;
  styles: Record<string, number>;
  tensions: Record<string, number>;
  languages: Record<string, number>;
  pending: number;
  seconds: number;
}

const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

export function createSummary(): RunSummary & { add(event: SceneEvent | null, errorCode: string | null): void } {
  const summary = { messages: 0, scenes: 0, errors: {}, verdicts: {}, styles: {}, tensions: {}, languages: {}, pending: 0, seconds: 0 };
  return {
    ...summary,
    add(event, errorCode) {
      this.messages++;
      if (errorCode) return void bump(this.errors, errorCode);
      if (!event) return;
      this.scenes++;
      bump(this.languages, event.scene.lang);
      if (event.scene.tension) bump(this.tensions, event.scene.tension.type);
      if (event.status === 'pending') this.pending++;
      for (const r of event.renderings) {
        bump(this.styles, r.style);
        if (r.verdict) bump(this.verdicts, r.verdict);
      }
    },
  };
}

const list = (counts: Record<string, number>) =>
  Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';

export function formatSummary(s: RunSummary): string {
  const rate = s.messages / Math.max(s.seconds, 0.001);
  return [
    `HyperBridge run: ${s.messages} messages in ${s.seconds.toFixed(2)} s (${rate.toFixed(0)} msg/s)`,
    `  scenes:     ${s.scenes} (languages: ${list(s.languages)})`,
    `  tension:    ${list(s.tensions)}`,
    `  renderings: ${list(s.styles)}`,
    `  verdicts:   ${list(s.verdicts)}`,
    ...(s.pending ? [`  pending:    ${s.pending} scenes with stages not built yet`] : []),
    `  errors:     ${list(s.errors)}`,
    '',
  ].join('\n');
}
