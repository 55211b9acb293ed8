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

// Prices in the data sets the demo serves are in pounds sterling; the API gives them with two decimal places.
const money = (v) => '£' + Number(v).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = (v) => Number(v).toLocaleString('en-GB');

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
    $('results-title').textContent = count(r.total) + (r.total === 1 ? ' result' : ' results') + (q ? ' for "' + q + '"' : '') + (answer.personalised ? ' — personalised for ' + user : '');
    $('results').replaceChildren(...r.hits.map((h) => card(h.title,
      (h.price != null ? money(h.price) + ' · ' : '') + h.itemId + (h.category ? ' · ' + h.category : '') + (h.why && h.why.length ? ' · ' + h.why.join(', ') : ''),
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
    // Empty price bands say nothing: only bands with results (or the one chosen) are offered.
    const buckets = (facets[key] || []).filter((b) => b.count > 0 || (filter === 'price' && state.filters.priceMin === String(b.from ?? '')));
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

const WIDTH = 420;
const FONT = 12;
/** Rough width of a label in the charts' font, to lay text out before it is drawn. */
const textWidth = (t) => String(t).length * FONT * 0.6;
const svgText = (attrs, text) => { const t = svgEl('text', { 'font-size': FONT, ...attrs }); t.textContent = text; return t; };

/**
 * Horizontal bars: the label column as wide as the longest label, one row per bar, the box as tall as its rows
 * (thicker bars when there are few, so two segments do not make a sliver).
 */
function bars(svg, rows) {
  svg.replaceChildren();
  const rowH = Math.max(24, Math.min(40, 180 / Math.max(1, rows.length))), top = 6;
  const labelW = Math.min(150, Math.max(40, ...rows.map((r) => textWidth(r.label)))) + 8;
  const valueW = Math.max(...rows.map((r) => textWidth(count(r.value))), 10) + 8;
  const barMax = WIDTH - labelW - valueW - 4;
  const max = Math.max(1, ...rows.map((r) => r.value));
  svg.setAttribute('viewBox', '0 0 ' + WIDTH + ' ' + (top * 2 + Math.max(1, rows.length) * rowH));
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const w = Math.max(1, barMax * r.value / max);
    svg.append(svgEl('rect', { x: labelW, y: y + 3, width: w, height: rowH - 8, rx: 2, fill: COLOURS[i % COLOURS.length] }));
    svg.append(svgText({ x: labelW - 6, y: y + rowH / 2 + 4, 'text-anchor': 'end' }, r.label));
    svg.append(svgText({ x: labelW + w + 4, y: y + rowH / 2 + 4, class: 'bar-value' }, count(r.value)));
  });
}

/** RFM radar of standardised centroids: rings at z = -2..2, outward = more recent, more orders, more spent. */
function radar(svg, segments) {
  svg.replaceChildren();
  const axes = [['recency', 'more recent'], ['frequency', 'more orders'], ['monetary', 'more spent']];
  const legendW = Math.max(...segments.map((s) => textWidth(s.label)), 40) + 22;
  const radius = 100, cx = (WIDTH - legendW) / 2, cy = radius + 30;
  svg.setAttribute('viewBox', '0 0 ' + WIDTH + ' ' + (cy + radius * 0.5 + 40));
  const point = (a, v) => { const ang = -Math.PI / 2 + a * 2 * Math.PI / axes.length; const r = radius * (v + 2.5) / 5; return [cx + r * Math.cos(ang), cy + r * Math.sin(ang)]; };
  [-2, 0, 2].forEach((z) => {
    svg.append(svgEl('polygon', { points: axes.map((_, a) => point(a, z).join(',')).join(' '), fill: 'none', stroke: z === 0 ? '#bbb' : '#e3e7ec' }));
  });
  axes.forEach(([, words], a) => {
    const [x, y] = point(a, 2.5);
    svg.append(svgEl('line', { x1: cx, y1: cy, x2: x, y2: y, stroke: '#ccc' }));
    const anchor = Math.abs(x - cx) < 1 ? 'middle' : x > cx ? 'start' : 'end';
    svg.append(svgText({ x: x + (anchor === 'start' ? 4 : anchor === 'end' ? -4 : 0), y: y < cy ? y - 6 : y + 16, 'text-anchor': anchor, class: 'axis-label' }, words));
  });
  segments.forEach((s, i) => {
    const z = s.centroidZ || [0, 0, 0];
    const colour = COLOURS[i % COLOURS.length];
    const pts = axes.map((_, a) => point(a, Math.max(-2.5, Math.min(2.5, a === 0 ? -z[0] : z[a])))).map((p) => p.join(',')).join(' ');
    svg.append(svgEl('polygon', { points: pts, fill: colour, 'fill-opacity': 0.15, stroke: colour, 'stroke-width': 2, class: 'radar-segment' }));
    const ly = 20 + i * 20;
    svg.append(svgEl('rect', { x: WIDTH - legendW, y: ly - 10, width: 12, height: 12, fill: colour }));
    svg.append(svgText({ x: WIDTH - legendW + 18, y: ly }, s.label));
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
    $('segments-table').tBodies[0].replaceChildren(...segs.map((s) => el('tr', {}, el('td', {}, s.label), el('td', {}, count(s.users)),
      el('td', {}, s.recencyDays.toFixed(0)), el('td', {}, s.frequency.toFixed(1)), el('td', {}, money(s.monetary)))));
  } catch (e) {
    if (!e.handled) say('Dashboard failed: ' + e.message);
  }
}

/** What each segment label means, for people; numbered twins ("active-2") mean what their base label means. */
const SEGMENT_MEANINGS = {
  'high-value': 'bought recently, often and for a lot: the best customers',
  active: 'bought recently, about as often and as much as most customers',
  growth: 'bought recently, but seldom or for little so far: room to grow',
  'at-risk': 'used to buy often or for a lot, but not lately: worth winning back',
  dormant: 'has not bought for a long time, and seldom or for little',
  new: 'no purchase in the portrait window: gets the newcomers\' lists',
  unsegmented: 'too few buyers to form segments',
};
const meaning = (label) => SEGMENT_MEANINGS[String(label).replace(/-\d+$/, '')] || '';
const plural = (n, one, many) => count(n) + ' ' + (Number(n) === 1 ? one : many);
const weekday = (w) => w.charAt(0) + w.slice(1).toLowerCase();

const daysAgo = (days) => (days < 1 ? 'less than a day' : plural(Math.round(days), 'day', 'days'));

function habitsInWords(h) {
  const lines = [];
  if (h.country) lines.push('Country: ' + h.country + '.');
  if (h.peakWeekday) {
    lines.push('Buys mostly on ' + weekday(h.peakWeekday) + 's' + (h.peakHour != null && h.peakHour >= 0
      ? ' around ' + String(h.peakHour).padStart(2, '0') + ':00' : '') + '.');
  }
  if (h.avgBasketLines > 0) {
    lines.push('A basket holds ' + Number(h.avgBasketLines).toFixed(1) + ' lines' + (h.avgBasketValue > 0 ? ' worth ' + money(h.avgBasketValue) : '') + ' on average.');
  }
  if (h.returnRate != null) {
    lines.push(h.returnRate > 0 ? 'Sends back ' + Math.round(h.returnRate * 100) + ' % of the lines bought.' : 'Sends nothing back.');
  }
  if (h.topWords && h.topWords.length) lines.push('Likes: ' + h.topWords.join(', ') + '.');
  if (h.topCategories && h.topCategories.length) lines.push('Categories: ' + h.topCategories.join(', ') + '.');
  return lines;
}

function portraitCard(user, r) {
  const p = r.portrait;
  const segment = r.liveSegment;
  const children = [
    el('h3', {}, 'Customer ' + user + ' ', el('span', { class: 'segment-badge' }, segment)),
    el('p', { class: 'meaning' }, meaning(segment)),
    el('p', { class: 'muted live-segment' }, r.segmentChangedAt
      ? 'Segment now: ' + segment + ', moved by the speed layer at ' + new Date(r.segmentChangedAt).toLocaleString() + (p ? ' (the batch said ' + p.segment + ')' : '')
      : 'Segment now: ' + segment + ' (as in the batch)'),
  ];
  if (!p) {
    children.push(el('p', {}, 'No batch portrait yet: a new customer whose purchases since gave them a segment.'));
  } else if (!p.rfm) {
    children.push(el('p', {}, 'No purchase in the portrait window, so no recency, orders or spend.'));
  } else {
    const facts = [
      ['Last order', daysAgo(p.rfm.recencyDays), 'before the data\'s cut-off'],
      ['Orders', plural(p.rfm.frequency, 'order', 'orders'), 'baskets kept, returns netted out'],
      p.rfm.monetary != null ? ['Spent', money(p.rfm.monetary), 'net of returns'] : ['Spent', 'unknown', 'the data has no prices'],
    ];
    children.push(el('dl', { class: 'rfm' }, facts.map(([k, v, note]) => el('div', {}, el('dt', {}, k), el('dd', {}, v),
      el('dd', { class: 'note' }, note)))));
  }
  if (p && p.habits) children.push(el('ul', { class: 'habits' }, habitsInWords(p.habits).map((line) => el('li', {}, line))));
  return children;
}

async function portrait() {
  const user = $('portrait-user').value.trim();
  if (!user) return;
  const box = $('portrait');
  box.hidden = false;
  try {
    const r = await api('/v1/users/' + encodeURIComponent(user) + '/portrait');
    // The live segment first: the speed layer may have moved the user since the batch portrait was drawn.
    box.replaceChildren(...portraitCard(user, r));
  } catch (e) {
    box.replaceChildren(el('p', { class: 'message' }, e.handled ? '' : 'No portrait: ' + e.message));
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
$('key-form').addEventListener('submit', (e) => { e.preventDefault(); sessionStorage.setItem('tradewind.key', $('key-input').value.trim()); readKey(); say(''); examples(); recommendations(); search(1); });

readKey();
if (state.key) { examples(); recommendations(); search(1); }
