export * from './common.ts';
export * from './enroll.ts';
export * from './push.ts';
export * from './pull.ts';
export * from './record.ts';
export * from './admin.ts';
export * from './canonical.ts';
export * from './exports.ts';
