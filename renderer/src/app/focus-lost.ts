// Until the person has pressed a key or a pointer, the page has just loaded: focus stays at the
// top, where the first Tab reaches "Vai al contenuto principale". After that, focus on <body>
// means the control the person used went away with the screen it belonged to.
let acted = false;
const noteAction = () => {
  acted = true;
};
if (typeof window !== 'undefined') {
  window.addEventListener('keydown', noteAction, { capture: true, once: true });
  window.addEventListener('pointerdown', noteAction, { capture: true, once: true });
}

/** The focus was on a control that is gone (not merely a page that has just loaded). */
export const focusLost = (): boolean => acted && (!document.activeElement || document.activeElement === document.body);
