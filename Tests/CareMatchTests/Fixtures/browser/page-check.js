// Checks a CareMatch page as rendered by Chromium; injected by BrowserPageTests into a copy of
// the page (the pages themselves carry no script). Writes its findings as JSON into
// <pre id="cm-check"> for `chromium --dump-dom` to hand back.
(function () {
  const problems = [];
  const short = (s) => (s || '').replace(/\s+/g, ' ').trim().slice(0, 60);

  // 1. Charts: every svg.chart draws at least one mark, and its texts stay inside it.
  const charts = Array.from(document.querySelectorAll('svg.chart'));
  charts.forEach((svg, i) => {
    const name = svg.getAttribute('aria-label') || ('chart ' + i);
    const marks = Array.from(svg.querySelectorAll('.mark'));
    if (marks.length === 0) { problems.push('empty chart: ' + name); return; }
    if (svg.getAttribute('data-all-zero') !== 'true') {
      const drawn = marks.some((m) => { const b = m.getBBox(); return b.width > 0 || b.height > 0; });
      if (!drawn) problems.push('chart with nothing drawn: ' + name);
    }
    const vb = svg.viewBox.baseVal;
    const W = vb && vb.width ? vb.width : svg.width.baseVal.value;
    const H = vb && vb.height ? vb.height : svg.height.baseVal.value;
    svg.querySelectorAll('text').forEach((t) => {
      const b = t.getBBox();
      if (b.x < -0.5 || b.y < -0.5 || b.x + b.width > W + 0.5 || b.y + b.height > H + 0.5)
        problems.push('text outside its chart "' + name + '": ' + short(t.textContent));
    });
  });

  // 2. Overflow: the page fits the window; no box's content runs out of it (boxes that scroll
  //    on purpose, class "scroll", are exempt).
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1)
    problems.push('page wider than the window: ' + root.scrollWidth + ' > ' + root.clientWidth);
  document.querySelectorAll('body *').forEach((el) => {
    if (el.closest('svg') || el.id === 'cm-check') return;
    const cs = getComputedStyle(el);
    if (cs.display === 'inline' || cs.display === 'none' || cs.overflowX !== 'visible') return;
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
      problems.push('text overflows its box <' + el.tagName.toLowerCase() + '>: ' + short(el.textContent));
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > root.clientWidth + 1 && !el.closest('.scroll'))
      problems.push('box past the right edge <' + el.tagName.toLowerCase() + '>: ' + short(el.textContent));
  });

  // 3. CJK glyphs: each Chinese character must draw differently from a code point no font has
  //    (Chromium draws a missing glyph as the same empty box or blank for every character).
  const font = (el) => { const cs = getComputedStyle(el); return cs.fontWeight + ' 24px ' + cs.fontFamily; };
  const draw = (ch, f) => {
    const c = document.createElement('canvas'); c.width = 40; c.height = 40;
    const x = c.getContext('2d'); x.font = f; x.fillStyle = '#000'; x.fillText(ch, 4, 30);
    return c.toDataURL();
  };
  let text = document.body.innerText;
  document.querySelectorAll('svg text, title').forEach((t) => { text += t.textContent; });
  const cjk = Array.from(new Set(text.match(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/g) || []));
  const f = font(document.body);
  const missing = draw('\u{10FFFD}', f);
  const noGlyph = cjk.filter((ch) => draw(ch, f) === missing);
  if (noGlyph.length > 0) problems.push('no font for ' + noGlyph.length + ' CJK characters: ' + noGlyph.slice(0, 20).join(''));

  // 4. Network: nothing loaded, and no reference to anything outside the folder.
  performance.getEntriesByType('resource').forEach((e) => problems.push('loaded ' + e.name));
  const external = /^\s*([a-z][a-z0-9+.-]*:|\/\/)/i;
  document.querySelectorAll('[src], [href], [srcset], [poster], [data], [action]').forEach((el) => {
    ['src', 'href', 'srcset', 'poster', 'data', 'action'].forEach((a) => {
      const v = el.getAttribute(a);
      if (v !== null && external.test(v) && !/^#/.test(v)) problems.push('external reference ' + a + '="' + short(v) + '"');
    });
  });
  document.querySelectorAll('style').forEach((s) => {
    if (/url\(|@import/i.test(s.textContent)) problems.push('style fetches: ' + short(s.textContent.match(/(url\(|@import)[^;]*/i)[0]));
  });
  document.querySelectorAll('[style]').forEach((el) => {
    if (/url\(/i.test(el.getAttribute('style'))) problems.push('inline style fetches: ' + short(el.getAttribute('style')));
  });

  const out = document.createElement('pre');
  out.id = 'cm-check';
  out.textContent = JSON.stringify({ problems: problems, charts: charts.length, cjk: cjk.length, width: root.clientWidth });
  document.body.appendChild(out);
})();
