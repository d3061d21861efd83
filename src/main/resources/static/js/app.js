// Small progressive enhancements; every page works without them.
document.addEventListener('DOMContentLoaded', () => {
    // on a phone the filters start folded, so the results come first
    const filters = document.querySelector('.filter-panel');
    if (filters && window.matchMedia('(max-width: 860px)').matches) {
        filters.open = false;
    }
    const toggle = document.querySelector('.nav-toggle');
    const nav = document.getElementById('site-nav');
    if (toggle && nav) {
        toggle.addEventListener('click', () => {
            const open = nav.classList.toggle('open');
            toggle.setAttribute('aria-expanded', String(open));
        });
    }
});
