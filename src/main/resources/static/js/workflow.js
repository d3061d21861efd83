// The workflow page's enhancements; without them screenshots open as plain images and the buy box stays in place.
(() => {
    const format = (template, ...args) => template.replace(/\{(\d)}/g, (_, i) => args[Number(i)]);

    function lightbox(gallery) {
        const dialog = gallery.querySelector('dialog.lightbox');
        if (!dialog || typeof dialog.showModal !== 'function') {
            return;
        }
        const links = [...gallery.querySelectorAll('a.shot')];
        const image = dialog.querySelector('img');
        const caption = dialog.querySelector('figcaption');
        const texts = dialog.querySelector('template');
        const prev = dialog.querySelector('.lightbox-prev');
        const next = dialog.querySelector('.lightbox-next');
        const close = dialog.querySelector('.lightbox-close');
        let current = 0;
        let opener = null;

        const show = index => {
            current = (index + links.length) % links.length;
            image.src = links[current].href;
            image.alt = format(texts.dataset.alt, current + 1, links.length);
            caption.textContent = format(texts.dataset.position, current + 1, links.length);
        };
        const open = (index, from) => {
            opener = from;
            show(index);
            dialog.showModal();
            close.focus();
        };

        links.forEach((link, index) => link.addEventListener('click', event => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
                return;
            }
            event.preventDefault();
            open(index, link);
        }));
        prev.addEventListener('click', () => show(current - 1));
        next.addEventListener('click', () => show(current + 1));
        close.addEventListener('click', () => dialog.close());
        // a click on the dark backdrop (the dialog itself, not the picture or a button) closes it
        dialog.addEventListener('click', event => {
            if (event.target === dialog || event.target.tagName === 'FIGURE') {
                dialog.close();
            }
        });
        dialog.addEventListener('close', () => {
            image.removeAttribute('src');
            if (opener) {
                opener.focus();
            }
        });
        dialog.addEventListener('keydown', event => {
            if (event.key === 'ArrowLeft') {
                event.preventDefault();
                show(current - 1);
            } else if (event.key === 'ArrowRight') {
                event.preventDefault();
                show(current + 1);
            } else if (event.key === 'Tab') {
                // keep Tab among the lightbox's own buttons
                const buttons = [...dialog.querySelectorAll('button:not([hidden])')];
                const at = buttons.indexOf(document.activeElement);
                const to = event.shiftKey ? (at <= 0 ? buttons.length - 1 : at - 1) : (at + 1) % buttons.length;
                event.preventDefault();
                buttons[to].focus();
            }
        });
        // swipe on touch screens: left for the next picture, right for the previous one
        let startX = null;
        let startY = null;
        dialog.addEventListener('pointerdown', event => {
            startX = event.clientX;
            startY = event.clientY;
        });
        dialog.addEventListener('pointerup', event => {
            if (startX === null) {
                return;
            }
            const dx = event.clientX - startX;
            const dy = event.clientY - startY;
            startX = null;
            if (Math.abs(dx) > 50 && Math.abs(dx) > Math.abs(dy) * 1.5) {
                show(current + (dx < 0 ? 1 : -1));
            }
        });
    }

    function dockBuyBox() {
        const slot = document.querySelector('.buy-slot');
        const box = slot && slot.querySelector('.buy-box');
        if (!box || !('IntersectionObserver' in window)) {
            return;
        }
        const narrow = window.matchMedia('(max-width: 860px)');
        const observer = new IntersectionObserver(([entry]) => {
            const passed = !entry.isIntersecting && entry.boundingClientRect.bottom < 0;
            const dock = narrow.matches && passed;
            if (dock && !box.classList.contains('docked')) {
                slot.style.minHeight = slot.offsetHeight + 'px';
            }
            box.classList.toggle('docked', dock);
            document.body.classList.toggle('buy-docked', dock);
            if (!dock) {
                slot.style.minHeight = '';
            }
        });
        observer.observe(slot);
        narrow.addEventListener('change', () => {
            if (!narrow.matches) {
                box.classList.remove('docked');
                document.body.classList.remove('buy-docked');
                slot.style.minHeight = '';
            }
        });
    }

    document.addEventListener('DOMContentLoaded', () => {
        document.querySelectorAll('.gallery').forEach(lightbox);
        dockBuyBox();
    });
})();
