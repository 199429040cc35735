/* global window, document, requestAnimationFrame */
/**
 * Responsiveness probes for the bench: what a user would feel while the page works.
 *
 * - Frame gaps: a requestAnimationFrame loop records the time between consecutive frames. A
 *   healthy page paints every ~16.7 ms; a gap of N ms means nothing was painted (no progress bar,
 *   no caret) for N ms. Headless Chromium paints at 60 Hz, so gaps come in steps of ~16.7 ms.
 * - Long tasks: a PerformanceObserver for 'longtask' entries (main-thread tasks over 50 ms).
 * - Input delay: every 100 ms, Node dispatches a real keypress through playwright
 *   (`page.keyboard.press`, i.e. CDP Input.dispatchKeyEvent, the same path as a keyboard) into a
 *   focused text input. A capture-phase `keydown` listener on window takes `performance.now()`
 *   when the page's main thread finally runs it, minus `event.timeStamp`, which Chromium stamps
 *   when the browser process creates the event, before it queues it for the renderer's main thread.
 *   The difference is the time the keypress waited for the main thread: the "input delay" of the
 *   Event Timing API. The presses are not awaited one by one: they keep coming every 100 ms as a
 *   typist's would, so a main thread blocked for 1 s yields ten delayed presses (1000, 900, …
 *   100 ms), not one. Checked by blocking the main thread for 1 s with a busy loop: the delays
 *   read 1000, 862, 692, … ms, and the round trip of each press seen from Node agreed.
 *   `page.evaluate(() => performance.now())` round trips were not used: they go through the same
 *   queue but also through playwright's own protocol, and measure nothing a user does.
 */

/**
 * Adds the probes to the page (once per page): an off-screen text input outside React's root (so
 * no re-render removes it), the keydown listener, the frame loop and the long-task observer. They
 * record only between `startProbes` and `stopProbes`.
 * @param {import('playwright-core').Page} page
 */
export async function installProbes(page) {
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    if (w.__bench) return;
    const input = document.createElement('input');
    input.type = 'text';
    input.tabIndex = -1;
    input.setAttribute('aria-hidden', 'true');
    input.dataset['testid'] = 'bench-input';
    input.style.position = 'fixed';
    input.style.left = '-10000px';
    input.style.top = '0';
    document.body.append(input);
    const state = {
      input,
      recording: false,
      from: 0,
      lastFrame: 0,
      /** @type {number[]} */ gaps: [],
      /** @type {number[]} */ keyDelays: [],
      /** @type {{ start: number, duration: number }[]} */ longTasks: [],
      longTasksSupported: PerformanceObserver.supportedEntryTypes.includes('longtask'),
      /** @type {PerformanceObserver | null} */ observer: null,
    };
    window.addEventListener(
      'keydown',
      (event) => {
        if (state.recording) state.keyDelays.push(performance.now() - event.timeStamp);
      },
      true,
    );
    if (state.longTasksSupported) {
      state.observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          state.longTasks.push({ start: entry.startTime, duration: entry.duration });
      });
      state.observer.observe({ type: 'longtask' });
    }
    /** @param {number} time */
    const frame = (time) => {
      if (state.recording) {
        if (state.lastFrame > 0) state.gaps.push(time - state.lastFrame);
        state.lastFrame = time;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    w.__bench = state;
  });
}

/** Empties the records, focuses the probe input and starts recording. @param {import('playwright-core').Page} page */
export async function startProbes(page) {
  await page.evaluate(() => {
    const state = /** @type {any} */ (window).__bench;
    state.gaps = [];
    state.keyDelays = [];
    state.longTasks = [];
    state.lastFrame = 0;
    state.from = performance.now();
    state.input.value = '';
    state.input.focus();
    state.recording = true;
  });
}

/**
 * Stops recording and returns what was recorded since `startProbes`.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ gaps: number[], keyDelays: number[], longTasks: number[] | null, focused: boolean }>}
 */
export async function stopProbes(page) {
  return page.evaluate(() => {
    const state = /** @type {any} */ (window).__bench;
    state.recording = false;
    if (state.observer) {
      for (const entry of state.observer.takeRecords())
        state.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
    return {
      gaps: state.gaps,
      keyDelays: state.keyDelays,
      longTasks: state.longTasksSupported
        ? state.longTasks
            .filter((/** @type {{ start: number }} */ t) => t.start + 0.5 >= state.from)
            .map((/** @type {{ duration: number }} */ t) => t.duration)
        : null,
      focused: document.activeElement === state.input,
    };
  });
}

/**
 * Presses a key every `intervalMs` on a fixed schedule, without waiting for earlier presses to be
 * answered (a typist does not wait either). `stop()` ends the schedule, waits for every press
 * already sent and returns how many were sent.
 * @param {import('playwright-core').Page} page @param {number} intervalMs
 */
export function pressEvery(page, intervalMs) {
  /** @type {Promise<unknown>[]} */
  const sent = [];
  const start = performance.now();
  let stopped = false;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const tick = () => {
    if (stopped) return;
    sent.push(page.keyboard.press('a').catch((/** @type {unknown} */ error) => error));
    timer = setTimeout(tick, Math.max(0, start + (sent.length + 1) * intervalMs - performance.now()));
  };
  timer = setTimeout(tick, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const outcomes = await Promise.all(sent);
      const failure = outcomes.find((o) => o instanceof Error);
      if (failure) throw failure;
      return sent.length;
    },
  };
}

/**
 * Runs `action` (which resolves when the user would see it finished) with the probes and the
 * keypresses running, and returns its wall time as seen from Node with the probe records.
 * @param {import('playwright-core').Page} page @param {() => Promise<void>} action
 */
export async function measure(page, action) {
  await startProbes(page);
  const keys = pressEvery(page, 100);
  const started = performance.now();
  try {
    await action();
  } catch (error) {
    await keys.stop().catch(() => 0);
    throw error;
  }
  const ms = performance.now() - started;
  // Every press already sent is answered (and recorded) before recording stops.
  const pressed = await keys.stop();
  const probes = await stopProbes(page);
  return { ms, pressed, ...probes };
}
