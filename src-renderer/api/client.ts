// The renderer's one way to reach the engine: invoke(channel, input), typed from
// shared/catalog. In Electron the preload exposes window.ordrebok.invoke; in a
// browser (the loopback host, end-to-end tests) the same call goes over fetch
// with the per-start token that the host put in the address's fragment.
import type { OrdrebokBridge } from '../../shared/bridge';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/catalog';
import { errorData, isDomainErrorData, type DomainErrorData, type Result } from '../../shared/errors';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextIsolation on); absent in a browser. */
    readonly ordrebok?: OrdrebokBridge;
  }
}

/** A refusal from the engine (or a transport failure dressed as one), carried as data. */
export class ApiError extends Error {
  readonly data: DomainErrorData;
  readonly channel: ChannelName;
  constructor(channel: ChannelName, data: DomainErrorData) {
    super(data.message.en);
    this.name = 'ApiError';
    this.channel = channel;
    this.data = data;
  }
}

const TOKEN_KEY = 'ordrebok.token';
const TOKEN_HEADER = 'x-ordrebok-token';

/**
 * Reads the host's token once from `#token=...`, keeps it for this tab in
 * sessionStorage (so a reload still works) and clears it from the address bar.
 */
function takeToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    try {
      window.sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // Storage may be unavailable; the token still lives in memory for this page.
    }
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return token;
  }
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

const token: string | null = window.ordrebok ? null : takeToken();

/** True when neither transport can work: no preload bridge and no host token. */
export function hasTransport(): boolean {
  return Boolean(window.ordrebok) || token !== null;
}

async function overHttp<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<Result<ChannelOutput<K>>> {
  let response: Response;
  try {
    response = await fetch(`/api/call/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token ?? '' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: errorData('internal', null) };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, error: errorData('internal', null) };
  }
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    const result = body as Result<ChannelOutput<K>>;
    if (result.ok || isDomainErrorData(result.error)) return result;
  }
  return { ok: false, error: errorData('internal', null) };
}

let refusalListener: ((error: ApiError) => void) | null = null;
/** One listener for every refusal (the app uses it to show the login screen on login_required). */
export function onRefusal(listener: (error: ApiError) => void): void {
  refusalListener = listener;
}

export async function invoke<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> {
  const bridge = window.ordrebok;
  const result = bridge ? await bridge.invoke(channel, input) : await overHttp(channel, input);
  if (!result.ok) {
    const error = new ApiError(channel, result.error);
    refusalListener?.(error);
    throw error;
  }
  return result.value;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
