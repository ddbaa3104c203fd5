/* Mina steg: small enhancements on top of pages that work without JavaScript. */
(function () {
  "use strict";

  // htmx requests carry the CSRF token as a header as well as in the form.
  document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) event.detail.headers["X-CSRFToken"] = meta.content;
  });

  // When the network drops, say so kindly and keep the page (and the person's choice) as it is.
  document.addEventListener("htmx:sendError", function () {
    var status = document.getElementById("connection-status");
    if (status) status.hidden = false;
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var status = document.getElementById("connection-status");
    if (status && event.detail.successful) status.hidden = true;
  });

  // Read-aloud with the browser's own voices, in the page's language.
  var synth = window.speechSynthesis;

  function pageLanguage() {
    return (document.documentElement.lang || "sv").toLowerCase();
  }

  function voiceFor(lang) {
    if (!synth) return null;
    var voices = synth.getVoices();
    for (var i = 0; i < voices.length; i++) {
      if (voices[i].lang && voices[i].lang.toLowerCase().indexOf(lang) === 0) return voices[i];
    }
    return null;
  }

  function readableText() {
    var main = document.getElementById("main");
    if (!main) return "";
    var parts = [];
    main.querySelectorAll("h1, h2, p, li, label, legend, dt, dd, button, .button").forEach(function (el) {
      if (el.closest("[data-read-aloud], .visually-hidden, [hidden]")) return;
      if (el.parentElement && el.parentElement.closest("p, li, label, button, .button")) return;
      var text = el.innerText.trim();
      if (text) parts.push(text);
    });
    return parts.join(". ");
  }

  function showReadAloud() {
    document.querySelectorAll("[data-read-aloud]").forEach(function (button) {
      button.hidden = !voiceFor(pageLanguage());
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-read-aloud]");
    if (!button || !synth) return;
    if (synth.speaking) {
      synth.cancel();
      return;
    }
    var utterance = new SpeechSynthesisUtterance(readableText());
    utterance.lang = pageLanguage();
    utterance.voice = voiceFor(pageLanguage());
    utterance.rate = 0.9;
    synth.speak(utterance);
  });

  // Print buttons exist only where printing from the page makes sense.
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) window.print();
  });

  function enhance() {
    showReadAloud();
    document.querySelectorAll("[data-print]").forEach(function (button) { button.hidden = false; });
  }

  if (synth) synth.addEventListener("voiceschanged", showReadAloud);
  document.addEventListener("DOMContentLoaded", enhance);
  document.addEventListener("htmx:afterSettle", enhance);
  document.addEventListener("htmx:beforeSwap", function () { if (synth) synth.cancel(); });
})();
