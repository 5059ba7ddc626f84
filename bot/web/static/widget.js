/*
 * Peer support chat: the one script tag a programme adds to its own pages.
 *
 *   <script src="https://chat.example.org/widget.js" data-site="northbrook"
 *           data-colour="#5b2a86" defer></script>
 *
 * data-site     the programme's site id (sites/<id>.yml); unknown ids get the default site
 * data-colour   the programme's colour (#rgb or #rrggbb); text on it is chosen for contrast
 * data-label    the launcher's text (default "Chat with us")
 * data-exit-url where "Quick exit" goes (default BBC Weather, a neutral page)
 * Any element with the attribute data-peer-support-chat-open opens the chat when clicked.
 *
 * This adds a launcher button; the chat itself opens in a frame served by the chat app, so
 * nothing on the programme's page (its styles, its analytics) can read or restyle it.
 * Plain JavaScript, no framework, no build step; nothing is parsed as HTML.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || window.peerSupportChatLoaded) return;
  window.peerSupportChatLoaded = true;

  var ORIGIN = new URL(script.src, window.location.href).origin;
  var MESSAGE_TYPE = "peer-support-chat";
  var OPEN_KEY = "peer-support-chat-open"; // reopen after a reload, for this tab only
  var data = script.dataset;
  var colour = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.test(data.colour || "")
    ? data.colour.replace("#", "") : "";
  var exitUrl = /^https?:\/\//i.test(data.exitUrl || "")
    ? data.exitUrl : "https://www.bbc.co.uk/weather";

  var host = document.createElement("div");
  host.setAttribute("data-peer-support-chat", "");
  var shadow = host.attachShadow({ mode: "open" });
  var launcher = document.createElement("button");
  var box = document.createElement("div");
  var frame = null;

  function stylesheet(href) {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    shadow.appendChild(link);
    return new Promise(function (resolve) {
      link.onload = resolve;
      link.onerror = resolve;
    });
  }

  function remember(open) {
    try {
      if (open) window.sessionStorage.setItem(OPEN_KEY, "1");
      else window.sessionStorage.removeItem(OPEN_KEY);
    } catch (e) { /* storage may be blocked; reopening after a reload is only a nicety */ }
  }

  function open() {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.title = "Peer support chat";
      frame.src = ORIGIN + "/chat?embed=1&site=" + encodeURIComponent(data.site || "") +
        "&colour=" + encodeURIComponent(colour);
      box.appendChild(frame);
    } else if (frame.contentWindow) {
      frame.contentWindow.postMessage({ type: MESSAGE_TYPE, action: "focus" }, ORIGIN);
    }
    show(true);
    frame.focus();
  }

  function close() {
    show(false);
    launcher.focus();
  }

  // The chat and the launcher swap places; the choice survives a reload of the page.
  function show(chatOpen) {
    box.hidden = !chatOpen;
    launcher.hidden = chatOpen;
    launcher.setAttribute("aria-expanded", String(chatOpen));
    remember(chatOpen);
  }

  function leave() {
    remember(false);
    host.remove();
    window.location.replace(exitUrl);
  }

  launcher.type = "button";
  launcher.className = "launcher";
  launcher.textContent = data.label || "Chat with us";
  launcher.setAttribute("aria-expanded", "false");
  launcher.addEventListener("click", open);
  box.className = "frame";
  box.hidden = true;

  window.addEventListener("message", function (event) {
    var message = event.data;
    if (event.origin !== ORIGIN || !frame || event.source !== frame.contentWindow ||
        !message || message.type !== MESSAGE_TYPE) return;
    if (message.action === "close") close();
    if (message.action === "exit") leave();
  });
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("[data-peer-support-chat-open]")) {
      event.preventDefault();
      open();
    }
  });

  function mount() {
    Promise.all([
      stylesheet(ORIGIN + "/theme.css?colour=" + encodeURIComponent(colour)),
      stylesheet(ORIGIN + "/widget.css")
    ]).then(function () {
      shadow.appendChild(launcher);
      shadow.appendChild(box);
      var reopen = false;
      try { reopen = window.sessionStorage.getItem(OPEN_KEY) === "1"; } catch (e) { /* none */ }
      if (reopen) open();
    });
    document.body.appendChild(host);
  }

  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
