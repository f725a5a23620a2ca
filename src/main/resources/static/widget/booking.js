// <carebook-booking publishable-key="pk_…">: a visitor chooses a service, a time and gives their details; the
// time is held while they type and becomes an appointment when they confirm.

import { ApiError } from './api.js';
import { html } from './html.js';
import { patientFields, readPatient, showProblems } from './details.js';
import { calendarFile, linkedReferral, linkedSlot } from './time.js';
import { renderWaitlist } from './waitlist.js';

export { validate } from './details.js';

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

  /** Back to the services, and the waitlist for when none of the times suits. */
  backFromTimes: (w) => html`${!w.getAttribute('appointment-type-id') && html`<button type="button" data-back>${w.t('backToServices')}</button>`}
    <button type="button" data-waitlist>${w.t('joinWaitlist')}</button>`,

  afterTimes: (w) => w.root.querySelector('[data-waitlist]')?.addEventListener('click', () => renderWaitlist(w)),

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
  w.showStep(2, html`<h2 tabindex="-1">${w.t('yourDetails')}</h2>
    <p><strong>${service.name}</strong>: ${w.describeSlot(slot)}</p>
    ${w.countdown()}
    <form novalidate>
      ${patientFields(w)}
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

async function confirm(w, form) {
  const patient = readPatient(w, form);
  if (!patient) {
    return;
  }
  const button = w.root.querySelector('form button[type="submit"]');
  button.disabled = true;
  try {
    const referral = linkedReferral(window.location.search);
    const body = referral ? { patient, referral } : { patient };
    const { data } = await w.api('POST', `/holds/${encodeURIComponent(w.state.hold.id)}/confirm`, body);
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
