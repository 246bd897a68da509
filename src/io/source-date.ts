/**
 * Output timestamps come from the data, never the clock, so the same input gives byte-identical files.
 * SOURCE_DATE_EPOCH (reproducible-builds.org) wins when set; otherwise the caller's date from the data
 * (e.g. the meeting date) at 09:00 UTC; failing both, a fixed epoch.
 */
export function sourceDate(fromData?: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (fromData && /^\d{4}-\d{2}-\d{2}$/.test(fromData)) return new Date(`${fromData}T09:00:00Z`);
  return new Date('2000-01-01T00:00:00Z');
}
