import type { CitizenFields } from './CitizenForm.tsx';

/** What was typed in the picker before a citizen was chosen: the codice fiscale, the new citizen's form. */
export interface CitizenTyping {
  codiceFiscale: string;
  /** The new citizen's form while it is open. */
  newCitizen: CitizenFields | null;
}

export const noCitizenTyping = (): CitizenTyping => ({ codiceFiscale: '', newCitizen: null });
