import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTestCore } from '../../support/core.ts';
import {
  callOk,
  newCitizen,
  newSession,
  newVolunteer,
  setUpDesk,
  today,
  VOLUNTEER_PIN,
} from '../../support/journal.ts';
import { pdfText } from '../../support/pdf-text.ts';

describe("Servizio Civile volunteers' services and hours per month", () => {
  it('as XLSX (numbers, not text) and as PDF', async () => {
    const core = createTestCore();
    await setUpDesk(core);
    const citizen = await newCitizen(core);
    await newSession(core, citizen.id, { details: 'del coordinatore' });
    const volunteer = await newVolunteer(core);
    await callOk(core, 'journal.signIn', { operatorId: volunteer.id, secret: VOLUNTEER_PIN });
    await newSession(core, citizen.id, { duration: '00:30', details: 'uno' });
    await newSession(core, citizen.id, { duration: '01:00', details: 'due' });

    const xlsx = await callOk(core, 'facilita.volunteerHours', { from: today(), to: today(), format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const month = new Intl.DateTimeFormat('it', { month: 'long', year: 'numeric' }).format(
      new Date(`${today()}T12:00:00`),
    );
    expect((sheet?.getRow(3).values as unknown[]).slice(1)).toEqual(['Volontario', 'Mese', 'Servizi', 'Ore']);
    expect((sheet?.getRow(4).values as unknown[]).slice(1)).toEqual(['Luca Volontario', month, 2, 1.5]);
    expect(sheet?.rowCount).toBe(4);

    const pdf = await callOk(core, 'facilita.volunteerHours', { from: today(), to: today(), format: 'pdf' });
    const { text } = pdfText(Buffer.from(pdf.base64, 'base64'));
    expect(text).toContain('Luca Volontario');
    expect(text).toContain('1,5');
    core.close();
  });
});
