'use strict';

// Statuses that need a clinician first, in order of urgency.
const ATTENTION = ['RED_FLAG', 'WORSENING', 'PLATEAU', 'INSUFFICIENT_DATA', 'IMPROVING', 'RECOVERED'];
const LABELS = {
  RED_FLAG: 'Red flag', WORSENING: 'Worsening', PLATEAU: 'Plateau', INSUFFICIENT_DATA: 'Too early to tell',
  IMPROVING: 'Improving', RECOVERED: 'Recovered'
};

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.appendChild(td);
  return td;
}

function change(trend) {
  if (!trend || trend.changePoints === null) return '–';
  const sign = trend.changePoints > 0 ? '+' : '';
  const pct = trend.changePercent === null ? '' : ` (${sign}${Math.round(trend.changePercent)}%)`;
  return `${sign}${trend.changePoints.toFixed(1)} points${pct}`;
}

async function load() {
  const params = new URLSearchParams(location.search);
  const config = await (await fetch('/dashboard/config')).json();
  const clinic = params.get('clinic') || config.defaultClinic;
  document.getElementById('clinic-name').textContent = clinic;
  const response = await fetch(`/api/v1/clinics/${encodeURIComponent(clinic)}/patients`);
  const status = document.getElementById('status');
  if (!response.ok) {
    status.textContent = `Could not load patients (HTTP ${response.status}).`;
    return;
  }
  const patients = await response.json();
  patients.sort((a, b) => ATTENTION.indexOf(a.status) - ATTENTION.indexOf(b.status) || a.patientId.localeCompare(b.patientId));
  const body = document.querySelector('#patients tbody');
  body.replaceChildren();
  for (const p of patients) {
    const row = document.createElement('tr');
    row.dataset.patientId = p.patientId;
    cell(row, p.patientId);
    const chip = document.createElement('span');
    chip.className = `chip ${p.status}`;
    chip.textContent = LABELS[p.status] || p.status;
    cell(row, '').appendChild(chip);
    cell(row, String(p.sessionCount));
    cell(row, p.currentPain === null ? '–' : `${p.currentPain}/10`);
    cell(row, change(p.trend));
    cell(row, `${p.adherence.sessionsLast7Days} of ${p.adherence.prescribedPerWeek}`);
    cell(row, new Date(p.lastSessionAt).toLocaleString());
    cell(row, p.suggestedAction.replaceAll('_', ' ').toLowerCase());
    body.appendChild(row);
  }
  status.textContent = `${patients.length} patients.`;
  document.getElementById('patients').hidden = false;
}

load().catch(error => { document.getElementById('status').textContent = `Could not load patients: ${error}`; });
