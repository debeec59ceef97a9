// Saves a draft to the server a few seconds after typing stops, so a closed tab loses little.
// The page works without this script; it only adds the autosave.
(function () {
  "use strict";
  var form = document.getElementById("article-editor");
  if (!form || form.dataset.autosave !== "on" || !window.fetch) {
    return;
  }
  var status = form.querySelector(".autosave-status");
  var version = form.querySelector("input[name='Input.Version']");
  // The form's own address (already in the page's language) is where autosaves go too.
  var url = form.getAttribute("action") + "?handler=Autosave";
  var timer = null;
  var dirty = false;
  var saving = false;
  var submitting = false;
  var buttons = form.querySelectorAll("button[type=submit]");

  // While an autosave is on its way the buttons wait: a click now would post to an address (or a version) the
  // autosave is about to change, and a new article would be created twice.
  function hold(on) {
    buttons.forEach(function (b) { b.disabled = on; });
  }

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function save() {
    if (!dirty || saving || submitting) {
      return;
    }
    saving = true;
    dirty = false;
    hold(true);
    var data = new FormData(form);
    // An image chosen for upload goes with a real save, not with every autosave.
    data.delete("NewImage");
    var signal = window.AbortSignal && AbortSignal.timeout ? AbortSignal.timeout(10000) : undefined;
    fetch(url, { method: "POST", body: data, credentials: "same-origin", signal: signal })
      .then(function (response) {
        return response.json().then(function (data) { return { status: response.status, data: data }; });
      })
      .then(function (result) {
        if (result.status === 200) {
          version.value = result.data.version;
          if (/\/edit$/.test(form.getAttribute("action"))) {
            // A new article now exists: later saves and the buttons go to its own address.
            var address = form.getAttribute("action") + "/" + result.data.id;
            url = address + "?handler=Autosave";
            form.setAttribute("action", address);
            form.querySelectorAll("button[formaction]").forEach(function (b) {
              b.setAttribute("formaction", address + b.getAttribute("formaction").replace(/^[^?]*/, ""));
            });
            history.replaceState(null, "", address);
          }
          say(form.dataset.saidSaved.replace("{0}", new Date().toLocaleTimeString(document.documentElement.lang)));
        } else if (result.status === 409) {
          say(form.dataset.saidConflict);
          form.dataset.autosave = "off";
        } else {
          dirty = true;
          say(form.dataset.saidInvalid + " " + Object.values(result.data.errors || {}).join(" "));
        }
      })
      .catch(function () {
        dirty = true;
        say(form.dataset.saidOffline);
      })
      .finally(function () {
        saving = false;
        hold(false);
      });
  }

  form.addEventListener("input", function () {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, 3000);
  });
  // A button press saves (or previews) the form itself; no autosave goes out beside it.
  form.addEventListener("submit", function () {
    submitting = true;
    clearTimeout(timer);
  });
  setInterval(save, 10000);
  window.addEventListener("pagehide", save);
  // Back to this page from the browser's history: it is being edited again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      submitting = false;
      hold(false);
    }
  });
})();
