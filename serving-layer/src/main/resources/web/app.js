// Tradewind shop and dashboard page: plain JavaScript against the public API, no build step, no third-party code.
'use strict';

const state = { key: null, filters: {}, page: 1 };
const $ = (id) => document.getElementById(id);

function readKey() {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('key');
  if (fromHash) {
    sessionStorage.setItem('tradewind.key', fromHash);
    history.replaceState(null, '', location.pathname + location.search);
  }
  state.key = sessionStorage.getItem('tradewind.key');
  $('key-panel').hidden = !!state.key;
}

async function api(path) {
  const res = await fetch(path, { headers: { 'X-Api-Key': state.key || '' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = new Error(body.error || ('HTTP ' + res.status));
    err.status = res.status;
    if (res.status === 401) {
      // One clear message for a wrong key, whichever call noticed it first.
      err.handled = true;
      $('key-panel').hidden = false;
      say('The API key was refused (' + err.message + '): paste a valid shop key.');
    }
    throw err;
  }
  return body;
}

function say(text) { $('message').textContent = text || ''; }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'class') node.className = v; else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  });
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c ?? ''))));
  return node;
}

function card(title, meta, item, onClick) {
  return el('li', { 'data-item': item, onclick: onClick }, el('div', { class: 'title' }, title || item), el('div', { class: 'meta' }, meta));
}

function currentUser() { return $('user').value.trim(); }

async function search(page) {
  state.page = page || 1;
  const params = new URLSearchParams();
  const q = $('q').value.trim();
  if (q) params.set('q', q);
  const user = currentUser();
  if (user) params.set('user', user);
  Object.entries(state.filters).forEach(([k, v]) => params.set(k, v));
  params.set('page', state.page);
  params.set('size', 10);
  try {
    const answer = await api('/v1/search?' + params);
    const r = answer.result;
    say('');
    $('results-title').textContent = r.total + ' results' + (q ? ' for "' + q + '"' : '') + (answer.personalised ? ' — personalised for ' + user : '');
    $('results').replaceChildren(...r.hits.map((h) => card(h.title,
      (h.price != null ? '£' + Number(h.price).toFixed(2) + ' · ' : '') + h.itemId + (h.category ? ' · ' + h.category : '') + (h.why && h.why.length ? ' · ' + h.why.join(', ') : ''),
      h.itemId, () => similar(h.itemId, h.title))));
    renderFacets(r.facets || {});
    const pages = Math.ceil(r.total / r.size);
    $('pager').replaceChildren(
      state.page > 1 ? el('button', { id: 'prev', onclick: () => search(state.page - 1) }, '‹ previous') : '',
      pages > 1 ? el('span', { class: 'muted' }, ' page ' + state.page + ' of ' + pages + ' ') : '',
      state.page < pages ? el('button', { id: 'next', onclick: () => search(state.page + 1) }, 'next ›') : '');
  } catch (e) {
    if (e.handled) return;
    say(e.status === 503 ? 'Search is unavailable right now: ' + e.message : 'Search failed: ' + e.message);
  }
}

function renderFacets(facets) {
  const groups = [['prices', 'Price', 'price'], ['countries', 'Bought in', 'country'], ['categories', 'Category', 'category'], ['words', 'Words', null]];
  const out = [];
  groups.forEach(([key, label, filter]) => {
    const buckets = facets[key] || [];
    if (!buckets.length) return;
    out.push(el('div', { class: 'facet', id: 'facet-' + key }, el('h3', {}, label), buckets.slice(0, 8).map((b) => {
      const value = b.value ?? b.label;
      const on = filter && state.filters[filter] === value;
      return el('button', { class: on ? 'on' : '', onclick: () => toggleFacet(filter, b, value) }, value + ' (' + b.count + ')');
    })));
  });
  $('facets').replaceChildren(...out);
}

function toggleFacet(filter, bucket, value) {
  if (filter === 'price') {
    const on = state.filters.priceMin === String(bucket.from ?? '') && state.filters.priceMax === String(bucket.to ?? '');
    delete state.filters.priceMin; delete state.filters.priceMax;
    if (!on) { if (bucket.from != null) state.filters.priceMin = String(bucket.from); if (bucket.to != null) state.filters.priceMax = String(bucket.to); }
  } else if (filter) {
    if (state.filters[filter] === value) delete state.filters[filter]; else state.filters[filter] = value;
  } else {
    $('q').value = ($('q').value + ' ' + value).trim();
  }
  search(1);
}

// The shopper's list refreshes while the page is visible, so events arriving through the speed layer show up live.
const REFRESH_MS = 2000;
/** How long an item that arrived with a refresh stays marked: one refresh would be too short to notice. */
const NEW_FOR_MS = 10000;
/** After a failed refresh the wait doubles up to this, so a struggling API is not asked every 2 s. */
const MAX_REFRESH_MS = 30000;
const live = { user: null, timer: null, seq: 0, firstSeen: new Map(), waitMs: REFRESH_MS };

async function recommendations(refresh) {
  clearTimeout(live.timer);
  const user = currentUser();
  if (!user) { live.user = null; $('recs').replaceChildren(); $('recs-note').textContent = 'Pick a shopper to see their list.'; $('recs-live').textContent = ''; return; }
  if (!refresh || user !== live.user) { live.user = user; live.firstSeen = new Map(); }
  const seq = ++live.seq;
  try {
    const r = await api('/v1/users/' + encodeURIComponent(user) + '/recommendations?k=8');
    if (seq !== live.seq) return; // another shopper or refresh started meanwhile
    const now = Date.now();
    const firstLoad = live.firstSeen.size === 0;
    r.items.forEach((i) => { if (!live.firstSeen.has(i.item)) live.firstSeen.set(i.item, firstLoad ? 0 : now); });
    $('recs-note').textContent = 'model ' + r.model + ' · ' + r.stratum + (r.segment ? ' · segment ' + r.segment : '') + (r.degraded ? ' · degraded (store down)' : '');
    $('recs').replaceChildren(...r.items.map((i) => {
      const li = card(i.title, i.because, i.item, () => similar(i.item, i.title));
      if (now - live.firstSeen.get(i.item) < NEW_FOR_MS) {
        li.classList.add('new');
        li.firstChild.prepend(el('span', { class: 'badge' }, 'new'), ' ');
      }
      return li;
    }));
    $('recs-live').textContent = 'live · updated ' + new Date(now).toLocaleTimeString();
    live.waitMs = REFRESH_MS;
  } catch (e) {
    if (seq !== live.seq) return;
    $('recs-note').textContent = e.handled ? '' : 'Recommendations failed: ' + e.message;
    if (e.status === 401) return; // a refused key stays refused: no polling until a new one is pasted
    live.waitMs = Math.min(MAX_REFRESH_MS, live.waitMs * 2);
  }
  scheduleRefresh();
}

function scheduleRefresh() {
  clearTimeout(live.timer);
  if (!document.hidden && currentUser()) live.timer = setTimeout(() => recommendations(true), live.waitMs);
}

// A hidden tab asks nothing; coming back refreshes at once.
document.addEventListener('visibilitychange', () => {
  if (document.hidden) clearTimeout(live.timer); else if (state.key && currentUser()) recommendations(true);
});

async function similar(item, title) {
  try {
    const r = await api('/v1/items/' + encodeURIComponent(item) + '/similar?k=6');
    $('similar-title').textContent = 'Similar to ' + (title || item);
    $('similar').replaceChildren(...r.similar.map((s) => card(s.title, 'similarity ' + s.similarity.toFixed(2), s.item, () => similar(s.item, s.title))));
  } catch (e) {
    $('similar-title').textContent = 'Similar items: ' + e.message;
  }
}

// ---- dashboard charts (SVG) ----
const COLOURS = ['#12324a', '#f5b942', '#2e8b57', '#c0392b', '#7d5ba6', '#1f8ac0', '#8c6d31', '#555'];
const svgEl = (tag, attrs) => { const n = document.createElementNS('http://www.w3.org/2000/svg', tag); Object.entries(attrs).forEach(([k, v]) => n.setAttribute(k, v)); return n; };

function bars(svg, rows) {
  svg.replaceChildren();
  const max = Math.max(1, ...rows.map((r) => r.value));
  const h = 200 / Math.max(1, rows.length);
  rows.forEach((r, i) => {
    const w = 250 * r.value / max;
    svg.append(svgEl('rect', { x: 130, y: 10 + i * h, width: w, height: h * 0.7, fill: COLOURS[i % COLOURS.length] }));
    const label = svgEl('text', { x: 125, y: 10 + i * h + h * 0.5, 'text-anchor': 'end', 'font-size': 11 }); label.textContent = r.label; svg.append(label);
    const value = svgEl('text', { x: 135 + w, y: 10 + i * h + h * 0.5, 'font-size': 11, class: 'bar-value' }); value.textContent = r.value; svg.append(value);
  });
}

function radar(svg, segments) {
  svg.replaceChildren();
  const axes = ['recency', 'frequency', 'monetary'];
  const cx = 150, cy = 150, radius = 110;
  const point = (a, v) => { const ang = -Math.PI / 2 + a * 2 * Math.PI / axes.length; const r = radius * (v + 2.5) / 5; return [cx + r * Math.cos(ang), cy + r * Math.sin(ang)]; };
  axes.forEach((name, a) => {
    const [x, y] = point(a, 2.5);
    svg.append(svgEl('line', { x1: cx, y1: cy, x2: x, y2: y, stroke: '#ccc' }));
    const t = svgEl('text', { x, y: y - 4, 'font-size': 11, 'text-anchor': 'middle' }); t.textContent = name; svg.append(t);
  });
  segments.forEach((s, i) => {
    const z = s.centroidZ || [0, 0, 0];
    const pts = axes.map((_, a) => point(a, Math.max(-2.5, Math.min(2.5, a === 0 ? -z[0] : z[a])))).map((p) => p.join(',')).join(' ');
    svg.append(svgEl('polygon', { points: pts, fill: COLOURS[i % COLOURS.length], 'fill-opacity': 0.15, stroke: COLOURS[i % COLOURS.length], class: 'radar-segment' }));
    const t = svgEl('text', { x: 300, y: 30 + i * 16, 'font-size': 11, fill: COLOURS[i % COLOURS.length] }); t.textContent = s.label; svg.append(t);
  });
}

async function dashboard() {
  try {
    const r = await api('/v1/segments');
    const segs = r.segmentation.segments;
    bars($('chart-sizes'), segs.map((s) => ({ label: s.label, value: s.users })));
    radar($('chart-radar'), segs);
    const countries = Object.entries(r.segmentation.countries || {}).sort((a, b) => b[1] - a[1]).slice(0, 10);
    bars($('chart-countries'), countries.map(([label, value]) => ({ label, value })));
    $('segments-table').tBodies[0].replaceChildren(...segs.map((s) => el('tr', {}, el('td', {}, s.label), el('td', {}, s.users),
      el('td', {}, s.recencyDays.toFixed(0)), el('td', {}, s.frequency.toFixed(1)), el('td', {}, s.monetary.toFixed(0)))));
  } catch (e) {
    if (!e.handled) say('Dashboard failed: ' + e.message);
  }
}

async function portrait() {
  const user = $('portrait-user').value.trim();
  if (!user) return;
  try {
    const r = await api('/v1/users/' + encodeURIComponent(user) + '/portrait');
    // The live segment first: the speed layer may have moved the user since the batch portrait was drawn.
    const live = 'segment now: ' + r.liveSegment + (r.segmentChangedAt ? ' (moved by the speed layer at ' + r.segmentChangedAt + ')' : ' (as in the batch)');
    $('portrait').textContent = live + '\n' + (r.portrait ? JSON.stringify(r.portrait, null, 2) : 'no batch portrait: a new user');
  } catch (e) {
    $('portrait').textContent = e.message;
  }
}

async function examples() {
  try {
    const r = await api('/v1/segments');
    $('version').textContent = 'batch views ' + r.version;
    const examples = Object.entries(r.segmentation.examples || {}).flatMap(([segment, users]) => users.map((u) => ({ u, segment })));
    $('user-examples').replaceChildren(...examples.map(({ u, segment }) => el('option', { value: u }, segment)));
  } catch (e) {
    if (!e.handled) say('API unavailable: ' + e.message);
  }
}

function show(view) {
  document.querySelectorAll('.tab').forEach((t) => t.classList.toggle('active', t.dataset.view === view));
  $('shop').hidden = view !== 'shop';
  $('dashboard').hidden = view !== 'dashboard';
  if (view === 'dashboard') dashboard();
}

document.querySelectorAll('.tab').forEach((t) => t.addEventListener('click', () => show(t.dataset.view)));
$('search-form').addEventListener('submit', (e) => { e.preventDefault(); search(1); });
$('user').addEventListener('change', () => { recommendations(); if ($('q').value.trim()) search(1); });
$('portrait-btn').addEventListener('click', portrait);
$('key-save').addEventListener('click', () => { sessionStorage.setItem('tradewind.key', $('key-input').value.trim()); readKey(); examples(); recommendations(); search(1); });

readKey();
if (state.key) { examples(); recommendations(); search(1); }
