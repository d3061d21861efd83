// Visitors' recent searches live only in this browser (localStorage), never on the server.
document.addEventListener('DOMContentLoaded', () => {
    const box = document.getElementById('local-history');
    if (!box) {
        return;
    }
    const KEY = 'flowmarket.recentSearches';
    const read = () => { try { return JSON.parse(localStorage.getItem(KEY) || '[]'); } catch (e) { return []; } };
    const q = new URLSearchParams(location.search).get('q');
    if (q && q.trim()) {
        const items = [q.trim(), ...read().filter(x => x.toLowerCase() !== q.trim().toLowerCase())].slice(0, 20);
        localStorage.setItem(KEY, JSON.stringify(items));
    }
    const items = read();
    if (!items.length) {
        return;
    }
    const label = document.createElement('p');
    label.className = 'muted';
    label.textContent = box.dataset.label;
    const list = document.createElement('ul');
    list.className = 'chips';
    for (const item of items.slice(0, 8)) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = '/workflows?q=' + encodeURIComponent(item);
        a.textContent = item;
        li.appendChild(a);
        list.appendChild(li);
    }
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.className = 'link-button';
    clear.textContent = box.dataset.clear;
    clear.addEventListener('click', () => { localStorage.removeItem(KEY); box.replaceChildren(); });
    box.replaceChildren(label, list, clear);
});
