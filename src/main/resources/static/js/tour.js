// The guided tour for a new buyer or seller (driver.js): starts by itself until finished or skipped, resumes
// at the step left, walks across pages, and starts again from the help menu. Progress is kept on the account.
(() => {
    const CHECKED = 'flowmarket-tour-checked';
    const help = document.getElementById('help-menu');
    if (!help || !window.driver || !window.driver.js) {
        sessionStorage.removeItem(CHECKED);
        return;
    }
    const restart = help.querySelector('form[data-tour-restart]');
    if (restart) {
        restart.addEventListener('submit', () => sessionStorage.removeItem(CHECKED));
    }
    // once a session has learnt there is no tour to show, pages stop asking
    if (sessionStorage.getItem(CHECKED) === 'done') {
        return;
    }
    const csrf = JSON.parse(document.body.getAttribute('hx-headers') || '{}');
    const post = (path, params) => fetch(path, {
        method: 'POST', credentials: 'same-origin',
        headers: Object.assign({'Content-Type': 'application/x-www-form-urlencoded'}, csrf),
        body: new URLSearchParams(params || {})
    });
    const visible = (selector) => {
        if (!selector) {
            return null;
        }
        const element = Array.from(document.querySelectorAll(selector)).find((candidate) => candidate.getClientRects().length > 0);
        return element || null;
    };

    const start = (tour) => {
        const here = window.location.pathname;
        let ending = false;
        const steps = tour.steps.map((step, index) => {
            const element = step.page === here || step.page === '*' ? visible(step.element) : null;
            // the first step has nothing to go back to
            const popover = index === 0 ? {title: step.title, description: step.text, showButtons: ['next', 'close']}
                : {title: step.title, description: step.text};
            return element ? {element, popover} : {popover};
        });
        const go = (index) => {
            if (index >= steps.length) {
                ending = true;
                sessionStorage.setItem(CHECKED, 'done');
                post('/tour/finish').finally(() => tour.driver.destroy());
                return;
            }
            const page = tour.steps[index].page;
            // a save lost on the way (the network, a busy server) is tried once more before the tour walks on
            const save = () => post('/tour/step', {step: index});
            const passing = (response) => response.status >= 500 || response.status === 429;
            save().then((response) => passing(response) ? save() : response, save).finally(() => {
                if (page !== here && page !== '*') {
                    ending = true;
                    window.location.href = page;
                } else {
                    tour.driver.moveTo(index);
                }
            });
        };
        tour.driver = window.driver.js.driver({
            steps,
            showProgress: true,
            progressText: tour.labels.progress,
            nextBtnText: tour.labels.next,
            prevBtnText: tour.labels.back,
            doneBtnText: tour.labels.done,
            popoverClass: 'flowmarket-tour',
            allowKeyboardControl: true,
            overlayOpacity: 0.55,
            onNextClick: (element, step, {state}) => go(state.activeIndex + 1),
            onPrevClick: (element, step, {state}) => go(Math.max(0, state.activeIndex - 1)),
            // the close button, Esc or a click beside the step: skipped, kept so, and replayable from the help menu
            onDestroyStarted: (element, step, {state}) => {
                if (!ending) {
                    ending = true;
                    sessionStorage.setItem(CHECKED, 'done');
                    post('/tour/skip', {step: state.activeIndex || 0});
                }
                tour.driver.destroy();
            },
            onPopoverRender: (popover) => {
                popover.closeButton.setAttribute('aria-label', tour.labels.close);
                popover.closeButton.setAttribute('title', tour.labels.close);
                popover.wrapper.setAttribute('role', 'dialog');
                popover.wrapper.setAttribute('aria-labelledby', 'driver-popover-title');
                popover.title.id = 'driver-popover-title';
                // keyboard users land in the step, on its main button
                window.setTimeout(() => popover.nextButton.focus(), 0);
            }
        });
        tour.driver.drive(Math.min(tour.step, steps.length - 1));
    };

    fetch('/tour', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then((response) => response.ok ? response.json() : null)
        .then((tour) => {
            if (!tour || !tour.pending) {
                sessionStorage.setItem(CHECKED, 'done');
                return;
            }
            start(tour);
        })
        .catch(() => undefined);
})();
