import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { packDigestParts } from '../../shared/sync-protocol/canonical.ts';
import { GuidePackPayload } from '../../shared/sync-protocol/pull.ts';
import { HubFailure } from '../failure.ts';
import { createHash } from 'node:crypto';

export const packDigest = (files: Record<string, Uint8Array>): string => {
  const hash = createHash('sha256');
  for (const part of packDigestParts(files)) hash.update(part);
  return hash.digest('hex');
};

const decodeFiles = (files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).map(([path, base64]) => [path, Buffer.from(base64, 'base64')]));

/** A published pack must carry the hash of exactly its files (checked again by each desk before install). */
export const verifyPackPayload = (pack: GuidePackPayload): void => {
  if (packDigest(decodeFiles(pack.files)) !== pack.sha256)
    throw new HubFailure('VALIDATION', 'The guide pack hash does not match its files');
};

const listFiles = (root: string, dir = root): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(root, path) : [relative(root, path).split(sep).join('/')];
  });

/** Reads a guide pack folder (guide.yaml, it.yaml, images/…) into the payload the hub publishes. */
export const packFromFolder = (folder: string): GuidePackPayload => {
  const files: Record<string, Buffer> = {};
  for (const path of listFiles(folder)) files[path] = readFileSync(join(folder, path));
  const manifest = String(files['guide.yaml'] ?? '');
  const id = /^id:\s*['"]?([a-z0-9-]+)/m.exec(manifest)?.[1];
  const version = /^version:\s*['"]?([0-9A-Za-z.+-]+)/m.exec(manifest)?.[1];
  if (!id || !version) throw new HubFailure('VALIDATION', 'guide.yaml must state id and version');
  return GuidePackPayload.parse({
    id,
    version,
    sha256: packDigest(files),
    files: Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, bytes.toString('base64')])),
  });
};
