/** The guides domain's method and event names (zod-free: the preload imports these). */
export const GUIDES_METHOD_NAMES = [
  'guides.library',
  'guides.reload',
  'guides.search',
  'guides.get',
  'guides.image',
  'guides.run.start',
  'guides.run.checklist',
  'guides.run.next',
  'guides.run.back',
  'guides.run.answer',
  'guides.run.autonomy',
  'guides.run.pause',
  'guides.run.resume',
  'guides.run.finish',
  'guides.run.get',
  'guides.run.list',
  'guides.run.citizen',
  'guides.run.sheet',
  'guides.run.sheet.print',
  'guides.citizenWindow.open',
] as const;

export const GUIDES_EVENT_NAMES = [
  'guides.run.changed',
  'guides.citizenWindow.requested',
  'guides.sheet.printRequested',
] as const;
