/**
 * The benchmark's screen rows (issue #16): what a user waits for, measured in the built app in
 * Chromium, each on a fresh page (a new JS realm: no in-memory cache survives), against the
 * book the bench page seeded. scripts/bench.mjs calls `measureScreens`.
 *
 * Timing happens inside the page: an init script watches the DOM (a MutationObserver plus a
 * frame loop) for a screen's "rendered" condition and takes performance.now() in the frame that
 * shows it. A page load counts from navigation start; an interaction counts from its first
 * input event (pointerdown, keydown or input) after the watcher is armed, so Playwright's own
 * round trips are not in the numbers.
 *
 * Rows (stable ids, read by scripts): app-open-today, screen-today, screen-reports,
 * screen-contact-heavy, sale-save, screen-sales-search, screen-contacts-filter,
 * search-first-after-open, search-ui-keystroke, today-heap.
 */
import { readFileSync } from 'node:fs';

export const SCREEN_ROWS = [
  'app-open-today',
  'today-heap',
  'screen-today',
  'screen-reports',
  'screen-contact-heavy',
  'sale-save',
  'screen-sales-search',
  'screen-contacts-filter',
  'search-first-after-open',
  'search-ui-keystroke',
];

/** English UI text the waits look for, read from the i18n files so a reworded string is caught. */
function english(file, key) {
  const text = readFileSync(`renderer/i18n/en/${file}.ts`, 'utf8');
  const m = new RegExp(`\\b${key}: '([^']*)'`).exec(text);
  if (!m) throw new Error(`no "${key}" in renderer/i18n/en/${file}.ts`);
  return m[1];
}

/**
 * Runs in the page before the app (page.addInitScript): English UI, and `window.__kb`, the
 * watcher. `load` is the condition that ends the page load, checked from the first frame.
 */
function watcherInit({ load }) {
  try {
    localStorage.setItem('kenal.language', 'en');
  } catch {
    // storage unavailable: the browser's language (en-US) is English anyway
  }
  const q = (sel, root = document) => root.querySelector(sel);
  const qa = (sel, root = document) => [...root.querySelectorAll(sel)];
  const visible = (el) => !!el && el.getClientRects().length > 0;
  const text = (el) => (el?.textContent ?? '').trim();
  const conditions = {
    selector: (sel) => visible(q(sel)),
    text: ({ selector, includes }) => qa(selector).some((el) => text(el).includes(includes)),
    changed: ({ selector, from }) => {
      const el = q(selector);
      return !!el && text(el) !== from;
    },
    today: () => {
      if (!q('[data-testid="today-page"][data-loaded="true"]')) return false;
      const expiring = q('[data-testid="today-expiring"]');
      // Gone quiet reads the names of its shown rows after the list: wait for them too.
      const quiet = q('[data-testid="today-quiet"]');
      return !!expiring && qa('a', expiring).length > 0 && (!quiet || qa('a', quiet).length > 0);
    },
    reports: ({ loading }) => {
      const liability = q('[data-testid="kpi-liability-value"]');
      return (
        !!liability &&
        text(liability) !== loading &&
        !q('[data-testid="reports-progress"]') &&
        visible(q('canvas'))
      );
    },
    points: () =>
      visible(q('[data-testid="points-balance"]')) && visible(q('[data-testid="ledger-row"]')),
    // The list answers `query` and its rows on screen are read, or "no contact matches".
    contacts: ({ query, noMatch }) => {
      const list = qa('[data-testid="contact-list"]').find((el) => el.dataset.query === query);
      if (list) {
        return (
          qa('[data-testid="contact-row"]', list).length > 0 &&
          !q('[data-testid="contact-row-loading"]', list)
        );
      }
      return qa('h2').some((h) => text(h) === noMatch.replace('{{query}}', query));
    },
    // "N of M" with N < M (the old, unfiltered list also reads "M of M" for a moment).
    filtered: ({ noMatch }) => {
      const m = /^([\d.,\s]+) of ([\d.,\s]+)$/.exec(text(q('[data-testid="contact-count"]')));
      if (m && m[1] !== m[2]) return true;
      return qa('h2').some((h) => text(h) === noMatch);
    },
  };
  const check = (spec) => {
    try {
      return conditions[spec.kind](spec.arg);
    } catch {
      return false;
    }
  };
  /** Resolves with the time of the frame in which `spec` first holds. */
  const until = (spec, timeoutMs) =>
    new Promise((resolve) => {
      let done = false;
      const finish = (value) => {
        if (done) return;
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        resolve(value);
      };
      const test = () => {
        if (done || !check(spec)) return;
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        // The frame that will paint the change.
        requestAnimationFrame(() => resolve({ at: performance.now() }));
      };
      const observer = new MutationObserver(test);
      observer.observe(document, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      const frame = () => {
        if (done) return;
        test();
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      const timer = setTimeout(() => finish({ timedOut: true, at: performance.now() }), timeoutMs);
      test();
    });
  let armed = null;
  for (const type of ['pointerdown', 'keydown', 'input']) {
    window.addEventListener(
      type,
      () => {
        if (armed && armed.inputAt === null) armed.inputAt = performance.now();
      },
      true,
    );
  }
  window.__kb = {
    loaded: load ? until(load.spec, load.timeoutMs) : Promise.resolve({ at: 0 }),
    /** Start watching for `spec`; the next input event starts the clock. */
    arm(spec, timeoutMs) {
      const state = { inputAt: null, result: null };
      armed = state;
      state.result = until(spec, timeoutMs).then((r) => ({
        ...r,
        ms: r.at - (state.inputAt ?? r.at),
        noInput: state.inputAt === null,
      }));
    },
    result: () => armed.result,
  };
}

export async function measureScreens({ context, base, scale, seed, wanted, timeoutMs, log }) {
  const strings = {
    liabilityLoading: english('reports', 'liabilityLoading'),
    salesNoMatch: english('sales', 'noMatchTitle'),
    contactsNoMatch: english('contacts', 'noMatchTitle'),
    filtersNoMatch: english('contacts', 'noMatchFilters'),
    noPurchaseDays: english('contacts', 'noPurchaseDays'),
    filtersButton: english('contacts', 'button'),
    searchContacts: english('contacts', 'searchLabel'),
    searchSales: english('sales', 'searchLabel'),
    pointsTab: english('contacts', 'loyalty'),
    recordSale: english('sales', 'record'),
    amount: english('sales', 'amount'),
  };
  const size = `${scale.contacts.toLocaleString('en')} contacts, ${scale.sales.toLocaleString('en')} sales`;
  const rows = [];
  const row = (id, name, ms, target, detail, timedOut = false) =>
    rows.push({
      scenario: id,
      id,
      name: `${name} (${size})`,
      unit: 'ms',
      ours: ms,
      target: { kind: 'abs-max', value: target },
      detail: timedOut ? `NOT RENDERED within ${timeoutMs} ms; ${detail}` : detail,
      timedOut,
    });

  /** A new page (fresh JS realm) loading `hash`, timed until `spec` holds. */
  async function open(hash, spec) {
    const page = await context.newPage();
    // A busy page can take long to accept a click: every action waits as long as a screen may.
    page.setDefaultTimeout(timeoutMs);
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    await page.addInitScript(watcherInit, { load: { spec, timeoutMs } });
    await page.goto(`${base}/#${hash}`);
    const r = await page.evaluate(() => window.__kb.loaded);
    return { page, ms: r.at, timedOut: !!r.timedOut };
  }
  /** Arm, act, and wait: the time from the action's first input event to `spec` showing. */
  async function interact(page, spec, act) {
    await page.evaluate(([s, t]) => window.__kb.arm(s, t), [spec, timeoutMs]);
    await act();
    const r = await page.evaluate(() => window.__kb.result());
    if (r.noInput) throw new Error(`no input event reached the page for ${spec.kind}`);
    return { ms: r.ms, timedOut: !!r.timedOut };
  }
  const run = async (id, fn) => {
    if (!wanted.includes(id)) return;
    log(`screen ${id}`);
    try {
      await fn();
    } catch (e) {
      rows.push({
        scenario: id,
        id,
        name: id,
        unit: 'ms',
        target: { kind: 'abs-max', value: 0 },
        error: String(e?.message ?? e).split('\n')[0],
      });
    }
  };
  const today = { kind: 'today' };

  if (wanted.includes('app-open-today') || wanted.includes('today-heap')) {
    await run('app-open-today', async () => {
      const times = [];
      let timedOut = false;
      for (let i = 0; i < 3 && !timedOut; i++) {
        const opened = await open('/', today);
        times.push(opened.ms);
        timedOut = opened.timedOut;
        // The Today page's heap, after a full GC, on the last load: page + its workers.
        if ((i === 2 || timedOut || opened.ms > 5000) && wanted.includes('today-heap')) {
          await measureHeap(opened.page, context, size, rows);
          await opened.page.close();
          break;
        }
        await opened.page.close();
        if (opened.ms > 5000) break; // slow: one load is enough
      }
      const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
      row(
        'app-open-today',
        'Open the app to Today, every list shown',
        median,
        1000,
        `page load to Today's lists (points about to expire included); median of ${times.map((t) => Math.round(t)).join(', ')} ms`,
        timedOut,
      );
    });
  }

  await run('screen-today', async () => {
    const settings = await open('/settings', {
      kind: 'selector',
      arg: '[data-testid="shop-settings"]',
    });
    const r = await interact(settings.page, today, () =>
      settings.page.locator('nav').getByRole('link', { name: 'Today', exact: true }).click(),
    );
    await settings.page.close();
    row(
      'screen-today',
      'Today screen: follow-ups, birthdays, gone quiet, complaints, points about to expire',
      r.ms,
      1000,
      `from the click on Today (app just opened on Settings, ${Math.round(settings.ms)} ms) to every list shown`,
      r.timedOut,
    );
  });

  await run('screen-reports', async () => {
    const r = await open('/reports', {
      kind: 'reports',
      arg: { loading: strings.liabilityLoading },
    });
    await r.page.close();
    row(
      'screen-reports',
      'Reports screen with the points liability',
      r.ms,
      1000,
      'page load to the charts and the liability figure shown',
      r.timedOut,
    );
  });

  const heavyWanted = wanted.includes('screen-contact-heavy') || wanted.includes('sale-save');
  let heavyPage;
  if (heavyWanted) {
    await run('screen-contact-heavy', async () => {
      const opened = await open(`/contacts/${seed.heavyContactId}`, {
        kind: 'selector',
        arg: '[data-testid="timeline-entry"]',
      });
      heavyPage = opened.page;
      const tab = opened.timedOut
        ? { ms: 0, timedOut: true }
        : await interact(heavyPage, { kind: 'points' }, () =>
            heavyPage.getByRole('tab', { name: strings.pointsTab }).click(),
          );
      if (!wanted.includes('screen-contact-heavy')) return;
      row(
        'screen-contact-heavy',
        `A customer with ${(scale.heavySales ?? 5000).toLocaleString('en')} sales: contact page, then the points tab`,
        opened.ms + tab.ms,
        1000,
        `page load to the timeline ${Math.round(opened.ms)} ms + tab click to balance and ledger ${Math.round(tab.ms)} ms`,
        opened.timedOut || tab.timedOut,
      );
    });
  }
  await run('sale-save', async () => {
    if (!heavyPage) throw new Error('the heavy customer page did not open');
    const page = heavyPage;
    const times = [];
    let timedOut = false;
    for (let i = 0; i < 3 && !timedOut; i++) {
      await page.getByRole('button', { name: strings.recordSale }).first().click();
      const dialog = page.getByRole('dialog');
      const amount = dialog.getByLabel(strings.amount, { exact: false }).first();
      await amount.fill(String(250_000 + i * 1000));
      // The preview ("Earns N points") is computed before the save is timed.
      await dialog.getByText(/Earns [\d.,]+ points/).waitFor({ timeout: timeoutMs });
      const from = (await page.getByTestId('points-balance').textContent())?.trim() ?? '';
      const r = await interact(
        page,
        { kind: 'changed', arg: { selector: '[data-testid="points-balance"]', from } },
        () => amount.press('Enter'),
      );
      times.push(r.ms);
      timedOut = r.timedOut;
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden', timeout: timeoutMs });
      if (r.ms > 5000) break; // slow: one save is enough
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
    row(
      'sale-save',
      'Record a sale: Enter in the form to the new points balance shown',
      median,
      200,
      `on the ${(scale.heavySales ?? 5000).toLocaleString('en')}-sale customer's points tab; median of ${times.map((t) => Math.round(t)).join(', ')} ms`,
      timedOut,
    );
  });
  await heavyPage?.close();

  await run('screen-sales-search', async () => {
    const opened = await open('/sales', { kind: 'selector', arg: '[data-testid="sale-row"]' });
    const r = opened.timedOut
      ? { ms: 0, timedOut: true }
      : await interact(
          opened.page,
          { kind: 'text', arg: { selector: 'h2', includes: strings.salesNoMatch } },
          () => opened.page.getByLabel(strings.searchSales).fill('zzqx'),
        );
    await opened.page.close();
    row(
      'screen-sales-search',
      'Sales screen: a search with no match',
      r.ms,
      1000,
      `typing "zzqx" to "${strings.salesNoMatch}"; the screen opened in ${Math.round(opened.ms)} ms`,
      opened.timedOut || r.timedOut,
    );
  });

  await run('screen-contacts-filter', async () => {
    const opened = await open('/contacts', {
      kind: 'selector',
      arg: '[data-testid="contact-row"]',
    });
    const { page } = opened;
    await page.getByRole('button', { name: strings.filtersButton, exact: true }).click();
    const days = page.getByLabel(strings.noPurchaseDays);
    await days.waitFor({ timeout: timeoutMs });
    const r = await interact(
      page,
      { kind: 'filtered', arg: { noMatch: strings.filtersNoMatch } },
      () => days.fill('90'),
    );
    const count = (await page.getByTestId('contact-count').textContent())?.trim();
    await page.close();
    row(
      'screen-contacts-filter',
      'Contacts filter "no purchase in 90 days"',
      r.ms,
      1000,
      `typing 90 to the filtered list (${count ?? 'no count'}); the list opened in ${Math.round(opened.ms)} ms`,
      opened.timedOut || r.timedOut,
    );
  });

  if (wanted.includes('search-first-after-open') || wanted.includes('search-ui-keystroke')) {
    const opened = await open('/contacts', {
      kind: 'selector',
      arg: '[data-testid="contact-row"]',
    });
    const { page } = opened;
    const box = page.getByRole('searchbox', { name: strings.searchContacts, exact: true });
    const answer = (query) => ({
      kind: 'contacts',
      arg: { query, noMatch: strings.contactsNoMatch },
    });
    let ready = false;
    await run('search-first-after-open', async () => {
      const r = await interact(page, answer('siti'), () => box.fill('siti'));
      ready = !r.timedOut;
      row(
        'search-first-after-open',
        'First search right after opening the app',
        r.ms,
        50,
        `"siti" typed as soon as the contact list showed (${Math.round(opened.ms)} ms after load) to its rows shown`,
        r.timedOut,
      );
    });
    await run('search-ui-keystroke', async () => {
      if (!ready) await interact(page, answer('siti'), () => box.fill('siti'));
      const times = [];
      const worst = { ms: 0, query: '' };
      for (const word of KEYSTROKE_WORDS) {
        await box.click();
        await page.keyboard.press('ControlOrMeta+A');
        for (let i = 1; i <= word.length; i++) {
          const query = word.slice(0, i);
          const r = await interact(page, answer(query), () => page.keyboard.type(word[i - 1]));
          if (r.timedOut) throw new Error(`"${query}" not shown within ${timeoutMs} ms`);
          times.push(r.ms);
          if (r.ms > worst.ms) Object.assign(worst, { ms: r.ms, query });
        }
      }
      row(
        'search-ui-keystroke',
        'Contact search: keystroke to rendered rows, p95',
        percentile(times, 95),
        50,
        `${times.length} keystrokes in the contact list's search box; p50 ${percentile(times, 50).toFixed(1)} ms, max ${worst.ms.toFixed(1)} ms ("${worst.query}")`,
      );
    });
    await page.close();
  }
  return rows;
}

/** Words typed letter by letter (demo names: they match at every book size). */
const KEYSTROKE_WORDS = ['budi', 'dewi', 'santoso', 'rahayu', 'agus', 'lestari', 'wati'];

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

async function measureHeap(page, context, size, rows) {
  const cdp = await context.newCDPSession(page);
  await page.waitForTimeout(500);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const workers = await workerHeaps(cdp);
  const total = usedSize + workers.reduce((a, b) => a + b, 0);
  const mb = (n) => (n / 1024 / 1024).toFixed(1);
  rows.push({
    scenario: 'today-heap',
    id: 'today-heap',
    name: `JS heap on Today, page + workers (${size})`,
    unit: 'MB',
    ours: total / 1024 / 1024,
    target: { kind: 'abs-max', value: 100 },
    detail: `after GC: page ${mb(usedSize)} MB, ${workers.length} worker(s) ${workers.map(mb).join(' + ') || '0'} MB`,
  });
}

/**
 * Each dedicated worker's JS heap after a GC. Playwright's CDP session speaks to the page only,
 * so the workers are reached through the Target domain's message relay.
 */
export async function workerHeaps(cdp) {
  const sessions = [];
  const waiting = new Map();
  let seq = 0;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') sessions.push(e.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    waiting.get(m.id)?.(m);
  });
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  await new Promise((ok) => setTimeout(ok, 500));
  const ask = (sessionId, method) =>
    new Promise((ok, fail) => {
      const id = ++seq;
      const timer = setTimeout(() => fail(new Error(`${method}: no answer`)), 60_000);
      waiting.set(id, (m) => {
        clearTimeout(timer);
        if (m.error) fail(new Error(`${method}: ${m.error.message}`));
        else ok(m.result);
      });
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params: {} }),
      });
    });
  const heaps = [];
  for (const sessionId of sessions) {
    await ask(sessionId, 'HeapProfiler.collectGarbage');
    heaps.push((await ask(sessionId, 'Runtime.getHeapUsage')).usedSize);
  }
  return heaps;
}
