// One way to fetch a data file: a failure says which file and why, in English and Chinese, so that
// the panel that shows it can tell the reader (network, HTTP status, not JSON).
export interface DataFile {
  /** What the file holds, in English ("plan data") and Chinese (规划数据). */
  en: string;
  zh: string;
}

/** The error for a download the network broke off (before or during its body). */
export const networkError = (what: DataFile): Error =>
  new Error(`The ${what.en} could not be downloaded (network error). 无法下载${what.zh}（网络错误）。`);

/** The file's response, or an error that says it could not be downloaded and why. */
export async function fetchOk(url: string, what: DataFile): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw networkError(what);
  }
  if (!response.ok) throw new Error(`The ${what.en} could not be downloaded (HTTP ${response.status}).`);
  return response;
}

/** The error for a file that arrived but is not JSON (cut short, or another file). */
export const notJson = (what: DataFile): Error =>
  new Error(`The ${what.en} file is damaged (not valid JSON). ${what.zh}文件已损坏。`);

export async function fetchJson<T>(url: string, what: DataFile): Promise<T> {
  const response = await fetchOk(url, what);
  try {
    return (await response.json()) as T;
  } catch {
    throw notJson(what);
  }
}
