import * as path from 'node:path';
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { UnreadableInputError } from '../../diagnostics/diagnostic';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../../io/read-limits';
import { readBoundedFile } from '../../io/safe-read';
import { StampedCache } from '../../io/file-stamp';
import { checkZipWorkbook, inflateEntry } from '../zip-guard';
import { REL, type TemplateLook, type WordContentTypes, type WordPackage, type WordRelationship } from './types';
import { readTemplateLook } from './look';
import { WordXmlError } from './word-xml';
import { missingStylesWarning } from './style-roles';

/**
 * Opens a council's Word template (.dotx or .docx) as a package: read within the file size limit, checked
 * by the zip guard (entry count, sizes, ratios, XML depth, no DTD) before anything parses it, then its
 * relationships and content types read. What must never reach a council's paper is refused (macros) or
 * taken out with a warning (linked images, altChunks, fields that fetch data, content controls bound to
 * custom XML). Every refusal names render.wordTemplate and the file, and exits 2.
 */
const SETTING = 'render.wordTemplate';

const MAIN_TYPES: Record<string, boolean> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': false,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml': true,
};
const MACRO_TYPES = ['application/vnd.ms-word.document.macroEnabled.main+xml', 'application/vnd.ms-word.template.macroEnabledTemplate.main+xml'];
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Fields whose result comes from outside the document (a file, another program, a database, the web). */
const FETCHING_FIELDS = /^\s*(INCLUDETEXT|INCLUDEPICTURE|INCLUDE|DDE|DDEAUTO|DATABASE|LINK|IMPORT)\b/i;

function refuse(shown: string, reason: string): never {
  throw new UnreadableInputError(shown, `${SETTING}: ${reason}`);
}

export interface OpenOptions {
  /** The path as the user wrote it (relative to the settings file), for messages. */
  shown?: string;
  limits?: ReadLimits;
}

export function openWordTemplate(file: string, options: OpenOptions = {}): WordPackage {
  const shown = options.shown ?? file;
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  const ext = path.extname(file).toLowerCase();
  if (ext === '.docm' || ext === '.dotm')
    refuse(shown, `is a macro-enabled Word file (${ext}); macros are never carried into a council's papers: save the template as .dotx (Word Template) or .docx`);
  if (ext !== '.dotx' && ext !== '.docx') refuse(shown, `expected a Word template (.dotx or .docx), found a ${ext || 'file without an extension'}`);
  let bytes: Buffer;
  try {
    bytes = readBoundedFile(file, { shown, maxBytes: limits.maxFileBytes });
  } catch (e) {
    if (e instanceof UnreadableInputError) refuse(shown, e.reason);
    throw e;
  }
  if (bytes.subarray(0, 8).equals(CFB_MAGIC)) {
    const encrypted = bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    refuse(shown, encrypted
      ? 'is encrypted (password protected); remove the password in Word (File > Info > Protect Document) and save it again'
      : 'is an old binary Word file (.doc/.dot), not a Word 2007+ file; open it in Word and save it as .dotx or .docx');
  }
  if (bytes.readUInt32LE(0) !== 0x04034b50) refuse(shown, 'is not a Word file (not a zip package); expected a .dotx or .docx saved by Word or LibreOffice');
  const parts = new Map<string, Uint8Array>();
  try {
    const facts = checkZipWorkbook(bytes, shown, limits);
    for (const e of facts.entries) if (!e.name.endsWith('/')) parts.set(e.name, inflateEntry(bytes, e, shown, limits));
  } catch (e) {
    if (e instanceof UnreadableInputError) refuse(shown, e.reason.replace(/\bworkbooks\b/g, 'Word files').replace(/\bworkbook\b/g, 'Word file'));
    throw e;
  }
  return readPackage(shown, parts);
}

// Keyed by the file's stamp: a warm process (cabinet preview) uses a template the council has just saved again.
const looks = new StampedCache<TemplateLook>(4);

/**
 * The template opened and its look read, once per file and process (every document of a build uses it):
 * the package's warnings are the look's warnings, and the package travels with the look to the DOCX writer.
 */
export function wordTemplateLook(file: string, options: OpenOptions = {}): TemplateLook {
  return looks.get(path.resolve(file), () => loadLook(file, options));
}

function loadLook(file: string, options: OpenOptions): TemplateLook {
  const pkg = openWordTemplate(file, options);
  let look: TemplateLook;
  try {
    look = readTemplateLook(pkg);
  } catch (e) {
    if (e instanceof WordXmlError) refuse(pkg.file, `${e.part} ${e.reason}`);
    throw e;
  }
  const missing = missingStylesWarning(pkg.file, look.styles);
  return { ...look, warnings: [...pkg.warnings, ...look.warnings, ...(missing ? [missing] : [])], package: pkg };
}

function parseXml(shown: string, name: string, bytes: Uint8Array): Document {
  let problem: string | undefined;
  const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') problem ??= msg; } }).parseFromString(Buffer.from(bytes).toString('utf8'), 'text/xml');
  if (problem || !doc.documentElement) refuse(shown, `part ${name} is not well-formed XML${problem ? ` (${problem.split('\n')[0]})` : ''}`);
  return doc;
}

const elements = (doc: Document | Element, local: string) => Array.from(doc.getElementsByTagNameNS('*', local));

/** Where a relationship of `owner` points, as a zip name ("word/media/image1.png"). */
function resolveTarget(owner: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = owner.includes('/') ? owner.slice(0, owner.lastIndexOf('/')) : '';
  return path.posix.normalize(path.posix.join(base, decodeURIComponent(target))).replace(/^\.\//, '');
}

const relsPartOf = (owner: string) => (owner === '' ? '_rels/.rels' : `${path.posix.dirname(owner) === '.' ? '' : path.posix.dirname(owner) + '/'}_rels/${path.posix.basename(owner)}.rels`);
const ownerOfRels = (rels: string) => {
  const m = /^(?:(.*)\/)?_rels\/([^/]*)\.rels$/.exec(rels);
  return m ? (m[1] ? `${m[1]}/${m[2]}` : m[2] === '' ? '' : m[2]!) : undefined;
};

export function readPackage(shown: string, parts: Map<string, Uint8Array>): WordPackage {
  const ctBytes = parts.get('[Content_Types].xml');
  if (!ctBytes) refuse(shown, 'is not a Word file: the package has no [Content_Types].xml');
  const ct = parseXml(shown, '[Content_Types].xml', ctBytes);
  const contentTypes: WordContentTypes = { defaults: new Map(), overrides: new Map() };
  for (const d of elements(ct, 'Default')) contentTypes.defaults.set((d.getAttribute('Extension') ?? '').toLowerCase(), d.getAttribute('ContentType') ?? '');
  for (const o of elements(ct, 'Override')) contentTypes.overrides.set((o.getAttribute('PartName') ?? '').replace(/^\//, ''), o.getAttribute('ContentType') ?? '');

  const relationships = new Map<string, WordRelationship[]>();
  for (const [name, bytes] of parts) {
    const owner = ownerOfRels(name);
    if (owner === undefined) continue;
    const doc = parseXml(shown, name, bytes);
    relationships.set(
      name === '_rels/.rels' ? '' : owner,
      elements(doc, 'Relationship').map((r) => {
        const external = r.getAttribute('TargetMode') === 'External';
        const target = r.getAttribute('Target') ?? '';
        return { id: r.getAttribute('Id') ?? '', type: r.getAttribute('Type') ?? '', target, external, ...(external ? {} : { part: resolveTarget(name === '_rels/.rels' ? '' : owner, target) }) };
      }),
    );
  }
  const mainPart = relationships.get('')?.find((r) => r.type === REL.officeDocument)?.part;
  if (!mainPart || !parts.has(mainPart)) refuse(shown, 'is not a Word file: the package has no main document part (word/document.xml)');
  const mainType = contentTypes.overrides.get(mainPart) ?? contentTypes.defaults.get(path.posix.extname(mainPart).slice(1)) ?? '';
  if (MACRO_TYPES.includes(mainType) || [...parts.keys()].some((n) => /vbaProject\.bin$/i.test(n)))
    refuse(shown, "is macro-enabled (it holds a VBA project); macros are never carried into a council's papers: save the template as .dotx (Word Template) without macros");
  const isTemplate = MAIN_TYPES[mainType];
  if (isTemplate === undefined) refuse(shown, `is not a Word document or template: its main part has content type "${mainType || 'none'}"`);

  const pkg: WordPackage = { file: shown, parts, isTemplate, mainPart, relationships, contentTypes, warnings: [] };
  notCarried(pkg);
  return pkg;
}

/**
 * Takes out of the package what must not reach a council's paper, each with a warning: altChunks (another
 * file's content pasted in as is), linked (external) images, fields that fetch data from outside, and content
 * controls bound to custom XML (their current text is kept, the binding dropped).
 */
function notCarried(pkg: WordPackage): void {
  const warn = (m: string) => pkg.warnings.push(`${SETTING} ${pkg.file}: ${m}`);
  for (const [owner, rels] of pkg.relationships) {
    const kept = rels.filter((r) => {
      if (r.type === REL.aFChunk) {
        warn(`${owner} includes another file's content (altChunk ${r.target}); it is not carried`);
        if (r.part) pkg.parts.delete(r.part);
        return false;
      }
      if (r.external && r.type === REL.image) {
        warn(`${owner} links an external image (${r.target}); linked images are not carried, only embedded ones`);
        return false;
      }
      return true;
    });
    if (kept.length !== rels.length) {
      pkg.relationships.set(owner, kept);
      const dropped = new Set(rels.filter((r) => !kept.includes(r)).map((r) => r.id));
      rewriteRels(pkg, owner, dropped);
      const xml = pkg.parts.get(owner);
      if (xml) pkg.parts.set(owner, editPart(pkg, owner, xml, (doc) => dropReferences(doc, dropped)));
    }
  }
  for (const [name, bytes] of pkg.parts) {
    if (!/^word\/.*\.xml$/.test(name) || name.includes('/_rels/')) continue;
    const text = Buffer.from(bytes).toString('utf8');
    if (!/instrText|fldSimple|dataBinding|altChunk/.test(text)) continue;
    pkg.parts.set(name, editPart(pkg, name, bytes, (doc) => {
      let changed = dropFetchingFields(doc, (f) => warn(`${name} has a field that fetches data (${f.trim().split(/\s+/)[0]}); it is not carried (its last result is kept as text)`));
      for (const b of elements(doc, 'dataBinding')) {
        warn(`${name} has a content control bound to custom XML (${b.getAttribute('w:xpath') ?? ''}); the binding is not carried (its current text is kept)`);
        b.parentNode?.removeChild(b);
        changed = true;
      }
      for (const a of elements(doc, 'altChunk')) {
        a.parentNode?.removeChild(a);
        changed = true;
      }
      return changed;
    }));
  }
}

function editPart(pkg: WordPackage, name: string, bytes: Uint8Array, edit: (doc: Document) => boolean): Uint8Array {
  const doc = parseXml(pkg.file, name, bytes);
  if (!edit(doc)) return bytes;
  return Buffer.from(new XMLSerializer().serializeToString(doc), 'utf8');
}

function rewriteRels(pkg: WordPackage, owner: string, dropped: Set<string>): void {
  const name = relsPartOf(owner);
  const bytes = pkg.parts.get(name);
  if (!bytes) return;
  pkg.parts.set(name, editPart(pkg, name, bytes, (doc) => {
    for (const r of elements(doc, 'Relationship')) if (dropped.has(r.getAttribute('Id') ?? '')) r.parentNode?.removeChild(r);
    return true;
  }));
}

/** Attributes pointing at a dropped relationship (r:link, r:id, r:embed) are removed: no reference dangles. */
function dropReferences(doc: Document, dropped: Set<string>): boolean {
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  for (const el of elements(doc, '*'))
    for (const local of ['link', 'id', 'embed']) if (dropped.has(el.getAttributeNS(R, local) ?? '')) el.removeAttributeNS(R, local);
  for (const chunk of elements(doc, 'altChunk')) chunk.parentNode?.removeChild(chunk);
  return true;
}

/**
 * Fields that fetch data become their last result: a simple field is replaced by its runs; a complex field
 * (fldChar begin, instrText, separate, result, end) loses its begin..separate runs and its end.
 */
function dropFetchingFields(doc: Document, warn: (instruction: string) => void): boolean {
  let changed = false;
  for (const f of elements(doc, 'fldSimple')) {
    const instr = f.getAttribute('w:instr') ?? '';
    if (!FETCHING_FIELDS.test(instr)) continue;
    warn(instr);
    while (f.firstChild) f.parentNode?.insertBefore(f.firstChild, f);
    f.parentNode?.removeChild(f);
    changed = true;
  }
  // Complex fields, in document order: runs are dropped from begin to separate (the instruction) and the end.
  const runs = elements(doc, 'r');
  const stack: { fetching: boolean; instruction: string; begin: Element; phase: 'code' | 'result' }[] = [];
  const drop: Element[] = [];
  for (const r of runs) {
    const char = elements(r, 'fldChar')[0]?.getAttribute('w:fldCharType');
    const top = stack[stack.length - 1];
    if (char === 'begin') {
      stack.push({ fetching: false, instruction: '', begin: r, phase: 'code' });
      continue;
    }
    if (top && top.phase === 'code' && char === undefined) top.instruction += elements(r, 'instrText').map((t) => t.textContent ?? '').join('');
    if (char === 'separate' && top) {
      top.phase = 'result';
      top.fetching = FETCHING_FIELDS.test(top.instruction);
      if (top.fetching) {
        warn(top.instruction);
        drop.push(...runsBetween(top.begin, r));
      }
      continue;
    }
    if (char === 'end' && top) {
      stack.pop();
      if (top.phase === 'code' && FETCHING_FIELDS.test(top.instruction)) {
        // No result to keep: the whole field goes.
        warn(top.instruction);
        drop.push(...runsBetween(top.begin, r));
      } else if (top.fetching) drop.push(r);
    }
  }
  for (const r of drop) {
    r.parentNode?.removeChild(r);
    changed = true;
  }
  return changed;
}

/** The elements from `first` to `last`, siblings in one paragraph as Word writes a field's runs. */
function runsBetween(first: Element, last: Element): Element[] {
  const out: Element[] = [];
  for (let n: Element | null = first; n; ) {
    out.push(n);
    if (n === last) break;
    let next = n.nextSibling;
    while (next && next.nodeType !== 1) next = next.nextSibling;
    n = next as Element | null;
  }
  return out;
}
