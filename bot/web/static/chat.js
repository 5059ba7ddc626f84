/*
 * The chat, in the widget's frame or as a page of its own (/chat).
 *
 * Plain JavaScript, no framework, no build step. Every message is put on the page with
 * textContent or as a text node: a message containing markup shows the markup and runs nothing.
 * The conversation id is never seen here: it lives in an HttpOnly cookie the server encrypts.
 */
(function () {
  "use strict";

  var API = "/api/chat";
  var START = "/greet"; // opens the conversation: the assistant's welcome
  var MESSAGE_TYPE = "peer-support-chat"; // postMessage type understood by widget.js
  var URL_PATTERN = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)'"]/g;

  var root = document.getElementById("chat");
  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var input = document.getElementById("message");
  var hint = document.getElementById("message-hint");
  var announcer = document.getElementById("announcer");
  var title = document.getElementById("chat-title");
  var closeButton = document.getElementById("close-chat");

  var settings = {
    site: root.dataset.site,
    phone: root.dataset.phone,
    maxChars: parseInt(root.dataset.maxChars, 10) || 2000,
    embedded: root.dataset.embedded === "true" && window.parent !== window,
    exitUrl: "https://www.bbc.co.uk/weather"
  };
  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  var queue = Promise.resolve(); // messages go one at a time, in the order she sent them
  var typing = null;
  var typingNotice = null; // timer: a slow reply is announced as typing
  var focusReply = false; // after a button press, focus moves to the reply (the button is gone)

  // ------------------------------------------------------------------ building blocks

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function visuallyHidden(text) {
    return element("span", "visually-hidden", text);
  }

  /* Text with web addresses made into links; everything else stays text nodes. */
  function richText(text) {
    var paragraph = element("p", "text");
    var last = 0;
    text.replace(URL_PATTERN, function (url, offset) {
      paragraph.appendChild(document.createTextNode(text.slice(last, offset)));
      var link = element("a", null, url);
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      paragraph.appendChild(link);
      last = offset + url.length;
      return url;
    });
    paragraph.appendChild(document.createTextNode(text.slice(last)));
    return paragraph;
  }

  function scrollToShow(node) {
    var top = Math.max(0, node.offsetTop - 8);
    log.scrollTo({ top: top, behavior: reducedMotion.matches ? "auto" : "smooth" });
  }

  function announce(text) {
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function characters(text) {
    return Array.from(text).length; // as the server counts: code points, not UTF-16 units
  }

  // ------------------------------------------------------------------ messages

  function addMine(text) {
    var item = element("li", "msg mine");
    item.tabIndex = -1;
    item.appendChild(visuallyHidden("You said: "));
    item.appendChild(richText(text));
    log.appendChild(item);
    scrollToShow(item);
    return item;
  }

  function addBot(message, withChoices) {
    var item = element("li", "msg bot");
    item.tabIndex = -1;
    item.appendChild(visuallyHidden("Assistant said: "));
    item.appendChild(richText(message.text));
    log.appendChild(item);
    if (withChoices && message.buttons && message.buttons.length) {
      var group = element("div", "choices");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "Choose an answer, or type your own");
      message.buttons.forEach(function (button) {
        var choice = element("button", "choice", button.title);
        choice.type = "button";
        choice.addEventListener("click", function () {
          focusReply = true;
          send(button.payload, button.title);
        });
        group.appendChild(choice);
      });
      item.appendChild(group);
    }
    return item;
  }

  function addNote(text, actionLabel, action) {
    var item = element("li", "msg note");
    item.appendChild(richText(text));
    if (actionLabel) {
      var retry = element("button", "retry", actionLabel);
      retry.type = "button";
      retry.addEventListener("click", function () {
        item.remove();
        action();
      });
      item.appendChild(retry);
    }
    log.appendChild(item);
    scrollToShow(item);
    return item;
  }

  function clearChoices() {
    log.querySelectorAll(".choices").forEach(function (node) { node.remove(); });
  }

  /* While she waits: three dots; the log marked busy (aria-busy); and, if the reply is slow,
   * "The assistant is typing" said once through the status region (aria-live). */
  function showTyping() {
    log.setAttribute("aria-busy", "true");
    typingNotice = window.setTimeout(function () { announce("The assistant is typing"); }, 1500);
    typing = element("li", "typing");
    typing.appendChild(visuallyHidden("The assistant is typing"));
    for (var i = 0; i < 3; i++) typing.appendChild(element("span", "dot"));
    log.appendChild(typing);
    scrollToShow(typing);
  }

  function hideTyping() {
    window.clearTimeout(typingNotice);
    log.removeAttribute("aria-busy");
    if (typing) typing.remove();
    typing = null;
  }

  function showReplies(messages) {
    var first = null;
    messages.forEach(function (message) {
      var item = addBot(message, true);
      first = first || item;
    });
    if (!first) return;
    scrollToShow(first);
    var choices = [];
    messages.forEach(function (m) {
      (m.buttons || []).forEach(function (b) { choices.push(b.title); });
    });
    if (focusReply && document.activeElement !== input) {
      first.focus({ preventScroll: true });
    } else {
      announce("Assistant: " + messages.map(function (m) { return m.text; }).join(" ") +
        (choices.length ? " Choices: " + choices.join(", ") + "." : ""));
    }
    focusReply = false;
  }

  function offlineText() {
    return "I can't connect just now. Please check your signal or Wi-Fi and try again." +
      (settings.phone ? " To talk to someone, call " + settings.phone + "." : "") +
      " If you or your baby are in danger right now, call 999.";
  }

  // ------------------------------------------------------------------ talking to the gateway

  /* A button sends its payload and its title (the gateway sends the title as text when the
   * payload is not one the assistant offered); typed text is sent as text only. */
  function send(payload, shown) {
    clearChoices();
    // Her own message opens the conversation as well as the welcome would: no need to retry it.
    log.querySelectorAll(".note.opening").forEach(function (node) { node.remove(); });
    var bubble = shown ? addMine(shown) : null;
    if (bubble && focusReply) bubble.focus({ preventScroll: true });
    var body = { message: shown || "", site: settings.site };
    if (payload !== null) body.payload = payload;
    queue = queue.then(function () { return deliver(body, bubble); });
    return queue;
  }

  function deliver(body, bubble) {
    showTyping();
    var status = 0;
    return fetch(API, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(function (response) {
      status = response.status;
      return response.json().catch(function () { return null; });
    }).catch(function () {
      return null;
    }).then(function (data) {
      hideTyping();
      if (status === 200 && data && Array.isArray(data.messages)) {
        if (bubble) bubble.classList.remove("unsent");
        showReplies(data.messages);
        return;
      }
      var text = data && typeof data.message === "string" ? data.message : offlineText();
      notSent(bubble, body, text, !data || data.retry !== false);
    });
  }

  /* Her message stays on screen, marked, with a button to send it again: nothing is lost. */
  function notSent(bubble, body, text, canRetry) {
    if (bubble && !bubble.querySelector(".unsent-label")) {
      bubble.classList.add("unsent");
      bubble.appendChild(element("span", "unsent-label", "Not sent"));
    }
    var hadFocus = document.activeElement === input;
    var note = addNote(text, canRetry ? (bubble ? "Send again" : "Try again") : null, function () {
      if (bubble) {
        var label = bubble.querySelector(".unsent-label");
        if (label) label.remove();
      }
      queue = queue.then(function () { return deliver(body, bubble); });
    });
    if (!bubble) note.classList.add("opening");
    announce(text);
    var retry = note.querySelector(".retry");
    if (!hadFocus && retry) retry.focus({ preventScroll: true });
    focusReply = false;
  }

  function loadHistory() {
    fetch(API + "?site=" + encodeURIComponent(settings.site), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("status " + response.status);
        return response.json();
      })
      .then(function (data) {
        var messages = data.messages || [];
        if (data.max_chars) settings.maxChars = data.max_chars;
        if (!messages.length) {
          send(START, null);
          return;
        }
        var lastMine = -1;
        messages.forEach(function (m, i) { if (m.from === "me") lastMine = i; });
        messages.forEach(function (m, i) {
          if (m.from === "me") addMine(m.text);
          else addBot(m, i > lastMine);
        });
        log.scrollTop = log.scrollHeight;
      })
      .catch(function () {
        addNote(offlineText(), "Try again", loadHistory);
      });
  }

  // ------------------------------------------------------------------ typing

  function showHint(text) {
    hint.textContent = text;
    hint.hidden = false;
  }

  function hideHint() {
    hint.textContent = "";
    hint.hidden = true;
  }

  function checkLength() {
    var count = characters(input.value.trim());
    if (count > settings.maxChars) {
      showHint("That's a bit long for me to read in one go (" + count.toLocaleString("en-GB") +
        " characters). Could you send it in shorter messages, up to " +
        settings.maxChars.toLocaleString("en-GB") + " characters each?");
      return false;
    }
    hideHint();
    return true;
  }

  function autosize() {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight + 2, 160) + "px";
  }

  function submitTyped() {
    var text = input.value.trim();
    if (!text) {
      showHint("Type a message first, or choose one of the buttons.");
      return;
    }
    if (!checkLength()) {
      announce(hint.textContent);
      return;
    }
    input.value = "";
    autosize();
    hideHint();
    focusReply = false;
    send(null, text);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    submitTyped();
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submitTyped();
    }
  });
  input.addEventListener("input", function () {
    autosize();
    if (!hint.hidden) checkLength();
  });

  // ------------------------------------------------------------------ leaving

  function tellWidget(action) {
    window.parent.postMessage({ type: MESSAGE_TYPE, action: action }, "*");
  }

  /* Quick exit: the chat goes from the screen at once, the browser forgets the conversation
     (keepalive lets that request finish after the page is gone), and she is on a neutral page,
     which replaces this one in the history so Back does not bring the chat back. */
  function quickExit() {
    log.textContent = "";
    input.value = "";
    document.body.classList.add("leaving");
    try {
      fetch(API + "/exit", {
        method: "POST", credentials: "same-origin", keepalive: true,
        headers: { "Content-Type": "application/json" }, body: "{}"
      }).catch(function () {});
    } catch (e) { /* leaving matters more than forgetting */ }
    if (settings.embedded) tellWidget("exit");
    else window.location.replace(settings.exitUrl);
  }

  document.getElementById("quick-exit").addEventListener("click", quickExit);
  if (closeButton) closeButton.addEventListener("click", function () { tellWidget("close"); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && settings.embedded) tellWidget("close");
  });
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.source === window.parent && data && data.type === MESSAGE_TYPE &&
        data.action === "focus") {
      title.focus({ preventScroll: true });
    }
  });

  if (settings.embedded) title.focus({ preventScroll: true });
  loadHistory();
})();
