'use strict';
// The patient's own routine, step by step, from GET /api/v1/routines/{id}/timeline: the page keeps the clock, the
// timeline says what each second holds (no arithmetic of its own beyond counting down a step).

const KINDS = {GET_READY: 'Get ready', HOLD: 'Hold', REPS: 'Reps', SWITCH_SIDES: 'Switch sides', REST: 'Rest'};
const SIDES = {LEFT: 'left side', RIGHT: 'right side'};
const TICK_MS = 200;
const player = {steps: [], total: 0, index: 0, remainingMs: 0, running: false, last: 0, done: false};
let patientId = null;

function clockText(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** What to do in a step, in words. */
function stepText(step) {
  const side = step.side ? ` – ${SIDES[step.side] || step.side}` : '';
  const set = step.sets > 1 && step.set ? ` (set ${step.set} of ${step.sets})` : '';
  switch (step.kind) {
    case 'HOLD': return `Hold${side}: ${step.count > 1 ? `${step.count} × ` : ''}${step.secondsPerRep} s${set}`;
    case 'REPS': return `${step.count} reps${side}, ${step.secondsPerRep} s each${set}`;
    case 'REST': return `Rest${set ? ` before set ${step.set + 1}` : ''}`;
    default: return KINDS[step.kind] || step.kind;
  }
}

function show() {
  const step = player.steps[player.index];
  document.getElementById('step-position').textContent = `Step ${player.index + 1} of ${player.steps.length}`;
  document.getElementById('exercise-name').textContent = step.exerciseName;
  document.getElementById('step-kind').textContent = player.done ? 'Done – well done!' : stepText(step);
  document.getElementById('cue').textContent = step.cue || '';
  document.getElementById('stop-if').replaceChildren(...(step.stopIf || []).map(text => el('li', {}, text)));
  const next = player.steps[player.index + 1];
  document.getElementById('next-up').textContent = next ? `Next: ${stepText(next)}, ${next.exerciseName}` : 'Last step.';
  document.getElementById('next').disabled = player.done;
  showClock();
}

function showClock() {
  const step = player.steps[player.index];
  document.getElementById('countdown').textContent = clockText(player.remainingMs / 1000);
  const elapsed = player.done ? player.total : step.startSeconds + step.durationSeconds - player.remainingMs / 1000;
  const overall = document.getElementById('overall');
  overall.max = player.total;
  overall.value = Math.max(0, elapsed);
  document.getElementById('overall-text').textContent = `${clockText(elapsed)} of ${clockText(player.total)}`;
  document.getElementById('start-pause').textContent = player.done ? 'Start again' : player.running ? 'Pause'
    : elapsed > 0 ? 'Resume' : 'Start';
}

function announce() {
  const step = player.steps[player.index];
  document.getElementById('announce').textContent = player.done ? 'Routine done.'
    : `${stepText(step)}, ${step.exerciseName}. ${step.cue || ''}`;
}

function goTo(index) {
  if (index >= player.steps.length) {
    player.index = player.steps.length - 1;
    player.remainingMs = 0;
    player.running = false;
    player.done = true;
  } else {
    player.index = index;
    player.remainingMs = player.steps[index].durationSeconds * 1000;
  }
  show();
  announce();
}

function tick() {
  const now = performance.now();
  if (player.running) {
    player.remainingMs -= now - player.last;
    if (player.remainingMs <= 0) goTo(player.index + 1); else showClock();
  }
  player.last = now;
}

function startOrPause() {
  if (player.done) {
    player.done = false;
    goTo(0);
  }
  player.running = !player.running;
  player.last = performance.now();
  if (player.running) announce();
  showClock();
}

async function play(routineId) {
  const timeline = await fetchJson(`/api/v1/routines/${encodeURIComponent(routineId)}/timeline`);
  if (!timeline.steps.length) {
    document.getElementById('status').textContent = 'Your routine has no steps; ask your clinic.';
    return;
  }
  player.steps = timeline.steps;
  player.total = timeline.totalSeconds;
  document.getElementById('player').hidden = false;
  document.getElementById('compose').hidden = true;
  document.getElementById('status').textContent =
    `${timeline.steps.length} steps, ${clockText(timeline.totalSeconds)} in all. Press Start when you are ready.`;
  goTo(0);
  document.getElementById('announce').textContent = '';
}

async function compose() {
  const hour = new Date().getHours();
  const response = await fetch('/api/v1/routines', {method: 'POST',
    headers: {'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken()},
    body: JSON.stringify({patientId, minutes: Number(document.getElementById('minutes').value),
      timeOfDay: hour < 12 ? 'MORNING' : hour >= 17 ? 'EVENING' : 'ANY'})});
  if (!response.ok) {
    document.getElementById('status').textContent = `Could not make a routine (HTTP ${response.status}); try again shortly.`;
    return;
  }
  await play((await response.json()).id);
}

async function start() {
  document.getElementById('start-pause').addEventListener('click', startOrPause);
  document.getElementById('next').addEventListener('click', () => goTo(player.index + 1));
  document.getElementById('compose-button').addEventListener('click', () => compose().catch(error => {
    document.getElementById('status').textContent = `Could not make a routine: ${error.message}`;
  }));
  setInterval(tick, TICK_MS);
  const config = await signedIn();
  patientId = config.patientId;
  if (!patientId) {
    document.getElementById('status').textContent = 'This page is for patients: sign in with your patient account.';
    return;
  }
  const latest = await fetchJson(`/api/v1/patients/${encodeURIComponent(patientId)}/routines?size=1`);
  if (latest.length) {
    await play(latest[0].id);
  } else {
    document.getElementById('compose').hidden = false;
    document.getElementById('status').textContent = 'No routine yet.';
  }
}

start().catch(error => { document.getElementById('status').textContent = `Could not load your routine: ${error.message}`; });
