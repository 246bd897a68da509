/**
 * manifest.json, written beside every set of built outputs. It is how later steps (sending, agenda packs)
 * know what a file is, and above all whether it is exempt: a file with no manifest entry is never assumed
 * public.
 */
import { z } from 'zod';
import { issueMessage } from '../diagnostics/zod-message';

export const ManifestDocumentSchema = z.object({
  /** File name in the manifest's folder (never a path: a manifest cannot point a sender outside its folder). */
  file: z.string().regex(/^[^/\\]+$/, "expected a file name in the manifest's own folder").refine((f) => f !== '.' && f !== '..', "expected a file name in the manifest's own folder"),
  format: z.enum(['pdf', 'docx']),
  kind: z.enum(['report', 'appendix', 'decision', 'agenda', 'pack', 'board-pack']),
  title: z.string(),
  committee: z.string().optional(),
  /** yyyy-mm-dd */
  meetingDate: z.string().optional(),
  agendaItem: z.string().optional(),
  /** Appendix letter or number, for appendices. */
  appendix: z.string().optional(),
  classification: z.enum(['public', 'exempt']),
  /** Schedule 12A paragraph numbers, for exempt documents. */
  exemptParagraphs: z.array(z.number().int()).optional(),
  pages: z.number().int().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hash (64 hex digits)'),
});
export type ManifestDocument = z.infer<typeof ManifestDocumentSchema>;

export const ManifestSchema = z.object({
  generator: z.literal('cabinet-reports'),
  /** What was built: the source file relative to the working directory. */
  source: z.string(),
  documents: z.array(ManifestDocumentSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const MANIFEST_FILE = 'manifest.json';

/** A manifest's text parsed with its schema: the manifest, or every problem in words (never throws). */
export function parseManifest(text: string): { manifest: Manifest; problems?: undefined } | { manifest?: undefined; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problems: [`not valid JSON (${(e as Error).message})`] };
  }
  const parsed = ManifestSchema.safeParse(json, { reportInput: true });
  if (parsed.success) return { manifest: parsed.data };
  return { problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'manifest'}: ${issueMessage(i)}`) };
}
