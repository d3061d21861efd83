// Social enhancements: review/question tabs, share buttons, the compare tray. Without them every section shows
// one under the other, share links open in a new tab and "Compare" checkboxes submit to the compare page.
(() => {
    function tabs(set) {
        const list = set.querySelector('[role=tablist]');
        const tabs = [...list.querySelectorAll('[role=tab]')];
        const panels = tabs.map(tab => document.getElementById(tab.getAttribute('aria-controls')));
        const select = (index, focus) => {
            tabs.forEach((tab, i) => {
                const on = i === index;
                tab.setAttribute('aria-selected', String(on));
                tab.tabIndex = on ? 0 : -1;
                panels[i].hidden = !on;
            });
            if (focus) {
                tabs[index].focus();
            }
        };
        tabs.forEach((tab, i) => {
            tab.addEventListener('click', event => {
                event.preventDefault();
                select(i, false);
                history.replaceState(null, '', tab.getAttribute('href'));
            });
            tab.addEventListener('keydown', event => {
                const step = {ArrowRight: 1, ArrowLeft: -1}[event.key];
                if (step) {
                    event.preventDefault();
                    select((i + step + tabs.length) % tabs.length, true);
                }
            });
        });
        list.hidden = false;
        // a link to a question (from a notification or an e-mail) opens the questions tab
        const hash = location.hash;
        const wanted = panels.findIndex(panel => hash && (hash === '#' + panel.id || panel.querySelector('[id="' + hash.slice(1) + '"]')
            || (hash.startsWith('#q-') && panel.id === 'questions-section')));
        select(wanted >= 0 ? wanted : 0, false);
        window.addEventListener('hashchange', () => {
            const i = panels.findIndex(panel => location.hash === '#' + panel.id || panel.querySelector('[id="' + location.hash.slice(1) + '"]'));
            if (i >= 0) {
                select(i, false);
            }
        });
    }

    function share(box) {
        const status = box.querySelector('.share-status');
        const say = text => {
            status.textContent = '';
            // a fresh text each time, so screen readers announce a second copy too
            requestAnimationFrame(() => { status.textContent = text; });
        };
        const copy = box.querySelector('[data-copy]');
        if (copy && navigator.clipboard) {
            copy.hidden = false;
            copy.addEventListener('click', async () => {
                try {
                    await navigator.clipboard.writeText(copy.dataset.copy);
                    say(status.dataset.copied);
                    copy.classList.add('copied');
                } catch (e) {
                    say(status.dataset.failed);
                }
            });
        }
        const device = box.querySelector('[data-web-share]');
        if (device && navigator.share) {
            device.hidden = false;
            device.addEventListener('click', () => navigator.share({title: device.dataset.title, url: device.dataset.webShare}).catch(() => {}));
        }
    }

    // the compare tray: up to three workflows picked on cards and workflow pages, kept in this browser only
    const MAX = 3;
    const KEY = 'flowmarket.compare';
    const picked = () => {
        try {
            const list = JSON.parse(localStorage.getItem(KEY) || '[]');
            return Array.isArray(list) ? list.filter(item => item && typeof item.slug === 'string').slice(0, MAX) : [];
        } catch (e) {
            return [];
        }
    };
    const keep = list => localStorage.setItem(KEY, JSON.stringify(list));

    function compare() {
        const tray = document.getElementById('compare-tray');
        if (!tray) {
            return;
        }
        const items = tray.querySelector('.compare-tray-items');
        const status = tray.querySelector('.compare-tray-status');
        const go = tray.querySelector('.compare-go');
        const render = () => {
            const list = picked();
            items.replaceChildren(...list.map(item => {
                const li = document.createElement('li');
                const name = document.createElement('span');
                name.textContent = item.title;
                const remove = document.createElement('button');
                remove.type = 'button';
                remove.className = 'link-button';
                remove.textContent = tray.dataset.remove;
                remove.setAttribute('aria-label', tray.dataset.remove + ': ' + item.title);
                remove.addEventListener('click', () => { keep(picked().filter(p => p.slug !== item.slug)); render(); });
                li.append(name, ' ', remove);
                return li;
            }));
            go.href = '/compare?w=' + list.map(item => encodeURIComponent(item.slug)).join(',');
            go.classList.toggle('disabled', list.length < 2);
            go.setAttribute('aria-disabled', String(list.length < 2));
            tray.hidden = list.length === 0;
            document.body.classList.toggle('has-compare-tray', list.length > 0);
            document.querySelectorAll('input[data-compare]').forEach(box => {
                box.checked = list.some(item => item.slug === box.dataset.compare);
            });
        };
        document.querySelectorAll('.compare-toggle').forEach(label => { label.hidden = false; });
        document.addEventListener('change', event => {
            const box = event.target.closest && event.target.closest('input[data-compare]');
            if (!box) {
                return;
            }
            let list = picked().filter(item => item.slug !== box.dataset.compare);
            status.textContent = '';
            if (box.checked) {
                if (list.length >= MAX) {
                    box.checked = false;
                    tray.hidden = false;
                    status.textContent = tray.dataset.full;
                    return;
                }
                list = [...list, {slug: box.dataset.compare, title: box.dataset.title}];
            }
            keep(list);
            render();
        });
        go.addEventListener('click', event => {
            if (picked().length < 2) {
                event.preventDefault();
            }
        });
        tray.querySelector('.compare-clear').addEventListener('click', () => { keep([]); status.textContent = ''; render(); });
        // on the compare page, "Remove" takes a column away
        document.querySelectorAll('[data-compare-remove]').forEach(button => {
            button.hidden = false;
            button.addEventListener('click', () => {
                keep(picked().filter(item => item.slug !== button.dataset.compareRemove));
                const rest = new URLSearchParams(location.search).get('w').split(',').filter(s => s !== button.dataset.compareRemove);
                location.href = '/compare?w=' + rest.map(encodeURIComponent).join(',');
            });
        });
        // cards loaded later by htmx (search results) get their checkboxes shown and ticked
        document.body.addEventListener('htmx:afterSettle', () => {
            document.querySelectorAll('.compare-toggle').forEach(label => { label.hidden = false; });
            render();
        });
        render();
        // "Back" can bring a page out of the browser's memory: the tray shows what was picked on the pages read since
        window.addEventListener('pageshow', event => { if (event.persisted) render(); });
    }

    document.querySelectorAll('[data-tabs]').forEach(tabs);
    compare();
    document.querySelectorAll('[data-share]').forEach(share);
})();
