import { parseConfigText, defaultConfig } from '../../src/config/load';

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
