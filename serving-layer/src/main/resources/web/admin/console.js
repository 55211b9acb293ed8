// The admin console: signs a person in (session cookie, HttpOnly, set by the API) and drives the admin API with
// the session's CSRF token on every change. Shows only what the person's role may do; the API refuses the rest
// anyway. Data is always written with textContent, never as HTML.
'use strict';

// Deleted categories stay restorable for the rest of the browser tab's session (a reload keeps them; sign-out drops them).
const state = { me: null, categories: [], deleted: JSON.parse(sessionStorage.getItem('tw-deleted') || '[]'), editing: null, view: null };

function rememberDeleted() {
  sessionStorage.setItem('tw-deleted', JSON.stringify(state.deleted));
  $('undo-bar').hidden = state.deleted.length === 0;
  if (state.deleted.length) {
    $('undo-text').textContent = 'Deleted ' + state.deleted[state.deleted.length - 1].name + '.';
  }
}
const $ = (id) => document.getElementById(id);

function message(text, isError) {
  $('message').textContent = text || '';
  $('message').classList.toggle('error', !!isError);
}

class SignedOut extends Error {}

async function api(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.me && state.me.csrfToken) headers['X-CSRF-Token'] = state.me.csrfToken;
  const response = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await response.json().catch(() => ({}));
  if (response.status === 401 && !path.startsWith('/v1/auth/sign-in')) {
    showSignIn(json.error || 'sign in again');
    throw new SignedOut(json.error);
  }
  if (!response.ok) throw new Error(json.error || ('the API answered ' + response.status));
  return json;
}

function may(permission) {
  return !!state.me && state.me.permissions.includes(permission);
}

function showSignIn(why) {
  state.me = null;
  document.querySelectorAll('.view').forEach((v) => { v.hidden = true; });
  $('tabs').hidden = true;
  $('signout').hidden = true;
  $('who').textContent = '';
  $('signin').hidden = false;
  $('signin-message').textContent = why || '';
  message('');
}

function signedIn(me) {
  state.me = me;
  $('signin').hidden = true;
  $('password').value = '';
  $('who').textContent = me.account + ' · ' + me.role;
  $('signout').hidden = false;
  $('tabs').hidden = false;
  let first = null;
  document.querySelectorAll('#tabs .tab').forEach((tab) => {
    tab.hidden = !may(tab.dataset.needs);
    if (!tab.hidden && !first) first = tab.dataset.view;
  });
  document.querySelectorAll('.edit-only').forEach((e) => { e.hidden = !may('edit_categories'); });
  document.querySelectorAll('.switch-only').forEach((e) => { e.hidden = !may('switch_versions'); });
  if (may('edit_categories')) rememberDeleted();
  show(first);
}

function show(view) {
  state.view = view;
  document.querySelectorAll('.view').forEach((v) => { v.hidden = v.id !== view; });
  document.querySelectorAll('#tabs .tab').forEach((t) => t.classList.toggle('active', t.dataset.view === view));
  message('');
  const load = { categories: loadCategories, versions: loadVersions, audit: loadAudit, keys: loadKeys }[view];
  if (load) load().catch(failed);
}

function failed(e) {
  if (!(e instanceof SignedOut)) message(e.message, true);
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  row.appendChild(td);
  return td;
}

function button(parent, label, className, onClick) {
  const b = document.createElement('button');
  b.textContent = label;
  b.className = className;
  b.addEventListener('click', onClick);
  parent.appendChild(b);
  return b;
}

// ---- categories ----

async function loadCategories() {
  state.categories = (await api('GET', '/v1/admin/categories')).categories;
  drawCategories();
}

function drawCategories() {
  const filter = $('cat-filter').value.trim().toLowerCase();
  const body = document.querySelector('#category-table tbody');
  body.replaceChildren();
  const select = $('assign-category');
  select.replaceChildren();
  for (const c of state.categories) {
    const option = document.createElement('option');
    option.value = c.id;
    option.textContent = c.name;
    select.appendChild(option);
    if (filter && !c.name.toLowerCase().includes(filter) && !c.keywords.some((k) => k.includes(filter))) continue;
    const row = document.createElement('tr');
    row.dataset.id = c.id;
    cell(row, c.name).className = 'cat-name';
    cell(row, c.keywords.join(', '));
    cell(row, (c.items || []).join(', '));
    const actions = cell(row, '');
    if (may('edit_categories')) {
      button(actions, 'Edit', 'cat-edit', () => startEdit(c));
      button(actions, 'Delete', 'cat-delete', () => deleteCategory(c).catch(failed));
    }
    body.appendChild(row);
  }
}

function keywords() {
  return $('cat-keywords').value.split(',').map((k) => k.trim()).filter((k) => k);
}

function startEdit(c) {
  state.editing = c;
  $('cat-form-title').textContent = 'Edit ' + c.name;
  $('cat-name').value = c.name;
  $('cat-keywords').value = c.keywords.join(', ');
  $('cat-save').textContent = 'Save changes';
  $('cat-cancel').hidden = false;
}

function endEdit() {
  state.editing = null;
  $('cat-form-title').textContent = 'New category';
  $('cat-name').value = '';
  $('cat-keywords').value = '';
  $('cat-save').textContent = 'Add category';
  $('cat-cancel').hidden = true;
}

async function saveCategory(event) {
  event.preventDefault();
  const body = { name: $('cat-name').value.trim(), keywords: keywords() };
  let change;
  if (state.editing) {
    change = await api('PUT', '/v1/admin/categories/' + encodeURIComponent(state.editing.id), body);
    message('Saved ' + change.category.name + ': ' + change.itemsChanged + ' products changed category.');
  } else {
    change = await api('POST', '/v1/admin/categories', body);
    message('Added ' + change.category.name + ': ' + change.itemsChanged + ' products now in it.');
  }
  endEdit();
  await loadCategories();
}

async function deleteCategory(c) {
  const change = await api('DELETE', '/v1/admin/categories/' + encodeURIComponent(c.id));
  state.deleted.push(c);
  rememberDeleted();
  $('undo-text').textContent = 'Deleted ' + c.name + ' (' + change.itemsChanged + ' products lost it).';
  await loadCategories();
}

async function undoDelete() {
  const c = state.deleted[state.deleted.length - 1];
  if (!c) return;
  const change = await api('POST', '/v1/admin/categories', { name: c.name, keywords: c.keywords, items: c.items || [] });
  state.deleted.pop();
  rememberDeleted();
  message('Restored ' + change.category.name + '.');
  await loadCategories();
}

async function searchProducts(event) {
  event.preventDefault();
  const q = $('product-q').value.trim();
  const answer = await api('GET', '/v1/search?size=20&q=' + encodeURIComponent(q));
  const list = $('products');
  list.replaceChildren();
  for (const hit of answer.result.hits) {
    const li = document.createElement('li');
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = hit.itemId;
    label.appendChild(box);
    label.appendChild(document.createTextNode(' ' + hit.itemId + ' ' + hit.title
      + (hit.category ? ' (' + hit.category + ')' : '')));
    li.appendChild(label);
    list.appendChild(li);
  }
  if (!answer.result.hits.length) message('No product matches "' + q + '".');
}

async function assignSelected() {
  const items = [...document.querySelectorAll('#products input:checked')].map((b) => b.value);
  const id = $('assign-category').value;
  if (!items.length || !id) {
    message('Pick products from a search and a category first.', true);
    return;
  }
  const change = await api('POST', '/v1/admin/categories/' + encodeURIComponent(id) + '/items', { items });
  message('Assigned ' + items.length + (items.length === 1 ? ' product' : ' products') + ' to ' + change.category.name + '.');
  await loadCategories();
}

// ---- versions ----

function summary(evaluation) {
  const parts = [];
  for (const [k, v] of Object.entries(evaluation || {})) {
    parts.push(k + ': ' + (typeof v === 'object' ? JSON.stringify(v) : v));
  }
  return parts.join('; ');
}

async function loadVersions() {
  const answer = await api('GET', '/v1/admin/versions');
  const body = document.querySelector('#version-table tbody');
  body.replaceChildren();
  for (const v of answer.versions) {
    const row = document.createElement('tr');
    row.dataset.version = v.version;
    if (v.active) row.className = 'active';
    cell(row, v.version + (v.active ? ' (active)' : ''));
    cell(row, v.asOf);
    cell(row, v.models.join(', '));
    cell(row, v.loadedAt);
    cell(row, Object.values(v.rows || {}).reduce((a, b) => a + b, 0).toLocaleString('en'));
    cell(row, summary(v.evaluation));
    const actions = cell(row, '');
    if (!v.active && may('switch_versions')) {
      button(actions, 'Activate…', 'activate', () => confirmSwitch(
        'Serve version ' + v.version + ' (as of ' + v.asOf + ') instead of ' + answer.active
          + '? Recommendations and search switch together for every shop.',
        () => api('POST', '/v1/admin/versions/' + encodeURIComponent(v.version) + '/activate')
          .then((r) => message('Now serving ' + r.active + '.'))));
    }
    body.appendChild(row);
  }
  const previous = (answer.history || []).length > 1 ? answer.history[answer.history.length - 2] : null;
  $('rollback').disabled = !previous;
  state.rollbackText = 'Roll back from ' + answer.active + ' to the previously active version'
    + (previous ? ' (' + previous.version + ')' : '') + '? Recommendations and search switch together for every shop.';
}

function confirmSwitch(text, action) {
  $('confirm-text').textContent = text;
  $('confirm').hidden = false;
  state.pending = action;
}

// ---- audit ----

async function loadAudit(event) {
  if (event) event.preventDefault();
  const params = new URLSearchParams({ limit: '200' });
  for (const [id, name] of [['audit-actor', 'actor'], ['audit-action', 'action'], ['audit-since', 'since'], ['audit-until', 'until']]) {
    if ($(id).value.trim()) params.set(name, $(id).value.trim());
  }
  const answer = await api('GET', '/v1/admin/audit?' + params);
  const body = document.querySelector('#audit-table tbody');
  body.replaceChildren();
  const actions = new Set();
  for (const e of answer.entries) {
    const row = document.createElement('tr');
    cell(row, e.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'));
    cell(row, e.actor);
    cell(row, e.action);
    cell(row, e.target);
    cell(row, e.details ? JSON.stringify(e.details) : '');
    body.appendChild(row);
    actions.add(e.action);
  }
  const list = $('audit-actions');
  list.replaceChildren(...[...actions].sort().map((a) => Object.assign(document.createElement('option'), { value: a })));
  if (!answer.entries.length) message('No audit entry matches.');
}

// ---- API keys ----

async function loadKeys() {
  const answer = await api('GET', '/v1/admin/api-keys');
  $('keys-readonly').hidden = answer.writable;
  $('key-create').disabled = !answer.writable;
  const body = document.querySelector('#key-table tbody');
  body.replaceChildren();
  for (const k of answer.keys) {
    const row = document.createElement('tr');
    row.dataset.name = k.name;
    cell(row, k.name);
    cell(row, k.role);
    const actions = cell(row, '');
    if (answer.writable) {
      button(actions, 'Revoke', 'revoke', () => api('DELETE', '/v1/admin/api-keys/' + encodeURIComponent(k.name))
        .then(() => { message('Revoked ' + k.name + '.'); return loadKeys(); }).catch(failed));
    }
    body.appendChild(row);
  }
}

async function createKey(event) {
  event.preventDefault();
  const created = await api('POST', '/v1/admin/api-keys', { name: $('key-name').value.trim(), role: $('key-role').value });
  $('key-value').textContent = created.key;
  $('key-created').hidden = false;
  $('key-name').value = '';
  message('Created ' + created.name + ' (' + created.role + ').');
  await loadKeys();
}

// ---- sign-in ----

async function signIn(event) {
  event.preventDefault();
  $('signin-message').textContent = '';
  try {
    const me = await api('POST', '/v1/auth/sign-in', { account: $('account').value.trim(), password: $('password').value });
    signedIn(me);
  } catch (e) {
    $('password').value = '';
    $('signin-message').textContent = e.message;
  }
}

async function signOut() {
  try {
    await api('POST', '/v1/auth/sign-out');
  } catch (e) {
    // already ended: the sign-in form follows either way
  }
  state.deleted = [];
  rememberDeleted();
  $('key-created').hidden = true;
  showSignIn('Signed out.');
}

document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('#tabs .tab').forEach((t) => t.addEventListener('click', () => show(t.dataset.view)));
  $('signin-form').addEventListener('submit', signIn);
  $('signout').addEventListener('click', signOut);
  $('cat-form').addEventListener('submit', (e) => saveCategory(e).catch(failed));
  $('cat-cancel').addEventListener('click', endEdit);
  $('cat-filter').addEventListener('input', drawCategories);
  $('undo').addEventListener('click', () => undoDelete().catch(failed));
  $('product-form').addEventListener('submit', (e) => searchProducts(e).catch(failed));
  $('assign-btn').addEventListener('click', () => assignSelected().catch(failed));
  $('rollback').addEventListener('click', () => confirmSwitch(state.rollbackText, () =>
    api('POST', '/v1/admin/versions/rollback').then((r) => message('Rolled back from ' + r.from + ' to ' + r.to + '.'))));
  $('confirm-no').addEventListener('click', () => { $('confirm').hidden = true; state.pending = null; });
  $('confirm-yes').addEventListener('click', () => {
    $('confirm').hidden = true;
    const action = state.pending;
    state.pending = null;
    if (action) action().then(loadVersions).catch(failed);
  });
  $('audit-form').addEventListener('submit', (e) => loadAudit(e).catch(failed));
  $('key-form').addEventListener('submit', (e) => createKey(e).catch(failed));
  fetch('/v1/auth/session', { credentials: 'same-origin' })
    .then((r) => r.json().then((j) => (r.ok && j.csrfToken ? signedIn(j) : showSignIn(r.status === 401 && j.error
      && !j.error.startsWith('an API key') ? j.error : ''))))
    .catch(() => showSignIn('The API does not answer.'));
});
