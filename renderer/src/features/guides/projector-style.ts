import type { StepSizes } from './CitizenScreen.tsx';

/**
 * Projector mode's sizes, all from the viewport: the base size is the smaller of a share of the
 * width and of the height (a 4:3 and a 16:9 room screen both fill), never below a rem floor (so
 * the desk's 200 % text setting still counts), and times `--fit`, which use-fit.ts lowers when a
 * step would not fit. Every part of the step is in `em` of that base.
 */
export const PROJECTOR_BASE = 'calc(var(--fit, 1) * clamp(1.25rem, min(4.2vw, 6vh), 6rem))';

export const PROJECTOR_SIZES: StepSizes = {
  spacing: '0.5em',
  heading: { fontSize: '1.6em', lineHeight: 1.15 },
  progress: { fontSize: '0.6em' },
  text: { fontSize: '1em', lineHeight: 1.3 },
  image: { maxHeight: 'calc(var(--fit, 1) * 38vh)', height: 'calc(var(--fit, 1) * 38vh)' },
};

/** The guide's name above the step and the trainer's buttons below it: smaller, still from the viewport. */
export const PROJECTOR_SMALL = { fontSize: 'clamp(1rem, min(2.2vw, 3.2vh), 2.5rem)' } as const;
export const PROJECTOR_BUTTON = {
  fontSize: 'clamp(1rem, min(2.4vw, 3.4vh), 2.75rem)',
  px: '1em',
  py: '0.3em',
  bgcolor: '#ffff00',
  color: '#000000',
  '&:hover': { bgcolor: '#ffffff' },
  '&.Mui-disabled': { bgcolor: '#595959', color: '#ffffff' },
} as const;
