// Accessibility (issue 17): no axe-core violations (WCAG 2.1 A/AA and best practice, and WCAG 2.2's
// target size) in every view the browser tests open (explorer, filters, a place's panel, the
// reader, each planner tab, the shortlist), in the three languages, on a desktop and on a phone;
// every target there at least 24 × 24 px; every control's name holding its visible words. One mount per language and screen; the
// views follow one another through the UI (and the store where a click would be the map's).
import { afterAll, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import axe from 'axe-core';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { PLANNER_TABS } from '../../src/state/model.ts';
import { useAppStore } from '../../src/state/store.ts';
import { datasetLoaded, idleMap, mountApp, settledListIds, unmountApp } from './support/app.tsx';

const SCREENS = {
  desktop: { width: 1366, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

const PLACE = 'gulei-taiwan-petrochemical-park';
const SECOND_PLACE = 'xiamen-taiwan-investment-zone';

afterAll(async () => {
  await unmountApp();
  await page.viewport(SCREENS.desktop.width, SCREENS.desktop.height);
});

/** One line per violation and node: rule, impact, help text and link, the node's selector and why. */
function listViolations(violations: axe.Result[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${n.target.join(' ')}\n    ${(n.failureSummary ?? '').replace(/\s*\n\s*/g, ' ')}\n    ${v.helpUrl}`,
    ),
  );
}

const TARGETS =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="tab"], [role="checkbox"], [role="link"]';

/**
 * Targets under 24 × 24 px, as `selector-ish WxH`. A checkbox or file input inside a label is clicked
 * through its label, which is then the target. A target that lies inline in running text (the
 * reader's clause links, "choose a file" in its sentence) is exempt, as WCAG 2.5.8 allows.
 */
function smallTargets(): string[] {
  const small: string[] = [];
  for (const el of document.querySelectorAll<HTMLElement>(TARGETS)) {
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    const label = el instanceof HTMLInputElement ? el.closest('label') : null;
    const target = label ?? el;
    if (getComputedStyle(target).display === 'inline') continue;
    const { width, height } = target.getBoundingClientRect();
    if (width >= 23.99 && height >= 23.99) continue;
    const name = `${target.tagName.toLowerCase()}${target.className ? `.${String(target.className).split(' ').join('.')}` : ''}`;
    const text = (target.getAttribute('aria-label') ?? target.textContent ?? '').trim().slice(0, 40);
    small.push(`${name} "${text}" ${Math.round(width)}×${Math.round(height)} px`);
  }
  return small;
}

/** Letters and digits only, lower case: what a person would say to name a control. */
const words = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();

/**
 * Controls whose accessible name (aria-label) leaves out their visible words (WCAG 2.5.3). axe
 * checks this too, but leaves Chinese text undecided ("incomplete"); this check reads every
 * language the same way.
 */
function namesWithoutVisibleText(): string[] {
  const found: string[] = [];
  for (const el of document.querySelectorAll<HTMLElement>(
    ':is(a[href], button, summary, [role="button"], [role="tab"], [role="link"])[aria-label]',
  )) {
    if (!el.checkVisibility()) continue;
    const shown = words(el.innerText);
    if (shown && !words(el.getAttribute('aria-label')!).includes(shown))
      found.push(
        `${el.tagName.toLowerCase()}.${el.className}: shows "${el.innerText.trim().slice(0, 40)}", named "${el.getAttribute('aria-label')!.slice(0, 60)}"`,
      );
  }
  return found;
}

async function audit(where: string) {
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    // WCAG 2.2's target size (24 px), which the tags above leave out.
    rules: { 'target-size': { enabled: true } },
  });
  expect.soft(listViolations(result.violations), `axe violations in ${where}`).toEqual([]);
  expect.soft(smallTargets(), `targets under 24 px in ${where}`).toEqual([]);
  expect.soft(namesWithoutVisibleText(), `names without their visible text in ${where}`).toEqual([]);
}

const click = async (selector: string) => {
  const el = document.querySelector<HTMLElement>(selector);
  expect(el, selector).not.toBeNull();
  await userEvent.click(el!);
};
const visible = (selector: string) =>
  expect.poll(() => document.querySelector<HTMLElement>(selector)?.checkVisibility() ?? false, { timeout: 20_000 });

for (const lang of LANGUAGES)
  for (const [screen, size] of Object.entries(SCREENS))
    test(`${lang}, ${screen} ${size.width}×${size.height}: no axe violations and 24 px targets in every view`, async () => {
      await page.viewport(size.width, size.height);
      await mountApp(`?lang=${lang}`, size);
      const dataset = await datasetLoaded();
      await idleMap({ plan: true });
      await settledListIds();
      await audit('the explorer');

      await click('details.filters > summary');
      await expect.poll(() => document.querySelector<HTMLDetailsElement>('details.filters')?.open).toBe(true);
      await audit('the filters, open');

      // A place's panel, as a click on the map opens it.
      useAppStore.getState().select(PLACE);
      await visible('[data-testid="detail-panel"]').toBe(true);
      await idleMap({ plan: true });
      await audit("a place's panel");

      await click('[data-testid="detail-panel"] .clause-card .link-button');
      await visible('[role="dialog"] [data-testid="current-clause"]').toBe(true);
      await audit('the document reader');
      await userEvent.keyboard('{Escape}');
      await expect.poll(() => document.querySelector('[role="dialog"]')).toBeNull();
      await userEvent.keyboard('{Escape}');
      await expect.poll(() => document.querySelector('[data-testid="detail-panel"]')).toBeNull();

      await click('.mode-switch button:nth-child(2)');
      for (const tab of PLANNER_TABS) {
        await visible(`#tab-${tab}`).toBe(true);
        await click(`#tab-${tab}`);
        await visible(`#panel-${tab}`).toBe(true);
        const where = `the planner's ${tab} tab`;
        if (tab === 'matrix' || tab === 'plans') {
          await visible(`[data-testid="${tab}"]`).toBe(true);
          await idleMap({ plan: true });
          await audit(where);
          // A number's places and clauses.
          await click(`[data-testid="${tab}"] .cell-button`);
          await visible('[data-testid="cell-detail"]').toBe(true);
          await idleMap({ plan: true });
          await audit(`${where}, a number opened`);
          continue;
        }
        if (tab === 'choropleth') {
          await userEvent.selectOptions(
            document.querySelector<HTMLSelectElement>('#panel-choropleth select')!,
            dataset.industries[0].id,
          );
          await visible('[data-testid="choropleth-legend"]').toBe(true);
        } else if (tab === 'compare') {
          const boxes = document.querySelectorAll<HTMLInputElement>('.region-picker input[type="checkbox"]');
          await userEvent.click(boxes[0]);
          await userEvent.click(boxes[1]);
          await visible('[data-testid="compare"]').toBe(true);
        } else if (tab === 'overlap') {
          await visible('[data-testid="overlap"] summary').toBe(true);
          await click('[data-testid="overlap"] summary');
        } else if (tab === 'export') {
          await visible('[data-testid="dropzone"]').toBe(true);
        }
        await idleMap({ plan: true });
        await audit(where);
      }

      // The shortlist panel with two places: the list, a place's brief, the comparison, places nearby.
      useAppStore.getState().toggleShortlist(PLACE);
      useAppStore.getState().toggleShortlist(SECOND_PLACE);
      await click('[data-testid="shortlist-button"]');
      await visible('[data-testid="shortlist-list"]').toBe(true);
      await idleMap({ plan: true });
      await audit("the shortlist's list");
      await click('.shortlist-item .shortlist-item__actions .link-button:last-child');
      await visible('[data-testid="brief"]').toBe(true);
      await audit("a place's brief");
      await click('[data-testid="brief"] .brief__actions button:not(.brief__print)');
      await expect.poll(() => document.querySelector('[data-testid="brief"]')).toBeNull();
      await click('#shortlist-tab-compare');
      await visible('[data-testid="compare-table"]').toBe(true);
      await audit("the shortlist's comparison");
      await click('#shortlist-tab-nearby');
      await userEvent.selectOptions(document.querySelector<HTMLSelectElement>('.nearby__controls select')!, PLACE);
      await visible('[data-testid="nearby-list"]').toBe(true);
      await idleMap({ plan: true });
      await audit("the shortlist's places nearby");
    }, 120_000);
