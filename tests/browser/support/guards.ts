// Watches the page while a test feeds it hostile input: uncaught errors, console errors, and any
// element or attribute that could run script appearing in the DOM.
/** Elements the app never creates: any of them appearing means markup from input was parsed. */
const DANGEROUS_TAGS = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE', 'IMG', 'FORM']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc']);

function dangerIn(el: Element): string | null {
  if (DANGEROUS_TAGS.has(el.tagName.toUpperCase())) return `<${el.tagName.toLowerCase()}> element`;
  for (const a of el.attributes) {
    const name = a.name.toLowerCase();
    if (name.startsWith('on')) return `${name}= attribute on <${el.tagName.toLowerCase()}>`;
    if (URL_ATTRIBUTES.has(name) && /^\s*(javascript|data|vbscript):/i.test(a.value) && !el.closest('.maplibregl-map'))
      return `${name}="${a.value.slice(0, 40)}" on <${el.tagName.toLowerCase()}>`;
  }
  return null;
}

export interface PageWatch {
  /** Uncaught errors, unhandled rejections and console.error calls, in order. */
  errors: string[];
  /** Dangerous elements or attributes that appeared in the DOM. */
  injected: string[];
  stop: () => void;
}

export function watchPage(): PageWatch {
  const errors: string[] = [];
  const injected: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`uncaught: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    errors.push(`console.error: ${args.map(String).join(' ').slice(0, 500)}`);
    consoleError.apply(console, args);
  };
  const check = (node: Node) => {
    if (!(node instanceof Element)) return;
    for (const el of [node, ...node.querySelectorAll('*')]) {
      const danger = dangerIn(el);
      if (danger) injected.push(danger);
    }
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') r.addedNodes.forEach(check);
      else if (r.target instanceof Element) {
        const danger = dangerIn(r.target);
        if (danger) injected.push(danger);
      }
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
  return {
    errors,
    injected,
    stop: () => {
      observer.disconnect();
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      console.error = consoleError;
    },
  };
}

/** Neither script from input ran, nor did a prototype change. */
export function assertNoScriptRan() {
  const w = window as unknown as { __xss?: unknown };
  if (w.__xss !== undefined) throw new Error('script from input ran (window.__xss is set)');
  if (({} as Record<string, unknown>).polluted !== undefined) throw new Error('Object.prototype was polluted');
}

/** Error boundaries and failure messages currently shown. */
export const shownFailures = () =>
  [...document.querySelectorAll('.panel-error, [role="alert"]')].map((e) => e.textContent ?? '');

/** Notices currently shown. */
export const shownNotices = () => [...document.querySelectorAll('.notice')].map((e) => e.textContent ?? '');

/** Lets React render and the browser paint. */
export const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
