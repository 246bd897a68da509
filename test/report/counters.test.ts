/**
 * The counters both writers show: the DOCX leaves lettered and Roman lists to Word, so the PDF must count
 * as Word does. Expected values are Word's own (a list formatted a) run to 28 items, and Roman numerals).
 */
import { counterText } from '../../src/text/counters';

describe('list counters, as Word prints them', () => {
  it('letters repeat past z (aa, bb), not a spreadsheet\'s aa, ab', () => {
    expect([1, 2, 26, 27, 28, 53].map((n) => counterText(n, 'lowerLetter'))).toEqual(['a', 'b', 'z', 'aa', 'bb', 'aaa']);
    expect(counterText(28, 'upperLetter')).toBe('BB');
  });

  it('Roman numerals', () => {
    expect([1, 4, 9, 14, 40, 90, 400, 1994].map((n) => counterText(n, 'lowerRoman'))).toEqual(['i', 'iv', 'ix', 'xiv', 'xl', 'xc', 'cd', 'mcmxciv']);
    expect(counterText(12, 'upperRoman')).toBe('XII');
  });
});
