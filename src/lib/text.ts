// Text helpers shared by the URL codec and the file import.

/** At most `max` UTF-16 units, never ending in half a surrogate pair. */
export function cutString(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** `cutString` with an ellipsis when something was cut; the result is at most `max` units. */
export function ellipsize(text: string, max: number): string {
  return text.length > max ? cutString(text, max - 1) + '…' : text;
}
