/**
 * YAML files kept together with their syntax tree, so that any problem found later (by zod
 * or by a lint rule) can be reported at the line a trainer has to fix.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { PackError, PackErrorCode } from '../../../shared/domain/guide.ts';

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The plain JavaScript value of the document. */
  value: unknown;
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

/** Parses one YAML text; syntax errors (including duplicate keys) come back as values. */
export function parseYamlSource(file: string, text: string): ParsedYaml {
  const lines = new LineCounter();
  // YAML 1.2 core schema: `2026-11-22` and `1.0.0` stay strings, `yes`/`no` are not booleans.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
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
  return { ok: true, source: { file, doc, lines, value: doc.toJS() as unknown } };
}

function positionOfOffset(source: YamlSource, offset: number): Position {
  const { line, col } = source.lines.linePos(offset);
  return { line, column: col };
}

function positionOfNode(source: YamlSource, node: Node | null | undefined): Position {
  const offset = node?.range?.[0];
  return offset === undefined ? START_OF_FILE : positionOfOffset(source, offset);
}

/**
 * Where `path` (e.g. ['steps', 3, 'next']) is written. For a map key it is the key itself;
 * when the path does not exist (a missing field) it is the nearest enclosing node that does.
 */
export function locate(source: YamlSource, path: readonly PropertyKey[]): Position {
  let node: unknown = source.doc.contents;
  let position = positionOfNode(source, node as Node | null);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return position;
      position = positionOfNode(source, pair.key as Node);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return position;
      position = positionOfNode(source, item as Node);
      node = item;
    } else {
      return position;
    }
  }
  return position;
}
