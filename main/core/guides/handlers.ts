import { join } from 'node:path';
import type { GUIDES_METHOD_NAMES } from '../../../shared/contract/domains/guides/names.ts';
import type { CoreContext } from '../core-context.ts';
import { AppFailure } from '../rpc/app-failure.ts';
import type { CitizenPasses } from '../rpc/caller.ts';
import type { Handlers } from '../rpc/dispatcher.ts';
import { GuideLibrary } from './library.ts';
import { RunService } from './run-service.ts';
import { RunStore } from './run-store.ts';
import { linksOf, prerequisitesOf, summaryOf, textsOf } from './run-views.ts';
import { searchGuides } from './search.ts';

export interface Guides {
  library: GuideLibrary;
  runs: RunService;
}

/** The guide library (loading starts now, in the background) and the run service. */
export const createGuides = (context: CoreContext): Guides => {
  const database = () => context.database.db;
  const library = new GuideLibrary({
    bundledDir: join(context.appRoot, 'resources', 'guides'),
    installedDir: join(context.dataDir, 'guides'),
    cacheFile: join(context.dataDir, 'cache', 'guide-packs.json'),
    database,
  });
  const runs = new RunService({
    library,
    store: new RunStore(database),
    events: context.events,
    dataDir: context.dataDir,
    deskName: () => context.settings.get().deskName,
    deskContact: () => context.settings.get().deskContact,
  });
  return { library, runs };
};

/**
 * A run for a room rather than one citizen (a workshop's projector): the prerequisites checklist
 * is the citizen's, so it is passed with nothing missing and the run opens on its first step.
 */
export const startProjectorRun =
  ({ library, runs }: Guides) =>
  async (guideId: string, language: string): Promise<string> => {
    await library.ready();
    const { run } = runs.start(guideId, language);
    runs.checklist(run.id, []);
    return run.id;
  };

type GuidesHandlers = Pick<Handlers, (typeof GUIDES_METHOD_NAMES)[number]>;

/** Every guides handler first waits for the start-up load, so no call sees a half-loaded library. */
const afterLoad = (library: GuideLibrary, handlers: GuidesHandlers): GuidesHandlers =>
  Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      async (input: never, call: never) => {
        await library.ready();
        return (handler as (input: never, call: never) => unknown)(input, call);
      },
    ]),
  ) as GuidesHandlers;

export const createGuidesHandlers = (context: CoreContext, guides: Guides, passes: CitizenPasses): GuidesHandlers => {
  const { library, runs } = guides;
  const language = (given: string | undefined) => given ?? context.settings.get().language;
  return afterLoad(library, {
    'guides.library': () => library.status(),
    'guides.reload': () => library.reload(),
    'guides.search': ({ query, serviceArea, language: given }) => {
      const lang = language(given);
      const options = serviceArea ? { lang, serviceArea } : { lang };
      return searchGuides(library.packs(), query, options).map((hit) => {
        const pack = library.require(hit.id);
        // A pack is complete in Italian and English; another language falls back to Italian.
        return summaryOf({ ...pack, images: {} }, pack.texts[lang] ? lang : 'it');
      });
    },
    'guides.get': ({ guideId, language: given }) => {
      const pack = library.require(guideId);
      const content = { ...pack, images: {} };
      const lang = language(given);
      const texts = textsOf(content, lang);
      return {
        ...summaryOf(content, lang),
        prerequisites: prerequisitesOf(content, texts),
        links: linksOf(content, texts),
        sources: pack.meta.sources.map(({ url, title, checked }) => ({ url, title, checked })),
        licence: pack.meta.licence,
      };
    },
    'guides.image': ({ guideId, version, image }) => {
      const dataUrl = library.version(guideId, version).images[image];
      if (!dataUrl) throw new AppFailure('NOT_FOUND', 'No such image in this guide', { reason: 'unknownImage', image });
      return { dataUrl };
    },
    'guides.run.start': ({ guideId, language: given }) => runs.start(guideId, language(given)),
    'guides.run.checklist': ({ runId, missing }) => runs.checklist(runId, missing),
    'guides.run.next': ({ runId }) => runs.next(runId),
    'guides.run.back': ({ runId }) => runs.back(runId),
    'guides.run.answer': ({ runId, answerId }) => runs.answer(runId, answerId),
    'guides.run.autonomy': ({ runId, stepId, autonomy }) => runs.autonomy(runId, stepId, autonomy),
    'guides.run.pause': ({ runId }) => runs.pause(runId),
    'guides.run.resume': ({ runId }) => runs.resume(runId),
    'guides.run.finish': ({ runId, outcome, reason }) => runs.finish(runId, outcome, reason),
    'guides.run.get': ({ runId }) => runs.get(runId),
    'guides.run.list': ({ filter, limit }) => runs.list(filter, limit),
    'guides.run.citizen': ({ runId }) => runs.citizen(runId),
    'guides.run.sheet': ({ runId }) => runs.sheet(runId),
    'guides.run.sheet.print': async ({ runId }) => {
      const sheet = await runs.sheet(runId);
      context.events.emit('guides.sheet.printRequested', { path: sheet.path });
      return sheet;
    },
    'guides.citizenWindow.open': ({ runId, mode }) => {
      runs.citizen(runId); // refuses an unknown run before asking for a window
      // The projector view is the trainer's own screen (next/back): it is the desk's, with no pass.
      const pass = mode === 'citizen' ? passes.issue('run', runId) : null;
      context.events.emit('guides.citizenWindow.requested', { runId, mode, pass });
      return { requested: true as const, pass };
    },
  });
};
