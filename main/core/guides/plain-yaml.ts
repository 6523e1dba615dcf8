/**
 * A quick reader for the plain YAML that guide packs are written in: block maps and lists,
 * one-line flow collections (`[a, b]`, `{ id: x, next: y }`), one-line plain and quoted
 * scalars, comments and folded/literal block scalars (`>-`, `|`).
 *
 * Why: the `yaml` library builds a syntax tree with positions for every node, which costs
 * most of a cold start (~5 ms per file before its code is warm). Positions are only needed
 * when a problem must be reported, and valid files are the common case.
 *
 * The contract is strict: whenever this returns a value it is exactly what `yaml`'s
 * parseDocument(...).toJS() gives for the same text with no error (YAML 1.2 core schema,
 * unique keys). Anything outside the subset, or anything that could be an error, returns
 * undefined and the caller uses the full parser, which stays the reference for values,
 * error messages and lines. test/unit/guides/plain-yaml.test.ts compares both on every pack.
 */

import {
  giveUp,
  GIVE_UP,
  INDICATOR_FIRST,
  keyOf,
  LEADING_SPACES,
  LineReader,
  resolvePlain,
  setOnce,
  TRAILING_SPACES,
} from './plain-yaml-line.ts';

/** Control characters, tabs, CR and BOM have their own rules in YAML: left to the full parser. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNUSUAL_TEXT = /[\u0000-\u0009\u000b-\u001f\u007f\ufeff]/;
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*|^'[^']*'|^"[^"\\]*"/;
const BLOCK_HEADER = /^([|>])(-?)(?: +#.*| *)$/;

interface Line {
  indent: number;
  content: string;
}

class BlockReader {
  readonly lines: Line[];
  index = 0;

  constructor(text: string) {
    this.lines = text.split('\n').map((raw) => {
      const content = raw.replace(LEADING_SPACES, '');
      return { indent: raw.length - content.length, content };
    });
  }

  /** The next line that is neither blank nor a comment (comments outside block scalars). */
  nextContent(): Line | undefined {
    while (this.index < this.lines.length) {
      const line = this.lines[this.index] as Line;
      if (line.content !== '' && !line.content.startsWith('#')) return line;
      this.index += 1;
    }
    return undefined;
  }

  node(indent: number): unknown {
    const line = this.nextContent();
    if (!line || line.indent !== indent) return giveUp();
    return /^-(?: |$)/.test(line.content) ? this.sequence(indent) : this.map(indent);
  }

  map(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (let line = this.nextContent(); line && line.indent >= indent; line = this.nextContent()) {
      if (line.indent > indent) giveUp();
      const key = PLAIN_KEY.exec(line.content)?.[0] ?? giveUp();
      const rest = line.content.slice(key.length);
      if (!/^:(?: |$)/.test(rest)) giveUp();
      setOnce(map, keyOf(key), this.value(rest.slice(1), indent, true));
    }
    return map;
  }

  sequence(indent: number): unknown[] {
    const list: unknown[] = [];
    for (let line = this.nextContent(); line && line.indent >= indent; line = this.nextContent()) {
      if (line.indent > indent) giveUp();
      if (!/^-(?: |$)/.test(line.content)) break; // the map that holds this list goes on
      const rest = line.content.slice(1);
      const item = rest.replace(LEADING_SPACES, '');
      const key = PLAIN_KEY.exec(item)?.[0];
      if (key !== undefined && /^:(?: |$)/.test(item.slice(key.length))) {
        // `- id: x` opens a map whose keys line up with `id`.
        const column = indent + line.content.length - item.length;
        this.lines[this.index] = { indent: column, content: item };
        list.push(this.map(column));
      } else {
        if (/^ *-(?: |$)/.test(rest)) giveUp(); // a list directly inside a list item
        list.push(this.value(rest, indent, false));
      }
    }
    return list;
  }

  /** What follows `key:` or `-` on a line at `indent`. */
  value(rest: string, indent: number, inMap: boolean): unknown {
    const text = rest.replace(LEADING_SPACES, '');
    const reader = new LineReader(text);
    this.index += 1;
    if (text === '' || text.startsWith('#')) {
      if (rest !== '' && !rest.startsWith(' ')) giveUp();
      const next = this.nextContent();
      if (next && next.indent > indent) return this.node(next.indent);
      // In a map, a list may sit at the key's own indentation.
      if (inMap && next && next.indent === indent && /^-(?: |$)/.test(next.content)) return this.sequence(indent);
      return null;
    }
    let value: unknown;
    const header = BLOCK_HEADER.exec(text);
    if (header) {
      if (!inMap) giveUp();
      return this.blockScalar(header[1] === '>', header[2] === '-', indent);
    } else if (text[0] === '[' || text[0] === '{') {
      value = reader.flowCollection();
      reader.expectEnd();
    } else if (text[0] === "'" || text[0] === '"') {
      value = reader.quoted();
      reader.expectEnd();
    } else {
      if (INDICATOR_FIRST.test(text)) giveUp();
      const plain = text.replace(/ +#.*$/, '').replace(TRAILING_SPACES, '');
      if (/: |:$/.test(plain) || plain.includes(' #')) giveUp();
      value = resolvePlain(plain);
    }
    // A more indented line after a one-line value would continue it (or be an error).
    const next = this.nextContent();
    if (next && next.indent > indent) giveUp();
    return value;
  }

  /** Content lines are those indented deeper than `indent`; `-` strips the final newline. */
  blockScalar(folded: boolean, strip: boolean, indent: number): string {
    const first = this.lines[this.index];
    if (!first || first.content === '' || first.indent <= indent) return giveUp();
    const contentIndent = first.indent;
    const parts: string[] = [];
    let end = this.index;
    for (let i = this.index; i < this.lines.length; i += 1) {
      const line = this.lines[i] as Line;
      if (line.content === '') {
        if (line.indent > contentIndent) giveUp(); // spaces that would be content
        parts.push('');
        continue;
      }
      if (line.indent < contentIndent) break;
      if (line.content.endsWith(' ') || (folded && line.indent > contentIndent)) giveUp();
      parts.push(' '.repeat(line.indent - contentIndent) + line.content);
      end = i + 1;
    }
    parts.length = end - this.index; // trailing blank lines only matter to chomping
    this.index = end;
    let out = '';
    if (folded) {
      parts.forEach((part, i) => {
        if (i === 0) out = part;
        else if (part === '') out += '\n';
        else out += parts[i - 1] === '' ? part : ` ${part}`;
      });
    } else {
      out = parts.join('\n');
    }
    return strip ? out : `${out}\n`;
  }
}

/** The value of a plain guide-pack YAML text, or undefined when the full parser must decide. */
export function readPlainYaml(text: string): { value: unknown } | undefined {
  if (UNUSUAL_TEXT.test(text)) return undefined;
  try {
    const reader = new BlockReader(text);
    const first = reader.nextContent();
    if (!first || first.indent !== 0 || /^(?:---|\.\.\.|%)/.test(first.content)) return undefined;
    const value = reader.node(0);
    return reader.nextContent() ? undefined : { value };
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}
