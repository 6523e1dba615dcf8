import type { DashboardTable } from '../../../shared/domain/dashboards/dashboard.ts';
import type { Period } from './counted.ts';

/**
 * The month each citizen is first served in the period, counted per month: its running sum is
 * the unique citizens to date, which the monthly citizens (unique within each month) cannot give.
 * Fed in citizen order (the rollup's index order), so one citizen is settled before the next.
 */
export class FirstSeen {
  readonly #perMonth = new Map<string, number>();
  #citizen: number | null = null;
  #first = '';

  see(citizen: number, month: string): void {
    if (citizen !== this.#citizen) {
      this.#settle();
      this.#citizen = citizen;
      this.#first = month;
    } else if (month < this.#first) this.#first = month;
  }

  byMonth(): Map<string, number> {
    this.#settle();
    return this.#perMonth;
  }

  #settle() {
    if (this.#citizen !== null) this.#perMonth.set(this.#first, (this.#perMonth.get(this.#first) ?? 0) + 1);
    this.#citizen = null;
  }
}

/** Every month (yyyy-mm) the period touches, in time. */
export const monthsOf = (period: Period): string[] => {
  const months: string[] = [];
  let [year, month] = [Number(period.from.slice(0, 4)), Number(period.from.slice(5, 7))];
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
};

/**
 * The monthly trend as a time series: a row for every month of the period, those with no service
 * at zero (a gap is news, not a missing bar), with the services, the month's unique citizens and
 * the citizens first seen that month.
 */
export const monthlyTable = (
  period: Period,
  tallies: ReadonlyMap<string, { services: number; citizens: number }>,
  firstSeen: ReadonlyMap<string, number>,
): DashboardTable => ({
  id: 'monthly',
  columns: ['services', 'citizens', 'newCitizens'],
  rows: monthsOf(period).map((month) => {
    const tally = tallies.get(month);
    return { key: month, values: [tally?.services ?? 0, tally?.citizens ?? 0, firstSeen.get(month) ?? 0] };
  }),
});
