import Conf from 'conf';
import type { StoreFactory } from './settings-service.ts';

/** Browser mode's settings: the same schema as electron-store in Electron, through conf, the library it is built on. */
export const confStore: StoreFactory = (options) => new Conf({ ...options, projectName: 'passopasso' });
