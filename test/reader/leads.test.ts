import { splitLeads } from '../../src/model/normalise/leads';

const pairs = (cell: string) => splitLeads(cell).map((l) => [l.role, l.name]);

describe('lead cells from seed 001 and other plans', () => {
  it('splits "Role – Name" on an en dash, hyphen or comma', () => {
    expect(pairs('Senior Manager - Stefan Chapleo')).toEqual([['Senior Manager', 'Stefan Chapleo']]);
    expect(pairs('Assistant Director Quality & Resources & Transformation, Amy Holliman')).toEqual([
      ['Assistant Director Quality & Resources & Transformation', 'Amy Holliman'],
    ]);
  });

  it('does not split on "&" or "and" inside a job title (the data wins over a plain separator rule)', () => {
    expect(pairs('Assistant Director Children & Families – Jonathan Taylor')).toEqual([['Assistant Director Children & Families', 'Jonathan Taylor']]);
    expect(pairs('Assistant Director Commissioning and Procurement – Sharon Simpson')).toHaveLength(1);
  });

  it('finds the name without a dash, and on either side of a comma', () => {
    expect(pairs('Senior Manager Stefan Chapleo')).toEqual([['Senior Manager', 'Stefan Chapleo']]);
    expect(pairs('Jean Mawdsley, Senior Manager')).toEqual([['Senior Manager', 'Jean Mawdsley']]);
  });

  it('splits several leads on new lines, ";", "/", " and ", "&" where each part stands alone', () => {
    expect(pairs('Principal Social Worker – Tracey Thompson\nPeople Management Business Partner – Amy Thompson')).toEqual([
      ['Principal Social Worker', 'Tracey Thompson'],
      ['People Management Business Partner', 'Amy Thompson'],
    ]);
    expect(pairs('Head of Service – Ann Smith; Team Manager – Bob Jones')).toHaveLength(2);
    expect(pairs('Ann Smith / Bob Jones')).toEqual([[undefined, 'Ann Smith'], [undefined, 'Bob Jones']]);
    expect(pairs('Ann Smith and Bob Jones')).toHaveLength(2);
    expect(pairs('Ann Smith & Bob Jones')).toHaveLength(2);
  });

  it('gives one role to several people: "Senior Manager – Jean Mawdsley, Stefan Chapleo"', () => {
    expect(pairs('Senior Manager – Jean Mawdsley, Stefan Chapleo')).toEqual([['Senior Manager', 'Jean Mawdsley'], ['Senior Manager', 'Stefan Chapleo']]);
  });

  it('recovers two leads whose line break was lost on paste', () => {
    expect(pairs('Senior Manager – Jean Mawdsley Principal Social Worker – Tracey Thompson')).toEqual([
      ['Senior Manager', 'Jean Mawdsley'],
      ['Principal Social Worker', 'Tracey Thompson'],
    ]);
  });

  it('keeps a role alone, or a name alone', () => {
    expect(pairs('Virtual School')).toEqual([['Virtual School', undefined]]);
    expect(pairs('Jane Fallon')).toEqual([[undefined, 'Jane Fallon']]);
  });
});
