/**
 * The one-line pieces of plain-yaml.ts: plain and quoted scalars, keys and flow collections
 * such as `[a, b]` or `{ id: x, next: y }`. Same contract: the `yaml` library's value, or give up.
 */

/** Thrown to give up; caught once in readPlainYaml (plain-yaml.ts). */
export const GIVE_UP = Symbol('not plain yaml');
export const giveUp = (): never => {
  throw GIVE_UP;
};

// The YAML 1.2 core schema tags, as the `yaml` library tests plain scalars.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const DECIMAL = /^[0-9]{1,15}$/;
const OTHER_NUMBER = [
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];

/** Characters that give a plain scalar another meaning when they come first. */
export const INDICATOR_FIRST = /^[-?:,[\]{}#&*!|>'"%@`]/;
const BLANK = /^ *$/;
// Only spaces: JavaScript's trim() would also take no-break and other Unicode spaces, which
// are content in YAML.
export const LEADING_SPACES = /^ +/;
export const TRAILING_SPACES = / +$/;
/** `yaml` refuses implicit keys longer than 1024 characters. */
const MAX_KEY = 1000;
const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t' };

/** Every null, bool or number above starts with one of these; other scalars are strings. */
const MAYBE_NOT_STRING = /^[-+.0-9~nNtTfF]|^$/;

export function resolvePlain(text: string): unknown {
  if (!MAYBE_NOT_STRING.test(text)) return text;
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (DECIMAL.test(text)) return Number(text);
  if (OTHER_NUMBER.some((pattern) => pattern.test(text))) giveUp();
  return text;
}

/** A key as a JavaScript property name; anything but a plain string key is left to `yaml`. */
export function keyOf(raw: string): string {
  const key = raw[0] === "'" || raw[0] === '"' ? raw.slice(1, -1) : resolvePlain(raw);
  if (typeof key !== 'string' || key === '__proto__' || raw.length > MAX_KEY) giveUp();
  return key as string;
}

export function setOnce(map: Record<string, unknown>, key: string, value: unknown): void {
  if (Object.hasOwn(map, key)) giveUp(); // a duplicate key is an error the full parser reports
  map[key] = value;
}

/** One line of text, read from `at` onwards; each method moves `at` past what it read. */
export class LineReader {
  readonly text: string;
  at = 0;

  constructor(text: string) {
    this.text = text;
  }

  skipSpaces(): void {
    while (this.text[this.at] === ' ') this.at += 1;
  }

  /** Only spaces and perhaps a comment (a `#` after a space) may follow. */
  expectEnd(): void {
    const rest = this.text.slice(this.at);
    if (!BLANK.test(rest) && !/^ +#/.test(rest)) giveUp();
  }

  quoted(): string {
    const quote = this.text[this.at];
    let out = '';
    for (let i = this.at + 1; i < this.text.length; i += 1) {
      const char = this.text[i] as string;
      if (quote === "'" && char === "'") {
        if (this.text[i + 1] === "'") {
          out += "'";
          i += 1;
          continue;
        }
        this.at = i + 1;
        return out;
      }
      if (quote === '"' && char === '"') {
        this.at = i + 1;
        return out;
      }
      if (quote === '"' && char === '\\') {
        out += ESCAPES[this.text[i + 1] ?? ''] ?? giveUp();
        i += 1;
        continue;
      }
      out += char;
    }
    return giveUp(); // the scalar goes on over several lines
  }

  flowScalar(): unknown {
    const char = this.text[this.at] as string;
    if (char === "'" || char === '"') return this.quoted();
    if (INDICATOR_FIRST.test(char)) giveUp();
    const start = this.at;
    for (;;) {
      const c = this.text[this.at];
      if (c === undefined || c === ',' || c === ']' || c === '}' || c === '[' || c === '{') break;
      if (c === ':' && /^[ ,\]}]?$/.test(this.text[this.at + 1] ?? '')) break;
      if (c === '#' && this.text[this.at - 1] === ' ') giveUp();
      this.at += 1;
    }
    return resolvePlain(this.text.slice(start, this.at).replace(TRAILING_SPACES, ''));
  }

  flowNode(): unknown {
    this.skipSpaces();
    const char = this.text[this.at];
    if (char === '[' || char === '{') return this.flowCollection();
    return this.flowScalar();
  }

  flowCollection(): unknown {
    const isMap = this.text[this.at] === '{';
    const close = isMap ? '}' : ']';
    const map: Record<string, unknown> = {};
    const list: unknown[] = [];
    this.at += 1;
    this.skipSpaces();
    if (this.text[this.at] === close) {
      this.at += 1;
      return isMap ? map : list;
    }
    for (;;) {
      this.skipSpaces();
      if (isMap) {
        const key = this.flowScalar();
        if (typeof key !== 'string' || key === '__proto__' || key.length > MAX_KEY) giveUp();
        if (this.text[this.at] !== ':' || this.text[this.at + 1] !== ' ') giveUp();
        this.at += 1;
        setOnce(map, key as string, this.flowNode());
      } else {
        list.push(this.flowNode());
      }
      this.skipSpaces();
      const next = this.text[this.at];
      this.at += 1;
      if (next === close) return isMap ? map : list;
      if (next !== ',') giveUp();
      this.skipSpaces();
      if (this.text[this.at] === close) giveUp(); // a trailing comma: valid, but not worth the risk
    }
  }
}
