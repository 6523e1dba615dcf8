export * from './result.ts';
export * from './names.ts';
export * from './methods.ts';
