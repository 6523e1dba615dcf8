/** Events the desktop shell itself sends to its windows (zod-free: the preload imports these). */
export const SHELL_METHOD_NAMES = [] as const;

export const SHELL_EVENT_NAMES = ['shell.printFailed'] as const;
