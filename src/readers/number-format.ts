/**
 * Number formats as Excel applies them, for the readers' display text and date detection. "General" and
 * date detection are ported from SheetJS's SSF (Apache-2.0) so both readers agree; any other format is
 * handed to SSF itself, loaded on first use, so reading a plain .xlsx never loads the spreadsheet library.
 */
interface NumberFormats {
  format(format: string, value: number): string;
}

let ssf: NumberFormats | undefined;
function library(): NumberFormats {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ssf ??= (require('xlsx') as { SSF: NumberFormats }).SSF;
  return ssf;
}

/** Excel's built-in format codes (ECMA-376 18.8.30), as SSF's table holds them. */
export const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'm/d/yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@', 56: '"上午/下午 "hh"時"mm"分"ss"秒 "',
};

/** A number as a cell of this format displays it. */
export function formatNumber(format: string, v: number): string {
  if (isGeneral(format, 0) && format.length === 7) return generalNumber(v);
  try {
    return library().format(format, v);
  } catch {
    return String(v);
  }
}

function isGeneral(s: string, i: number): boolean {
  return s.slice(i, i + 7).toLowerCase() === 'general';
}

function generalNumber(v: number): string {
  if ((v | 0) === v) return v.toString(10);
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '#NUM!' : '#DIV/0!';
  const e = Math.floor(Math.log(Math.abs(v)) * Math.LOG10E);
  let o: string;
  if (e >= -4 && e <= -1) o = v.toPrecision(10 + e);
  else if (Math.abs(e) <= 9) o = smallExp(v);
  else if (e === 10) o = v.toFixed(10).slice(0, 12);
  else o = largeExp(v);
  return stripDecimal(normaliseExp(o.toUpperCase()));
}

const stripDecimal = (o: string) => (o.includes('.') ? o.replace(/(?:\.0*|(\.\d*[1-9])0+)$/, '$1') : o);
const normaliseExp = (o: string) => (o.includes('E') ? o.replace(/(?:\.0*|(\.\d*[1-9])0+)[Ee]/, '$1E').replace(/(E[+-])(\d)$/, '$10$2') : o);

function smallExp(v: number): string {
  const w = v < 0 ? 12 : 11;
  let o = stripDecimal(v.toFixed(12));
  if (o.length <= w) return o;
  o = v.toPrecision(10);
  if (o.length <= w) return o;
  return v.toExponential(5);
}

function largeExp(v: number): string {
  const o = stripDecimal(v.toFixed(11));
  return o.length > (v < 0 ? 12 : 11) || o === '0' || o === '-0' ? v.toPrecision(6) : o;
}

const DATE_FORMATS = new Map<string, boolean>();

/** Whether a format shows a date or time (SSF's is_date); cached, as a workbook has a handful of formats. */
export function isDateFormat(format: string): boolean {
  let known = DATE_FORMATS.get(format);
  if (known === undefined) DATE_FORMATS.set(format, (known = scanIsDate(format)));
  return known;
}

function scanIsDate(fmt: string): boolean {
  let i = 0;
  while (i < fmt.length) {
    const c = fmt.charAt(i);
    switch (c) {
      case 'G':
        if (isGeneral(fmt, i)) i += 6;
        i++;
        break;
      case '"':
        for (; fmt.charCodeAt(++i) !== 34 && i < fmt.length; );
        ++i;
        break;
      case '\\':
      case '_':
        i += 2;
        break;
      case '@':
        ++i;
        break;
      case 'B': case 'b': // Buddhist and Hijri calendars (B1, B2), and SSF counts any B as a date
      case 'M': case 'D': case 'Y': case 'H': case 'S': case 'E':
      case 'm': case 'd': case 'y': case 'h': case 's': case 'e': case 'g':
        return true;
      case 'A': case 'a': case '上':
        if (fmt.slice(i, i + 3).toUpperCase() === 'A/P' || fmt.slice(i, i + 5).toUpperCase() === 'AM/PM' || fmt.slice(i, i + 5) === '上午/下午') return true;
        ++i;
        break;
      case '[': {
        let o = c;
        while (fmt.charAt(i++) !== ']' && i < fmt.length) o += fmt.charAt(i);
        if (/\[[HhMmSs\u0E0A\u0E19\u0E17]*\]/.test(o)) return true;
        break;
      }
      case '.': case '0': case '#': {
        let d: string;
        while (i < fmt.length && ('0#?.,E+-%'.includes((d = fmt.charAt(++i))) || (d === '\\' && fmt.charAt(i + 1) === '-' && '0#'.includes(fmt.charAt(i + 2)))));
        break;
      }
      case '?':
        while (fmt.charAt(++i) === c);
        break;
      case '*':
        ++i;
        if (fmt.charAt(i) === ' ' || fmt.charAt(i) === '*') ++i;
        break;
      case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        while (i < fmt.length && '0123456789'.includes(fmt.charAt(++i)));
        break;
      default:
        ++i;
    }
  }
  return false;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 31); // serial 0 is "1900-01-00"

/**
 * An Excel serial as its calendar day (UTC midnight), without local time: serial 60 is Excel's 29 Feb 1900,
 * which never was (read as 1 March, as before). Undefined outside Excel's range (SSF returns nothing there).
 */
export function serialDay(serial: number): Date | undefined {
  if (!(serial >= 0 && serial <= 2958465)) return undefined;
  let v = Number(serial.toPrecision(15));
  let day = Math.floor(v);
  const time = Math.floor(86400 * (v - day));
  const rest = 86400 * (v - day) - time;
  if (rest > 0.9999 && time + 1 === 86400) day++;
  v = day;
  if (v === 60) return new Date(Date.UTC(1900, 1, 29));
  if (v > 60) v--;
  return new Date(EPOCH_1900 + v * DAY_MS);
}

/** An ISO date or date-time (an OOXML `t="d"` cell) as the Excel serial it stands for, read as written. */
export function isoSerial(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(iso.trim());
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), 0) + Number(m[6] ?? 0) * 1000;
  if (!Number.isFinite(ms)) return undefined;
  const days = (ms - Date.UTC(1899, 11, 30)) / DAY_MS;
  return days < 61 ? days - 1 : days; // before 1 March 1900 Excel counts from the missing 29 February
}
