import { parseDueDate } from '../../src/model/normalise/due-date';
import type { RawCell } from '../../src/readers/raw';

const due = (text: string) => parseDueDate(text).due;

describe('due dates as councils write them (UK, day first)', () => {
  it.each([
    ['31/08/2023', 'day', undefined, '2023-08-31'],
    ['1/9/23', 'day', undefined, '2023-09-01'],
    ['31 August 2023', 'day', undefined, '2023-08-31'],
    ['1st March 2024', 'day', undefined, '2024-03-01'],
    ['August 2023', 'month', '2023-08-01', '2023-08-31'],
    ['Aug-23', 'month', '2023-08-01', '2023-08-31'],
    ['Sept 2023', 'month', '2023-09-01', '2023-09-30'],
    ['End of March 2024', 'month', '2024-03-01', '2024-03-31'],
    ['February 2024', 'month', '2024-02-01', '2024-02-29'],
    ['Q3 2023/24', 'quarter', '2023-10-01', '2023-12-31'],
    ['Q4 2023/24', 'quarter', '2024-01-01', '2024-03-31'],
    ['Q1 2024-25', 'quarter', '2024-04-01', '2024-06-30'],
    ['2024/25', 'financial-year', '2024-04-01', '2025-03-31'],
    ['2024-25', 'financial-year', '2024-04-01', '2025-03-31'],
  ])('%s -> %s ending %s', (text, precision, start, date) => {
    const d = due(text);
    expect(d).toMatchObject({ text, precision, date });
    expect(d.start).toBe(start);
  });

  it.each([
    ['Ongoing', 'ongoing'],
    ['Launched April 2024 - Ongoing', 'ongoing'],
    ['TBC', 'tbc'],
    ['Complete', 'complete'],
    ['Completed', 'complete'],
  ])('%s -> %s with no date', (text, precision) => {
    expect(due(text)).toEqual({ text, precision });
  });

  it('takes the later of two dates in one cell', () => {
    expect(due('July 2023 / October 2023')).toMatchObject({ precision: 'month', date: '2023-10-31' });
  });

  it('keeps text it does not understand, and says so', () => {
    expect(parseDueDate('When resources allow')).toEqual({ due: { text: 'When resources allow', precision: 'unknown' }, understood: false });
    expect(parseDueDate('31/02/2024').understood).toBe(false);
    expect(parseDueDate('2024/26').understood).toBe(false);
  });

  it('reads real date cells and bare Excel serials as days', () => {
    const cell = (type: RawCell['type'], value: RawCell['value']): RawCell => ({ address: 'C4', r: 3, c: 2, type, value, text: String(value) });
    expect(parseDueDate(cell('date', new Date(Date.UTC(2023, 7, 31)))).due).toEqual({ text: '31 August 2023', precision: 'day', date: '2023-08-31' });
    expect(parseDueDate(cell('number', 45169)).due).toMatchObject({ precision: 'day', date: '2023-08-31' });
  });

  it('treats an empty cell as no date', () => {
    expect(parseDueDate('')).toEqual({ due: { text: '', precision: 'none' }, understood: true });
  });
});
