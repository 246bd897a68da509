import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { readDecisionSource, type DecisionFrontMatter, type DecisionSource } from '../model/decision-source';
import { decisionDocument, decisionLabels } from '../render/decision/decision-layout';
import { slug } from '../render/ids';
import { sourceDate } from '../io/source-date';
import { resolveHouseSettings } from '../render/house-style';
import { OutputSet } from './output-set';
import { withReadPolicy } from '../io/read-policy';
import { readPolicyOf } from '../config/read-policy';
import type { BuildOptions, BuildResult } from './build-report';

/** A decision record (seed 004's shape) to DOCX and PDF, with the call-in deadline computed. */
export function buildDecision(file: string, options: BuildOptions): Promise<BuildResult> {
  return withReadPolicy(readPolicyOf(options.config, options.cwd ?? process.cwd()), () => buildWithin(file, options));
}

async function buildWithin(file: string, options: BuildOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const source = { ...readDecisionSource(path.resolve(cwd, file), file), file };
  const diagnostics: Diagnostic[] = source.diagnostics.map((d) => ({ ...d, file }));
  if (!source.front || diagnostics.some((d) => d.severity === 'error')) return { files: [], diagnostics };
  const front = source.front;
  const laid = decisionDocument(source as DecisionSource & { front: DecisionFrontMatter }, { ...options.config, render: resolveHouseSettings(options.config.render, cwd) }, decisionLabels(options.templatesDir, front.language), sourceDate(front.published).toISOString(), cwd);
  diagnostics.push(...laid.diagnostics);
  if (diagnostics.some((d) => d.severity === 'error' || (options.strict && d.severity === 'warning'))) return { files: [], diagnostics };
  const doc = laid.doc;
  const outputDir = path.resolve(cwd, options.outDir ?? 'output', `${front.meeting.date}-decision-${slug(front.title)}`);
  const out = new OutputSet(outputDir, options.formats ?? ['pdf', 'docx'], options.onProgress, cwd);
  await out.add(doc, 'decision', { kind: 'decision', title: front.title, committee: front.decisionMaker, meetingDate: front.meeting.date, classification: 'public' });
  diagnostics.push(...out.glyphDiagnostics(file));
  return { outputDir, files: out.write(path.relative(cwd, path.resolve(cwd, file))), diagnostics };
}
