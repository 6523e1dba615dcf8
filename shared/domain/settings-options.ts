/** The allowed values of each setting, without zod, so the renderer can list them without bundling it. */
export const LANGUAGES = ['it', 'en'] as const;
export const THEMES = ['standard', 'highContrast'] as const;
export const TEXT_SCALE = { min: 100, max: 200, step: 10 } as const;
export const DESK_NAME_MAX = 80;
export const DESK_CONTACT_MAX = 120;
