import { z } from 'zod';

import { DESK_CONTACT_MAX, DESK_NAME_MAX, LANGUAGES, TEXT_SCALE, THEMES } from './settings-options.ts';

export { DESK_CONTACT_MAX, DESK_NAME_MAX, LANGUAGES, TEXT_SCALE, THEMES };

const settingsShape = {
  language: z.enum(LANGUAGES),
  /** Percent of the normal text size; the whole layout is built in rem so it follows. */
  textScale: z.number().int().min(TEXT_SCALE.min).max(TEXT_SCALE.max).multipleOf(TEXT_SCALE.step),
  theme: z.enum(THEMES),
  deskName: z.string().trim().max(DESK_NAME_MAX),
  /** Phone, e-mail or opening hours, printed on the citizen's take-home sheet. */
  deskContact: z.string().trim().max(DESK_CONTACT_MAX),
};

export const Settings = z.object(settingsShape);
export type Settings = z.infer<typeof Settings>;

/** A change to some settings; unknown keys are refused rather than silently stored. */
export const SettingsPatch = z.object(settingsShape).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'it',
  textScale: 100,
  theme: 'standard',
  deskName: '',
  deskContact: '',
};
