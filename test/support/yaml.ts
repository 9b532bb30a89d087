/**
 * Reads the small block-style YAML subset that infra/docker-compose.yml is written in, so tests need no YAML
 * package: nested maps by indentation, lists of scalars (`- item`, indented under their key), plain, 'single' or "double" quoted scalars,
 * JSON flow values (`[...]`, `{...}`) and `#` comments. Anything else is refused with its line number rather
 * than read wrongly.
 */
export type YamlValue = string | number | boolean | null | YamlValue[] | YamlMap;
export type YamlMap = { [key: string]: YamlValue };

interface Line {
  no: number;
  indent: number;
  text: string;
}

function significantLines(source: string): Line[] {
  const lines: Line[] = [];
  source.split(/\r?\n/).forEach((raw, i) => {
    if (/^\s*(#.*)?$/.test(raw)) return;
    if (raw.includes('\t')) throw new Error(`YAML line ${i + 1}: tabs are not allowed for indentation`);
    const indent = raw.length - raw.trimStart().length;
    lines.push({ no: i + 1, indent, text: raw.trim() });
  });
  return lines;
}

function scalar(text: string, no: number): YamlValue {
  if (text.startsWith('"') || text.startsWith('[') || text.startsWith('{')) {
    try {
      return JSON.parse(text) as YamlValue;
    } catch {
      throw new Error(`YAML line ${no}: ${text} is outside the supported subset (JSON-compatible quoted or flow value)`);
    }
  }
  if (text.startsWith("'")) {
    if (!text.endsWith("'") || text.length < 2) throw new Error(`YAML line ${no}: unterminated quoted string`);
    return text.slice(1, -1).replaceAll("''", "'");
  }
  return text.replace(/\s+#.*$/, '');
}

function parseBlock(lines: Line[], start: number, indent: number): [YamlValue, number] {
  const isList = lines[start].text === '-' || lines[start].text.startsWith('- ');
  const out: YamlValue[] | YamlMap = isList ? [] : {};
  let i = start;
  while (i < lines.length && lines[i].indent >= indent) {
    const line = lines[i];
    if (line.indent > indent) throw new Error(`YAML line ${line.no}: unexpected indentation`);
    if (isList) {
      if (!line.text.startsWith('- ')) throw new Error(`YAML line ${line.no}: expected a list item`);
      const item = line.text.slice(2).trim();
      if (/^[^"'[{][^:]*:(\s|$)/.test(item)) throw new Error(`YAML line ${line.no}: maps inside lists are outside the supported subset`);
      (out as YamlValue[]).push(scalar(item, line.no));
      i += 1;
      continue;
    }
    const match = /^("[^"]*"|'[^']*'|[^:#]+):(?:\s+(.*))?$/.exec(line.text);
    if (!match) throw new Error(`YAML line ${line.no}: expected "key: value"`);
    const key = String(scalar(match[1].trim(), line.no));
    if (key in out) throw new Error(`YAML line ${line.no}: duplicate key ${key}`);
    const rest = match[2]?.trim() ?? '';
    if (rest !== '' && !rest.startsWith('#')) {
      (out as YamlMap)[key] = scalar(rest, line.no);
      i += 1;
    } else if (i + 1 < lines.length && lines[i + 1].indent > indent) {
      [(out as YamlMap)[key], i] = parseBlock(lines, i + 1, lines[i + 1].indent);
    } else {
      (out as YamlMap)[key] = null;
      i += 1;
    }
  }
  return [out, i];
}

export function readYamlSubset(source: string): YamlMap {
  const lines = significantLines(source);
  if (lines.length === 0) return {};
  if (lines[0].indent !== 0) throw new Error(`YAML line ${lines[0].no}: the document must start at column 0`);
  const [value, end] = parseBlock(lines, 0, 0);
  if (end < lines.length) throw new Error(`YAML line ${lines[end].no}: unexpected indentation`);
  if (Array.isArray(value)) throw new Error('YAML: the document must be a map');
  return value as YamlMap;
}
