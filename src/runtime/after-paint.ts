/**
 * Runs `write` once the screen a step leads to has been painted. The SCORM API is synchronous
 * and some LMSs answer every call over the network: a decision's dozen calls then hold the
 * page for seconds, and the learner should spend them reading the feedback, not looking at the
 * choice they clicked. A page that paints nothing (hidden, or a frame the browser does not
 * animate while it is scrolled out of view) still writes within a quarter of a second.
 */
export function afterPaint(write: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    write();
  };
  if (document.visibilityState !== 'hidden') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 250);
}
