/**
 * Which web addresses a guide may send people to.
 *
 * Guides are shown to citizens who cannot easily tell a real public site from a clone, and
 * installed packs may come from outside the app, so a link must be https and its host must
 * be an official one listed here. The Electron side uses the same check before
 * `shell.openExternal`. Keep the list tight: add a host only when a bundled guide links it,
 * and prefer an exact host over a whole domain.
 */

/**
 * Domains whose every subdomain is accepted. `gov.it` is reserved to Italian central public
 * administrations (AgID rules), so it covers spid.gov.it, agid.gov.it, pagopa.gov.it,
 * cartaidentita.interno.gov.it, fascicolosanitario.gov.it, domiciliodigitale.gov.it,
 * identitadigitale.gov.it, salute.gov.it and the like.
 */
export const ALLOWED_LINK_DOMAINS = ['gov.it'] as const;

/** Exact hosts of official services that do not live under gov.it. */
export const ALLOWED_LINK_HOSTS = [
  // App IO (PagoPA S.p.A.)
  'io.italia.it',
  'ioapp.it',
  'assistenza.ioapp.it',
  // pagoPA checkout (pay a notice without logging in)
  'checkout.pagopa.it',
  // SEND, the digital notification service (PagoPA S.p.A.)
  'notifichedigitali.it',
  'cittadini.notifichedigitali.it',
  'assistenza.notifichedigitali.it',
  // ANPR, the national registry of the resident population (Ministry of the Interior)
  'www.anagrafenazionale.interno.it',
  'anagrafenazionale.interno.it',
  // INPS
  'www.inps.it',
  'inps.it',
  // Poste Italiane, identity provider PosteID
  'www.poste.it',
  'poste.it',
  'posteid.poste.it',
  // Polizia Postale (reporting phishing)
  'www.commissariatodips.it',
  // Garante per la protezione dei dati personali (password and privacy advice)
  'www.garanteprivacy.it',
  // Ministry of Justice, the public platform for referendum and popular-initiative signatures
  'firmereferendum.giustizia.it',
  'pnri.firmereferendum.giustizia.it',
  // Polizia di Stato, the state of a residence-permit application, and the Interior's immigration portal
  'questure.poliziadistato.it',
  'www.portaleimmigrazione.it',
  // ACI (Automobile Club d'Italia, a public body): vehicle tax calculation and payment for most regions
  'www.aci.it',
  // Presidency of the Council, Department for Sport: calls for sport vouchers
  'avvisibandi.sport.governo.it',
  // Regional health portals linked by the CUP and FSE guides (Piemonte, Sardegna)
  'www.salutepiemonte.it',
  'cupweb.sardegnasalute.it',
] as const;

export type LinkCheck =
  | { ok: true; host: string }
  | { ok: false; reason: 'invalid-url' | 'not-https' | 'credentials-or-port' | 'host-not-allowed'; host?: string };

/** Whether a host is on the allow-list (exact host, or a subdomain of an allowed domain). */
export function isAllowedLinkHost(host: string): boolean {
  const lower = host.toLowerCase();
  if ((ALLOWED_LINK_HOSTS as readonly string[]).includes(lower)) return true;
  return ALLOWED_LINK_DOMAINS.some((domain) => lower === domain || lower.endsWith(`.${domain}`));
}

/** Checks one address: it must parse, be https (no credentials, default port) and have an allowed host. */
export function checkGuideLink(url: string): LinkCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'invalid-url' };
  }
  if (parsed.protocol !== 'https:') return { ok: false, reason: 'not-https', host: parsed.hostname };
  // Credentials or an explicit port in a citizen-facing link are a classic disguise.
  if (parsed.username || parsed.password || parsed.port) {
    return { ok: false, reason: 'credentials-or-port', host: parsed.hostname };
  }
  if (!isAllowedLinkHost(parsed.hostname)) {
    return { ok: false, reason: 'host-not-allowed', host: parsed.hostname };
  }
  return { ok: true, host: parsed.hostname };
}
