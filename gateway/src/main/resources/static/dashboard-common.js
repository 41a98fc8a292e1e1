'use strict';

// Shared by the overview and the patient page: labels, chips, formatting, polling.
const STATUS = {
  RED_FLAG: {label: 'Red flag', icon: '▲'},
  WORSENING: {label: 'Worsening', icon: '↗'},
  PLATEAU: {label: 'Plateau', icon: '→'},
  INSUFFICIENT_DATA: {label: 'Too early to tell', icon: '…'},
  IMPROVING: {label: 'Improving', icon: '↘'},
  RECOVERED: {label: 'Recovered', icon: '✓'}
};
const ACTIONS = {
  KEEP_GOING: 'Keep going', IMPROVE_CONSISTENCY: 'Improve consistency',
  PROGRESS_TO_DEEPER_STRETCHES: 'Progress to deeper stretches', ADD_STRENGTHENING: 'Add strengthening',
  BACK_OFF: 'Back off', SEE_A_PROFESSIONAL: 'See a professional'
};
const POLL_MS = 5000;

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'class') node.className = value; else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function chip(status) {
  const s = STATUS[status] || {label: status, icon: ''};
  // never colour alone: the chip carries an icon and the words
  return el('span', {class: `chip ${status}`}, el('span', {'aria-hidden': 'true'}, s.icon + ' '), s.label);
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

// forms that only filter or hold buttons never submit (kept out of the HTML: the CSP allows no inline script)
document.querySelectorAll('form#controls, form#decision').forEach(form => form.addEventListener('submit', e => e.preventDefault()));
