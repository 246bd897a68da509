/**
 * A parser's failure in our words. Its own message ("Cannot read properties of undefined (reading
 * 'data')") means nothing to the person holding the file, so it is never shown: what they can act on is
 * that the file is damaged or cut short, or that it is password-protected.
 */
export function damagedMessage(e: unknown, kind = 'a spreadsheet'): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(message)) return 'the workbook is password-protected (encrypted); save an unprotected copy and try again';
  return `not a readable workbook: the file is damaged or truncated (it does not read as ${kind}); open it in Excel or LibreOffice and save it again, or use an earlier copy`;
}
