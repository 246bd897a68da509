import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseConfigText, defaultConfig, loadConfig } from '../../src/config/load';
import { UnreadableInputError } from '../../src/diagnostics/diagnostic';

describe('settings file', () => {
  it('fills every default from an empty file', () => {
    const { config, diagnostics } = parseConfigText('', 'cabinet.config.yaml');
    expect(diagnostics).toEqual([]);
    expect(config).toEqual(defaultConfig());
    expect(config.governance.callIn.workingDays).toBe(5);
    expect(config.governance.keyDecisionThreshold).toBe(500000);
    expect(config.render.paragraphNumbering).toBe('section');
  });

  it('keeps what the council overrides', () => {
    const text = 'render:\n  paragraphNumbering: continuous\ngovernance:\n  callIn:\n    workingDays: 3\n    cutOff: "12:00"\n';
    const { config } = parseConfigText(text, 'c.yaml');
    expect(config.render.paragraphNumbering).toBe('continuous');
    expect(config.governance.callIn).toEqual({ workingDays: 3, cutOff: '12:00' });
    expect(config.governance.agendaClearWorkingDays).toBe(5);
  });

  it('reports a bad value with its file and line instead of throwing', () => {
    const text = 'render:\n  font: Arial\n  paragraphNumbering: sideways\n';
    const { diagnostics } = parseConfigText(text, 'c.yaml');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'config-invalid', file: 'c.yaml', line: 3 });
    expect(diagnostics[0]!.message).toContain('render.paragraphNumbering');
  });

  it('reports broken YAML with its line', () => {
    const { diagnostics } = parseConfigText('render:\n  font: [Arial\n', 'c.yaml');
    expect(diagnostics[0]).toMatchObject({ code: 'config-yaml', file: 'c.yaml' });
  });
});

describe('settings that say what is wrong', () => {
  // Lines counted by hand in the text below.
  const typos = [
    'render:', //                       1
    '  fnot: Arial', //                  2  render.fnot -> render.font
    '  fontSize: big', //                3  not a number
    'boardPak:', //                      4  -> boardPack
    '  board: Improvement Board', //     5
    'font: Arial', //                    6  right word, wrong level -> render.font
    'delivery:', //                      7
    '  lists:', //                       8
    '    - name: board', //              9
    '      recipients:', //             10
    '        - { emial: a@x.gov.uk }', // 11 -> email (and email is then missing)
    '  smtp: { port: nine }', //        12
    'governance:', //                   13
    '  callIn: { workingDays: -1 }', // 14
    'zzzqqq: 1', //                     15 nothing near
  ].join('\n');

  it('reports every problem at once, each with its line and the nearest known key', () => {
    const { diagnostics } = parseConfigText(typos, 'council.yaml');
    const seen = diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`);
    expect(seen).toEqual([
      '2 config-unknown-key unknown key "render.fnot": did you mean render.font?',
      '3 config-invalid render.fontSize: expected a number, found "big"',
      '4 config-unknown-key unknown key "boardPak": did you mean boardPack?',
      '6 config-unknown-key unknown key "font": did you mean render.font?',
      '11 config-unknown-key unknown key "delivery.lists[0].recipients[0].emial": did you mean delivery.lists[0].recipients[0].email?',
      '11 config-invalid missing key "delivery.lists[0].recipients[0].email" (expected text)',
      '12 config-invalid delivery.smtp.port: expected a number, found "nine"',
      '14 config-invalid governance.callIn.workingDays: expected at least 0, found -1',
      expect.stringMatching(/^15 config-unknown-key unknown key "zzzqqq"; known keys here: .*render, governance, boardPack, delivery/),
    ]);
    expect(diagnostics.every((d) => d.file === 'council.yaml' && d.severity === 'error')).toBe(true);
  });

  it('names the allowed words of a choice and the value found', () => {
    const { diagnostics } = parseConfigText('governance:\n  region: wales\n', 'c.yaml');
    expect(diagnostics).toEqual([expect.objectContaining({ line: 2, message: 'governance.region: expected one of england-and-wales, scotland, northern-ireland, found "wales"' })]);
  });

  it('accepts any key inside a map of names (legend colours by label)', () => {
    const { diagnostics, config } = parseConfigText('render:\n  legendColours: { Off track: "#C00000" }\n', 'c.yaml');
    expect(diagnostics).toEqual([]);
    expect(config.render.legendColours).toEqual({ 'Off track': '#C00000' });
  });

  it('a settings file named by --config or CABINET_CONFIG that is missing or a folder cannot be read (exit 2)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-config-'));
    expect(() => loadConfig('nope.yaml', dir)).toThrow(UnreadableInputError);
    expect(() => loadConfig('nope.yaml', dir)).toThrow(/settings file not found/);
    expect(() => loadConfig(undefined, dir, { CABINET_CONFIG: 'gone.yaml' })).toThrow(/gone\.yaml \(from CABINET_CONFIG\): settings file not found/);
    fs.mkdirSync(path.join(dir, 'folder.yaml'));
    expect(() => loadConfig('folder.yaml', dir)).toThrow(/folder\.yaml: is a folder, not a document; only regular files are read/);
    // With nothing named and no file in the default places: the defaults.
    expect(loadConfig(undefined, dir, {})).toEqual({ config: defaultConfig(), diagnostics: [] });
  });

  it('the mail deadlines have sane defaults and can be set', () => {
    // Waits a person would sit through (issue 17: at most 30 s each).
    const { connectionTimeoutMs, greetingTimeoutMs, socketTimeoutMs } = defaultConfig().delivery.smtp;
    for (const ms of [connectionTimeoutMs, greetingTimeoutMs, socketTimeoutMs]) expect(ms).toBeLessThanOrEqual(30000);
    const { config } = parseConfigText('delivery:\n  smtp: { socketTimeoutMs: 5000 }\n', 'c.yaml');
    expect(config.delivery.smtp.socketTimeoutMs).toBe(5000);
  });
});
