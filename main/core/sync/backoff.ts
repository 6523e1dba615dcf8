export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/**
 * "Full jitter" exponential backoff (AWS Architecture Blog): a random wait between 0 and
 * min(cap, base·2^attempt). Desks that lost the hub together do not come back together.
 * There is no attempt limit: a desk keeps trying for as long as it is offline.
 */
export const backoffDelay = (
  attempt: number,
  random: () => number = Math.random,
  base = BACKOFF_BASE_MS,
  cap = BACKOFF_CAP_MS,
): number => Math.floor(random() * Math.min(cap, base * 2 ** Math.min(attempt, 30)));
