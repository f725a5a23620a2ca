// The console's own script: dates in the browser's language, moving an appointment by dragging it on the
// day's grid, and booking by clicking open time on it. Everything it does can also be done without it (the "Move…" list, the server's dates).

const ROW_MINUTES = 15;

function pad(n) {
  return String(n).padStart(2, '0');
}

function say(text) {
  const said = document.getElementById('said');
  if (said) said.textContent = text;
}

// The page's language as the server wrote it; the browser's own region when it shares that language (en-GB, de-AT).
function language() {
  const page = document.documentElement.lang;
  const browser = navigator.languages.find((l) => l.split('-')[0] === page);
  return browser || page || undefined;
}

function localise(root) {
  const zoned = document.querySelector('[data-zone]');
  const timeZone = zoned ? zoned.dataset.zone : undefined;
  root.querySelectorAll('time[data-local="time"]').forEach((t) => {
    const date = new Date(t.dateTime);
    if (!Number.isNaN(date.getTime()) && t.textContent !== '24:00') {
      t.textContent = new Intl.DateTimeFormat(language(), { timeStyle: 'short', timeZone }).format(date);
    }
  });
  root.querySelectorAll('time[data-local="date"]').forEach((t) => {
    const date = new Date(`${t.dateTime}T12:00:00`);
    if (!Number.isNaN(date.getTime())) {
      t.textContent = new Intl.DateTimeFormat(language(), { dateStyle: 'full' }).format(date);
    }
  });
  root.querySelectorAll('time[data-local="datetime"]').forEach((t) => {
    const date = new Date(t.dateTime);
    if (!Number.isNaN(date.getTime())) {
      t.textContent = new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
    }
  });
}

// Where on the grid a drop landed: the clinician whose column it is and the local time of its row.
function target(grid, x, y) {
  const head = [...grid.querySelectorAll('.head')].find((h) => {
    const box = h.getBoundingClientRect();
    return x >= box.left && x < box.right;
  });
  const firstHour = grid.querySelector('.hour');
  if (!head || !firstHour || !head.dataset.clinician) return null;
  const box = firstHour.getBoundingClientRect();
  const row = Math.floor((y - box.top) / (box.height / (60 / ROW_MINUTES)));
  if (row < 0) return null;
  const minutes = Number(grid.dataset.firstMinute) + row * ROW_MINUTES;
  return { clinician: head.dataset.clinician, at: `${grid.dataset.date}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` };
}

// The block being dragged in this page. A drop acts only on it: what a drop carries can come from any other
// page or program, and must never choose what the console posts (with this session's CSRF token) and where.
let dragged = null;

document.addEventListener('dragstart', (event) => {
  const block = event.target.closest && event.target.closest('[data-move]');
  if (!block) return;
  dragged = block;
  event.dataTransfer.setData('text/plain', block.dataset.move);
  event.dataTransfer.effectAllowed = 'move';
});

document.addEventListener('dragend', () => {
  dragged = null;
});

document.addEventListener('dragover', (event) => {
  if (event.target.closest && event.target.closest('.grid')) event.preventDefault();
});

document.addEventListener('drop', async (event) => {
  const grid = event.target.closest && event.target.closest('.grid');
  const block = dragged;
  dragged = null;
  if (!grid || !block) return;
  const url = block.dataset.move;
  if (!/^\/console\/(test\/)?appointments\/[A-Za-z0-9_]+\/move$/.test(url)) return;
  event.preventDefault();
  const place = target(grid, event.clientX, event.clientY);
  if (!place) return;
  const token = document.querySelector('meta[name="csrf-token"]');
  const body = new URLSearchParams({ ...place, back: grid.dataset.back, _csrf: token ? token.content : '' });
  const response = await fetch(url, { method: 'POST', body, credentials: 'same-origin' });
  say(response.ok ? `Moved to ${place.at.replace('T', ' ')}.` : 'That time is not free; the appointment stays where it was.');
  window.htmx.trigger(document.getElementById('calendar'), 'sse:change');
});

// Open time on the grid: the quarter hour under the pointer, as a local clock time, and its row in the run.
function quarter(free, y) {
  const box = free.getBoundingClientRect();
  const rows = Number(free.dataset.rows) || 1;
  const row = Math.min(rows - 1, Math.max(0, Math.floor((y - box.top) / (box.height / rows))));
  const [hours, minutes] = free.dataset.from.split(':').map(Number);
  const at = hours * 60 + minutes + row * ROW_MINUTES;
  return { row, height: box.height / rows, at: `${pad(Math.floor(at / 60))}:${pad(at % 60)}` };
}

document.addEventListener('mousemove', (event) => {
  const free = event.target.closest && event.target.closest('a.free');
  if (!free) return;
  const label = free.querySelector('.free-label');
  const { row, height, at } = quarter(free, event.clientY);
  label.dataset.word ??= label.textContent;
  label.textContent = `${label.dataset.word} ${at}`;
  label.style.top = `${row * height}px`;
});

// A click books from the quarter hour clicked; Enter (a click with no pointer) from the run's first one.
document.addEventListener('click', (event) => {
  const free = event.target.closest && event.target.closest('a.free');
  if (!free || event.detail === 0) return;
  const url = new URL(free.href);
  url.searchParams.set('at', quarter(free, event.clientY).at);
  free.href = url.toString();
});

// Keyboard shortcuts: a letter follows the page's link that carries it (data-shortcut), '/' goes to the patient
// search and '?' opens the list of them. Never while typing in a field, nor with a modifier held.
function showShortcuts() {
  const list = document.getElementById('shortcuts');
  if (list && !list.open) list.showModal();
}

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  const here = event.target;
  if (here.closest && here.closest('input, textarea, select, [contenteditable="true"], dialog[open]')) return;
  if (event.key === '?') {
    event.preventDefault();
    showShortcuts();
  } else if (event.key === '/') {
    const find = document.getElementById('find-patient');
    if (find) {
      event.preventDefault();
      find.focus();
    }
  } else if (/^[a-z]$/.test(event.key)) {
    const link = document.querySelector(`a[data-shortcut="${event.key}"]`);
    if (link) {
      event.preventDefault();
      window.location.assign(link.href);
    }
  }
});

document.addEventListener('click', (event) => {
  if (event.target.closest && event.target.closest('[data-opens="shortcuts"]')) showShortcuts();
});
// The keys work from here on: a page's script runs after the page is shown, and a key pressed before is lost.
document.documentElement.dataset.keys = 'ready';

// Whether the calendar hears changes as they happen (the server tells it what it missed before that).
document.addEventListener('htmx:sseOpen', (event) => {
  if (event.target.id === 'calendar') event.target.dataset.live = 'open';
});
document.addEventListener('htmx:sseError', (event) => {
  if (event.target.id === 'calendar') event.target.dataset.live = 'reconnecting';
});

document.addEventListener('DOMContentLoaded', () => localise(document));
document.addEventListener('htmx:afterSwap', (event) => localise(event.target));
