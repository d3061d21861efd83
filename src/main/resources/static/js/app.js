// Small progressive enhancements; every page works without them.

// "Back" may show a visitor's page from the browser's memory (the back/forward cache), exactly as it was left, or
// the copy of it the browser kept (its HTTP cache), without asking us. If this browser has posted anything since
// (signed in or out, filled the cart, chose a theme or a currency) or chose another language, the page may be out of
// date and its CSRF token replaced: it is loaded again instead.
(() => {
    const KEY = 'flowmarket.changed';
    const read = () => {
        try {
            return localStorage.getItem(KEY);
        } catch (e) {
            return null;
        }
    };
    const changed = () => {
        try {
            localStorage.setItem(KEY, Date.now() + '-' + Math.random());
        } catch (e) {
            // no storage: a page brought back stays as it was left
        }
    };
    const seen = read() || '';
    // what this tab had changed when each page was last loaded from the network
    const loaded = 'flowmarket.loaded:' + location.pathname + location.search;
    try {
        const navigation = performance.getEntriesByType('navigation')[0];
        if (navigation && navigation.type === 'back_forward' && navigation.transferSize === 0) {
            if (sessionStorage.getItem(loaded) !== seen) {
                window.location.reload();
                return;
            }
        } else {
            sessionStorage.setItem(loaded, seen);
        }
    } catch (e) {
        // no storage or timing: a kept copy stays as it was
    }
    document.addEventListener('submit', (event) => {
        if (event.target.method === 'post') {
            changed();
        }
    }, true);
    document.addEventListener('htmx:beforeRequest', (event) => {
        if (event.detail.requestConfig && event.detail.requestConfig.verb !== 'get') {
            changed();
        }
    });
    document.addEventListener('click', (event) => {
        if (event.target.closest && event.target.closest('a[hreflang]')) {
            changed();
        }
    }, true);
    window.addEventListener('pageshow', (event) => {
        if (event.persisted && (read() || '') !== seen) {
            window.location.reload();
        }
    });
})();

document.addEventListener('DOMContentLoaded', () => {
    // the catalogue's filters come folded (a phone shows the results first); a wide screen shows them beside the results
    const filters = document.querySelector('.filter-panel');
    if (filters && !window.matchMedia('(max-width: 860px)').matches) {
        filters.open = true;
    }
    // drop-down menus: Esc closes and gives focus back, a click elsewhere closes, one open at a time
    const menus = document.querySelectorAll('details.account-menu, details.bell, details.theme-menu, details.help-menu');
    menus.forEach((menu) => {
        menu.addEventListener('toggle', () => {
            if (menu.open) {
                menus.forEach((other) => { if (other !== menu) other.open = false; });
            }
        });
        menu.addEventListener('keydown', (event) => {
            if (event.key === 'Escape' && menu.open) {
                menu.open = false;
                menu.querySelector('summary').focus();
            }
        });
    });
    document.addEventListener('click', (event) => {
        menus.forEach((menu) => {
            if (menu.open && !menu.contains(event.target) && window.matchMedia('(min-width: 641px)').matches) {
                menu.open = false;
            }
        });
    });
    const toggle = document.querySelector('.nav-toggle');
    const nav = document.getElementById('site-nav');
    if (toggle && nav) {
        toggle.addEventListener('click', () => {
            const open = nav.classList.toggle('open');
            toggle.setAttribute('aria-expanded', String(open));
            // on a phone the account menu is part of the opened menu, not a drop-down of its own
            const account = nav.querySelector('details.account-menu');
            if (account) {
                account.open = open;
            }
        });
    }
    // the theme switch repaints at once and saves the choice in the background (without script, the form posts and comes back)
    document.querySelectorAll('form[data-theme-form]').forEach((form) => {
        form.addEventListener('submit', (event) => {
            const chosen = event.submitter && event.submitter.name === 'theme' ? event.submitter.value
                : (form.querySelector('input[name="theme"]:checked') || {}).value;
            if (!chosen) {
                return;
            }
            event.preventDefault();
            document.documentElement.dataset.theme = chosen;
            const scheme = document.querySelector('meta[name="color-scheme"]');
            if (scheme) {
                scheme.content = chosen === 'system' ? 'light dark' : chosen;
            }
            // the browser's own bar follows too (the app's title bar once installed)
            const bar = {light: '#ffffff', dark: '#171a23'};
            document.querySelectorAll('meta[name="theme-color"]').forEach((meta) => {
                const media = meta.getAttribute('media') || '';
                const dark = media ? media.includes('dark') : window.matchMedia('(prefers-color-scheme: dark)').matches;
                meta.content = chosen === 'system' ? bar[dark ? 'dark' : 'light'] : bar[chosen];
            });
            document.querySelectorAll('form[data-theme-form] button[name="theme"]').forEach((button) => {
                button.setAttribute('aria-pressed', String(button.value === chosen));
            });
            document.querySelectorAll('form[data-theme-form] input[name="theme"]').forEach((radio) => {
                radio.checked = radio.value === chosen;
            });
            const body = new URLSearchParams(new FormData(form));
            body.set('theme', chosen);
            fetch(form.action, { method: 'POST', body, headers: { 'X-Requested-With': 'fetch' }, credentials: 'same-origin' });
            const menu = form.closest('details');
            if (menu) {
                menu.open = false;
                menu.querySelector('summary').focus();
            }
        });
    });
});
