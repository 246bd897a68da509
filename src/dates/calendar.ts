import { getDay } from 'date-fns/getDay';
import type { GovernanceSettings } from '../config/schema';
import { bankHolidays, type Region } from './bank-holidays';
import { fromIso, shiftIso } from './iso';

/** Which days count as working days for a council: weekends, bank holidays and its closure days excluded. */
export class WorkingCalendar {
  private readonly years = new Map<number, Set<string>>();
  private readonly extra: Set<string>;
  private readonly removed: Set<string>;
  private readonly closures: Set<string>;

  constructor(
    readonly region: Region = 'england-and-wales',
    options: Partial<Pick<GovernanceSettings, 'closureDays' | 'extraBankHolidays' | 'removedBankHolidays'>> = {},
  ) {
    this.extra = new Set(options.extraBankHolidays ?? []);
    this.removed = new Set(options.removedBankHolidays ?? []);
    this.closures = new Set(options.closureDays ?? []);
  }

  static fromSettings(g: GovernanceSettings): WorkingCalendar {
    return new WorkingCalendar(g.region, g);
  }

  isBankHoliday(iso: string): boolean {
    const year = Number(iso.slice(0, 4));
    let set = this.years.get(year);
    if (!set) this.years.set(year, (set = new Set(bankHolidays(year, this.region).map((h) => h.date))));
    return (set.has(iso) && !this.removed.has(iso)) || this.extra.has(iso);
  }

  /** Why a day is not a working day ("a Saturday", "Christmas Day, a bank holiday"), or undefined when it is one. */
  notWorkingBecause(iso: string): string | undefined {
    const weekday = getDay(fromIso(iso));
    if (weekday === 6) return 'a Saturday';
    if (weekday === 0) return 'a Sunday';
    if (this.isBankHoliday(iso)) {
      const name = bankHolidays(Number(iso.slice(0, 4)), this.region).find((h) => h.date === iso)?.name;
      return name ? `${name}, a bank holiday` : 'a bank holiday';
    }
    if (this.closures.has(iso)) return 'a council closure day (governance.closureDays)';
    return undefined;
  }

  isWorkingDay(iso: string): boolean {
    const weekday = getDay(fromIso(iso));
    return weekday !== 0 && weekday !== 6 && !this.isBankHoliday(iso) && !this.closures.has(iso);
  }

  /** The Nth working day after `iso` (the day itself not counted). */
  addWorkingDays(iso: string, n: number): string {
    let d = iso;
    for (let counted = 0; counted < n; ) if (this.isWorkingDay((d = shiftIso(d, 1)))) counted++;
    return d;
  }

  /** The Nth working day before `iso` (the day itself not counted). */
  subtractWorkingDays(iso: string, n: number): string {
    let d = iso;
    for (let counted = 0; counted < n; ) if (this.isWorkingDay((d = shiftIso(d, -1)))) counted++;
    return d;
  }

  /** The last working day strictly before `iso`. */
  previousWorkingDay(iso: string): string {
    return this.subtractWorkingDays(iso, 1);
  }

  /** The first working day strictly after `iso`. */
  nextWorkingDay(iso: string): string {
    return this.addWorkingDays(iso, 1);
  }
}
