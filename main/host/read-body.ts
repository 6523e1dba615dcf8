import type { IncomingMessage } from 'node:http';
import { AppFailure } from '../core/rpc/app-failure.ts';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Reads a JSON body, refusing more than `limit` bytes as soon as they arrive (not after buffering them all). */
export const readJsonBody = async (request: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<unknown> => {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw new AppFailure('TOO_LARGE', `Body over ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AppFailure('TOO_LARGE', `Body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new AppFailure('VALIDATION', 'Body is not valid JSON', {
      issues: [{ path: '', code: 'invalid_json', message: 'Body is not valid JSON' }],
    });
  }
};
