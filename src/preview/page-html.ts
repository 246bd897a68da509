/** Text for HTML: the five characters that could open markup or end an attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The page's shell. Every piece of data (messages, cell values, headings) is put in later by the page's
 * script as text nodes, so nothing from a workbook or Markdown file is ever parsed as HTML; the one string
 * here, the paper's name, is escaped. URLs are relative so the same page works under a token prefix.
 */
export function pageHtml(name: string): string {
  const title = escapeHtml(name);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview: ${title}</title>
<link rel="stylesheet" href="assets/preview.css">
<script src="pdfjs/pdf.min.js"></script>
<script src="assets/preview.js" defer></script>
</head>
<body>
<header id="top">
  <h1 id="title">${title}</h1>
  <span id="status" role="status" aria-live="polite">Building…</span>
</header>
<div id="layout">
  <aside id="side">
    <section><h2>Problems <span id="counts"></span></h2><ul id="diagnostics"></ul></section>
    <section><h2>Checks before publication</h2><ul id="checks"></ul></section>
    <section><h2>Files as built</h2><ul id="downloads"></ul></section>
    <section><h2>Contents</h2><ol id="contents"></ol></section>
  </aside>
  <main id="main">
    <div id="banner" role="alert" hidden></div>
    <div id="source" hidden></div>
    <div id="pages"></div>
  </main>
</div>
</body>
</html>
`;
}

/** With several papers (`cabinet preview` with nothing named): a list of them, each a link to its own page. */
export function indexHtml(names: string[]): string {
  const items = names.map((n, i) => `<li><a href="p/${i}/">${escapeHtml(n)}</a></li>`).join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Preview: ${names.length} papers</title>
<link rel="stylesheet" href="assets/preview.css">
</head>
<body>
<header id="top"><h1>Preview: ${names.length} papers</h1></header>
<main id="index"><ul>
${items}
</ul></main>
</body>
</html>
`;
}
