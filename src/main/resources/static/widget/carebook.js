// Carebook booking widget: <carebook-booking publishable-key="pk_..."> in any page.
// A dependency-free ES module: no build step, no framework. Theme it with the --carebook-* custom properties.

const DAYS = 14;
const LANGUAGES = ['en', 'de', 'fr', 'es'];
const BUNDLES = new Map();
const WARN_SECONDS = 120;
const MAX_RATE_LIMIT_RETRIES = 3;

const STYLE = `
:host { display: block; max-width: 42rem; color: var(--carebook-text, #1d2430);
  background: var(--carebook-background, #ffffff); font: 1rem/1.5 var(--carebook-font, system-ui, sans-serif); }
* { box-sizing: border-box; }
.frame { border: 1px solid var(--carebook-border, #c9d1dc); border-radius: var(--carebook-radius, 10px); padding: 1rem; }
h2 { font-size: 1.25rem; margin: 0 0 .75rem; }
h2:focus { outline: 2px solid var(--carebook-accent, #0b5cad); outline-offset: 2px; }
h3 { font-size: 1rem; margin: 1rem 0 .5rem; }
ol.progress { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; margin: 0 0 1rem; font-size: .875rem; }
ol.progress li { color: var(--carebook-muted, #4d5969); }
ol.progress li[aria-current="step"] { color: var(--carebook-text, #1d2430); font-weight: 700; text-decoration: underline; }
ol.progress li.done::before { content: "✓ "; }
button { font: inherit; cursor: pointer; border-radius: var(--carebook-radius, 10px); min-height: 2.75rem; padding: .5rem .9rem;
  border: 1px solid var(--carebook-accent, #0b5cad); background: var(--carebook-background, #ffffff); color: var(--carebook-accent, #0b5cad); }
button.primary { background: var(--carebook-accent, #0b5cad); color: var(--carebook-accent-text, #ffffff); }
button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: 3px solid var(--carebook-focus, #f2a900); outline-offset: 2px; }
button[disabled] { opacity: .6; cursor: default; }
ul.plain { list-style: none; padding: 0; margin: 0; }
.services li + li { margin-top: .5rem; }
.services button { width: 100%; text-align: left; display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: end; margin-bottom: .5rem; }
.filters label { display: flex; flex-direction: column; font-size: .875rem; }
.filters label.check { flex-direction: row; align-items: center; gap: .4rem; font-size: 1rem; }
select, input, textarea { font: inherit; padding: .45rem; border: 1px solid var(--carebook-border-strong, #6b7686); border-radius: 6px;
  min-height: 2.75rem; background: #fff; color: #1d2430; max-width: 100%; }
input[type="checkbox"] { min-height: auto; width: 1.25rem; height: 1.25rem; }
.times { display: flex; flex-wrap: wrap; gap: .5rem; }
.days { display: grid; grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr)); gap: .4rem; margin: .5rem 0; }
.days button { display: flex; flex-direction: column; align-items: flex-start; text-align: left; padding: .4rem .6rem; }
.days button[aria-pressed="true"] { border-color: var(--carebook-accent, #0b5cad); box-shadow: inset 0 0 0 2px var(--carebook-accent, #0b5cad); }
button.link { border: 0; background: none; padding: 0; min-height: 0; color: var(--carebook-accent, #0b5cad); text-decoration: underline; }
.times button { min-width: 5.5rem; }
.note { color: var(--carebook-muted, #4d5969); font-size: .875rem; }
.message { border-radius: 6px; padding: .6rem .8rem; margin: 0 0 .75rem; background: #e8f1fb; color: #0a3d73; }
.message.warning, .countdown.warning { background: #fff4e0; color: #6b3a00; }
.message.error { background: #fdecea; color: #8a1c12; }
.countdown { display: inline-block; border-radius: 6px; padding: .3rem .6rem; background: #e8f1fb; color: #0a3d73; font-variant-numeric: tabular-nums; }
form .field { display: flex; flex-direction: column; margin-bottom: .75rem; }
form .field span.hint { font-size: .875rem; color: var(--carebook-muted, #4d5969); }
form .field .problem { color: #8a1c12; font-size: .875rem; }
fieldset.birth { border: 0; padding: 0; margin: 0 0 .75rem; min-width: 0; }
fieldset.birth legend { padding: 0; }
fieldset.birth .parts { display: flex; gap: .75rem; }
fieldset.birth .parts label { display: flex; flex-direction: column; font-size: .875rem; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: 1rem; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dl.summary dt { font-weight: 600; }
dl.summary dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
a.download { color: var(--carebook-accent, #0b5cad); font-weight: 600; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** An answer the API gave with its error envelope. */
class ApiError extends Error {
  constructor(status, error) {
    super(error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = error?.code;
    this.reason = error?.reason;
    this.details = error?.details ?? [];
  }
}

/** The fetch itself failed: offline, refused, or blocked by the browser (CORS). */
class NetworkError extends Error {}

const escapeHtml = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => ({
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
}[c]));

/** A wire time such as 2027-03-15T09:00:00-04:00, as the wall clock of its own offset. */
function wallClock(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(text);
  const offset = text.endsWith('Z') ? '+00:00' : text.slice(-6);
  return {
    date: text.slice(0, 10),
    asUtc: new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5])),
    zone: offset === '+00:00' ? 'UTC' : `UTC${offset.replace('-', '−')}`,
  };
}

/** The widget's texts in one language, from i18n/<language>.json beside this file (fetched once per page). */
function bundle(language) {
  if (!BUNDLES.has(language)) {
    BUNDLES.set(language, fetch(new URL(`./i18n/${language}.json`, import.meta.url)).then((response) => {
      if (!response.ok) {
        throw new NetworkError(`HTTP ${response.status}`);
      }
      return response.json();
    }).catch((e) => {
      BUNDLES.delete(language);
      throw e instanceof NetworkError ? e : new NetworkError(e.message);
    }));
  }
  return BUNDLES.get(language);
}

/**
 * The slot a booking link chose (a directory's, from the slots the clinic publishes):
 * ?carebook_type=…&carebook_clinician=…&carebook_location=…&carebook_start=…, or null.
 */
function linkedSlot(search) {
  const query = new URLSearchParams(search);
  const [type, clinician, start] = ['carebook_type', 'carebook_clinician', 'carebook_start'].map((name) => query.get(name));
  return type && clinician && start && !Number.isNaN(Date.parse(start))
    ? { type, clinician, location: query.get('carebook_location'), start }
    : null;
}

function localDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function icsText(text) {
  return String(text).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

function icsTime(text) {
  return new Date(text).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

let sheet = null;

/** The widget's styles as one constructed style sheet, shared by every widget on the page. */
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
}

export class CarebookBooking extends HTMLElement {
  static observedAttributes = ['publishable-key', 'api-base', 'location-id', 'clinician-id', 'appointment-type-id', 'locale'];

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.state = { step: 0, services: [], slots: [], filters: { videoOnly: false, clinician: '', location: '' } };
    this.timer = null;
    this.text = {};
    this.link = linkedSlot(window.location.search);
  }

  connectedCallback() {
    // A constructed style sheet, not a <style> element: pages with a strict Content-Security-Policy (the manage
    // page's among them) allow no inline styles.
    this.root.adoptedStyleSheets = [styleSheet()];
    this.root.innerHTML = `<section class="frame">
        <ol class="progress"></ol>
        <div class="visually-hidden" role="status" aria-live="polite" data-live></div>
        <div data-message></div>
        <div data-step></div>
      </section>`;
    this.live = this.root.querySelector('[data-live]');
    this.run(async () => {
      await this.loadText();
      await this.start();
    });
  }

  /** The texts of the page's language: the locale attribute, else the browser's, else English. */
  async loadText() {
    const language = this.locale.split('-')[0].toLowerCase();
    this.text = await bundle(LANGUAGES.includes(language) ? language : 'en');
    this.root.querySelector('section.frame').setAttribute('aria-label', this.t(this.frameKey));
    this.root.querySelector('ol.progress').setAttribute('aria-label', this.t('progress'));
  }

  get frameKey() {
    return 'frame';
  }

  get steps() {
    return this.text.steps ?? [];
  }

  async start() {
    await this.loadServices();
  }

  /** A text of the bundle with {name} filled in; before the bundle arrives, the few texts a failure needs. */
  t(key, values = {}) {
    const fallback = { offline: 'We could not reach the booking service. Check your connection and try again.', retry: 'Try again' };
    return String(this.text[key] ?? fallback[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
  }

  disconnectedCallback() {
    this.stopCountdown();
  }

  get locale() {
    return this.getAttribute('locale') || navigator.language || 'en';
  }

  get credential() {
    return this.getAttribute('publishable-key') ?? '';
  }

  get apiBase() {
    const base = this.getAttribute('api-base') || `${new URL(import.meta.url).origin}/v1`;
    return base.replace(/\/+$/, '');
  }

  // ---- talking to the API -------------------------------------------------------------------

  async api(method, path, body) {
    for (let attempt = 0; ; attempt++) {
      let response;
      try {
        response = await fetch(this.apiBase + path, {
          method,
          headers: {
            Authorization: `Bearer ${this.credential}`,
            ...(body ? { 'Content-Type': 'application/json' } : {}),
          },
          body: body ? JSON.stringify(body) : undefined,
        });
      } catch (e) {
        throw new NetworkError(e.message);
      }
      if (response.status === 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
        const seconds = Math.min(30, Number(response.headers.get('Retry-After')) || 1);
        this.showMessage(this.t('busy', { seconds }), 'warning');
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
        continue;
      }
      const payload = response.status === 204 ? null : await response.json().catch(() => null);
      if (!response.ok) {
        throw new ApiError(response.status, payload?.error);
      }
      return { status: response.status, data: payload?.data };
    }
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
    return e.status === 409 && e.reason !== 'slot_taken' ? e.message : this.t('failed', { message: e.message });
  }

  // ---- step 1: services ---------------------------------------------------------------------

  async loadServices() {
    const { data } = await this.api('GET', '/appointment-types');
    this.state.services = data;
    const preset = this.getAttribute('appointment-type-id') || this.link?.type;
    const chosen = preset && data.find((s) => s.id === preset);
    if (chosen) {
      await this.chooseService(chosen);
      return;
    }
    this.clearMessage();
    this.showStep(0, `<h2 tabindex="-1">${escapeHtml(this.t('chooseService'))}</h2>
      ${data.length === 0 ? `<p>${escapeHtml(this.t('noServices'))}</p>` : ''}
      <ul class="plain services">${data.map((s) => `<li><button type="button" data-service="${escapeHtml(s.id)}">
        <span>${escapeHtml(s.name)}</span>
        <span class="note">${escapeHtml(this.t('minutes', { n: s.duration_minutes }))}${s.price != null ? ` · ${this.money(s.price, s.currency)}` : ''}</span>
      </button></li>`).join('')}</ul>`);
    this.root.querySelectorAll('[data-service]').forEach((button) => button.addEventListener('click', () => {
      this.run(() => this.chooseService(data.find((s) => s.id === button.dataset.service)));
    }));
  }

  money(amount, currency) {
    try {
      return new Intl.NumberFormat(this.locale, { style: 'currency', currency }).format(amount);
    } catch {
      return `${amount} ${currency}`;
    }
  }

  async chooseService(service) {
    this.state.service = service;
    await this.loadTimes();
  }

  // ---- step 2: times ------------------------------------------------------------------------

  async loadTimes(message, kind) {
    const today = new Date();
    const last = new Date(today.getFullYear(), today.getMonth(), today.getDate() + DAYS - 1);
    this.state.slots = await this.fetchSlots(localDate(today), localDate(last));
    const link = this.link;
    this.link = null; // a booking link chooses once; going back shows every time
    if (link && link.type === this.state.service.id) {
      const slot = this.state.slots.find((s) => s.clinician_id === link.clinician
        && (!link.location || s.location_id === link.location) && Date.parse(s.start_time) === Date.parse(link.start));
      if (slot) {
        await this.hold({ key: this.slotKey(slot), slot, anyClinician: false });
        return;
      }
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

  async fetchSlots(startDate, endDate) {
    const query = new URLSearchParams({ appointment_type_id: this.state.service.id, start_date: startDate, end_date: endDate });
    for (const [attribute, parameter] of [['clinician-id', 'clinician_id'], ['location-id', 'location_id']]) {
      if (this.getAttribute(attribute)) {
        query.set(parameter, this.getAttribute(attribute));
      }
    }
    const { data } = await this.api('GET', `/availability?${query}`);
    return data;
  }

  visibleSlots() {
    const { videoOnly, clinician, location } = this.state.filters;
    return this.state.slots.filter((s) => (!videoOnly || s.is_remote)
      && (!clinician || s.clinician_id === clinician)
      && (!location || s.location_id === location));
  }

  /**
   * The times to offer: with one clinician chosen (or fixed by the page), each of their slots; with any
   * clinician, one choice per distinct time and place, held with whichever clinician the server finds free.
   */
  choices() {
    const fixed = this.getAttribute('clinician-id') || this.state.filters.clinician;
    const choices = new Map();
    for (const slot of this.visibleSlots()) {
      const key = fixed ? this.slotKey(slot) : `${slot.start_time}|any|${slot.location_id ?? ''}|${slot.is_remote}`;
      if (!choices.has(key)) {
        choices.set(key, { key, slot, anyClinician: !fixed });
      }
    }
    return [...choices.values()];
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
    const days = this.days(this.choices());
    const open = days.filter((d) => d.choices.length);
    if (!open.some((d) => d.date === this.state.day)) {
      this.state.day = open[0]?.date;
    }
    const chosen = days.find((d) => d.date === this.state.day);
    const next = open.find((d) => d.date > this.state.day);
    const options = (map, selected) => [...map].map(([id, name]) =>
      `<option value="${escapeHtml(id)}" ${id === selected ? 'selected' : ''}>${escapeHtml(name)}</option>`).join('');
    const offersVideo = slots.some((s) => s.is_remote);
    const dayName = new Intl.DateTimeFormat(this.locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
    const dayLong = new Intl.DateTimeFormat(this.locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });
    const asUtc = (date) => new Date(`${date}T12:00:00Z`);
    const count = (n) => (n === 1 ? this.t('oneTime') : this.t('times', { n }));
    const dayButtons = days.map((d) => `<button type="button" data-day="${d.date}"
        aria-pressed="${d.date === this.state.day}" tabindex="${d.date === this.state.day ? 0 : -1}" ${d.choices.length ? '' : 'disabled'}
        aria-label="${escapeHtml(`${dayLong.format(asUtc(d.date))}, ${d.choices.length ? count(d.choices.length) : this.t('noFreeTimes')}`)}">
        <span>${escapeHtml(dayName.format(asUtc(d.date)))}</span><span class="note">${d.choices.length ? count(d.choices.length) : '–'}</span></button>`).join('');
    const times = chosen ? chosen.choices.map((choice, i) => `<li><button type="button" data-slot="${escapeHtml(choice.key)}"
        tabindex="${i === 0 ? 0 : -1}"
        aria-label="${escapeHtml(this.describeChoice(choice))}">${escapeHtml(this.time(choice.slot.start_time))}${choice.slot.is_remote ? ` · ${escapeHtml(this.t('video'))}` : ''}</button></li>`).join('') : '';
    const zone = slots.length ? wallClock(slots[0].start_time).zone : '';
    const place = slots.find((s) => s.location_name)?.location_name;
    const t = (key, values) => escapeHtml(this.t(key, values));
    this.showStep(1, `<h2 tabindex="-1">${t('chooseTime', { service: service.name })}</h2>
      <div class="filters">
        ${offersVideo ? `<label class="check"><input type="checkbox" data-filter="video" ${filters.videoOnly ? 'checked' : ''}> ${t('videoOnly')}</label>` : ''}
        ${clinicians.size > 1 ? `<label>${t('clinician')}<select data-filter="clinician"><option value="">${t('anyClinician')}</option>${options(clinicians, filters.clinician)}</select></label>` : ''}
        ${locations.size > 1 ? `<label>${t('location')}<select data-filter="location"><option value="">${t('anyLocation')}</option>${options(locations, filters.location)}</select></label>` : ''}
      </div>
      ${zone ? `<p class="note">${place ? t('timesLocalTo', { place, zone }) : t('timesLocal', { zone })}</p>` : ''}
      ${open.length ? `<div class="days" role="group" aria-label="${t('days')}">${dayButtons}</div>
        ${next ? `<p><button type="button" data-next-day class="link">${t('nextAvailable', { day: dayLong.format(asUtc(next.date)) })}</button></p>` : ''}
        <h3>${escapeHtml(dayLong.format(asUtc(chosen.date)))}</h3>
        <ul class="plain times" aria-label="${t('timesOn', { day: dayLong.format(asUtc(chosen.date)) })}">${times}</ul>`
        : `<p>${t('noTimes')}</p>`}
      <div class="actions">${this.backFromTimes()}</div>`);
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
    this.root.querySelector('[data-back]')?.addEventListener('click', () => this.run(() => this.start()));
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

  backFromTimes() {
    return this.getAttribute('appointment-type-id') ? '' : `<button type="button" data-back>${escapeHtml(this.t('backToServices'))}</button>`;
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

  when(text) {
    const clock = wallClock(text);
    const format = new Intl.DateTimeFormat(this.locale, {
      timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit',
    });
    return `${format.format(clock.asUtc)} (${clock.zone})`;
  }

  describeChoice(choice) {
    return choice.anyClinician
      ? `${this.t('anyClinicianChoice', { when: this.when(choice.slot.start_time) })}${this.place(choice.slot)}`
      : this.describeSlot(choice.slot);
  }

  describeSlot(slot) {
    return `${this.t('withClinician', { when: this.when(slot.start_time), clinician: slot.clinician_name })}${this.place(slot)}`;
  }

  place(slot) {
    return slot.is_remote ? `, ${this.t('video')}` : slot.location_name ? `, ${slot.location_name}` : '';
  }

  // ---- holding a time -----------------------------------------------------------------------

  async hold(choice) {
    await this.releaseHold();
    try {
      this.state.hold = await this.placeHold(choice);
      // With any clinician, the server chose one: show theirs.
      this.state.slot = this.state.slots.find((s) => s.start_time === choice.slot.start_time
        && s.clinician_id === this.state.hold.clinician_id && s.is_remote === choice.slot.is_remote) ?? choice.slot;
      this.afterHold();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 409 || e.reason === 'slot_unavailable') && e.reason !== 'notice_period_passed'
          && e.reason !== 'reschedule_limit_reached') {
        await this.loadTimes(this.t('taken'), 'warning');
        return;
      }
      throw e;
    }
  }

  afterHold() {
    this.renderDetails();
  }

  async placeHold(choice) {
    const { slot } = choice;
    const body = { appointment_type_id: this.state.service.id, start_time: slot.start_time };
    if (!choice.anyClinician) {
      body.clinician_id = slot.clinician_id;
    }
    if (slot.location_id) {
      body.location_id = slot.location_id;
    }
    if (slot.is_remote) {
      body.is_remote = true;
    }
    const { data } = await this.api('POST', '/holds', body);
    return data;
  }

  async releaseHold() {
    const hold = this.state.hold;
    this.state.hold = null;
    this.stopCountdown();
    if (hold) {
      await this.api('DELETE', `/holds/${encodeURIComponent(hold.id)}`).catch(() => {});
    }
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

  // ---- step 3: patient details --------------------------------------------------------------

  renderDetails() {
    const { slot, service } = this.state;
    const field = (name, label, type, autocomplete, required, hint = '') => `<div class="field">
        <label for="cb-${name}">${escapeHtml(this.t(label))}${required ? '' : ` ${escapeHtml(this.t('optional'))}`}</label>
        ${hint ? `<span class="hint" id="cb-${name}-hint">${escapeHtml(this.t(hint))}</span>` : ''}
        <input id="cb-${name}" name="${name}" data-field="${name}" type="${type}" autocomplete="${autocomplete}"
          ${required ? 'required aria-required="true"' : ''}
          ${hint ? `aria-describedby="cb-${name}-hint"` : ''}>
        <span class="problem" id="cb-${name}-problem"></span>
      </div>`;
    this.showStep(2, `<h2 tabindex="-1">${escapeHtml(this.t('yourDetails'))}</h2>
      <p><strong>${escapeHtml(service.name)}</strong>: ${escapeHtml(this.describeSlot(slot))}</p>
      ${this.countdown()}
      <form novalidate>
        ${field('first_name', 'firstName', 'text', 'given-name', true)}
        ${field('last_name', 'lastName', 'text', 'family-name', true)}
        ${this.birthField()}
        ${field('email', 'email', 'email', 'email', true, 'emailHint')}
        ${field('phone', 'phone', 'tel', 'tel', false, 'phoneHint')}
        <div class="actions">
          <button type="submit" class="primary">${escapeHtml(this.t('confirmBooking'))}</button>
          <button type="button" data-back>${escapeHtml(this.t('chooseAnother'))}</button>
        </div>
      </form>`);
    this.startCountdown();
    this.root.querySelector('[data-back]').addEventListener('click', () => this.run(async () => {
      await this.releaseHold();
      await this.loadTimes();
    }));
    this.root.querySelector('form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.run(() => this.confirm(new FormData(e.target)));
    });
  }

  countdown() {
    return `<p>${escapeHtml(this.t('holding'))} <span class="countdown" role="timer" aria-label="${escapeHtml(this.t('timeLeft'))}"><span data-countdown>--:--</span></span></p>`;
  }

  /**
   * Date of birth as separate day, month and year boxes in the locale's order: easier to type and to
   * read back than a date picker for a date decades ago, and the same with a keyboard in every browser.
   */
  birthField() {
    const parts = { day: [this.t('day'), 2, 'bday-day'], month: [this.t('month'), 2, 'bday-month'], year: [this.t('year'), 4, 'bday-year'] };
    const order = new Intl.DateTimeFormat(this.locale, { day: 'numeric', month: 'numeric', year: 'numeric' })
      .formatToParts(new Date(2000, 10, 22)).map((p) => p.type).filter((t) => t in parts);
    return `<fieldset class="field birth" aria-describedby="cb-date_of_birth-hint">
        <legend>${escapeHtml(this.t('dateOfBirth'))}</legend>
        <span class="hint" id="cb-date_of_birth-hint">${escapeHtml(this.t('forExample', { date: new Intl.DateTimeFormat(this.locale).format(new Date(1980, 2, 27)) }))}</span>
        <div class="parts">${order.map((part) => {
          const [label, size, autocomplete] = parts[part];
          return `<label>${escapeHtml(label)}<input name="birth_${part}" data-field="date_of_birth" inputmode="numeric" maxlength="${size}"
            size="${size + 1}" autocomplete="${autocomplete}" required aria-required="true"></label>`;
        }).join('')}</div>
        <span class="problem" id="cb-date_of_birth-problem"></span>
      </fieldset>`;
  }

  birthDate(form) {
    const part = (name, size) => String(form.get(`birth_${name}`) ?? '').trim().padStart(size, '0');
    return `${part('year', 4)}-${part('month', 2)}-${part('day', 2)}`;
  }

  validate(form) {
    const problems = {};
    const text = (name) => String(form.get(name) ?? '').trim();
    for (const [name, key] of [['first_name', 'enterFirstName'], ['last_name', 'enterLastName']]) {
      if (!text(name)) {
        problems[name] = this.t(key);
      }
    }
    const birth = this.birthDate(form);
    const parsed = new Date(`${birth}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(birth) || Number.isNaN(parsed.getTime())
        || parsed.toISOString().slice(0, 10) !== birth) {
      problems.date_of_birth = this.t('enterBirth');
    } else if (birth > localDate(new Date()) || birth < `${new Date().getFullYear() - 130}-01-01`) {
      problems.date_of_birth = this.t('enterRealBirth');
    }
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text('email'))) {
      problems.email = this.t('enterEmail');
    }
    const phone = text('phone');
    if (phone && !/^\+?[\d\s().-]{6,20}$/.test(phone)) {
      problems.phone = this.t('enterPhone');
    }
    return problems;
  }

  showProblems(problems) {
    let first = null;
    for (const name of ['first_name', 'last_name', 'date_of_birth', 'email', 'phone']) {
      const problem = problems[name];
      this.root.querySelector(`#cb-${name}-problem`).textContent = problem ?? '';
      for (const input of this.root.querySelectorAll(`[data-field="${name}"]`)) {
        input.setAttribute('aria-invalid', problem ? 'true' : 'false');
        const described = [`cb-${name}-hint`, `cb-${name}-problem`]
          .filter((id) => this.root.getElementById(id) && (id.endsWith('hint') || problem));
        input.setAttribute('aria-describedby', described.join(' '));
        first ??= problem ? input : null;
      }
    }
    const count = Object.keys(problems).length;
    if (first) {
      first.focus();
      this.announce(count === 1 ? this.t('correctOne') : this.t('correctMany', { n: count }));
    }
  }

  async confirm(form) {
    const problems = this.validate(form);
    this.showProblems(problems);
    if (Object.keys(problems).length) {
      return;
    }
    const patient = { date_of_birth: this.birthDate(form), preferred_language: this.locale };
    for (const name of ['first_name', 'last_name', 'email', 'phone']) {
      const value = String(form.get(name) ?? '').trim();
      if (value) {
        patient[name] = value;
      }
    }
    const button = this.root.querySelector('form button[type="submit"]');
    button.disabled = true;
    try {
      const { data } = await this.api('POST', `/holds/${encodeURIComponent(this.state.hold.id)}/confirm`, { patient });
      this.stopCountdown();
      this.state.hold = null;
      this.state.appointment = data;
      this.renderDone();
    } catch (e) {
      button.disabled = false;
      if (e instanceof ApiError && e.status === 404) {
        this.expired();
        return;
      }
      if (e instanceof ApiError && e.status === 422 && e.details.length) {
        this.showProblems(Object.fromEntries(e.details.map((d) => [String(d.field).replace(/^patient\./, ''), d.issue])));
        return;
      }
      throw e;
    }
  }

  // ---- step 4: done -------------------------------------------------------------------------

  renderDone() {
    const { appointment, slot, service } = this.state;
    const where = slot.is_remote ? this.t('videoLink') : slot.location_name;
    const calendar = new Blob([this.calendarFile(appointment, slot, service)], { type: 'text/calendar' });
    this.clearMessage();
    const t = (key) => escapeHtml(this.t(key));
    this.showStep(3, `<h2 tabindex="-1">${t('booked')}</h2>
      <dl class="summary">
        <dt>${t('service')}</dt><dd>${escapeHtml(service.name)}</dd>
        <dt>${t('when')}</dt><dd>${escapeHtml(this.when(appointment.start_time))}</dd>
        <dt>${t('with')}</dt><dd>${escapeHtml(slot.clinician_name)}</dd>
        <dt>${t('where')}</dt><dd>${escapeHtml(where ?? '')}</dd>
        <dt>${t('reference')}</dt><dd>${escapeHtml(appointment.id)}</dd>
      </dl>
      <div class="actions">
        <a class="download" href="${URL.createObjectURL(calendar)}" download="appointment.ics">${t('addToCalendar')}</a>
      </div>
      <div class="actions"><button type="button" data-again>${t('bookAnother')}</button></div>`);
    this.announce(this.t('bookedAnnounce'));
    this.root.querySelector('[data-again]').addEventListener('click', () => {
      this.state.appointment = null;
      this.run(() => this.loadServices());
    });
  }

  calendarFile(appointment, slot, service) {
    return [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Carebook//Booking widget//EN', 'METHOD:PUBLISH', 'BEGIN:VEVENT',
      `UID:${appointment.id}@carebook`, `DTSTAMP:${icsTime(new Date().toISOString())}`,
      `DTSTART:${icsTime(appointment.start_time)}`, `DTEND:${icsTime(appointment.end_time)}`,
      `SUMMARY:${icsText(this.t('serviceWith', { service: service.name, clinician: slot.clinician_name }))}`,
      `LOCATION:${icsText(slot.is_remote ? this.t('videoAppointment') : slot.location_name ?? '')}`,
      'END:VEVENT', 'END:VCALENDAR', '',
    ].join('\r\n');
  }

  // ---- rendering helpers --------------------------------------------------------------------

  showStep(index, html) {
    this.state.step = index;
    this.root.querySelector('ol.progress').innerHTML = this.steps.map((name, i) =>
      `<li class="${i < index ? 'done' : ''}" ${i === index ? 'aria-current="step"' : ''}>${i + 1}. ${name}</li>`).join('');
    this.root.querySelector('[data-step]').innerHTML = html;
    // Focus follows the patient from step to step, but the first step must not pull the page to the widget.
    if (this.shownOnce) {
      this.root.querySelector('h2')?.focus();
    }
    this.shownOnce = true;
  }

  showMessage(text, kind = 'info', retry) {
    const holder = this.root.querySelector('[data-message]');
    holder.innerHTML = `<div class="message ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">
      <span>${escapeHtml(text)}</span>${retry ? ` <button type="button" data-retry>${escapeHtml(this.t('retry'))}</button>` : ''}</div>`;
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
    this.root.querySelector('[data-message]').innerHTML = '';
  }

  announce(text) {
    this.live.textContent = '';
    setTimeout(() => { this.live.textContent = text; }, 50);
  }
}

/**
 * <carebook-manage>: the page a patient's manage link opens. The token comes after '#' in the address (never
 * sent to a server, so never in an access log) or from the token attribute. The patient sees the appointment
 * and may cancel it or move it within the clinic's rules: a new time is held like any other, and the move
 * happens only when they confirm it.
 */
export class CarebookManage extends CarebookBooking {
  get frameKey() {
    return 'manageFrame';
  }

  get steps() {
    return this.text.manageSteps ?? [];
  }

  get credential() {
    return this.getAttribute('token') || decodeURIComponent(window.location.hash.replace(/^#/, ''));
  }

  async start(message, kind) {
    try {
      const { data } = await this.api('GET', '/self-service/appointment');
      this.state.appointment = data;
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404)) {
        this.showStep(0, `<h2 tabindex="-1">${escapeHtml(this.t('yourAppointment'))}</h2>`);
        this.showMessage(this.t('linkInvalid'), 'error');
        return;
      }
      throw e;
    }
    this.renderAppointment(message, kind);
  }

  renderAppointment(message, kind) {
    const a = this.state.appointment;
    const t = (key, values) => escapeHtml(this.t(key, values));
    const status = { confirmed: 'statusConfirmed', pending: 'statusPending', cancelled: 'statusCancelled' }[a.status] ?? 'statusOther';
    const open = a.status === 'confirmed' || a.status === 'pending';
    const rules = [
      a.can_cancel && a.cancel_until ? t('cancelUntil', { when: this.when(a.cancel_until) }) : '',
      a.can_reschedule && a.reschedule_until ? t('rescheduleUntil', { when: this.when(a.reschedule_until) }) : '',
      a.can_reschedule && a.reschedules_left != null ? t('reschedulesLeft', { n: a.reschedules_left }) : '',
    ].filter(Boolean);
    const locked = open && !a.can_cancel && !a.can_reschedule;
    if (message) {
      this.showMessage(message, kind);
    } else {
      this.clearMessage();
    }
    // After a change the progress shows it done; the buttons stay for whatever the rules still allow.
    this.showStep(message ? 3 : 0, `<h2 tabindex="-1">${t('yourAppointment')}</h2>
      <dl class="summary">
        <dt>${t('service')}</dt><dd>${escapeHtml(a.service)}</dd>
        <dt>${t('when')}</dt><dd data-when>${escapeHtml(this.when(a.start_time))}</dd>
        <dt>${t('with')}</dt><dd>${escapeHtml(a.clinician)}</dd>
        <dt>${t('where')}</dt><dd>${escapeHtml(a.is_remote ? this.t('videoAppointment') : a.location ?? '')}</dd>
        <dt>${t('status')}</dt><dd data-status>${t(status)}</dd>
        <dt>${t('reference')}</dt><dd>${escapeHtml(a.id)}</dd>
      </dl>
      ${rules.map((rule) => `<p class="note">${rule}</p>`).join('')}
      ${locked ? `<p class="message warning">${a.clinic_phone ? t('cannotChange', { phone: a.clinic_phone }) : t('cannotChangeNoPhone')}</p>` : ''}
      <div class="actions">
        ${a.can_reschedule ? `<button type="button" class="primary" data-reschedule>${t('chooseNewTime')}</button>` : ''}
        ${a.can_cancel ? `<button type="button" data-cancel>${t('cancelAppointment')}</button>` : ''}
      </div>`);
    this.root.querySelector('[data-reschedule]')?.addEventListener('click', () => this.run(async () => {
      this.state.service = { name: a.service };
      await this.loadTimes();
    }));
    this.root.querySelector('[data-cancel]')?.addEventListener('click', () => this.renderCancel());
  }

  renderCancel() {
    const t = (key) => escapeHtml(this.t(key));
    this.showStep(0, `<h2 tabindex="-1">${t('cancelAppointment')}</h2>
      <p>${escapeHtml(this.t('serviceWith', { service: this.state.appointment.service, clinician: this.state.appointment.clinician }))},
        ${escapeHtml(this.when(this.state.appointment.start_time))}</p>
      <form novalidate>
        <div class="field">
          <label for="cb-reason">${t('cancelReason')} ${t('optional')}</label>
          <textarea id="cb-reason" name="reason" rows="3" maxlength="4000"></textarea>
        </div>
        <div class="actions">
          <button type="submit" class="primary">${t('confirmCancel')}</button>
          <button type="button" data-keep>${t('keep')}</button>
        </div>
      </form>`);
    this.root.querySelector('[data-keep]').addEventListener('click', () => this.renderAppointment());
    this.root.querySelector('form').addEventListener('submit', (e) => {
      e.preventDefault();
      const reason = String(new FormData(e.target).get('reason') ?? '').trim();
      this.run(async () => {
        const { data } = await this.api('POST', '/self-service/appointment/cancel', reason ? { reason } : {});
        this.state.appointment = data;
        this.renderAppointment(this.t('cancelledAnnounce'), 'info');
        this.announce(this.t('cancelledAnnounce'));
      });
    });
  }

  async fetchSlots(startDate, endDate) {
    const query = new URLSearchParams({ start_date: startDate, end_date: endDate });
    const { data } = await this.api('GET', `/self-service/appointment/availability?${query}`);
    return data;
  }

  choices() {
    // The same clinician throughout: one choice per time.
    return this.visibleSlots().map((slot) => ({ key: this.slotKey(slot), slot, anyClinician: false }));
  }

  backFromTimes() {
    return `<button type="button" data-back>${escapeHtml(this.t('keep'))}</button>`;
  }

  async placeHold(choice) {
    const { data } = await this.api('POST', '/self-service/appointment/holds', { start_time: choice.slot.start_time });
    return data;
  }

  async releaseHold() {
    // A patient's hold is left to expire: releasing takes a key that may release any hold.
    this.state.hold = null;
    this.stopCountdown();
  }

  afterHold() {
    const t = (key, values) => escapeHtml(this.t(key, values));
    this.showStep(2, `<h2 tabindex="-1">${t('moveTo', { when: this.when(this.state.hold.start_time) })}</h2>
      ${this.countdown()}
      <div class="actions">
        <button type="button" class="primary" data-move>${t('confirmMove')}</button>
        <button type="button" data-back>${t('chooseAnother')}</button>
      </div>`);
    this.startCountdown();
    this.root.querySelector('[data-back]').addEventListener('click', () => this.run(async () => {
      await this.releaseHold();
      await this.loadTimes();
    }));
    this.root.querySelector('[data-move]').addEventListener('click', () => this.run(async () => {
      try {
        const { data } = await this.api('POST', '/self-service/appointment/reschedule', { hold_id: this.state.hold.id });
        this.stopCountdown();
        this.state.hold = null;
        this.state.appointment = data;
        this.renderAppointment(this.t('movedAnnounce'), 'info');
        this.announce(this.t('movedAnnounce'));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) {
          this.expired();
          return;
        }
        throw e;
      }
    }));
  }
}

if (!customElements.get('carebook-booking')) {
  customElements.define('carebook-booking', CarebookBooking);
}
if (!customElements.get('carebook-manage')) {
  customElements.define('carebook-manage', CarebookManage);
}
