/**
 * The core's only logger. It takes an event name and a few technical fields (codes, counts,
 * method names) — never input values, so no personal data can reach a log by accident.
 */
type Fields = Record<string, string | number | boolean | null>;

const write = (level: 'info' | 'warn' | 'error', event: string, fields: Fields = {}) => {
  if (process.env['PASSOPASSO_LOG'] === 'silent') return;
  process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), level, event, ...fields })}\n`);
};

export const log = {
  info: (event: string, fields?: Fields) => write('info', event, fields),
  warn: (event: string, fields?: Fields) => write('warn', event, fields),
  error: (event: string, fields?: Fields) => write('error', event, fields),
};
