'use strict';

// Monitoring days: each patient's period holding the chosen day (default: today), at risk of missing 16 days first
// (the server's order, GET /api/v1/clinics/{clinicId}/monitoring). Every figure is the API's; the page only words them.
const monitoring = {clinic: null, rows: [], period: ''};
const DAY = 86400000;

/** A yyyy-MM-dd day in words, as the API's days are calendar days (never shifted by the browser's zone). */
function dayText(day) {
  return day ? new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {dateStyle: 'medium', timeZone: 'UTC'}) : '–';
}

const addDays = (day, n) => isoDay(new Date(new Date(`${day}T00:00:00Z`).getTime() + n * DAY));
const periodLength = row => Math.round((new Date(`${row.periodEnd}T00:00:00Z`) - new Date(`${row.periodStart}T00:00:00Z`)) / DAY) + 1;

/**
 * Days with data as a bar over the period's days; the line marks where 16 days would be reached (the days so far plus
 * the days still needed, both from the API).
 */
function daysBar(row) {
  const width = 120, height = 14, length = periodLength(row);
  const x = days => (days / length) * width;
  const bar = svg('svg', {viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'days-bar',
    'aria-label': `${row.days} of ${length} days with data`});
  bar.append(svg('rect', {x: 0, y: 2, width, height: height - 4, class: 'days-track'}));
  bar.append(svg('rect', {x: 0, y: 2, width: x(row.days), height: height - 4, class: 'days-done'}));
  if (!row.reached16) {
    const target = x(Math.min(length, row.days + row.daysNeeded));
    bar.append(svg('line', {x1: target, x2: target, y1: 0, y2: height, class: 'days-target'}));
  }
  return bar;
}

function sixteenText(row) {
  if (row.reached16) return el('strong', {}, 'Reached');
  if (row.lostOn) return el('span', {class: 'lost'}, 'Out of reach');
  return `${row.daysNeeded} more needed`;
}

/**
 * The last day 16 days can still be reached: with a session on every day from then to the period's end, the days
 * needed fit exactly (the period's end minus the days needed, plus one). For a period already out of reach, the day
 * after which it was lost (the API's lostOn).
 */
function reachableUntil(row) {
  if (row.reached16) return '–';
  if (row.lostOn) return `Lost after ${dayText(row.lostOn)}`;
  return dayText(addDays(row.periodEnd, 1 - row.daysNeeded));
}

function patientHref(patientId) {
  return `/patient.html?clinic=${encodeURIComponent(monitoring.clinic)}&patient=${encodeURIComponent(patientId)}`;
}

function render() {
  const body = document.querySelector('#monitoring tbody');
  body.replaceChildren(...monitoring.rows.map(r => {
    const reachable = !r.reached16 && !r.lostOn;
    const row = el('tr', {'data-patient-id': r.patientId, 'data-standing': r.standing, 'data-days': String(r.days)},
      el('th', {scope: 'row'}, el('a', {href: patientHref(r.patientId)}, r.patientId)),
      el('td', {}, `${dayText(r.periodStart)} – ${dayText(r.periodEnd)}`),
      el('td', {class: 'days'}, daysBar(r), ` ${r.days} of ${periodLength(r)}`),
      el('td', {}, r.reached2 ? 'Reached' : 'Not yet'),
      el('td', {}, sixteenText(r)),
      el('td', {}, reachable ? String(r.daysLeft - r.daysNeeded) : '–'),
      el('td', {}, reachableUntil(r)));
    if (reachable) row.classList.add('reachable');
    return row;
  }));
  const reached = monitoring.rows.filter(r => r.reached16).length;
  const lost = monitoring.rows.filter(r => r.lostOn).length;
  const reached2 = monitoring.rows.filter(r => r.reached2).length;
  document.getElementById('status').textContent = `${monitoring.rows.length} patients in `
    + (monitoring.period ? `the periods holding ${dayText(monitoring.period)}` : 'their current period')
    + `: ${reached} reached 16 days, ${monitoring.rows.length - reached - lost} can still reach them, ${lost} can no longer;`
    + ` ${reached2} reached 2 days. Updated ${new Date().toLocaleTimeString()}.`;
  document.getElementById('monitoring').hidden = monitoring.rows.length === 0;
}

async function load() {
  const period = monitoring.period || 'current';
  const url = `/api/v1/clinics/${encodeURIComponent(monitoring.clinic)}/monitoring?period=${encodeURIComponent(period)}&size=200`;
  const rows = await fetchAllPages(url);
  if (period === (monitoring.period || 'current')) { // a newer choice of period wins over a slower answer
    monitoring.rows = rows;
    render();
  }
}

function choosePeriod(period) {
  monitoring.period = period;
  document.getElementById('period').value = period;
  document.getElementById('monitoring-csv').href = `/api/v1/clinics/${encodeURIComponent(monitoring.clinic)}/monitoring.csv`
    + `?period=${encodeURIComponent(period || 'current')}`;
  const query = new URLSearchParams(location.search);
  if (period) query.set('period', period); else query.delete('period');
  history.replaceState(null, '', `${location.pathname}${query.toString() ? `?${query}` : ''}`);
  document.getElementById('status').textContent = 'Loading monitoring days…';
  return load().catch(error => {
    document.getElementById('status').textContent = `Could not load monitoring days: ${error.message}`;
  });
}

async function start() {
  const config = await signedIn();
  monitoring.clinic = config.clinicId; // the signed-in user's clinic; the services refuse any other
  document.getElementById('clinic-name').textContent = monitoring.clinic;
  const chosen = new URLSearchParams(location.search).get('period') || '';
  document.getElementById('period').addEventListener('change', event => choosePeriod(event.target.value));
  document.getElementById('period-current').addEventListener('click', () => choosePeriod(''));
  await choosePeriod(/^\d{4}-\d{2}-\d{2}$/.test(chosen) ? chosen : '');
  setInterval(() => load().catch(() => {}), POLL_MS);
}

start();
