// Google Analytics configuration for Pledge pages. Loaded only after the visitor accepts analytics cookies.
// anonymize_ip truncates the IP address; no user_id is ever sent; Google signals and ad personalisation are off.
(function () {
  var script = document.currentScript;
  var id = script && script.getAttribute("data-measurement-id");
  if (!id) return;
  window.dataLayer = window.dataLayer || [];
  window.gtag = function () { window.dataLayer.push(arguments); };
  window.gtag("js", new Date());
  window.gtag("config", id, {
    anonymize_ip: true,
    allow_google_signals: false,
    allow_ad_personalization_signals: false,
    // Only the path: query strings can hold references, and Pledge never puts personal data in URLs anyway.
    page_location: window.location.origin + window.location.pathname
  });
})();
