/**
 * Finds a guide from what the citizen says at the desk ("devo pagare una multa", "ho perso
 * il pin della carta d'identità"), by title, or by Facilita service area.
 *
 * Plain code with no Node imports, so the renderer could run it too. The library is small
 * (tens of guides), so the index is rebuilt per call; nothing is cached.
 */
import type { GuidePack } from '../../../shared/domain/guide.ts';
import type { Se6ServiceArea } from '../../../shared/facilita/codes.ts';

/** Words that carry no meaning for finding a service: articles, prepositions, pronouns, "devo", "vorrei"… */
const STOP_WORDS = new Set(
  // Italian
  (
    'il lo la i gli le un uno una l d di a da in con su per tra fra del dello della dei degli delle ' +
    'al allo alla ai agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle sul ' +
    'sullo sulla sui sugli sulle col mi me ti te ci vi si ne lui lei noi voi loro mio mia miei mie ' +
    'tuo tua suo sua nostro nostra questo questa questi queste quello quella che chi cui cosa come ' +
    'dove quando perche non e ed o od ma anche piu poi gia ancora solo ho hai ha abbiamo avete hanno ' +
    'sono sei siamo siete essere avere devo deve dobbiamo dovrei bisogna voglio vuole vorrei posso ' +
    'puo potrei serve servono fare faccio fa fatto vado andare sapere so aiuto aiutare buongiorno ' +
    'grazie favore mio signora signore ' +
    // English
    'the an of to for and or but my your his her our their this that these those is are was were be ' +
    'been do does did i me we you he she it they have has had need needs want would like can could ' +
    'how what where when why with from on at by into about please help'
  ).split(/\s+/),
);

/** Lower case, accents removed, apostrophes split ("d'identità" → "d identita"). */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A crude stem that makes "multa"/"multe", "pagare"/"pagamenti"… comparable: drop a plural
 * -s (English) and the final vowels (Italian), never below three letters.
 */
function stem(token: string): string {
  let out = token;
  if (out.length > 4 && out.endsWith('s') && !out.endsWith('ss')) out = out.slice(0, -1);
  const withoutVowels = out.replace(/[aeiou]+$/, '');
  return withoutVowels.length >= 3 ? withoutVowels : out;
}

export function searchTokens(text: string): string[] {
  return normaliseText(text)
    .split(' ')
    .filter((token) => token.length >= 2 && !STOP_WORDS.has(token))
    .map(stem);
}

/** 1 for the same stem, less for a shared beginning ("notific" in "notifiche"/"notificata"). */
function matchQuality(query: string, word: string): number {
  if (query === word) return 1;
  const shorter = Math.min(query.length, word.length);
  if (shorter >= 4 && (word.startsWith(query) || query.startsWith(word))) return 0.7;
  return 0;
}

const FIELD_WEIGHTS = { keywords: 3, title: 2.5, id: 2, summary: 1 } as const;
type Field = keyof typeof FIELD_WEIGHTS;

interface IndexedGuide {
  pack: GuidePack;
  title: string;
  fields: Record<Field, string[]>;
}

export interface GuideSearchHit {
  id: string;
  title: string;
  score: number;
}

export interface GuideSearchOptions {
  /** Language of the query and of the returned titles; falls back to Italian. */
  lang: string;
  /** Only guides tagged with this Facilita SE6 area. */
  serviceArea?: Se6ServiceArea;
  limit?: number;
}

function indexGuide(pack: GuidePack, lang: string): IndexedGuide {
  const texts = pack.texts[lang] ?? pack.texts.it ?? Object.values(pack.texts)[0];
  return {
    pack,
    title: texts?.title ?? pack.meta.id,
    fields: {
      keywords: searchTokens((texts?.keywords ?? []).join(' ')),
      title: searchTokens(texts?.title ?? ''),
      id: searchTokens(pack.meta.id.replace(/-/g, ' ')),
      summary: searchTokens(texts?.summary ?? ''),
    },
  };
}

/**
 * Guides that match the query, best first. Each query word adds the weight of the best field
 * it matches, scaled by how rare the word is across the library (so "carta", found in many
 * guides, counts less than "multa"). An empty query lists every guide (of the area) by title.
 */
export function searchGuides(
  packs: readonly GuidePack[],
  query: string,
  options: GuideSearchOptions,
): GuideSearchHit[] {
  const guides = packs
    .filter((pack) => !options.serviceArea || pack.meta.serviceAreas.includes(options.serviceArea))
    .map((pack) => indexGuide(pack, options.lang));
  const queryTokens = [...new Set(searchTokens(query))];
  if (queryTokens.length === 0) {
    return guides
      .map((g) => ({ id: g.pack.meta.id, title: g.title, score: 0 }))
      .sort((a, b) => a.title.localeCompare(b.title))
      .slice(0, options.limit ?? guides.length);
  }

  const allWords = (g: IndexedGuide) => Object.values(g.fields).flat();
  const rarity = new Map<string, number>();
  for (const token of queryTokens) {
    const containing = guides.filter((g) => allWords(g).some((w) => matchQuality(token, w) > 0)).length;
    rarity.set(token, Math.log(1 + guides.length / Math.max(1, containing)));
  }

  const hits: GuideSearchHit[] = [];
  for (const guide of guides) {
    let score = 0;
    for (const token of queryTokens) {
      let best = 0;
      for (const field of Object.keys(FIELD_WEIGHTS) as Field[]) {
        for (const word of guide.fields[field]) {
          best = Math.max(best, FIELD_WEIGHTS[field] * matchQuality(token, word));
        }
      }
      score += best * (rarity.get(token) ?? 0);
    }
    if (score > 0) hits.push({ id: guide.pack.meta.id, title: guide.title, score });
  }
  hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
  return hits.slice(0, options.limit ?? hits.length);
}
