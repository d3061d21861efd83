// The installable, offline-reading app: registers the service worker, offers "Install" once the browser
// says the app can be installed, and "Reload" when a new release's worker is waiting.
(() => {
    if (!('serviceWorker' in navigator)) {
        return;
    }
    let reloading = false;
    const offerUpdate = (worker) => {
        const bar = document.getElementById('update-ready');
        if (!bar || !worker) {
            return;
        }
        bar.hidden = false;
        bar.querySelector('button').addEventListener('click', () => {
            reloading = true;
            worker.postMessage({type: 'skip-waiting'});
        }, {once: true});
    };
    const hadController = Boolean(navigator.serviceWorker.controller);
    navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (reloading) {
            window.location.reload();
        } else if (!hadController && navigator.serviceWorker.controller) {
            // the first worker took over after this page loaded: keep this page for reading offline too
            navigator.serviceWorker.controller.postMessage({type: 'keep', url: window.location.href});
        }
    });
    window.addEventListener('load', async () => {
        try {
            const registration = await navigator.serviceWorker.register('/sw.js');
            if (registration.waiting && navigator.serviceWorker.controller) {
                offerUpdate(registration.waiting);
            }
            registration.addEventListener('updatefound', () => {
                const installing = registration.installing;
                installing.addEventListener('statechange', () => {
                    if (installing.state === 'installed' && navigator.serviceWorker.controller) {
                        offerUpdate(installing);
                    }
                });
            });
        } catch (e) {
            // without a worker the site works as before, online only
        }
    });

    // Install: a quiet button in the footer, shown only when the browser can install the app
    let deferred = null;
    window.addEventListener('beforeinstallprompt', (event) => {
        event.preventDefault();
        deferred = event;
        const button = document.getElementById('install-app');
        if (button) {
            button.hidden = false;
        }
    });
    window.addEventListener('appinstalled', () => {
        deferred = null;
        const button = document.getElementById('install-app');
        if (button) {
            button.hidden = true;
        }
    });
    document.addEventListener('click', async (event) => {
        const button = event.target.closest('#install-app');
        if (!button || !deferred) {
            return;
        }
        deferred.prompt();
        await deferred.userChoice;
        deferred = null;
        button.hidden = true;
    });
})();
