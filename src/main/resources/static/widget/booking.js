// <carebook-booking publishable-key="pk_…">: a visitor chooses a service, a time and gives their details; the
// time is held while they type and becomes an appointment when they confirm.

import { ApiError } from './api.js';
import { html } from './html.js';
import { calendarFile, linkedSlot, localDate } from './time.js';

const PATIENT_FIELDS = ['first_name', 'last_name', 'date_of_birth', 'email', 'phone'];

export const booking = {
  frame: 'frame',
  steps: 'steps',

  credential: (w) => w.getAttribute('publishable-key') ?? '',

  start: (w) => loadServices(w),

  async fetchSlots(w, startDate, endDate) {
    const query = new URLSearchParams({ appointment_type_id: w.state.service.id, start_date: startDate, end_date: endDate });
    for (const [attribute, parameter] of [['clinician-id', 'clinician_id'], ['location-id', 'location_id']]) {
      if (w.getAttribute(attribute)) {
        query.set(parameter, w.getAttribute(attribute));
      }
    }
    const { data } = await w.api('GET', `/availability?${query}`);
    return data;
  },

  /** The time a booking link chose, once: a choice, null when it is gone, undefined without a link. */
  linkedChoice(w) {
    const link = w.state.link === undefined ? linkedSlot(window.location.search) : w.state.link;
    w.state.link = null; // a booking link chooses once; going back shows every time
    if (!link || link.type !== w.state.service.id) {
      return undefined;
    }
    const slot = w.state.slots.find((s) => s.clinician_id === link.clinician
      && (!link.location || s.location_id === link.location) && Date.parse(s.start_time) === Date.parse(link.start));
    return slot ? { key: w.slotKey(slot), slot, anyClinician: false } : null;
  },

  /**
   * The times to offer: with one clinician chosen (or fixed by the page), each of their slots; with any
   * clinician, one choice per distinct time and place, held with whichever clinician the server finds free.
   */
  choices(w) {
    const fixed = w.getAttribute('clinician-id') || w.state.filters.clinician;
    const choices = new Map();
    for (const slot of w.visibleSlots()) {
      const key = fixed ? w.slotKey(slot) : `${slot.start_time}|any|${slot.location_id ?? ''}|${slot.is_remote}`;
      if (!choices.has(key)) {
        choices.set(key, { key, slot, anyClinician: !fixed });
      }
    }
    return [...choices.values()];
  },

  backFromTimes: (w) => !w.getAttribute('appointment-type-id') && html`<button type="button" data-back>${w.t('backToServices')}</button>`,

  async placeHold(w, { slot, anyClinician }) {
    const body = { appointment_type_id: w.state.service.id, start_time: slot.start_time };
    if (!anyClinician) {
      body.clinician_id = slot.clinician_id;
    }
    if (slot.location_id) {
      body.location_id = slot.location_id;
    }
    if (slot.is_remote) {
      body.is_remote = true;
    }
    const { data } = await w.api('POST', '/holds', body);
    return data;
  },

  async releaseHold(w) {
    const hold = w.state.hold;
    w.state.hold = null;
    w.stopCountdown();
    if (hold) {
      await w.api('DELETE', `/holds/${encodeURIComponent(hold.id)}`).catch(() => {});
    }
  },

  afterHold: (w) => renderDetails(w),
};

// ---- step 1: services -----------------------------------------------------------------------

async function loadServices(w) {
  const { data } = await w.api('GET', '/appointment-types');
  w.state.services = data;
  const preset = w.getAttribute('appointment-type-id') || (w.state.link !== null && linkedSlot(window.location.search)?.type);
  const chosen = preset && data.find((s) => s.id === preset);
  if (chosen) {
    w.state.service = chosen;
    await w.loadTimes();
    return;
  }
  w.clearMessage();
  w.showStep(0, html`<h2 tabindex="-1">${w.t('chooseService')}</h2>
    ${data.length === 0 && html`<p>${w.t('noServices')}</p>`}
    <ul class="plain services">${data.map((s) => html`<li><button type="button" data-service="${s.id}">
      <span>${s.name}</span>
      <span class="note">${w.t('minutes', { n: s.duration_minutes })}${s.price != null && ` · ${money(w, s.price, s.currency)}`}</span>
    </button></li>`)}</ul>`);
  w.root.querySelectorAll('[data-service]').forEach((button) => button.addEventListener('click', () => {
    w.run(async () => {
      w.state.service = data.find((s) => s.id === button.dataset.service);
      await w.loadTimes();
    });
  }));
}

function money(w, amount, currency) {
  try {
    return new Intl.NumberFormat(w.locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

// ---- step 3: patient details ----------------------------------------------------------------

function renderDetails(w) {
  const { slot, service } = w.state;
  const field = (name, label, type, autocomplete, required, hint = '') => html`<div class="field">
      <label for="cb-${name}">${w.t(label)}${!required && ` ${w.t('optional')}`}</label>
      ${hint && html`<span class="hint" id="cb-${name}-hint">${w.t(hint)}</span>`}
      <input id="cb-${name}" name="${name}" data-field="${name}" type="${type}" autocomplete="${autocomplete}"
        ${required && html`required aria-required="true"`}
        ${hint && html`aria-describedby="cb-${name}-hint"`}>
      <span class="problem" id="cb-${name}-problem"></span>
    </div>`;
  w.showStep(2, html`<h2 tabindex="-1">${w.t('yourDetails')}</h2>
    <p><strong>${service.name}</strong>: ${w.describeSlot(slot)}</p>
    ${w.countdown()}
    <form novalidate>
      ${field('first_name', 'firstName', 'text', 'given-name', true)}
      ${field('last_name', 'lastName', 'text', 'family-name', true)}
      ${birthField(w)}
      ${field('email', 'email', 'email', 'email', true, 'emailHint')}
      ${field('phone', 'phone', 'tel', 'tel', false, 'phoneHint')}
      <div class="actions">
        <button type="submit" class="primary">${w.t('confirmBooking')}</button>
        <button type="button" data-back>${w.t('chooseAnother')}</button>
      </div>
    </form>`);
  w.startCountdown();
  w.backToTimes();
  w.root.querySelector('form').addEventListener('submit', (e) => {
    e.preventDefault();
    w.run(() => confirm(w, new FormData(e.target)));
  });
}

/**
 * Date of birth as separate day, month and year boxes in the locale's order: easier to type and to
 * read back than a date picker for a date decades ago, and the same with a keyboard in every browser.
 */
function birthField(w) {
  const parts = { day: [w.t('day'), 2, 'bday-day'], month: [w.t('month'), 2, 'bday-month'], year: [w.t('year'), 4, 'bday-year'] };
  const order = new Intl.DateTimeFormat(w.locale, { day: 'numeric', month: 'numeric', year: 'numeric' })
    .formatToParts(new Date(2000, 10, 22)).map((p) => p.type).filter((t) => t in parts);
  return html`<fieldset class="field birth" aria-describedby="cb-date_of_birth-hint">
      <legend>${w.t('dateOfBirth')}</legend>
      <span class="hint" id="cb-date_of_birth-hint">${w.t('forExample', { date: new Intl.DateTimeFormat(w.locale).format(new Date(1980, 2, 27)) })}</span>
      <div class="parts">${order.map((part) => {
        const [label, size, autocomplete] = parts[part];
        return html`<label>${label}<input name="birth_${part}" data-field="date_of_birth" inputmode="numeric" maxlength="${size}"
          size="${size + 1}" autocomplete="${autocomplete}" required aria-required="true"></label>`;
      })}</div>
      <span class="problem" id="cb-date_of_birth-problem"></span>
    </fieldset>`;
}

function birthDate(form) {
  const part = (name, size) => String(form.get(`birth_${name}`) ?? '').trim().padStart(size, '0');
  return `${part('year', 4)}-${part('month', 2)}-${part('day', 2)}`;
}

/** The problems the browser can see before sending, by field, in the visitor's language. */
export function validate(form, t, today = new Date()) {
  const problems = {};
  const text = (name) => String(form.get(name) ?? '').trim();
  for (const [name, key] of [['first_name', 'enterFirstName'], ['last_name', 'enterLastName']]) {
    if (!text(name)) {
      problems[name] = t(key);
    }
  }
  const birth = birthDate(form);
  const parsed = new Date(`${birth}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birth) || Number.isNaN(parsed.getTime())
      || parsed.toISOString().slice(0, 10) !== birth) {
    problems.date_of_birth = t('enterBirth');
  } else if (birth > localDate(today) || birth < `${today.getFullYear() - 130}-01-01`) {
    problems.date_of_birth = t('enterRealBirth');
  }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text('email'))) {
    problems.email = t('enterEmail');
  }
  const phone = text('phone');
  if (phone && !/^\+?[\d\s().-]{6,20}$/.test(phone)) {
    problems.phone = t('enterPhone');
  }
  return problems;
}

function showProblems(w, problems) {
  let first = null;
  for (const name of PATIENT_FIELDS) {
    const problem = problems[name];
    w.root.querySelector(`#cb-${name}-problem`).textContent = problem ?? '';
    for (const input of w.root.querySelectorAll(`[data-field="${name}"]`)) {
      input.setAttribute('aria-invalid', problem ? 'true' : 'false');
      const described = [`cb-${name}-hint`, `cb-${name}-problem`]
        .filter((id) => w.root.getElementById(id) && (id.endsWith('hint') || problem));
      input.setAttribute('aria-describedby', described.join(' '));
      first ??= problem ? input : null;
    }
  }
  const count = Object.keys(problems).length;
  if (first) {
    first.focus();
    w.announce(count === 1 ? w.t('correctOne') : w.t('correctMany', { n: count }));
  }
}

async function confirm(w, form) {
  const problems = validate(form, (key) => w.t(key));
  showProblems(w, problems);
  if (Object.keys(problems).length) {
    return;
  }
  const patient = { date_of_birth: birthDate(form), preferred_language: w.locale };
  for (const name of ['first_name', 'last_name', 'email', 'phone']) {
    const value = String(form.get(name) ?? '').trim();
    if (value) {
      patient[name] = value;
    }
  }
  const button = w.root.querySelector('form button[type="submit"]');
  button.disabled = true;
  try {
    const { data } = await w.api('POST', `/holds/${encodeURIComponent(w.state.hold.id)}/confirm`, { patient });
    w.stopCountdown();
    w.state.hold = null;
    w.state.appointment = data;
    renderDone(w);
  } catch (e) {
    button.disabled = false;
    if (e instanceof ApiError && e.status === 404) {
      w.expired();
      return;
    }
    if (e instanceof ApiError && e.status === 422 && e.details.length) {
      showProblems(w, Object.fromEntries(e.details.map((d) => [String(d.field).replace(/^patient\./, ''), d.issue])));
      return;
    }
    throw e;
  }
}

// ---- step 4: done ---------------------------------------------------------------------------

function renderDone(w) {
  const { appointment, slot, service } = w.state;
  const file = calendarFile({
    id: appointment.id,
    start: appointment.start_time,
    end: appointment.end_time,
    summary: w.t('serviceWith', { service: service.name, clinician: slot.clinician_name }),
    location: slot.is_remote ? w.t('videoAppointment') : slot.location_name ?? '',
  });
  const calendar = new Blob([file], { type: 'text/calendar' });
  // A booking the clinic approves first is a request until it does: nothing for the calendar yet.
  const pending = appointment.status === 'pending';
  w.clearMessage();
  w.showStep(3, html`<h2 tabindex="-1">${w.t(pending ? 'requested' : 'booked')}</h2>
    ${pending && html`<p class="note">${w.t('requestedNote')}</p>`}
    <dl class="summary">
      <dt>${w.t('service')}</dt><dd>${service.name}</dd>
      <dt>${w.t('when')}</dt><dd>${w.when(appointment.start_time)}</dd>
      <dt>${w.t('with')}</dt><dd>${slot.clinician_name}</dd>
      <dt>${w.t('where')}</dt><dd>${(slot.is_remote ? w.t('videoLink') : slot.location_name) ?? ''}</dd>
      <dt>${w.t('reference')}</dt><dd>${appointment.id}</dd>
    </dl>
    ${!pending && html`<div class="actions">
      <a class="download" href="${URL.createObjectURL(calendar)}" download="appointment.ics">${w.t('addToCalendar')}</a>
    </div>`}
    <div class="actions"><button type="button" data-again>${w.t('bookAnother')}</button></div>`);
  w.announce(w.t(pending ? 'requestedAnnounce' : 'bookedAnnounce'));
  w.root.querySelector('[data-again]').addEventListener('click', () => {
    w.state.appointment = null;
    w.run(() => loadServices(w));
  });
}
