// Flowmarket's service worker: keeps the app shell and the public pages a person has read, for reading
// them offline; shows Web Push notifications. The server fills in the shell's hashed URLs and the version.
const VERSION = /*VERSION*/'dev';
const SHELL = /*SHELL*/[];
const SHELL_CACHE = 'flowmarket-shell-' + VERSION;
const ASSET_CACHE = 'flowmarket-assets-' + VERSION;
const PAGE_CACHE = 'flowmarket-pages';
const STATE_CACHE = 'flowmarket-state';
const OFFLINE = '/offline';
const PAGES_KEPT = 60;

// Public pages read by everybody alike, and the buyer's library (kept for its reader only: the kept pages go when
// someone else signs in or the reader signs out); anything else (cart, checkout, orders, settings, seller, admin,
// sign-in) is never kept.
const KEPT_PAGES = [/^\/$/, /^\/workflows$/, /^\/workflows\/[^/]+$/, /^\/workflows\/[^/]+\/(questions|reviews)$/,
    /^\/stores\/(?!new$)[^/]+$/, /^\/bundles\/[^/]+$/, /^\/u\/[^/]+$/, /^\/compare$/, /^\/coming-soon$/, /^\/library$/];
const ASSETS = /^\/(css|js|img|webjars)\//;
// The worker's own fetches say so: the server then sets no CSRF cookie on them, which would replace the token of the
// page the person is using (a sign-in while the worker installs would otherwise leave its next form refused).
const BACKGROUND = {'Flowmarket-Background': '1'};
const background = (url) => new Request(url, {credentials: 'same-origin', headers: BACKGROUND});

self.addEventListener('install', (event) => {
    event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL.concat(OFFLINE).map(background))));
});

self.addEventListener('activate', (event) => {
    event.waitUntil((async () => {
        const kept = [SHELL_CACHE, ASSET_CACHE, PAGE_CACHE, STATE_CACHE];
        for (const name of await caches.keys()) {
            if (name.startsWith('flowmarket-') && !kept.includes(name)) {
                await caches.delete(name);
            }
        }
        await self.clients.claim();
    })());
});

self.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'skip-waiting') {
        self.skipWaiting();
    } else if (event.data && event.data.type === 'keep' && typeof event.data.url === 'string') {
        // the page that installed the worker was loaded before it: keep it too
        const url = new URL(event.data.url, self.location.origin);
        if (url.origin === self.location.origin) {
            event.waitUntil(fetch(background(url)).then((response) => keep(url, response)).catch(() => undefined));
        }
    }
});

self.addEventListener('fetch', (event) => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.origin !== self.location.origin) {
        return;
    }
    if (request.mode === 'navigate') {
        event.respondWith(page(event, request, url));
    } else if (ASSETS.test(url.pathname)) {
        event.respondWith(asset(request));
    }
});

// Network first, so prices and stock are current; the kept copy or the offline page when the network is gone.
async function page(event, request, url) {
    let response;
    try {
        response = await fetch(request);
    } catch (offline) {
        const viewer = await lastViewer();
        const kept = await caches.match(url.href, {cacheName: PAGE_CACHE});
        if (kept && kept.headers.get('Flowmarket-Viewer') === viewer) {
            return kept;
        }
        return (await caches.match(OFFLINE, {cacheName: SHELL_CACHE})) || Response.error();
    }
    event.waitUntil(keep(url, response.clone()));
    return response;
}

// One keeping at a time: two at once (the page that installed the worker and a navigation) could each see no viewer
// yet, and the second would empty the cache after the first had kept its page.
let keeping = Promise.resolve();

function keep(url, response) {
    keeping = keeping.then(() => keepNow(url, response)).catch(() => undefined);
    return keeping;
}

async function keepNow(url, response) {
    const viewer = response.headers.get('Flowmarket-Viewer');
    if (viewer) {
        await rememberViewer(viewer, response.headers.get('Content-Language'));
    }
    const cacheable = response.ok && !response.redirected && response.type === 'basic' && viewer
        && KEPT_PAGES.some((pattern) => pattern.test(url.pathname))
        && (response.headers.get('Content-Type') || '').startsWith('text/html');
    if (cacheable) {
        const cache = await caches.open(PAGE_CACHE);
        await cache.put(url.href, response);
        const keys = await cache.keys();
        for (const old of keys.slice(0, Math.max(0, keys.length - PAGES_KEPT))) {
            await cache.delete(old);
        }
    }
}

// Hashed URLs never change: the kept copy is always right.
async function asset(request) {
    const kept = await caches.match(request);
    if (kept) {
        return kept;
    }
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
        const cache = await caches.open(ASSET_CACHE);
        await cache.put(request, response.clone());
    }
    return response;
}

async function lastViewer() {
    const state = await caches.match('/__viewer', {cacheName: STATE_CACHE});
    return state ? (await state.json()).viewer : null;
}

// Someone else signed in (or out), or the language changed: the kept pages and the offline page are theirs no more.
async function rememberViewer(viewer, language) {
    const cache = await caches.open(STATE_CACHE);
    const state = await cache.match('/__viewer');
    const before = state ? await state.json() : {};
    if (before.viewer === viewer && before.language === language) {
        return;
    }
    if (before.viewer !== viewer) {
        await caches.delete(PAGE_CACHE);
    }
    await cache.put('/__viewer', new Response(JSON.stringify({viewer, language})));
    try {
        const offline = await fetch(background(OFFLINE));
        if (offline.ok) {
            await (await caches.open(SHELL_CACHE)).put(OFFLINE, offline);
        }
    } catch (ignored) {
        // the next page read online tries again
    }
}

self.addEventListener('push', (event) => {
    let data = {title: 'Flowmarket', body: '', url: '/notifications'};
    try {
        data = Object.assign(data, event.data ? event.data.json() : {});
    } catch (e) {
        data.body = event.data ? event.data.text() : '';
    }
    event.waitUntil(self.registration.showNotification(data.title, {
        body: data.body, icon: '/img/logo.svg', data: {url: data.url}
    }));
});

self.addEventListener('notificationclick', (event) => {
    event.notification.close();
    const url = (event.notification.data && event.notification.data.url) || '/notifications';
    event.waitUntil(clients.openWindow(url));
});
