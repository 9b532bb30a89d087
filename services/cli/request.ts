/** The render request flags shared by `run` and `render`: style(s), persona, language, marker. */
import type { RenderRequest } from '../core/events.js';
import { MARKER_MODES, PERSONAS, STYLES, type OutputLang, type PersonaChoice, type StyleChoice } from '../core/types.js';
import type { Config } from '../lib/config.js';
import { enumFlag, usageError, type OptionSpec, type ParsedArgs } from './args.js';

export const REQUEST_OPTIONS: OptionSpec = {
  persona: { type: 'string' },
  lang: { type: 'string' },
  marker: { type: 'string' },
};

const STYLE_CHOICES = [...STYLES, 'auto'] as const;
const PERSONA_CHOICES = [...PERSONAS, 'auto'] as const;

/** `--styles all` means every style; otherwise a comma list of styles (or `auto`). */
export function parseStyles(value: string): StyleChoice[] {
  if (value === 'all') return [...STYLES];
  const styles = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of styles) if (!STYLE_CHOICES.includes(s as StyleChoice)) throw usageError(`unknown style "${s}"; styles are ${STYLE_CHOICES.join(', ')}, or all`);
  if (styles.length === 0) throw usageError('--styles needs at least one style');
  return styles as StyleChoice[];
}

export function requestFromFlags(args: ParsedArgs, config: Config, styles: StyleChoice[]): RenderRequest {
  const persona: PersonaChoice = enumFlag(args, 'persona', PERSONA_CHOICES, 'auto');
  const lang = args.values.lang === undefined ? null : enumFlag<OutputLang>(args, 'lang', ['ru', 'en'], 'ru');
  const marker = enumFlag(args, 'marker', MARKER_MODES, config.HB_MARKER as RenderRequest['marker']);
  if (marker === 'none' && styles.includes('silence')) {
    throw usageError('--style silence with --marker none would carry nothing: silence is carried by its marker');
  }
  return { styles, persona, lang, marker };
}
