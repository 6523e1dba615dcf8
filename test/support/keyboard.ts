import type { Locator, Page } from '@playwright/test';

/** What has the keyboard focus, as a screen reader would name it; never <body> after an action. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    const label = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
    return `${element.tagName.toLowerCase()}: ${(label ?? element.textContent ?? '').trim()}`;
  });

/** Presses `key` until `target` has the focus, as a keyboard user does; fails if it never gets it. */
export const pressUntilFocused = async (page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') => {
  for (let presses = 0; presses < 100; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reaches ${String(target)}`);
};
