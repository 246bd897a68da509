import type { Lead } from '../plan';

/** Words that make a phrase a job title rather than a person's name. */
const ROLE_WORDS = new Set(
  ('director manager head officer lead leader worker partner assistant senior principal service services children families ' +
    'quality resources transformation social virtual business people management commissioning procurement early help chief ' +
    'executive team group board council member cabinet adviser advisor coordinator co-ordinator administrator analyst consultant ' +
    'specialist corporate strategic deputy interim operations operational safeguarding practice workforce development nhs iro ' +
    'school schools education health care partnership panel hr finance legal all')
    .split(' '),
);
const DASH = /\s+[–—-]\s+|\s*[–—]\s*/;

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const isCapitalised = (w: string) => /^[A-Z][a-zA-Z'’-]*$/.test(w);

/** "Jonathan Taylor", "Tracey Thompson": 2-3 capitalised words, none of them a job word. */
export function looksLikeName(text: string): boolean {
  const ws = words(text.trim());
  return ws.length >= 2 && ws.length <= 3 && ws.every(isCapitalised) && !ws.some((w) => ROLE_WORDS.has(w.toLowerCase()));
}

/**
 * Splits a lead cell into leads. Separators: new line and ";" always; ",", "/", " and ", " & " only where every
 * part stands as a lead of its own ("Assistant Director Children & Families – Jonathan Taylor" is ONE lead:
 * the "&" is inside a job title, which is why "&" cannot be a plain separator).
 */
export function splitLeads(cell: string): Lead[] {
  const chunks = cell
    .split(/\n|;/)
    .map((s) => s.replace(/^[•\-\s]+/, '').trim())
    .filter(Boolean);
  return chunks.flatMap(splitChunk);
}

function splitChunk(chunk: string): Lead[] {
  const shared = sharedRole(chunk);
  if (shared) return shared;
  for (const sep of [/\s*,\s*/, /\s*\/\s*/, /\s+and\s+/i, /\s+&\s+/]) {
    const parts = chunk.split(sep).map((p) => p.trim()).filter(Boolean);
    if (parts.length > 1 && parts.every(standsAlone)) return parts.flatMap(splitChunk);
  }
  const joined = twoLeadsWithoutSeparator(chunk);
  if (joined) return joined;
  return [parseLead(chunk)];
}

/** A part that is a lead by itself: "Role – Name", or a person's name. */
function standsAlone(part: string): boolean {
  return DASH.test(part) || looksLikeName(part);
}

/** "Senior Manager – Jean Mawdsley, Stefan Chapleo": one role, several people. */
function sharedRole(chunk: string): Lead[] | undefined {
  const [role, rest] = splitOnce(chunk, DASH);
  if (!rest) return undefined;
  const names = rest.split(/\s*,\s*|\s+and\s+|\s+&\s+/).map((n) => n.trim());
  if (names.length < 2 || !names.every(looksLikeName)) return undefined;
  return names.map((name) => ({ text: `${role} – ${name}`, role, name }));
}

/** "Senior Manager – Jean Mawdsley Principal Social Worker – Tracey Thompson" (a line break lost on paste). */
function twoLeadsWithoutSeparator(chunk: string): Lead[] | undefined {
  const pieces = chunk.split(DASH);
  if (pieces.length !== 3) return undefined;
  const middle = words(pieces[1]!);
  if (middle.length < 3 || !looksLikeName(middle.slice(0, 2).join(' '))) return undefined;
  const first = `${pieces[0]} – ${middle.slice(0, 2).join(' ')}`;
  const second = `${middle.slice(2).join(' ')} – ${pieces[2]}`;
  return [parseLead(first), parseLead(second)];
}

function splitOnce(text: string, sep: RegExp): [string, string | undefined] {
  const m = text.match(sep);
  if (!m || m.index === undefined) return [text.trim(), undefined];
  return [text.slice(0, m.index).trim(), text.slice(m.index + m[0].length).trim() || undefined];
}

/** One lead into role and name: "Role – Name", "Name, Role", "Role, Name", "Role Name", or just one of them. */
export function parseLead(text: string): Lead {
  const t = text.trim().replace(/\s+/g, ' ');
  const [left, right] = splitOnce(t, DASH);
  if (right) return orient(t, left, right);
  const [a, b] = splitOnce(t, /\s*,\s*/);
  if (b) return orient(t, a, b);
  const ws = words(t);
  if (looksLikeName(t)) return { text: t, name: t };
  const tail = ws.slice(-2).join(' ');
  if (ws.length > 2 && looksLikeName(tail)) return { text: t, role: ws.slice(0, -2).join(' '), name: tail };
  return { text: t, role: t };
}

/** Puts the person's name on the side that looks like a name ("Jean Mawdsley, Senior Manager"). */
function orient(text: string, a: string, b: string): Lead {
  if (looksLikeName(a) && !looksLikeName(b)) return { text, role: b, name: a };
  return { text, role: a, name: b };
}
