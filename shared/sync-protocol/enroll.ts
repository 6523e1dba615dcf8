import { z } from 'zod';
import { Uuid } from './common.ts';

/** The one-time code as the admin reads it out: letters and digits, dashes and spaces ignored. */
export const EnrollmentCode = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{8,32}$/));

export const EnrollRequest = z
  .object({
    code: EnrollmentCode,
    /** The desk's own id (app_meta.device_id): every change it pushes is attributed to it. */
    deviceId: Uuid,
    deskName: z.string().trim().max(80).default(''),
  })
  .strict();
export type EnrollRequest = z.input<typeof EnrollRequest>;

export const EnrollResponse = z.object({
  deviceId: Uuid,
  /** Shown once; the hub keeps only its SHA-256. */
  deviceToken: z.string().min(32),
  organisation: z.object({ id: Uuid, name: z.string() }),
  site: z.object({ id: Uuid, name: z.string() }),
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;
