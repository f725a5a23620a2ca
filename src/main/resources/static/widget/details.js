// The patient's details as the widget asks for them, booking or joining the waitlist: the fields, what the browser
// can check before sending, and the problems shown next to the fields they are about.

import { html } from './html.js';
import { localDate } from './time.js';

const PATIENT_FIELDS = ['first_name', 'last_name', 'date_of_birth', 'email', 'phone'];

/** First and last name, date of birth, e-mail and an optional phone number. */
export function patientFields(w) {
  const field = (name, label, type, autocomplete, required, hint = '') => html`<div class="field">
      <label for="cb-${name}">${w.t(label)}${!required && ` ${w.t('optional')}`}</label>
      ${hint && html`<span class="hint" id="cb-${name}-hint">${w.t(hint)}</span>`}
      <input id="cb-${name}" name="${name}" data-field="${name}" type="${type}" autocomplete="${autocomplete}"
        ${required && html`required aria-required="true"`}
        ${hint && html`aria-describedby="cb-${name}-hint"`}>
      <span class="problem" id="cb-${name}-problem"></span>
    </div>`;
  return html`${field('first_name', 'firstName', 'text', 'given-name', true)}
      ${field('last_name', 'lastName', 'text', 'family-name', true)}
      ${birthField(w)}
      ${field('email', 'email', 'email', 'email', true, 'emailHint')}
      ${field('phone', 'phone', 'tel', 'tel', false, 'phoneHint')}`;
}

/** The patient as the API takes them inline, or null after showing what to correct. */
export function readPatient(w, form) {
  const problems = validate(form, (key) => w.t(key));
  showProblems(w, problems);
  if (Object.keys(problems).length) {
    return null;
  }
  const patient = { date_of_birth: birthDate(form), preferred_language: w.locale };
  for (const name of ['first_name', 'last_name', 'email', 'phone']) {
    const value = String(form.get(name) ?? '').trim();
    if (value) {
      patient[name] = value;
    }
  }
  return patient;
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

export function showProblems(w, problems) {
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

