/* global document, window, fetch, EventSource, URL, CSS, requestAnimationFrame, pdfjsLib */
/*
 * cabinet preview's page script. Every string from the build (messages, headings, cell values) goes in as a
 * text node (textContent), never as HTML, so nothing in a workbook or Markdown file can become markup or
 * script. All URLs are relative to the page, which may sit under a token prefix.
 */
'use strict';
(function () {
  const lib = pdfjsLib;
  lib.GlobalWorkerOptions.workerSrc = new URL('pdfjs/pdf.worker.min.js', document.baseURI).href;
  const SCALE = 1.5;
  // One worker for the life of the page: starting one (and compiling pdf.js in it) for every build costs more
  // than the build's own parsing.
  const worker = new lib.PDFWorker({ name: 'cabinet-preview' });
  const $ = (id) => document.getElementById(id);
  let shownVersion = 0;
  let stateVersion = 0;
  let loading = Promise.resolve();
  let docs = [];
  let renderGeneration = 0;

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k === 'onclick') e.addEventListener('click', v);
      else e.setAttribute(k, v);
    }
    for (const c of children) if (c !== undefined && c !== null) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
    return e;
  }

  const clock = (iso) => new Date(iso).toLocaleTimeString('en-GB');
  const place = (d) => [d.file, d.sheet && d.cell ? `${d.sheet}!${d.cell}` : d.cell, d.line !== undefined ? `line ${d.line}` : undefined].filter(Boolean).join(': ');

  /** Where the reader is: the page at the top of the window, and how far down it. */
  function readingPosition() {
    const pages = [...document.querySelectorAll('#pages .page')];
    const top = $('top').offsetHeight;
    for (const p of pages) {
      const r = p.getBoundingClientRect();
      if (r.bottom > top + 1) return { doc: p.dataset.doc, page: Number(p.dataset.page), fraction: Math.max(0, (top - r.top) / r.height) };
    }
    return undefined;
  }

  function scrollToPage(docName, pageNumber, fraction) {
    const target = document.querySelector(`#pages .page[data-doc="${CSS.escape(docName)}"][data-page="${pageNumber}"]`) ||
      [...document.querySelectorAll(`#pages .page[data-doc="${CSS.escape(docName)}"]`)].pop();
    if (!target) return;
    const y = target.getBoundingClientRect().top + window.scrollY - $('top').offsetHeight + (fraction || 0) * target.offsetHeight;
    window.scrollTo(0, Math.max(0, y));
  }

  async function renderPage(page, shell) {
    const viewport = page.getViewport({ scale: SCALE });
    const ratio = window.devicePixelRatio || 1;
    const canvas = el('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    const context = canvas.getContext('2d');
    await page.render({ canvasContext: context, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null }).promise;
    const text = el('div', { class: 'textLayer' });
    text.style.setProperty('--scale-factor', String(viewport.scale));
    await lib.renderTextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).promise;
    shell.replaceChildren(canvas, text);
    shell.dataset.rendered = 'true';
  }

  /** The outline of one PDF as [{title, page, items}], pages 1-based. */
  async function outlineOf(pdf) {
    const outline = (await pdf.getOutline()) || [];
    const walk = async (items) => Promise.all(items.map(async (it) => {
      let page;
      try {
        const dest = typeof it.dest === 'string' ? await pdf.getDestination(it.dest) : it.dest;
        if (dest && dest[0]) page = (await pdf.getPageIndex(dest[0])) + 1;
      } catch { page = undefined; }
      return { title: it.title, page, items: await walk(it.items || []) };
    }));
    return walk(outline);
  }

  /**
   * The new build's documents, drawn off screen and put in place of the old in one step, at the page the
   * author was reading: the page in view and its neighbour first, the rest after the swap. A document whose
   * bytes did not change (the appendix, when only the report's text was edited) keeps its drawn pages.
   */
  async function showDocuments(shown) {
    const position = readingPosition();
    const previous = new Map(docs.map((x) => [x.d.name, x]));
    const loaded = await Promise.all(shown.documents.filter((d) => d.pdf).map(async (d) => {
      const old = previous.get(d.name);
      if (old && d.sha256 && old.d.sha256 === d.sha256) return { ...old, d };
      const pdf = await lib.getDocument({ url: d.pdf, isEvalSupported: false, worker }).promise;
      // Every page's size at once (the worker answers in parallel), for shells of the right shape.
      const pages = await Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pdf.getPage(i + 1)));
      const title = el('h2', { class: 'doc-title', 'data-doc-title': d.name }, `${d.title} (${d.name}.pdf)`);
      const shells = pages.map((page, i) => {
        const vp = page.getViewport({ scale: SCALE });
        const shell = el('div', { class: 'page', 'data-doc': d.name, 'data-page': String(i + 1), 'aria-label': `${d.name} page ${i + 1}` });
        shell.style.width = `${vp.width}px`;
        shell.style.height = `${vp.height}px`;
        return shell;
      });
      return { d, pdf, pages, nodes: [title, ...shells], shells, outline: undefined };
    }));
    mark('loaded');
    const holder = el('div', { id: 'pages' });
    const jobs = [];
    for (const x of loaded) {
      holder.append(...x.nodes);
      x.shells.forEach((shell, i) => { if (!shell.dataset.rendered) jobs.push({ doc: x.d.name, n: i + 1, page: x.pages[i], shell }); });
    }
    const wanted = position || { doc: loaded[0] && loaded[0].d.name, page: 1, fraction: 0 };
    const all = loaded.flatMap((x) => x.shells.map((shell, i) => ({ doc: x.d.name, n: i + 1, shell })));
    const at = Math.max(0, all.findIndex((j) => j.doc === wanted.doc && j.n === wanted.page));
    const rank = new Map(all.map((j, i) => [j.shell, Math.abs(i - at) + (i < at ? 0.5 : 0)]));
    const order = jobs.sort((a, b) => rank.get(a.shell) - rank.get(b.shell));
    const first = order.filter((j) => rank.get(j.shell) === 0);
    const generation = ++renderGeneration;
    await Promise.all(first.map((j) => renderPage(j.page, j.shell)));
    $('pages').replaceWith(holder);
    for (const old of docs) if (!loaded.some((x) => x.pdf === old.pdf)) old.pdf.destroy();
    docs = loaded;
    if (position) scrollToPage(position.doc, position.page, position.fraction);
    renderContents();
    shownVersion = shown.version;
    mark('drawn');
    document.body.dataset.shownVersion = String(shown.version);
    // The other pages in the background, nearest first, so their text is there for Ctrl+F; a newer build
    // stops it. Then the contents, whose bookmarks take a round trip to the worker each.
    void (async () => {
      for (const j of order) {
        if (generation !== renderGeneration) return;
        if (!j.shell.dataset.rendered) await renderPage(j.page, j.shell).catch(() => undefined);
      }
      for (const x of loaded) if (!x.outline) x.outline = await outlineOf(x.pdf).catch(() => []);
      if (generation !== renderGeneration) return;
      renderContents();
      document.body.dataset.allRendered = String(shown.version);
    })();
  }

  function renderContents() {
    const list = $('contents');
    const item = (docName, entry) => el('li', {},
      el('button', { type: 'button', onclick: () => scrollToPage(docName, entry.page || 1, 0) }, entry.title),
      entry.items.length ? el('ol', {}, ...entry.items.map((e) => item(docName, e))) : null);
    list.replaceChildren(...docs.map(({ d, outline = [] }) => el('li', { class: 'doc' },
      el('button', { type: 'button', onclick: () => scrollToPage(d.name, 1, 0) }, `${d.title}${d.pages ? ` (${d.pages} pages)` : ''}`),
      outline.length ? el('ol', {}, ...outline.map((e) => item(d.name, e))) : null)));
  }

  function diagnosticItem(d, i, version) {
    return el('li', { class: d.severity },
      el('button', { type: 'button', 'data-index': String(i), onclick: () => showSource(version, i) },
        el('span', { class: 'severity' }, d.severity),
        el('span', { class: 'place' }, place(d)),
        el('span', { class: 'message' }, d.message), ' ',
        el('span', { class: 'code' }, `[${d.code}]`)));
  }

  function renderState(state) {
    stateVersion = state.version;
    document.body.dataset.stateVersion = String(state.version);
    const errors = state.diagnostics.filter((d) => d.severity === 'error');
    const count = (s) => state.diagnostics.filter((d) => d.severity === s).length;
    const n = (k, word) => `${k} ${word}${k === 1 ? '' : 's'}`;
    $('counts').textContent = `(${n(count('error'), 'error')}, ${n(count('warning'), 'warning')}, ${n(count('info'), 'note')})`;
    $('diagnostics').replaceChildren(...state.diagnostics.map((d, i) => diagnosticItem(d, i, state.version)));
    $('checks').replaceChildren(...state.checks.map((c) => el('li', { class: c.status },
      el('span', { class: 'mark' }, c.status === 'pass' ? '✓ pass' : c.status === 'fail' ? '✗ fail' : '! warning'), ' ', c.name,
      c.problems.length ? el('div', { class: 'problems' }, c.problems.map((p) => p.message).join('; ')) : null)));
    if (!state.checks.length) $('checks').replaceChildren(el('li', {}, !state.ok ? 'The checks run once the paper builds.' : state.complete ? 'No pre-publication checks for this kind of paper.' : 'Checking…'));
    const status = $('status');
    const time = state.at ? clock(state.at) : '';
    status.className = state.ok ? '' : 'failed';
    status.textContent = state.version === 0 ? 'Building…' : state.ok ? `Built ${time} in ${Math.round(state.ms.build)} ms${state.complete ? '' : ' (DOCX and checks to follow)'}` : `Build failed ${time}`;
    const banner = $('banner');
    if (state.version && !state.ok) {
      const note = state.shown ? `Showing the last good pages, built ${clock(state.shown.at)}.` : 'Nothing has built yet.';
      banner.replaceChildren(el('h2', {}, `The paper did not build: ${errors.length} error${errors.length === 1 ? '' : 's'}. ${note}`),
        el('ul', {}, ...state.diagnostics.map((d, i) => (d.severity === 'error' ? diagnosticItem(d, i, state.version) : null)).filter(Boolean)));
      banner.hidden = false;
    } else banner.hidden = true;
    const downloads = $('downloads');
    const links = [];
    for (const d of state.shown ? state.shown.documents : []) {
      for (const f of ['pdf', 'docx']) if (d[f]) links.push(el('li', {}, el('a', { href: `${d[f]}?download`, download: `${d.name}.${f}` }, `${d.name}.${f}`)));
    }
    downloads.replaceChildren(...links);
  }

  async function showSource(version, index) {
    const box = $('source');
    const view = await (await fetch(`source/${version}/${index}`)).json().catch(() => ({ kind: 'none', reason: 'the build has changed since; click the message again' }));
    const close = el('button', { type: 'button', onclick: () => { box.hidden = true; } }, 'Close');
    if (view.kind === 'text') {
      const lines = view.lines.map((text, i) => {
        const n = view.first + i;
        return el('span', { class: n === view.line ? 'line marked' : 'line', 'data-line': String(n) }, el('span', { class: 'n' }, String(n)), text);
      });
      box.replaceChildren(el('div', { class: 'head' }, el('strong', {}, `${view.file}: line ${view.line}`), close), el('div', { class: 'body' }, el('pre', {}, ...lines)));
    } else if (view.kind === 'sheet') {
      const head = el('tr', {}, el('th', {}, ''), ...view.columns.map((c) => el('th', {}, c)));
      const rows = view.rows.map((r) => el('tr', {}, el('th', {}, String(r.row)), ...r.cells.map((c) =>
        el('td', { class: c.address === view.cell ? 'marked' : '', 'data-cell': c.address, title: `${c.address}: ${c.text}` }, c.text))));
      box.replaceChildren(el('div', { class: 'head' }, el('strong', {}, `${view.file}: ${view.sheet}!${view.cell}`), el('span', {}, `value as read: "${view.value}"`), close),
        el('div', { class: 'body' }, el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows))));
    } else {
      box.replaceChildren(el('div', { class: 'head' }, el('span', {}, view.reason), close));
    }
    box.hidden = false;
    // Scroll the panel itself to the marked line or cell (scrollIntoView would move the whole window too).
    const marked = box.querySelector('.marked');
    const scroller = box.querySelector('.body');
    if (marked && scroller) requestAnimationFrame(() => {
      const r = marked.getBoundingClientRect();
      const b = scroller.getBoundingClientRect();
      scroller.scrollTop += r.top - b.top - (scroller.clientHeight - r.height) / 2;
      scroller.scrollLeft += r.left - b.left - (scroller.clientWidth - r.width) / 2;
    });
    window.scrollTo(window.scrollX, Math.min(window.scrollY, box.getBoundingClientRect().top + window.scrollY - $('top').offsetHeight - 8));
  }

  async function refresh() {
    const state = await (await fetch('state.json')).json();
    mark('state');
    if (state.version < stateVersion) return;
    renderState(state);
    if (state.shown && state.shown.version !== shownVersion) await showDocuments(state.shown);
  }

  /** One refresh at a time; a build that lands during one is picked up by the next. */
  function queueRefresh() {
    loading = loading.then(refresh, refresh).catch((e) => {
      $('status').textContent = `Preview error: ${e && e.message ? e.message : String(e)}`;
    });
    return loading;
  }

  /** When each step of the last update happened (ms since the epoch): the bench reads it. */
  const timing = {};
  const mark = (step) => { timing[step] = Date.now(); document.body.dataset.timing = JSON.stringify(timing); };

  const events = new EventSource('events');
  events.addEventListener('build', (e) => {
    // The first word of a build (its PDF); the DOCX and checks follow as a second event for the same version.
    if (!JSON.parse(e.data).complete) mark('event');
    queueRefresh();
  });
  events.addEventListener('open', () => queueRefresh());
  queueRefresh();
})();
