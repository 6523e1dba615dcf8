import type { DASHBOARDS_METHOD_NAMES } from '../../../shared/contract/domains/dashboards/names.ts';
import { createTranslator } from '../../../shared/i18n/translator.ts';
import type { CoreContext } from '../core-context.ts';
import { localDate } from '../journal/journal-context.ts';
import { AppFailure } from '../rpc/app-failure.ts';
import type { Handlers } from '../rpc/dispatcher.ts';
import { buildDashboard } from './dashboard.ts';
import { renderDashboardPdf } from './report-pdf.ts';
import { tableCsv, tablesXlsx } from './table-files.ts';
import { TargetStore } from './targets.ts';
import { findSiteRow } from '../journal/records/site.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The dashboards: a period's aggregates, their files (CSV, XLSX, PDF) and the coordinator's targets
 * (anyone signed in looks, a coordinator sets targets: the methods' declared access).
 */
export const createDashboardsHandlers = (
  context: CoreContext,
): Pick<Handlers, (typeof DASHBOARDS_METHOD_NAMES)[number]> => {
  const db = () => context.database.db;
  const today = () => localDate(context.now());
  const language = () => context.settings.get().language;

  return {
    'dashboards.get': (period) => buildDashboard(db(), period, today(), language()),
    'dashboards.file': async ({ from, to, format, table }, { actor }) => {
      const t = createTranslator(language());
      const dashboard = buildDashboard(db(), { from, to }, today(), language());
      const base = `${t('dashboards:fileName')}-${table ?? t('dashboards:allTables')}-${from}-${to}`;
      if (format === 'pdf') {
        const site = findSiteRow(db());
        const pdf = await renderDashboardPdf(t, language(), dashboard, {
          site: site ? { name: site.facilita_name, organisation: site.ente, demo: site.demo === 1 } : null,
          author: { name: actor.name, role: actor.role },
          at: context.now().toISOString(),
        });
        return { name: `${base}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64') };
      }
      const tables = dashboard.tables.filter((candidate) => !table || candidate.id === table);
      if (format === 'xlsx') {
        const xlsx = await tablesXlsx(t, language(), tables);
        return { name: `${base}.xlsx`, mimeType: XLSX, base64: xlsx.toString('base64') };
      }
      const [only] = tables;
      if (!table || !only) throw new AppFailure('VALIDATION', 'A CSV holds one table', { reason: 'csvOneTable' });
      return { name: `${base}.csv`, mimeType: 'text/csv', base64: tableCsv(t, language(), only).toString('base64') };
    },
    'dashboards.targets.save': (target, { actor }) => {
      const store = new TargetStore(db());
      store.save(target, actor.id);
      return store.progress(today());
    },
    'dashboards.targets.delete': ({ id }) => {
      const store = new TargetStore(db());
      if (!store.remove(id)) throw new AppFailure('NOT_FOUND', 'No such target', { reason: 'targetNotFound' });
      return store.progress(today());
    },
  };
};
