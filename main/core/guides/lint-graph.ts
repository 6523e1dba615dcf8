/**
 * Rules on the shape of a guide's step graph (guide.yaml): every target exists, every step
 * can be reached, no loops, and no path from start to an end is longer than a citizen at a
 * desk can follow.
 */
import { MAX_GUIDE_PATH_STEPS, type GuideMeta, type PackError } from '../../../shared/domain/guide.ts';
import { locate, packError, type YamlSource } from './yaml-source.ts';

interface Edge {
  to: string;
  /** Path of the field that holds the target, for the error position. */
  path: PropertyKey[];
}

function duplicateIds(meta: GuideMeta, source: YamlSource): PackError[] {
  const errors: PackError[] = [];
  const check = (ids: string[], listPath: PropertyKey[], what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) {
        errors.push(
          packError(
            'duplicate-id',
            source.file,
            locate(source, [...listPath, index, 'id']),
            `${what} id "${id}" is used twice`,
          ),
        );
      }
      seen.add(id);
    });
  };
  check(
    meta.steps.map((s) => s.id),
    ['steps'],
    'step',
  );
  check(
    meta.prerequisites.map((p) => p.id),
    ['prerequisites'],
    'prerequisite',
  );
  check(
    meta.links.map((l) => l.id),
    ['links'],
    'link',
  );
  meta.steps.forEach((step, index) => {
    if (step.question)
      check(
        step.question.answers.map((a) => a.id),
        ['steps', index, 'question', 'answers'],
        'answer',
      );
  });
  return errors;
}

/** Targets of each step, keyed by step id (first occurrence wins if ids repeat). */
function edgesOf(meta: GuideMeta): Map<string, Edge[]> {
  const edges = new Map<string, Edge[]>();
  meta.steps.forEach((step, index) => {
    if (edges.has(step.id)) return;
    const out: Edge[] = [];
    if (step.next !== undefined) out.push({ to: step.next, path: ['steps', index, 'next'] });
    step.question?.answers.forEach((answer, answerIndex) => {
      out.push({ to: answer.next, path: ['steps', index, 'question', 'answers', answerIndex, 'next'] });
    });
    edges.set(step.id, out);
  });
  return edges;
}

function stepIndex(meta: GuideMeta): Map<string, number> {
  const index = new Map<string, number>();
  meta.steps.forEach((step, i) => {
    if (!index.has(step.id)) index.set(step.id, i);
  });
  return index;
}

export function lintGraph(meta: GuideMeta, source: YamlSource): PackError[] {
  const errors = duplicateIds(meta, source);
  const indexOf = stepIndex(meta);
  const edges = edgesOf(meta);
  const linkIds = new Set(meta.links.map((link) => link.id));
  const at = (path: PropertyKey[]) => locate(source, path);

  meta.steps.forEach((step, index) => {
    if (step.next !== undefined && step.question !== undefined) {
      errors.push(
        packError(
          'step-next-and-question',
          source.file,
          at(['steps', index, 'next']),
          `step "${step.id}" has both next and question; keep one`,
        ),
      );
    }
    step.links?.forEach((linkId, linkIndex) => {
      if (!linkIds.has(linkId)) {
        errors.push(
          packError(
            'unknown-link',
            source.file,
            at(['steps', index, 'links', linkIndex]),
            `step "${step.id}" shows link "${linkId}", which is not in links`,
          ),
        );
      }
    });
  });

  let targetsBroken = false;
  if (!indexOf.has(meta.start)) {
    targetsBroken = true;
    errors.push(
      packError('broken-target', source.file, at(['start']), `start points to "${meta.start}", which is not a step`),
    );
  }
  for (const [from, out] of edges) {
    for (const edge of out) {
      if (!indexOf.has(edge.to)) {
        targetsBroken = true;
        errors.push(
          packError(
            'broken-target',
            source.file,
            at(edge.path),
            `step "${from}" leads to "${edge.to}", which is not a step`,
          ),
        );
      }
    }
  }
  // Reachability and path rules would only repeat the broken target in other words.
  if (targetsBroken) return errors;

  const reachable = new Set<string>();
  const queue = [meta.start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (reachable.has(id)) continue;
    reachable.add(id);
    for (const edge of edges.get(id) ?? []) queue.push(edge.to);
  }
  for (const [id, index] of indexOf) {
    if (!reachable.has(id)) {
      errors.push(
        packError(
          'unreachable-step',
          source.file,
          at(['steps', index, 'id']),
          `step "${id}" cannot be reached from start "${meta.start}"`,
        ),
      );
    }
  }

  const cycleErrors = findCycles(meta.start, edges, source);
  errors.push(...cycleErrors);
  if (cycleErrors.length > 0) return errors;

  // No separate "no end step" rule: with every target valid and no loop, every path from
  // start necessarily stops at a step with neither next nor question.
  const longest = longestPath(meta.start, edges);
  if (longest.length > MAX_GUIDE_PATH_STEPS) {
    const beyond = longest[MAX_GUIDE_PATH_STEPS] as string;
    errors.push(
      packError(
        'path-too-long',
        source.file,
        at(['steps', indexOf.get(beyond) ?? 0, 'id']),
        `the path ${longest.join(' → ')} has ${longest.length} steps; at most ${MAX_GUIDE_PATH_STEPS} are allowed (split the guide or merge steps)`,
      ),
    );
  }
  return errors;
}

/** Depth-first search from start; each edge back into the current path closes a loop. */
function findCycles(start: string, edges: Map<string, Edge[]>, source: YamlSource): PackError[] {
  const errors: PackError[] = [];
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (id: string) => {
    onPath.push(id);
    for (const edge of edges.get(id) ?? []) {
      const loopStart = onPath.indexOf(edge.to);
      if (loopStart >= 0) {
        const loop = [...onPath.slice(loopStart), edge.to].join(' → ');
        errors.push(packError('cycle', source.file, locate(source, edge.path), `the steps loop: ${loop}`));
      } else if (!done.has(edge.to)) {
        visit(edge.to);
      }
    }
    onPath.pop();
    done.add(id);
  };
  visit(start);
  return errors;
}

/** The longest path (as step ids) from start to an end in an acyclic graph. */
function longestPath(start: string, edges: Map<string, Edge[]>): string[] {
  const memo = new Map<string, string[]>();
  const from = (id: string): string[] => {
    const known = memo.get(id);
    if (known) return known;
    let best: string[] = [];
    for (const edge of edges.get(id) ?? []) {
      const candidate = from(edge.to);
      if (candidate.length > best.length) best = candidate;
    }
    const path = [id, ...best];
    memo.set(id, path);
    return path;
  };
  return from(start);
}
