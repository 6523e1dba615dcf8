import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { packDigestParts } from '../../../shared/sync-protocol/canonical.ts';
import { GuidePackPayload } from '../../../shared/sync-protocol/pull.ts';

export const installedGuidesDir = (dataDir: string): string => join(dataDir, 'guides');

/**
 * Installs a guide pack sent by the hub into `<dataDir>/guides/<id>/` — only if its files hash to
 * the SHA-256 the hub published. Written to a temporary folder then swapped in, so a crash leaves
 * the previous version or the new one, never half of each. The pack store lints it at its next
 * load and keeps the previous version if it fails.
 */
export const installGuidePack = (
  dataDir: string,
  payload: unknown,
): { ok: true; id: string; version: string } | { ok: false; reason: string } => {
  const parsed = GuidePackPayload.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: 'The guide pack is malformed' };
  const pack = parsed.data;
  const files = Object.fromEntries(
    Object.entries(pack.files).map(([path, base64]) => [path, Buffer.from(base64, 'base64')]),
  );
  const hash = createHash('sha256');
  for (const part of packDigestParts(files)) hash.update(part);
  if (hash.digest('hex') !== pack.sha256) return { ok: false, reason: 'The guide pack does not match its SHA-256' };

  const root = installedGuidesDir(dataDir);
  const target = join(root, pack.id);
  const incoming = join(root, `.incoming-${pack.id}-${randomBytes(4).toString('hex')}`);
  for (const [path, bytes] of Object.entries(files)) {
    const file = resolve(incoming, path);
    if (!file.startsWith(incoming + sep)) return { ok: false, reason: 'The guide pack has a path outside its folder' };
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
  const old = `${target}.old-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(target, old);
  } catch {
    // First install of this guide.
  }
  renameSync(incoming, target);
  rmSync(old, { recursive: true, force: true });
  return { ok: true, id: pack.id, version: pack.version };
};
