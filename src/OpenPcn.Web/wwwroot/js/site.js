// Starts the NHS.UK frontend components (header menu, error summary focus, buttons, details) on every page.
import { initAll } from '/lib/nhsuk-frontend/nhsuk-frontend.min.js';

initAll();
