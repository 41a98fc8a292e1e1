'use strict';

// One patient's progress: chart, suggestion, alerts, adherence calendar, session log; refreshed while open.
const params = new URLSearchParams(location.search);
const patientId = params.get('patient');
const clinic = params.get('clinic');
let shownSessions = -1;
let exerciseNames = {};

function drawChart(progress) {
  const width = 760, height = 280, left = 36, right = 12, top = 12, bottom = 28;
  const series = progress.series;
  if (!series.length) {
    // the series covers the last 180 days; a patient who paused longer has none there
    document.getElementById('chart').replaceChildren(el('p', {}, `No session from ${progress.seriesFrom} to ${progress.seriesTo}.`));
    document.getElementById('trend-summary').textContent = '';
    return;
  }
  const t0 = new Date(series[0].completedAt).getTime();
  const t1 = Math.max(new Date(series[series.length - 1].completedAt).getTime(), t0 + 86400000);
  const x = t => left + ((new Date(t).getTime() - t0) / (t1 - t0)) * (width - left - right);
  const y = pain => top + (1 - pain / 10) * (height - top - bottom);
  const chart = svg('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'pain-chart',
    'aria-label': `Pain before and after each of ${series.length} sessions, from ${dateText(series[0].completedAt)} to ${dateText(series[series.length - 1].completedAt)}`});
  for (let pain = 0; pain <= 10; pain += 2) {
    chart.append(svg('line', {x1: left, x2: width - right, y1: y(pain), y2: y(pain), class: 'grid'}));
    const label = svg('text', {x: left - 8, y: y(pain) + 4, class: 'axis', 'text-anchor': 'end'});
    label.textContent = pain;
    chart.append(label);
  }
  const trend = progress.trend || {};
  if (trend.baselinePain !== null && trend.baselinePain !== undefined) {
    const mic = trend.minimalImportantChange || 0;
    chart.append(svg('rect', {x: left, width: width - left - right, y: y(trend.baselinePain), height: Math.max(0, y(trend.baselinePain - mic) - y(trend.baselinePain)), class: 'mic-band'}));
    chart.append(svg('line', {x1: left, x2: width - right, y1: y(trend.baselinePain), y2: y(trend.baselinePain), class: 'baseline'}));
  }
  if (statusWords(progress.status).flatTrend && progress.daily.length) {
    const days = progress.daily.slice(-(trend.trendDays || 1));
    const from = x(days[0].date + 'T00:00:00Z'), to = x(days[days.length - 1].date + 'T23:59:59Z');
    chart.append(svg('rect', {x: from, width: Math.max(4, Math.min(to, width - right) - from), y: top, height: height - top - bottom, class: 'plateau'}));
  }
  const mean = progress.daily.map(d => `${x(d.date + 'T12:00:00Z')},${y(d.rollingMean7)}`);
  chart.append(svg('polyline', {points: mean.join(' '), class: 'rolling-mean'}));
  let previous = null;
  for (const point of series) {
    const cx = x(point.completedAt);
    const tip = `${dateText(point.completedAt)}: pain ${point.painBefore} before, ${point.painAfter} after`
      + (point.redFlag ? '; red-flag symptoms' : '') + (point.sharpPain ? '; sharp pain' : '') + (point.notes ? `; “${point.notes}”` : '');
    const before = svg('circle', {cx, cy: y(point.painBefore), r: 4, class: 'point-before', tabindex: '0', 'data-session-id': point.sessionId});
    before.append(Object.assign(svg('title'), {textContent: tip}));
    const after = svg('circle', {cx, cy: y(point.painAfter), r: 3.5, class: 'point-after'});
    after.append(Object.assign(svg('title'), {textContent: tip}));
    chart.append(after, before);
    const rose = previous !== null && point.painBefore - previous >= 2;
    if (point.redFlag) {
      const marker = svg('path', {d: `M${cx},${top + 2} l6,10 h-12 z`, class: 'marker-red-flag'});
      marker.append(Object.assign(svg('title'), {textContent: tip}));
      chart.append(marker);
    } else if (point.sharpPain || rose) {
      const marker = svg('path', {d: `M${cx},${top + 2} l5,5 l-5,5 l-5,-5 z`, class: 'marker-spike'});
      marker.append(Object.assign(svg('title'), {textContent: tip}));
      chart.append(marker);
    }
    previous = point.painBefore;
  }
  document.getElementById('chart').replaceChildren(chart);
  const slope = trend.slopePerWeek === null || trend.slopePerWeek === undefined ? 'n/a' : `${trend.slopePerWeek > 0 ? '+' : ''}${trend.slopePerWeek} points a week`;
  document.getElementById('trend-summary').textContent = trend.baselinePain === null || trend.baselinePain === undefined ? ''
    : `First week ${trend.baselinePain}/10, last week ${trend.currentPain}/10: ${changeText(trend)}; `
      + `minimal important change at this baseline ${trend.minimalImportantChange} points; recent trend ${slope}`
      + (trend.reliefFading ? '; sessions no longer bring relief.' : '.');
}

function drawCalendar(progress) {
  const counts = {};
  for (const day of progress.daily) counts[day.date] = day.sessions;
  // the last day of the series is the clinic's today (its time zone), the day the daily counts end on; the browser's
  // own date would be a day off near midnight for a clinic away from UTC
  const today = new Date(`${progress.seriesTo}T00:00:00Z`);
  const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7)));
  const table = document.getElementById('calendar');
  const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const head = el('tr', {}, el('th', {scope: 'col'}, 'Week of'), ...names.map(n => el('th', {scope: 'col'}, n)));
  const rows = [];
  for (let week = 7; week >= 0; week--) {
    const start = new Date(monday.getTime() - week * 7 * 86400000);
    const cells = [];
    for (let d = 0; d < 7; d++) {
      const date = new Date(start.getTime() + d * 86400000).toISOString().slice(0, 10);
      const n = counts[date] || 0;
      cells.push(el('td', {class: n ? 'done' : 'missed', title: `${date}: ${n} session(s)`}, n ? '✓' : '·',
        el('span', {class: 'visually-hidden'}, n ? ` ${n} session(s)` : ' no session')));
    }
    rows.push(el('tr', {}, el('th', {scope: 'row'}, start.toISOString().slice(0, 10)), ...cells));
  }
  table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
  const a = progress.adherence;
  document.getElementById('adherence-summary').textContent =
    `${a.sessionsLast7Days} of ${a.prescribedPerWeek} prescribed sessions in the last 7 days; ${a.sessionsPerWeekLast4Weeks} a week over the last four weeks.`;
}

function drawSessions(progress) {
  const rows = [...progress.series].reverse().map(s => el('tr', {},
    el('td', {}, dateText(s.completedAt)), el('td', {}, s.painBefore), el('td', {}, s.painAfter),
    el('td', {}, s.painBefore - s.painAfter),
    el('td', {}, [s.redFlag ? '▲ red flag' : '', s.sharpPain ? '◆ sharp pain' : ''].filter(Boolean).join(', ') || '–'),
    el('td', {}, s.notes || '')));
  document.querySelector('#sessions tbody').replaceChildren(...rows);
}

function drawSuggestion(progress) {
  const s = progress.suggestion;
  document.getElementById('suggestion').hidden = false;
  document.getElementById('suggestion-action').textContent = actionWords(s.action);
  document.getElementById('suggestion-reason').textContent = s.reason;
  document.getElementById('suggestion-exercises').replaceChildren(...s.exercises.map(id => el('li', {}, exerciseNames[id] || id)));
}

// --- the patient's alerts: open (not resolved yet) and past, each with its lifecycle; acknowledge the open ones ---
const alertsView = {formOpen: false, mayAcknowledge: false, message: ''};

function alertItem(a) {
  const what = `${alertVocabulary.types[a.type] ? alertVocabulary.types[a.type].label : a.type} raised ${dateText(a.raisedAt)}`;
  const action = !a.acknowledgement && alertsView.mayAcknowledge
    ? acknowledgeControl(a, what, open => { alertsView.formOpen = open; }, message => { alertsView.message = message; loadAlerts(); })
    : '';
  const item = el('li', {'data-alert-id': a.alertId, 'data-status': a.status, 'data-type': a.type},
    el('p', {class: 'alert-head'}, alertChip(a), ' ', a.summary),
    el('p', {}, alertWhen(a), el('span', {class: 'raised'}, ` · raised ${dateText(a.raisedAt)}`)),
    el('p', {}, alertOutcome(a)), action);
  if (a.late) item.classList.add('late-row');
  return item;
}

async function loadAlerts() {
  const alerts = await fetchAllPages(`/api/v1/patients/${encodeURIComponent(patientId)}/alerts?size=100`, 5);
  if (alertsView.formOpen) return;
  const open = alerts.filter(a => a.status !== 'RESOLVED');
  const past = alerts.filter(a => a.status === 'RESOLVED');
  const none = text => el('li', {class: 'none'}, text);
  document.getElementById('open-alerts').replaceChildren(...(open.length ? open.map(alertItem) : [none('No open alert.')]));
  document.getElementById('past-alerts').replaceChildren(...(past.length ? past.map(alertItem) : [none('No past alert.')]));
  document.getElementById('alerts-status').textContent = alertsView.message;
}

async function loadProgram() {
  const program = await fetchJson(`/api/v1/patients/${encodeURIComponent(patientId)}/program${clinic ? `?clinicId=${encodeURIComponent(clinic)}` : ''}`);
  document.getElementById('program-stage').textContent = stageWords(program.stage);
  const pending = program.proposals.find(p => p.decision === 'PENDING');
  const box = document.getElementById('proposal');
  box.hidden = !pending;
  if (pending) {
    box.dataset.proposalId = pending.id;
    document.getElementById('proposal-text').textContent =
      `move to ${stageWords(pending.toStage)} (raised ${dateText(pending.raisedAt)}): ${pending.reason}`;
  }
  document.getElementById('decisions').replaceChildren(...program.proposals.filter(p => p.decision !== 'PENDING').reverse().map(p =>
    el('li', {}, `${p.decision.toLowerCase()}: ${stageWords(p.toStage)}, ${p.decidedBy ? `by ${p.decidedBy}, ` : ''}${dateText(p.decidedAt)}`)));
  const routines = await fetchJson(`/api/v1/patients/${encodeURIComponent(patientId)}/routines?size=1`);
  if (routines.length) {
    const r = routines[0];
    document.getElementById('routine-summary').textContent =
      `${Math.round(r.plan.totalSeconds / 60)} of ${r.request.minutes} minutes, ${r.request.timeOfDay.toLowerCase()}, composed ${dateText(r.createdAt)}`
      + (r.catalogSource === 'LOCAL_COPY' ? ' (from the local catalog copy)' : '') + '.';
    document.getElementById('routine-items').replaceChildren(...r.plan.items.map(i =>
      el('li', {}, `${i.name}: ${i.sets} × ${i.reps}${i.holdSeconds ? ` × ${i.holdSeconds} s hold` : ''}${i.perSide ? ' each side' : ''} (${i.seconds} s) – ${i.reason}`)));
  }
}

// --- feedback per exercise from every session (routine-service): how it felt, whether it hurt, what the next routine does ---
const FELT = {TOO_EASY: 'too easy', ABOUT_RIGHT: 'about right', TOO_HARD: 'too hard'};

function feedbackText(entry) {
  const parts = [entry.felt ? FELT[entry.felt] || entry.felt : 'no rating'];
  if (entry.hurt) parts.push('hurt');
  return `${dateText(entry.completedAt)}: ${parts.join(', ')}`;
}

async function loadFeedback() {
  const response = await fetch(`/api/v1/patients/${encodeURIComponent(patientId)}/exercise-feedback`, {headers: {Accept: 'application/json'}});
  if (response.status === 404) return; // nothing logged for this patient here yet
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const feedback = await response.json();
  const table = document.getElementById('feedback');
  table.hidden = feedback.exercises.length === 0;
  const hurt = feedback.exercises.filter(e => e.entries.length && e.entries[0].hurt).length;
  document.getElementById('feedback-summary').textContent = feedback.exercises.length === 0 ? 'No feedback per exercise yet.'
    : `${feedback.exercises.length} exercise(s) rated; ${hurt} hurt last time.`
      + (feedback.redFlagOpen ? ' A red flag is open: no exercise is progressed until it is acknowledged.' : '');
  table.querySelector('tbody').replaceChildren(...feedback.exercises.map(e => {
    const row = el('tr', {'data-exercise-id': e.exerciseId},
      el('th', {scope: 'row'}, e.name),
      el('td', {}, el('ul', {class: 'feedback-entries'}, ...e.entries.map(entry =>
        el('li', {class: entry.hurt ? 'hurt' : ''}, (entry.hurt ? '◆ ' : '') + feedbackText(entry))))),
      el('td', {}, e.nextRoutine || 'unchanged'));
    return row;
  }));
}

// --- monitoring days: the period holding today, its qualifying sessions, earlier periods (GET .../monitoring) ---
const calendarDay = day => day ? new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {dateStyle: 'medium', timeZone: 'UTC'}) : '–';

async function loadMonitoring() {
  const response = await fetch(`/api/v1/patients/${encodeURIComponent(patientId)}/monitoring`, {headers: {Accept: 'application/json'}});
  if (response.status === 404) return; // no session and no monitoring start yet
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const m = await response.json();
  const p = m.period;
  const sixteen = p.reached16 ? `16 days reached on ${calendarDay(p.reached16On)}`
    : p.lostOn ? `16 days out of reach since the end of ${calendarDay(p.lostOn)}`
      : `${p.daysNeeded} more days needed for 16, ${p.daysLeft} days of the period left`;
  document.getElementById('monitoring-summary').textContent = `Period ${calendarDay(p.periodStart)} – ${calendarDay(p.periodEnd)} `
    + `(monitoring from ${calendarDay(m.monitoringStart)}, days in ${m.timeZone}): ${p.days} days with data; `
    + `${p.reached2 ? `2 days reached on ${calendarDay(p.reached2On)}` : '2 days not reached yet'}; ${sixteen}.`;
  document.getElementById('qualifying-days').replaceChildren(...p.qualifyingDays.map(d =>
    el('li', {'data-session-id': d.sessionId}, `${calendarDay(d.date)}: session ${d.sessionId}, ${dateText(d.completedAt)}`)));
  const earlier = document.getElementById('earlier-periods');
  earlier.hidden = m.earlierPeriods.length === 0;
  earlier.querySelector('tbody').replaceChildren(...m.earlierPeriods.map(e => el('tr', {},
    el('th', {scope: 'row'}, `${calendarDay(e.periodStart)} – ${calendarDay(e.periodEnd)}`), el('td', {}, e.days),
    el('td', {}, e.reached2 ? 'Reached' : 'Not reached'), el('td', {}, e.reached16 ? 'Reached' : 'Not reached'))));
}

async function decide(verb) {
  const id = document.getElementById('proposal').dataset.proposalId;
  const response = await fetch(`/api/v1/patients/${encodeURIComponent(patientId)}/program/proposals/${encodeURIComponent(id)}/${verb}`, {
    method: 'POST', headers: {'X-XSRF-TOKEN': csrfToken()}});
  document.getElementById('status').textContent = response.ok ? `Proposal ${verb === 'accept' ? 'accepted' : 'declined'}.`
    : `Could not record the decision (HTTP ${response.status}).`;
  await loadProgram();
}

async function load() {
  const progress = await fetchJson(`/api/v1/patients/${encodeURIComponent(patientId)}/progress`);
  document.getElementById('patient-status').replaceChildren(chip(progress.status));
  document.getElementById('patient-stage').textContent = ` · stage: ${stageWords(progress.stage)} (from the recent exercises)`;
  drawSuggestion(progress);
  if (progress.sessionCount !== shownSessions) {
    shownSessions = progress.sessionCount;
    drawChart(progress);
    drawCalendar(progress);
    drawSessions(progress);
  }
  await loadProgram().catch(() => {});
  await loadAlerts().catch(() => {});
  await loadFeedback().catch(() => {});
  await loadMonitoring().catch(() => {});
  const shown = progress.series.length === progress.sessionCount ? ''
    : ` (${progress.series.length} from ${progress.seriesFrom} on shown)`;
  document.getElementById('status').textContent = `${progress.sessionCount} sessions${shown}. Updated ${new Date().toLocaleTimeString()}.`;
}

async function start() {
  document.getElementById('patient-id').textContent = patientId;
  document.getElementById('sessions-csv').href = `/api/v1/patients/${encodeURIComponent(patientId)}/sessions.csv`;
  document.title = `BackTrack – ${patientId}`;
  document.getElementById('proposal-accept').addEventListener('click', () => decide('accept'));
  document.getElementById('proposal-decline').addEventListener('click', () => decide('decline'));
  const config = await signedIn().catch(() => ({roles: []}));
  alertsView.mayAcknowledge = mayAcknowledge(config);
  await loadVocabulary().catch(() => {});
  await loadAlertVocabulary().catch(() => {});
  if (clinic) document.getElementById('back').href = `/?clinic=${encodeURIComponent(clinic)}`;
  try {
    const catalog = await fetchJson('/api/v1/exercises?size=100');
    catalog.items.forEach(e => { exerciseNames[e.id] = e.name; });
  } catch (e) { /* names are a nicety; ids still show */ }
  poll(() => load().catch(error => {
    document.getElementById('status').textContent = `Could not load progress: ${error.message}`;
  }));
}

start();
