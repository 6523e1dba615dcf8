import { addDays } from '../../main/core/journal/journal-context.ts';
import { sessionInput, today, workshopInput } from '../support/journal.ts';
import { createCitizenOver, openJournal, rpc, setUpDeskOver } from '../support/journal-e2e.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

/** What people must never read in the Italian UI: ISO days, en-US dates and times, English months. */
const NOT_ITALIAN = [
  /\b\d{4}-\d{2}-\d{2}\b/,
  /\b\d{1,2}\/\d{1,2}\/\d{4}\b/,
  /\b\d{1,2}:\d{2}\s?(AM|PM)\b/,
  /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/,
];

test('the Italian UI writes every date and time the Italian way, never ISO or en-US', async ({ page, host }) => {
  await setUpDeskOver(host);
  const citizen = await createCitizenOver(host);
  const followUp = { dueDate: addDays(today(), 7), reason: 'Richiamare per il PIN' };
  const session = await rpc<{ id: string }>(host, 'sessions.create', sessionInput(citizen.id, { followUp }));
  await rpc(host, 'sessions.update', {
    ...sessionInput(citizen.id, { duration: '00:45', followUp }),
    id: session.id,
    baseVersion: 1,
    draftId: null,
  });
  const workshop = await rpc<{ id: string }>(host, 'workshops.create', workshopInput());
  await rpc(host, 'drafts.save', { id: null, form: { details: 'A metà' } });

  await openJournal(page, host);
  for (const [route, shows] of [
    ['journal', /non è stata salvata \(ultima modifica \d{1,2}°? \w+ \d{4} alle ore \d{2}:\d{2}\)/],
    ['journal', /\d{1,2}°? \w+ \d{4} · Bianchi Maria/],
    [`journal/session/${session.id}`, /Assistenza del \d{1,2}°? \w+ \d{4}/],
    [
      `journal/session/${session.id}`,
      /Versione 2: modificata da Anna Coordinatrice, \d{1,2}°? \w+ \d{4} alle ore \d{2}:\d{2}/,
    ],
    ['journal/history', /\d{2}\/\d{2}\/\d{2}/],
    [`journal/citizen/${citizen.id}`, /Su carta · \d{1,2}°? \w+ \d{4}/],
    ['journal/workshops', /\d{1,2}°? \w+ \d{4} · SPID per tutti/],
    [`journal/workshop/${workshop.id}`, /\d{1,2}°? \w+ \d{4}/],
    ['journal/session', /Data[\s\S]*(lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica) \d{1,2}°? \w+ \d{4}/],
  ] as const) {
    await page.goto(`${host.url}/#/${route}`);
    await expect(page.locator('main')).toContainText(shows);
    const text = await page.locator('main').innerText();
    for (const pattern of NOT_ITALIAN) expect(text, `${route}: ${String(pattern)}`).not.toMatch(pattern);
  }
  await expectNoAxeViolations(page);
});
