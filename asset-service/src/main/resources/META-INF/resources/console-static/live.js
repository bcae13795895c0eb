// Custodian console, on every page. The viewer's time zone: the browser's own, in the cookie tz that
// the pages read to show times in it (the company's zone until then, or without script).
// A region marked data-live="URL" (a running import's progress) is fetched again
// every second from its URL and replaced by the answer, until the answer is no longer live. The page
// works without it: its <noscript> refresh reloads the whole page instead.
(function () {
  'use strict';
  var EVERY_MS = 1000;

  function follow(region) {
    var url = region.getAttribute('data-live');
    if (!url) {
      return;
    }
    window.setTimeout(function () {
      window
        .fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' }, redirect: 'error' })
        .then(function (answer) {
          if (!answer.ok) {
            throw new Error('HTTP ' + answer.status);
          }
          return answer.text();
        })
        .then(function (html) {
          var next = new DOMParser().parseFromString(html, 'text/html').body.firstElementChild;
          if (!next || next.id !== region.id) {
            throw new Error('not the region');
          }
          region.replaceWith(next);
          follow(next);
        })
        .catch(function () {
          // signed out, or the service is away: the whole page again (sign-in, or its error page)
          window.location.reload();
        });
    }, EVERY_MS);
  }

  function rememberZone() {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    if (!zone) {
      return;
    }
    var cookie = 'tz=' + encodeURIComponent(zone);
    if (('; ' + document.cookie + ';').indexOf('; ' + cookie + ';') < 0) {
      document.cookie =
        cookie + '; path=/console; max-age=31536000; SameSite=Lax' + (window.location.protocol === 'https:' ? '; Secure' : '');
    }
  }

  rememberZone();
  document.querySelectorAll('[data-live]').forEach(follow);
})();
