// `npm run bench:dashboards`: every dashboard aggregate over 100k seeded sessions (scripts/seed.ts,
// plus a guide run on one session in five) — goal ≤ 200 ms for all of them together. Prints figures
// and their ratio to the goal; never fails. BENCH_DATA_DIR=<dir> reuses a folder seeded by an earlier run.
import { ALL_AGGREGATES } from '../../main/core/dashboards/aggregates.ts';
import { buildDashboard } from '../../main/core/dashboards/dashboard.ts';
import { notReportableCounts } from '../../main/core/export/facilita/not-reportable.ts';
import { seed } from '../../scripts/seed.ts';
import { createTestCore } from '../support/core.ts';
import { tempDataDir } from '../support/host-process.ts';

const COUNT = Number(process.env['BENCH_SESSIONS'] ?? 100_000);
const GOAL_MS = 200;
const RUNS = 5;

const reused = process.env['BENCH_DATA_DIR'];
const core = createTestCore(reused ?? tempDataDir('bench-dashboards'));
const started = performance.now();
const db = core.database.db;
const seeded = () => (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
if (!reused || seeded() < COUNT) await seedWithRuns();
async function seedWithRuns() {
  await seed(core, COUNT);
  db.prepare(
    "INSERT OR IGNORE INTO guide_versions (guide_id, version, content, stored_at) VALUES ('bench', '1.0.0', '{}', ?)",
  ).run(new Date().toISOString());
  db.exec(`
  INSERT INTO guide_runs (id, guide_id, guide_version, language, state, missing_prerequisites, steps, session_id,
                          started_at, updated_at)
  SELECT 'run-' || s.id, 'bench', '1.0.0', 'it', 'finished',
         CASE s.rowid % 3 WHEN 0 THEN '["spid"]' WHEN 1 THEN '["cie","email"]' ELSE '[]' END,
         json_array(json_object('stepId', 'a', 'autonomy', 'operator', 'at', s.created_at),
                    json_object('stepId', 'b', 'autonomy', 'together', 'at', s.created_at),
                    json_object('stepId', 'c', 'autonomy', CASE s.rowid % 2 WHEN 0 THEN 'citizen' ELSE 'together' END,
                                'at', s.created_at)),
         s.id, s.date || 'T10:00:00.000Z', s.date || 'T10:30:00.000Z'
    FROM sessions s WHERE s.rowid % 5 = 0 AND s.citizen_id IS NOT NULL;
`);
  db.exec('ANALYZE');
  console.log(
    `seeded ${COUNT} sessions (+ guide runs) in ${((performance.now() - started) / 1000).toFixed(1)} s in ${core.dataDir}`,
  );
}

const range = db.prepare('SELECT min(date) AS "from", max(date) AS "to" FROM sessions').get() as {
  from: string;
  to: string;
};
const period = { from: range.from, to: range.to };
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const time = (run: () => unknown) =>
  median(
    Array.from({ length: RUNS }, () => {
      const at = performance.now();
      run();
      return performance.now() - at;
    }),
  );

console.log(`period ${period.from} – ${period.to}`);
for (const aggregate of ALL_AGGREGATES) {
  const names = aggregate(db, period, 'it').map((table) => table.id);
  const ms = time(() => aggregate(db, period, 'it'));
  console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${names.join(', ')}`);
}
const apart = time(() => notReportableCounts(db, period));
console.log(`  ${apart.toFixed(1).padStart(7)} ms  notReportable (the separate figure)`);
// The peer in the same run: every table without the separate figure (dashboards.get before it).
const tablesOnly = time(() => ALL_AGGREGATES.flatMap((aggregate) => aggregate(db, period, 'it')));
const all = time(() => buildDashboard(db, period, range.to, 'it'));
const { totals, notReportable } = buildDashboard(db, period, range.to, 'it');
console.log(`${totals.services} services to ${totals.citizens} citizens, ${notReportable.services} not reportable`);
console.log(
  `all aggregates (dashboards.get): ${all.toFixed(1)} ms, median of ${RUNS} — goal ≤ ${GOAL_MS} ms, ratio ${(all / GOAL_MS).toFixed(2)}`,
);
console.log(
  `tables alone (the peer): ${tablesOnly.toFixed(1)} ms; dashboards.get / tables alone: ${(all / tablesOnly).toFixed(2)}`,
);
core.close();
