/* Mina steg: make or use a passkey with the device's own lock (WebAuthn). The browser answers
   the server's options (data-options), and the form carries the answer to the server, which
   checks it (app/identity/passkeys.py). Without WebAuthn the page keeps saying that the code
   from the app works. */
(function () {
  var box = document.querySelector("[data-passkey]");
  if (!box || !window.PublicKeyCredential || !navigator.credentials) return;
  var form = box.querySelector("form"), answer = form.querySelector("input[name=credential]"),
    name = form.querySelector("input[name=name]"), message = box.querySelector("[data-passkey-message]"),
    unsupported = document.querySelector("[data-passkey-unsupported]"),
    making = box.dataset.passkey === "register";

  function bytes(text) {
    var raw = atob(text.replace(/-/g, "+").replace(/_/g, "/")), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out.buffer;
  }
  function text(buffer) {
    var raw = "", all = new Uint8Array(buffer);
    for (var i = 0; i < all.length; i++) raw += String.fromCharCode(all[i]);
    return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function keys(list) {
    return (list || []).map(function (key) { return Object.assign({}, key, { id: bytes(key.id) }); });
  }

  // The options as the browser takes them: the challenge, the person's id and the keys as bytes.
  function options() {
    var o = JSON.parse(box.dataset.options);
    o.challenge = bytes(o.challenge);
    if (making) {
      o.user.id = bytes(o.user.id);
      o.excludeCredentials = keys(o.excludeCredentials);
    } else {
      o.allowCredentials = keys(o.allowCredentials);
    }
    return o;
  }

  // The browser's answer as JSON, every byte string in base64url.
  function json(credential) {
    var r = credential.response, response = { clientDataJSON: text(r.clientDataJSON) };
    if (making) {
      response.attestationObject = text(r.attestationObject);
      response.transports = r.getTransports ? r.getTransports() : [];
    } else {
      response.authenticatorData = text(r.authenticatorData);
      response.signature = text(r.signature);
      if (r.userHandle) response.userHandle = text(r.userHandle);
    }
    return JSON.stringify({
      id: credential.id, rawId: text(credential.rawId), type: credential.type, response: response,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults()
    });
  }

  if (unsupported) unsupported.hidden = true;
  box.hidden = false;
  form.addEventListener("submit", function (event) {
    // A missing name goes to the server as it is, which says what to write: no key is made.
    if (answer.value || (name && !name.value.trim())) return;
    event.preventDefault();
    message.hidden = true;
    var asked = making ? navigator.credentials.create({ publicKey: options() })
      : navigator.credentials.get({ publicKey: options() });
    asked.then(function (credential) {
      answer.value = json(credential);
      form.submit();
    }).catch(function () {
      // Cancelled, timed out, or no such key on this device: nothing is sent, try again.
      message.hidden = false;
      message.focus();
    });
  });
})();
