import type { Migration } from '../migrate.ts';

/** The Facilita measure the site reports under; every site so far was a Punto Digitale Facile (1.7.2). */
export const siteMeasure: Migration = {
  version: 300,
  name: 'site-measure',
  up: (db) => {
    db.exec(`ALTER TABLE site ADD COLUMN measure TEXT NOT NULL DEFAULT '1.7.2' CHECK (measure IN ('1.7.2', '1.7.1'))`);
  },
};
