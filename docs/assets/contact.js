// "Open now / opens at" for the free phone line and the desks, in Brussels time,
// and the Share button. No dependency, nothing requested from another site.
// The page gives the hours and every text already in the reader's language
// (data-* attributes written by hooks/returnsite/contact_pages.py).

const WEEKDAYS = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** ISO weekday (1 is Monday) and minutes after midnight of `date` in a time zone. */
export function localTime(date, timeZone = "Europe/Brussels") {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const part = (type) => parts.find((p) => p.type === type).value;
  // Some engines write midnight as 24:00 even with h23.
  return { weekday: WEEKDAYS[part("weekday")], minutes: (Number(part("hour")) % 24) * 60 + Number(part("minute")) };
}

/**
 * Whether a schedule ({"1": [[540, 750], ...]}, ISO weekday -> minute ranges) is
 * open at `now`: {open: true, until} or {open: false, inDays, weekday, at};
 * null when it never opens.
 */
export function openStatus(schedule, now) {
  for (const [start, end] of schedule[now.weekday] ?? []) {
    if (now.minutes >= start && now.minutes < end) return { open: true, until: end };
    if (now.minutes < start) return { open: false, inDays: 0, weekday: now.weekday, at: start };
  }
  for (let inDays = 1; inDays <= 7; inDays++) {
    const weekday = ((now.weekday - 1 + inDays) % 7) + 1;
    const ranges = schedule[weekday] ?? [];
    if (ranges.length) return { open: false, inDays, weekday, at: ranges[0][0] };
  }
  return null;
}

/** Replace %(name)s (gettext's Python format) in a translated text; unknown names stay. */
export function fill(template, values) {
  return template.replace(/%\((\w+)\)s/g, (whole, name) => (name in values ? values[name] : whole));
}

/**
 * The sentence for a status, from the page's texts: messages {open, opensToday,
 * opensTomorrow, opensOn}, times {minutes: label}, days [Monday first].
 */
export function statusText(status, { messages, times, days }) {
  if (status === null) return "";
  if (status.open) return fill(messages.open, { time: isolate(times[status.until]) });
  const values = { time: isolate(times[status.at]), day: isolate(days[status.weekday - 1]) };
  if (status.inDays === 0) return fill(messages.opensToday, values);
  if (status.inDays === 1) return fill(messages.opensTomorrow, values);
  return fill(messages.opensOn, values);
}

/** Keep a time or day in its own direction inside a sentence of the other direction. */
export function isolate(text) {
  return `\u2068${text}\u2069`;
}

/**
 * Share through the system's share sheet, else copy the link.
 * Returns "shared", "cancelled", "copied" or "failed" (then show the link to copy by hand).
 */
export async function shareOrCopy({ title, text, url }, nav) {
  if (typeof nav.share === "function") {
    try {
      await nav.share({ title, text, url });
      return "shared";
    } catch (error) {
      if (error && error.name === "AbortError") return "cancelled";
      // Not allowed here (e.g. inside a frame): copy instead.
    }
  }
  if (nav.clipboard && typeof nav.clipboard.writeText === "function") {
    try {
      await nav.clipboard.writeText(url);
      return "copied";
    } catch {
      // Refused by the browser: show the link instead.
    }
  }
  return "failed";
}

// --- Wiring into the page ------------------------------------------------------

function showStatus(element) {
  const d = element.dataset;
  const texts = {
    messages: { open: d.open, opensToday: d.opensToday, opensTomorrow: d.opensTomorrow, opensOn: d.opensOn },
    times: JSON.parse(d.times),
    days: JSON.parse(d.days),
  };
  const schedule = JSON.parse(d.hours);
  const update = () => {
    const status = openStatus(schedule, localTime(new Date()));
    const text = statusText(status, texts);
    // A live region: screen readers announce it only when it changes.
    if (element.textContent !== text) element.textContent = text;
    element.classList.toggle("open-status--open", Boolean(status && status.open));
    element.hidden = !element.textContent;
  };
  update();
  setInterval(update, 60 * 1000);
}

function pageUrl() {
  const canonical = document.querySelector('link[rel="canonical"]');
  const url = new URL(canonical ? canonical.href : location.href);
  url.hash = "";
  return url.href;
}

function setUpShare(box) {
  const button = box.querySelector("button");
  const status = box.querySelector("[role=status]");
  const canShare = typeof navigator.share === "function" || Boolean(navigator.clipboard);
  // Without either, the footer still shows the number and the page's address bar.
  if (!canShare) return;
  box.hidden = false;
  button.addEventListener("click", async () => {
    const url = pageUrl();
    const result = await shareOrCopy({ title: document.title, text: button.dataset.shareText, url }, navigator);
    status.replaceChildren();
    if (result === "copied") {
      status.textContent = button.dataset.copied;
    } else if (result === "failed") {
      const field = document.createElement("input");
      field.readOnly = true;
      field.value = url;
      field.dir = "ltr";
      field.className = "site-share__link";
      field.setAttribute("aria-label", button.dataset.copyHere);
      status.append(button.dataset.copyHere, " ", field);
      field.select();
    }
  });
}

if (typeof document !== "undefined") {
  document.querySelectorAll("[data-open-status]").forEach(showStatus);
  document.querySelectorAll("[data-share]").forEach(setUpShare);
}
