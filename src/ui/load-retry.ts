import type { Translate } from './shared.ts';

/**
 * Shown instead of the course when it could not start (`notice.startError`) or what a resumed
 * or reviewed course needs first could not be fetched (`notice.startFailed`): what happened, and
 * a button to try again that resolves the promise. Plain DOM, as the course's own elements are
 * not up yet; rare enough to need no more.
 */
export function askToRetry(t: Translate, lang: string, reason: 'notice.startFailed' | 'notice.startError'): Promise<void> {
  document.documentElement.lang = lang;
  const main = document.createElement('main');
  main.className = 'retry';
  const message = document.createElement('div');
  message.setAttribute('role', 'alert');
  const heading = document.createElement('h1');
  heading.textContent = t(reason);
  message.append(heading);
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
