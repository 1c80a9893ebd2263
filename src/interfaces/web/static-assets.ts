/**
 * The web app's only stylesheet and script, served from /static/ under a strict CSP
 * (no inline scripts or styles). Kept as strings so the build needs no copy step.
 * app.js: sortable tables (buttons in column headings, keyboard-usable, aria-sort) and the
 * upload form's progress bar with a clear message when the upload fails.
 */
export const APP_CSS = `
:root { --fg:#1b1f24; --muted:#57606a; --bg:#fff; --line:#d0d7de; --accent:#0b5cad; --c0:#e8f1e4; --c1:#f9d9a6; --c2:#f3a66b; --c3:#de6a46; --c4:#b0302a; --none:#e5e7ea; }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
a { color:var(--accent); }
.skip { position:absolute; left:-999px; } .skip:focus { left:8px; top:8px; background:#fff; padding:4px; z-index:10; }
header.site { display:flex; flex-wrap:wrap; gap:1rem; align-items:center; padding:.6rem 1.2rem; border-bottom:1px solid var(--line); }
header.site .brand { font-weight:700; text-decoration:none; color:var(--fg); }
header.site nav ul { display:flex; flex-wrap:wrap; gap:.9rem; list-style:none; margin:0; padding:0; }
header.site .tools { margin-left:auto; display:flex; gap:.8rem; align-items:center; }
main { padding:1rem 1.2rem 3rem; max-width:1200px; margin:0 auto; }
footer.site { padding:1rem 1.2rem; border-top:1px solid var(--line); color:var(--muted); font-size:.9rem; }
h1 { font-size:1.6rem; margin:.4rem 0 1rem; } h2 { font-size:1.25rem; margin-top:2rem; }
table { border-collapse:collapse; width:100%; margin:.5rem 0 1rem; font-size:.95rem; }
th, td { border-bottom:1px solid var(--line); padding:.35rem .5rem; text-align:left; vertical-align:top; }
th button { font:inherit; font-weight:600; background:none; border:0; padding:0; cursor:pointer; color:inherit; }
th[aria-sort="ascending"] button::after { content:" ▲"; } th[aria-sort="descending"] button::after { content:" ▼"; }
td.num, th.num { text-align:right; }
.muted { color:var(--muted); } .small { font-size:.88rem; }
.overview { display:grid; grid-template-columns: minmax(0,1fr) minmax(0,1fr); gap:1.5rem; align-items:start; }
@media (max-width: 1100px) { .overview { grid-template-columns: 1fr; } }
/* Headings and long words wrap (hyphenated by the page's lang), so no table is wider than its column. */
th, td { hyphens:auto; overflow-wrap:break-word; }
.overview table th, .overview table td { padding:.3rem .35rem; }
ul.values { margin:.1rem 0 .3rem; padding-left:1rem; } ul.facts { margin:.3rem 0; padding-left:1.1rem; }
ul.passages { list-style:none; padding:0; margin:.3rem 0 0; } ul.passages li { margin-bottom:.4rem; }
svg.map { width:100%; height:auto; background:#f4f8fb; border:1px solid var(--line); }
svg.map path { stroke:#fff; stroke-width:.4; }
svg.map a:focus path, svg.map a:hover path { stroke:#000; stroke-width:1.2; }
.c0 { fill:var(--c0); background:var(--c0); } .c1 { fill:var(--c1); background:var(--c1); } .c2 { fill:var(--c2); background:var(--c2); }
.c3 { fill:var(--c3); background:var(--c3); } .c4 { fill:var(--c4); background:var(--c4); } .cn { fill:var(--none); background:var(--none); }
.legend { display:flex; flex-wrap:wrap; gap:.8rem; list-style:none; padding:0; font-size:.9rem; }
.legend .swatch { display:inline-block; width:1em; height:1em; vertical-align:middle; border:1px solid var(--line); margin-right:.3em; }
.rating { display:inline-block; padding:0 .45em; border-radius:3px; font-weight:600; white-space:nowrap; }
.rating-critical { background:#f6d2cf; color:#7d1a14; } .rating-possibly_critical { background:#fbe3c2; color:#6b3d00; }
.rating-not_critical { background:#dcefd6; color:#1e5214; } .rating-no_data { background:#e9ebee; color:#3b4148; }
.flag { display:inline-block; font-size:.82rem; padding:0 .4em; border:1px solid #b7791f; border-radius:3px; color:#6b3d00; }
details { margin:.2rem 0; }
.confusions { display:flex; flex-wrap:wrap; gap:1rem; } table.confusion { width:auto; } table.confusion caption { text-align:left; font-weight:600; } td.diagonal { background:#eef4fb; font-weight:600; }
.compare-form { display:flex; flex-wrap:wrap; gap:.8rem; align-items:end; margin:.5rem 0 1rem; }
.timeline { list-style:none; padding:0; border-left:3px solid var(--line); margin-left:.4rem; }
.timeline li { padding:.2rem 0 .8rem 1rem; position:relative; }
.timeline li::before { content:""; position:absolute; left:-.45rem; top:.55rem; width:.6rem; height:.6rem; background:var(--accent); border-radius:50%; }
.doctext { white-space:pre-wrap; font-family: ui-serif, Georgia, serif; line-height:1.6; max-width:80ch; }
.doctext section { margin-bottom:.8rem; }
mark { background:#fff3a3; }
mark.country { background:#cfe3ff; } mark.figure { background:#d6f5d6; } mark.cue { background:#ffe0b3; }
.passage-tags { font-family:system-ui, sans-serif; font-size:.8rem; color:var(--muted); display:block; }
.hits { list-style:none; padding:0; } .hits li { margin-bottom:1rem; }
.facets { display:flex; flex-wrap:wrap; gap:.8rem; align-items:end; margin:.5rem 0 1rem; }
.facets label { display:flex; flex-direction:column; font-size:.9rem; }
.facet-counts { font-size:.85rem; color:var(--muted); }
input[type=search], input[type=text], input[type=password], select, textarea { font:inherit; padding:.3rem .4rem; border:1px solid #8c959f; border-radius:4px; }
input[type=search] { min-width:22rem; max-width:100%; }
button, input[type=submit] { font:inherit; padding:.3rem .8rem; border:1px solid var(--accent); background:var(--accent); color:#fff; border-radius:4px; cursor:pointer; }
.notice { padding:.6rem .8rem; border:1px solid var(--line); background:#f6f8fa; border-radius:4px; }
.error { border-color:#cf222e; background:#ffebe9; }
progress { width:100%; max-width:30rem; height:1.1rem; }
.chart { max-width:260px; height:auto; } .chart polyline { fill:none; stroke:var(--accent); stroke-width:2; } .chart circle { fill:var(--accent); }
.chart text { font-size:10px; fill:var(--muted); }
.charts { display:grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap:1rem; }
.charts figure { margin:0; border:1px solid var(--line); padding:.5rem; border-radius:4px; } .charts figcaption { font-size:.88rem; }
dl.meta { display:grid; grid-template-columns:max-content 1fr; gap:.2rem 1rem; } dl.meta dt { font-weight:600; } dl.meta dd { margin:0; overflow-wrap:anywhere; }
.downloads { font-size:.9rem; }
`;

export const APP_JS = `
(function () {
  'use strict';
  function cellValue(row, i) {
    var cell = row.cells[i];
    if (!cell) return '';
    var v = cell.getAttribute('data-sort');
    return v !== null ? v : cell.textContent.trim();
  }
  function sortTable(table, col, th) {
    var tbody = table.tBodies[0];
    if (!tbody) return;
    var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    Array.prototype.forEach.call(table.querySelectorAll('th[aria-sort]'), function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir);
    var rows = Array.prototype.slice.call(tbody.rows);
    var numeric = th.classList.contains('num');
    rows.sort(function (a, b) {
      var x = cellValue(a, col), y = cellValue(b, col), r;
      if (numeric) r = (parseFloat(x) || 0) - (parseFloat(y) || 0); else r = x.localeCompare(y, document.documentElement.lang);
      return dir === 'ascending' ? r : -r;
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, i) {
      var label = th.textContent;
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      th.textContent = '';
      th.appendChild(b);
      b.addEventListener('click', function () { sortTable(table, i, th); });
    });
  });

  var form = document.getElementById('upload-form');
  if (form && window.XMLHttpRequest && window.FormData) {
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var status = document.getElementById('upload-status');
      var bar = document.getElementById('upload-progress');
      var fileInput = form.querySelector('input[type=file]');
      var msg = function (text, isError) {
        status.textContent = text;
        status.className = isError ? 'notice error' : 'notice';
        status.hidden = false;
      };
      var max = Number(form.getAttribute('data-max-bytes'));
      var file = fileInput.files && fileInput.files[0];
      if (!file) { msg(form.getAttribute('data-msg-failed') + ': ' + form.getAttribute('data-msg-nofile'), true); return; }
      if (max && file.size > max) { msg(form.getAttribute('data-msg-failed') + ': ' + form.getAttribute('data-msg-toolarge'), true); return; }
      var data = new FormData();
      data.append('file', file);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.getAttribute('data-api'));
      xhr.setRequestHeader('X-CSRF-Token', form.querySelector('input[name=_csrf]').value);
      xhr.setRequestHeader('Accept', 'application/json');
      bar.hidden = false; bar.value = 0;
      msg(form.getAttribute('data-msg-progress'), false);
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          bar.value = Math.round((e.loaded / e.total) * 100);
          if (e.loaded >= e.total) msg(form.getAttribute('data-msg-processing'), false);
        }
      });
      xhr.addEventListener('load', function () {
        var body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
        if (xhr.status === 200 || xhr.status === 201) {
          bar.value = 100;
          msg(form.getAttribute('data-msg-done') + ': ' + (body && body.document ? (body.document.title || body.document.id) : ''), false);
          if (body && body.document) window.location.href = '/documents/' + encodeURIComponent(body.document.id);
        } else {
          bar.hidden = true;
          var m = body && body.error ? body.error.message : ('HTTP ' + xhr.status);
          msg(form.getAttribute('data-msg-failed') + ': ' + m, true);
        }
      });
      xhr.addEventListener('error', function () {
        bar.hidden = true;
        msg(form.getAttribute('data-msg-failed') + ': ' + form.getAttribute('data-msg-network'), true);
      });
      xhr.send(data);
    });
  }
})();
`;
