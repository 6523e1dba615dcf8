import { useLayoutEffect, useRef } from 'react';

/** Below this the print would no longer read from the back of a room: the box scrolls instead. */
const MIN_SCALE = 0.45;

/**
 * Fits a box's content to the box: its CSS variable `--fit` (1 = the full, viewport-derived size)
 * shrinks until nothing is taller or wider than the box, so a long step, a big picture or text at
 * 200 % is never cut off and the projected page never scrolls. Measured again whenever the box
 * (the window) or its content (a new step, an image loading) changes size.
 */
export const useFitToBox = <T extends HTMLElement>() => {
  const box = useRef<T>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const overflows = () =>
      element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
    const fit = () => {
      // From the full size each time: the window may have grown since the last fit.
      let scale = 1;
      element.style.setProperty('--fit', '1');
      // Type and pictures scale together, so the ratio of the heights is close: a few steps settle it.
      for (let round = 0; round < 8 && overflows() && scale > MIN_SCALE; round += 1) {
        const ratio = Math.min(element.clientHeight / element.scrollHeight, element.clientWidth / element.scrollWidth);
        scale = Math.max(MIN_SCALE, scale * Math.min(ratio, 0.97));
        element.style.setProperty('--fit', String(scale));
      }
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  });
  return box;
};
