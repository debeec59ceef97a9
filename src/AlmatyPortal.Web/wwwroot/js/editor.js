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

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function save() {
    if (!dirty || saving) {
      return;
    }
    saving = true;
    dirty = false;
    var data = new FormData(form);
    // An image chosen for upload goes with a real save, not with every autosave.
    data.delete("NewImage");
    fetch(url, { method: "POST", body: data, credentials: "same-origin" })
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
      });
  }

  form.addEventListener("input", function () {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, 3000);
  });
  setInterval(save, 10000);
  window.addEventListener("pagehide", save);
})();
