import { format } from 'date-fns';
import { fromIso } from './iso';

/** "Tuesday 30 December 2025" */
export const longDay = (iso: string) => format(fromIso(iso), 'EEEE d MMMM yyyy');
/** "30 December 2025" */
export const longDate = (iso: string) => format(fromIso(iso), 'd MMMM yyyy');
/** "30/12/2025" */
export const shortDate = (iso: string) => format(fromIso(iso), 'dd/MM/yyyy');

/** How a cut-off time is said on decision records: "Midnight", "12 noon", "4pm", "10.30am". */
export function cutOffWords(hhmm: string): string {
  if (hhmm === '24:00' || hhmm === '00:00') return 'Midnight';
  if (hhmm === '12:00') return '12 noon';
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}${m ? `.${String(m).padStart(2, '0')}` : ''}${h < 12 ? 'am' : 'pm'}`;
}
