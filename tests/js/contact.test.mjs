import assert from "node:assert/strict";
import { test } from "node:test";

import { fill, isolate, localTime, openStatus, shareOrCopy, statusText } from "../../docs/assets/contact.js";

// The free line: every day 09:00-12:30 and 13:30-16:00 (data/contact.yml).
const EVERY_DAY = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7].map((day) => [String(day), [[540, 750], [810, 960]]]),
);
// A desk open Monday to Friday, 09:00-12:00.
const WEEKDAYS = Object.fromEntries([1, 2, 3, 4, 5].map((day) => [String(day), [[540, 720]]]));

test("reads Brussels time in winter (UTC+1)", () => {
  // Monday 15 January 2024, 08:30 UTC
  assert.deepEqual(localTime(new Date("2024-01-15T08:30:00Z")), { weekday: 1, minutes: 9 * 60 + 30 });
});

test("reads Brussels time in summer (UTC+2)", () => {
  // Monday 1 July 2024, 07:30 UTC
  assert.deepEqual(localTime(new Date("2024-07-01T07:30:00Z")), { weekday: 1, minutes: 9 * 60 + 30 });
});

test("reads the Brussels day, not the UTC day, just after midnight", () => {
  // Sunday 30 June 2024, 22:30 UTC is Monday 00:30 in Brussels
  assert.deepEqual(localTime(new Date("2024-06-30T22:30:00Z")), { weekday: 1, minutes: 30 });
});

test("is open inside a range, until its end", () => {
  assert.deepEqual(openStatus(EVERY_DAY, { weekday: 3, minutes: 600 }), { open: true, until: 750 });
});

test("is closed at the closing minute and opens again after the break", () => {
  assert.deepEqual(openStatus(EVERY_DAY, { weekday: 3, minutes: 750 }), {
    open: false,
    inDays: 0,
    weekday: 3,
    at: 810,
  });
});

test("opens tomorrow morning after the last range of the day", () => {
  assert.deepEqual(openStatus(EVERY_DAY, { weekday: 7, minutes: 17 * 60 }), {
    open: false,
    inDays: 1,
    weekday: 1,
    at: 540,
  });
});

test("skips closed days: on Friday afternoon a weekday desk opens on Monday", () => {
  assert.deepEqual(openStatus(WEEKDAYS, { weekday: 5, minutes: 13 * 60 }), {
    open: false,
    inDays: 3,
    weekday: 1,
    at: 540,
  });
});

test("a schedule without any opening never opens", () => {
  assert.equal(openStatus({}, { weekday: 1, minutes: 600 }), null);
});

const TEXTS = {
  messages: {
    open: "Ouvert, jusqu’à %(time)s",
    opensToday: "Fermé. Ouvre aujourd’hui à %(time)s",
    opensTomorrow: "Fermé. Ouvre demain à %(time)s",
    opensOn: "Fermé. Ouvre %(day)s à %(time)s",
  },
  times: { 540: "09:00", 720: "12:00", 750: "12:30", 810: "13:30", 960: "16:00" },
  days: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
};

test("writes the status with the page's own texts and time labels", () => {
  const plain = (status) => statusText(status, TEXTS).replace(/[\u2068\u2069]/g, "");
  assert.equal(plain({ open: true, until: 750 }), "Ouvert, jusqu’à 12:30");
  assert.equal(plain({ open: false, inDays: 0, weekday: 3, at: 810 }), "Fermé. Ouvre aujourd’hui à 13:30");
  assert.equal(plain({ open: false, inDays: 1, weekday: 1, at: 540 }), "Fermé. Ouvre demain à 09:00");
  assert.equal(plain({ open: false, inDays: 3, weekday: 1, at: 540 }), "Fermé. Ouvre lundi à 09:00");
  assert.equal(statusText(null, TEXTS), "");
});

test("isolates times and days so that they keep their direction in right-to-left text", () => {
  assert.equal(
    statusText({ open: false, inDays: 3, weekday: 1, at: 540 }, TEXTS),
    "Fermé. Ouvre \u2068lundi\u2069 à \u206809:00\u2069",
  );
  assert.equal(isolate("9:00 ص"), "\u20689:00 ص\u2069");
});

test("fill leaves unknown placeholders as they are", () => {
  assert.equal(fill("%(time)s %(other)s", { time: "9:00" }), "9:00 %(other)s");
});

const PAGE = { title: "Contact", text: "Free phone line: 0800 327 45", url: "https://example.org/contact/" };

test("shares through the system share sheet when there is one", async () => {
  const shared = [];
  const nav = { share: async (data) => shared.push(data) };
  assert.equal(await shareOrCopy(PAGE, nav), "shared");
  assert.deepEqual(shared, [PAGE]);
});

test("does nothing more when the reader closes the share sheet", async () => {
  const copied = [];
  const nav = {
    share: async () => {
      throw Object.assign(new Error("cancelled"), { name: "AbortError" });
    },
    clipboard: { writeText: async (text) => copied.push(text) },
  };
  assert.equal(await shareOrCopy(PAGE, nav), "cancelled");
  assert.deepEqual(copied, []);
});

test("copies the link when there is no share sheet", async () => {
  const copied = [];
  const nav = { clipboard: { writeText: async (text) => copied.push(text) } };
  assert.equal(await shareOrCopy(PAGE, nav), "copied");
  assert.deepEqual(copied, [PAGE.url]);
});

test("copies the link when sharing is not allowed", async () => {
  const copied = [];
  const nav = {
    share: async () => {
      throw Object.assign(new Error("denied"), { name: "NotAllowedError" });
    },
    clipboard: { writeText: async (text) => copied.push(text) },
  };
  assert.equal(await shareOrCopy(PAGE, nav), "copied");
  assert.deepEqual(copied, [PAGE.url]);
});

test("fails when neither sharing nor copying works, so the page shows the link", async () => {
  const nav = {
    clipboard: {
      writeText: async () => {
        throw new Error("denied");
      },
    },
  };
  assert.equal(await shareOrCopy(PAGE, nav), "failed");
  assert.equal(await shareOrCopy(PAGE, {}), "failed");
});
