/**
 * manifest.json, written beside every set of built outputs. It is how later steps (sending, agenda packs)
 * know what a file is, and above all whether it is exempt: a file with no manifest entry is never assumed
 * public.
 */
import { z } from 'zod';

export const ManifestDocumentSchema = z.object({
  /** File name relative to the manifest's folder. */
  file: z.string(),
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
  sha256: z.string(),
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
