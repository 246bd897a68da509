import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { parseManifest, MANIFEST_FILE, type Manifest, type ManifestDocument } from '../model/manifest';
import { UnreadableInputError } from '../diagnostics/diagnostic';

export interface Paper {
  file: string;
  name: string;
  bytes: Buffer;
  sha256: string;
  /** From the manifest beside the file; undefined when the user vouched for it with --classification public. */
  doc?: ManifestDocument | undefined;
  exempt: boolean;
}

export class DeliveryRefused extends Error {}

/** The manifest in `folder`, parsed with its schema; undefined when there is none; a broken one is exit 2. */
function readManifest(folder: string): Manifest | undefined {
  const file = path.join(folder, MANIFEST_FILE);
  if (!fs.existsSync(file)) return undefined;
  const r = parseManifest(fs.readFileSync(file, 'utf8'));
  if (r.problems) throw new UnreadableInputError(file, `not a manifest cabinet-reports can trust, so nothing was sent: ${r.problems.slice(0, 3).join('; ')}. Rebuild the papers`);
  return r.manifest;
}

function manifestFor(file: string): ManifestDocument | undefined {
  return readManifest(path.dirname(file))?.documents.find((d) => d.file === path.basename(file));
}

/**
 * The PDFs to send: named files, or every PDF a built folder's manifest lists. A file no manifest vouches
 * for is never assumed public: it is refused unless the sender states --classification public.
 */
export function collectPapers(inputs: string[], vouchPublic: boolean): Paper[] {
  const files = inputs.flatMap((input) => {
    if (!fs.existsSync(input)) throw new UnreadableInputError(input, 'file not found');
    if (!fs.statSync(input).isDirectory()) return [input];
    const manifest = readManifest(input);
    if (!manifest) throw new UnreadableInputError(input, `no ${MANIFEST_FILE} in this folder: name the PDFs to send`);
    return manifest.documents.filter((d) => d.format === 'pdf').map((d) => path.join(input, d.file));
  });
  return files.map((file) => {
    if (!fs.existsSync(file)) throw new UnreadableInputError(file, 'file not found (listed in the manifest but missing: rebuild the papers)');
    if (!fs.statSync(file).isFile()) throw new UnreadableInputError(file, 'not a regular file');
    const bytes = fs.readFileSync(file);
    const doc = manifestFor(file);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (doc && doc.sha256 !== sha256) throw new DeliveryRefused(`${file} has changed since it was built (its hash differs from manifest.json): rebuild it before sending`);
    if (!doc && !vouchPublic) throw new DeliveryRefused(`${file} is not listed in a manifest.json, so whether it is exempt is unknown: send built papers, or state --classification public if it is public`);
    return { file, name: path.basename(file), bytes, sha256, doc, exempt: doc?.classification === 'exempt' };
  });
}

/** Exempt papers go only to lists cleared for them; checked before any connection is made. */
export function assertCleared(papers: Paper[], list: { name: string; exemptCleared: boolean }): void {
  const exempt = papers.filter((p) => p.exempt);
  if (exempt.length && !list.exemptCleared)
    throw new DeliveryRefused(`refused: ${exempt.map((p) => p.name).join(', ')} ${exempt.length > 1 ? 'are' : 'is'} exempt (Schedule 12A) and the list "${list.name}" is not cleared for exempt papers. Nothing was sent to anyone.`);
}
