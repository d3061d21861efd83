// Promotion countdowns: "ends in …" kept current each half minute; the price itself is the server's.
(function () {
    function left(el) {
        var ms = Date.parse(el.dataset.ends) - Date.now();
        if (ms <= 0) {
            return el.dataset.ended;
        }
        var minutes = Math.max(1, Math.floor(ms / 60000));
        var d = Math.floor(minutes / 1440), h = Math.floor(minutes % 1440 / 60), m = minutes % 60;
        var text = d > 0 ? el.dataset.days : h > 0 ? el.dataset.hours : el.dataset.minutes;
        return text.replace('{d}', d).replace('{h}', h).replace('{m}', m);
    }
    function tick() {
        document.querySelectorAll('.promo-countdown[data-ends]').forEach(function (el) {
            var text = left(el);
            if (el.textContent !== text) {
                el.textContent = text;
            }
        });
    }
    tick();
    setInterval(tick, 30000);
    document.addEventListener('htmx:afterSettle', tick);
})();
