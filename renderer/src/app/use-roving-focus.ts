import { useRef, useState, type KeyboardEvent } from 'react';

const MOVES: Record<string, (index: number, last: number) => number> = {
  ArrowDown: (index, last) => (index === last ? 0 : index + 1),
  ArrowRight: (index, last) => (index === last ? 0 : index + 1),
  ArrowUp: (index, last) => (index === 0 ? last : index - 1),
  ArrowLeft: (index, last) => (index === 0 ? last : index - 1),
  Home: () => 0,
  End: (_index, last) => last,
};

/**
 * One tab stop for a group of options (a "roving tabindex"): Tab enters and leaves the group, the
 * arrow keys, Home and End move inside it, Space still ticks. A session form has dozens of
 * checkboxes; as separate tab stops they took 45 Tabs to cross. The stop is the option last
 * focused, else `start` (the first one ticked, so the group is entered where its answer is).
 */
export const useRovingFocus = (count: number, start: number) => {
  const [current, setCurrent] = useState<number | null>(null);
  const elements = useRef<(HTMLElement | null)[]>([]);
  const stop = Math.min(current ?? start, count - 1);
  const onKeyDown = (event: KeyboardEvent) => {
    const move = MOVES[event.key];
    if (!move || count === 0) return;
    const from = elements.current.findIndex((element) => element === document.activeElement);
    if (from < 0) return;
    event.preventDefault();
    const to = move(from, count - 1);
    setCurrent(to);
    elements.current[to]?.focus();
  };
  /** The option's input props: its place in the tab order, and noting it when focused. */
  const item = (index: number) => ({ tabIndex: index === stop ? 0 : -1, onFocus: () => setCurrent(index) });
  /** The option's input element, to move focus to. */
  const ref = (index: number) => (element: HTMLElement | null) => {
    elements.current[index] = element;
  };
  return { onKeyDown, item, ref };
};
