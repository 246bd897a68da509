import { startPreview } from '../../src/preview/preview';
import { privateOutDir } from '../../src/pipeline/build-context';
import { wfFolder } from './fixture';

/**
 * Stopping the preview (Ctrl+C) while a save's build is under way: close waits for that build, so nothing
 * goes on writing files, or loading code, after the preview said it stopped.
 */
describe('closing a preview', () => {
  jest.setTimeout(120000);

  it('waits for the build under way, and none runs after it', async () => {
    const wf = wfFolder();
    const preview = await startPreview({ kind: 'report', file: wf.report }, { cwd: wf.dir, outDir: privateOutDir('cabinet-preview-close-'), formats: ['pdf', 'docx'] }, { host: '127.0.0.1', port: 0 });
    const before = preview.session.current!.version;
    const built: number[] = [];
    preview.session.onBuild((s) => built.push(s.version));
    void preview.session.rebuild();
    expect(preview.session.building).toBe(true);
    await preview.close();
    expect(preview.session.building).toBe(false);
    // The save's build finished, PDF first and then the whole set, before close returned.
    expect(built).toEqual([before + 1, before + 1]);
    expect(preview.session.current!.complete).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(built).toHaveLength(2);
  });
});
