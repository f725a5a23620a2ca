"""The cost of polling linked calendars (docs/benchmarks.md): serves N .ics files with ETags on loopback, links each to
a clinician of a fresh organization on a running server, and measures the server's and PostgreSQL's CPU and the
database's work over the first read of every link (each file new) and over one more poll of every link (each
file unchanged: a conditional GET answered 304). Run by bench/calendar-links.sh."""
import hashlib, json, os, sys, threading, time, urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from datetime import datetime, timedelta, timezone

base, token, server_pid, pg_pids_file, links = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
EVENTS = 40
answered = {"200": 0, "304": 0}


def calendar(i, shift=0, extra=0):
    start = datetime.now(timezone.utc).replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days=1, hours=shift)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN"]
    for e in range(EVENTS + extra):
        at = start + timedelta(days=7 * e + i % 5, hours=i % 6)
        lines += ["BEGIN:VEVENT", f"UID:{i}-{e}", "DTSTAMP:20260101T000000Z",
                  "DTSTART:" + at.strftime("%Y%m%dT%H%M%SZ"),
                  "DTEND:" + (at + timedelta(minutes=45)).strftime("%Y%m%dT%H%M%SZ"), "SUMMARY:Busy", "END:VEVENT"]
    return ("\r\n".join(lines + ["END:VCALENDAR"]) + "\r\n").encode()


FILES = {f"/cal/{i}.ics": calendar(i) for i in range(links)}
TAGS = {path: '"' + hashlib.md5(body).hexdigest() + '"' for path, body in FILES.items()}


class Files(BaseHTTPRequestHandler):
    def do_GET(self):
        body, tag = FILES[self.path], TAGS[self.path]
        if self.headers.get("If-None-Match") == tag:
            answered["304"] += 1
            self.send_response(304)
            self.send_header("ETag", tag)
            self.end_headers()
            return
        answered["200"] += 1
        self.send_response(200)
        self.send_header("ETag", tag)
        self.send_header("Content-Type", "text/calendar")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


files = ThreadingHTTPServer(("127.0.0.1", 0), Files)
threading.Thread(target=files.serve_forever, daemon=True).start()


def call(method, path, body=None, key=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("Authorization", "Bearer " + (key or token))
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except FileNotFoundError:
            pass
    return total / os.sysconf("SC_CLK_TCK")


def pg_pids():
    return [int(p) for p in open(pg_pids_file).read().split()]


def psql(sql):
    return os.popen(f"psql -XAtq -c \"{sql}\"").read().strip()


def stats():
    return [int(x) for x in psql("SELECT xact_commit, tup_inserted, tup_deleted, tup_updated, tup_returned + tup_fetched "
                                 "FROM pg_stat_database WHERE datname = current_database()").split("|")]


def measure(label, until):
    os.system(f"pgrep -d ' ' -f 'postgres' > {pg_pids_file}")
    pids = pg_pids()
    server0, pg0, db0, t0 = cpu_seconds([server_pid]), cpu_seconds(pids), stats(), time.time()
    until()
    server1, pg1, db1, t1 = cpu_seconds([server_pid]), cpu_seconds(pids), stats(), time.time()
    d = [b - a for a, b in zip(db0, db1)]
    print(f"{label}: {t1 - t0:.1f} s wall, server CPU {server1 - server0:.1f} s, PostgreSQL CPU {pg1 - pg0:.1f} s, "
          f"{d[0]} transactions, {d[1]} rows inserted, {d[2]} deleted, {d[3]} updated, {d[4]} read", flush=True)
    return t1 - t0, server1 - server0, pg1 - pg0


org = call("POST", "/admin/v1/organizations", {"name": "Calendar bench", "timezone": "Europe/London", "country": "GB", "currency": "GBP"})
key = next(k["key"] for k in org["data"]["api_keys"] if k["type"] == "secret" and k["mode"] == "live")
port = files.server_address[1]
idle = measure("idle server, 20 s", lambda: time.sleep(20))
made = []
for i in range(links):
    clinician = call("POST", "/v1/clinicians", {"name": f"Dr Bench {i}", "timezone": "Europe/London"}, key)["data"]["id"]
    made.append((clinician, f"http://127.0.0.1:{port}/cal/{i}.ics"))


def synced_after(moment):
    return int(psql(f"SELECT count(*) FROM calendar_links WHERE sync_status = 'synced' AND polled_at > to_timestamp({moment})"))


start = time.time()
for clinician, url in made:
    call("POST", "/v1/calendar-links", {"clinician_id": clinician, "kind": "ics", "url": url, "poll_minutes": 1}, key)
print(f"{links} links made in {time.time() - start:.1f} s", flush=True)


def all_read(moment):
    """Every link read after the moment, and the time its reads freed offered to the waitlist (or found to suit
    nobody): that work is part of what a changed calendar costs."""
    def wait():
        while synced_after(moment) < links or int(psql("SELECT count(*) FROM waitlist_openings")) > 0:
            time.sleep(0.5)
    return wait


all_read(start)()  # each link is read once as soon as it is made
print(f"first read done: busy rows {psql('SELECT count(*) FROM blocking_intervals WHERE calendar_link_id IS NOT NULL')}, "
      f"files served: {answered['200']} whole, {answered['304']} not modified", flush=True)


def change(label, **how):
    FILES.update({f"/cal/{i}.ics": calendar(i, **how) for i in range(links)})
    TAGS.update({path: '"' + hashlib.md5(body).hexdigest() + '"' for path, body in FILES.items()})
    result = measure(label, all_read(time.time()))
    print(f"  files served: {answered['200']} whole, {answered['304']} not modified", flush=True)
    return result


# A clinician adds an event: the whole file is read again, one busy time is added, nothing is freed.
added = change(f"one poll of every link, one event added to every calendar ({EVENTS + 1} read each)", extra=1)
# Every event of every calendar moves an hour: every busy row is replaced and every old time offered to the
# waitlist, the worst a poll can bring.
first = change(f"one poll of every link, every event moved ({EVENTS + 1} replaced each)", shift=1, extra=1)
again = measure(f"one more poll of every link (unchanged, 304)", all_read(time.time()))
print(f"  files served: {answered['200']} whole, {answered['304']} not modified", flush=True)
per_second = lambda m: (m[1] + m[2]) - (idle[1] + idle[2]) * m[0] / idle[0]
print(f"per 1,000 polls beyond idle: one event added {1000 * per_second(added) / links:.1f} CPU-s, "
      f"every event moved {1000 * per_second(first) / links:.1f} CPU-s, "
      f"unchanged {1000 * per_second(again) / links:.1f} CPU-s; at one poll per link every 15 minutes, "
      f"{links} unchanged links cost {100 * per_second(again) / 900:.2f} % of one core")
