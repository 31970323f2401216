// The demo page's own script (a file, not inline: the page is served under a strict CSP).
// Buttons that open the widget through its command API, and a counter showing the page keeps working.
document.addEventListener('click', (event) => {
  const opener = event.target instanceof Element ? event.target.closest('[data-comptoir-open]') : null;
  if (opener) window.Comptoir?.open(opener.getAttribute('data-comptoir-open') || undefined);
  const counter = event.target instanceof Element ? event.target.closest('[data-counter]') : null;
  if (counter) {
    const value = counter.querySelector('[data-counter-value]');
    value.textContent = String(Number(value.textContent) + 1);
  }
});
