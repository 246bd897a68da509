import type { Config } from '../config/schema';
import type { Diagnostic } from '../model/diagnostic';

export interface BoardPackOptions {
  /** "2024-03", or "auto" for the month that ended most recently before `today`. */
  month: string;
  /** Plan workbooks; default: every workbook in config.boardPack.planFolders. */
  plans?: string[];
  config: Config;
  /** Output root (default "output"). */
  outDir?: string;
  /** Today's date (yyyy-mm-dd), for --month auto; injected so runs are reproducible. */
  today?: string;
}

export interface BoardPackResult {
  month: string;
  /** Folder the pack was written to. */
  outputDir: string;
  /** Paths of files written (pdf, docx, manifest.json). */
  files: string[];
  diagnostics: Diagnostic[];
  /** 0 ok, 1 some plan had data errors (the pack was still built from the others). */
  exitCode: 0 | 1;
}

/** Placeholder signature (issue 6). */
export async function buildBoardPack(_options: BoardPackOptions): Promise<BoardPackResult> {
  throw new Error('board pack not yet available');
}
