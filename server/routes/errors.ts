import { HubFailure } from '../failure.ts';

/** Fastify's own errors (bad JSON, body too large, wrong media type, rate limit) in the hub's one error shape. */
export const toHubError = (error: unknown): HubFailure => {
  if (error instanceof HubFailure) return error;
  const { code, statusCode } = error as { code?: string; statusCode?: number };
  if (statusCode === 413 || code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new HubFailure('TOO_LARGE', 'The request body is too large');
  if (statusCode === 415 || code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new HubFailure('UNSUPPORTED_MEDIA_TYPE', 'Send application/json');
  }
  if (statusCode === 429) return new HubFailure('RATE_LIMITED', 'Too many requests');
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    return new HubFailure(
      'VALIDATION',
      code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError ? 'Malformed JSON' : 'Bad request',
    );
  }
  return new HubFailure('INTERNAL', 'Unexpected failure');
};
