/* Mina steg: small enhancements on top of pages that work without JavaScript. */
(function () {
  "use strict";

  // htmx requests carry the CSRF token as a header as well as in the form.
  document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) event.detail.headers["X-CSRFToken"] = meta.content;
  });

  // A boosted page swaps only the body: carry over the new page's language, direction,
  // body class and CSRF token, which live outside it.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var html = event.detail.serverResponse || "";
    var root = /<html\s[^>]*lang="([^"]*)"[^>]*dir="([^"]*)"/.exec(html);
    if (!root) return;
    document.documentElement.lang = root[1];
    document.documentElement.dir = root[2];
    var body = /<body\s[^>]*class="([^"]*)"/.exec(html);
    if (body) document.body.className = body[1];
    var token = /<meta name="csrf-token" content="([^"]*)"/.exec(html);
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (token && meta) meta.content = token[1];
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

  // A tapped answer shows as chosen at once, so it stays visible if the network is slow or gone.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.answer");
    if (!button) return;
    button.closest(".answers").querySelectorAll("button.answer").forEach(function (other) {
      other.classList.remove("chosen");
      other.removeAttribute("aria-pressed");
    });
    button.classList.add("chosen");
    button.setAttribute("aria-pressed", "true");
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
