// One list of Chromium flags for the Playwright configs and the benchmark runner.
export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
