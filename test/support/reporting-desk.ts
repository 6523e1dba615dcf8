import { createTestDesk } from './hub-desk.ts';
import type { TestHub } from './hub.ts';
import { cf, newCitizen, setCutoff, setUpDesk, today } from './journal.ts';

/**
 * A desk enrolled at the hub's site, set up to report to Facilita (its cut-off entered as today, so
 * today's services can go), with one citizen to log services for.
 */
export const reportingDesk = async (hub: Pick<TestHub, 'url' | 'issueCode'>) => {
  const desk = createTestDesk();
  await desk.enroll(hub.url, await hub.issueCode());
  await setUpDesk(desk.core);
  await setCutoff(desk.core, today());
  const citizen = await newCitizen(desk.core, {
    codiceFiscale: cf({ first: 'Maria', last: 'Bianchi', year: 1950 }),
    firstName: 'Maria',
    lastName: 'Bianchi',
  });
  return { desk, citizen };
};
