/**
 * How every test and benchmark starts Chromium: Debian's binary (never a downloaded one) with the
 * flags this sandbox needs (no background network traffic: it would be refused, noisily).
 */
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
