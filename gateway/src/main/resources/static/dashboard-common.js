'use strict';

// Shared by the overview, patient, monitoring and outcomes pages (and the patient's routine page, which uses the
// header and the sign-in): the page header, labels, chips, formatting, polling.
// The words of statuses, actions and stages, the order of statuses that needs attention first, and how strongly each
// status or alert type is marked (its tone) come from the API (GET /api/v1/vocabulary), never copies kept here: no
// status or alert type is named in this code or in the style sheet.
let vocabulary = null;
const POLL_MS = 5000;

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'class') node.className = value; else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

/** An SVG element: the charts are inline SVG drawn here, nothing loaded from elsewhere. */
const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = String(text);
  return node;
}

/** A day as yyyy-MM-dd (UTC), the form the API's dates take. */
const isoDay = date => date.toISOString().slice(0, 10);

async function loadVocabulary() {
  if (!vocabulary) {
    const v = await fetchJson('/api/v1/vocabulary');
    vocabulary = {
      statuses: v.statuses, // in attention order: those needing attention first
      status: Object.fromEntries(v.statuses.map(s => [s.status, s])),
      actions: Object.fromEntries(v.actions.map(a => [a.action, a.label])),
      stages: Object.fromEntries(v.stages.map(s => [s.stage, s.label]))
    };
  }
  return vocabulary;
}

const statusWords = status => (vocabulary && vocabulary.status[status])
  || {label: status, symbol: '', attentionRank: Infinity, tone: 'QUIET', flatTrend: false};
const toneClass = tone => `tone-${String(tone || 'QUIET').toLowerCase()}`;
const actionWords = action => (vocabulary && vocabulary.actions[action]) || action;
const stageWords = stage => (vocabulary && vocabulary.stages[stage]) || stage;

function chip(status) {
  const s = statusWords(status);
  // never colour alone: the chip carries a symbol and the words
  return el('span', {class: `chip ${toneClass(s.tone)}`}, el('span', {'aria-hidden': 'true'}, s.symbol + ' '), s.label);
}

function changeText(trend) {
  if (!trend || trend.changePoints === null || trend.changePoints === undefined) return '–';
  const sign = trend.changePoints > 0 ? '+' : '';
  const pct = trend.changePercent === null ? '' : ` (${sign}${Math.round(trend.changePercent)}%)`;
  return `${sign}${trend.changePoints.toFixed(1)} points${pct}`;
}

function dateText(iso) {
  return iso ? new Date(iso).toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'short'}) : '–';
}

async function fetchJson(url) {
  const response = await fetch(url, {headers: {Accept: 'application/json'}});
  if (response.status === 401) {
    location.reload(); // the sign-in has expired: the reload goes through the login again
  }
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return response.json();
}

/** The URL of the next page an RFC 8288 Link header names (rel="next"), or null. */
function nextPage(response) {
  const link = response.headers.get('Link');
  const match = link && link.match(/<([^>]*)>\s*;\s*rel="next"/);
  return match ? match[1] : null;
}

/** Every item of a paged list: the first page, then each page its Link header names, up to a bound. */
async function fetchAllPages(url, maxPages = 50) {
  const items = [];
  for (let next = url, pages = 0; next && pages < maxPages; pages++) {
    const response = await fetch(next, {headers: {Accept: 'application/json'}});
    if (response.status === 401) location.reload();
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${next}`);
    items.push(...await response.json());
    next = nextPage(response);
  }
  return items;
}

/** The CSRF token the gateway set as a cookie; cookie-authenticated writes must echo it as a header. */
function csrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

/** The clinic's pages, in the order of the navigation every clinic page shows. */
const PAGES = [['/', 'Overview'], ['/monitoring.html', 'Monitoring days'], ['/outcomes.html', 'Outcomes']];

/**
 * The part of the page header every page shares, built once here: the account line (who is signed in, filled by
 * signedIn(); sign out with the CSRF token) after the page's own title, before the pages' navigation where the page
 * has one (its data-current names the page to mark with aria-current; none on a patient's page).
 */
function buildPageHeader() {
  const header = document.querySelector('body > header');
  const nav = header.querySelector('nav.pages');
  header.insertBefore(el('form', {class: 'account', method: 'post', action: '/logout'},
      el('span', {}, 'Signed in as ', el('strong', {class: 'signed-in-user'}, '…')),
      el('input', {type: 'hidden', name: '_csrf', class: 'logout-csrf'}),
      el('button', {type: 'submit'}, 'Sign out')), nav);
  if (nav) {
    nav.append(el('ul', {}, ...PAGES.map(([href, label]) =>
      el('li', {}, el('a', href === nav.dataset.current ? {href, 'aria-current': 'page'} : {href}, label)))));
  }
}
buildPageHeader();

/** Who is signed in, for which clinic; fills the page header's account line. */
async function signedIn() {
  const config = await fetchJson('/dashboard/config');
  document.querySelectorAll('.signed-in-user').forEach(e => { e.textContent = config.user; });
  document.querySelectorAll('.logout-csrf').forEach(e => { e.value = csrfToken(); });
  return config;
}

/** Polls a loader; the page stays live without a reload. */
function poll(load) {
  load();
  setInterval(() => load().catch(() => {}), POLL_MS);
}

// --- alerts: shared by the inbox (overview) and the patient page -------------------------------------------------
// The words (types, statuses, resolutions) come from the API (GET /api/v1/alert-types), never copies kept here.
let alertVocabulary = null;
const DAY_MS = 86400000;

async function loadAlertVocabulary() {
  if (!alertVocabulary) {
    const v = await fetchJson('/api/v1/alert-types');
    alertVocabulary = {
      types: Object.fromEntries(v.types.map(t => [t.type, t])),
      statuses: v.statuses,
      statusLabels: Object.fromEntries(v.statuses.map(s => [s.status, s.label])),
      resolutions: Object.fromEntries(v.resolutions.map(r => [r.resolution, r.label])),
      maxNoteLength: v.maxNoteLength
    };
  }
  return alertVocabulary;
}

/**
 * Only clinicians and clinic administrators acknowledge (the service refuses anyone else with 403); when the sign-in
 * names no roles the action is offered and the service decides.
 */
function mayAcknowledge(config) {
  const roles = config.roles || [];
  return roles.length === 0 || roles.some(r => r === 'CLINICIAN' || r === 'CLINIC_ADMIN');
}

function alertChip(alert) {
  const type = alertVocabulary.types[alert.type];
  return el('span', {class: `alert-chip ${toneClass(type && type.tone)}`, title: type ? type.description : ''},
    type ? type.label : alert.type);
}

/** When it happened and, for a session that arrived late, when it arrived. */
function alertWhen(alert) {
  const parts = [el('span', {class: 'happened'}, `Happened ${dateText(alert.occurredAt)}`)];
  if (alert.late && alert.arrivedAt) {
    const days = Math.round((new Date(alert.arrivedAt) - new Date(alert.occurredAt)) / DAY_MS);
    parts.push(el('br'), el('strong', {class: 'late'}, 'Late'),
      el('span', {class: 'arrived'}, `: arrived ${dateText(alert.arrivedAt)}, ${days} day${days === 1 ? '' : 's'} after it happened`));
  }
  return el('span', {class: 'alert-when'}, ...parts);
}

/** Its status in words, who acknowledged it (and their note), how it resolved. */
function alertOutcome(alert) {
  const parts = [el('span', {class: `alert-status ${alert.status}`}, alertVocabulary.statusLabels[alert.status] || alert.status)];
  const ack = alert.acknowledgement;
  if (ack) {
    parts.push(el('span', {class: 'acknowledged-by'}, ` · acknowledged by ${ack.by}, ${dateText(ack.at)}`));
    if (ack.note) parts.push(el('span', {class: 'ack-note'}, `: “${ack.note}”`));
  }
  // a red flag resolved by its acknowledgement: the line above already says so
  if (alert.resolution && !(ack && alert.resolution.reason === 'ACKNOWLEDGED')) {
    const how = alertVocabulary.resolutions[alert.resolution.reason] || alert.resolution.reason;
    parts.push(el('span', {class: 'resolution'}, ` · ${how} (${dateText(alert.resolution.at)})`));
  }
  return el('span', {class: 'alert-outcome'}, ...parts);
}

async function acknowledgeAlert(alertId, note) {
  return fetch(`/api/v1/alerts/${encodeURIComponent(alertId)}/acknowledgement`, {
    method: 'POST', headers: {'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken()},
    body: JSON.stringify(note.trim() ? {note: note.trim()} : {})});
}

/**
 * The acknowledge action of one alert: a button that opens a small form with an optional note. While the form is open
 * the page does not redraw the alerts (onOpen(true)), so polling never wipes what is being typed.
 *
 * @param what words naming the alert for screen readers (the button's visible text is "Acknowledge")
 * @param done called with a message once the alert was acknowledged (or someone else had)
 */
function acknowledgeControl(alert, what, onOpen, done) {
  const formId = `ack-${alert.alertId}`;
  const noteId = `note-${alert.alertId}`;
  const open = el('button', {type: 'button', class: 'acknowledge-open', 'aria-expanded': 'false', 'aria-controls': formId},
    'Acknowledge', el('span', {class: 'visually-hidden'}, ` ${what}`));
  const note = el('textarea', {id: noteId, name: 'note', rows: '2', maxlength: String(alertVocabulary.maxNoteLength)});
  const confirm = el('button', {type: 'submit', class: 'acknowledge-confirm'}, 'Confirm acknowledgement');
  const cancel = el('button', {type: 'button', class: 'acknowledge-cancel'}, 'Cancel');
  const message = el('p', {class: 'acknowledge-message', role: 'status'});
  const form = el('form', {id: formId, class: 'acknowledge-form', hidden: ''},
    el('label', {for: noteId}, `Note (optional, at most ${alertVocabulary.maxNoteLength} characters)`), note,
    el('span', {class: 'acknowledge-buttons'}, confirm, cancel), message);
  const show = shown => {
    form.hidden = !shown;
    open.hidden = shown;
    open.setAttribute('aria-expanded', String(shown));
    onOpen(shown);
  };
  open.addEventListener('click', () => { show(true); note.focus(); });
  cancel.addEventListener('click', () => { show(false); open.focus(); });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    confirm.disabled = true;
    const response = await acknowledgeAlert(alert.alertId, note.value).catch(() => null);
    if (response && response.ok) {
      onOpen(false);
      done(`${alertVocabulary.types[alert.type] ? alertVocabulary.types[alert.type].label : alert.type} of ${alert.patientId} acknowledged.`);
    } else if (response && response.status === 409) {
      const problem = await response.json().catch(() => ({}));
      onOpen(false);
      done(`Already acknowledged by ${problem.acknowledgedBy || 'someone else'}.`);
    } else {
      const problem = response ? await response.json().catch(() => ({})) : {};
      message.textContent = `Could not acknowledge: ${problem.detail || (response ? `HTTP ${response.status}` : 'no answer')}.`;
      confirm.disabled = false;
    }
  });
  return el('div', {class: 'acknowledge'}, open, form);
}

// forms that only filter or hold buttons never submit (kept out of the HTML: the CSP allows no inline script)
document.querySelectorAll('form#controls, form#decision, form#inbox-controls, form#period-controls').forEach(form => form.addEventListener('submit', e => e.preventDefault()));
