// Shows and hides a form's conditional fields while the citizen answers (progressive enhancement).
// The page works without this script: the server leaves hidden fields out of what is shown, required and kept.
// Here, the page's answers are sent to the portal (data-visibility on the form), which evaluates the form's own
// rules with the same engine the server validates with and answers {hidden: [addresses]}; the elements marked
// data-conditional are then shown or hidden, and controls inside hidden ones are disabled so they are not sent.
(function () {
  'use strict';
  var form = document.querySelector('form[data-visibility]');
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var live = document.getElementById('form-live');
  var url = form.getAttribute('data-visibility');
  var timer = 0;
  var sent = 0;
  var controller = null;

  function answers() {
    var body = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string') body.append(name, value);
    });
    return body;
  }

  function ask() {
    var mine = ++sent;
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    fetch(url, {
      method: 'POST',
      body: answers(),
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' },
      redirect: 'error',
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (!response.ok) throw new Error('visibility ' + response.status);
      return response.json();
    }).then(function (answer) {
      if (mine === sent && answer && Array.isArray(answer.hidden)) apply(answer.hidden);
    }).catch(function () {
      // Nothing changes on the page; the server still decides when the page is sent.
    });
  }

  function labelOf(element) {
    var label = element.querySelector('legend, label, .form-text, .form-html');
    var text = label ? label.textContent : element.textContent;
    return text.replace(/\s+/g, ' ').trim().slice(0, 120);
  }

  function focusable(element) {
    return element.matches('input, select, textarea, button, a[href]') && !element.disabled && !element.closest('[hidden]');
  }

  // Focus never stays on a field that disappears: it moves to the nearest control before it (else after it).
  function keepFocus(leaving) {
    var active = document.activeElement;
    if (!active || !leaving.contains(active)) return;
    var all = Array.prototype.slice.call(form.querySelectorAll('input, select, textarea, button, a[href]'));
    var at = all.indexOf(active);
    var before = all.slice(0, at).reverse().filter(function (e) { return !leaving.contains(e) && focusable(e); });
    var after = all.slice(at + 1).filter(function (e) { return !leaving.contains(e) && focusable(e); });
    var target = before[0] || after[0];
    if (target) target.focus();
  }

  function apply(hidden) {
    var shownNow = [];
    var hiddenNow = [];
    form.querySelectorAll('[data-conditional]').forEach(function (element) {
      var hide = hidden.indexOf(element.getAttribute('data-conditional')) >= 0;
      if (hide === element.hidden) return;
      if (hide) {
        keepFocus(element);
        element.hidden = true;
        if (!element.parentElement.closest('[hidden]')) hiddenNow.push(labelOf(element));
      } else {
        element.hidden = false;
        if (!element.parentElement.closest('[hidden]')) shownNow.push(labelOf(element));
      }
    });
    form.querySelectorAll('input, select, textarea, button').forEach(function (control) {
      var inHidden = !!control.closest('[data-conditional][hidden]');
      if (inHidden && !control.disabled) {
        control.disabled = true;
        control.setAttribute('data-hidden-disabled', '');
      } else if (!inHidden && control.hasAttribute('data-hidden-disabled')) {
        control.disabled = false;
        control.removeAttribute('data-hidden-disabled');
      }
    });
    summary();
    announce(shownNow, form.getAttribute('data-shown-text'), hiddenNow, form.getAttribute('data-hidden-text'));
  }

  // An error summary entry whose field is now hidden goes away (and comes back with the field).
  function summary() {
    var box = document.querySelector('.ds-error-summary');
    if (!box) return;
    var left = 0;
    box.querySelectorAll('li').forEach(function (item) {
      var link = item.querySelector('a[href^="#"]');
      var target = link && document.getElementById(link.getAttribute('href').slice(1));
      item.hidden = !!(target && target.closest('[data-conditional][hidden]'));
      if (!item.hidden) left++;
    });
    box.hidden = left === 0;
  }

  function announce(shown, shownText, hidden, hiddenText) {
    if (!live) return;
    var parts = shown.filter(Boolean).map(function (l) { return shownText.replace('{0}', l); })
      .concat(hidden.filter(Boolean).map(function (l) { return hiddenText.replace('{0}', l); }));
    if (parts.length === 0) return;
    live.textContent = '';
    window.setTimeout(function () { live.textContent = parts.join('. '); }, 50);
  }

  function changed(event) {
    var target = event.target;
    if (!target || !target.name || target.type === 'file' || target.type === 'submit') return;
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, event.type === 'change' ? 100 : 400);
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
})();
