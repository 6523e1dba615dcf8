/**
 * Italian provinces and equivalent bodies (metropolitan cities, Sicilian free municipal
 * consortia, Friuli's regional decentralisation bodies, the two autonomous provinces and
 * Valle d'Aosta) for Facilita's AN12 "province of domicile", which takes the full name.
 *
 * Names are ISTAT's statistical names of the supra-municipal units (e.g. "Reggio nell'Emilia",
 * "Bolzano/Bozen", "Monza e della Brianza"); `aliases` holds the everyday spellings people
 * type so that a search or an import can still find the right entry. 107 entries.
 *
 * Unverified (check before relying on it for uploads):
 * - Sardinia: regional law 9/2023 and its 2025 implementation re-created Sassari as a
 *   metropolitan city and new provinces (Nord-Est Sardegna/Gallura, Ogliastra, Medio
 *   Campidano, Sulcis Iglesiente), replacing "Sud Sardegna". This list keeps the statistical
 *   units that ISTAT codes and Facilita's forms used up to our last source (Cagliari, Sassari,
 *   Nuoro, Oristano, Sud Sardegna); if Facilita adopts the new units, update this table.
 * - Valle d'Aosta has no province: ISTAT names the unit "Valle d'Aosta/Vallée d'Aoste";
 *   Facilita's exact spelling for it has not been confirmed ("Aosta" is kept as an alias).
 */
export interface Province {
  /** Two-letter sigla (vehicle plates, addresses). */
  code: string;
  /** Full name as written in AN12. */
  name: string;
  region: string;
  aliases?: readonly string[];
}

export const PROVINCES = [
  // Piemonte
  { code: 'TO', name: 'Torino', region: 'Piemonte' },
  { code: 'VC', name: 'Vercelli', region: 'Piemonte' },
  { code: 'NO', name: 'Novara', region: 'Piemonte' },
  { code: 'CN', name: 'Cuneo', region: 'Piemonte' },
  { code: 'AT', name: 'Asti', region: 'Piemonte' },
  { code: 'AL', name: 'Alessandria', region: 'Piemonte' },
  { code: 'BI', name: 'Biella', region: 'Piemonte' },
  { code: 'VB', name: 'Verbano-Cusio-Ossola', region: 'Piemonte', aliases: ['Verbania'] },
  // Valle d'Aosta
  { code: 'AO', name: "Valle d'Aosta/Vallée d'Aoste", region: "Valle d'Aosta", aliases: ['Aosta', "Valle d'Aosta"] },
  // Lombardia
  { code: 'VA', name: 'Varese', region: 'Lombardia' },
  { code: 'CO', name: 'Como', region: 'Lombardia' },
  { code: 'SO', name: 'Sondrio', region: 'Lombardia' },
  { code: 'MI', name: 'Milano', region: 'Lombardia' },
  { code: 'BG', name: 'Bergamo', region: 'Lombardia' },
  { code: 'BS', name: 'Brescia', region: 'Lombardia' },
  { code: 'PV', name: 'Pavia', region: 'Lombardia' },
  { code: 'CR', name: 'Cremona', region: 'Lombardia' },
  { code: 'MN', name: 'Mantova', region: 'Lombardia' },
  { code: 'LC', name: 'Lecco', region: 'Lombardia' },
  { code: 'LO', name: 'Lodi', region: 'Lombardia' },
  { code: 'MB', name: 'Monza e della Brianza', region: 'Lombardia', aliases: ['Monza Brianza', 'Monza'] },
  // Trentino-Alto Adige/Südtirol
  { code: 'BZ', name: 'Bolzano/Bozen', region: 'Trentino-Alto Adige', aliases: ['Bolzano', 'Bozen', 'Alto Adige'] },
  { code: 'TN', name: 'Trento', region: 'Trentino-Alto Adige' },
  // Veneto
  { code: 'VR', name: 'Verona', region: 'Veneto' },
  { code: 'VI', name: 'Vicenza', region: 'Veneto' },
  { code: 'BL', name: 'Belluno', region: 'Veneto' },
  { code: 'TV', name: 'Treviso', region: 'Veneto' },
  { code: 'VE', name: 'Venezia', region: 'Veneto' },
  { code: 'PD', name: 'Padova', region: 'Veneto' },
  { code: 'RO', name: 'Rovigo', region: 'Veneto' },
  // Friuli-Venezia Giulia
  { code: 'UD', name: 'Udine', region: 'Friuli-Venezia Giulia' },
  { code: 'GO', name: 'Gorizia', region: 'Friuli-Venezia Giulia' },
  { code: 'TS', name: 'Trieste', region: 'Friuli-Venezia Giulia' },
  { code: 'PN', name: 'Pordenone', region: 'Friuli-Venezia Giulia' },
  // Liguria
  { code: 'IM', name: 'Imperia', region: 'Liguria' },
  { code: 'SV', name: 'Savona', region: 'Liguria' },
  { code: 'GE', name: 'Genova', region: 'Liguria' },
  { code: 'SP', name: 'La Spezia', region: 'Liguria' },
  // Emilia-Romagna
  { code: 'PC', name: 'Piacenza', region: 'Emilia-Romagna' },
  { code: 'PR', name: 'Parma', region: 'Emilia-Romagna' },
  { code: 'RE', name: "Reggio nell'Emilia", region: 'Emilia-Romagna', aliases: ['Reggio Emilia'] },
  { code: 'MO', name: 'Modena', region: 'Emilia-Romagna' },
  { code: 'BO', name: 'Bologna', region: 'Emilia-Romagna' },
  { code: 'FE', name: 'Ferrara', region: 'Emilia-Romagna' },
  { code: 'RA', name: 'Ravenna', region: 'Emilia-Romagna' },
  { code: 'FC', name: 'Forlì-Cesena', region: 'Emilia-Romagna', aliases: ['Forli-Cesena', 'Forlì Cesena'] },
  { code: 'RN', name: 'Rimini', region: 'Emilia-Romagna' },
  // Toscana
  { code: 'MS', name: 'Massa-Carrara', region: 'Toscana', aliases: ['Massa Carrara'] },
  { code: 'LU', name: 'Lucca', region: 'Toscana' },
  { code: 'PT', name: 'Pistoia', region: 'Toscana' },
  { code: 'FI', name: 'Firenze', region: 'Toscana' },
  { code: 'LI', name: 'Livorno', region: 'Toscana' },
  { code: 'PI', name: 'Pisa', region: 'Toscana' },
  { code: 'AR', name: 'Arezzo', region: 'Toscana' },
  { code: 'SI', name: 'Siena', region: 'Toscana' },
  { code: 'GR', name: 'Grosseto', region: 'Toscana' },
  { code: 'PO', name: 'Prato', region: 'Toscana' },
  // Umbria
  { code: 'PG', name: 'Perugia', region: 'Umbria' },
  { code: 'TR', name: 'Terni', region: 'Umbria' },
  // Marche
  { code: 'PU', name: 'Pesaro e Urbino', region: 'Marche', aliases: ['Pesaro Urbino', 'Pesaro-Urbino'] },
  { code: 'AN', name: 'Ancona', region: 'Marche' },
  { code: 'MC', name: 'Macerata', region: 'Marche' },
  { code: 'AP', name: 'Ascoli Piceno', region: 'Marche' },
  { code: 'FM', name: 'Fermo', region: 'Marche' },
  // Lazio
  { code: 'VT', name: 'Viterbo', region: 'Lazio' },
  { code: 'RI', name: 'Rieti', region: 'Lazio' },
  { code: 'RM', name: 'Roma', region: 'Lazio' },
  { code: 'LT', name: 'Latina', region: 'Lazio' },
  { code: 'FR', name: 'Frosinone', region: 'Lazio' },
  // Abruzzo
  { code: 'AQ', name: "L'Aquila", region: 'Abruzzo' },
  { code: 'TE', name: 'Teramo', region: 'Abruzzo' },
  { code: 'PE', name: 'Pescara', region: 'Abruzzo' },
  { code: 'CH', name: 'Chieti', region: 'Abruzzo' },
  // Molise
  { code: 'CB', name: 'Campobasso', region: 'Molise' },
  { code: 'IS', name: 'Isernia', region: 'Molise' },
  // Campania
  { code: 'CE', name: 'Caserta', region: 'Campania' },
  { code: 'BN', name: 'Benevento', region: 'Campania' },
  { code: 'NA', name: 'Napoli', region: 'Campania' },
  { code: 'AV', name: 'Avellino', region: 'Campania' },
  { code: 'SA', name: 'Salerno', region: 'Campania' },
  // Puglia
  { code: 'FG', name: 'Foggia', region: 'Puglia' },
  { code: 'BA', name: 'Bari', region: 'Puglia' },
  { code: 'TA', name: 'Taranto', region: 'Puglia' },
  { code: 'BR', name: 'Brindisi', region: 'Puglia' },
  { code: 'LE', name: 'Lecce', region: 'Puglia' },
  { code: 'BT', name: 'Barletta-Andria-Trani', region: 'Puglia', aliases: ['Barletta Andria Trani', 'BAT'] },
  // Basilicata
  { code: 'PZ', name: 'Potenza', region: 'Basilicata' },
  { code: 'MT', name: 'Matera', region: 'Basilicata' },
  // Calabria
  { code: 'CS', name: 'Cosenza', region: 'Calabria' },
  { code: 'CZ', name: 'Catanzaro', region: 'Calabria' },
  { code: 'RC', name: 'Reggio Calabria', region: 'Calabria', aliases: ['Reggio di Calabria'] },
  { code: 'KR', name: 'Crotone', region: 'Calabria' },
  { code: 'VV', name: 'Vibo Valentia', region: 'Calabria' },
  // Sicilia
  { code: 'TP', name: 'Trapani', region: 'Sicilia' },
  { code: 'PA', name: 'Palermo', region: 'Sicilia' },
  { code: 'ME', name: 'Messina', region: 'Sicilia' },
  { code: 'AG', name: 'Agrigento', region: 'Sicilia' },
  { code: 'CL', name: 'Caltanissetta', region: 'Sicilia' },
  { code: 'EN', name: 'Enna', region: 'Sicilia' },
  { code: 'CT', name: 'Catania', region: 'Sicilia' },
  { code: 'RG', name: 'Ragusa', region: 'Sicilia' },
  { code: 'SR', name: 'Siracusa', region: 'Sicilia' },
  // Sardegna (see the note at the top)
  { code: 'SS', name: 'Sassari', region: 'Sardegna' },
  { code: 'NU', name: 'Nuoro', region: 'Sardegna' },
  { code: 'CA', name: 'Cagliari', region: 'Sardegna' },
  { code: 'OR', name: 'Oristano', region: 'Sardegna' },
  { code: 'SU', name: 'Sud Sardegna', region: 'Sardegna' },
] as const satisfies readonly Province[];

export type ProvinceCode = (typeof PROVINCES)[number]['code'];
export type ProvinceName = (typeof PROVINCES)[number]['name'];

/** Lower case, no accents, apostrophes/hyphens/slashes as spaces: "Forlì-Cesena" → "forli cesena". */
function comparable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[’'`\-/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const byComparableName = new Map<string, Province>();
for (const province of PROVINCES as readonly Province[]) {
  for (const name of [province.name, ...(province.aliases ?? [])]) {
    byComparableName.set(comparable(name), province);
  }
}

/** Every answer kept: a desk's citizens live in a handful of provinces, an export asks 100k times. */
const found = new Map<string, Province | undefined>();

/** Finds a province by sigla ("re", "RE"), official name or common alias ("Reggio Emilia"). */
export function findProvince(text: string): Province | undefined {
  if (found.has(text)) return found.get(text);
  const province = lookUpProvince(text);
  if (found.size > 5000) found.clear();
  found.set(text, province);
  return province;
}

function lookUpProvince(text: string): Province | undefined {
  const trimmed = text.trim();
  if (/^[a-z]{2}$/i.test(trimmed)) {
    const code = trimmed.toUpperCase();
    const bySigla = (PROVINCES as readonly Province[]).find((p) => p.code === code);
    if (bySigla) return bySigla;
  }
  return byComparableName.get(comparable(trimmed));
}
