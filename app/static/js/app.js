/* Mina steg: enhancements on pages that work without JavaScript. */
(function () {
  var d = document, top = d.documentElement, synth = window.speechSynthesis, sw = navigator.serviceWorker, QUEUE = "mina-steg-svar", reading, busy, ahead, later, htmx;

  // htmx comes once the page has loaded: a deferred script runs before the first paint, and
  // htmx is most of the script a page has, so on a slow phone the page would show later. Until
  // it runs, links and forms work as they do without JavaScript.
  htmx = d.createElement("script");
  htmx.src = d.currentScript.dataset.htmx;
  window.addEventListener("load", function () { d.head.appendChild(htmx); });

  function on(type, fn) { d.addEventListener(type, fn); }
  function all(selector, fn) { d.querySelectorAll(selector).forEach(fn); }
  function $(id) { return d.getElementById(id); }
  function token() { return d.querySelector("meta[name=csrf-token]"); }
  function queue(items) {
    if (items) localStorage.setItem(QUEUE, JSON.stringify(items));
    return JSON.parse(localStorage.getItem(QUEUE) || "[]");
  }

  // CSRF token as a header for htmx. An answer carries a key of its own from the first try, so
  // one sent again after a dropped connection is stored once.
  on("htmx:configRequest", function (e) {
    e.detail.headers["X-CSRFToken"] = token().content;
    if (e.detail.elt.closest("[data-offline]")) e.detail.parameters.answer_key = Math.random() + "-" + Date.now();
  });

  // A boosted swap keeps <html> and <head>: copy their changes.
  on("htmx:beforeSwap", function (e) {
    var c = e.detail.requestConfig, html = e.detail.serverResponse || "", root, body, t;
    // The server says "try again" (503) to a form: as offline, the form stays as it was.
    if (e.detail.xhr.status == 503 && c.verb == "post") {
      e.detail.shouldSwap = false;
      e.detail.isError = true;
      notSent(c.elt, c);
      return retry(e.detail.xhr.getResponseHeader("Retry-After"));
    }
    root = /<html\s[^>]*lang="([^"]*)"[^>]*dir="([^"]*)"/.exec(html);
    body = /<body\s[^>]*class="([^"]*)"/.exec(html);
    t = /<meta name="csrf-token" content="([^"]*)"/.exec(html);
    stop();
    if (!root) return;
    top.lang = root[1];
    top.dir = root[2];
    if (body) d.body.className = body[1];
    if (t) token().content = t[1];
  });

  // Offline, or the server said "try again": say so, keep the answer with its key, send it later.
  function notSent(elt, c) {
    var form = elt.closest("[data-offline]"), s = $("connection-status"), go = s.querySelector("a"), data;
    s.hidden = false;
    s.classList.toggle("kept", !!form);
    if (!form) return;
    data = new URLSearchParams(c.formData);
    data.delete("csrf_token");
    if (!data.get("answer_key")) data.set("answer_key", Math.random() + "-" + Date.now());
    queue(queue().concat([[c.path, "" + data]]));
    go.href = form.dataset.offline;
    go.hidden = false;
  }
  on("htmx:sendError", function (e) { notSent(e.target, e.detail.requestConfig); retry(); });
  on("htmx:afterRequest", function (e) { if (e.detail.successful) $("connection-status").hidden = true; });

  function send() {
    var item = queue()[0];
    if (busy || !item || !navigator.onLine) return;
    busy = 1;
    fetch(item[0], { method: "POST", body: new URLSearchParams(item[1]), headers: { "X-CSRFToken": token().content, "HX-Request": "true" } })
      .then(function (r) {
        busy = 0;
        if (r.status == 503) retry(r.headers.get("Retry-After"));
        if (r.status > 499 || r.status == 401) return;
        queue(queue().filter(function (other) { return other[1] != item[1]; }));
        if (queue().length) return send();
        $("connection-status").hidden = true;
        $("connection-sent").hidden = false;
      }, function () { busy = 0; retry(); });
  }
  // Again after the seconds the server asked for (a dropped connection: five).
  function retry(seconds) {
    clearTimeout(later);
    later = setTimeout(send, (+seconds || 5) * 1000);
  }
  window.ononline = send;

  // Read-aloud, text by text in the page's order, each with the best voice there is: a
  // recording, else the phone's own voice for the page's language (a sentence at a time, that
  // sentence marked), else the server's voice. Texts marked data-say carry their audio's address.
  // While it reads, "Lyssna" pauses it, and then goes on from where it paused.
  var BLOCKS = "p, li, label, legend, button, .button, [data-say]", player;

  function lang() { return top.lang.toLowerCase(); }
  // A text in another language than the page's (a Swedish text with no translation) is not
  // read by the phone's voice for the page's language: its data-say audio is in its own.
  function ownLang(el) { var own = el.closest("[lang]"); return own ? own.lang.toLowerCase() : lang(); }
  function voice() {
    return synth && synth.getVoices().filter(function (v) { return !v.lang.toLowerCase().indexOf(lang()); })[0];
  }
  function button() { return d.querySelector("[data-read-aloud]"); }

  function mark(el, sentence) {
    var marks = CSS.highlights, walk, node, at, range;
    all("[data-reading]", function (other) { other.removeAttribute("data-reading"); });
    if (marks) marks.clear();
    if (!el) return;
    el.setAttribute("data-reading", "");
    if (!marks) return;
    range = new Range();
    if (!sentence) {
      range.selectNodeContents(el);
      return marks.set("reading", new Highlight(range));
    }
    for (walk = d.createTreeWalker(el, 4); (node = walk.nextNode());) {
      at = node.data.indexOf(sentence);
      if (at < 0) continue;
      range.setStart(node, at);
      range.setEnd(node, at + sentence.length);
      return marks.set("reading", new Highlight(range));
    }
  }

  function showReadAloud(say) {
    all("[data-read-aloud]", function (b) {
      var label = b.querySelector("span"), data = b.dataset;
      data.listen = data.listen || label.textContent;
      label.textContent = data[say || (!reading ? "listen" : reading.paused ? "resume" : "pause")];
      b.hidden = false;
    });
    all("[data-speaker]", function (b) { b.hidden = false; });
  }

  function stop() {
    reading = 0;
    if (synth) synth.cancel();
    if (player) {
      player.onended = player.onerror = null;
      player.pause();
    }
    mark();
    showReadAloud();
  }

  // Paused, the part stays marked; audio waits where it is, the phone's voice starts again at
  // the sentence it was saying (phones differ in what speechSynthesis.pause() does).
  function pause() {
    reading.paused = 1;
    if (synth) synth.cancel();
    if (player) player.pause();
    showReadAloud();
  }
  function resume() {
    var me = reading;
    me.paused = 0;
    showReadAloud();
    if (me.playing) player.play().catch(function (e) { if (me.playing) me.playing(e); });
    else next(me);
  }

  // A part with marked texts inside is heard as those texts; the rest as the part it is in.
  function whole(el) { return el.hasAttribute("data-say") || !el.querySelector("[data-say]"); }
  function parts() {
    return [].filter.call(d.querySelectorAll("#main :is(h1, h2, p, li, label, legend, dt, dd, button, .button, [data-say])"), function (el) {
      if (el.closest("[data-read-aloud], [data-speaker], .visually-hidden, [hidden]") || !whole(el) || !el.innerText.trim()) return false;
      for (var up = el.parentElement.closest(BLOCKS); up; up = up.parentElement && up.parentElement.closest(BLOCKS)) if (whole(up)) return false;
      return true;
    });
  }

  function format() {
    player = player || new Audio();
    return player.canPlayType('audio/ogg; codecs="opus"') ? "ogg" : "mp3";
  }

  function play(src, me) {
    format();
    return new Promise(function (done, fail) {
      function ended(e) {
        me.playing = 0;
        (e && e.type == "ended" ? done : fail)();
      }
      me.playing = ended;
      player.onended = player.onerror = ended;
      player.src = src;
      if (!me.paused) player.play().catch(ended);
    });
  }

  // Audio of a text the server keeps (a recording, or its voice), in a format this phone plays.
  function kept(el, me) { return play(format() == "ogg" ? el.dataset.say : el.dataset.say.replace(/\.ogg$/, ".mp3"), me); }

  // A text that is not fixed (a name, a goal): the server's voice makes it for this request.
  function made(el, me) {
    var url = button().dataset.ownText, turn = me.turn;
    if (!url) return Promise.reject();
    return fetch(url, { method: "POST", body: new URLSearchParams({ text: el.innerText, format: format() }), headers: { "X-CSRFToken": token().content } })
      .then(function (r) { if (!r.ok) throw r; return r.blob(); })
      .then(function (blob) {
        var src = URL.createObjectURL(blob);
        // Stopped, or paused and gone on again (which asked anew) while this was on its way.
        if (reading != me || me.turn != turn) return URL.revokeObjectURL(src);
        return play(src, me).finally(function () { URL.revokeObjectURL(src); });
      });
  }

  // The phone's voice, from the sentence it had come to.
  function speak(el, v, me) {
    return new Promise(function (done) {
      var sentences = el.innerText.split(/(?<=[.!?])\s+/).map(function (s) { return s.trim(); }).filter(Boolean), from = me.sentence;
      sentences.slice(from).forEach(function (sentence, n, rest) {
        var u = new SpeechSynthesisUtterance(sentence);
        u.lang = lang();
        u.voice = v;
        u.rate = 0.9;
        u.onstart = function () {
          if (reading != me) return;
          me.sentence = from + n;
          mark(el, u.text);
        };
        if (n == rest.length - 1) u.onend = u.onerror = done;
        synth.speak(u);
      });
      if (from >= sentences.length) done();
    });
  }

  function hear(el, me) {
    var data = el.dataset, v = voice();
    mark(el);
    if (data.sayRecorded != null) return kept(el, me);
    if (v && ownLang(el) == lang()) return speak(el, v, me);
    return data.say ? kept(el, me) : made(el, me);
  }

  // The part it has come to; when it has been heard (and not paused or stopped meanwhile), the next.
  function next(me) {
    var turn = me.turn = {};
    function heard() {
      if (reading != me || me.paused || me.turn != turn) return;
      me.at += 1;
      me.sentence = 0;
      next(me);
    }
    if (me.at == me.items.length) return stop();
    hear(me.items[me.at], me).then(heard, heard);
  }

  function readAloud(items) {
    next(reading = { items: items, at: 0, sentence: 0 });
    showReadAloud();
  }

  // Something to hear with: a voice on the phone, the server's, or recordings on this page.
  function canHear() {
    return voice() || button().dataset.ownText || d.querySelector("#main [data-say-recorded]");
  }

  on("click", function (e) {
    var t = e.target, answer = t.closest("button.answer"), speaker = t.closest("[data-speaker]");
    // A tapped answer shows as chosen at once, even offline.
    if (answer) answer.closest(".answers").querySelectorAll("button.answer").forEach(function (b) {
      b.classList.toggle("chosen", b == answer);
      b.setAttribute("aria-pressed", b == answer);
    });
    if (t.closest("[data-print]")) print();
    // No voice for the language: the button says so.
    if (t.closest("[data-read-aloud]")) reading ? (reading.paused ? resume() : pause()) : canHear() ? readAloud(parts()) : showReadAloud("noVoice");
    // A speaker beside an answer: that answer alone.
    if (speaker) {
      stop();
      answer = speaker.previousElementSibling;
      readAloud([answer.matches("[data-say]") ? answer : answer.querySelector("[data-say]") || answer]);
    }
  });

  function enhance() {
    var next = d.querySelector("[data-offline]"), status = $("connection-status");
    showReadAloud();
    all("[data-print]", function (b) { b.hidden = false; });
    if (queue().length) status.hidden = !status.classList.add("kept");
    send();
    // Fetch the next question ahead, for offline use.
    if (next && navigator.onLine && sw && sw.controller && ahead != next.dataset.offline) fetch(ahead = next.dataset.offline, { headers: { "X-Ahead": 1 } });
  }

  if (synth) synth.onvoiceschanged = function () { showReadAloud(); };
  // A supervisor's device handed over for the check-in keeps nothing: no worker there. The
  // worker starts once the page has loaded, so that what it keeps does not hold up the page.
  if (sw && d.body.classList.contains("participant") && !d.body.classList.contains("hand-over")) {
    if (d.readyState == "complete") sw.register("/sw.js");
    else window.addEventListener("load", function () { sw.register("/sw.js"); });
  }
  on("DOMContentLoaded", enhance);
  on("htmx:afterSettle", enhance);
})();
