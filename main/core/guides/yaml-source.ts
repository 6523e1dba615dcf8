/**
 * YAML files kept together with their syntax tree, so that any problem found later (by zod
 * or by a lint rule) can be reported at the line a trainer has to fix.
 *
 * Most files are valid, so the tree is built only when a position is first asked for: plain
 * files are read by plain-yaml.ts, and the `yaml` library (the reference) parses them again
 * only to locate a problem. Files outside that plain subset go straight to `yaml`.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { PackError, PackErrorCode } from '../../../shared/domain/guide.ts';
import { readPlainYaml } from './plain-yaml.ts';

interface SyntaxTree {
  doc: Document.Parsed;
  lines: LineCounter;
}

export interface YamlSource {
  file: string;
  /** The plain JavaScript value of the document. */
  value: unknown;
  /** The document with source positions, built on first use. */
  tree(): SyntaxTree;
}

export interface Position {
  line: number;
  column: number;
}

export type ParsedYaml = { ok: true; source: YamlSource } | { ok: false; errors: PackError[] };

export function packError(
  code: PackErrorCode,
  file: string,
  at: Position,
  message: string,
  severity: PackError['severity'] = 'error',
): PackError {
  return { code, severity, file, line: at.line, column: at.column, message };
}

export const START_OF_FILE: Position = { line: 1, column: 1 };

function parseTree(text: string): SyntaxTree {
  const lines = new LineCounter();
  // YAML 1.2 core schema: `2026-11-22` and `1.0.0` stay strings, `yes`/`no` are not booleans.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  return { doc, lines };
}

/** Parses one YAML text; syntax errors (including duplicate keys) come back as values. */
export function parseYamlSource(file: string, text: string): ParsedYaml {
  const plain = readPlainYaml(text);
  if (plain) {
    let tree: SyntaxTree | undefined;
    return { ok: true, source: { file, value: plain.value, tree: () => (tree ??= parseTree(text)) } };
  }
  const tree = parseTree(text);
  const { doc } = tree;
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => {
        const at = error.linePos?.[0] ?? { line: 1, col: 1 };
        // yaml's message repeats the position and a code excerpt; the first line is enough.
        const message = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.code;
        return packError('yaml-syntax', file, { line: at.line, column: at.col }, message);
      }),
    };
  }
  return { ok: true, source: { file, value: doc.toJS() as unknown, tree: () => tree } };
}

function positionOfNode(lines: LineCounter, node: Node | null | undefined): Position {
  const offset = node?.range?.[0];
  if (offset === undefined) return START_OF_FILE;
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/**
 * Where `path` (e.g. ['steps', 3, 'next']) is written. For a map key it is the key itself;
 * when the path does not exist (a missing field) it is the nearest enclosing node that does.
 */
export function locate(source: YamlSource, path: readonly PropertyKey[]): Position {
  const { doc, lines } = source.tree();
  let node: unknown = doc.contents;
  let position = positionOfNode(lines, node as Node | null);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return position;
      position = positionOfNode(lines, pair.key as Node);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return position;
      position = positionOfNode(lines, item as Node);
      node = item;
    } else {
      return position;
    }
  }
  return position;
}
