'use strict';

// Clinic outcomes: responders, median change and adherence at the follow-ups the API answers (GET
// /api/v1/clinics/{clinicId}/outcomes?from=&to=), over time as several windows, and the distribution of change and
// adherence of the clinic's patients today (the overview's figures). Charts are inline SVG with a table of the same
// figures; nothing is loaded from elsewhere.
const outcomes = {clinic: null, request: 0};
const DAY_MILLIS = 86400000;
/** Responder rate over time: this many windows, each ending at a month's end (the last at the chosen "to"). */
const TREND_WINDOWS = 6;
/** Days of each of those windows: long enough for the 8-week follow-up (56 days between first and last session). */
const TREND_WINDOW_DAYS = 90;

const dayOf = text => new Date(`${text}T00:00:00Z`);
const plusDays = (day, n) => isoDay(new Date(dayOf(day).getTime() + n * DAY_MILLIS));
const dayWords = (day, options = {dateStyle: 'medium'}) => dayOf(day).toLocaleDateString(undefined, {...options, timeZone: 'UTC'});
const percent = share => share === null || share === undefined ? 'n/a' : `${Math.round(share * 100)}%`;
/** A change with its sign, rounded to the given decimals: "-1.6", "+2", "n/a" when there is none. */
const signed = (value, decimals = 0, unit = '') => value === null || value === undefined ? 'n/a'
  : `${value > 0 ? '+' : ''}${value.toFixed(decimals)}${unit}`;
const followUpName = f => `${f.weeks} weeks`;

function outcomesUrl(from, to, csv = false) {
  const query = new URLSearchParams();
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  return `/api/v1/clinics/${encodeURIComponent(outcomes.clinic)}/outcomes${csv ? '.csv' : ''}${query.toString() ? `?${query}` : ''}`;
}

/** A table with a caption, column headers and rows whose first cell heads the row. */
function fillTable(table, caption, headers, rows) {
  table.replaceChildren(el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...headers.map(h => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, ...rows.map(cells => el('tr', {}, el('th', {scope: 'row'}, cells[0]), ...cells.slice(1).map(c => el('td', {}, c))))));
}

function legend(target, series) {
  document.getElementById(target).replaceChildren(...series.map(s =>
    el('span', {class: 'key'}, el('span', {class: `swatch ${s.cls}`, 'aria-hidden': 'true'}), ` ${s.name}`)));
}

/**
 * Bars per group, one per series side by side (or stacked), each with its value written above it and in its title;
 * a missing value (nobody measured) is written "n/a" where its bar would be.
 *
 * @param chart {label, groups: [{name, values: [per series]}], series: [{name, cls}], max, ticks, format, stacked}
 */
function barChart(chart) {
  const width = 760, height = chart.height || 260, left = 48, right = 12, top = 20, bottom = 40;
  const plotWidth = width - left - right, plotHeight = height - top - bottom;
  const y = value => top + (1 - value / chart.max) * plotHeight;
  const root = svg('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'bar-chart', 'aria-label': chart.label});
  for (const tick of chart.ticks) {
    root.append(svg('line', {x1: left, x2: width - right, y1: y(tick), y2: y(tick), class: 'grid'}));
    root.append(svg('text', {x: left - 6, y: y(tick) + 4, class: 'axis', 'text-anchor': 'end'}, chart.format(tick)));
  }
  const groupWidth = plotWidth / chart.groups.length;
  const barWidth = Math.min(48, (groupWidth * 0.7) / (chart.stacked ? 1 : chart.series.length));
  chart.groups.forEach((group, g) => {
    const centre = left + groupWidth * (g + 0.5);
    root.append(svg('text', {x: centre, y: height - bottom + 16, class: 'axis', 'text-anchor': 'middle'}, group.name));
    let stackedTo = 0;
    group.values.forEach((value, s) => {
      const series = chart.series[s];
      const x = chart.stacked ? centre - barWidth / 2 : centre - (barWidth * chart.series.length) / 2 + barWidth * s;
      const tip = `${group.name}, ${series.name}: ${value === null || value === undefined ? 'n/a' : chart.format(value)}`;
      if (value === null || value === undefined) {
        root.append(svg('text', {x: x + barWidth / 2, y: y(0) - 4, class: 'axis', 'text-anchor': 'middle'}, 'n/a'));
        return;
      }
      const from = chart.stacked ? stackedTo : 0;
      stackedTo = from + value;
      const bar = svg('rect', {x, width: barWidth - 2, y: y(from + value), height: Math.max(0, y(from) - y(from + value)),
        class: `bar ${series.cls}`});
      bar.append(svg('title', {}, tip));
      root.append(bar);
      if (!chart.stacked) {
        root.append(svg('text', {x: x + barWidth / 2 - 1, y: y(value) - 4, class: 'bar-value', 'text-anchor': 'middle'}, chart.format(value)));
      }
    });
    if (chart.stacked && stackedTo > 0) {
      root.append(svg('text', {x: centre, y: y(stackedTo) - 4, class: 'bar-value', 'text-anchor': 'middle'}, chart.format(stackedTo)));
    }
  });
  root.append(svg('line', {x1: left, x2: width - right, y1: y(0), y2: y(0), class: 'axis-line'}));
  return root;
}

// --- the chosen window: one row per follow-up ---------------------------------------------------------------------
function drawSummary(answer) {
  document.getElementById('summary-caption').textContent =
    `Outcomes from ${dayWords(answer.from)} to ${dayWords(answer.to)}, per follow-up`;
  document.getElementById('summary-intro').textContent =
    `${answer.patientsWithData} patients with at least one session from ${dayWords(answer.from)} to ${dayWords(answer.to)}.`;
  document.querySelector('#summary tbody').replaceChildren(...answer.followUps.map(f =>
    el('tr', {'data-weeks': String(f.weeks)},
      el('th', {scope: 'row'}, followUpName(f)),
      el('td', {}, f.eligible), el('td', {}, f.measured), el('td', {}, f.responders),
      el('td', {class: 'responder-share'}, percent(f.responderShare)),
      el('td', {}, signed(f.medianChangePoints, 1)), el('td', {}, signed(f.medianChangePercent, 0, '%')),
      el('td', {}, percent(f.medianAdherence)))));
  document.getElementById('summary').hidden = false;
}

// --- the same figures per starting stage (words from GET /api/v1/vocabulary) and per program (the API's key) -------
function drawGroups(answer) {
  const weeks = answer.followUps.map(f => f.weeks);
  const headers = first => [first, 'Patients with data', ...weeks.flatMap(w => [`Responders at ${w} weeks (of measured)`, `Rate at ${w} weeks`])];
  const cells = (name, group) => [name, String(group.patientsWithData), ...weeks.flatMap(w => {
    const f = group.followUps.find(x => x.weeks === w);
    return f ? [`${f.responders} of ${f.measured}`, percent(f.responderShare)] : ['n/a', 'n/a'];
  })];
  const window = `from ${dayWords(answer.from)} to ${dayWords(answer.to)}`;
  fillTable(document.getElementById('by-stage'), `Responders by the stage of the program at each patient's first session, ${window}`,
    headers('Starting stage'), (answer.byStartingStage || []).map(g => cells(stageWords(g.key), g)));
  fillTable(document.getElementById('by-program'), `Responders by program (its starting focus), ${window}`,
    headers('Program'), (answer.byProgram || []).map(g => cells(g.key, g)));
  const p = answer.plateausAfterStageChange;
  document.getElementById('plateaus').textContent = !p ? '' : `Plateaus followed by a stage change: ${p.plateausWithStageChange}; `
    + `${p.improved} of ${p.measured} measured improved again within ${p.weeks} weeks (${percent(p.improvedShare)}).`;
}

// --- over time: windows of TREND_WINDOW_DAYS days ending at each of the last month ends ---------------------------
function trendWindows(to) {
  const last = dayOf(to);
  const windows = [];
  for (let k = TREND_WINDOWS - 1; k >= 0; k--) {
    // day 0 of the next month is the last day of this one
    const end = k === 0 ? to : isoDay(new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - k + 1, 0)));
    windows.push({from: plusDays(end, 1 - TREND_WINDOW_DAYS), to: end});
  }
  return windows;
}

function drawTrend(windows, answers) {
  const weeks = answers.find(a => a) ? answers.find(a => a).followUps.map(f => f.weeks) : [];
  const series = weeks.map((w, i) => ({name: `${w}-week follow-up`, cls: `series-${i}`}));
  const groups = windows.map((w, i) => ({
    name: `to ${dayWords(w.to, {month: 'short', day: 'numeric'})}`,
    values: weeks.map(wk => {
      const f = answers[i] && answers[i].followUps.find(x => x.weeks === wk);
      return f ? f.responderShare : null;
    })
  }));
  const described = groups.map(g => `${g.name}: ${g.values.map((v, s) => `${series[s].name} ${percent(v)}`).join(', ')}`).join('; ');
  document.getElementById('rate-intro').textContent = `Share of measured patients who responded, in ${TREND_WINDOWS} windows `
    + `of ${TREND_WINDOW_DAYS} days each, ending at each month's end up to ${dayWords(windows[windows.length - 1].to)}.`;
  legend('rate-legend', series);
  document.getElementById('rate-chart').replaceChildren(barChart({
    label: `Responder rate per ${TREND_WINDOW_DAYS}-day window. ${described}.`, groups, series, max: 1,
    ticks: [0, 0.25, 0.5, 0.75, 1], format: percent}));
  fillTable(document.getElementById('rate-table'), `Responder rate per ${TREND_WINDOW_DAYS}-day window`,
    ['Window', 'Patients with data', ...weeks.flatMap(w => [`Responders at ${w} weeks (of measured)`, `Rate at ${w} weeks`])],
    windows.map((w, i) => [`${dayWords(w.from)} – ${dayWords(w.to)}`, answers[i] ? String(answers[i].patientsWithData) : 'n/a',
      ...weeks.flatMap(wk => {
        const f = answers[i] && answers[i].followUps.find(x => x.weeks === wk);
        return f ? [`${f.responders} of ${f.measured}`, percent(f.responderShare)] : ['n/a', 'n/a'];
      })]));
  return {weeks, series, groups};
}

function drawAdherence(windows, answers, rows) {
  const weeks = answers.find(a => a) ? answers.find(a => a).followUps.map(f => f.weeks) : [];
  const series = weeks.map((w, i) => ({name: `median over ${w} weeks`, cls: `series-${i}`}));
  // the clinic's patients today: sessions of the last 7 days against the prescription (the overview's figure)
  const bins = [[0, 0.25, 'under 25%'], [0.25, 0.5, '25–49%'], [0.5, 0.75, '50–74%'], [0.75, 1, '75–99%'], [1, Infinity, '100% or more']];
  const counts = bins.map(([lo, hi]) => rows.filter(r => r.adherence && r.adherence.ratio >= lo && r.adherence.ratio < hi).length);
  const groups = windows.map((w, i) => ({
    name: `to ${dayWords(w.to, {month: 'short', day: 'numeric'})}`,
    values: weeks.map(wk => {
      const f = answers[i] && answers[i].followUps.find(x => x.weeks === wk);
      return f ? f.medianAdherence : null;
    })
  }));
  document.getElementById('adherence-intro').textContent = `Median adherence of the eligible patients over each follow-up `
    + `(sessions against the prescription, week by week), in the same ${TREND_WINDOW_DAYS}-day windows; below, the clinic's `
    + `patients today by their sessions of the last 7 days against the prescription.`;
  legend('adherence-legend', [...series, {name: 'patients today', cls: 'series-today'}]);
  const today = barChart({label: `Patients today by sessions of the last 7 days against the prescription: `
      + bins.map((b, i) => `${b[2]} ${counts[i]}`).join(', '),
    groups: bins.map((b, i) => ({name: b[2], values: [counts[i]]})), series: [{name: 'patients', cls: 'series-today'}], height: 200,
    max: Math.max(1, ...counts), ticks: niceTicks(Math.max(1, ...counts)), format: v => String(Math.round(v))});
  document.getElementById('adherence-chart').replaceChildren(barChart({
    label: `Median adherence per ${TREND_WINDOW_DAYS}-day window. `
      + groups.map(g => `${g.name}: ${g.values.map((v, s) => `${series[s].name} ${percent(v)}`).join(', ')}`).join('; ') + '.',
    groups, series, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1], format: percent}), today);
  fillTable(document.getElementById('adherence-table'), 'Median adherence per window, then the patients of today',
    ['Window or group', ...weeks.map(w => `Median adherence over ${w} weeks`)],
    [...windows.map((w, i) => [`${dayWords(w.from)} – ${dayWords(w.to)}`, ...groups[i].values.map(percent)]),
      ...bins.map((b, i) => [`Patients today at ${b[2]} of their prescription`, `${counts[i]} patients`, ...weeks.slice(1).map(() => '')])]);
}

function niceTicks(max) {
  const step = Math.max(1, Math.ceil(max / 4));
  const ticks = [];
  for (let t = 0; t <= max; t += step) ticks.push(t);
  return ticks;
}

// --- distribution of change: the clinic's patients today, change since their first week in whole points ---------
function drawChange(rows) {
  const measured = rows.filter(r => r.trend && r.trend.changePoints !== null && r.trend.changePoints !== undefined);
  const points = measured.map(r => Math.max(-10, Math.min(10, Math.round(r.trend.changePoints))));
  const lo = Math.min(-4, ...points), hi = Math.max(2, ...points);
  const bins = [];
  for (let p = lo; p <= hi; p++) {
    const inBin = measured.filter((r, i) => points[i] === p);
    bins.push({points: p, improved: inBin.filter(r => r.trend.meaningfulImprovement).length,
      other: inBin.filter(r => !r.trend.meaningfulImprovement).length});
  }
  const series = [{name: 'meaningful improvement', cls: 'series-0'}, {name: 'other patients', cls: 'series-other'}];
  legend('change-legend', series);
  const max = Math.max(1, ...bins.map(b => b.improved + b.other));
  document.getElementById('change-chart').replaceChildren(barChart({
    label: `Change in pain since the first week of ${measured.length} patients, in points: `
      + bins.filter(b => b.improved + b.other).map(b => `${signed(b.points)}: ${b.improved + b.other} (${b.improved} meaningful)`).join(', ')
      + (measured.length ? '' : 'none yet'),
    groups: bins.map(b => ({name: signed(b.points), values: [b.improved, b.other]})), series, stacked: true, height: 200,
    max, ticks: niceTicks(max), format: v => String(Math.round(v))}));
  fillTable(document.getElementById('change-table'), `Patients by change in pain since their first week (${measured.length} with a first week and a last week)`,
    ['Change (points)', 'Patients', 'Of them with a meaningful improvement'],
    bins.map(b => [signed(b.points), String(b.improved + b.other), String(b.improved)]));
  document.getElementById('change-intro').textContent = `Change in pain since each patient's first week, rounded to whole `
    + `points, for the ${measured.length} patients of the clinic today who have one (the overview's figure); below zero is `
    + `less pain. A meaningful improvement reaches the minimal important change at the patient's baseline.`;
}

async function load(from, to) {
  const request = ++outcomes.request;
  document.getElementById('status').textContent = 'Loading outcomes…';
  const response = await fetch(outcomesUrl(from, to), {headers: {Accept: 'application/json'}});
  if (response.status === 401) location.reload();
  if (!response.ok) {
    // a window the service refuses: its problem document names the field and why
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || `HTTP ${response.status}`);
  }
  const answer = await response.json();
  if (request !== outcomes.request) return;
  document.getElementById('from').value = answer.from;
  document.getElementById('to').value = answer.to;
  document.getElementById('outcomes-csv').href = outcomesUrl(answer.from, answer.to, true);
  history.replaceState(null, '', `${location.pathname}?from=${answer.from}&to=${answer.to}`);
  drawSummary(answer);
  drawGroups(answer);
  const windows = trendWindows(answer.to);
  const [answers, rows] = await Promise.all([
    Promise.all(windows.map(w => fetchJson(outcomesUrl(w.from, w.to)).catch(() => null))),
    fetchAllPages(`/api/v1/clinics/${encodeURIComponent(outcomes.clinic)}/patients?size=200`).catch(() => [])]);
  if (request !== outcomes.request) return;
  drawTrend(windows, answers);
  drawChange(rows);
  drawAdherence(windows, answers, rows);
  document.getElementById('status').textContent = `Outcomes from ${dayWords(answer.from)} to ${dayWords(answer.to)}: `
    + answer.followUps.map(f => `${percent(f.responderShare)} responders at ${f.weeks} weeks (${f.responders} of ${f.measured})`).join(', ')
    + `. Updated ${new Date().toLocaleTimeString()}.`;
}

async function start() {
  const config = await signedIn();
  outcomes.clinic = config.clinicId; // the signed-in user's clinic; the services refuse any other
  await loadVocabulary().catch(() => {}); // stage words; without them the stage's name shows
  document.getElementById('clinic-name').textContent = outcomes.clinic;
  const query = new URLSearchParams(location.search);
  const valid = value => value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
  const show = (from, to) => load(from, to).catch(error => {
    document.getElementById('status').textContent = `Could not load outcomes: ${error.message}`;
  });
  document.getElementById('window-controls').addEventListener('submit', event => {
    event.preventDefault();
    show(document.getElementById('from').value, document.getElementById('to').value);
  });
  await show(valid(query.get('from')), valid(query.get('to')));
}

start();
