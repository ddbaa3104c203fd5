/* Mina steg: record a text in the browser, listen, then save it with the form. */
(function () {
  var form = document.querySelector("[data-recorder]");
  if (!form || !window.MediaRecorder || !navigator.mediaDevices || !window.DataTransfer) return;
  var box = form.querySelector(".recorder"), start = form.querySelector("[data-record]"), stop = form.querySelector("[data-stop]"),
    status = form.querySelector("[data-record-status]"), preview = form.querySelector("[data-preview]"),
    input = form.querySelector("input[type=file]"), recorder;

  function ending(type) { return /mp4/.test(type) ? "m4a" : /ogg/.test(type) ? "ogg" : "webm"; }

  box.hidden = false;
  start.onclick = function () {
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      var chunks = [];
      recorder = new MediaRecorder(stream);
      recorder.ondataavailable = function (e) { chunks.push(e.data); };
      recorder.onstop = function () {
        var type = recorder.mimeType || "audio/webm", blob = new Blob(chunks, { type: type }), files = new DataTransfer();
        stream.getTracks().forEach(function (track) { track.stop(); });
        files.items.add(new File([blob], "inspelning." + ending(type), { type: type }));
        input.files = files.files;
        preview.src = URL.createObjectURL(blob);
        preview.hidden = false;
        status.textContent = form.dataset.recorded;
        start.hidden = false;
        stop.hidden = true;
        preview.focus();
      };
      recorder.start();
      start.hidden = true;
      stop.hidden = false;
      status.textContent = form.dataset.recording;
      stop.focus();
    }, function () { status.textContent = form.dataset.noMicrophone; });
  };
  stop.onclick = function () { recorder.stop(); };
})();
