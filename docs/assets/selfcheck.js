// The web self-check of a training module ("Check your knowledge").
//
// Without this script the questions read as lists and each "Answer" opens to show why every
// option is right or not. With it, each question becomes a group of radio buttons (checkboxes
// when more than one answer is right) with "Check my answer" and "Try again"; the feedback of
// the chosen options is taken from the answer's own list, the result is announced in a status
// region, and a summary at the end counts the right answers.
//
// Privacy: nothing is sent anywhere (the script makes no request) and nothing is stored, unless
// the reader presses "Save my progress on this device". Then the module's answers go into this
// browser's localStorage under one key per module, "hb-selfcheck:<module-id>", and are kept up
// to date until "Remove my saved progress" deletes the key. A saved key is read back on the next
// visit; without one, nothing is read or written.
//
// The script only adds and moves elements: it hides no content (print shows every question,
// option and answer), and it sets each self-check up once, on load and after Material's instant
// navigation (document$). Every text it adds is worded through hbT, in the page's language
// (window.hbT, docs/assets/handbook.js).
(function () {
  "use strict";

  // The page's words: window.hbT translates them; without it, the English, with its {values} filled in.
  function hbT(text, values) {
    if (window.hbT) return window.hbT(text, values);
    return String(text).replace(/\{(\w+)\}/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  var KEY_PREFIX = "hb-selfcheck:";
  var LETTERS = "abcdefghijklmnopqrstuvwxyz";
  var instances = 0;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "className") node.className = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    if (text) node.textContent = text;
    return node;
  }

  function button(className, text) {
    return el("button", { type: "button", className: "hb-sc-button " + className }, text);
  }

  function icon(symbol) {
    return el("span", { className: "hb-sc-icon", "aria-hidden": "true" }, symbol);
  }

  // "a", "a and c", "a, b and d"
  function listOf(letters) {
    if (letters.length < 2) return letters.join("");
    return hbT("{list} and {last}", { list: letters.slice(0, -1).join(", "), last: letters[letters.length - 1] });
  }

  // Say text in a status region; the same text twice is said again.
  function say(region, text) {
    if (region.textContent === text && text) {
      region.textContent = "";
      setTimeout(function () { region.textContent = text; }, 100);
    } else {
      region.textContent = text;
    }
  }

  // --- local storage, only ever touched through these three --------------------------------

  function storage() {
    try {
      return window.localStorage || null;
    } catch (err) { // storage blocked by the browser's settings
      return null;
    }
  }

  function readSaved(key) {
    var store = storage();
    if (!store) return { exists: false, data: null };
    var raw;
    try { raw = store.getItem(key); } catch (err) { return { exists: false, data: null }; }
    if (raw === null) return { exists: false, data: null };
    try { return { exists: true, data: JSON.parse(raw) }; } catch (err) { return { exists: true, data: null }; }
  }

  function writeSaved(key, data) {
    var store = storage();
    if (!store) return false;
    try { store.setItem(key, JSON.stringify(data)); return true; } catch (err) { return false; }
  }

  function removeSaved(key) {
    var store = storage();
    if (!store) return false;
    try { store.removeItem(key); return true; } catch (err) { return false; }
  }

  // --- one question -------------------------------------------------------------------------

  // The feedback for one option, as shown in the answer's list: everything after the option's
  // <span class="hb-feedback"> but its "a: Right." label. Cloned, without ids.
  function feedbackFor(details, optionId) {
    var marker = null;
    if (details) {
      details.querySelectorAll(".hb-feedback[data-for]").forEach(function (span) {
        if (span.getAttribute("data-for") === optionId && !marker) marker = span;
      });
    }
    if (!marker) return { marker: null, nodes: [] };
    var nodes = [];
    var skippedLabel = false;
    for (var node = marker.nextSibling; node; node = node.nextSibling) {
      if (!skippedLabel && node.nodeType === 1 && node.tagName === "STRONG") { skippedLabel = true; continue; }
      if (!skippedLabel && node.nodeType === 3 && !node.textContent.trim()) continue;
      var copy = node.cloneNode(true);
      if (copy.nodeType === 1) {
        copy.removeAttribute("id");
        copy.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
      }
      nodes.push(copy);
    }
    if (nodes.length && nodes[0].nodeType === 3) nodes[0].textContent = nodes[0].textContent.replace(/^\s+/, "");
    return { marker: marker, nodes: nodes };
  }

  function Question(owner, block, index, uid) {
    var list = block.querySelector("ol.hb-quiz-options");
    if (!list) throw new Error("no options");
    var details = block.querySelector("details.hb-answer");
    var multiple = block.getAttribute("data-multiple") === "true";
    var self = this;
    var prefix = uid + "-q" + (index + 1);

    this.block = block;
    this.multiple = multiple;
    this.checked = false;
    // The id without the print page's "<module-id>--" prefix: one saved key serves both pages.
    var ownId = block.id || String(index + 1);
    this.key = ownId.indexOf(owner.moduleId + "--") === 0 ? ownId.slice(owner.moduleId.length + 2) : ownId;

    // The legend: the question's own paragraph, but its permanent link, which stays in a line of its own.
    var fieldset = el("fieldset", { className: "hb-sc-group" });
    var legend = el("legend", { className: "hb-sc-legend" });
    var textBlock = null;
    for (var child = block.firstElementChild; child && child !== list; child = child.nextElementSibling) {
      if (child.tagName === "P") { textBlock = child; break; }
    }
    if (textBlock) {
      block.insertBefore(fieldset, textBlock);
      Array.prototype.slice.call(textBlock.childNodes).forEach(function (node) {
        if (node.nodeType === 1 && node.classList.contains("hb-sublink")) return;
        legend.appendChild(node);
      });
      var last = legend.lastChild;
      if (last && last.nodeType === 3) last.textContent = last.textContent.replace(/\s+$/, "");
      textBlock.classList.add("hb-sc-links");
      if (!textBlock.textContent.trim()) textBlock.remove();
    } else {
      block.insertBefore(fieldset, list);
      legend.textContent = hbT("Question {n}.", { n: index + 1 });
    }
    var hint = hbT("Choose all that apply.");
    var hinted = legend.textContent.toLowerCase().indexOf(hint.replace(/\.$/, "").toLowerCase()) >= 0;
    if (multiple && !hinted && !/choose all that apply/i.test(legend.textContent)) {
      legend.appendChild(el("span", { className: "hb-sc-hint" }, " " + hint));
    }
    fieldset.appendChild(legend);
    if (textBlock && textBlock.parentNode) fieldset.appendChild(textBlock);
    fieldset.appendChild(list);

    list.classList.add("hb-sc-options");
    this.options = Array.prototype.slice.call(list.children).filter(function (li) {
      return li.tagName === "LI";
    }).map(function (li, i) {
      var id = li.getAttribute("data-option") || LETTERS[i];
      var inputId = prefix + "-" + i;
      var input = el("input", {
        type: multiple ? "checkbox" : "radio", name: prefix, id: inputId, value: id,
        className: "hb-sc-input", "aria-describedby": inputId + "-result",
      });
      var label = el("label", { className: "hb-sc-option", "for": inputId });
      var text = el("span", { className: "hb-sc-text" });
      Array.prototype.slice.call(li.childNodes).forEach(function (node) { text.appendChild(node); });
      label.appendChild(input);
      label.appendChild(el("span", { className: "hb-sc-letter" }, LETTERS[i] + "."));
      label.appendChild(text);
      var result = el("div", { className: "hb-sc-result", id: inputId + "-result" });
      li.appendChild(label);
      li.appendChild(result);
      var feedback = feedbackFor(details, id);
      input.addEventListener("change", function () { owner.changed(); });
      // A checked answer stays as it was until "Try again": the options stay focusable (so their
      // feedback is read with them) but do not change.
      input.addEventListener("click", function (event) { if (self.checked) event.preventDefault(); });
      return {
        id: id, letter: LETTERS[i], correct: li.getAttribute("data-correct") === "true",
        li: li, input: input, result: result, marker: feedback.marker, feedback: feedback.nodes,
      };
    });

    var actions = el("div", { className: "hb-sc-actions" });
    this.checkButton = button("hb-sc-check hb-sc-primary", hbT("Check my answer"));
    this.retryButton = button("hb-sc-retry", hbT("Try again"));
    this.retryButton.hidden = true;
    actions.appendChild(this.checkButton);
    actions.appendChild(this.retryButton);
    fieldset.appendChild(actions);
    this.status = el("p", { className: "hb-sc-status", role: "status" });
    fieldset.appendChild(this.status);

    this.checkButton.addEventListener("click", function () {
      if (self.check(true)) {
        owner.changed();
        self.retryButton.focus();
      }
    });
    this.retryButton.addEventListener("click", function () {
      self.reset();
      owner.changed();
      self.options[0].input.focus();
    });
    this.owner = owner;
  }

  Question.prototype.chosen = function () {
    return this.options.filter(function (o) { return o.input.checked; });
  };

  Question.prototype.isRight = function () {
    return this.checked && this.options.every(function (o) { return o.input.checked === o.correct; });
  };

  // Check the chosen options: mark each, show its feedback, announce the result. false: nothing chosen.
  Question.prototype.check = function (announce) {
    var chosen = this.chosen();
    if (!chosen.length) {
      if (announce) say(this.status, this.multiple ? hbT("Choose one or more answers first.") : hbT("Choose an answer first."));
      return false;
    }
    var multiple = this.multiple;
    this.checked = true;
    this.options.forEach(function (o) {
      o.result.textContent = "";
      o.li.classList.remove("hb-sc-is-right", "hb-sc-is-wrong", "hb-sc-was-chosen");
      if (o.input.checked) {
        o.li.classList.add("hb-sc-was-chosen", o.correct ? "hb-sc-is-right" : "hb-sc-is-wrong");
        var mark = el("p", { className: "hb-sc-mark" });
        mark.appendChild(icon(o.correct ? "\u2713" : "\u2717"));
        mark.appendChild(document.createTextNode(" " + (o.correct ? hbT("You chose this: right.") : hbT("You chose this: not right."))));
        o.result.appendChild(mark);
        if (o.feedback.length) {
          var said = el("p", { className: "hb-sc-feedback" });
          o.feedback.forEach(function (node) { said.appendChild(node.cloneNode(true)); });
          o.result.appendChild(said);
        }
        if (o.marker) o.marker.textContent = hbT("You chose this.") + " ";
      } else if (o.correct) {
        o.li.classList.add("hb-sc-is-right");
        var answer = el("p", { className: "hb-sc-mark" });
        answer.appendChild(icon("\u2713"));
        answer.appendChild(document.createTextNode(" " + (multiple ? hbT("Also a right answer: you did not choose it.") : hbT("The right answer."))));
        o.result.appendChild(answer);
      }
      o.input.setAttribute("aria-disabled", "true");
    });
    var right = this.isRight();
    var rightLetters = this.options.filter(function (o) { return o.correct; }).map(function (o) { return o.letter; });
    var chosenLetters = chosen.map(function (o) { return o.letter; });
    var message;
    if (right) {
      message = multiple
        ? hbT("Right: {right} are the right answers.", { right: listOf(rightLetters) })
        : hbT("Right: {right} is the right answer.", { right: rightLetters[0] });
    } else if (multiple) {
      message = hbT("Not right: you chose {chosen}. The right answers are {right}.", { chosen: listOf(chosenLetters), right: listOf(rightLetters) });
    } else {
      message = hbT("Not right: you chose {chosen}. The right answer is {right}.", { chosen: chosenLetters[0], right: listOf(rightLetters) });
    }
    this.block.classList.add("hb-sc-checked");
    this.block.classList.toggle("hb-sc-right", right);
    this.block.classList.toggle("hb-sc-wrong", !right);
    this.checkButton.hidden = true;
    this.retryButton.hidden = false;
    this.status.textContent = announce ? message + " " + this.owner.soFar() : message;
    return true;
  };

  Question.prototype.reset = function () {
    this.checked = false;
    this.options.forEach(function (o) {
      o.input.checked = false;
      o.input.removeAttribute("aria-disabled");
      o.result.textContent = "";
      o.li.classList.remove("hb-sc-is-right", "hb-sc-is-wrong", "hb-sc-was-chosen");
      if (o.marker) o.marker.textContent = "";
    });
    this.block.classList.remove("hb-sc-checked", "hb-sc-right", "hb-sc-wrong");
    this.retryButton.hidden = true;
    this.checkButton.hidden = false;
    this.status.textContent = "";
  };

  Question.prototype.state = function () {
    return { chosen: this.chosen().map(function (o) { return o.id; }), checked: this.checked };
  };

  Question.prototype.restore = function (saved) {
    if (!saved || !Array.isArray(saved.chosen)) return;
    var ids = saved.chosen.map(String);
    var multiple = this.multiple;
    var picked = 0;
    this.options.forEach(function (o) {
      var on = ids.indexOf(o.id) >= 0 && (multiple || picked === 0);
      o.input.checked = on;
      if (on) picked += 1;
    });
    if (saved.checked === true) this.check(false);
  };

  // --- one module's self-check --------------------------------------------------------------

  // The level of the last heading before node, in document order (1 if none).
  function headingLevelBefore(node) {
    var level = 1;
    document.querySelectorAll("h1, h2, h3, h4, h5, h6").forEach(function (h) {
      if (h.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) level = Number(h.tagName[1]);
    });
    return level;
  }

  function setUpBox(box) {
    var moduleId = box.getAttribute("data-hb-selfcheck");
    var key = KEY_PREFIX + moduleId;
    var uid = "hb-sc-" + (++instances);
    var questions = [];
    var owner = {
      moduleId: moduleId,
      changed: function () { changed(); },
      soFar: function () { return hbT("So far, {right} of {total} right.", { right: counts().right, total: questions.length }); },
    };
    Array.prototype.slice.call(box.querySelectorAll(".hb-quiz-question")).forEach(function (block) {
      try {
        questions.push(new Question(owner, block, questions.length, uid));
      } catch (err) { /* a question without options stays as it is */ }
    });
    if (!questions.length) return;
    box.classList.add("hb-sc-ready");
    var saved = false;

    // The summary: the score, "Start again", and saving on this device.
    var level = Math.min(6, headingLevelBefore(box) + 1);
    var summary = el("div", { className: "hb-sc-summary", role: "group", "aria-labelledby": uid + "-summary" });
    var heading = el("h" + level, { id: uid + "-summary", className: "hb-sc-summary-title" }, hbT("Your result"));
    var score = el("p", { className: "hb-sc-score" });
    var restart = button("hb-sc-restart", hbT("Start again"));
    var restartRow = el("div", { className: "hb-sc-actions" });
    restartRow.appendChild(restart);
    var about = el("p", { className: "hb-sc-save-about", id: uid + "-save-about" });
    var aboutText = hbT("Your answers stay on this page: nothing is sent anywhere, and nothing is stored unless you save. “Save my progress on this device” keeps your answers to this module in this browser’s local storage, under the one key {key}, on this device only, and keeps them up to date as you go until you remove them. “Remove my saved progress” deletes that key.").split("{key}");
    about.appendChild(document.createTextNode(aboutText[0]));
    about.appendChild(el("code", {}, key));
    about.appendChild(document.createTextNode(aboutText[1] || ""));
    var saveButton = button("hb-sc-save", hbT("Save my progress on this device"));
    var removeButton = button("hb-sc-remove", hbT("Remove my saved progress"));
    saveButton.setAttribute("aria-describedby", uid + "-save-about");
    removeButton.setAttribute("aria-describedby", uid + "-save-about");
    removeButton.hidden = true;
    var saveRow = el("div", { className: "hb-sc-actions" });
    saveRow.appendChild(saveButton);
    saveRow.appendChild(removeButton);
    var summaryStatus = el("p", { className: "hb-sc-status", role: "status" });
    [heading, score, restartRow, about, saveRow, summaryStatus].forEach(function (n) { summary.appendChild(n); });
    box.appendChild(summary);

    function counts() {
      var checked = questions.filter(function (q) { return q.checked; }).length;
      var right = questions.filter(function (q) { return q.isRight(); }).length;
      return { checked: checked, right: right, total: questions.length };
    }

    function scoreText() {
      var c = counts();
      if (c.checked === c.total) return hbT("{right} of {total} right. You have checked every question.", c);
      return hbT("{right} of {total} right. You have checked {checked} of {total} questions.", c);
    }

    function state() {
      var answers = {};
      questions.forEach(function (q) {
        var s = q.state();
        if (s.chosen.length) answers[q.key] = s;
      });
      return { version: 1, module: moduleId, questions: answers };
    }

    function showSaved(on) {
      saved = on;
      removeButton.hidden = !on;
    }

    // Called after every change: the score, and the saved copy when the reader asked for one.
    function changed() {
      score.textContent = scoreText();
      box.classList.toggle("hb-sc-started", counts().checked > 0);
      if (saved) writeSaved(key, state());
    }

    restart.addEventListener("click", function () {
      questions.forEach(function (q) { q.reset(); });
      changed();
      say(summaryStatus, hbT("Started again: every answer is cleared."));
      questions[0].options[0].input.focus();
    });

    saveButton.addEventListener("click", function () {
      if (writeSaved(key, state())) {
        showSaved(true);
        say(summaryStatus, hbT("Saved on this device. Your answers here are kept up to date until you remove them."));
      } else {
        say(summaryStatus, hbT("This browser does not let the handbook save here. Nothing was stored."));
      }
    });

    removeButton.addEventListener("click", function () {
      removeSaved(key);
      var still = readSaved(key).exists;
      showSaved(still);
      if (!still) saveButton.focus();
      say(summaryStatus, still ? hbT("The saved progress could not be removed.") :
        hbT("Your saved progress is removed from this device. Nothing is stored."));
    });

    // Saved progress comes back only if the reader saved it.
    var previous = readSaved(key);
    if (previous.exists) {
      showSaved(true);
      var answers = previous.data && typeof previous.data.questions === "object" && previous.data.questions;
      if (answers) questions.forEach(function (q) {
        if (Object.prototype.hasOwnProperty.call(answers, q.key)) q.restore(answers[q.key]);
      });
      changed();
      summaryStatus.textContent = hbT("Your saved progress is back: {score}", { score: scoreText() });
    } else {
      changed();
    }
  }

  function setUp(root) {
    root.querySelectorAll(".hb-selfcheck[data-hb-selfcheck]").forEach(function (box) {
      if (box.hasAttribute("data-hb-selfcheck-ready")) return;
      box.setAttribute("data-hb-selfcheck-ready", "");
      setUpBox(box);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { setUp(document); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  } else {
    setUp(document);
  }
})();
