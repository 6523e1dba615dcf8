import { join } from 'node:path';

/** The journal's database file in a data folder (one home for the name: the core and the key check both need it). */
export const databaseFileOf = (dataDir: string): string => join(dataDir, 'passopasso.sqlite');
