// Draws the process with the bpmn-js navigated viewer and puts a token count on each element
// (active, and incidents in their own colour). The bpmn.io watermark stays as the viewer draws it.
(function () {
  'use strict';
  var container = document.getElementById('diagram');
  if (!container || typeof window.BpmnJS !== 'function') { return; }

  function fail() {
    container.textContent = container.getAttribute('data-error');
  }

  function badge(text, incident) {
    var el = document.createElement('span');
    el.className = incident ? 'token-count incident' : 'token-count';
    el.textContent = text;
    return el;
  }

  var viewer = new window.BpmnJS({ container: container });
  Promise.all([
    fetch(container.getAttribute('data-xml-url'), { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error('xml ' + r.status); }
      return r.text();
    }),
    fetch(container.getAttribute('data-statistics-url'), { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error('statistics ' + r.status); }
      return r.json();
    })
  ]).then(function (results) {
    return viewer.importXML(results[0]).then(function () {
      viewer.get('canvas').zoom('fit-viewport');
      var overlays = viewer.get('overlays');
      var registry = viewer.get('elementRegistry');
      results[1].forEach(function (s) {
        if (!registry.get(s.elementId)) { return; }
        if (s.active > 0) {
          overlays.add(s.elementId, { position: { bottom: 0, left: 0 }, html: badge(String(s.active), false) });
        }
        if (s.incidents > 0) {
          overlays.add(s.elementId, { position: { top: 0, right: 0 }, html: badge(String(s.incidents), true) });
        }
      });
    });
  }).catch(fail);
})();
