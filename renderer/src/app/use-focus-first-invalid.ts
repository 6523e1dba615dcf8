import { useEffect, useRef } from 'react';

/**
 * After a save the form refused, focus goes to the first field marked invalid, so the person sees
 * the message where they are looking (a screen reader reads it out) instead of somewhere above the
 * fold. Runs when the errors change and some field is invalid.
 */
export const useFocusFirstInvalid = <T extends HTMLElement>(errors: Record<string, string>) => {
  const ref = useRef<T>(null);
  const count = Object.keys(errors).length;
  useEffect(() => {
    if (count === 0) return;
    const field = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.focus();
    field?.scrollIntoView({ block: 'center' });
  }, [errors, count]);
  return ref;
};
