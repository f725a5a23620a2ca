// Unit tests for the widget's pure helpers, run with `node --test src/test/js/*.test.mjs` (no packages: Node's own runner).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError, NetworkError, callApi } from '../../main/resources/static/widget/api.js';
import { validate } from '../../main/resources/static/widget/booking.js';
import { Markup, html } from '../../main/resources/static/widget/html.js';
import { calendarFile, icsText, linkedReferral, linkedSlot, localDate, wallClock } from '../../main/resources/static/widget/time.js';

test('every interpolation is escaped unless it is markup', () => {
  const name = '<img src=x onerror="alert(1)">';
  const out = html`<p title="${name}">${name}${html`<b>${'&'}</b>`}</p>`;
  assert.ok(out instanceof Markup);
  assert.equal(out.text,
    '<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;<b>&amp;</b></p>');
});

test('lists join their items and nothing is written for null, undefined or false', () => {
  const items = ['a', "b'c"].map((x) => html`<li>${x}</li>`);
  assert.equal(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.text, '<ul><li>a</li><li>b&#39;c</li></ul>0');
});

test('a wire time is read on its own offset', () => {
  const clock = wallClock('2027-03-15T09:00:00-04:00');
  assert.equal(clock.date, '2027-03-15');
  assert.equal(clock.asUtc.toISOString(), '2027-03-15T09:00:00.000Z');
  assert.equal(clock.zone, 'UTC−04:00');
  assert.equal(wallClock('2027-03-15T09:00:00Z').zone, 'UTC');
});

test('a booking link names a type, a clinician and a real start, or nothing', () => {
  assert.deepEqual(linkedSlot('?carebook_type=t&carebook_clinician=c&carebook_start=2027-03-15T09:00:00Z'),
    { type: 't', clinician: 'c', location: null, start: '2027-03-15T09:00:00Z' });
  assert.equal(linkedSlot('?carebook_type=t&carebook_clinician=c&carebook_start=soon'), null);
  assert.equal(linkedSlot('?carebook_type=t'), null);
});

test('a booking link names who referred the patient, or nobody', () => {
  assert.deepEqual(linkedReferral('?carebook_type=t&source=directory.example&booking-referral=r-1'),
    { source: 'directory.example', booking_referral: 'r-1' });
  assert.deepEqual(linkedReferral('?booking-referral=r-2'), { source: null, booking_referral: 'r-2' });
  assert.equal(linkedReferral('?carebook_type=t'), null);
  assert.equal(linkedReferral(`?source=${'x'.repeat(300)}`).source.length, 100);
});

test('a calendar file escapes its text and writes UTC times', () => {
  const file = calendarFile({
    id: 'appt_1', start: '2027-03-15T09:00:00+01:00', end: '2027-03-15T09:30:00+01:00',
    summary: 'Check-up, with Dr A; room 2', location: 'Line 1\nLine 2', stamp: new Date('2027-03-01T12:00:00Z'),
  });
  assert.match(file, /DTSTART:20270315T080000Z\r\n/);
  assert.match(file, /SUMMARY:Check-up\\, with Dr A\\; room 2\r\n/);
  assert.match(file, /LOCATION:Line 1\\nLine 2\r\n/);
  assert.equal(icsText('a\\b'), 'a\\\\b');
  assert.equal(localDate(new Date(2027, 0, 5)), '2027-01-05');
});

test('the browser refuses what it can see is wrong before sending, by field', () => {
  const form = new Map(Object.entries({
    first_name: ' ', last_name: 'Hopper', birth_day: '31', birth_month: '2', birth_year: '1990',
    email: 'grace@', phone: '12',
  }));
  const problems = validate(form, (key) => key, new Date(2027, 0, 1));
  assert.deepEqual(problems, { first_name: 'enterFirstName', date_of_birth: 'enterBirth', email: 'enterEmail', phone: 'enterPhone' });
  const future = new Map([...form, ['first_name', 'Grace'], ['birth_day', '1'], ['birth_month', '1'], ['birth_year', '2030'],
    ['email', 'grace@example.org'], ['phone', '']]);
  assert.deepEqual(validate(future, (key) => key, new Date(2027, 0, 1)), { date_of_birth: 'enterRealBirth' });
});

test('an answer is the envelope\'s data, a refusal its error, a silence a network error', async () => {
  const answer = (status, body, headers = {}) => async () => ({
    status, ok: status < 300, headers: new Map(Object.entries(headers)), json: async () => body,
  });
  const call = (fetcher) => callApi({ base: 'https://api', credential: 'pk', method: 'GET', path: '/x', fetcher });
  assert.deepEqual(await call(answer(200, { data: [1] })), { status: 200, data: [1] });
  await assert.rejects(call(answer(409, { error: { message: 'Taken', reason: 'slot_taken' } })),
    (e) => e instanceof ApiError && e.status === 409 && e.reason === 'slot_taken' && e.message === 'Taken');
  await assert.rejects(call(async () => { throw new TypeError('offline'); }), NetworkError);
});

test('a rate limit is waited out and said so, then the call is made again', async () => {
  const answers = [
    { status: 429, ok: false, headers: new Map([['Retry-After', '0']]), json: async () => ({}) },
    { status: 200, ok: true, headers: new Map(), json: async () => ({ data: 'ok' }) },
  ];
  const told = [];
  const result = await callApi({
    base: '', credential: '', method: 'GET', path: '/', busy: (s) => told.push(s), fetcher: async () => answers.shift(),
  });
  assert.equal(result.data, 'ok');
  assert.deepEqual(told, [1]);
});

test('too many holds is this browser\'s own doing: refused at once, not waited out', async () => {
  let calls = 0;
  const told = [];
  const refusal = { error: { reason: 'too_many_holds', message: 'This browser already holds 3 times' } };
  await assert.rejects(callApi({
    base: '', credential: '', method: 'POST', path: '/holds', busy: (s) => told.push(s),
    fetcher: async () => { calls++; return { status: 429, ok: false, headers: new Map([['Retry-After', '0']]), json: async () => refusal }; },
  }), (e) => e instanceof ApiError && e.status === 429 && e.reason === 'too_many_holds');
  assert.equal(calls, 1);
  assert.deepEqual(told, []);
});
