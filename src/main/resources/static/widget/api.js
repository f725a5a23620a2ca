// Talking to the Carebook API: its envelope, its errors, and waiting out a rate limit.

const MAX_RATE_LIMIT_RETRIES = 3;

/** An answer the API gave with its error envelope. */
export class ApiError extends Error {
  constructor(status, error) {
    super(error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = error?.code;
    this.reason = error?.reason;
    this.details = error?.details ?? [];
  }
}

/** The fetch itself failed: offline, refused, or blocked by the browser (CORS). */
export class NetworkError extends Error {}

/**
 * One call: {status, data} from the envelope, an ApiError for a refusal, a NetworkError when nothing answered. A
 * 429 is retried a few times after its Retry-After (at most 30 s), telling `busy(seconds)` first.
 */
export async function callApi({ base, credential, method, path, body, busy = () => {}, fetcher = fetch }) {
  for (let attempt = 0; ; attempt++) {
    let response;
    try {
      response = await fetcher(base + path, {
        method,
        headers: {
          Authorization: `Bearer ${credential}`,
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (e) {
      throw new NetworkError(e.message);
    }
    const payload = response.status === 204 ? null : await response.json().catch(() => null);
    // Too many holds is this browser's own doing: waiting would not help, so it is said rather than retried.
    if (response.status === 429 && attempt < MAX_RATE_LIMIT_RETRIES && payload?.error?.reason !== 'too_many_holds') {
      const seconds = Math.min(30, Number(response.headers.get('Retry-After')) || 1);
      busy(seconds);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      continue;
    }
    if (!response.ok) {
      throw new ApiError(response.status, payload?.error);
    }
    return { status: response.status, data: payload?.data };
  }
}
