// Files made in the browser, saved through the browser (no server involved).

/** Saves text as a file through the browser (no server involved). */
export function download(name: string, text: string | Blob, type: string): void {
  const blob = text instanceof Blob ? text : new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Today as YYYY-MM-DD (UTC), for file names and the brief's date. */
export const todayStamp = (): string => new Date().toISOString().slice(0, 10);
