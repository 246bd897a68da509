/** "1 theme", "2 themes": every count the command line prints, with the plural right. */
export const count = (n: number, word: string, plural = `${word}s`) => `${n} ${n === 1 ? word : plural}`;
