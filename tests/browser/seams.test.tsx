// Seams a real user crosses (issue: seams), each item at the viewport where it was seen. Every test
// is named after its item.
import { afterEach, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { datasetLoaded, mountApp, unmountApp } from './support/app.tsx';

afterEach(unmountApp);

const PHONE = { width: 390, height: 844 };
const CJK = /[\u4e00-\u9fff]/;

test('12. notes and facts: a note is Chinese in 简体 and 繁體; a county the text does not state is "not stated"', async () => {
  await mountApp('?lang=zh-Hant&sel=xiamen-auto-city');
  const dataset = await datasetLoaded();
  const f = dataset.byId.get('xiamen-auto-city')!;
  expect(f.precision).toBe('point_prefecture_seat');
  const panel = page.getByTestId('detail-panel');
  await expect.element(panel).toBeVisible();
  await expect.element(page.getByTestId('county-not-stated')).toHaveTextContent('文件未寫明');
  expect(panel.element().textContent).not.toContain('思明');
  const note = panel.element().querySelector('.detail__note')!;
  expect(note.getAttribute('lang')).toBe('zh-Hant');
  expect(note.textContent).toMatch(CJK);
  expect(note.textContent).not.toContain(f.note!.slice(0, 30));

  await mountApp('?lang=zh-Hans&sel=gulei-taiwan-petrochemical-park', PHONE);
  const ds = await datasetLoaded();
  const gulei = ds.byId.get('gulei-taiwan-petrochemical-park')!;
  await expect.element(page.getByTestId('detail-panel')).toBeVisible();
  const zhNote = document.querySelector('.detail__note')!;
  expect(zhNote.textContent).toBe(gulei.note_zh);

  await mountApp('?lang=en&sel=xiamen-auto-city');
  await datasetLoaded();
  await expect.element(page.getByTestId('county-not-stated')).toHaveTextContent('Not stated in the documents');
  expect(document.querySelector('.detail__note')!.textContent).toBe(f.note);
});

test('EN: every clause of a place shows the project translation below the original, labelled as such', async () => {
  await mountApp('?lang=en&sel=gulei-taiwan-petrochemical-park');
  const dataset = await datasetLoaded();
  const f = dataset.byId.get('gulei-taiwan-petrochemical-park')!;
  await expect.element(page.getByTestId('detail-panel')).toBeVisible();
  const cards = [...document.querySelectorAll('[data-testid="detail-panel"] .clause-card')];
  expect(cards.length).toBe(f.sources.length);
  cards.forEach((card, i) => {
    const original = card.querySelector('blockquote[lang="zh-Hans"]')!;
    const translation = card.querySelector('[data-testid="clause-translation"]')!;
    expect(original.textContent).toContain(f.sources[i].quote);
    expect(translation.textContent).toContain(f.sources[i].quote_en);
    expect(translation.textContent).toMatch(/project's translation, not the document's text/);
    // Below the original.
    expect(original.compareDocumentPosition(translation) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
  // Not shown to Chinese readers (they read the original).
  await mountApp('?lang=zh-Hans&sel=gulei-taiwan-petrochemical-park');
  await datasetLoaded();
  await expect.element(page.getByTestId('detail-panel')).toBeVisible();
  expect(document.querySelector('[data-testid="clause-translation"]')).toBeNull();
});
