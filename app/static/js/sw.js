/* Mina steg: keep what a participant needs for a weak connection. */
var CACHE = "mina-steg-__VERSION__", KEEP = __KEEP__, AUDIO_BUDGET = __AUDIO_BUDGET__, ending = "ogg";

self.oninstall = function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(KEEP); }).then(function () { return self.skipWaiting(); }));
};

// A new deploy, a new cache.
self.onactivate = function (e) {
  e.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.map(function (n) { return n != CACHE && caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
};

// Read-aloud audio (its address holds a hash of it) is kept up to AUDIO_BUDGET bytes per
// language: the audio of each kept page's texts, and any audio heard.
function audioRoom(c, url, size) {
  var language = url.split("/ljud/")[1].split("/")[0];
  return c.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.url.indexOf("/ljud/" + language + "/") > 0; }).map(function (k) {
      return c.match(k).then(function (r) { return +r.headers.get("Content-Length") || 0; });
    }));
  }).then(function (sizes) { return sizes.reduce(function (a, b) { return a + b; }, size) <= AUDIO_BUDGET; });
}
function keepAudio(c, url, response) {
  var copy = response.clone();
  return response.ok ? audioRoom(c, url, +response.headers.get("Content-Length") || 0).then(function (room) { return room && c.put(url, copy); }) : Promise.resolve();
}
function keepPageAudio(c, html) {
  return (html.match(/data-say="\/ljud\/[^"]+/g) || []).reduce(function (done, attribute) {
    var url = attribute.slice(10).replace(/\.ogg$/, "." + ending);
    return done.then(function () {
      return c.match(url).then(function (hit) { return hit || fetch(url).then(function (r) { return keepAudio(c, url, r); }); });
    }).catch(function () {});
  }, Promise.resolve());
}

// Without anyone's own login (logged out, staff, a hand-over, a refused card) no page is kept:
// only what every page needs stays (the files kept from the start and static files).
function forget() {
  return caches.open(CACHE).then(function (c) {
    return c.keys().then(function (all) {
      return Promise.all(all.map(function (k) {
        var path = new URL(k.url).pathname;
        return /^\/static\//.test(path) || KEEP.indexOf(path) >= 0 || c.delete(k);
      }));
    });
  });
}

// Keep only what the server marks (X-Offline); forget pages when it says so.
self.onfetch = function (e) {
  var r = e.request, h = r.headers;
  function keep(response) {
    var page = response.clone(), text = response.clone(), audio = response.clone();
    if (response.headers.get("X-Offline-Forget")) forget();
    if (response.headers.get("X-Offline") == "keep") caches.open(CACHE).then(function (c) {
      function put() { c.put(response.url, page); audio.text().then(function (html) { return keepPageAudio(c, html); }); }
      // A page fetched ahead is kept once its pictures are.
      if (!h.get("X-Ahead")) return put();
      text.text().then(function (html) {
        return Promise.all((html.match(/\/static\/pictograms\/[^"]+/g) || []).map(function (u) {
          return c.match(u).then(function (hit) { return hit || c.add(u); }).catch(function () {});
        }));
      }).then(put);
    });
    return response;
  }
  if (r.method != "GET" || (h.get("HX-Request") && !h.get("HX-Boosted"))) return;
  if (/\/ljud\//.test(r.url)) {
    ending = r.url.slice(-3);
    return e.respondWith(caches.match(r.url).then(function (hit) {
      return hit || fetch(r).then(function (response) {
        caches.open(CACHE).then(function (c) { return keepAudio(c, r.url, response.clone()); });
        return response;
      });
    }));
  }
  e.respondWith(/\/static\//.test(r.url)
    ? caches.match(r).then(function (hit) { return hit || fetch(r).then(keep); })
    : fetch(r).then(function (response) {
      // The server says "try again" (503): the page kept on the phone, as when offline.
      return response.status != 503 ? keep(response) : caches.match(r.url, { ignoreVary: true }).then(function (hit) { return hit || response; });
    }, function () {
      return caches.match(r.url, { ignoreVary: true }).then(function (hit) { return hit || caches.match(KEEP[0]); });
    }));
};
