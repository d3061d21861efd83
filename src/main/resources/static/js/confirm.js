// "Are you sure?" in a dialog over the page. A link marked data-confirm opens its confirmation page; with
// JavaScript htmx loads that page's body into the dialog instead, which opens as a modal (focus moves into
// it, Esc closes it, focus goes back to the link). Without JavaScript the link simply opens the page.
document.addEventListener('DOMContentLoaded', () => {
    const dialog = document.getElementById('confirm-dialog');
    if (!dialog || typeof dialog.showModal !== 'function') {
        return;
    }
    const body = document.getElementById('confirm-body');
    document.body.addEventListener('htmx:afterSwap', (event) => {
        if (event.detail.target === body && !dialog.open) {
            dialog.showModal();
        }
    });
    dialog.addEventListener('click', (event) => {
        // the close button, or a click on the backdrop outside the dialog's box
        if (event.target.closest('[data-dialog-close]') || event.target === dialog) {
            dialog.close();
        }
    });
    dialog.addEventListener('close', () => { body.innerHTML = ''; });
});
