'use strict';

// Clinic overview: one row per patient, those needing attention first (the server's order), filter, search, sort.
const state = {clinic: null, rows: [], sort: null, descending: false, signature: ''};

function matches(row) {
  const status = document.getElementById('status-filter').value;
  const q = document.getElementById('search').value.trim().toLowerCase();
  if (status === 'attention' && !row.needsAttention) return false;
  if (status && status !== 'attention' && row.status !== status) return false;
  return !q || row.patientId.toLowerCase().includes(q);
}

function sortKey(row, key) {
  switch (key) {
    case 'change': return row.trend && row.trend.changePoints !== null ? row.trend.changePoints : Infinity;
    case 'adherence': return row.adherence.sessionsLast7Days;
    case 'status': return statusWords(row.status).attentionRank;
    case 'currentPain': return row.currentPain === null ? -1 : row.currentPain;
    default: return row[key] || '';
  }
}

function sparkline(values) {
  const width = 96, height = 24;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', values.length ? `Daily pain: ${values.join(', ')}` : 'No sessions in the last two weeks');
  if (values.length > 1) {
    const points = values.map((v, i) => `${(i / (values.length - 1)) * (width - 4) + 2},${height - 2 - (v / 10) * (height - 4)}`);
    const line = document.createElementNS(svg.namespaceURI, 'polyline');
    line.setAttribute('points', points.join(' '));
    line.setAttribute('class', 'spark');
    svg.append(line);
  }
  return svg;
}

function render() {
  let rows = state.rows.filter(matches);
  if (state.sort) {
    rows = [...rows].sort((a, b) => {
      const x = sortKey(a, state.sort), y = sortKey(b, state.sort);
      return (x < y ? -1 : x > y ? 1 : 0) * (state.descending ? -1 : 1);
    });
  }
  const body = document.querySelector('#patients tbody');
  body.replaceChildren(...rows.map(p => {
    const link = el('a', {href: `/patient.html?clinic=${encodeURIComponent(state.clinic)}&patient=${encodeURIComponent(p.patientId)}`}, p.patientId);
    const row = el('tr', {'data-patient-id': p.patientId, 'data-status': p.status},
      el('th', {scope: 'row'}, link),
      el('td', {}, chip(p.status), p.needsAttention ? el('span', {class: 'visually-hidden'}, ' (needs attention)') : ''),
      el('td', {}, p.currentPain === null ? '–' : `${p.currentPain}/10`),
      el('td', {}, changeText(p.trend)),
      el('td', {}, `${p.adherence.sessionsLast7Days} of ${p.adherence.prescribedPerWeek}`),
      el('td', {}, dateText(p.lastSessionAt)),
      el('td', {}, sparkline(p.recentPain || [])),
      el('td', {}, actionWords(p.suggestedAction)));
    if (p.needsAttention) row.classList.add('attention');
    return row;
  }));
  document.querySelectorAll('#patients th[data-sort]').forEach(th => {
    th.setAttribute('aria-sort', th.dataset.sort === state.sort ? (state.descending ? 'descending' : 'ascending') : 'none');
  });
  const attention = state.rows.filter(r => r.needsAttention).length;
  document.getElementById('status').textContent =
    `${rows.length} of ${state.rows.length} patients shown; ${attention} need attention. Updated ${new Date().toLocaleTimeString()}.`;
  document.getElementById('patients').hidden = false;
}

async function load() {
  // the overview is paged (those needing attention first); the page filters and sorts the whole clinic
  const rows = await fetchAllPages(`/api/v1/clinics/${encodeURIComponent(state.clinic)}/patients?size=200`);
  const signature = JSON.stringify(rows.map(r => [r.patientId, r.status, r.sessionCount, r.suggestedAction]));
  state.rows = rows;
  if (signature !== state.signature) {
    state.signature = signature;
  }
  render();
}

// --- the clinic's alert inbox: open first, newest first (the server's order), acknowledge with an optional note ---
const inbox = {alerts: [], formOpen: false, mayAcknowledge: false, message: ''};

function patientHref(patientId) {
  return `/patient.html?clinic=${encodeURIComponent(state.clinic)}&patient=${encodeURIComponent(patientId)}`;
}

function renderInbox() {
  const body = document.querySelector('#inbox-table tbody');
  body.replaceChildren(...inbox.alerts.map(a => {
    const what = `${alertVocabulary.types[a.type] ? alertVocabulary.types[a.type].label : a.type} of ${a.patientId}`;
    const action = !a.acknowledgement && inbox.mayAcknowledge
      ? acknowledgeControl(a, what, open => { inbox.formOpen = open; }, message => { inbox.message = message; loadInbox(); })
      : '';
    const row = el('tr', {'data-alert-id': a.alertId, 'data-status': a.status, 'data-type': a.type},
      el('th', {scope: 'row'}, el('a', {href: patientHref(a.patientId)}, a.patientId)),
      el('td', {}, alertChip(a)),
      el('td', {}, a.summary),
      el('td', {}, alertWhen(a)),
      el('td', {}, alertOutcome(a)),
      el('td', {}, action));
    if (a.status === 'OPEN') row.classList.add('attention');
    if (a.late) row.classList.add('late-row');
    return row;
  }));
  const open = inbox.alerts.filter(a => a.status === 'OPEN').length;
  document.getElementById('inbox-table').hidden = inbox.alerts.length === 0;
  document.getElementById('inbox-status').textContent = (inbox.message ? `${inbox.message} ` : '')
    + (inbox.alerts.length ? `${open} open of ${inbox.alerts.length} alerts shown.` : 'No alerts.')
    + ` Updated ${new Date().toLocaleTimeString()}.`;
}

async function loadInbox() {
  const status = document.getElementById('inbox-filter').value;
  // a few pages at most: the inbox is read open first, so what needs someone is always on the first ones
  inbox.alerts = await fetchAllPages(`/api/v1/alerts?size=50${status ? `&status=${encodeURIComponent(status)}` : ''}`, 4);
  if (!inbox.formOpen) renderInbox();
}

async function startInbox(config) {
  await loadAlertVocabulary();
  inbox.mayAcknowledge = mayAcknowledge(config);
  const filter = document.getElementById('inbox-filter');
  filter.append(...alertVocabulary.statuses.map(s => el('option', {value: s.parameter}, s.label)));
  filter.addEventListener('change', () => { inbox.message = ''; loadInbox(); });
  poll(() => loadInbox().catch(error => {
    document.getElementById('inbox-status').textContent = `Could not load alerts: ${error.message}`;
  }));
}

async function start() {
  const params = new URLSearchParams(location.search);
  const config = await signedIn();
  // the signed-in user's clinic; the services refuse any other
  state.clinic = config.clinicId;
  document.getElementById('clinic-name').textContent = state.clinic;
  document.getElementById('patients-csv').href = `/api/v1/clinics/${encodeURIComponent(state.clinic)}/patients.csv`;
  // without the vocabulary the overview still works: names instead of words, no filter by status
  await loadVocabulary().catch(() => {});
  document.getElementById('status-filter').append(...(vocabulary ? vocabulary.statuses : [])
    .map(s => el('option', {value: s.status}, s.label)));
  document.getElementById('status-filter').value = params.get('status') || '';
  document.getElementById('status-filter').addEventListener('change', render);
  document.getElementById('search').addEventListener('input', render);
  document.querySelectorAll('#patients th[data-sort] button').forEach(button => button.addEventListener('click', () => {
    const key = button.parentElement.dataset.sort;
    state.descending = state.sort === key ? !state.descending : false;
    state.sort = key;
    render();
  }));
  poll(() => load().catch(error => {
    document.getElementById('status').textContent = `Could not load patients: ${error.message}`;
  }));
  startInbox(config).catch(error => {
    document.getElementById('inbox-status').textContent = `Could not load alerts: ${error.message}`;
  });
}

start();
