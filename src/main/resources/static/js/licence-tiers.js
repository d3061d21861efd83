// The seller's workflow form: ticking a licence tier on with its price left empty fills in the suggested price,
// the single price times the tier's multiplier (a hint the seller can change; the server checks what is sent).
(function () {
    'use strict';
    var single = document.getElementById('price');
    document.querySelectorAll('[data-tier-toggle]').forEach(function (toggle) {
        toggle.addEventListener('change', function () {
            var input = document.getElementById(toggle.getAttribute('data-tier-toggle'));
            var field = toggle.closest('[data-tier-multiplier]');
            if (!toggle.checked || !input || !field || !single || input.value.trim() !== '') return;
            var price = parseFloat(single.value.replace(',', '.'));
            if (!(price > 0)) return;
            var multiplier = parseInt(field.getAttribute('data-tier-multiplier'), 10);
            input.value = (Math.round(price * 100) * multiplier / 100).toFixed(2);
        });
    });
})();
