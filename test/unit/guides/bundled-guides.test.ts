import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_GUIDE_PATH_STEPS, REQUIRED_GUIDE_LANGUAGES, type GuidePack } from '../../../shared/domain/guide.ts';
import { loadPack, packDirsIn } from '../../../main/core/guides/load-pack.ts';
import { BUNDLED_GUIDES, REVIEW_DAY } from './paths.ts';

const EXPECTED_GUIDES = [
  'anpr-certificate',
  'assegno-unico',
  'bollo-auto',
  'cie-appointment',
  'cpia-italian-course',
  'family-doctor',
  'inps-login',
  'io-health-card',
  'isee-precompilato',
  'referendum-signature',
  'residence-permit-status',
  'school-enrolment',
  'siisl-employment',
  'sport-voucher',
  'tax-730-precompilato',
  'youth-culture-card',
  'app-io-first-access',
  'cie-activate-credentials',
  'cie-cieid-level3',
  'cie-lost-pin-puk',
  'cup-booking',
  'email-account',
  'fse-access',
  'inad-pec',
  'inps-services',
  'pagopa-pay-notice',
  'safe-apps-phishing',
  'send-notification',
  'spid-other-provider',
  'spid-posteid',
];

const dirs = await packDirsIn(BUNDLED_GUIDES);
const packs: GuidePack[] = [];

describe('bundled guide library', () => {
  it('holds every expected guide', () => {
    expect(dirs.map((d) => d.split(/[\\/]/).pop())).toEqual(expect.arrayContaining(EXPECTED_GUIDES));
    expect(dirs.length).toBeGreaterThanOrEqual(30);
  });

  it.each(dirs.map((dir) => [dir.split(/[\\/]/).pop() as string, dir]))('%s passes every check', async (_id, dir) => {
    const result = await loadPack(dir, { now: REVIEW_DAY });
    expect(result.ok ? [] : result.errors.map((e) => `${e.file}:${e.line} [${e.code}] ${e.message}`)).toEqual([]);
    expect(result.warnings).toEqual([]);
    if (!result.ok) return;
    packs.push(result.pack);
    for (const lang of REQUIRED_GUIDE_LANGUAGES) {
      const texts = result.pack.texts[lang];
      expect(texts, lang).toBeDefined();
      expect(texts?.keywords.length, `${lang} keywords`).toBeGreaterThanOrEqual(5);
      expect(Object.keys(texts?.steps ?? {}).sort()).toEqual(result.pack.meta.steps.map((s) => s.id).sort());
    }
    expect(result.pack.meta.links.length).toBeGreaterThan(0);
    expect(result.pack.meta.sources.length).toBeGreaterThan(0);
  });

  it('gives every guide at least one branch and some pitfalls and operator tips', () => {
    for (const pack of packs) {
      expect(
        pack.meta.steps.some((s) => s.question),
        pack.meta.id,
      ).toBe(true);
      const steps = Object.values(pack.texts.it?.steps ?? {});
      expect(
        steps.some((s) => s.operatorTip),
        pack.meta.id,
      ).toBe(true);
    }
    const withPitfalls = packs.filter((p) => Object.values(p.texts.it?.steps ?? {}).some((s) => s.pitfalls.length > 0));
    expect(withPitfalls.map((p) => p.meta.id)).toEqual(packs.map((p) => p.meta.id));
  });

  it('covers every public-service area a citizen meets at a desk, and uses S only where none fits', () => {
    const areas = new Set<string>(packs.flatMap((pack) => pack.meta.serviceAreas));
    for (const area of ['A', 'B', 'C', 'D', 'F', 'G', 'H', 'I', 'J', 'L', 'M', 'N', 'O', 'Q', 'R']) {
      expect(areas.has(area), area).toBe(true);
    }
    const underS = packs.filter((pack) => pack.meta.serviceAreas.includes('S')).map((pack) => pack.meta.id);
    expect(underS.sort()).toEqual(['email-account', 'safe-apps-phishing']);
    for (const pack of packs) {
      // Digital-identity guides are counted by competence 9, never by "none of these".
      if (pack.meta.competences.includes(9)) expect(pack.meta.serviceAreas, pack.meta.id).not.toContain('S');
    }
  });

  it('keeps every step path within the limit (checked by the linter, restated here)', () => {
    expect(MAX_GUIDE_PATH_STEPS).toBe(12);
  });

  it('ships at least six accessible, self-contained SVG illustrations', () => {
    const svgs = new Map<string, string>();
    for (const pack of packs) {
      for (const step of pack.meta.steps) {
        if (step.image?.endsWith('.svg')) svgs.set(step.image, readFileSync(join(pack.dir, step.image), 'utf8'));
      }
    }
    expect(svgs.size).toBeGreaterThanOrEqual(6);
    for (const [name, svg] of svgs) {
      expect(svg, name).toMatch(/<title[^>]*>[^<]{10,}<\/title>/);
      expect(svg, name).toMatch(/<desc[^>]*>[^<]{20,}<\/desc>/);
      expect(svg, name).toMatch(/role="img"/);
      expect(svg, name).not.toMatch(/<script|\son[a-z]+=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    }
  });
});
