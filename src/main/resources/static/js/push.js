// "Turn on push on this device": subscribes the browser with the server's VAPID key.
document.addEventListener('DOMContentLoaded', () => {
    const button = document.getElementById('enable-push');
    const status = document.getElementById('push-status');
    if (!button) {
        return;
    }
    if (!('serviceWorker' in navigator) || !('PushManager' in window)) {
        button.disabled = true;
        status.textContent = button.dataset.unsupported;
        return;
    }
    const csrf = JSON.parse(document.body.getAttribute('hx-headers') || '{}');
    const toBytes = (base64) => {
        const padded = (base64 + '='.repeat((4 - base64.length % 4) % 4)).replace(/-/g, '+').replace(/_/g, '/');
        return Uint8Array.from(atob(padded), c => c.charCodeAt(0));
    };
    button.addEventListener('click', async () => {
        try {
            const registration = await navigator.serviceWorker.register('/sw.js');
            const {publicKey} = await (await fetch('/settings/push/key')).json();
            const subscription = await registration.pushManager.subscribe({
                userVisibleOnly: true, applicationServerKey: toBytes(publicKey)
            });
            const response = await fetch('/settings/push/subscriptions', {
                method: 'POST', headers: Object.assign({'Content-Type': 'application/json'}, csrf),
                body: JSON.stringify(subscription.toJSON())
            });
            status.textContent = response.ok ? button.dataset.done : button.dataset.failed;
        } catch (e) {
            status.textContent = button.dataset.failed;
        }
    });
});
