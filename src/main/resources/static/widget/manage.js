// <carebook-manage>: the page a patient's manage link opens. The token comes after '#' in the address (never
// sent to a server, so never in an access log) or from the token attribute. The patient sees the appointment
// and may cancel it or move it within the clinic's rules: a new time is held like any other, and the move
// happens only when they confirm it. The times step is the booking widget's own.

import { ApiError } from './api.js';
import { html } from './html.js';

export const manage = {
  frame: 'manageFrame',
  steps: 'manageSteps',

  credential: (w) => w.getAttribute('token') || decodeURIComponent(window.location.hash.replace(/^#/, '')),

  async start(w, message, kind) {
    try {
      const { data } = await w.api('GET', '/self-service/appointment');
      w.state.appointment = data;
      w.state.timezone = data.timezone;
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404)) {
        w.showStep(0, html`<h2 tabindex="-1">${w.t('yourAppointment')}</h2>`);
        w.showMessage(w.t('linkInvalid'), 'error');
        return;
      }
      throw e;
    }
    renderAppointment(w, message, kind);
  },

  async fetchSlots(w, startDate, endDate) {
    const query = new URLSearchParams({ start_date: startDate, end_date: endDate });
    const { data } = await w.api('GET', `/self-service/appointment/availability?${query}`);
    return data;
  },

  /** The same clinician throughout: one choice per time. */
  choices: (w) => w.visibleSlots().map((slot) => ({ key: w.slotKey(slot), slot, anyClinician: false })),

  backFromTimes: (w) => html`<button type="button" data-back>${w.t('keep')}</button>`,

  async placeHold(w, choice) {
    const { data } = await w.api('POST', '/self-service/appointment/holds', { start_time: choice.slot.start_time });
    return data;
  },

  /** A patient's hold is left to expire: releasing takes a key that may release any hold. */
  async releaseHold(w) {
    w.state.hold = null;
    w.stopCountdown();
  },

  afterHold: (w) => renderMove(w),
};

function renderAppointment(w, message, kind) {
  const a = w.state.appointment;
  const status = { confirmed: 'statusConfirmed', pending: 'statusPending', cancelled: 'statusCancelled' }[a.status] ?? 'statusOther';
  const open = a.status === 'confirmed' || a.status === 'pending';
  const rules = [
    a.can_cancel && a.cancel_until && w.t('cancelUntil', { when: w.when(a.cancel_until) }),
    a.can_reschedule && a.reschedule_until && w.t('rescheduleUntil', { when: w.when(a.reschedule_until) }),
    a.can_reschedule && a.reschedules_left != null && w.t('reschedulesLeft', { n: a.reschedules_left }),
  ].filter(Boolean);
  const locked = open && !a.can_cancel && !a.can_reschedule;
  if (message) {
    w.showMessage(message, kind);
  } else {
    w.clearMessage();
  }
  // After a change the progress shows it done; the buttons stay for whatever the rules still allow.
  w.showStep(message ? 3 : 0, html`<h2 tabindex="-1">${w.t('yourAppointment')}</h2>
    <dl class="summary">
      <dt>${w.t('service')}</dt><dd>${a.service}</dd>
      <dt>${w.t('when')}</dt><dd data-when>${w.when(a.start_time)}</dd>
      <dt>${w.t('with')}</dt><dd>${a.clinician}</dd>
      <dt>${w.t('where')}</dt><dd>${a.is_remote ? w.t('videoAppointment') : a.location ?? ''}</dd>
      <dt>${w.t('status')}</dt><dd data-status>${w.t(status)}</dd>
      <dt>${w.t('reference')}</dt><dd>${a.id}</dd>
    </dl>
    ${rules.map((rule) => html`<p class="note">${rule}</p>`)}
    ${locked && html`<p class="message warning">${a.clinic_phone ? w.t('cannotChange', { phone: a.clinic_phone }) : w.t('cannotChangeNoPhone')}</p>`}
    <div class="actions">
      ${a.can_reschedule && html`<button type="button" class="primary" data-reschedule>${w.t('chooseNewTime')}</button>`}
      ${a.can_cancel && html`<button type="button" data-cancel>${w.t('cancelAppointment')}</button>`}
    </div>`);
  w.root.querySelector('[data-reschedule]')?.addEventListener('click', () => w.run(async () => {
    w.state.service = { name: a.service };
    await w.loadTimes();
  }));
  w.root.querySelector('[data-cancel]')?.addEventListener('click', () => renderCancel(w));
}

function renderCancel(w) {
  const a = w.state.appointment;
  w.showStep(0, html`<h2 tabindex="-1">${w.t('cancelAppointment')}</h2>
    <p>${w.t('serviceWith', { service: a.service, clinician: a.clinician })},
      ${w.when(a.start_time)}</p>
    <form novalidate>
      <div class="field">
        <label for="cb-reason">${w.t('cancelReason')} ${w.t('optional')}</label>
        <textarea id="cb-reason" name="reason" rows="3" maxlength="4000"></textarea>
      </div>
      <div class="actions">
        <button type="submit" class="primary">${w.t('confirmCancel')}</button>
        <button type="button" data-keep>${w.t('keep')}</button>
      </div>
    </form>`);
  w.root.querySelector('[data-keep]').addEventListener('click', () => renderAppointment(w));
  w.root.querySelector('form').addEventListener('submit', (e) => {
    e.preventDefault();
    const reason = String(new FormData(e.target).get('reason') ?? '').trim();
    w.run(async () => {
      const { data } = await w.api('POST', '/self-service/appointment/cancel', reason ? { reason } : {});
      w.state.appointment = data;
      renderAppointment(w, w.t('cancelledAnnounce'), 'info');
      w.announce(w.t('cancelledAnnounce'));
    });
  });
}

function renderMove(w) {
  w.showStep(2, html`<h2 tabindex="-1">${w.t('moveTo', { when: w.when(w.state.hold.start_time) })}</h2>
    ${w.countdown()}
    <div class="actions">
      <button type="button" class="primary" data-move>${w.t('confirmMove')}</button>
      <button type="button" data-back>${w.t('chooseAnother')}</button>
    </div>`);
  w.startCountdown();
  w.backToTimes();
  w.root.querySelector('[data-move]').addEventListener('click', () => w.run(async () => {
    try {
      const { data } = await w.api('POST', '/self-service/appointment/reschedule', { hold_id: w.state.hold.id });
      w.stopCountdown();
      w.state.hold = null;
      w.state.appointment = data;
      renderAppointment(w, w.t('movedAnnounce'), 'info');
      w.announce(w.t('movedAnnounce'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        w.expired();
        return;
      }
      throw e;
    }
  }));
}
