// "Copy import URL" and "Copy JSON" in the library: without scripts both are plain links (a page showing the link, the
// download); with them, the link or the file goes to the clipboard and a status line tells screen readers it was copied.
(function () {
    'use strict';
    var status = document.querySelector('[data-copy-status]');

    function announce(text) {
        if (!status) return;
        status.textContent = '';
        window.setTimeout(function () { status.textContent = text; }, 50);
    }

    function copy(link, load) {
        link.addEventListener('click', function (event) {
            if (!navigator.clipboard || !window.fetch) return;
            event.preventDefault();
            load(link.getAttribute('href'))
                .then(function (text) { return navigator.clipboard.writeText(text); })
                .then(function () {
                    link.setAttribute('data-done', '');
                    announce(link.getAttribute('data-copied'));
                })
                .catch(function () { announce(link.getAttribute('data-failed')); });
        });
    }

    function get(href, accept) {
        return fetch(href, { headers: { 'Accept': accept }, credentials: 'same-origin' }).then(function (response) {
            if (!response.ok) throw new Error(String(response.status));
            return response;
        });
    }

    document.querySelectorAll('[data-copy-url]').forEach(function (link) {
        copy(link, function (href) {
            return get(href, 'application/json').then(function (r) { return r.json(); }).then(function (body) { return body.url; });
        });
    });
    document.querySelectorAll('[data-copy-json]').forEach(function (link) {
        copy(link, function (href) {
            return get(href, 'application/json').then(function (r) { return r.text(); });
        });
    });
})();
