// Flowmarket service worker: shows Web Push notifications and opens their page when clicked.
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
