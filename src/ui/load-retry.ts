import type { Translate } from './shared.ts';

/**
 * Shown instead of the course when what a resumed or reviewed course needs first could not be
 * fetched: what happened, and a button to try again that resolves the promise. Plain DOM, as
 * the course's own elements are not up yet; rare enough to need no more.
 */
export function askToRetry(t: Translate): Promise<void> {
  const main = document.createElement('main');
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = t('notice.startFailed');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = t('app.retry');
  main.append(message, button);
  document.body.replaceChildren(main);
  button.focus();
  return new Promise((resolve) =>
    button.addEventListener(
      'click',
      () => {
        main.remove();
        resolve();
      },
      { once: true },
    ),
  );
}
