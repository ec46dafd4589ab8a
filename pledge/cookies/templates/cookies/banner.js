{% autoescape off %}// Pledge cookie banner for the council's other websites. Copy-paste use: see /cookies/example/.
// It reads and writes the same preference cookie as Pledge ("v:<version>|id:<random>|analytics:yes|embedded:no"),
// shows the same questions, and switches on elements marked data-pledge-consent="<purpose>" only after consent:
//   <script type="text/plain" data-pledge-consent="analytics" src="..."></script>  (not fetched until consent)
//   <iframe data-pledge-consent="embedded" data-src="..." title="..." hidden></iframe>
(function () {
  "use strict";
  var config = {{ config }};

  function readChoice() {
    var parts = document.cookie ? document.cookie.split("; ") : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (parts[i].slice(0, eq) !== config.cookieName) continue;
      var choice = { version: 0, id: "", answers: {} };
      var fields = parts[i].slice(eq + 1).split("|");
      for (var j = 0; j < fields.length; j++) {
        var colon = fields[j].indexOf(":");
        if (colon < 0) return null;
        var key = fields[j].slice(0, colon);
        var value = fields[j].slice(colon + 1);
        if (key === "v") choice.version = parseInt(value, 10);
        else if (key === "id") choice.id = value;
        else if (value === "yes" || value === "no") choice.answers[key] = value === "yes";
      }
      return /^[A-Za-z0-9_-]{16,40}$/.test(choice.id) && choice.version > 0 ? choice : null;
    }
    return null;
  }

  function newId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return btoa(String.fromCharCode.apply(null, bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function formatChoice(choice) {
    var parts = ["v:" + choice.version, "id:" + choice.id];
    ["functionality", "analytics", "embedded"].forEach(function (purpose) {
      if (purpose in choice.answers) parts.push(purpose + ":" + (choice.answers[purpose] ? "yes" : "no"));
    });
    return parts.join("|");
  }

  function saveChoice(answers) {
    var old = readChoice();
    var choice = { version: config.version, id: old ? old.id : newId(), answers: {} };
    if (old && old.version === config.version) choice.answers = old.answers;
    for (var key in answers) choice.answers[key] = answers[key];
    var cookie = config.cookieName + "=" + formatChoice(choice) + "; path=/; max-age=" + config.maxAge + "; SameSite=Lax";
    if (config.cookieDomain) cookie += "; domain=" + config.cookieDomain;
    if (window.location.protocol === "https:") cookie += "; Secure";
    document.cookie = cookie;
    if (navigator.sendBeacon) {
      navigator.sendBeacon(config.logUrl, new Blob([JSON.stringify({ choice: formatChoice(choice) })], { type: "text/plain" }));
    }
    return choice;
  }

  function allows(choice, purpose) {
    var mode = config.asked[purpose];
    if (mode === "consent") return !!choice && choice.version === config.version && choice.answers[purpose] === true;
    if (mode === "opt-out") return !(choice && choice.answers[purpose] === false);
    return false;
  }

  function activate(choice) {
    var marked = document.querySelectorAll("[data-pledge-consent]");
    for (var i = 0; i < marked.length; i++) {
      var el = marked[i];
      var purpose = el.getAttribute("data-pledge-consent");
      if (el.hasAttribute("data-pledge-active")) continue;
      if (!allows(choice, purpose)) {
        if (purpose === "embedded") placeholder(el);
        continue;
      }
      el.setAttribute("data-pledge-active", "");
      if (el.tagName === "SCRIPT") {
        var script = document.createElement("script");
        for (var a = 0; a < el.attributes.length; a++) {
          var attr = el.attributes[a];
          if (attr.name !== "type" && attr.name !== "data-src") script.setAttribute(attr.name, attr.value);
        }
        if (el.getAttribute("data-src")) script.src = el.getAttribute("data-src");
        script.type = el.getAttribute("data-type") || "text/javascript";
        if (!script.src) script.text = el.text;
        el.parentNode.replaceChild(script, el);
      } else {
        if (el.getAttribute("data-src")) el.setAttribute("src", el.getAttribute("data-src"));
        el.hidden = false;
        var holder = el.previousElementSibling;
        if (holder && holder.className === "pledge-cookie-embed") holder.parentNode.removeChild(holder);
      }
    }
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function placeholder(el) {
    var before = el.previousElementSibling;
    if (before && before.className === "pledge-cookie-embed") return;
    var src = el.getAttribute("data-src") || "";
    var host = src.replace(/^https?:\/\//, "").split("/")[0];
    var box = element("div", "pledge-cookie-embed");
    box.appendChild(element("p", "pledge-cookie-embed__title", el.getAttribute("title") || "Embedded content"));
    box.appendChild(element("p", "", "This content is hosted by " + host + ". If you load it, " + host +
      " may set cookies and learn that you visited this page, as if you had visited their website."));
    var button = element("button", "pledge-cookie-button pledge-cookie-button--secondary", "Load content and accept its cookies");
    button.type = "button";
    button.addEventListener("click", function () { activate(saveChoice({ embedded: true })); });
    box.appendChild(button);
    el.parentNode.insertBefore(box, el);
  }

  function banner() {
    var choice = readChoice();
    var needed = "analytics" in config.asked &&
      !(choice && choice.version === config.version && "analytics" in choice.answers);
    if (!needed) return;
    var region = element("div", "pledge-cookie-banner");
    region.setAttribute("role", "region");
    region.setAttribute("aria-label", "Cookies on " + config.serviceName);
    region.setAttribute("data-nosnippet", "");
    var message = element("div", "pledge-cookie-banner__message");
    message.appendChild(element("h2", "pledge-cookie-banner__heading", "Cookies on " + config.serviceName));
    message.appendChild(element("p", "", "We use some essential cookies to make this service work."));
    message.appendChild(element("p", "", config.asked.analytics === "opt-out"
      ? "We also use analytics cookies to count visits and see how the website is used, so we can make it better. You can turn them off."
      : "We\u2019d also like to use analytics cookies so we can understand how you use the service and make improvements."));
    var buttons = element("div", "pledge-cookie-banner__buttons");
    [["accept", "Accept analytics cookies"], ["reject", "Reject analytics cookies"]].forEach(function (pair) {
      var button = element("button", "pledge-cookie-button", pair[1]);
      button.type = "button";
      button.addEventListener("click", function () { choose(region, pair[0] === "accept"); });
      buttons.appendChild(button);
    });
    var link = element("a", "pledge-cookie-link", "View cookies");
    link.href = config.cookiesUrl;
    buttons.appendChild(link);
    message.appendChild(buttons);
    region.appendChild(message);
    document.body.insertBefore(region, document.body.firstChild);
  }

  function choose(region, accepted) {
    var choice = saveChoice({ analytics: accepted });
    region.textContent = "";
    var message = element("div", "pledge-cookie-banner__message");
    message.setAttribute("role", "alert");
    var text = element("p", "", "You\u2019ve " + (accepted ? "accepted" : "rejected") + " analytics cookies. You can ");
    var link = element("a", "pledge-cookie-link", "change your cookie settings");
    link.href = config.cookiesUrl;
    text.appendChild(link);
    text.appendChild(document.createTextNode(" at any time."));
    message.appendChild(text);
    var hide = element("button", "pledge-cookie-button", "Hide cookie message");
    hide.type = "button";
    hide.addEventListener("click", function () { region.parentNode.removeChild(region); });
    message.appendChild(hide);
    region.appendChild(message);
    message.setAttribute("tabindex", "-1");
    message.focus();
    activate(choice);
  }

  function start() {
    banner();
    activate(readChoice());
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
{% endautoescape %}
