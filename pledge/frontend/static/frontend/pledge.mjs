// Starts GOV.UK Frontend's JavaScript. Loaded as a module, so browsers too old for GOV.UK Frontend
// never run it and get the plain HTML pages, which work without JavaScript.
import { initAll } from "./govuk-frontend.min.js";

// GOV.UK's page template sets these classes with an inline script; Pledge sets them here so the
// Content-Security-Policy can forbid inline scripts.
document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
