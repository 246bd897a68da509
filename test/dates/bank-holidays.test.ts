import { bankHolidays } from '../../src/dates/bank-holidays';
import { easterSunday } from '../../src/dates/easter';

const dates = (year: number, region?: Parameters<typeof bankHolidays>[1]) => bankHolidays(year, region).map((h) => h.date);

describe('bank holidays in England and Wales', () => {
  it('2026 as published', () => {
    expect(dates(2026)).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
  });

  it('2022: spring holiday moved to 2 June, the Platinum Jubilee and the State Funeral', () => {
    expect(dates(2022)).toEqual(['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27']);
  });

  it('2020: early May moved to Friday 8 May for VE Day', () => {
    expect(dates(2020)).toEqual(['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28']);
  });

  it('2023: the coronation as well as the early May holiday', () => {
    expect(dates(2023)).toEqual(expect.arrayContaining(['2023-05-01', '2023-05-08']));
    expect(dates(2023)).toHaveLength(9);
  });

  it('Christmas on a Saturday (2021, 2027) gives Monday and Tuesday substitutes', () => {
    expect(dates(2021).slice(-2)).toEqual(['2021-12-27', '2021-12-28']);
    expect(dates(2027).slice(-2)).toEqual(['2027-12-27', '2027-12-28']);
  });

  it('Easter from 2015 to 2035 falls between 22 March and 25 April', () => {
    for (let y = 2015; y <= 2035; y++) {
      const [m, d] = easterSunday(y);
      expect(m * 100 + d).toBeGreaterThanOrEqual(322);
      expect(m * 100 + d).toBeLessThanOrEqual(425);
    }
    expect(easterSunday(2024)).toEqual([3, 31]);
  });
});

describe('other regions', () => {
  it('Scotland: 2 January, first Monday of August, St Andrew’s Day, no Easter Monday', () => {
    expect(dates(2026, 'scotland')).toEqual(['2026-01-01', '2026-01-02', '2026-04-03', '2026-05-04', '2026-05-25', '2026-08-03', '2026-11-30', '2026-12-25', '2026-12-28']);
  });

  it('Northern Ireland: St Patrick’s Day and the Boyne, with substitutes', () => {
    expect(dates(2026, 'northern-ireland')).toEqual(expect.arrayContaining(['2026-03-17', '2026-07-13']));
  });
});
