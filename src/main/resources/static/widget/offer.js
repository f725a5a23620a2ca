// <carebook-offer>: the page a waitlist offer's link opens. The token comes after '#' (never sent to a server), as
// on the manage page. The patient sees the time held for them and until when, and accepts it (it is booked, once,
// however often they press) or lets it go to the next person waiting.

import { ApiError } from './api.js';
import { html } from './html.js';

export const offer = {
  frame: 'offerFrame',
  steps: 'offerSteps',

  credential: (w) => w.getAttribute('token') || decodeURIComponent(window.location.hash.replace(/^#/, '')),

  async start(w) {
    try {
      const { data } = await w.api('GET', '/self-service/offer');
      w.state.timezone = data.timezone;
      render(w, data);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404)) {
        w.showStep(0, html`<h2 tabindex="-1">${w.t('offerHeading')}</h2>`);
        w.showMessage(w.t('linkInvalid'), 'error');
        return;
      }
      throw e;
    }
  },
};

function render(w, o, announce) {
  const open = o.status === 'open';
  const outcome = { accepted: 'offerAccepted', declined: 'offerDeclined', lapsed: 'offerLapsed' }[o.status];
  w.clearMessage();
  if (outcome) {
    w.showMessage(w.t(outcome), o.status === 'accepted' ? 'info' : 'warning');
  }
  w.showStep(open ? 0 : 1, html`<h2 tabindex="-1">${w.t(o.status === 'accepted' ? 'booked' : 'offerHeading')}</h2>
    <dl class="summary">
      <dt>${w.t('service')}</dt><dd>${o.service}</dd>
      <dt>${w.t('when')}</dt><dd data-when>${w.when(o.start_time)}</dd>
      <dt>${w.t('with')}</dt><dd>${o.clinician}</dd>
      <dt>${w.t('where')}</dt><dd>${o.is_remote ? w.t('videoAppointment') : o.location ?? ''}</dd>
      ${o.appointment_id && html`<dt>${w.t('reference')}</dt><dd>${o.appointment_id}</dd>`}
    </dl>
    ${open && html`<p class="note">${w.t('offerKeptUntil', { when: w.when(o.expires_at) })}</p>
    <div class="actions">
      <button type="button" class="primary" data-accept>${w.t('offerAccept')}</button>
      <button type="button" data-decline>${w.t('offerDecline')}</button>
    </div>`}`);
  if (announce) {
    w.announce(announce);
  }
  w.root.querySelector('[data-accept]')?.addEventListener('click', () => answer(w, 'accept', 'offerAccepted'));
  w.root.querySelector('[data-decline]')?.addEventListener('click', () => answer(w, 'decline', 'offerDeclined'));
}

function answer(w, action, said) {
  w.run(async () => {
    try {
      const { data } = await w.api('POST', `/self-service/offer/${action}`);
      render(w, data, w.t(said));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        const { data } = await w.api('GET', '/self-service/offer');
        render(w, data);
        return;
      }
      throw e;
    }
  });
}
