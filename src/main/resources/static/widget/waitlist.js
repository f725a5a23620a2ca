// Joining the waitlist from the booking widget: when none of the offered times suits, the visitor says which days
// and parts of the day would, and until when. When such a time comes free the clinic holds it for them and e-mails
// a link to accept it; nothing is booked until they do.

import { ApiError } from './api.js';
import { patientFields, readPatient, showProblems } from './details.js';
import { html } from './html.js';
import { localDate } from './time.js';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const PARTS = { morning: ['08:00', '12:00'], afternoon: ['12:00', '17:00'], evening: ['17:00', '21:00'] };
const WEEKS_BY_DEFAULT = 6;

export function renderWaitlist(w) {
  const until = new Date();
  until.setDate(until.getDate() + WEEKS_BY_DEFAULT * 7);
  const weekday = new Intl.DateTimeFormat(w.locale, { weekday: 'long', timeZone: 'UTC' });
  w.clearMessage();
  w.showStep(2, html`<h2 tabindex="-1">${w.t('waitlistHeading', { service: w.state.service.name })}</h2>
    <p>${w.t('waitlistIntro')}</p>
    <form novalidate>
      <fieldset class="field choices">
        <legend>${w.t('waitlistDays')}</legend>
        <span class="hint">${w.t('waitlistAny')}</span>
        <div class="options">${DAYS.map((day, i) => html`<label class="check"><input type="checkbox" name="days"
          value="${day}"> ${weekday.format(new Date(Date.UTC(2024, 0, 1 + i)))}</label>`)}</div>
      </fieldset>
      <fieldset class="field choices">
        <legend>${w.t('waitlistTimes')}</legend>
        <span class="hint">${w.t('waitlistAny')}</span>
        <div class="options">${Object.keys(PARTS).map((part) => html`<label class="check"><input type="checkbox"
          name="times" value="${part}"> ${w.t(`part_${part}`)}</label>`)}</div>
      </fieldset>
      <div class="field">
        <label for="cb-until">${w.t('waitlistUntil')}</label>
        <input id="cb-until" name="until" type="date" value="${localDate(until)}" min="${localDate(new Date())}" required
          aria-required="true">
      </div>
      ${patientFields(w)}
      <div class="actions">
        <button type="submit" class="primary">${w.t('joinWaitlist')}</button>
        <button type="button" data-back>${w.t('backToTimes')}</button>
      </div>
    </form>`);
  w.root.querySelector('[data-back]').addEventListener('click', () => w.run(() => w.loadTimes()));
  w.root.querySelector('form').addEventListener('submit', (e) => {
    e.preventDefault();
    w.run(() => join(w, new FormData(e.target)));
  });
}

async function join(w, form) {
  const patient = readPatient(w, form);
  if (!patient) {
    return;
  }
  const body = {
    appointment_type_id: w.state.service.id,
    patient,
    days: form.getAll('days'),
    times: form.getAll('times').map((part) => ({ start: PARTS[part][0], end: PARTS[part][1] })),
    until: String(form.get('until') ?? ''),
  };
  const clinician = w.getAttribute('clinician-id') || w.state.filters.clinician;
  const location = w.getAttribute('location-id') || w.state.filters.location;
  if (clinician) {
    body.clinician_id = clinician;
  }
  if (location) {
    body.location_id = location;
  }
  const button = w.root.querySelector('form button[type="submit"]');
  button.disabled = true;
  try {
    await w.api('POST', '/waitlist-entries', body);
  } catch (e) {
    button.disabled = false;
    if (e instanceof ApiError && e.status === 422 && e.details.length) {
      showProblems(w, Object.fromEntries(e.details.map((d) => [String(d.field).replace(/^patient\./, ''), d.issue])));
      return;
    }
    throw e;
  }
  w.showStep(3, html`<h2 tabindex="-1">${w.t('waitlistJoined')}</h2>
    <p>${w.t('waitlistJoinedNote', { email: patient.email })}</p>
    <div class="actions"><button type="button" data-again>${w.t('bookAnother')}</button></div>`);
  w.announce(w.t('waitlistJoined'));
  w.root.querySelector('[data-again]').addEventListener('click', () => w.run(() => w.flow.start(w)));
}
