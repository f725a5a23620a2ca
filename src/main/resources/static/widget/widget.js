// The element both pages are made of: a frame with progress, a message line and one step at a time, the times
// step and the hold's countdown. What differs between booking and managing a booking is a flow (booking.js,
// manage.js) that the element is given, not a subclass.

import { ApiError, NetworkError, callApi } from './api.js';
import { html, render } from './html.js';
import { styleSheet } from './style.js';
import { bundleFor, translate } from './text.js';
import { localDate, wallClock } from './time.js';

const DAYS = 14;
const WARN_SECONDS = 120;

/** A custom element class that runs `flow`. */
export function widgetElement(flow) {
  return class extends HTMLElement {
    static observedAttributes = ['publishable-key', 'api-base', 'location-id', 'clinician-id', 'appointment-type-id', 'locale'];

    constructor() {
      super();
      this.flow = flow;
      this.root = this.attachShadow({ mode: 'open' });
      this.state = { step: 0, services: [], slots: [], filters: { videoOnly: false, clinician: '', location: '' } };
      this.timer = null;
      this.text = {};
    }

    connectedCallback() {
      this.root.adoptedStyleSheets = [styleSheet()];
      render(this.root, html`<section class="frame">
          <ol class="progress"></ol>
          <div class="visually-hidden" role="status" aria-live="polite" data-live></div>
          <div data-message></div>
          <div data-step></div>
        </section>`);
      this.live = this.root.querySelector('[data-live]');
      this.run(async () => {
        await this.loadText();
        await this.flow.start(this);
      });
    }

    disconnectedCallback() {
      this.stopCountdown();
    }

    /** The texts of the page's language: the locale attribute, else the browser's, else English. */
    async loadText() {
      this.text = await bundleFor(this.locale);
      this.root.querySelector('section.frame').setAttribute('aria-label', this.t(this.flow.frame));
      this.root.querySelector('ol.progress').setAttribute('aria-label', this.t('progress'));
    }

    t(key, values = {}) {
      return translate(this.text, key, values);
    }

    get locale() {
      return this.getAttribute('locale') || navigator.language || 'en';
    }

    get apiBase() {
      const base = this.getAttribute('api-base') || `${new URL(import.meta.url).origin}/v1`;
      return base.replace(/\/+$/, '');
    }

    api(method, path, body) {
      return callApi({
        base: this.apiBase,
        credential: this.flow.credential(this),
        method,
        path,
        body,
        busy: (seconds) => this.showMessage(this.t('busy', { seconds }), 'warning'),
      });
    }

    /** Runs a step's work; a failure shows a message with a button that runs the same work again. */
    async run(work) {
      try {
        await work();
      } catch (e) {
        if (!(e instanceof NetworkError) && !(e instanceof ApiError)) {
          throw e;
        }
        const text = e instanceof NetworkError ? this.t('offline') : this.failure(e);
        this.showMessage(text, 'error', () => this.run(work));
      }
    }

    /** What to tell the visitor of an API refusal; a refusal that says what to do is shown as it is. */
    failure(e) {
      if (e.reason === 'too_many_holds') {
        return this.t('tooManyHolds');
      }
      return e.status === 409 && e.reason !== 'slot_taken' ? e.message : this.t('failed', { message: e.message });
    }

    // ---- the times step ---------------------------------------------------------------------

    async loadTimes(message, kind) {
      const today = new Date();
      const last = new Date(today.getFullYear(), today.getMonth(), today.getDate() + DAYS - 1);
      this.state.slots = await this.flow.fetchSlots(this, localDate(today), localDate(last));
      const chosen = this.flow.linkedChoice?.(this);
      if (chosen) {
        await this.hold(chosen);
        return;
      }
      if (chosen === null) {
        message = this.t('taken');
        kind = 'warning';
      }
      if (message) {
        this.showMessage(message, kind);
      } else {
        this.clearMessage();
      }
      this.renderTimes();
    }

    visibleSlots() {
      const { videoOnly, clinician, location } = this.state.filters;
      return this.state.slots.filter((s) => (!videoOnly || s.is_remote)
        && (!clinician || s.clinician_id === clinician)
        && (!location || s.location_id === location));
    }

    /** The 14 days from today, each with its choices (in the clinic's wall clock). */
    days(choices) {
      const byDate = new Map();
      for (const choice of choices) {
        const date = choice.slot.start_time.slice(0, 10);
        byDate.set(date, [...(byDate.get(date) ?? []), choice]);
      }
      const today = new Date();
      return Array.from({ length: DAYS }, (_, i) => {
        const date = localDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() + i));
        return { date, choices: byDate.get(date) ?? [] };
      });
    }

    renderTimes() {
      const { filters, slots, service } = this.state;
      const clinicians = new Map(slots.map((s) => [s.clinician_id, s.clinician_name]));
      const locations = new Map(slots.filter((s) => s.location_id).map((s) => [s.location_id, s.location_name]));
      const days = this.days(this.flow.choices(this));
      const open = days.filter((d) => d.choices.length);
      if (!open.some((d) => d.date === this.state.day)) {
        this.state.day = open[0]?.date;
      }
      const chosen = days.find((d) => d.date === this.state.day);
      const next = open.find((d) => d.date > this.state.day);
      const options = (map, selected) => [...map].map(([id, name]) =>
        html`<option value="${id}" ${id === selected && html`selected`}>${name}</option>`);
      const dayName = new Intl.DateTimeFormat(this.locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
      const dayLong = new Intl.DateTimeFormat(this.locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });
      const asUtc = (date) => new Date(`${date}T12:00:00Z`);
      const count = (n) => (n === 1 ? this.t('oneTime') : this.t('times', { n }));
      // The name starts with what the button shows (WCAG 2.5.3: voice control), then says the day in full.
      const dayButtons = days.map((d) => html`<button type="button" data-day="${d.date}"
          aria-pressed="${d.date === this.state.day}" tabindex="${d.date === this.state.day ? 0 : -1}" ${!d.choices.length && html`disabled`}>
          <span>${dayName.format(asUtc(d.date))}</span><span class="note">${d.choices.length ? count(d.choices.length) : '–'}</span><span
          class="visually-hidden"> (${dayLong.format(asUtc(d.date))}${!d.choices.length && `, ${this.t('noFreeTimes')}`})</span></button>`);
      const times = (chosen?.choices ?? []).map((choice, i) => html`<li><button type="button" data-slot="${choice.key}"
          tabindex="${i === 0 ? 0 : -1}"
          aria-label="${this.describeChoice(choice)}">${this.time(choice.slot.start_time)}${choice.slot.is_remote && html` · ${this.t('video')}`}${choice.slot.seats_left != null && html`<span class="places"> · ${this.places(choice.slot)}</span>`}</button></li>`);
      this.state.timezone = slots[0]?.timezone ?? this.state.timezone;
      const zone = slots.length ? this.zoneName(slots[0].start_time, slots[0].timezone) : '';
      const place = slots.find((s) => s.location_name)?.location_name;
      this.showStep(1, html`<h2 tabindex="-1">${this.t('chooseTime', { service: service.name })}</h2>
        <div class="filters">
          ${slots.some((s) => s.is_remote) && html`<label class="check"><input type="checkbox" data-filter="video" ${filters.videoOnly && html`checked`}> ${this.t('videoOnly')}</label>`}
          ${clinicians.size > 1 && html`<label>${this.t('clinician')}<select data-filter="clinician"><option value="">${this.t('anyClinician')}</option>${options(clinicians, filters.clinician)}</select></label>`}
          ${locations.size > 1 && html`<label>${this.t('location')}<select data-filter="location"><option value="">${this.t('anyLocation')}</option>${options(locations, filters.location)}</select></label>`}
        </div>
        ${zone && html`<p class="note">${place ? this.t('timesLocalTo', { place, zone }) : this.t('timesLocal', { zone })}</p>`}
        ${open.length ? html`<div class="days" role="group" aria-label="${this.t('days')}">${dayButtons}</div>
          ${next && html`<p><button type="button" data-next-day class="link">${this.t('nextAvailable', { day: dayLong.format(asUtc(next.date)) })}</button></p>`}
          <h3>${dayLong.format(asUtc(chosen.date))}</h3>
          <ul class="plain times" aria-label="${this.t('timesOn', { day: dayLong.format(asUtc(chosen.date)) })}">${times}</ul>`
          : html`<p>${this.t('noTimes')}</p>`}
        <div class="actions">${this.flow.backFromTimes(this)}</div>`);
      this.listenToFilters();
      this.root.querySelector('[data-back]')?.addEventListener('click', () => this.run(() => this.flow.start(this)));
      this.flow.afterTimes?.(this);
      const pickDay = (date) => {
        this.state.day = date;
        this.renderTimes();
        this.root.querySelector(`[data-day="${date}"]`)?.focus();
      };
      this.root.querySelectorAll('[data-day]').forEach((button) => button.addEventListener('click', () => pickDay(button.dataset.day)));
      this.root.querySelector('[data-next-day]')?.addEventListener('click', () => pickDay(next.date));
      this.arrows('[data-day]:not([disabled])');
      this.arrows('[data-slot]');
      const choices = new Map((chosen?.choices ?? []).map((c) => [c.key, c]));
      this.root.querySelectorAll('[data-slot]').forEach((button) => button.addEventListener('click', () => {
        this.run(() => this.hold(choices.get(button.dataset.slot)));
      }));
    }

    listenToFilters() {
      this.root.querySelector('[data-filter="video"]')?.addEventListener('change', (e) => {
        this.state.filters.videoOnly = e.target.checked;
        this.renderTimes();
        this.root.querySelector('[data-filter="video"]').focus();
      });
      for (const name of ['clinician', 'location']) {
        this.root.querySelector(`[data-filter="${name}"]`)?.addEventListener('change', (e) => {
          this.state.filters[name] = e.target.value;
          this.renderTimes();
          this.root.querySelector(`[data-filter="${name}"]`).focus();
        });
      }
    }

    /** Arrow keys move between the buttons of a row (days, or times), Home and End to its ends. */
    arrows(selector) {
      const buttons = [...this.root.querySelectorAll(selector)];
      buttons.forEach((button, i) => button.addEventListener('keydown', (e) => {
        const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: buttons.length - 1 }[e.key];
        if (to === undefined || to < 0 || to >= buttons.length) {
          return;
        }
        e.preventDefault();
        button.tabIndex = -1;
        buttons[to].tabIndex = 0;
        buttons[to].focus();
      }));
    }

    slotKey(slot) {
      return `${slot.start_time}|${slot.clinician_id}|${slot.location_id ?? ''}|${slot.is_remote}`;
    }

    time(text) {
      return new Intl.DateTimeFormat(this.locale, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' })
        .format(wallClock(text).asUtc);
    }

    /** A time as the place's wall clock, its zone named as people there know it (GMT, BST), in the page's language. */
    when(text, zone = this.state.timezone) {
      const clock = wallClock(text);
      const format = new Intl.DateTimeFormat(this.locale, {
        timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit',
      });
      return `${format.format(clock.asUtc)} (${this.zoneName(text, zone)})`;
    }

    /** The short name of the zone in force at that time (GMT in winter, BST in summer); its offset without a zone. */
    zoneName(text, zone = this.state.timezone) {
      if (zone) {
        try {
          const part = new Intl.DateTimeFormat(this.locale, { timeZone: zone, timeZoneName: 'short' })
            .formatToParts(new Date(text)).find((p) => p.type === 'timeZoneName');
          if (part) {
            return part.value;
          }
        } catch {
          // a zone this browser does not know: the offset says it
        }
      }
      return wallClock(text).zone;
    }

    describeChoice(choice) {
      const described = choice.anyClinician
        ? `${this.t('anyClinicianChoice', { when: this.when(choice.slot.start_time) })}${this.place(choice.slot)}`
        : this.describeSlot(choice.slot);
      return choice.slot.seats_left != null ? `${described}, ${this.places(choice.slot)}` : described;
    }

    /** A class's places left at a time: what decides whether to wait. */
    places(slot) {
      return slot.seats_left === 1 ? this.t('onePlaceLeft') : this.t('placesLeft', { n: slot.seats_left });
    }

    describeSlot(slot) {
      return `${this.t('withClinician', { when: this.when(slot.start_time), clinician: slot.clinician_name })}${this.place(slot)}`;
    }

    place(slot) {
      return slot.is_remote ? `, ${this.t('video')}` : slot.location_name ? `, ${slot.location_name}` : '';
    }

    // ---- holding a time ---------------------------------------------------------------------

    async hold(choice) {
      await this.flow.releaseHold(this);
      try {
        this.state.hold = await this.flow.placeHold(this, choice);
        // With any clinician, the server chose one: show theirs.
        this.state.slot = this.state.slots.find((s) => s.start_time === choice.slot.start_time
          && s.clinician_id === this.state.hold.clinician_id && s.is_remote === choice.slot.is_remote) ?? choice.slot;
        this.flow.afterHold(this);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 409 || e.reason === 'slot_unavailable') && e.reason !== 'notice_period_passed'
            && e.reason !== 'reschedule_limit_reached') {
          await this.loadTimes(this.t('taken'), 'warning');
          return;
        }
        throw e;
      }
    }

    countdown() {
      return html`<p>${this.t('holding')} <span class="countdown" role="timer" aria-label="${this.t('timeLeft')}"><span data-countdown>--:--</span></span></p>`;
    }

    startCountdown() {
      this.stopCountdown();
      const expires = Date.parse(this.state.hold.expires_at);
      let warned = false;
      const tick = () => {
        const left = Math.max(0, Math.round((expires - Date.now()) / 1000));
        const clock = this.root.querySelector('[data-countdown]');
        if (clock) {
          clock.textContent = `${String(Math.floor(left / 60)).padStart(2, '0')}:${String(left % 60).padStart(2, '0')}`;
          clock.parentElement.classList.toggle('warning', left < WARN_SECONDS);
        }
        if (left < WARN_SECONDS && !warned && left > 0) {
          warned = true;
          this.announce(this.t('hurry', { n: Math.ceil(WARN_SECONDS / 60) }));
        }
        if (left === 0) {
          this.expired();
        }
      };
      tick();
      this.timer = setInterval(tick, 1000);
    }

    stopCountdown() {
      clearInterval(this.timer);
      this.timer = null;
    }

    expired() {
      this.stopCountdown();
      this.state.hold = null;
      this.run(() => this.loadTimes(this.t('expired'), 'warning'));
    }

    /** Back from a held time to the times, letting the hold go. */
    backToTimes() {
      this.root.querySelector('[data-back]').addEventListener('click', () => this.run(async () => {
        await this.flow.releaseHold(this);
        await this.loadTimes();
      }));
    }

    // ---- the frame --------------------------------------------------------------------------

    showStep(index, markup) {
      this.state.step = index;
      const steps = this.text[this.flow.steps] ?? [];
      render(this.root.querySelector('ol.progress'), html`${steps.map((name, i) =>
        html`<li class="${i < index ? 'done' : ''}" ${i === index && html`aria-current="step"`}>${i + 1}. ${name}</li>`)}`);
      render(this.root.querySelector('[data-step]'), markup);
      // Focus follows the patient from step to step, but the first step must not pull the page to the widget.
      if (this.shownOnce) {
        this.root.querySelector('h2')?.focus();
      }
      this.shownOnce = true;
    }

    showMessage(text, kind = 'info', retry) {
      const holder = this.root.querySelector('[data-message]');
      render(holder, html`<div class="message ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">
        <span>${text}</span>${retry && html` <button type="button" data-retry>${this.t('retry')}</button>`}</div>`);
      holder.querySelector('[data-retry]')?.addEventListener('click', () => {
        this.clearMessage();
        this.shownOnce = true; // the retry button held focus; the step it brings back takes it
        retry();
      });
      if (retry) {
        holder.querySelector('[data-retry]').focus();
      }
    }

    clearMessage() {
      this.root.querySelector('[data-message]').replaceChildren();
    }

    announce(text) {
      this.live.textContent = '';
      setTimeout(() => { this.live.textContent = text; }, 50);
    }
  };
}
