import type { DashboardTable, TargetProgress } from '../../../../shared/domain/dashboards/dashboard.ts';

/**
 * What the monthly trend draws, from the monthly table (every month of the period, in time) and
 * the targets: the first target that overlaps the period (by due date, the core's order) is the
 * one drawn; its metric picks the columns (services, or citizens first seen that month, whose
 * running total is the unique citizens to date). The wording uses the target's own progress.
 */
export const trendOf = (table: DashboardTable, targets: readonly TargetProgress[], today: string) => {
  const months = table.rows.map((row) => row.key);
  const first = months[0] ?? '';
  const last = months.at(-1) ?? '';
  const target =
    targets.find((candidate) => candidate.from.slice(0, 7) <= last && candidate.due.slice(0, 7) >= first) ?? null;
  const metric = target?.metric ?? 'services';
  const column = table.columns.indexOf(metric === 'citizens' ? 'newCitizens' : 'services');
  const perMonth = table.rows.map((row) => row.values[column] ?? 0);
  let sum = 0;
  const running = perMonth.map((value) => (sum += value));
  const todayMonth = months.includes(today.slice(0, 7)) ? today.slice(0, 7) : null;
  return {
    months,
    perMonth,
    running,
    total: sum,
    metric,
    target,
    todayMonth,
    // The value axis reaches the target, so its level is always in sight.
    top: Math.max(1, sum, target?.value ?? 0),
  };
};
