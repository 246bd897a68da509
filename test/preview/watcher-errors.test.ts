import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SourceWatcher } from '../../src/preview/watcher';

/**
 * A folder the system will not watch (inotify's limit reached, permission withdrawn) must be said: an author
 * who keeps saving would otherwise wait for a rebuild that never comes.
 */
describe('a watcher that the system stops', () => {
  it('says which folder cannot be watched and why, once, in plain words', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-watch-err-'));
    const file = path.join(dir, 'report.md');
    fs.writeFileSync(file, '# x\n');
    const heard: string[] = [];
    const watcher = new SourceWatcher([file], () => undefined, { onError: (m) => heard.push(m) });
    await watcher.ready();
    // chokidar passes on the fs.watch error it got; this is the error Linux gives when inotify's limit is reached.
    const limit = Object.assign(new Error(`ENOSPC: System limit for number of file watchers reached, watch '${dir}'`), { code: 'ENOSPC', path: dir });
    const inner = (watcher as unknown as { watcher: NodeJS.EventEmitter }).watcher;
    inner.emit('error', limit);
    inner.emit('error', limit);
    await watcher.close();
    expect(heard).toEqual([`cannot watch ${dir} for saves: the system's limit on watched files is reached (ask for fs.inotify.max_user_watches to be raised); saves there will not rebuild the paper`]);
    expect(heard.join('')).not.toMatch(/ENOSPC|System limit/);
  });
});
