import { DuePrecisionSchema } from './plan';

/**
 * Whether an action is exactly what ActionSchema would give back for it: every field of the right type,
 * no other keys, keys in the schema's order. Parsing with zod gives the same answer but builds a copy of
 * every action on the way (1.3 s and about 160 MB of garbage for a 200,000-action plan); this reads the
 * action without making anything. It only says yes or no: checked-plan.ts asks zod about any action it
 * says no to, so messages and the parsed copy still come from the schema.
 * test/reader/checked-plan.test.ts holds the two to the same verdict, field by field.
 */
export function isExactAction(a: unknown): boolean {
  if (!isObject(a) || !inOrder(a, ACTION_KEYS)) return false;
  return (
    optional(a.id, isString) &&
    isString(a.text) &&
    isDue(a.due) &&
    isArrayOf(a.leads, isLead) &&
    typeof a.leadInherited === 'boolean' &&
    optional(a.status, isStatus) &&
    optional(a.progress, isString) &&
    optional(a.percentComplete, isNumber) &&
    isArrayOf(a.subItems, isSubItem) &&
    isActionSource(a.source)
  );
}

type Obj = Record<string, unknown>;

/** The schema's keys in its order (plan.ts); checked against ActionSchema.shape by the test. */
export const ACTION_KEYS = ['id', 'text', 'due', 'leads', 'leadInherited', 'status', 'progress', 'percentComplete', 'subItems', 'source'] as const;
export const DUE_KEYS = ['text', 'precision', 'date', 'start', 'source'] as const;
export const LEAD_KEYS = ['text', 'role', 'name'] as const;
export const STATUS_KEYS = ['label', 'text', 'source'] as const;
export const SUB_ITEM_KEYS = ['text', 'due', 'leads', 'source'] as const;
export const CELL_REF_KEYS = ['sheet', 'cell'] as const;
export const ACTION_SOURCE_KEYS = ['sheet', 'row'] as const;

const PRECISIONS: ReadonlySet<unknown> = new Set(DuePrecisionSchema.options);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const isArrayOf = (v: unknown, check: (v: unknown) => boolean) => Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype && everyPresent(v, check);

/** Holes fail: zod reads a hole as undefined, which no element schema here accepts. */
function everyPresent(list: unknown[], check: (v: unknown) => boolean): boolean {
  for (let i = 0; i < list.length; i++) if (!(i in list) || !check(list[i])) return false;
  return true;
}

/** Own keys all known, each after the one before it in the schema's order (zod's copy has that order). */
function inOrder(o: Obj, keys: readonly string[]): boolean {
  let at = 0;
  for (const key in o) {
    if (!Object.prototype.hasOwnProperty.call(o, key)) return false;
    while (at < keys.length && keys[at] !== key) at++;
    if (at === keys.length) return false;
    at++;
  }
  return Object.getOwnPropertySymbols(o).length === 0;
}

const isCellRef = (v: unknown) => isObject(v) && inOrder(v, CELL_REF_KEYS) && isString(v.sheet) && isString(v.cell);
const isActionSource = (v: unknown) => isObject(v) && inOrder(v, ACTION_SOURCE_KEYS) && isString(v.sheet) && Number.isSafeInteger(v.row);
const isIsoDate = (v: unknown) => isString(v) && ISO_DATE.test(v);
const isLead = (v: unknown) => isObject(v) && inOrder(v, LEAD_KEYS) && isString(v.text) && optional(v.role, isString) && optional(v.name, isString);
const isStatus = (v: unknown) => isObject(v) && inOrder(v, STATUS_KEYS) && isString(v.label) && isString(v.text) && optional(v.source, isCellRef);

function isDue(v: unknown): boolean {
  return isObject(v) && inOrder(v, DUE_KEYS) && isString(v.text) && PRECISIONS.has(v.precision) && optional(v.date, isIsoDate) && optional(v.start, isIsoDate) && optional(v.source, isCellRef);
}

function isSubItem(v: unknown): boolean {
  return isObject(v) && inOrder(v, SUB_ITEM_KEYS) && isString(v.text) && isDue(v.due) && isArrayOf(v.leads, isLead) && optional(v.source, isCellRef);
}
