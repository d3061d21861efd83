// Small progressive enhancements; every page works without them.
document.addEventListener('DOMContentLoaded', () => {
    // the catalogue's filters come folded (a phone shows the results first); a wide screen shows them beside the results
    const filters = document.querySelector('.filter-panel');
    if (filters && !window.matchMedia('(max-width: 860px)').matches) {
        filters.open = true;
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
